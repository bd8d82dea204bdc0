#ifndef COAUTHOR_HEAP_H
#define COAUTHOR_HEAP_H

/// Hands the free pages of the C heap back to the system (glibc's malloc_trim(0)). glibc gives
/// back by itself only the top of each arena: memory freed below live blocks, and in the arenas
/// of threads that are done, stays in the resident set until this is called. Returns 1 when some
/// memory was released, 0 when none was or the C library has no such call.
int coauthor_release_free_heap(void);

#endif
