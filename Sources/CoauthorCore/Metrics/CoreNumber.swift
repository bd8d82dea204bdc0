/// k-core number: the largest k such that the author belongs to a subgraph in
/// which everyone has at least k co-authors. Ignores weights.
/// Agrees with `nx.core_number(G)` (V. Batagelj and M. Zaveršnik, "An O(m)
/// algorithm for cores decomposition of networks", 2003, arXiv:cs/0310049).
/// - Complexity: O(n + m).
public func coreNumbers(_ graph: WeightedGraph) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    var degree = (0..<n).map { graph.degree($0) }
    let maxDegree = degree.max() ?? 0
    var binStart = [Int](repeating: 0, count: maxDegree + 1)
    for d in degree { binStart[d] += 1 }
    var start = 0
    for d in 0...maxDegree {
        let count = binStart[d]
        binStart[d] = start
        start += count
    }
    var order = [Int](repeating: 0, count: n)
    var position = [Int](repeating: 0, count: n)
    var cursor = binStart
    for v in 0..<n {
        position[v] = cursor[degree[v]]
        order[position[v]] = v
        cursor[degree[v]] += 1
    }
    for i in 0..<n {
        let v = order[i]
        for slot in graph.slots(v) {
            let u = Int(graph.neighbors[slot])
            if degree[u] > degree[v] {
                // Move u to the front of its bin, then shrink its degree by one.
                let du = degree[u]
                let front = binStart[du]
                let w = order[front]
                if u != w {
                    order[position[u]] = w
                    position[w] = position[u]
                    order[front] = u
                    position[u] = front
                }
                binStart[du] += 1
                degree[u] -= 1
            }
        }
    }
    return degree.map(Double.init)
}
