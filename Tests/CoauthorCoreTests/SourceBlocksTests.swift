import Foundation
@_spi(Benchmarks) @testable import CoauthorCore
import Testing

/// The source-parallel metrics spread over several processes (`SourceDistribution`), with ranks
/// simulated by threads that exchange messages in memory as MPI ranks would (the MPI variant
/// itself is tested by Scripts/test_mpi.sh under mpirun), and resumed from checkpoints.
struct SourceBlocksTests {
    /// A random connected-ish graph with several source blocks (more than 16 sources per block).
    static func graph(nodes: Int, seed: UInt64) -> WeightedGraph {
        var random = SplitMix64(seed: seed)
        var edges: [(Int, Int, Double)] = []
        var seen = Set<Int>()
        for v in 1..<nodes {
            // Preferential-ish: ties to earlier authors, weights of 1 to 4 joint papers.
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let u = Int(random.next() % UInt64(v))
                if seen.insert(u * nodes + v).inserted { edges.append((u, v, Double(1 + random.next() % 4))) }
            }
        }
        return WeightedGraph(nodeCount: nodes, edges: edges)
    }

    static let values: [(String, @Sendable (WeightedGraph) -> [Double])] = [
        ("betweenness", { betweennessCentrality($0) }),
        ("closeness", { closenessCentrality($0) }),
        ("harmonic", { harmonicCentrality($0) }),
        ("sampled betweenness", { approximateBetweenness($0, epsilon: 0.05, seed: 3).values }),
        ("sampled harmonic", { approximateCloseness($0, epsilon: 0.1, seed: 3).harmonic }),
    ]

    /// Runs `body` on `size` simulated ranks of `threads` threads each; returns every rank's result.
    static func ranks(_ size: Int, threads: Int, checkpoint: SourceCheckpoint? = nil,
                      _ body: @escaping @Sendable () -> [Double]) -> [[Double]] {
        let exchange = Exchange(size: size)
        let results = Results(count: size)
        let done = DispatchGroup()
        for rank in 0..<size {
            done.enter()
            Thread.detachNewThread {
                let distribution = SourceDistribution(group: ThreadRank(rank: rank, size: size, exchange: exchange), checkpoint: checkpoint)
                let values = SourceDistribution.$current.withValue(distribution) {
                    Parallelism.$workers.withValue(threads) { body() }
                }
                results.set(rank, values)
                done.leave()
            }
        }
        done.wait()
        return results.all()
    }

    @Test(arguments: [1, 2, 3, 5])
    func ranksGiveTheBitsOfOneProcess(size: Int) {
        let graph = Self.graph(nodes: 700, seed: 9)
        for (name, compute) in Self.values {
            let one = Parallelism.$workers.withValue(1) { compute(graph) }
            for threads in [1, 3] {
                let results = Self.ranks(size, threads: threads) { compute(graph) }
                for (rank, values) in results.enumerated() {
                    #expect(values.map(\.bitPattern) == one.map(\.bitPattern), "\(name): rank \(rank) of \(size) × \(threads) threads")
                }
            }
        }
    }

    @Test func theGraphHasSeveralBlocks() {
        // Otherwise the tests above would not exercise the fold across blocks.
        let graph = Self.graph(nodes: 700, seed: 9)
        #expect(sampledBetweennessSearches(graph, sampledSources: 0).sources > 4 * 16)
    }

    @Test func aResumedRunLoadsTheFinishedBlocksAndGivesTheSameBits() throws {
        let graph = Self.graph(nodes: 700, seed: 9)
        let one = betweennessCentrality(graph)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-checkpoint-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let checkpoint = try SourceCheckpoint(directory: folder, graph: graph)
        let first = Self.ranks(2, threads: 2, checkpoint: checkpoint) { betweennessCentrality(graph) }
        #expect(first[0].map(\.bitPattern) == one.map(\.bitPattern))
        var files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".block") }.sorted()
        #expect(files.count > 4)
        // As if the run had been killed: every other block lost, one kept block overwritten with
        // different values (to show that kept blocks are loaded, not computed again).
        for (k, name) in files.enumerated() where k % 2 == 1 { try FileManager.default.removeItem(atPath: folder + "/" + name) }
        files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let resumed = Self.ranks(3, threads: 1, checkpoint: checkpoint) { betweennessCentrality(graph) }
        #expect(resumed[2].map(\.bitPattern) == one.map(\.bitPattern))
        let alone = SourceDistribution.$current.withValue(SourceDistribution(checkpoint: checkpoint)) { betweennessCentrality(graph) }
        #expect(alone.map(\.bitPattern) == one.map(\.bitPattern))

        let poisoned = try #require(files.first { $0.hasSuffix("-0.block") })
        let data = try #require(FileManager.default.contents(atPath: folder + "/" + poisoned))
        let newline = try #require(data.firstIndex(of: 10))
        var bytes = [UInt8](data)
        for k in (newline + 1)..<bytes.count { bytes[k] = 0 }
        // Values changed behind the checksum (a byte flipped on disk, a hand edit: a hostile-input
        // trial of session 55 got a betweenness of 30 so) are not loaded, but computed again.
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + poisoned))
        let fromDamaged = SourceDistribution.$current.withValue(SourceDistribution(checkpoint: checkpoint)) { betweennessCentrality(graph) }
        #expect(fromDamaged.map(\.bitPattern) == one.map(\.bitPattern), "a damaged block was loaded")
        // With their checksum, the same values are loaded.
        var header = try #require(SourceCheckpoint.Header(line: Substring(String(decoding: data[..<newline], as: UTF8.self))))
        #expect(header.sum != nil)
        header.sum = SourceCheckpoint.checksum(bytes[(newline + 1)...])
        try Data(Array(header.line.utf8) + bytes[(newline + 1)...]).write(to: URL(fileURLWithPath: folder + "/" + poisoned))
        let fromPoisoned = SourceDistribution.$current.withValue(SourceDistribution(checkpoint: checkpoint)) { betweennessCentrality(graph) }
        #expect(fromPoisoned != one, "the block in the folder was not used")
    }

    @Test func sampledBetweennessBlocksNameTheirSample() throws {
        // The last chunk's pairs depend on the sample size, which a later bound on the diameter
        // may change for the same ε: blocks of another sample are never read as this one's.
        let graph = Self.graph(nodes: 700, seed: 9)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-checkpoint-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let checkpoint = try SourceCheckpoint(directory: folder, graph: graph)
        let run = SourceDistribution.$current.withValue(SourceDistribution(checkpoint: checkpoint)) {
            approximateBetweenness(graph, epsilon: 0.05, seed: 3)
        }
        let blocks = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".block") }
        #expect(blocks.count == (run.guarantee.samples + 255) / 256)
        #expect(blocks.allSatisfy { $0.contains("betweenness-sampled-v2-") && $0.contains("-n\(run.guarantee.samples)") }, "\(blocks.prefix(3))")
    }

    @Test func aCheckpointOfAnotherNetworkIsRefused() throws {
        let graph = Self.graph(nodes: 300, seed: 9)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-checkpoint-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let checkpoint = try SourceCheckpoint(directory: folder, graph: graph)
        _ = SourceDistribution.$current.withValue(SourceDistribution(checkpoint: checkpoint)) { betweennessCentrality(graph) }
        let other = Self.graph(nodes: 300, seed: 10)
        #expect(throws: CheckpointError.self) { try SourceCheckpoint(directory: folder, graph: other) }
        do {
            _ = try SourceCheckpoint(directory: folder, graph: other)
        } catch {
            #expect(error.description.contains("another network"))
        }
        #expect((try? SourceCheckpoint(directory: folder, graph: graph)) != nil)
    }
}

