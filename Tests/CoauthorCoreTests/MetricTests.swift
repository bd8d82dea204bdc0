import Foundation
@testable import CoauthorCore
import Testing

/// Every metric against networkx (values from Scripts/networkx_fixtures.py) at SPEC §5's tolerances.
struct MetricTests {
    static let exact: [(String, @Sendable (WeightedGraph) -> [Double])] = [
        ("degree", degreeCentrality), ("strength", strengthCentrality), ("betweenness", { betweennessCentrality($0) }),
        ("closeness", { closenessCentrality($0) }), ("harmonic", { harmonicCentrality($0) }),
        ("clustering", clusteringCoefficient), ("core", coreNumbers), ("constraint", burtConstraint),
    ]
    static let iterative: [(String, @Sendable (WeightedGraph) -> [Double])] = [
        ("pagerank", { pageRank($0) }), ("eigenvector", { eigenvectorCentrality($0) }),
    ]

    @Test(arguments: GraphFixture.names)
    func exactMetricsMatchNetworkx(name: String) throws {
        let fixture = try GraphFixture(named: name)
        for (metric, compute) in Self.exact {
            let ours = compute(fixture.graph)
            let theirs = try #require(fixture.expected[metric], "fixture \(name) lacks \(metric)")
            #expect(ours.count == theirs.count)
            for (v, (a, b)) in zip(ours, theirs).enumerated() {
                let reference = b ?? .nan
                #expect(close(a, reference, relative: 1e-9), "\(name) \(metric) of \(fixture.nodes[v]): ours \(a), networkx \(reference)")
            }
        }
    }

    @Test(arguments: GraphFixture.names)
    func iterativeMetricsMatchNetworkx(name: String) throws {
        let fixture = try GraphFixture(named: name)
        for (metric, compute) in Self.iterative {
            let ours = compute(fixture.graph)
            let theirs = try #require(fixture.expected[metric])
            try #require(ours.count == theirs.count, "\(name) \(metric): \(ours.count) values, networkx \(theirs.count)")
            for (v, (a, b)) in zip(ours, theirs).enumerated() {
                #expect(Self.agrees(metric, a, b!, relative: 1e-6), "\(name) \(metric) of \(fixture.nodes[v]): ours \(a), networkx \(b!)")
            }
        }
    }

    /// networkx's eigenvector values carry the error of its power iteration at tol=1e-12, about
    /// n·tol / (1 − (λ₂ + 1)/(λ₁ + 1)): 2.8e-9 on dblp-2016-sigmod. Ours are checked against that
    /// error here, and to 1e-10 against the value both approach (`eigenvectorIsExact`).
    static func agrees(_ metric: String, _ a: Double, _ b: Double, relative: Double) -> Bool {
        metric == "eigenvector" ? abs(a - b) <= 1e-8 || close(a, b, relative: 1e-6) : close(a, b, relative: relative)
    }

    /// Eigenvector centrality against its limit computed with dense LAPACK per component
    /// (Scripts/eigenvector_exact.py): on every fixture, small and large, to 1e-10 (networkx's own
    /// error reaches 2.8e-9 on dblp-2016-sigmod, so the test tells the two methods apart).
    @Test(arguments: GraphFixture.names + GraphFixture.largeNames)
    func eigenvectorIsExact(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let ours = eigenvectorCentrality(fixture.graph)
        let exact = try #require(fixture.expected["eigenvector_exact"], "fixture \(name) lacks eigenvector_exact")
        try #require(ours.count == exact.count)
        for (v, (a, b)) in zip(ours, exact).enumerated() {
            #expect(abs(a - b!) <= 1e-10, "\(name) eigenvector of \(fixture.nodes[v]): ours \(a), exact \(b!)")
        }
    }

