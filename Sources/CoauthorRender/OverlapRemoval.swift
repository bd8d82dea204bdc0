import Glibc

/// Moves boxes apart until none overlaps another, keeping the layout's shape:
/// a deterministic version of Gansner and Hu's PRISM (proximity stress).
///
/// Graphviz's own `overlap=prism` finds neighbours with a GTS Delaunay
/// triangulation whose edges come out of a hash table keyed by memory
/// addresses, so the order of the stress sums, and with it the last bits of
/// every coordinate, changes from process to process. Here the neighbours are
/// the nearest boxes found through a grid plus every overlapping pair found by
/// a sweep, all in index order, so the same input gives the same output
/// everywhere.
///
/// Each round gives every neighbour pair a target distance: its current one,
/// stretched (by at most half) where the two boxes overlap, so that they just
/// touch; a stress majorization step (conjugate gradients on the weighted
/// Laplacian) then moves all boxes at once toward those targets. Pairs that do
/// not overlap keep their distance, which holds clusters together while
/// crowded regions open up. Rounds stop when no box overlaps another; a last
/// pass pushes any stubborn pair apart directly.
struct OverlapRemoval {
    /// Half the width and half the height of one box, margin included.
    struct HalfSize {
        var width: Double
        var height: Double
    }

    /// How many nearest neighbours each box keeps its distance to.
    var neighbours = 8
    /// Stress rounds before the direct pass takes over.
    var rounds = 40
    /// The largest stretch of one pair in one round (PRISM's bound).
    var maximumStretch = 1.5
    /// Whether to remove overlaps by scaling the whole drawing alone, which
    /// keeps `twopi`'s rings round at the price of more room.
    var scalesUniformly = false

    /// Returns `centres` moved so that no two boxes overlap.
    ///
    /// - Precondition: one size per centre.
    /// - Complexity: O(*r* · (*n* log *n* + *c* · *n* · *k*)) for *n* boxes,
    ///   *r* rounds, *k* neighbours and *c* conjugate-gradient steps, when boxes
    ///   are of similar size (the sweep degrades towards O(*n*²) when a few boxes
    ///   span most of the drawing).
    func separated(_ centres: [LayoutPoint], sizes: [HalfSize], ties: [Pair] = []) -> [LayoutPoint] {
        precondition(centres.count == sizes.count, "one size per centre")
        guard centres.count > 1 else { return centres }
        var x = centres.map(\.x)
        var y = centres.map(\.y)
        Self.separateCoincident(&x, &y)
        if scalesUniformly {
            let stretches = Self.overlappingPairs(x, y, sizes).map { pair in
                Self.separatingStretch(x[pair.first] - x[pair.second], y[pair.first] - y[pair.second],
                                       sizes[pair.first], sizes[pair.second])
            }
            Self.scale(&x, &y, by: min(stretches.max() ?? 1, 1e6))
        } else {
            Self.spread(&x, &y, sizes: sizes, ties: ties)
        }
        var order: [Int] = []
        for _ in 0..<rounds {
            let overlapping = Self.overlappingPairs(x, y, sizes, order: &order)
            if overlapping.isEmpty { break }
            // Every round holds each box at its distance from its nearest
            // neighbours; without them a large name box overlapping many small
            // ones is pushed round after round to the edge of the drawing.
            stressStep(&x, &y, sizes: sizes, pairs: Self.union(overlapping, Self.nearestPairs(x, y, count: neighbours)))
        }
        Self.pushApart(&x, &y, sizes: sizes)
        return zip(x, y).map { LayoutPoint(x: $0, y: $1) }
    }

    /// Scales the drawing about its centroid so that the typical tie (the
    /// median of `ties`, or of the nearest pairs when there are no ties) no
    /// longer overlaps: the engines place nodes as points, far closer than
    /// large nodes and names allow, and stretching everything at once keeps
    /// the shape better than many local rounds (PRISM's initial scaling).
    private static func spread(_ x: inout [Double], _ y: inout [Double], sizes: [HalfSize], ties: [Pair]) {
        let pairs = ties.isEmpty ? nearestPairs(x, y, count: 1) : ties
        var stretches = pairs.map { pair in
            separatingStretch(x[pair.first] - x[pair.second], y[pair.first] - y[pair.second],
                              sizes[pair.first], sizes[pair.second])
        }
        guard !stretches.isEmpty else { return }
        stretches.sort()
        // The median: a higher quantile also stretches sfdp's long peripheral
        // ties and leaves most of the drawing empty.
        scale(&x, &y, by: min(stretches[stretches.count / 2], 1e6))
    }