/// One simulated rank: messages go through `Exchange`, as MPI's point-to-point and broadcast would.
private struct ThreadRank: ProcessGroup {
    let rank: Int
    let size: Int
    let exchange: Exchange

    func sendToRoot(_ values: [Double]) { exchange.post(values, to: 0, from: rank) }
    func receive(from rank: Int) -> [Double] { exchange.take(at: 0, from: rank) }
    func broadcast(_ values: [Double]) -> [Double] {
        if rank == 0 {
            for other in 1..<size { exchange.post(values, to: other, from: 0) }
            return values
        }
        return exchange.take(at: rank, from: 0)
    }
}

/// Per receiver and sender, the messages in the order they were sent.
private final class Exchange: @unchecked Sendable {
    private var queues: [[[Double]]]
    private let size: Int
    private let condition = NSCondition()

    init(size: Int) {
        self.size = size
        queues = Array(repeating: [], count: size * size)
    }

    func post(_ values: [Double], to receiver: Int, from sender: Int) {
        condition.lock()
        queues[receiver * size + sender].append(values)
        condition.broadcast()
        condition.unlock()
    }

    func take(at receiver: Int, from sender: Int) -> [Double] {
        condition.lock()
        defer { condition.unlock() }
        while queues[receiver * size + sender].isEmpty { condition.wait() }
        return queues[receiver * size + sender].removeFirst()
    }
}

private final class Results: @unchecked Sendable {
    private var values: [[Double]]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ index: Int, _ result: [Double]) { lock.withLock { values[index] = result } }
    func all() -> [[Double]] { lock.withLock { values } }
}