    /// dblp-2016-sigmod (5,811 authors) and a 3,000-paper synthetic corpus: every metric, every author.
    @Test(arguments: GraphFixture.largeNames)
    func everyMetricMatchesNetworkxOnLargeGraphs(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let table = MetricTable(network: CoauthorNetwork.plain(fixture.graph), request: MetricRequest(Set(Metric.graphCases).subtracting([.papers])))
        for metric in Metric.graphCases where metric != .papers {
            let ours = try #require(table[metric])
            let theirs = try #require(fixture.expected[metric.rawValue])
            let tolerance = metric == .pagerank ? 1e-6 : 1e-9
            try #require(ours.count == theirs.count, "\(name) \(metric): \(ours.count) values, networkx \(theirs.count)")
            var mismatches = 0
            for (v, (a, b)) in zip(ours, theirs).enumerated() where !Self.agrees(metric.rawValue, a, b ?? .nan, relative: tolerance) {
                mismatches += 1
                if mismatches <= 3 { Issue.record("\(name) \(metric) of \(fixture.nodes[v]): ours \(a), networkx \(b ?? .nan)") }
            }
            #expect(mismatches == 0, "\(name) \(metric): \(mismatches) of \(ours.count) values differ")
        }
        let (_, q) = louvainCommunities(fixture.graph, seed: 1)
        #expect(q >= fixture.louvainMean - 0.01)
    }

    @Test(arguments: GraphFixture.names)
    func louvainModularityIsAtLeastNetworkxs(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let (community, q) = louvainCommunities(fixture.graph, seed: 1)
        #expect(community.count == fixture.graph.nodeCount)
        #expect(q >= fixture.louvainMean - 0.01, "\(name): modularity \(q) < networkx mean \(fixture.louvainMean) − 0.01")
        #expect(abs(modularity(fixture.graph, community: community) - q) < 1e-12)
        // Same seed, same partition.
        #expect(louvainCommunities(fixture.graph, seed: 1).community == community)
    }

    /// The same bits with 1, 2, 3 and 8 worker threads: sources are split in blocks that depend
    /// only on the graph, and the blocks' sums are added in block order.
    @Test func pathMetricsDoNotDependOnThreadCount() throws {
        let fixture = try GraphFixture(named: "synthetic_3000")
        let request = MetricRequest([.betweenness, .closeness, .harmonic, .pagerank])
        let network = CoauthorNetwork.plain(fixture.graph)
        let single = Parallelism.$workers.withValue(1) { MetricTable(network: network, request: request) }
        for workers in [2, 3, 8] {
            let table = Parallelism.$workers.withValue(workers) { MetricTable(network: network, request: request) }
            for metric in request.metrics {
                let a = try #require(single[metric]), b = try #require(table[metric])
                #expect(a.count == fixture.graph.nodeCount && b.count == a.count)
                #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(metric) with \(workers) workers differs from one worker")
            }
        }
    }

