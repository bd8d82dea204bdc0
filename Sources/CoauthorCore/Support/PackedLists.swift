/// Many short lists (the years of each edge's joint papers, the authors of each publication),
/// stored back to back with the start of each: a DBLP-scale corpus has millions of them, and one
/// array each would be as many allocations and some 40 bytes of overhead each.
public struct PackedLists<Value: Sendable & Equatable>: RandomAccessCollection, Sendable, Equatable {
    /// Every list's values, list after list.
    public private(set) var values: [Value] = []
    /// List `e` is `values[starts[e]..<starts[e + 1]]`.
    public private(set) var starts: [Int] = [0]

    public init() {}

    /// The lists given one by one.
    /// - Complexity: O(total length).
    public init<Lists: Sequence>(_ lists: Lists) where Lists.Element: Sequence<Value> {
        for list in lists { append(list) }
    }

    /// Room for `lists` lists of `values` values in all, so that lists of known sizes are allocated once.
    public mutating func reserveCapacity(lists: Int, values: Int) {
        starts.reserveCapacity(lists + 1)
        self.values.reserveCapacity(values)
    }

    /// Adds the next list.
    /// - Complexity: amortised O(length of `list`).
    public mutating func append(_ list: some Sequence<Value>) {
        values.append(contentsOf: list)
        starts.append(values.count)
    }

    /// Adds `other`'s lists after these, in order.
    /// - Complexity: amortised O(total length of `other`'s lists).
    public mutating func append(contentsOf other: PackedLists<Value>) {
        let base = values.count
        values.append(contentsOf: other.values)
        starts.append(contentsOf: other.starts.dropFirst().lazy.map { base + $0 })
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    /// List `k` (its indices are those of `values`, not from 0: iterate it, or use its `indices`).
    public subscript(k: Int) -> ArraySlice<Value> {
        values[starts[k]..<starts[k + 1]]
    }
}
