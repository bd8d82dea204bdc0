import Foundation

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
        id(raw, parse: parse).map { (names[Int($0)], $0) }
    }

    /// `name(_:parse:)`'s index alone, for callers that keep ids: handing out the name copies it,
    /// which counts its strings up and back down on every authorship.
    /// - Complexity: O(length of `raw`) expected, plus `parse` once per distinct spelling.
    mutating func id(_ raw: UnsafeBufferPointer<UInt8>, parse: (UnsafeBufferPointer<UInt8>) -> PersonName?) -> Int32? {
        id(raw, hash: FNV1a.hash(raw), parse: parse)
    }

    /// `id(_:parse:)` for bytes whose FNV-1a hash the caller has made (for `prefetch(hash:)`).
    mutating func id(_ raw: UnsafeBufferPointer<UInt8>, hash: UInt64, parse: (UnsafeBufferPointer<UInt8>) -> PersonName?) -> Int32? {
        let found = spellings.findOrInsert(raw, hash: hash)
        if !found.isNew {
            let id = nameOfSpelling[found.id]
            return id < 0 ? nil : id
        }
        guard let name = parse(raw) else {
            nameOfSpelling.append(-1)
            return nil
        }
        let id = Int32(names.count)
        names.append(name)
        nameOfSpelling.append(id)
        return id
    }

    /// The names, moved out (the table is left with none, its spellings kept): an array the caller
    /// then owns alone, which it can grow without a copy of every name.
    mutating func takeNames() -> [PersonName] { take(&names, leaving: []) }

    /// Starts loading where the spelling with this FNV-1a hash is looked up (`ByteKeyTable.prefetch(hash:)`).
    func prefetch(hash: UInt64) { spellings.prefetch(hash: hash) }

    /// For each name of `other`, the index of the same name in this table, or -1: a name is
    /// found when another interner was given the same bytes. Read-only, so tables built on
    /// separate cores can be matched on all cores at once.
    /// - Complexity: O(total length of `other`'s spellings) expected.
    func indices(of other: NameInterner) -> [Int32] {
        let count = other.spellings.count
        let runs = count >= 1 << 14 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let parts = parallelRuns(runs) { run -> [(Int32, Int32)] in
            var found: [(Int32, Int32)] = []
            for spelling in (count * run / runs)..<(count * (run + 1) / runs) {
                let theirs = other.nameOfSpelling[spelling]
                guard theirs >= 0 else { continue }
                if let mine = spellings.find(keyOf: spelling, in: other.spellings), nameOfSpelling[mine] >= 0 {
                    found.append((theirs, nameOfSpelling[mine]))
                }
            }
            return found
        }
        var result = [Int32](repeating: -1, count: other.names.count)
        for part in parts {
            for (theirs, mine) in part { result[Int(theirs)] = mine }
        }
        return result
    }
}