    /// Triangles through each node against every triple checked by hand, on seeded random graphs
    /// made of overlapping "papers" (cliques), as co-author networks are: many degree ties (the
    /// ranking's id order decides), hubs, isolates and nodes in no triangle.
    @Test(arguments: [3, 11, 29])
    func triangleCountsMatchEveryTriple(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let n = 60
        var adjacent = Set<[Int]>()
        for _ in 0..<40 {
            let size = 2 + Int(random.next(upperBound: UInt64(5)))
            // Node 0 joins a third of the papers: a hub.
            var members = Set((0..<size).map { _ in 1 + Int(random.next(upperBound: UInt64(n - 6))) })
            if random.next(upperBound: UInt64(3)) == 0 { members.insert(0) }
            let list = members.sorted()
            for i in list.indices { for j in list.indices where i < j { adjacent.insert([list[i], list[j]]) } }
        }
        let graph = WeightedGraph(nodeCount: n, edges: adjacent.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1], 1.0) })
        var expected = [Int](repeating: 0, count: n)
        for a in 0..<n {
            for b in (a + 1)..<n where adjacent.contains([a, b]) {
                for c in (b + 1)..<n where adjacent.contains([a, c]) && adjacent.contains([b, c]) {
                    expected[a] += 1
                    expected[b] += 1
                    expected[c] += 1
                }
            }
        }
        #expect(expected.reduce(0, +) > 30, "the graph has triangles to find")
        #expect(expected.suffix(5) == [0, 0, 0, 0, 0], "nodes 55-59 are isolated")
        #expect(triangleCounts(graph) == expected)
    }

    @Test func hubOfAStarHasAllTheBetweenness() {
        let star = WeightedGraph(nodeCount: 5, edges: (1..<5).map { (0, $0, 1.0) })
        let values = betweennessCentrality(star)
        #expect(values[0] == 1)
        #expect(values[1...].allSatisfy { $0 == 0 })
    }

    /// Two triangles sharing author 2, and author 5 hanging from 4: blocks {0,1,2}, {2,3,4}, {4,5}.
    @Test func shatteredGraphHasOneCopyPerBlockWithItsReach() {
        let graph = WeightedGraph(nodeCount: 6, edges: [(0, 1, 1), (0, 2, 1), (1, 2, 1), (2, 3, 1), (2, 4, 1), (3, 4, 1), (4, 5, 1)])
        let shattered = ShatteredGraph(graph)
        #expect(shattered.graph.nodeCount == 8)
        #expect(shattered.graph.edgeCount == graph.edgeCount)
        let copies = zip(shattered.origin, shattered.reach).map { "\($0):\(Int($1))" }.sorted()
        #expect(copies == ["0:1", "1:1", "2:3", "2:4", "3:1", "4:2", "4:5", "5:1"])
        // 2 separates {0, 1} from {3, 4, 5}; 4 separates {5} from {0, 1, 2, 3}: ordered pairs.
        #expect(shattered.separatedPairs == [0, 0, 12, 0, 8, 0])
        // Copies of one block never share a tie.
        for e in 0..<shattered.graph.edgeCount {
            #expect(shattered.block[Int(shattered.graph.source[e])] == shattered.block[Int(shattered.graph.target[e])])
        }
    }

    /// Keys pushed never below the last popped one, as in Dijkstra, come out in order.
    @Test func radixHeapPopsInKeyOrder() {
        var random = SplitMix64(seed: 7)
        let heap = RadixHeap()
        for round in 0..<3 {
            heap.reset()
            var last = 0.0
            var popped: [Double] = []
            var pending = 0
            for step in 0..<5_000 {
                if pending > 0 && random.next() % 3 == 0 {
                    let entry = heap.pop()
                    #expect(entry.key >= last)
                    last = entry.key
                    popped.append(entry.key)
                    pending -= 1
                } else {
                    // Lengths like 1/k and a few exact repeats, as co-author ties give.
                    let length = random.next() % 5 == 0 ? 0 : 1 / Double(1 + random.next() % 7)
                    heap.push(HeapEntry(key: last + length, node: Int32(step + round)))
                    pending += 1
                }
            }
            while !heap.isEmpty {
                popped.append(heap.pop().key)
                pending -= 1
            }
            #expect(pending == 0)
            #expect(popped == popped.sorted())
        }
    }

    @Test func componentsAreNumberedBySize() {
        let graph = WeightedGraph(nodeCount: 6, edges: [(0, 1, 1), (3, 4, 1), (4, 5, 1)])
        #expect(connectedComponents(graph) == [1, 1, 2, 0, 0, 0])
    }
}

/// Graph-level statistics against networkx.
struct GraphStatisticsTests {
    @Test(arguments: GraphFixture.names)
    func matchNetworkx(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let reference = try #require(fixture.raw["graph"] as? [String: Any])
        let stats = GraphStatistics(graph: fixture.graph)
        func number(_ key: String) -> Double? { (reference[key] as? NSNumber)?.doubleValue }
        #expect(close(stats.density, number("density")!, relative: 1e-12))
        #expect(close(stats.averageClustering, number("average_clustering")!, relative: 1e-12))
        #expect(close(stats.transitivity, number("transitivity")!, relative: 1e-12))
        if let assortativity = number("assortativity") {
            #expect(close(stats.assortativity, assortativity, relative: 1e-9))
        } else {
            #expect(stats.assortativity.isNaN)
        }
        #expect(stats.diameter == Int(number("diameter")!))
        #expect(close(stats.averagePathLength, number("average_path_length")!, relative: 1e-12))
        #expect(stats.components == Int(number("components")!))
    }

