/// The years of each edge's joint papers, list after list, in 4 bytes a year instead of 8: a
/// DBLP-size network has tens of millions of joint papers. The years live in one
/// `OptionalYears` column (with its `Int` fallback for a year beyond `Int32`), never nil here.
public struct YearLists: RandomAccessCollection, Sendable, Equatable {
    private var years = OptionalYears()
    /// List `k` is `years[starts[k]..<starts[k + 1]]`; 4 bytes an edge, as the years are.
    private var starts: [UInt32] = [0]

    public init() {}

    /// The lists given one by one.
    /// - Complexity: O(total length).
    public init<Lists: Sequence>(_ lists: Lists) where Lists.Element: Sequence<Int> {
        for list in lists { append(list) }
    }

    /// Room for `lists` lists of `values` years in all, so that lists of known sizes are allocated once.
    public mutating func reserveCapacity(lists: Int, values: Int) {
        starts.reserveCapacity(lists + 1)
        years.reserveCapacity(values)
    }

    /// Adds the next list.
    /// - Complexity: amortised O(length of `list`).
    public mutating func append(_ list: some Sequence<Int>) {
        for year in list { years.append(year) }
        precondition(years.count <= Int(UInt32.max), "at most 4,294,967,295 joint papers in all")
        starts.append(UInt32(years.count))
    }

    /// Adds `other`'s lists after these, in order.
    /// - Complexity: amortised O(total length of `other`'s lists).
    public mutating func append(contentsOf other: YearLists) {
        let base = starts[starts.count - 1]
        years.append(contentsOf: other.years)
        precondition(years.count <= Int(UInt32.max), "at most 4,294,967,295 joint papers in all")
        starts.append(contentsOf: other.starts.dropFirst().lazy.map { base + $0 })
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    /// List `k`, indexed from 0.
    public subscript(k: Int) -> Years {
        Years(years: years, base: Int(starts[k]), count: Int(starts[k + 1] - starts[k]))
    }

    /// Equal when every list holds the same years, however they are stored.
    public static func == (lhs: YearLists, rhs: YearLists) -> Bool {
        lhs.starts == rhs.starts && lhs.years == rhs.years
    }

    /// The first year of each list (nil for an empty one): an edge's first joint year, read off
    /// its years rather than kept beside them.
    public var firstYears: Ends { Ends(lists: self, last: false) }
    /// The last year of each list (nil for an empty one).
    public var lastYears: Ends { Ends(lists: self, last: true) }

    /// The first or the last year of each list, nil for an empty list.
    public struct Ends: RandomAccessCollection, Sendable {
        private let lists: YearLists
        private let last: Bool

        fileprivate init(lists: YearLists, last: Bool) {
            self.lists = lists
            self.last = last
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { lists.count }

        public subscript(k: Int) -> Int? {
            let start = Int(lists.starts[k]), end = Int(lists.starts[k + 1])
            guard start < end else { return nil }
            return lists.years[last ? end - 1 : start]
        }
    }

    /// The years of one edge, indexed from 0.
    public struct Years: RandomAccessCollection, Sendable {
        private let years: OptionalYears
        private let base: Int
        public let count: Int

        fileprivate init(years: OptionalYears, base: Int, count: Int) {
            self.years = years
            self.base = base
            self.count = count
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        public subscript(position: Int) -> Int {
            precondition(position >= 0 && position < count, "year index out of range")
            return years[base + position]!
        }
    }
}
