/// Parsed names by the raw bytes they were written with, so that a name written the same
/// way on many papers (the usual case: a DBLP file has about four authorships per distinct
/// spelling) is parsed and decoded once, and every occurrence shares one set of strings.
struct NameInterner {
    private var spellings: ByteKeyTable
    /// Per spelling, its name's index in `names`, or -1 when the bytes are not a usable name.
    private var nameOfSpelling: [Int32] = []
    /// The distinct usable names seen, in order of first appearance.
    private(set) var names: [PersonName] = []

    init(expected: Int = 1024) {
        spellings = ByteKeyTable(expected: expected)
        nameOfSpelling.reserveCapacity(expected)
    }

    /// The parsed name for `raw` and its index in `names`, computed by `parse` the first time
    /// these exact bytes are seen; nil when `parse` finds no name in them.
    /// - Complexity: O(length of `raw`) expected, plus `parse` once per distinct spelling.
    mutating func name(_ raw: UnsafeBufferPointer<UInt8>, parse: (UnsafeBufferPointer<UInt8>) -> PersonName?) -> (name: PersonName, id: Int32)? {
        let found = spellings.findOrInsert(raw)
        if !found.isNew {
            let id = nameOfSpelling[found.id]
            return id < 0 ? nil : (names[Int(id)], id)
        }
        guard let name = parse(raw) else {
            nameOfSpelling.append(-1)
            return nil
        }
        let id = Int32(names.count)
        names.append(name)
        nameOfSpelling.append(id)
        return (name, id)
    }
}
