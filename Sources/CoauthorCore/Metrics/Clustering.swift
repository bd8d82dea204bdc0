import CPrefetch

/// Local clustering coefficient (unweighted): the share of pairs of an
/// author's co-authors who are co-authors themselves; 0 below degree 2.
/// Agrees with `nx.clustering(G)` (D. J. Watts and S. H. Strogatz, "Collective
/// dynamics of 'small-world' networks", Nature 393, 1998, doi:10.1038/30918).
/// - Complexity: O(Σ deg(v)²) time, O(n) extra memory.
public func clusteringCoefficient(_ graph: WeightedGraph) -> [Double] {
    let triangles = triangleCounts(graph)
    return (0..<graph.nodeCount).map { v in
        let k = Double(graph.degree(v))
        return k < 2 ? 0 : 2 * Double(triangles[v]) / (k * (k - 1))
    }
}

/// Number of triangles through each node.
///
/// Each triangle is found once, from its lowest-ranked corner, by orienting every
/// tie towards the endpoint of higher (degree, id) rank (M. Latapy, "Main-memory
/// triangle computations for very large (sparse (power-law)) graphs", Theor.
/// Comput. Sci. 407, 2008, doi:10.1016/j.tcs.2008.07.017). The search runs on the
/// nodes renumbered by rank, highest first: the corners every search ends at are
/// then the first nodes, whose marks and rows stay in the cache.
/// - Complexity: O(m^1.5) time, O(n + m) memory.
func triangleCounts(_ graph: WeightedGraph) -> [Int] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    // The work arrays in two allocations: the ranking both ways, the marks and the out-rows (each
    // tie in one row, so the edge count long); the rows' offsets and the counts.
    let words = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 3 * n + max(1, graph.edgeCount))
    let integers = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * n + 1)
    defer {
        words.deallocate()
        integers.deallocate()
    }
    let order = UnsafeMutableBufferPointer(rebasing: words[0..<n])
    let rankOf = UnsafeMutableBufferPointer(rebasing: words[n..<(2 * n)])
    let mark = UnsafeMutableBufferPointer(rebasing: words[(2 * n)..<(3 * n)])
    let out = UnsafeMutableBufferPointer(rebasing: words[(3 * n)...])
    let offsets = UnsafeMutableBufferPointer(rebasing: integers[0...n])
    let counts = UnsafeMutableBufferPointer(rebasing: integers[(n + 1)...])
    // The ranking: degree descending, then id descending (a counting sort by degree).
    var maxDegree = 0
    for v in 0..<n { maxDegree = max(maxDegree, graph.degree(v)) }
    var start = [Int](repeating: 0, count: maxDegree + 2)
    for v in 0..<n { start[maxDegree - graph.degree(v) + 1] += 1 }
    for d in 0...maxDegree { start[d + 1] += start[d] }
    for v in (0..<n).reversed() {
        let bucket = maxDegree - graph.degree(v)
        order[start[bucket]] = Int32(v)
        rankOf[v] = Int32(start[bucket])
        start[bucket] += 1
    }
    // Out-neighbours by rank, row after row: the higher-ranked (lower-numbered) end of each tie.
    offsets[0] = 0
    graph.neighbors.withUnsafeBufferPointer { neighbors in
        var k = 0
        for r in 0..<n {
            for slot in graph.slots(Int(order[r])) {
                let u = rankOf[Int(neighbors[slot])]
                if Int(u) < r {
                    out[k] = u
                    k += 1
                }
            }
            offsets[r + 1] = k
        }
    }
    counts.initialize(repeating: 0)
    mark.initialize(repeating: -1)
    let lastOut = graph.edgeCount - 1
    for v in 0..<n {
        let v32 = Int32(v)
        let first = offsets[v], last = offsets[v + 1]
        for k in first..<last { mark[Int(out[k])] = v32 }
        var found = 0
        for k in first..<last {
            let u = Int(out[k])
            var shared = 0
            // The rows to be scanned next are anywhere in `out`: where the row eight ties on
            // starts, then (once that is near) the row four ties on.
            coauthor_prefetch(offsets.baseAddress! + Int(out[min(k + 8, lastOut)]))
            coauthor_prefetch(out.baseAddress! + offsets[Int(out[min(k + 4, lastOut)])])
            // Without a branch on the mark: in a co-author network a good share of the
            // checks find a triangle, and a mispredicted branch costs more than a store.
            for j in offsets[u]..<offsets[u + 1] {
                let w = Int(out[j])
                let hit = mark[w] == v32 ? 1 : 0
                counts[w] &+= hit
                shared &+= hit
            }
            counts[u] &+= shared
            found &+= shared
        }
        counts[v] &+= found
    }
    var result = [Int](repeating: 0, count: n)
    for r in 0..<n { result[Int(order[r])] = counts[r] }
    return result
}
