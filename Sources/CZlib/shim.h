#ifndef COAUTHOR_CZLIB_SHIM_H
#define COAUTHOR_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro; Swift sees this function instead.
static inline int coauthor_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