    /// Scales the drawing about its centroid by `factor` when that is above 1.
    private static func scale(_ x: inout [Double], _ y: inout [Double], by factor: Double) {
        guard factor > 1 else { return }
        let (meanX, meanY) = (x.reduce(0, +) / Double(x.count), y.reduce(0, +) / Double(y.count))
        for index in x.indices {
            x[index] = meanX + (x[index] - meanX) * factor
            y[index] = meanY + (y[index] - meanY) * factor
        }
    }

    /// One majorization step toward each pair's target distance.
    private func stressStep(_ x: inout [Double], _ y: inout [Double], sizes: [HalfSize], pairs: [Pair]) {
        var weights = [Double](repeating: 0, count: pairs.count)
        var rightX = [Double](repeating: 0, count: x.count)
        var rightY = [Double](repeating: 0, count: x.count)
        for (index, pair) in pairs.enumerated() {
            let (a, b) = (pair.first, pair.second)
            let dx = x[a] - x[b], dy = y[a] - y[b]
            let distance = max((dx * dx + dy * dy).squareRoot(), 1e-9)
            let stretch = min(maximumStretch, Self.separatingStretch(dx, dy, sizes[a], sizes[b]))
            let target = distance * stretch
            let weight = 1 / (target * target)
            weights[index] = weight
            let pullX = weight * target * dx / distance, pullY = weight * target * dy / distance
            rightX[a] += pullX; rightX[b] -= pullX
            rightY[a] += pullY; rightY[b] -= pullY
        }
        Self.conjugateGradient(&x, rightX, pairs: pairs, weights: weights)
        Self.conjugateGradient(&y, rightY, pairs: pairs, weights: weights)
    }

    /// The factor by which the centre distance must grow for the two boxes to
    /// stop overlapping (1 when they already don't).
    static func separatingStretch(_ dx: Double, _ dy: Double, _ a: HalfSize, _ b: HalfSize) -> Double {
        let width = a.width + b.width, height = a.height + b.height
        let (absX, absY) = (abs(dx), abs(dy))
        guard absX < width && absY < height else { return 1 }
        let alongX = absX > 0 ? width / absX : .infinity
        let alongY = absY > 0 ? height / absY : .infinity
        // A little more than touching: the stress step meets its targets only
        // roughly, and aiming just past them saves rounds.
        return min(alongX, alongY) * 1.01
    }

    /// Solves the weighted Laplacian system `L z = right` from the current `z`.
    /// The Laplacian is singular (moving everything leaves it unchanged) but the
    /// right side sums to zero on each connected part, so the iteration converges;
    /// the centroid is put back afterwards so that the solve cannot drift it.
    private static func conjugateGradient(_ z: inout [Double], _ right: [Double], pairs: [Pair], weights: [Double]) {
        let count = z.count
        let centroid = z.reduce(0, +) / Double(count)
        let first = pairs.map(\.first), second = pairs.map(\.second)
        func multiply(_ v: [Double], into out: inout [Double]) {
            out.withUnsafeMutableBufferPointer { out in
                v.withUnsafeBufferPointer { v in
                    first.withUnsafeBufferPointer { first in
                        second.withUnsafeBufferPointer { second in
                            weights.withUnsafeBufferPointer { weights in
                                for index in 0..<out.count { out[index] = 0 }
                                for index in 0..<first.count {
                                    let (a, b) = (first[index], second[index])
                                    let term = weights[index] * (v[a] - v[b])
                                    out[a] += term
                                    out[b] -= term
                                }
                            }
                        }
                    }
                }
            }
        }
        var product = [Double](repeating: 0, count: count)
        multiply(z, into: &product)
        var residual = zip(right, product).map { $0 - $1 }
        var direction = residual
        var residualNorm = dot(residual, residual)
        // Relative to where the solve starts: the targets move each round, so
        // a good step matters more than an exact one.
        let tolerance = 1e-6 * residualNorm
        for _ in 0..<min(count, maximumSolverSteps) where residualNorm > tolerance {
            multiply(direction, into: &product)
            let curvature = dot(direction, product)
            guard curvature > 0 else { break }
            let step = residualNorm / curvature
            for index in 0..<count {
                z[index] += step * direction[index]
                residual[index] -= step * product[index]
            }
            let next = dot(residual, residual)
            let ratio = next / residualNorm
            residualNorm = next
            for index in 0..<count { direction[index] = residual[index] + ratio * direction[index] }
        }
        let shift = z.reduce(0, +) / Double(count) - centroid
        for index in 0..<count { z[index] -= shift }
    }

