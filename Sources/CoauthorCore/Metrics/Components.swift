/// Connected components, numbered by size: 0 is the largest (ties: the one
/// containing the lowest node id first).
/// - Complexity: O(n + m).
public func connectedComponents(_ graph: WeightedGraph) -> [Int] {
    let n = graph.nodeCount
    var label = [Int](repeating: -1, count: n)
    var sizes: [Int] = []
    // Raw buffers: every tie is one random access, and the arrays' checks there cost as much as
    // the search itself on a DBLP-size graph. The stack never holds a node twice (nodes are
    // labelled as they are pushed), so n places suffice.
    let stack = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
    defer { stack.deallocate() }
    graph.offsets.withUnsafeBufferPointer { offsets in
        graph.neighbors.withUnsafeBufferPointer { neighbors in
            label.withUnsafeMutableBufferPointer { label in
                for start in 0..<n where label[start] < 0 {
                    let id = sizes.count
                    label[start] = id
                    stack[0] = start
                    var depth = 1
                    var size = 0
                    while depth > 0 {
                        depth -= 1
                        let v = stack[depth]
                        size += 1
                        for slot in offsets[v]..<offsets[v + 1] {
                            let w = Int(neighbors[slot])
                            if label[w] < 0 {
                                label[w] = id
                                stack[depth] = w
                                depth += 1
                            }
                        }
                    }
                    sizes.append(size)
                }
            }
        }
    }
    let ranked = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    var rankOf = [Int](repeating: 0, count: sizes.count)
    for (rank, id) in ranked.enumerated() { rankOf[id] = rank }
    return label.map { rankOf[$0] }
}
