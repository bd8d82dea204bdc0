#ifndef COAUTHOR_TEMPORARY_FILES_H
#define COAUTHOR_TEMPORARY_FILES_H

/// Temporary files in flight, known to a signal handler that removes them.
///
/// A signal handler may only call async-signal-safe functions and read memory that is never
/// being allocated or freed, which Swift cannot promise; so the registry is a fixed table of
/// path buffers here, claimed and released with atomic operations, and the handler only loads
/// those atomics and calls unlink(2), sigaction(2) and raise(3).

/// Registers `path` (copied) as a temporary file to remove if the process is interrupted.
/// Returns the slot to pass to `coauthor_temporary_unregister`, or -1 when the table is full or
/// the path too long (the file is then simply not cleaned up on a signal).
int coauthor_temporary_register(const char *path);

/// Forgets the file of `slot` (after it was renamed into place or removed); -1 is ignored.
void coauthor_temporary_unregister(int slot);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove every registered file, then end
/// the process by the same signal with its default action (so the shell sees 130, 143 or 129).
/// A signal that the process inherited as ignored (nohup, background jobs) stays ignored.
/// Returns 0, or -1 if a handler could not be installed.
int coauthor_temporary_install_signal_cleanup(void);

/// How many files whose path starts with `prefix` are registered now (tests; "" counts every
/// file). A prefix lets a test count its own files while other tests write theirs.
int coauthor_temporary_count(const char *prefix);

/// Between these two calls an interrupting signal (SIGINT, SIGTERM, SIGHUP) waits: it is acted
/// on when the section ends, so that a set of files renamed into place in it is renamed whole.
void coauthor_temporary_begin_commit(void);

void coauthor_temporary_end_commit(void);

#endif
