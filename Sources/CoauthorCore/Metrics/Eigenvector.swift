import Dispatch

/// Eigenvector centrality: the principal eigenvector of the weighted adjacency
/// matrix (weights read as **strengths**), scaled to unit Euclidean length.
///
/// The reference, `nx.eigenvector_centrality(G, weight="weight", max_iter=10000, tol=1e-12)`
/// (P. Bonacich, "Power and centrality: a family of measures", American Journal of Sociology
/// 92(5), 1987, doi:10.1086/228631), runs power iteration on A + I from the uniform vector. What
/// it converges to is the uniform vector's projection onto the eigenspace of the largest
/// eigenvalue λ: on a connected graph the Perron vector; on a disconnected one the Perron vectors
/// of the components whose own largest eigenvalue is λ, each weighted by the sum of its entries
/// (a component with a smaller one decays to zero). Power iteration needs about
/// log(tol) / log((λ₂ + 1) / (λ + 1)) steps: a thousand on the ACL Anthology graph, whose two
/// largest eigenvalues are 165.8 and 161.1.
///
/// This computes that limit component by component. A component's Perron pair comes from LOPCG
/// with a block of one vector and no preconditioner (A. V. Knyazev, "Toward the optimal
/// preconditioned eigensolver: locally optimal block preconditioned conjugate gradient method",
/// SIAM J. Sci. Comput. 23(2), 2001, doi:10.1137/S1064827500366124): each step takes the best
/// vector of span{x, r, p} (iterate, residual, previous step), so the step count grows with the
/// square root of 1/gap instead of 1/gap (about a hundred products on that graph). It stops by
/// networkx's rule: when one power step from the iterate would move it by less than n·`tolerance`
/// in L1 (‖r‖₁ ≤ (λ + 1)·n·tol), re-checked on an exactly recomputed product. Only components
/// whose row sums could reach the largest eigenvalue found so far are solved at all.
///
/// Products pull along the adjacency over fixed ranges of the component's authors that run on all
/// cores; the other passes add their sums range by range in order, so results do not depend on
/// the number of threads.
///
/// - Complexity: O(n + m) per step, O(n + m) memory.
public func eigenvectorCentrality(_ graph: WeightedGraph, tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    // Without ties A + I is I: every author keeps the uniform start.
    guard graph.edgeCount > 0 else { return [Double](repeating: 1 / Double(n).squareRoot(), count: n) }
    let (slotWeight, rowSum) = slotWeightsAndStrengths(graph)
    let members = ComponentMembers(graph)
    // λ ≤ the largest row sum (Perron–Frobenius): solve components in decreasing order of that
    // bound and stop once it falls below the largest eigenvalue found.
    var bound = [Double](repeating: 0, count: members.count)
    for c in 0..<members.count {
        for v in members.nodes(c) { bound[c] = max(bound[c], rowSum[v]) }
    }
    let order = (0..<members.count).sorted { bound[$0] != bound[$1] ? bound[$0] > bound[$1] : $0 < $1 }
    let ties = 1e-9
    var vector = [Double](repeating: 0, count: n)
    var solved: [(component: Int, eigenvalue: Double)] = []
    var largest = -Double.infinity
    graph.offsets.withUnsafeBufferPointer { offsets in
        graph.neighbors.withUnsafeBufferPointer { neighbors in
            slotWeight.withUnsafeBufferPointer { weights in
                vector.withUnsafeMutableBufferPointer { vector in
                    let adjacency = EigenvectorAdjacency(offsets: offsets.baseAddress!, neighbors: neighbors,
                                                         weights: weights.baseAddress!)
                    let workspace = LOPCGWorkspace(nodeCount: n)
                    defer { workspace.deallocate() }
                    for c in order {
                        if bound[c] < largest - ties * max(largest, 1) { break }
                        let eigenvalue = members.withNodes(c) { nodes in
                            workspace.perronPair(nodes, adjacency: adjacency, into: vector.baseAddress!,
                                                 stop: Double(n) * tolerance, maxIterations: maxIterations)
                        }
                        solved.append((c, eigenvalue))
                        largest = max(largest, eigenvalue)
                    }
                }
            }
        }
    }
    // The uniform start's projection onto the dominant eigenspace, then unit length.
    var result = [Double](repeating: 0, count: n)
    var squares = 0.0
    for (c, eigenvalue) in solved where eigenvalue >= largest - ties * max(largest, 1) {
        var weight = 0.0
        for v in members.nodes(c) { weight += vector[v] }
        for v in members.nodes(c) {
            // The Perron vector is positive; a value below rounding can come out a hair negative.
            let value = weight * max(vector[v], 0)
            result[v] = value
            squares += value * value
        }
    }
    let norm = squares > 0 ? squares.squareRoot() : 1
    for v in 0..<n { result[v] /= norm }
    return result
}

