import Foundation

/// The processes that share the source-parallel metrics (the ranks of an MPI job). The library
/// knows nothing of MPI: the executable's MPI variant supplies a group, and without one every
/// block runs in this process.
///
/// Every rank must make the same calls in the same order (they are collective), from one thread.
public protocol ProcessGroup: Sendable {
    /// This process's number in `0..<size`; rank 0 combines the blocks and owns the result.
    var rank: Int { get }
    /// How many processes share the work.
    var size: Int { get }
    /// Sends `values` to rank 0 (called on the other ranks, in increasing block order).
    func sendToRoot(_ values: [Double])
    /// The next values that `rank` sent to rank 0 (called on rank 0 only).
    func receive(from rank: Int) -> [Double]
    /// Rank 0's `values` on every rank (the argument is ignored on the others).
    func broadcast(_ values: [Double]) -> [Double]
}

/// Where the source-parallel metrics (betweenness, closeness, harmonic and their sampled
/// estimates) run their blocks and keep the finished ones. The default runs everything in this
/// process and keeps nothing; the executable sets `current` around a command.
///
/// Results never depend on it: sources are split into blocks whose size depends only on the
/// number of sources, and the blocks' partial results are combined in block order on one process,
/// so one process, any number of threads, any number of ranks, and a run resumed from a
/// checkpoint give the same bits.
public struct SourceDistribution: Sendable {
    /// The ranks sharing the work; nil: this process alone.
    public var group: (any ProcessGroup)?
    /// Where finished blocks are kept, so that a killed run resumes; nil: nowhere.
    public var checkpoint: SourceCheckpoint?

    public init(group: (any ProcessGroup)? = nil, checkpoint: SourceCheckpoint? = nil) {
        self.group = group
        self.checkpoint = checkpoint
    }

    @TaskLocal public static var current = SourceDistribution()
}

/// Errors opening a checkpoint folder.
public enum CheckpointError: Error, Sendable, CustomStringConvertible {
    case cannotUse(directory: String, reason: String)
    /// The folder holds blocks computed on another network (other inputs, filters or weights).
    case otherNetwork(directory: String, file: String)

    // A message per case with its way out, as every error of the library words it (AtomicFile's
    // alike in shape): deliberately one switch per error type.
    public var description: String {
        switch self {
        case let .cannotUse(directory, reason):
            "cannot use the checkpoint folder \(directory) (\(reason)); name a writable folder with --checkpoint"
        case let .otherNetwork(directory, file):
            "the checkpoint folder \(directory) holds blocks of another network (\(file): other inputs, filters or weights); "
                + "resume with the same inputs and options, or name an empty folder (or delete this one)"
        }
    }
}

/// A folder of finished source blocks, one file each, written atomically. Each file starts
/// with a text line naming the network (a fingerprint of its structure and weights), the
/// computation (metric and its parameters), the block, the number of values and a checksum of
/// them, then holds the values as little-endian doubles: a resumed run loads a block only when
/// all of that matches (a changed byte gave a betweenness of 30: a hostile-input trial of
/// session 55), and refuses a folder that holds blocks of another network.
public struct SourceCheckpoint: Sendable {
    public let directory: String
    /// The fingerprint of the network the folder belongs to.
    public let network: String

