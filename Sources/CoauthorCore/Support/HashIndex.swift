import CPrefetch
import Foundation

/// An open-addressing hash index from caller-computed 64-bit hashes to dense integer ids.
///
/// The caller keeps the keys (in an array, a byte arena, a file buffer) and decides equality;
/// the index only stores each id's hash and where it sits in the table. This avoids building a
/// `Hashable` key (a `String`, a struct of strings) for every lookup, which dominates the cost
/// of interning hundreds of thousands of names with `Dictionary` and SipHash.
struct HashIndex {
    /// Table slots holding `id + 1` (0 is empty); the capacity is a power of two.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    /// The number of ids handed out (they are `0..<count`).
    var count: Int { hashes.count }

    init(expected: Int = 16) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The id whose key has `hash` and for which `matches(id)` holds; or a new id (the next
    /// integer), recorded under `hash`, with `isNew` set.
    /// - Complexity: O(1) expected.
    @inline(__always)
    mutating func findOrInsert(hash: UInt64, matches: (Int) -> Bool) -> (id: Int, isNew: Bool) {
        var slot = homeSlot(of: hash, mask: mask)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if hashes[stored - 1] == hash, matches(stored - 1) { return (stored - 1, false) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(hash)
        slots[slot] = Int32(id + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id whose key has `hash` and for which `matches(id)` holds, if any.
    /// - Complexity: O(1) expected.
    func find(hash: UInt64, matches: (Int) -> Bool) -> Int? {
        var slot = homeSlot(of: hash, mask: mask)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if hashes[stored - 1] == hash, matches(stored - 1) { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for (id, hash) in hashes.enumerated() {
            var slot = homeSlot(of: hash, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }
}

/// The slot where the open-addressing tables below (and `OpenAlexWorkReader.Known`'s) start
/// probing for `hash` (`mask` is their capacity minus one): its low bits, with higher ones folded in.
@inline(__always) func homeSlot(of hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
}

/// 64-bit FNV-1a, fed byte by byte: fast for the short keys (names, field names) it hashes.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    @inline(__always)
    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// The hash of `bytes` alone.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        for byte in bytes { hasher.add(byte) }
        return hasher.value
    }

    /// Adds a string's UTF-8 bytes and a terminator, so that ("ab", "c") and ("a", "bc") differ.
    @inline(__always)
    mutating func add(field text: String) {
        var text = text
        text.withUTF8 { buffer in
            for byte in buffer { add(byte) }
        }
        add(0xFF)
    }
}

/// Dense ids for distinct byte strings (names, keys), the bytes kept back to back in one arena.
///
/// Each table slot holds the key's hash tag, id and place in the arena, so a probe reads one
/// slot and, on a tag match, the key's bytes: two memory accesses where a table of ids plus
/// arrays of hashes and ranges would need four (interning is bound by those cache misses).
struct ByteKeyTable {
    /// 8 bytes: where the key's bytes are is read from `entries` when the tag matches (on a hit,
    /// and on one probe in four billion otherwise), which halves the table of a million names.
    private struct Slot {
        /// The upper half of the key's hash; `id == 0` marks an empty slot.
        var tag: UInt32 = 0
        /// `id + 1`.
        var id: UInt32 = 0
    }

    private var slots: [Slot]
    private var mask: Int
    private var arena: [UInt8] = []
    /// Per id, its slot's contents (for `key(_:)` and for growing).
    private var entries: [(hash: UInt64, start: UInt32, length: UInt32)] = []

    /// The number of distinct keys (their ids are `0..<count`).
    var count: Int { entries.count }

    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
        arena.reserveCapacity(expected * 16)
        entries.reserveCapacity(expected)
    }

    /// The bytes of key `id`.
    func key(_ id: Int) -> ArraySlice<UInt8> {
        let entry = entries[id]
        return arena[Int(entry.start)..<Int(entry.start) + Int(entry.length)]
    }

    /// The id of `bytes`, added as a new key (the next id) when not present.
    /// - Complexity: O(length of `bytes`) expected.
    mutating func findOrInsert(_ bytes: ArraySlice<UInt8>) -> (id: Int, isNew: Bool) {
        findOrInsert(bytes, hash: bytes.withUnsafeBufferPointer { FNV1a.hash($0) })
    }

    /// `findOrInsert(_:)` for bytes in memory the caller holds (no array slice, whose reference
    /// count several cores reading one shared buffer would all touch).
    mutating func findOrInsert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        findOrInsert(bytes, hash: FNV1a.hash(bytes))
    }

    /// `findOrInsert(_:)` for bytes in memory the caller holds whose hash it has already made
    /// (FNV-1a, or another hash that the caller gives for every key of this table).
    mutating func findOrInsert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int, isNew: Bool) {
        let (slot, found) = probe(bytes, hash: hash)
        if let found { return (found, false) }
        return insert(bytes, hash: hash, at: slot)
    }

    /// `findOrInsert(_:)` for a key whose FNV-1a hash is already known (`KeyBatch`).
    mutating func findOrInsert(_ bytes: ArraySlice<UInt8>, hash: UInt64) -> (id: Int, isNew: Bool) {
        bytes.withUnsafeBufferPointer { key in
            let (slot, found) = probe(key, hash: hash)
            if let found { return (found, false) }
            return insert(key, hash: hash, at: slot)
        }
    }

    /// Starts loading the slot where a key with this FNV-1a hash is probed first, so that a
    /// `findOrInsert` some work later finds it in the cache (several lookups' misses then overlap).
    func prefetch(hash: UInt64) {
        slots.withUnsafeBufferPointer { table in
            coauthor_prefetch(table.baseAddress! + homeSlot(of: hash, mask: mask))
        }
    }

    /// Adds `bytes` as the next id in the empty slot `slot`.
    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) -> (id: Int, isNew: Bool) {
        precondition(arena.count + bytes.count < Int(UInt32.max), "key arena over 4 GB")
        let id = entries.count
        let start = UInt32(arena.count)
        arena.append(contentsOf: bytes)
        entries.append((hash, start, UInt32(bytes.count)))
        slots[slot] = Slot(tag: UInt32(truncatingIfNeeded: hash >> 32), id: UInt32(id + 1))
        if entries.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// Where the bytes of key `id` are in the arena (`withArena`), and how many there are.
    func place(of id: Int) -> (start: UInt32, length: UInt32) {
        let entry = entries[id]
        return (entry.start, entry.length)
    }

    /// `body` applied to the arena, the keys' bytes back to back (each at its `place(of:)`).
    @inline(__always) func withArena<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        arena.withUnsafeBufferPointer(body)
    }

    /// `body` applied to the bytes of key `id`, where they are kept.
    func withKey<Result>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let entry = entries[id]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<(Int(entry.start) + Int(entry.length))])) }
    }

    /// The id of `bytes`, if present.
    /// - Complexity: O(length of `bytes`) expected.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(bytes, hash: FNV1a.hash(bytes)).found
    }

    /// `find(_:)` for a key whose FNV-1a hash is already known.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        probe(bytes, hash: hash).found
    }

    /// The id here of key `id` of `other`, if present: its bytes and stored hash read in place (no
    /// array slice, whose reference count cores matching against one table at once would all
    /// touch). Both tables hash their keys with FNV-1a.
    /// - Complexity: O(length of the key) expected.
    func find(keyOf id: Int, in other: ByteKeyTable) -> Int? {
        let entry = other.entries[id]
        return other.arena.withUnsafeBufferPointer { stored in
            probe(UnsafeBufferPointer(rebasing: stored[Int(entry.start)..<(Int(entry.start) + Int(entry.length))]), hash: entry.hash).found
        }
    }

    /// The id of `bytes`, if present.
    /// - Complexity: O(length of `bytes`) expected.
    func find(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { probe in self.probe(probe, hash: FNV1a.hash(probe)).found }
    }

    /// The key's id if present, else the empty slot where it belongs.
    private func probe(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, found: Int?) {
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        return slots.withUnsafeBufferPointer { table in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { stored in
                    var slot = homeSlot(of: hash, mask: mask)
                    while true {
                        let candidate = table[slot]
                        if candidate.id == 0 { return (slot, nil) }
                        if candidate.tag == tag {
                            let entry = entries[Int(candidate.id) - 1]
                            if Int(entry.length) == key.count,
                               key.isEmpty || memcmp(stored.baseAddress! + Int(entry.start), key.baseAddress!, key.count) == 0 {
                                return (slot, Int(candidate.id) - 1)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: Slot(), count: capacity)
        mask = capacity - 1
        for (id, entry) in entries.enumerated() {
            var slot = homeSlot(of: entry.hash, mask: mask)
            while slots[slot].id != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(tag: UInt32(truncatingIfNeeded: entry.hash >> 32), id: UInt32(id + 1))
        }
    }
}

/// A 64-bit hash of longer byte strings (affiliation lines, names), eight bytes a step:
/// FNV-1a's byte-by-byte chain of multiplications costs some four cycles a byte, which adds up
/// for a lookup of a 100-byte line on every record.
enum WordHash {
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(h) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for k in offset..<bytes.count { tail = tail << 8 | UInt64(base[k]) }
            h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        }
        return mix(h)
    }

    /// MurmurHash3's finaliser: every input bit reaches the high bits (the table's tag) and the low ones (its slot).
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

/// Byte keys made for a run of items (ids `base..<base + count`): the bytes back to back, and
/// each key's end and FNV-1a hash. Making keys is the part of interning that needs no shared
/// state, so it is split over the cores (`KeyBatch.make`) and only the table inserts stay serial.
struct KeyBatch: Sendable {
    var base = 0
    var arena: [UInt8] = []
    var ends: [Int] = []
    var hashes: [UInt64] = []

    var count: Int { ends.count }

    /// The key of item `base + local`.
    func key(_ local: Int) -> ArraySlice<UInt8> {
        arena[(local == 0 ? 0 : ends[local - 1])..<ends[local]]
    }

    /// Adds the next item's key.
    mutating func append(_ key: [UInt8]) {
        arena.append(contentsOf: key)
        ends.append(arena.count)
        hashes.append(key.withUnsafeBufferPointer { FNV1a.hash($0) })
    }

    /// Keys for items `0..<count`, made by `write(item, &bytes)` (which appends the item's key),
    /// in one batch per core for large counts (`Parallelism.minimumRunItems`); batches come in item order.
    /// - Complexity: O(total key length + count), divided over the cores.
    static func make(count: Int, _ write: @Sendable @escaping (Int, inout [UInt8]) -> Void) -> [KeyBatch] {
        let runs = count >= Parallelism.minimumRunItems ? max(1, min(2, Parallelism.workers)) : 1
        return parallelRuns(runs) { run in
            let lower = count * run / runs
            let upper = count * (run + 1) / runs
            var batch = KeyBatch(base: lower)
            batch.ends.reserveCapacity(upper - lower)
            batch.hashes.reserveCapacity(upper - lower)
            batch.arena.reserveCapacity((upper - lower) * 24)
            for item in lower..<upper {
                let start = batch.arena.count
                write(item, &batch.arena)
                batch.ends.append(batch.arena.count)
                batch.hashes.append(batch.arena.withUnsafeBufferPointer { FNV1a.hash(UnsafeBufferPointer(rebasing: $0[start...])) })
            }
            return batch
        }
    }
}

/// The distinct keys of a list of items (`KeyBatch`es in item order), numbered in order of first
/// appearance, found on all cores: the keys are split by their hash between one table per core,
/// each filled in item order on its own core (the table inserts, a cache miss each on a large
/// list, were the serial part of interning), then one pass in item order numbers each table's keys
/// as they first appear. The numbers are those one table filled in item order would give,
/// whatever the number of cores.
struct DistinctKeys: Sendable {
    private let tables: [ByteKeyTable]
    /// Per table, the number of each of its keys.
    private let numberOfKey: [[Int32]]
    /// Per item, its key's number (-1 for an item left out).
    private(set) var numberOfItem: [Int32]
    /// The number of distinct keys.
    let count: Int

    /// Numbers the keys of the items in `batches` for which `including(item)` holds.
    /// - Complexity: O(total key length) expected, divided over the cores, plus O(items) serial.
    init(_ batches: [KeyBatch], including: @Sendable (Int) -> Bool) {
        let itemCount = batches.reduce(0) { $0 + $1.count }
        let parts = itemCount >= Parallelism.minimumRunItems ? max(1, Parallelism.workers) : 1
        // Each item's key within its table; -1 for items left out.
        var local = [Int32](repeating: -1, count: itemCount)
        let tables = local.withUnsafeMutableBufferPointer { local in
            let shared = SharedBuffer(local)
            return parallelRuns(parts) { part -> ByteKeyTable in
                var table = ByteKeyTable(expected: itemCount / parts + 16)
                for batch in batches {
                    for item in 0..<batch.count where Self.part(of: batch.hashes[item], parts) == part && including(batch.base + item) {
                        // The slot of the table's key sixteen on, when it is this table's: the cache
                        // misses overlap.
                        if item + 16 < batch.count && Self.part(of: batch.hashes[item + 16], parts) == part {
                            table.prefetch(hash: batch.hashes[item + 16])
                        }
                        shared.buffer[batch.base + item] = Int32(table.findOrInsert(batch.key(item), hash: batch.hashes[item]).id)
                    }
                }
                return table
            }
        }
        var numberOfKey = tables.map { [Int32](repeating: -1, count: $0.count) }
        var numberOfItem = [Int32](repeating: -1, count: itemCount)
        var next: Int32 = 0
        for batch in batches {
            for item in 0..<batch.count where local[batch.base + item] >= 0 {
                let part = Self.part(of: batch.hashes[item], parts), key = Int(local[batch.base + item])
                if numberOfKey[part][key] < 0 {
                    numberOfKey[part][key] = next
                    next += 1
                }
                numberOfItem[batch.base + item] = numberOfKey[part][key]
            }
        }
        self.tables = tables
        self.numberOfKey = numberOfKey
        self.numberOfItem = numberOfItem
        count = Int(next)
    }

    /// `numberOfItem`, handed over (the keys stay for `find`).
    mutating func takeNumbers() -> [Int32] {
        take(&numberOfItem, leaving: [])
    }

    /// The number of `bytes` (hashed with FNV-1a, as `KeyBatch` hashes), if it is one of the keys.
    func find(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            let hash = FNV1a.hash(bytes)
            let part = Self.part(of: hash, tables.count)
            return tables[part].find(bytes, hash: hash).map { Int(numberOfKey[part][$0]) }
        }
    }

    /// The table of a key: by its hash's top byte, which the tables' slots and tags use only
    /// folded with other bits (so each table's keys still spread over all its slots).
    @inline(__always) private static func part(of hash: UInt64, _ parts: Int) -> Int {
        parts == 1 ? 0 : Int(truncatingIfNeeded: hash >> 56) % parts
    }
}
