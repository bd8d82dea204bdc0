/// Connected components, numbered by size: 0 is the largest (ties: the one
/// containing the lowest node id first).
/// - Complexity: O(n + m).
public func connectedComponents(_ graph: WeightedGraph) -> [Int] {
    let n = graph.nodeCount
    var label = [Int](repeating: -1, count: n)
    var sizes: [Int] = []
    var stack: [Int] = []
    for start in 0..<n where label[start] < 0 {
        let id = sizes.count
        label[start] = id
        stack.append(start)
        var size = 0
        while let v = stack.popLast() {
            size += 1
            for slot in graph.slots(v) {
                let w = Int(graph.neighbors[slot])
                if label[w] < 0 {
                    label[w] = id
                    stack.append(w)
                }
            }
        }
        sizes.append(size)
    }
    let ranked = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    var rankOf = [Int](repeating: 0, count: sizes.count)
    for (rank, id) in ranked.enumerated() { rankOf[id] = rank }
    return label.map { rankOf[$0] }
}
