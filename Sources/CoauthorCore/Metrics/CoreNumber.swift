import CPrefetch

/// k-core number: the largest k such that the author belongs to a subgraph in
/// which everyone has at least k co-authors. Ignores weights.
/// Agrees with `nx.core_number(G)` (V. Batagelj and M. Zaveršnik, "An O(m)
/// algorithm for cores decomposition of networks", 2003, arXiv:cs/0310049).
/// - Complexity: O(n + m).
public func coreNumbers(_ graph: WeightedGraph) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    // Flat Int32 arrays walked through raw pointers: the peeling loop is all random
    // reads and writes into these four, and half-width entries halve the cache misses.
    var degree = [Int32](repeating: 0, count: n)
    var maxDegree = 0
    for v in 0..<n {
        degree[v] = Int32(truncatingIfNeeded: graph.degree(v))
        maxDegree = max(maxDegree, graph.degree(v))
    }
    var binStart = [Int32](repeating: 0, count: maxDegree + 1)
    var order = [Int32](repeating: 0, count: n)
    var position = [Int32](repeating: 0, count: n)
    graph.offsets.withUnsafeBufferPointer { offsets in
        graph.neighbors.withUnsafeBufferPointer { neighbors in
            degree.withUnsafeMutableBufferPointer { degree in
                binStart.withUnsafeMutableBufferPointer { binStart in
                    order.withUnsafeMutableBufferPointer { order in
                        position.withUnsafeMutableBufferPointer { position in
                            for v in 0..<n { binStart[Int(degree[v])] &+= 1 }
                            var start: Int32 = 0
                            for d in 0...maxDegree {
                                let count = binStart[d]
                                binStart[d] = start
                                start &+= count
                            }
                            // Counting sort by degree, then restore the bin starts it advanced.
                            for v in 0..<n {
                                let d = Int(degree[v])
                                position[v] = binStart[d]
                                order[Int(binStart[d])] = Int32(truncatingIfNeeded: v)
                                binStart[d] &+= 1
                            }
                            var d = maxDegree
                            while d > 0 {
                                binStart[d] = binStart[d - 1]
                                d -= 1
                            }
                            binStart[0] = 0
                            for i in 0..<n {
                                let v = Int(order[i])
                                // The nodes to come are anywhere in the graph: where the row of the
                                // node sixteen on starts, then (once that is near) the row eight on.
                                // (The order ahead may still change; a stale node costs a wasted fetch.)
                                coauthor_prefetch(offsets.baseAddress! + Int(order[min(i + 16, n - 1)]))
                                coauthor_prefetch(neighbors.baseAddress! + offsets[Int(order[min(i + 8, n - 1)])])
                                let dv = degree[v]
                                for slot in offsets[v]..<offsets[v + 1] {
                                    prefetchGathered(degree.baseAddress!, by: neighbors, from: slot)
                                    let u = Int(neighbors[slot])
                                    let du = degree[u]
                                    if du > dv {
                                        // Move u to the front of its bin, then shrink its degree by one.
                                        let front = binStart[Int(du)]
                                        let pu = position[u]
                                        if pu != front {
                                            let w = Int(order[Int(front)])
                                            order[Int(pu)] = Int32(truncatingIfNeeded: w)
                                            position[w] = pu
                                            order[Int(front)] = Int32(truncatingIfNeeded: u)
                                            position[u] = front
                                        }
                                        binStart[Int(du)] = front &+ 1
                                        degree[u] = du &- 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return degree.map(Double.init)
}