/// The authors of each connected component, ascending within it.
private struct ComponentMembers {
    private let start: [Int]
    private let members: [Int]

    init(_ graph: WeightedGraph) {
        let label = connectedComponents(graph)
        let count = (label.max() ?? -1) + 1
        var start = [Int](repeating: 0, count: count + 1)
        for c in label { start[c + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var cursor = start
        var members = [Int](repeating: 0, count: label.count)
        for v in label.indices {
            members[cursor[label[v]]] = v
            cursor[label[v]] += 1
        }
        self.start = start
        self.members = members
    }

    var count: Int { start.count - 1 }

    func nodes(_ c: Int) -> ArraySlice<Int> { members[start[c]..<start[c + 1]] }

    func withNodes<R>(_ c: Int, _ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        members.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start[c]..<start[c + 1]])) }
    }
}

/// One component's authors, as a raw pointer the workers share.
private struct NodeList: @unchecked Sendable {
    let base: UnsafePointer<Int>
    let count: Int
    @inline(__always) subscript(k: Int) -> Int { base[k] }
}

/// Read-only arrays of one run, as raw pointers the workers share.
private struct EigenvectorAdjacency: @unchecked Sendable {
    let offsets: UnsafePointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    let weights: UnsafePointer<Double>
}

/// LOPCG's six vectors (iterate x, residual w, previous step p, and their products with A), indexed
/// by author so one workspace serves every component. Each range of a pass writes only its own
/// authors and its own slot of `partial`, so sharing the buffers across threads is safe.
private final class LOPCGWorkspace: @unchecked Sendable {
    private let x, w, p, ax, aw, ap: UnsafeMutablePointer<Double>
    /// Per-range sums of a pass (`sums` per range), added in range order.
    private let partial: UnsafeMutablePointer<Double>
    private static let sums = 12
    private static let maxRanges = 16

    init(nodeCount n: Int) {
        x = .allocate(capacity: n); w = .allocate(capacity: n); p = .allocate(capacity: n)
        ax = .allocate(capacity: n); aw = .allocate(capacity: n); ap = .allocate(capacity: n)
        partial = .allocate(capacity: Self.sums * Self.maxRanges)
    }

    func deallocate() {
        for buffer in [x, w, p, ax, aw, ap, partial] { buffer.deallocate() }
    }

