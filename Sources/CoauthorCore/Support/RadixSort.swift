/// Stable least-significant-digit radix sort of 64-bit keys, moving a payload along.
enum RadixSort {
    /// Sorts `keys` ascending and applies the same permutation to `payload`; equal keys keep
    /// their order. Only the digits below `maxKey`'s highest bit are sorted on.
    /// - Precondition: `keys.count == payload.count`, every key `< maxKey` (or `maxKey` is 0).
    /// - Complexity: O(d·(n + 2¹²)) for d = ⌈bits(maxKey) / 12⌉ passes; two arrays of scratch.
    static func sort(_ keys: inout [UInt64], carrying payload: inout [Int32], maxKey: UInt64) {
        precondition(keys.count == payload.count)
        let bits = 64 - maxKey.leadingZeroBitCount
        guard keys.count > 1, bits > 0 else { return }
        let digitBits = 12
        let buckets = 1 << digitBits
        var otherKeys = [UInt64](repeating: 0, count: keys.count)
        var otherPayload = [Int32](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: buckets)
        var shift = 0
        while shift < bits {
            for i in counts.indices { counts[i] = 0 }
            keys.withUnsafeBufferPointer { from in
                for key in from { counts[Int((key >> UInt64(shift)) & UInt64(buckets - 1))] += 1 }
            }
            var total = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            keys.withUnsafeBufferPointer { fromKeys in
                payload.withUnsafeBufferPointer { fromPayload in
                    otherKeys.withUnsafeMutableBufferPointer { toKeys in
                        otherPayload.withUnsafeMutableBufferPointer { toPayload in
                            for i in fromKeys.indices {
                                let digit = Int((fromKeys[i] >> UInt64(shift)) & UInt64(buckets - 1))
                                let slot = counts[digit]
                                counts[digit] = slot + 1
                                toKeys[slot] = fromKeys[i]
                                toPayload[slot] = fromPayload[i]
                            }
                        }
                    }
                }
            }
            swap(&keys, &otherKeys)
            swap(&payload, &otherPayload)
            shift += digitBits
        }
    }
}
