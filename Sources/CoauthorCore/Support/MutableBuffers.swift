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

/// Four arrays of `count` elements each, made in place by `body` from their raw, uninitialised
/// buffers: no page of them is cleared first, so on a large graph their pages are first touched
/// where `body` writes them (on all cores when it writes on all cores), not cleared on one
/// thread and then written again.
///
/// `body` writes a prefix of each array and returns its length, the same for all four (at most
/// `count`); the arrays end there, and elements past it are never read.
func makeArrays<A: BitwiseCopyable, B: BitwiseCopyable, C: BitwiseCopyable, D: BitwiseCopyable>(
    count: Int,
    _ body: (UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>, UnsafeMutableBufferPointer<C>, UnsafeMutableBufferPointer<D>) -> Int
) -> ([A], [B], [C], [D]) {
    var last: ([C], [D]) = ([], [])
    let first: ([A], [B]) = makeArrays(count: count) { a, b in
        var written = 0
        last = makeArrays(count: count) { c, d in
            written = body(a, b, c, d)
            return written
        }
        return written
    }
    return (first.0, first.1, last.0, last.1)
}

/// Two arrays made in place, as the four of `makeArrays(count:_:)` are (the same contract).
func makeArrays<A: BitwiseCopyable, B: BitwiseCopyable>(
    count: Int, _ body: (UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>) -> Int
) -> ([A], [B]) {
    var b: [B] = []
    let a = [A](unsafeUninitializedCapacity: count) { a, aCount in
        b = [B](unsafeUninitializedCapacity: count) { b, bCount in
            let written = body(a, b)
            precondition(written >= 0 && written <= count, "a prefix of the arrays written")
            (aCount, bCount) = (written, written)
        }
    }
    return (a, b)
}
