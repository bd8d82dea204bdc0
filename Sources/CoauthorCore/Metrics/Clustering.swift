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
/// Comput. Sci. 407, 2008, doi:10.1016/j.tcs.2008.07.017).
/// - Complexity: O(m^1.5) time, O(n + m) memory.
func triangleCounts(_ graph: WeightedGraph) -> [Int] {
    let n = graph.nodeCount
    @inline(__always) func ranksAbove(_ a: Int, _ b: Int) -> Bool {
        let da = graph.degree(a), db = graph.degree(b)
        return da != db ? da > db : a > b
    }
    // Out-neighbours: the higher-ranked end of each tie.
    var outOffsets = [Int](repeating: 0, count: n + 1)
    for v in 0..<n {
        var count = 0
        for slot in graph.slots(v) where ranksAbove(Int(graph.neighbors[slot]), v) { count += 1 }
        outOffsets[v + 1] = outOffsets[v] + count
    }
    var out = [Int32](repeating: 0, count: outOffsets[n])
    for v in 0..<n {
        var k = outOffsets[v]
        for slot in graph.slots(v) where ranksAbove(Int(graph.neighbors[slot]), v) {
            out[k] = graph.neighbors[slot]
            k += 1
        }
    }
    var counts = [Int](repeating: 0, count: n)
    var mark = [Int32](repeating: -1, count: n)
    let lastOut = out.count - 1
    out.withUnsafeBufferPointer { out in
        outOffsets.withUnsafeBufferPointer { outOffsets in
            for v in 0..<n {
                for k in outOffsets[v]..<outOffsets[v + 1] { mark[Int(out[k])] = Int32(v) }
                for k in outOffsets[v]..<outOffsets[v + 1] {
                    let u = Int(out[k])
                    // The rows to be scanned next are anywhere in `out`: where the row eight ties on
                    // starts, then (once that is near) the row four ties on.
                    coauthor_prefetch(outOffsets.baseAddress! + Int(out[min(k + 8, lastOut)]))
                    coauthor_prefetch(out.baseAddress! + outOffsets[Int(out[min(k + 4, lastOut)])])
                    for j in outOffsets[u]..<outOffsets[u + 1] {
                        let w = Int(out[j])
                        if mark[w] == Int32(v) {
                            counts[v] += 1
                            counts[u] += 1
                            counts[w] += 1
                        }
                    }
                }
            }
        }
    }
    return counts
}
