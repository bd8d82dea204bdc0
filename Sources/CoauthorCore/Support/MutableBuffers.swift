/// Calls `body` with four arrays as raw mutable buffers (one closure for the hot loops that index them all).
func withUnsafeMutableBuffers<A, B, C, D, Result>(
    _ a: inout [A], _ b: inout [B], _ c: inout [C], _ d: inout [D],
    _ body: (UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>, UnsafeMutableBufferPointer<C>, UnsafeMutableBufferPointer<D>) -> Result
) -> Result {
    a.withUnsafeMutableBufferPointer { a in
        b.withUnsafeMutableBufferPointer { b in
            c.withUnsafeMutableBufferPointer { c in
                d.withUnsafeMutableBufferPointer { d in body(a, b, c, d) }
            }
        }
    }
}
