/// Sorts `keys` by their bits `low..<high` (least significant first, eight bits a pass), keeping
/// the order of keys equal there: a least-significant-digit radix sort. A pass whose digit is the
/// same in every key moves nothing.
/// - Parameter scratch: room for at least `keys.count` keys, overwritten.
/// - Complexity: O((n + 256) · ⌈(high − low) / 8⌉) for n keys.
func radixSort(_ keys: UnsafeMutableBufferPointer<UInt64>, byBits bits: Range<Int>, scratch: UnsafeMutableBufferPointer<UInt64>) {
    precondition(scratch.count >= keys.count, "the scratch holds every key")
    precondition(bits.lowerBound >= 0 && bits.upperBound <= 64, "bits of a 64-bit key")
    let n = keys.count
    guard n > 1 else { return }
    var from = keys.baseAddress!, to = scratch.baseAddress!
    // On the stack: the network build sorts many small buckets, one call each.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
        var shift = bits.lowerBound
        while shift < bits.upperBound {
            let width = min(8, bits.upperBound - shift)
            let mask = UInt64(1) << UInt64(width) - 1, digitShift = UInt64(shift)
            shift += 8
            for d in 0..<256 { counts[d] = 0 }
            for i in 0..<n { counts[Int(from[i] >> digitShift & mask)] += 1 }
            if counts[Int(from[0] >> digitShift & mask)] == n { continue }
            var total = 0
            for d in 0..<256 {
                let count = counts[d]
                counts[d] = total
                total += count
            }
            for i in 0..<n {
                let key = from[i]
                let d = Int(key >> digitShift & mask)
                to[counts[d]] = key
                counts[d] += 1
            }
            swap(&from, &to)
        }
    }
    if from != keys.baseAddress! { keys.baseAddress!.update(from: from, count: n) }
}
