#include "CTemporaryFiles.h"

#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

enum { slot_count = 1024, path_capacity = PATH_MAX };
enum { slot_free = 0, slot_filling = 1, slot_ready = 2 };

static _Atomic int states[slot_count];
static char paths[slot_count][path_capacity];

int coauthor_temporary_register(const char *path) {
    size_t length = strlen(path);
    if (length >= path_capacity) return -1;
    for (int slot = 0; slot < slot_count; slot++) {
        int expected = slot_free;
        if (atomic_compare_exchange_strong(&states[slot], &expected, slot_filling)) {
            memcpy(paths[slot], path, length + 1);
            atomic_store(&states[slot], slot_ready);
            return slot;
        }
    }
    return -1;
}

void coauthor_temporary_unregister(int slot) {
    if (slot < 0 || slot >= slot_count) return;
    atomic_store(&states[slot], slot_free);
}

int coauthor_temporary_count(const char *prefix) {
    size_t length = strlen(prefix);
    int count = 0;
    for (int slot = 0; slot < slot_count; slot++) {
        count += atomic_load(&states[slot]) == slot_ready && strncmp(paths[slot], prefix, length) == 0;
    }
    return count;
}

/// Set while a set of outputs is renamed into place (`coauthor_temporary_begin_commit`): a signal
/// then waits, in `pending_signal`, until the set is whole.
static _Atomic int committing;
static _Atomic int pending_signal;

static void remove_temporary_files(int signal_number) {
    // Noted first, then the section looked at: a section ending meanwhile (on another thread)
    // finds the signal in its exchange, so it is never lost.
    atomic_store(&pending_signal, signal_number);
    if (atomic_load(&committing)) return;
    atomic_store(&pending_signal, 0);
    for (int slot = 0; slot < slot_count; slot++) {
        if (atomic_load(&states[slot]) == slot_ready) unlink(paths[slot]);
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal_number, &fallback, NULL);
    // Delivered with the default action as soon as this handler returns (the signal is blocked
    // while it runs), so the process ends the way an uncaught signal ends it.
    raise(signal_number);
}

int coauthor_temporary_install_signal_cleanup(void) {
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    int result = 0;
    for (size_t index = 0; index < sizeof signals / sizeof signals[0]; index++) {
        struct sigaction previous;
        if (sigaction(signals[index], NULL, &previous) != 0) { result = -1; continue; }
        if (previous.sa_handler == SIG_IGN) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = remove_temporary_files;
        sigfillset(&action.sa_mask);
        if (sigaction(signals[index], &action, NULL) != 0) result = -1;
    }
    return result;
}

void coauthor_temporary_begin_commit(void) {
    atomic_store(&committing, 1);
}

void coauthor_temporary_end_commit(void) {
    atomic_store(&committing, 0);
    int signal_number = atomic_exchange(&pending_signal, 0);
    if (signal_number != 0) remove_temporary_files(signal_number);
}
