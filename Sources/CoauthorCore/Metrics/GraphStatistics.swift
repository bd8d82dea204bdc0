/// Whole-graph summary numbers (SPEC §5, graph level).
public struct GraphStatistics: Sendable, Equatable {
    public var authors: Int
    public var edges: Int
    public var components: Int
    /// Share of authors in the largest connected component (0…1).
    public var largestComponentShare: Double
    public var largestComponentSize: Int
    public var isolated: Int
    public var density: Double
    public var meanDegree: Double
    /// Mean local clustering coefficient (`nx.average_clustering`).
    public var averageClustering: Double
    /// 3 × triangles / connected triples (`nx.transitivity`).
    public var transitivity: Double
    /// Degree assortativity (`nx.degree_assortativity_coefficient`); NaN when undefined.
    public var assortativity: Double
    /// Modularity of the Louvain communities.
    public var modularity: Double
    /// Longest shortest path, in hops, within the largest component.
    public var diameter: Int
    /// Mean shortest path length, in hops, within the largest component (`nx.average_shortest_path_length`).
    public var averagePathLength: Double

    /// Computes every statistic. Ignores weights except for modularity (strengths).
    /// - Complexity: O(c·m) for c authors in the largest component (a breadth-first search from each), run in parallel.
    public init(graph: WeightedGraph, communitySeed: UInt64 = 1) {
        let n = graph.nodeCount
        authors = n
        edges = graph.edgeCount
        let component = connectedComponents(graph)
        components = (component.max() ?? -1) + 1
        largestComponentSize = component.filter { $0 == 0 }.count
        largestComponentShare = n > 0 ? Double(largestComponentSize) / Double(n) : 0
        isolated = (0..<n).filter { graph.degree($0) == 0 }.count
        density = n > 1 ? 2 * Double(graph.edgeCount) / (Double(n) * Double(n - 1)) : 0
        meanDegree = n > 0 ? 2 * Double(graph.edgeCount) / Double(n) : 0
        let clustering = clusteringCoefficient(graph)
        averageClustering = n > 0 ? clustering.reduce(0, +) / Double(n) : 0
        let triangles = triangleCounts(graph)
        let closed = triangles.reduce(0, +)
        let triples = (0..<n).reduce(0) { $0 + graph.degree($1) * (graph.degree($1) - 1) / 2 }
        transitivity = triples > 0 ? Double(closed) / Double(triples) : 0
        assortativity = Self.degreeAssortativity(graph)
        modularity = louvainCommunities(graph, seed: communitySeed).modularity
        (diameter, averagePathLength) = Self.hopStatistics(graph, members: (0..<n).filter { component[$0] == 0 })
    }

    /// Pearson correlation of the degrees at either end of each edge, each edge counted both ways.
    private static func degreeAssortativity(_ graph: WeightedGraph) -> Double {
        var sumXY = 0.0, sumX = 0.0, sumX2 = 0.0
        let count = Double(2 * graph.edgeCount)
        guard count > 0 else { return .nan }
        for e in 0..<graph.edgeCount {
            let a = Double(graph.degree(Int(graph.source[e]))), b = Double(graph.degree(Int(graph.target[e])))
            sumXY += 2 * a * b
            sumX += a + b
            sumX2 += a * a + b * b
        }
        let mean = sumX / count
        let variance = sumX2 / count - mean * mean
        guard variance > 1e-15 else { return .nan }
        return (sumXY / count - mean * mean) / variance
    }

    /// Diameter and mean distance in hops over the nodes of one component.
    private static func hopStatistics(_ graph: WeightedGraph, members: [Int]) -> (Int, Double) {
        guard members.count > 1 else { return (0, 0) }
        let partials = parallelChunks(count: members.count) { range in
            var distance = [Int32](repeating: -1, count: graph.nodeCount)
            var queue = [Int32](repeating: 0, count: graph.nodeCount)
            var longest = 0.0, total = 0.0
            for index in range {
                let start = members[index]
                var head = 0, tail = 1
                queue[0] = Int32(start)
                distance[start] = 0
                while head < tail {
                    let v = Int(queue[head]); head += 1
                    let dv = distance[v]
                    total += Double(dv)
                    longest = max(longest, Double(dv))
                    for slot in graph.slots(v) {
                        let w = Int(graph.neighbors[slot])
                        if distance[w] < 0 {
                            distance[w] = dv + 1
                            queue[tail] = Int32(w); tail += 1
                        }
                    }
                }
                for k in 0..<tail { distance[Int(queue[k])] = -1 }
            }
            return [total, longest]
        }
        let pairs = Double(members.count) * Double(members.count - 1)
        let total = partials.reduce(0) { $0 + $1[0] }
        let diameter = partials.reduce(0) { max($0, $1[1]) }
        return (Int(diameter), total / pairs)
    }
}