    /// The largest eigenvalue of the component on `nodes`; writes its unit eigenvector, with a
    /// non-negative sum, into `vector` at those nodes.
    func perronPair(_ members: UnsafeBufferPointer<Int>, adjacency: EigenvectorAdjacency, into vector: UnsafeMutablePointer<Double>,
                    stop: Double, maxIterations: Int) -> Double {
        guard members.count > 1 else {
            vector[members[0]] = 1
            return 0
        }
        let nodes = NodeList(base: members.baseAddress!, count: members.count)
        let ranges = Self.ranges(nodes, offsets: adjacency.offsets)
        let parallel = ranges.count > 1
        let pass: (@escaping @Sendable (Int) -> Void) -> Void = { body in
            if parallel {
                DispatchQueue.concurrentPerform(iterations: ranges.count, execute: body)
            } else {
                for r in ranges.indices { body(r) }
            }
        }
        let start = 1 / Double(nodes.count).squareRoot()
        for v in members { x[v] = start; p[v] = 0; ap[v] = 0 }
        var eigenvalue = refresh(nodes, ranges: ranges, adjacency: adjacency, pass: pass, withStep: false)
        var residual = sum(index: 1, ranges: ranges.count)
        var hasStep = false
        var exact = true
        var iteration = 0
        while iteration < maxIterations {
            if residual <= (eigenvalue + 1) * stop {
                if exact { break }
                // The products are carried along by recurrence; judge on exact ones (the step's
                // product is recomputed only if the search goes on).
                eigenvalue = refresh(nodes, ranges: ranges, adjacency: adjacency, pass: pass, withStep: false)
                residual = sum(index: 1, ranges: ranges.count)
                exact = true
                if hasStep && residual > (eigenvalue + 1) * stop {
                    pass { [self] r in multiply(nodes, ranges[r], from: p, into: ap, adjacency: adjacency) }
                }
                continue
            }
            iteration += 1
            pass { [self] r in multiply(nodes, ranges[r], from: w, into: aw, adjacency: adjacency) }
            pass { [self] r in gram(nodes, ranges[r], range: r) }
            let g = (0..<Self.sums).map { sum(index: $0, ranges: ranges.count) }
            // Basis [x, w, p]: Gram matrices SᵀAS and SᵀS.
            let a = [[g[0], g[1], g[2]], [g[1], g[3], g[4]], [g[2], g[4], g[5]]]
            let b = [[g[6], g[7], g[8]], [g[7], g[9], g[10]], [g[8], g[10], g[11]]]
            let ritz = hasStep ? RitzPair.largest(a, b) ?? RitzPair.largest(a.prefix(2), b.prefix(2)) : RitzPair.largest(a.prefix(2), b.prefix(2))
            guard let ritz else { break }   // the residual is below rounding: x is as good as it gets
            var c = ritz.vector
            if c.count < 3 { c.append(0) }
            let (c0, c1, c2) = (c[0], c[1], c[2])
            let theta = ritz.value
            pass { [self] r in update(nodes, ranges[r], range: r, c0: c0, c1: c1, c2: c2, theta: theta) }
            eigenvalue = theta
            residual = sum(index: 0, ranges: ranges.count)
            hasStep = true
            exact = false
            if iteration % 32 == 0 {
                eigenvalue = refresh(nodes, ranges: ranges, adjacency: adjacency, pass: pass, withStep: true)
                residual = sum(index: 1, ranges: ranges.count)
                exact = true
            }
        }
        var total = 0.0, squares = 0.0
        for v in members { total += x[v]; squares += x[v] * x[v] }
        let scale = (total < 0 ? -1 : 1) / squares.squareRoot()
        for v in members { vector[v] = x[v] * scale }
        return eigenvalue
    }

    /// Recomputes A·x (and A·p) exactly, scales x to unit length and sets w = A·x − λx; returns
    /// λ = xᵀAx. Leaves ‖w‖₁ in sum 1.
    private func refresh(_ nodes: NodeList, ranges: [Range<Int>], adjacency: EigenvectorAdjacency,
                         pass: (@escaping @Sendable (Int) -> Void) -> Void, withStep: Bool) -> Double {
        pass { [self] r in
            var squares = 0.0
            for k in ranges[r] { squares += x[nodes[k]] * x[nodes[k]] }
            partial[r * Self.sums] = squares
        }
        let scale = 1 / sum(index: 0, ranges: ranges.count).squareRoot()
        pass { [self] r in
            multiply(nodes, ranges[r], from: x, into: ax, adjacency: adjacency)
            if withStep { multiply(nodes, ranges[r], from: p, into: ap, adjacency: adjacency) }
        }
        // Scaled after the products, which read other ranges' x.
        pass { [self] r in
            var product = 0.0
            for k in ranges[r] {
                let v = nodes[k]
                x[v] *= scale
                ax[v] *= scale
                product += x[v] * ax[v]
            }
            partial[r * Self.sums] = product
        }
        let eigenvalue = sum(index: 0, ranges: ranges.count)
        pass { [self] r in
            var change = 0.0
            for k in ranges[r] {
                let v = nodes[k]
                w[v] = ax[v] - eigenvalue * x[v]
                change += abs(w[v])
            }
            partial[r * Self.sums + 1] = change
        }
        return eigenvalue
    }

