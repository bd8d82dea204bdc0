/// The years of each edge's joint papers, list after list, in 4 bytes a year instead of 8: a
/// DBLP-size network has tens of millions of joint papers.
///
/// Years are stored as `Int32`; a column with a year outside that range (never seen from a
/// reader, but an `Int` allows it) keeps `Int` values instead, as `OptionalYears` does.
public struct YearLists: RandomAccessCollection, Sendable, Equatable {
    private var narrow: [Int32] = []
    private var wide: [Int]? = nil
    /// List `k` is values `starts[k]..<starts[k + 1]`.
    private var starts: [Int] = [0]

    public init() {}

    /// The lists given one by one.
    /// - Complexity: O(total length).
    public init<Lists: Sequence>(_ lists: Lists) where Lists.Element: Sequence<Int> {
        for list in lists { append(list) }
    }

    /// Room for `lists` lists of `values` years in all, so that lists of known sizes are allocated once.
    public mutating func reserveCapacity(lists: Int, values: Int) {
        starts.reserveCapacity(lists + 1)
        if wide != nil { wide!.reserveCapacity(values) } else { narrow.reserveCapacity(values) }
    }

    /// Adds the next list.
    /// - Complexity: amortised O(length of `list`); O(total length) once, at the first year outside `Int32`.
    public mutating func append(_ list: some Sequence<Int>) {
        for year in list {
            if wide != nil {
                wide!.append(year)
            } else if let narrowYear = Int32(exactly: year) {
                narrow.append(narrowYear)
            } else {
                wide = narrow.map(Int.init) + [year]
                narrow = []
            }
        }
        starts.append(wide?.count ?? narrow.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    /// List `k`, indexed from 0.
    public subscript(k: Int) -> Years {
        Years(narrow: narrow, wide: wide, base: starts[k], count: starts[k + 1] - starts[k])
    }

    /// Equal when every list holds the same years, however they are stored.
    public static func == (lhs: YearLists, rhs: YearLists) -> Bool {
        lhs.starts == rhs.starts && lhs.indices.allSatisfy { lhs[$0].elementsEqual(rhs[$0]) }
    }

    /// The years of one edge, indexed from 0.
    public struct Years: RandomAccessCollection, Sendable {
        private let narrow: [Int32]
        private let wide: [Int]?
        private let base: Int
        public let count: Int

        fileprivate init(narrow: [Int32], wide: [Int]?, base: Int, count: Int) {
            self.narrow = narrow
            self.wide = wide
            self.base = base
            self.count = count
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        public subscript(position: Int) -> Int {
            precondition(position >= 0 && position < count, "year index out of range")
            if let wide { return wide[base + position] }
            return Int(narrow[base + position])
        }
    }
}
