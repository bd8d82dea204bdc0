/// A column of optional years in 4 bytes a value instead of the 16 an `Int?` takes in an array:
/// the storage of `YearLists` (a year per joint paper of each tie, tens of millions on a DBLP-size
/// network), which reads its ties' first and last years off it.
///
/// Years are stored as `Int32`, nil as `Int32.min`; a column with a year outside that range
/// (never seen from a reader, but an `Int` allows it) keeps `Int?` values instead.
public struct OptionalYears: RandomAccessCollection, Sendable, Equatable {
    private var narrow: [Int32] = []
    private var wide: [Int?]? = nil
    private static let none = Int32.min

    public init() {}

    /// The years given one by one.
    /// - Complexity: O(count).
    public init(_ years: some Sequence<Int?>) {
        narrow.reserveCapacity(years.underestimatedCount)
        for year in years { append(year) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { wide?.count ?? narrow.count }

    public subscript(position: Int) -> Int? {
        if let wide { return wide[position] }
        let value = narrow[position]
        return value == Self.none ? nil : Int(value)
    }

    /// Room for `count` years in all, so that a column of known length is allocated once.
    public mutating func reserveCapacity(_ count: Int) {
        if wide != nil { wide!.reserveCapacity(count) } else { narrow.reserveCapacity(count) }
    }

    /// Adds `year` at the end.
    /// - Complexity: amortised O(1); O(count) once, if `year` is the first outside `Int32`.
    public mutating func append(_ year: Int?) {
        if wide != nil {
            wide!.append(year)
            return
        }
        guard let year else {
            narrow.append(Self.none)
            return
        }
        if year > Int(Self.none), year <= Int(Int32.max) {
            narrow.append(Int32(year))
        } else {
            wide = narrow.map { $0 == Self.none ? nil : Int($0) } + [year]
            narrow = []
        }
    }

    /// Adds `other`'s years at the end, in order.
    /// - Complexity: amortised O(`other.count`).
    public mutating func append(contentsOf other: OptionalYears) {
        if wide == nil && other.wide == nil {
            narrow.append(contentsOf: other.narrow)
        } else {
            for year in other { append(year) }
        }
    }

    public static func == (a: OptionalYears, b: OptionalYears) -> Bool {
        a.elementsEqual(b)
    }
}