    /// Conjugate-gradient steps per solve: each round only needs to move
    /// toward its targets, since the next round sets new ones.
    private static let maximumSolverSteps = 50

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices { sum += a[index] * b[index] }
        return sum
    }

    /// Two boxes, `first < second`.
    struct Pair: Comparable {
        var first: Int
        var second: Int

        init(_ a: Int, _ b: Int) {
            (first, second) = a < b ? (a, b) : (b, a)
        }

        static func < (lhs: Pair, rhs: Pair) -> Bool {
            (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
    }

    /// Every pair of overlapping boxes, found by sweeping across x.
    ///
    /// - Complexity: O(*n* log *n* + *p*) for *p* pairs whose x-extents meet.
    static func overlappingPairs(_ x: [Double], _ y: [Double], _ sizes: [HalfSize]) -> [Pair] {
        var order: [Int] = []
        return overlappingPairs(x, y, sizes, order: &order)
    }

    /// Every pair of overlapping boxes, found by sweeping across x, in sweep
    /// order: by the left edge of the first box (ties by index), then by the
    /// left edge of the second.
    ///
    /// `order` is the sweep order of an earlier call on the same boxes, or
    /// empty; it is sorted again in place and kept for the next call. Between
    /// rounds the boxes move little, so re-sorting the last order by insertion
    /// touches few entries, where sorting from scratch would cost O(*n* log *n*)
    /// every round. The order is total, so the result is the same either way.
    ///
    /// - Complexity: O(*n* + *m* + *p*) for *m* entries out of order (at most
    ///   O(*n* log *n*) when many are) and *p* pairs whose x-extents meet.
    static func overlappingPairs(_ x: [Double], _ y: [Double], _ sizes: [HalfSize], order: inout [Int]) -> [Pair] {
        let count = x.count
        let left = (0..<count).map { x[$0] - sizes[$0].width }
        sortSweep(&order, by: left)
        // The boxes in sweep order, contiguous, for the inner loop.
        let sortedLeft = order.map { left[$0] }
        let sortedX = order.map { x[$0] }, sortedY = order.map { y[$0] }
        let sortedWidth = order.map { sizes[$0].width }, sortedHeight = order.map { sizes[$0].height }
        var pairs: [Pair] = []
        sortedLeft.withUnsafeBufferPointer { sortedLeft in
            sortedX.withUnsafeBufferPointer { sortedX in
                sortedY.withUnsafeBufferPointer { sortedY in
                    sortedWidth.withUnsafeBufferPointer { sortedWidth in
                        sortedHeight.withUnsafeBufferPointer { sortedHeight in
                            for position in 0..<count {
                                let (ax, ay) = (sortedX[position], sortedY[position])
                                let (aWidth, aHeight) = (sortedWidth[position], sortedHeight[position])
                                let right = ax + aWidth
                                var other = position + 1
                                while other < count && sortedLeft[other] < right {
                                    if abs(ax - sortedX[other]) < aWidth + sortedWidth[other]
                                        && abs(ay - sortedY[other]) < aHeight + sortedHeight[other] {
                                        pairs.append(Pair(order[position], order[other]))
                                    }
                                    other += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return pairs
    }

    /// Sorts `order` (every index once, or empty) by `left`, ties by index:
    /// by insertion when few entries are out of place, else from scratch.
    private static func sortSweep(_ order: inout [Int], by left: [Double]) {
        func precedes(_ a: Int, _ b: Int) -> Bool {
            left[a] != left[b] ? left[a] < left[b] : a < b
        }
        guard order.count == left.count else {
            order = left.indices.sorted(by: precedes)
            return
        }
        // Enough moves for a few swaps per box; beyond that the boxes have
        // been shuffled and a full sort is cheaper.
        let budget = 8 * order.count
        var moves = 0
        for position in order.indices.dropFirst() {
            let entry = order[position]
            var slot = position
            while slot > 0 && precedes(entry, order[slot - 1]) {
                order[slot] = order[slot - 1]
                slot -= 1
            }
            order[slot] = entry
            moves += position - slot
            if moves > budget {
                order.sort(by: precedes)
                return
            }
        }
    }

    /// Each centre's `count` nearest centres, found through a grid of about one
    /// centre per cell.
    ///
    /// - Complexity: about O(*n* · *k*) for evenly spread centres.
    static func nearestPairs(_ x: [Double], _ y: [Double], count: Int) -> [Pair] {
        let n = x.count
        guard n > 1 else { return [] }
        let wanted = min(count, n - 1)
        let (minX, maxX) = (x.min()!, x.max()!)
        let (minY, maxY) = (y.min()!, y.max()!)
        let area = max((maxX - minX) * (maxY - minY), 1e-9)
        // At least the extent over n: a long thin layout (a path, a line of coincident points
        // pushed apart) then has at most about n cells, not a near-empty 4096 × 4096 grid whose
        // rings are searched cell by cell.
        let cell = max((area / Double(n)).squareRoot(), max(maxX - minX, maxY - minY) / Double(n), 1e-9)
        let columns = Int((maxX - minX) / cell) + 1, rows = Int((maxY - minY) / cell) + 1
        func cellOf(_ index: Int) -> (Int, Int) {
            (min(columns - 1, Int((x[index] - minX) / cell)), min(rows - 1, Int((y[index] - minY) / cell)))
        }
        // Cells as one array sorted by cell, each cell's centres in index order.
        var starts = [Int](repeating: 0, count: columns * rows + 1)
        for index in 0..<n {
            let (column, row) = cellOf(index)
            starts[row * columns + column + 1] += 1
        }
        for cellIndex in 0..<(columns * rows) { starts[cellIndex + 1] += starts[cellIndex] }
        var fill = starts
        var members = [Int](repeating: 0, count: n)
        for index in 0..<n {
            let (column, row) = cellOf(index)
            members[fill[row * columns + column]] = index
            fill[row * columns + column] += 1
        }

        var pairs: [Pair] = []
        pairs.reserveCapacity(n * wanted)
        var best: [(distance: Double, index: Int)] = []
        for index in 0..<n {
            let (column, row) = cellOf(index)
            best.removeAll(keepingCapacity: true)
            var ring = 0
            while true {
                for cellRow in (row - ring)...(row + ring) where cellRow >= 0 && cellRow < rows {
                    let onEdge = cellRow == row - ring || cellRow == row + ring
                    let step = onEdge ? 1 : max(1, 2 * ring)
                    for cellColumn in stride(from: column - ring, through: column + ring, by: step)
                    where cellColumn >= 0 && cellColumn < columns {
                        let cellIndex = cellRow * columns + cellColumn
                        for other in members[starts[cellIndex]..<starts[cellIndex + 1]] where other != index {
                            let dx = x[other] - x[index], dy = y[other] - y[index]
                            let candidate = (distance: dx * dx + dy * dy, index: other)
                            if best.count < wanted || candidate < best[best.count - 1] {
                                let slot = best.firstIndex { candidate < $0 } ?? best.count
                                best.insert(candidate, at: slot)
                                if best.count > wanted { best.removeLast() }
                            }
                        }
                    }
                }
                // Anything in the next ring is at least `ring * cell` away.
                let reach = Double(ring) * cell
                if best.count == wanted && best[best.count - 1].distance <= reach * reach { break }
                if ring > columns && ring > rows { break }
                ring += 1
            }
            for neighbour in best { pairs.append(Pair(index, neighbour.index)) }
        }
        return pairs
    }

    /// The sorted union of two pair lists, each pair once.
    static func union(_ a: [Pair], _ b: [Pair]) -> [Pair] {
        var all = (a + b).sorted()
        var write = 0
        for read in all.indices where read == 0 || all[read] != all[write - 1] {
            all[write] = all[read]
            write += 1
        }
        all.removeLast(all.count - write)
        return all
    }

    /// Gives centres that coincide distinct positions, since a pair at zero
    /// distance has no direction to be pushed apart in.
    private static func separateCoincident(_ x: inout [Double], _ y: inout [Double]) {
        let order = x.indices.sorted { ($0 == $1) ? false : (x[$0], y[$0], $0) < (x[$1], y[$1], $1) }
        for (position, index) in order.enumerated().dropFirst() {
            let previous = order[position - 1]
            if x[index] == x[previous] && y[index] == y[previous] {
                // The golden angle spreads repeated points evenly around the original one.
                let angle = Double(position) * 2.399963229728653
                x[index] += 1e-3 * cos(angle)
                y[index] += 1e-3 * sin(angle)
            }
        }
    }

    /// Moves each overlapping pair apart along the axis where that takes less,
    /// until no pair overlaps: the guarantee after the stress rounds.
    private static func pushApart(_ x: inout [Double], _ y: inout [Double], sizes: [HalfSize]) {
        var order: [Int] = []
        for _ in 0..<1000 {
            let pairs = overlappingPairs(x, y, sizes, order: &order)
            if pairs.isEmpty { return }
            for pair in pairs {
                let (a, b) = (pair.first, pair.second)
                let dx = x[b] - x[a], dy = y[b] - y[a]
                let needX = sizes[a].width + sizes[b].width - abs(dx)
                let needY = sizes[a].height + sizes[b].height - abs(dy)
                guard needX > 0 && needY > 0 else { continue }
                if needX <= needY {
                    let half = needX / 2 * 1.001 + 1e-6
                    let sign: Double = dx > 0 || (dx == 0 && a < b) ? 1 : -1
                    x[a] -= sign * half
                    x[b] += sign * half
                } else {
                    let half = needY / 2 * 1.001 + 1e-6
                    let sign: Double = dy > 0 || (dy == 0 && a < b) ? 1 : -1
                    y[a] -= sign * half
                    y[b] += sign * half
                }
            }
        }
    }
}
