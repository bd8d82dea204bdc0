import Testing
@testable import CoauthorCore

/// `YearLists` stores each edge's years in 4 bytes a year: every list must read back as given,
/// indexed from 0, and a year outside `Int32` must switch the column to wide storage without
/// losing the others.
@Suite struct YearListsTests {
    @Test func listsReadBackAsGivenFromIndexZero() {
        let given: [[Int]] = [[1999, 1999, 2004], [], [2024], [-44, Int(Int32.max)], [], [Int(Int32.min), 0, 7]]
        let lists = YearLists(given)
        #expect(lists.count == given.count)
        #expect(lists.map { Array($0) } == given)
        #expect(lists[3].startIndex == 0 && lists[3][1] == Int(Int32.max) && lists[3].count == 2)
        #expect(lists[1].isEmpty && lists[1].first == nil)
        #expect(lists[0].last == 2004)
    }

    @Test func aYearBeyondInt32KeepsEveryValue() {
        var lists = YearLists([[2001, 2002], [1990]])
        let narrow = lists
        lists.append([Int(Int32.max) + 1, 2010])
        lists.append([1985])
        #expect(lists.map { Array($0) } == [[2001, 2002], [1990], [Int(Int32.max) + 1, 2010], [1985]])
        // Equality looks at the years, not at how they are stored.
        var grown = narrow
        grown.append([Int(Int32.max) + 1, 2010])
        grown.append([1985])
        #expect(lists == grown)
        #expect(lists != narrow)
        #expect(YearLists([[1, 2], [3]]) != YearLists([[1], [2, 3]]))
    }

    /// Lists added in bulk (one builder run's after another's) read back as if added one by one,
    /// whichever side holds a year beyond `Int32`; packed lists likewise.
    @Test func listsAddedInBulkReadAsAddedOneByOne() {
        let parts: [[[Int]]] = [[[2001, 2002], [], [1990]], [[2010], [], []], [[Int(Int32.max) + 1], [1985, 1986]], [], [[7]]]
        for order in [parts, parts.reversed()] {
            var joined = YearLists()
            var packed = PackedLists<Double>()
            for part in order {
                joined.append(contentsOf: YearLists(part))
                packed.append(contentsOf: PackedLists(part.map { $0.map(Double.init) }))
            }
            let all = order.flatMap { $0 }
            #expect(joined == YearLists(all))
            #expect(joined.map { Array($0) } == all)
            #expect(packed == PackedLists(all.map { $0.map(Double.init) }))
            #expect(packed.map { Array($0) } == all.map { $0.map(Double.init) })
        }
    }
}
