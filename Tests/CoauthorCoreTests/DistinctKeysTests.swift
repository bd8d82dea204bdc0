@testable import CoauthorCore
import Testing

/// `DistinctKeys` numbers keys as one table filled in item order would, on any number of cores.
struct DistinctKeysTests {
    /// Seeded keys with many repeats (a few thousand distinct among 60,000), every fifth item left
    /// out (some keys with such items only): the numbers of a dictionary filled in item order,
    /// whatever the cores, and `find` gives every key's number and none for keys of left-out items
    /// only or never seen.
    @Test(arguments: [1, 2, 3, 7])
    func numbersAreThoseOfFirstAppearance(workers: Int) {
        var random = SplitMix64(seed: 21)
        let itemCount = 60_000
        let included = (0..<itemCount).map { $0 % 5 != 0 }
        // Some keys only ever come with items left out.
        let words = (0..<itemCount).map { k in
            !included[k] && k % 3 == 0 ? "left-out-\(k % 300)" : "name-\(random.next() % 5_000)"
        }
        var expected = [Int32](repeating: -1, count: itemCount)
        var numbers: [String: Int32] = [:]
        for item in 0..<itemCount where included[item] {
            if numbers[words[item]] == nil { numbers[words[item]] = Int32(numbers.count) }
            expected[item] = numbers[words[item]]!
        }
        let (distinct, batches) = Parallelism.$workers.withValue(workers) {
            Parallelism.$minimumRunItems.withValue(1_000) {
                let batches = KeyBatch.make(count: itemCount) { item, bytes in bytes.append(contentsOf: words[item].utf8) }
                return (DistinctKeys(batches, including: { included[$0] }), batches)
            }
        }
        #expect(workers == 1 || batches.count > 1, "the keys come in several batches")
        #expect(distinct.count == numbers.count)
        let mismatched = (0..<itemCount).filter { distinct.numberOfItem[$0] != expected[$0] }
        #expect(mismatched.isEmpty, "\(mismatched.count) items numbered otherwise, the first \(mismatched.first ?? -1)")
        let wrongFinds = numbers.filter { word, number in distinct.find(Array(word.utf8)[...]) != Int(number) }
        #expect(wrongFinds.isEmpty, "\(wrongFinds.count) keys found otherwise")
        let onlyLeftOut = Set((0..<itemCount).filter { !included[$0] }.map { words[$0] }).subtracting(numbers.keys)
        // Items left out every 15th: 20 such keys (k % 300 a multiple of 15).
        #expect(onlyLeftOut.count == 20, "keys of items left out only")
        for word in onlyLeftOut.union(["name-5000", ""]) {
            #expect(distinct.find(Array(word.utf8)[...]) == nil, "\(word) is not a key")
        }
    }
}

/// `parallelMap` and `occurrenceCounts` on arrays large enough to be split over the cores: the
/// results of a plain loop, whatever the cores (seeded even ids, so odd ones are never used, and
/// one used a lot).
struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 7])
    func sameAsAPlainLoop(workers: Int) {
        var random = SplitMix64(seed: 5)
        let count = 50_000
        let ids = (0..<(parallelMapItems + 12_345)).map { k in Int32(k % 11 == 0 ? 8 : 2 * Int(random.next() % UInt64(count / 2))) }
        var expected = [Int32](repeating: 0, count: count)
        for id in ids { expected[Int(id)] += 1 }
        let table = (0..<count).map { Int32($0 * 3 + 1) }
        let (counts, mapped) = Parallelism.$workers.withValue(workers) {
            (occurrenceCounts(of: ids, below: count), parallelMap(ids) { table[Int($0)] })
        }
        #expect(counts.count == count && mapped.count == ids.count)
        let wrongCounts = (0..<count).filter { counts[$0] != expected[$0] }
        #expect(wrongCounts.isEmpty, "\(workers) cores: \(wrongCounts.count) ids counted otherwise, the first \(wrongCounts.first ?? -1)")
        #expect(expected[1] == 0 && expected[8] > 90_000, "unused and frequent ids")
        let wrong = ids.indices.filter { mapped[$0] != table[Int(ids[$0])] }
        #expect(wrong.isEmpty, "\(workers) cores: \(wrong.count) values mapped otherwise, the first at \(wrong.first ?? -1)")
    }
}
