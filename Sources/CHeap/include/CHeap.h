#ifndef COAUTHOR_HEAP_H
#define COAUTHOR_HEAP_H

#include <stddef.h>

/// Hands the free pages of the C heap back to the system (glibc's malloc_trim(0)). glibc gives
/// back by itself only the top of each arena: memory freed below live blocks, and in the arenas
/// of threads that are done, stays in the resident set until this is called. Returns 1 when some
/// memory was released, 0 when none was or the C library has no such call.
int coauthor_release_free_heap(void);

/// The free bytes and the bytes in use of the C heap, over all its arenas (glibc's mallinfo2;
/// one pass over its lists of free blocks). Both 0 on other C libraries.
void coauthor_heap_usage(size_t *free_bytes, size_t *used_bytes);

/// Makes glibc serve blocks of any size from its heap rather than giving each block above its
/// mmap threshold (at most 32 MB) a mapping of its own, and keep up to 2 GB of free memory at the
/// top of the heap: a large block freed is then used again, rather than handed back and mapped
/// anew (a page fault and a zeroed page for each of its pages). Does nothing on other C libraries.
void coauthor_keep_large_blocks_in_heap(void);

#endif
