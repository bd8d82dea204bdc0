/// Classes of structurally equivalent authors ("twins"): authors whose ties go to
/// exactly the same other authors with exactly the same weights, either tied to
/// each other with one common weight (closed twins: the co-authors of a single
/// paper who wrote nothing else) or not tied at all (open twins: several one-paper
/// students of the same supervisor).
///
/// Twins have equal shortest-path distances to every other author, so a
/// shortest-path search from one of them stands for all (Sariyüce, Saule, Kaya
/// and Çatalyürek, "Shattering and compressing networks for betweenness
/// centrality", SDM 2013, doi:10.1137/1.9781611972832.76, "identical vertices").
struct TwinClasses {
    /// One member per class, ascending.
    let representatives: [Int]
    /// The size of each representative's class (parallel to `representatives`).
    let sizes: [Int]
    /// The representative of every node.
    let representativeOf: [Int]

    /// Finds the classes.
    /// - Complexity: O(m log m) expected.
    init(_ graph: WeightedGraph) {
        let n = graph.nodeCount
        var representativeOf = Array(0..<n)
        // Bucket by a hash of the open and of the closed neighbourhood, then confirm exactly.
        var open: [Int: [Int]] = [:]
        var closed: [Int: [Int]] = [:]
        for v in 0..<n where graph.degree(v) > 0 {
            var openHasher = Hasher(), closedHasher = Hasher()
            var inserted = false
            for slot in graph.slots(v) {
                let u = Int(graph.neighbors[slot])
                if !inserted && u > v {
                    closedHasher.combine(v)
                    inserted = true
                }
                openHasher.combine(u)
                openHasher.combine(graph.weight[Int(graph.edgeIDs[slot])])
                closedHasher.combine(u)
            }
            if !inserted { closedHasher.combine(v) }
            open[openHasher.finalize(), default: []].append(v)
            closed[closedHasher.finalize(), default: []].append(v)
        }
        func assign(_ bucket: [Int], sameClass: (Int, Int) -> Bool) {
            guard bucket.count > 1 else { return }
            var pending = bucket.filter { representativeOf[$0] == $0 }
            while let first = pending.first {
                var rest: [Int] = []
                for v in pending.dropFirst() {
                    if sameClass(first, v) { representativeOf[v] = first } else { rest.append(v) }
                }
                pending = rest
            }
        }
        for key in open.keys.sorted() { assign(open[key]!) { Self.openTwins(graph, $0, $1) } }
        for key in closed.keys.sorted() { assign(closed[key]!) { Self.closedTwins(graph, $0, $1) } }
        var sizes: [Int: Int] = [:]
        for v in 0..<n { sizes[representativeOf[v], default: 0] += 1 }
        let representatives = sizes.keys.sorted()
        self.representatives = representatives
        self.sizes = representatives.map { sizes[$0]! }
        self.representativeOf = representativeOf
    }

    /// Same neighbours, same weights, not adjacent.
    private static func openTwins(_ graph: WeightedGraph, _ a: Int, _ b: Int) -> Bool {
        guard graph.degree(a) == graph.degree(b), graph.edge(a, b) == nil else { return false }
        for (sa, sb) in zip(graph.slots(a), graph.slots(b)) {
            if graph.neighbors[sa] != graph.neighbors[sb] { return false }
            if graph.weight[Int(graph.edgeIDs[sa])] != graph.weight[Int(graph.edgeIDs[sb])] { return false }
        }
        return true
    }

    /// Adjacent, and the same other neighbours with the same weights.
    private static func closedTwins(_ graph: WeightedGraph, _ a: Int, _ b: Int) -> Bool {
        guard graph.degree(a) == graph.degree(b), graph.edge(a, b) != nil else { return false }
        var ia = graph.offsets[a], ib = graph.offsets[b]
        let ea = graph.offsets[a + 1], eb = graph.offsets[b + 1]
        while ia < ea || ib < eb {
            if ia < ea, Int(graph.neighbors[ia]) == b { ia += 1; continue }
            if ib < eb, Int(graph.neighbors[ib]) == a { ib += 1; continue }
            guard ia < ea, ib < eb, graph.neighbors[ia] == graph.neighbors[ib],
                  graph.weight[Int(graph.edgeIDs[ia])] == graph.weight[Int(graph.edgeIDs[ib])] else { return false }
            ia += 1
            ib += 1
        }
        return true
    }
}
