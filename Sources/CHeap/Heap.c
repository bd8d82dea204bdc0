#include "CHeap.h"

// Any C library header defines __GLIBC__ on glibc (through <features.h>).
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int coauthor_release_free_heap(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}

void coauthor_heap_usage(size_t *free_bytes, size_t *used_bytes) {
#if defined(__GLIBC__)
    struct mallinfo2 info = mallinfo2();
    *free_bytes = info.fordblks;
    *used_bytes = info.uordblks;
#else
    *free_bytes = 0;
    *used_bytes = 0;
#endif
}

void coauthor_keep_large_blocks_in_heap(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
#endif
}