    /// Above `exactPathLengthLimit` authors the mean path length is sampled and says from how
    /// many sources; asked (`stats --exact`), it is exact: on a star of n nodes, 2(n − 1)/n (the
    /// sampled sources, leaves but for one chance in forty, give about 2).
    @Test func theMeanPathLengthIsExactWhenAsked() {
        let n = GraphStatistics.exactPathLengthLimit + 1
        let star = WeightedGraph(nodeCount: n, edges: (1..<n).map { (0, $0, 1.0) })
        let exact = GraphStatistics(graph: star, communitySeed: 1, communities: CommunityOptions(), exactPathLengths: true) {}
        #expect(exact.pathLengthSources == n)
        #expect(abs(exact.averagePathLength - 2 * Double(n - 1) / Double(n)) < 1e-12, "\(exact.averagePathLength)")
        let sampled = GraphStatistics(graph: star, communitySeed: 1, communities: CommunityOptions()) {}
        #expect(sampled.pathLengthSources == GraphStatistics.sampledPathLengthSources)
    }

    /// The statistics do not depend on the number of threads (the mean path length's batches go to
    /// whichever is free; on three or more, threads wait for the components), and `beside` runs
    /// exactly once: on several threads at a priority lowered by `restPriorityDrop`, on one at the
    /// caller's, whose own priority never changes.
    @Test(arguments: GraphFixture.names + GraphFixture.largeNames)
    func sameStatisticsOnAnyNumberOfThreads(name: String) throws {
        let graph = try GraphFixture(named: name).graph
        final class Calls: @unchecked Sendable {
            private let lock = NSLock()
            private var priorities: [Int] = []
            func add() { lock.withLock { priorities.append(ThreadPriority.current) } }
            var seen: [Int] { lock.withLock { priorities } }
        }
        let reference = Parallelism.$workers.withValue(1) { GraphStatistics(graph: graph) }
        let caller = ThreadPriority.current
        for workers in [1, 2, 3, 5] {
            let calls = Calls()
            let stats = Parallelism.$workers.withValue(workers) {
                GraphStatistics(graph: graph, communitySeed: 1, communities: CommunityOptions()) { calls.add() }
            }
            #expect(stats == reference, "\(name), \(workers) threads")
            #expect(calls.seen.count == 1, "\(name), \(workers) threads: beside ran \(calls.seen.count) times")
            // Nice values end at 19; only Linux gives each thread a priority of its own.
            #if os(Linux)
            let lowered = workers > 1 ? min(19, caller + GraphStatistics.restPriorityDrop) : caller
            #else
            let lowered = caller
            #endif
            #expect(calls.seen == [lowered], "\(name), \(workers) threads: beside ran at \(calls.seen), the caller at \(caller)")
            #expect(ThreadPriority.current == caller, "\(name), \(workers) threads: the caller's priority changed")
        }
    }

