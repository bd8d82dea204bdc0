/// A graph split at its articulation points: every biconnected component (block) gets
/// its own copy of each of its authors, so an author who joins k blocks appears k times
/// and the copies of different blocks share no tie. Each copy carries its *reach*: the
/// number of authors of its connected component that can only be reached from the block
/// through it (itself included).
///
/// A shortest path between two authors of one block never leaves the block (it would
/// have to come back through the same articulation point), so a search from a copy
/// explores only its block and still finds the true distances and path counts there.
/// Betweenness then follows from the blocks alone (Sariyüce, Saule, Kaya and
/// Çatalyürek, "Shattering and compressing networks for betweenness centrality",
/// SDM 2013, doi:10.1137/1.9781611972832.76): see `shatteredBetweenness`.
struct ShatteredGraph {
    /// One entry per copy: the copies of a block are consecutive, block by block.
    let graph: WeightedGraph
    /// The original author of each copy.
    let origin: [Int32]
    /// The reach of each copy (a `Double` because Brandes' accumulation uses it as a target weight).
    let reach: [Double]
    /// The block of each copy (blocks numbered from 0 in copy order).
    let block: [Int32]
    /// The number of authors (copies) in the block of each copy.
    let blockSize: [Int32]
    /// Ordered pairs of other authors whose every path runs through each original author
    /// (non-zero for articulation points only): the pairs that lie in two different parts
    /// of its component once it is removed.
    let separatedPairs: [Double]

    /// Splits `graph` (Hopcroft–Tarjan, iterative depth-first search).
    /// - Complexity: O(n + m) time and memory (plus sorting each copy's adjacency).
    init(_ graph: WeightedGraph) {
        let n = graph.nodeCount
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var subtree = [Int32](repeating: 1, count: n)
        var root = [Int32](repeating: -1, count: n)
        // Authors cut off below v by v (the sizes of its separated child subtrees).
        var hanging = [Int32](repeating: 0, count: n)
        var separatedSquares = [Double](repeating: 0, count: n)
        var ownerBlock = [Int32](repeating: -1, count: n)
        var blockTop: [Int32] = []
        var blockChild: [Int32] = []
        var blockStart: [Int] = [0]
        var members: [Int32] = []
        members.reserveCapacity(n)
        var pending: [Int32] = []
        var frames: [(node: Int32, slot: Int)] = []
        var clock: Int32 = 0
        // Numbers `v` in discovery order and pushes it for the depth-first walk from `start`.
        func discover(_ v: Int, from start: Int) {
            discovery[v] = clock
            low[v] = clock
            clock += 1
            root[v] = Int32(start)
            pending.append(Int32(v))
            frames.append((Int32(v), graph.offsets[v]))
        }
        for start in 0..<n where discovery[start] < 0 && graph.degree(start) > 0 {
            discover(start, from: start)
            while let frame = frames.last {
                let v = Int(frame.node)
                if frame.slot < graph.offsets[v + 1] {
                    frames[frames.count - 1].slot += 1
                    let w = Int(graph.neighbors[frame.slot])
                    if discovery[w] < 0 {
                        parent[w] = Int32(v)
                        discover(w, from: start)
                    } else if w != Int(parent[v]) {
                        low[v] = min(low[v], discovery[w])
                    }
                    continue
                }
                frames.removeLast()
                let p = Int(parent[v])
                guard p >= 0 else { continue }
                subtree[p] += subtree[v]
                low[p] = min(low[p], low[v])
                if low[v] >= discovery[p] {
                    // p separates v's subtree from the rest: the authors still pending down to v form a block with p.
                    let block = Int32(blockTop.count)
                    blockTop.append(Int32(p))
                    blockChild.append(Int32(v))
                    while true {
                        let x = pending.removeLast()
                        ownerBlock[Int(x)] = block
                        members.append(x)
                        if Int(x) == v { break }
                    }
                    blockStart.append(members.count)
                    hanging[p] += subtree[v]
                    separatedSquares[p] += Double(subtree[v]) * Double(subtree[v])
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        // Copies, block by block: the block's top (the author it hangs from in the search tree) first.
        let blocks = blockTop.count
        let copies = members.count + blocks
        var origin = [Int32](repeating: 0, count: copies)
        var reach = [Double](repeating: 0, count: copies)
        var blockSize = [Int32](repeating: 0, count: copies)
        var blockOf = [Int32](repeating: 0, count: copies)
        var ownCopy = [Int32](repeating: -1, count: n)
        var topCopy = [Int32](repeating: 0, count: blocks)
        var next = 0
        for b in 0..<blocks {
            let top = Int(blockTop[b])
            let size = Int32(blockStart[b + 1] - blockStart[b] + 1)
            topCopy[b] = Int32(next)
            origin[next] = Int32(top)
            reach[next] = Double(subtree[Int(root[top])] - subtree[Int(blockChild[b])])
            blockSize[next] = size
            blockOf[next] = Int32(b)
            next += 1
            for k in blockStart[b]..<blockStart[b + 1] {
                let x = Int(members[k])
                ownCopy[x] = Int32(next)
                origin[next] = Int32(x)
                reach[next] = Double(1 + hanging[x])
                blockSize[next] = size
                blockOf[next] = Int32(b)
                next += 1
            }
        }
        // A tie belongs to the block of its deeper end (the one discovered later).
        var source = [Int32](repeating: 0, count: graph.edgeCount)
        var target = [Int32](repeating: 0, count: graph.edgeCount)
        for e in 0..<graph.edgeCount {
            var u = Int(graph.source[e]), v = Int(graph.target[e])
            if discovery[u] > discovery[v] { swap(&u, &v) }
            let block = Int(ownerBlock[v])
            let a = ownCopy[v]
            let b = ownerBlock[u] == Int32(block) ? ownCopy[u] : topCopy[block]
            source[e] = min(a, b)
            target[e] = max(a, b)
        }
        var separatedPairs = [Double](repeating: 0, count: n)
        for v in 0..<n where hanging[v] > 0 {
            let others = Double(subtree[Int(root[v])] - 1)
            let rest = others - Double(hanging[v])
            separatedPairs[v] = others * others - separatedSquares[v] - rest * rest
        }
        self.graph = WeightedGraph(nodeCount: copies, source: source, target: target, weight: graph.weight)
        self.origin = origin
        self.reach = reach
        self.block = blockOf
        self.blockSize = blockSize
        self.separatedPairs = separatedPairs
    }
}