    private func sum(index: Int, ranges: Int) -> Double {
        var total = 0.0
        for r in 0..<ranges { total += partial[r * Self.sums + index] }
        return total
    }

    /// into = A·from on one range of the component's authors.
    private func multiply(_ nodes: NodeList, _ range: Range<Int>, from: UnsafeMutablePointer<Double>,
                          into: UnsafeMutablePointer<Double>, adjacency: EigenvectorAdjacency) {
        let offsets = adjacency.offsets, neighbors = adjacency.neighbors, weights = adjacency.weights
        for k in range {
            let v = nodes[k]
            var value = 0.0
            var slot = offsets[v]
            let end = offsets[v &+ 1]
            while slot < end {
                prefetchGathered(from, by: neighbors, from: slot)
                value += from[Int(neighbors[slot])] * weights[slot]
                slot &+= 1
            }
            into[v] = value
        }
    }

    /// The twelve inner products of the Gram matrices, for one range: SᵀAS then SᵀS.
    private func gram(_ nodes: NodeList, _ range: Range<Int>, range r: Int) {
        var xax = 0.0, xaw = 0.0, xap = 0.0, waw = 0.0, wap = 0.0, pap = 0.0
        var xx = 0.0, xw = 0.0, xp = 0.0, ww = 0.0, wp = 0.0, pp = 0.0
        for k in range {
            let v = nodes[k]
            let xv = x[v], wv = w[v], pv = p[v]
            xax += xv * ax[v]; xaw += xv * aw[v]; xap += xv * ap[v]
            waw += wv * aw[v]; wap += wv * ap[v]; pap += pv * ap[v]
            xx += xv * xv; xw += xv * wv; xp += xv * pv
            ww += wv * wv; wp += wv * pv; pp += pv * pv
        }
        let sums = [xax, xaw, xap, waw, wap, pap, xx, xw, xp, ww, wp, pp]
        for (i, value) in sums.enumerated() { partial[r * Self.sums + i] = value }
    }

    /// p ← c1·w + c2·p, x ← c0·x + p (and the same for the products), w ← A·x − θx; leaves ‖w‖₁
    /// in sum 0.
    private func update(_ nodes: NodeList, _ range: Range<Int>, range r: Int,
                        c0: Double, c1: Double, c2: Double, theta: Double) {
        var change = 0.0
        for k in range {
            let v = nodes[k]
            let step = c1 * w[v] + c2 * p[v]
            let stepProduct = c1 * aw[v] + c2 * ap[v]
            p[v] = step
            ap[v] = stepProduct
            let xv = c0 * x[v] + step
            let axv = c0 * ax[v] + stepProduct
            x[v] = xv
            ax[v] = axv
            let residual = axv - theta * xv
            w[v] = residual
            change += abs(residual)
        }
        partial[r * Self.sums] = change
    }