    /// Opens (creating it if needed) `directory` for `graph`.
    /// - Throws: `CheckpointError` when the folder cannot be created or written, or holds
    ///   blocks of another network.
    /// - Complexity: O(n + m) for the fingerprint, plus one line read per file in the folder.
    public init(directory: String, graph: WeightedGraph) throws(CheckpointError) {
        self.directory = directory
        self.network = networkFingerprint(graph)
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotUse(directory: directory, reason: "it cannot be created")
        }
        guard manager.isWritableFile(atPath: directory) else { throw .cannotUse(directory: directory, reason: "it is not writable") }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            throw .cannotUse(directory: directory, reason: "it cannot be listed")
        }
        for name in names.sorted() where name.hasSuffix(Self.suffix) {
            guard let header = Self.header(of: directory + "/" + name) else {
                throw .cannotUse(directory: directory, reason: "\(name) is not a coauthor checkpoint block")
            }
            if header.network != network { throw .otherNetwork(directory: directory, file: name) }
        }
    }

    static let suffix = ".block"
    static let magic = "coauthor-checkpoint 1"

    struct Header: Equatable {
        var network: String
        var phase: String
        var blocks: Int
        var block: Int
        var values: Int
        /// FNV-1a of the values' bytes, in hex (`checksum`); nil in a block written before
        /// blocks had one, which is computed again.
        var sum: String?

        var line: String {
            "\(SourceCheckpoint.magic) network=\(network) phase=\(phase) blocks=\(blocks) block=\(block) values=\(values)"
                + (sum.map { " sum=\($0)" } ?? "") + "\n"
        }

        init(network: String, phase: String, blocks: Int, block: Int, values: Int, sum: String? = nil) {
            (self.network, self.phase, self.blocks, self.block, self.values, self.sum) = (network, phase, blocks, block, values, sum)
        }

        init?(line: Substring) {
            let words = line.split(separator: " ")
            guard words.count == 7 || words.count == 8, "\(words[0]) \(words[1])" == SourceCheckpoint.magic else { return nil }
            var fields: [Substring: Substring] = [:]
            for word in words.dropFirst(2) {
                guard let equals = word.firstIndex(of: "=") else { return nil }
                fields[word[..<equals]] = word[word.index(after: equals)...]
            }
            guard let network = fields["network"], let phase = fields["phase"], let blocks = fields["blocks"].flatMap({ Int($0) }),
                  let block = fields["block"].flatMap({ Int($0) }), let values = fields["values"].flatMap({ Int($0) }) else { return nil }
            self.init(network: String(network), phase: String(phase), blocks: blocks, block: block, values: values,
                      sum: fields["sum"].map(String.init))
        }
    }

    /// The FNV-1a hash of `bytes`, in hex.
    static func checksum(_ bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private func path(phase: String, blocks: Int, block: Int) -> String {
        "\(directory)/\(phase)-\(blocks)-\(block)\(Self.suffix)"
    }

    /// The header line of a block file, if it has one.
    private static func header(of path: String) -> Header? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 512), let newline = head.firstIndex(of: 10),
              let line = String(bytes: head[..<newline], encoding: .utf8) else { return nil }
        return Header(line: Substring(line))
    }

    /// The finished blocks of `phase` (split into `blocks`), with their values; files that do not
    /// match (another split, a truncated copy) are left out, to be computed again.
    func finished(phase: String, blocks: Int) -> [Int: [Double]] {
        var found: [Int: [Double]] = [:]
        for block in 0..<blocks {
            guard let data = FileManager.default.contents(atPath: path(phase: phase, blocks: blocks, block: block)),
                  let newline = data.firstIndex(of: 10),
                  let line = String(bytes: data[..<newline], encoding: .utf8),
                  let header = Header(line: Substring(line)),
                  header == Header(network: network, phase: phase, blocks: blocks, block: block, values: header.values, sum: header.sum),
                  data.count - (newline + 1) == 8 * header.values,
                  let sum = header.sum, sum == Self.checksum(data[(newline + 1)...]) else { continue }
            var values = [Double](repeating: 0, count: header.values)
            values.withUnsafeMutableBytes { target in
                data.withUnsafeBytes { source in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[(newline + 1)...]))
                }
            }
            for i in values.indices { values[i] = Double(bitPattern: UInt64(littleEndian: values[i].bitPattern)) }
            found[block] = values
        }
        return found
    }

    /// Writes one finished block (atomically: a killed run leaves the old file or the whole new one).
    /// A block that cannot be written is only not kept: the run's result does not depend on it.
    func save(_ values: [Double], phase: String, blocks: Int, block: Int) {
        var body: [UInt8] = []
        body.reserveCapacity(8 * values.count)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) }
        }
        let header = Header(network: network, phase: phase, blocks: blocks, block: block, values: values.count, sum: Self.checksum(body))
        try? AtomicFile.write(Array(header.line.utf8) + body, to: path(phase: phase, blocks: blocks, block: block))
    }
}