    /// The diameter against the largest eccentricity, found by a search from every member of the
    /// largest component, on seeded graphs of many shapes: sparse (long paths, trees), dense, and
    /// cliques with paths hanging off them (eccentricities far apart); with levels searched one node
    /// at a time, 64 at a time, and as the default chooses. One bit-parallel search from 64 random
    /// members against 64 plain ones, with its levels taken top-down, bottom-up and as its rule chooses.
    @Test(arguments: 0..<40)
    func diameterIsTheLargestEccentricity(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let n = 20 + Int(random.next() % 400)
        let shape = seed % 4
        var edges: [(Int, Int, Double)] = []
        var seen = Set<Int>()
        func tie(_ a: Int, _ b: Int) {
            guard a != b, seen.insert(min(a, b) * n + max(a, b)).inserted else { return }
            edges.append((min(a, b), max(a, b), 1))
        }
        switch shape {
        case 0: // Sparse: about one tie per node, many components and long chains.
            for _ in 0..<n { tie(Int(random.next() % UInt64(n)), Int(random.next() % UInt64(n))) }
        case 1: // A random tree.
            for v in 1..<n { tie(v, Int(random.next() % UInt64(v))) }
        case 2: // Denser: a few ties per node.
            for _ in 0..<(4 * n) { tie(Int(random.next() % UInt64(n)), Int(random.next() % UInt64(n))) }
        default: // A clique of 10 with paths of random lengths hanging off random members.
            for a in 0..<10 { for b in (a + 1)..<10 { tie(a, b) } }
            var v = 10
            while v < n {
                let length = 1 + Int(random.next() % 30)
                var previous = Int(random.next() % 10)
                for _ in 0..<length where v < n { tie(previous, v); previous = v; v += 1 }
            }
        }
        let graph = WeightedGraph(nodeCount: n, edges: edges)
        let component = connectedComponents(graph)
        let members = (0..<n).filter { component[$0] == 0 }
        var search = BreadthFirstSearch(nodeCount: n)
        let largest = members.map { search.run(graph, from: $0).eccentricity }.max() ?? 0
        #expect(members.count > 1)
        #expect(GraphStatistics.diameter(graph, members: members) == largest)
        #expect(GraphStatistics.diameter(graph, members: members, batchedLevelSize: 0) == largest)
        #expect(GraphStatistics.diameter(graph, members: members, batchedLevelSize: .max) == largest)
        // One bit-parallel search: the largest eccentricity of its sources, and their distance sum.
        let sources = (0..<min(64, members.count)).map { _ in members[Int(random.next() % UInt64(members.count))] }
        let expected = sources.map { search.run(graph, from: $0) }
        // Each level by the rule, and every level top-down or bottom-up.
        for direction in [GraphStatistics.SearchDirection.chosen, .topDown, .bottomUp] {
            let found = GraphStatistics.multiSourceSearch(graph, sources: sources, direction: direction)
            #expect(found.eccentricity == expected.map(\.eccentricity).max(), "\(direction)")
            #expect(found.distanceSum == expected.map(\.distanceSum).reduce(0, +), "\(direction)")
        }
    }

    /// The rule of the bit-parallel search takes both directions within one search: from 64
    /// sources on seeded graphs with a few ties per node, the first level goes top-down (the
    /// frontier is the sources alone), a middle level bottom-up (most nodes are some source's
    /// frontier), so the checks of `diameterIsTheLargestEccentricity` reach both under the rule.
    @Test func searchRuleTakesBothDirections() {
        var random = SplitMix64(seed: 41)
        for trial in 0..<5 {
            let n = 500 + Int(random.next() % 500)
            // A random tree (connected) and 3n more ties, each pair once.
            var edges: [(Int, Int, Double)] = []
            var pairs = Set<Int>()
            func tie(_ a: Int, _ b: Int) {
                guard a != b, pairs.insert(min(a, b) * n + max(a, b)).inserted else { return }
                edges.append((a, b, 1))
            }
            for v in 1..<n { tie(v, Int(random.next() % UInt64(v))) }
            for _ in 0..<(3 * n) { tie(Int(random.next() % UInt64(n)), Int(random.next() % UInt64(n))) }
            let graph = WeightedGraph(nodeCount: n, edges: edges)
            let sources = (0..<64).map { _ in Int(random.next() % UInt64(n)) }
            let chosen = GraphStatistics.multiSourceSearch(graph, sources: sources)
            let topDown = GraphStatistics.multiSourceSearch(graph, sources: sources, direction: .topDown)
            #expect(chosen.bottomUpLevels > 0, "trial \(trial): no level bottom-up")
            #expect(chosen.bottomUpLevels < chosen.eccentricity + 1, "trial \(trial): every level bottom-up")
            #expect(topDown.bottomUpLevels == 0 && chosen.distanceSum == topDown.distanceSum, "trial \(trial)")
        }
    }
}