    /// Fixed ranges of about equal slot counts (one range for a component too small to share).
    private static func ranges(_ nodes: NodeList, offsets: UnsafePointer<Int>) -> [Range<Int>] {
        var slots = 0
        for k in 0..<nodes.count { slots += offsets[nodes[k] + 1] - offsets[nodes[k]] }
        guard slots >= 200_000 else { return [0..<nodes.count] }
        let count = maxRanges
        let total = slots + nodes.count
        var ranges: [Range<Int>] = []
        var begin = 0, done = 0, k = 0
        for part in 1...count {
            let goal = total * part / count
            while k < nodes.count && done < goal {
                done += offsets[nodes[k] + 1] - offsets[nodes[k]] + 1
                k += 1
            }
            if part == count { k = nodes.count }
            if k > begin {
                ranges.append(begin..<k)
                begin = k
            }
        }
        return ranges
    }
}

/// The largest eigenpair of a small symmetric-definite pencil (A, B): Rayleigh–Ritz on LOPCG's
/// basis. The basis is scaled to unit length first, as LOBPCG does, since the residual and the
/// step shrink towards convergence.
private struct RitzPair {
    let value: Double
    /// Coefficients on the basis (unscaled).
    let vector: [Double]

    /// nil when B is not numerically positive definite: the basis has become dependent.
    static func largest<S: Collection>(_ aRows: S, _ bRows: S) -> RitzPair? where S.Element == [Double] {
        let m = aRows.count
        let a = aRows.map { Array($0.prefix(m)) }, b = bRows.map { Array($0.prefix(m)) }
        var scale = [Double](repeating: 0, count: m)
        for i in 0..<m {
            guard b[i][i] > 0, b[i][i].isFinite else { return nil }
            scale[i] = 1 / b[i][i].squareRoot()
        }
        // Cholesky of the scaled B = L·Lᵀ.
        var l = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for i in 0..<m {
            for j in 0...i {
                var s = b[i][j] * scale[i] * scale[j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                if i == j {
                    guard s > 1e-12 else { return nil }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][j] = s / l[j][j]
                }
            }
        }
        // C = L⁻¹ (scaled A) L⁻ᵀ, column by column.
        var scaledA = a
        for i in 0..<m { for j in 0..<m { scaledA[i][j] *= scale[i] * scale[j] } }
        let half = forwardSolve(l, columns: scaledA)               // L⁻¹ A
        let c = forwardSolve(l, columns: transpose(half))         // L⁻¹ (L⁻¹ A)ᵀ = L⁻¹ A L⁻ᵀ
        let (value, y) = largestSymmetricEigenpair(c)
        // Back to the basis: solve Lᵀ z = y, then undo the scaling.
        var z = y
        for i in stride(from: m - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<m { s -= l[k][i] * z[k] }
            z[i] = s / l[i][i]
        }
        var vector = (0..<m).map { z[$0] * scale[$0] }
        if vector[0] < 0 { vector = vector.map { -$0 } }
        return RitzPair(value: value, vector: vector)
    }

    /// L⁻¹ M for lower-triangular L, M given by rows.
    private static func forwardSolve(_ l: [[Double]], columns m: [[Double]]) -> [[Double]] {
        let n = l.count
        var result = m
        for column in 0..<n {
            for i in 0..<n {
                var s = m[i][column]
                for k in 0..<i { s -= l[i][k] * result[k][column] }
                result[i][column] = s / l[i][i]
            }
        }
        return result
    }

    private static func transpose(_ m: [[Double]]) -> [[Double]] {
        m.indices.map { i in m.indices.map { j in m[j][i] } }
    }

    /// Cyclic Jacobi rotations on a matrix of order ≤ 3, symmetrised first.
    private static func largestSymmetricEigenpair(_ matrix: [[Double]]) -> (Double, [Double]) {
        let n = matrix.count
        var a = matrix
        for i in 0..<n { for j in 0..<i { let s = (a[i][j] + a[j][i]) / 2; a[i][j] = s; a[j][i] = s } }
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<64 {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
            if off == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        var best = 0
        for i in 1..<n where a[i][i] > a[best][best] { best = i }
        return (a[best][best], (0..<n).map { v[$0][best] })
    }
}
