// The target's functions are inline, in its header (but the thread priority's); SwiftPM wants a
// source file per C target.
#define _GNU_SOURCE
#include "CPrefetch.h"

#if defined(__linux__)
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int coauthor_lower_thread_priority(int steps) {
    id_t thread = (id_t)syscall(SYS_gettid);
    errno = 0;
    int current = getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0) return -1;
    return setpriority(PRIO_PROCESS, thread, current + steps);
}

int coauthor_thread_priority(void) {
    return getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
}
#else
int coauthor_lower_thread_priority(int steps) {
    (void)steps;
    return -1;
}

int coauthor_thread_priority(void) {
    return 0;
}
#endif