/// A 64-bit FNV-1a fingerprint of the graph's structure and weights (bit for bit), in hex.
/// - Complexity: O(n + m).
func networkFingerprint(_ graph: WeightedGraph) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    @inline(__always) func mix(_ word: UInt64) {
        hash = (hash ^ word) &* 0x0000_0100_0000_01B3
    }
    mix(UInt64(graph.nodeCount))
    mix(UInt64(graph.edgeCount))
    for e in 0..<graph.edgeCount {
        mix(UInt64(UInt32(bitPattern: graph.source[e])) << 32 | UInt64(UInt32(bitPattern: graph.target[e])))
        mix(graph.weight[e].bitPattern)
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// Sources per block of a source-parallel metric: 1/64 of them while that is at most 256
/// (enough blocks to balance the cores of one machine), then 256, so that a graph of millions
/// of authors has thousands of blocks to spread over the cores of a cluster. Depends only on
/// the number of sources, never on threads or ranks.
func sourceBlockSize(for count: Int) -> Int { max(16, min(256, count / 64)) }

/// Runs `body` on the blocks of `0..<count` (`blockSize` each, the last one shorter) spread over
/// the ranks of `SourceDistribution.current` and the threads of each, and folds the blocks'
/// results into `initial` with `fold`, in block order, on rank 0; every rank returns rank 0's
/// result. With a checkpoint, finished blocks are written as they end and a resumed run loads
/// them instead of computing them again; `phase` names the computation and its parameters.
///
/// - Complexity: the blocks' cost over ranks × threads, plus O(width) per block to fold and to
///   send to rank 0; memory O(width) per block a rank holds, about one per thread (under MPI, one
///   round of blocks, one per thread, until rank 0 takes them).
func distributedBlocks(count: Int, blockSize: Int, phase: String, graph: WeightedGraph, initial: [Double],
                       body: @Sendable @escaping (Range<Int>) -> [Double], fold: (inout [Double], [Double]) -> Void) -> [Double] {
    guard count > 0 else { return initial }
    let blocks = (count + blockSize - 1) / blockSize
    let range = { @Sendable (block: Int) in (block * blockSize)..<min(count, (block + 1) * blockSize) }
    let distribution = SourceDistribution.current
    let group = distribution.group.flatMap { $0.size > 1 ? $0 : nil }
    let rank = group?.rank ?? 0, size = group?.size ?? 1
    let checkpoint = distribution.checkpoint.flatMap { $0.network == networkFingerprint(graph) ? $0 : nil }
    // Rank 0 decides which blocks are finished; the rest are dealt out in turn.
    var loaded: [Int: [Double]] = [:]
    if let checkpoint, rank == 0 { loaded = checkpoint.finished(phase: phase, blocks: blocks) }
    var finished = Set(loaded.keys)
    if let group { finished = Set(group.broadcast(loaded.keys.sorted().map(Double.init)).map { Int($0) }) }
    let pending = (0..<blocks).filter { !finished.contains($0) }
    let mine = stride(from: rank, to: pending.count, by: size).map { pending[$0] }
    let compute = { @Sendable (block: Int) -> [Double] in
        let values = body(range(block))
        checkpoint?.save(values, phase: phase, blocks: blocks, block: block)
        return values
    }
    guard let group else {
        // One process: fold each block as soon as every block before it is folded.
        var total = initial
        let folder = OrderedFolder()
        let done = loaded
        orderedRuns(mine.count, body: { compute(mine[$0]) }, folder: folder) { position, values in
            // Finished blocks before this one go first.
            let block = mine[position]
            let previous = position == 0 ? -1 : mine[position - 1]
            for earlier in (previous + 1)..<block { fold(&total, done[earlier]!) }
            fold(&total, values)
        }
        let last = mine.last ?? -1
        for later in (last + 1)..<blocks { fold(&total, done[later]!) }
        return total
    }
    // Each rank computes its blocks a round at a time (one per thread) and hands them to rank 0,
    // which takes every rank's blocks in block order: a rank holds one round of blocks at most.
    let round = max(1, Parallelism.workers)
    if rank != 0 {
        for start in stride(from: 0, to: mine.count, by: round) {
            let end = min(mine.count, start + round)
            for values in parallelRuns(end - start, { compute(mine[start + $0]) }) { group.sendToRoot(values) }
        }
        return group.broadcast([])
    }
    var total = initial
    var next = 0
    var own: [[Double]] = [], ownStart = 0
    for (position, block) in pending.enumerated() {
        while next < block {
            if let values = loaded[next] { fold(&total, values) }
            next += 1
        }
        let owner = position % size
        if owner == 0 {
            let index = position / size
            if index >= ownStart + own.count {
                ownStart = index
                own = parallelRuns(min(round, mine.count - index)) { compute(mine[index + $0]) }
            }
            fold(&total, own[index - ownStart])
        } else {
            fold(&total, group.receive(from: owner))
        }
        next = block + 1
    }
    while next < blocks {
        if let values = loaded[next] { fold(&total, values) }
        next += 1
    }
    return group.broadcast(total)
}

/// Which positions have been folded, so that `orderedRuns` folds each result once, in order.
private final class OrderedFolder: @unchecked Sendable {
    var ready: [Int: [Double]] = [:]
    var next = 0
    let lock = NSLock()
}

/// Runs `body(0)`, …, `body(count − 1)` on `Parallelism.workers` threads and hands each result
/// to `fold` in index order as soon as all earlier ones were folded (under a lock, one at a time),
/// so at most about one result per thread is held at once.
private func orderedRuns(_ count: Int, body: @Sendable (Int) -> [Double], folder: OrderedFolder,
                         fold: (Int, [Double]) -> Void) {
    withoutActuallyEscaping(fold) { fold in
        let foldBox = UncheckedBox(fold)
        _ = parallelRuns(count) { index -> Bool in
            let values = body(index)
            folder.lock.withLock {
                folder.ready[index] = values
                while let ready = folder.ready.removeValue(forKey: folder.next) {
                    foldBox.value(folder.next, ready)
                    folder.next += 1
                }
            }
            return true
        }
    }
}

/// A value handed to worker threads that only ever use it under a lock.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
