/// Draws one shortest path between two authors uniformly at random, by a balanced
/// bidirectional Dijkstra search: the weighted form of the sampler of KADABRA
/// (M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for Betweenness via
/// Random Approximation", ESA 2016, doi:10.4230/LIPIcs.ESA.2016.20).
///
/// A forward search from u and a backward search from v each settle nodes in order of
/// distance (1/w per tie), keeping path counts σ as Brandes does, and the side with
/// fewer pending entries takes the next step. The search stops once the two queue
/// minima add up to more than μ, the shortest u–v length seen, beyond the relative
/// tolerance under which lengths tie: equality is not enough, because a node at exactly
/// those two distances could still lie on a shortest path while settled by neither side.
///
/// Counting each shortest path once: the forward-settled set F is closed under taking
/// shortest-path predecessors, so a shortest u–v path runs inside F up to some node x
/// and then leaves it for good along one tie (x, y). When the search stops, y has been
/// settled backward (else y, settled by neither side, would sit at forward distance at
/// least the forward minimum and backward distance at least the backward minimum, a
/// path longer than μ). So the shortest paths are in one-to-one correspondence with
/// (tie (x, y) with x in F, y settled backward and not in F, of length μ; a shortest
/// u–x path; a shortest y–v path), and there are σ_u(x)·σ_v(y) of them through that
/// tie. A tie is drawn in proportion to that product and the two halves by walking
/// back along predecessors, each in proportion to its own σ, which makes every shortest
/// path equally likely. Ties between the two settled sets are recorded when the later
/// of their ends is settled, so each is seen once and no pass over the balls is needed.
///
/// One instance per thread; its buffers are O(n), allocated once and reset only where
/// the previous search touched them.
final class BidirectionalPathSampler {
    let nodeCount: Int
    /// Per node, side by side (one cache line serves both searches): distance from u, distance
    /// from v, number of shortest paths from u, number from v.
    private let state: UnsafeMutablePointer<Double>
    /// Per node: bit 0 set once settled by the forward search, bit 1 by the backward one.
    private let flags: UnsafeMutablePointer<UInt8>
    /// Nodes reached by either search, to reset.
    private let touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    private let forwardQueue = RadixHeap()
    private let backwardQueue = RadixHeap()
    /// Entries pushed and not yet popped, per side (stale ones included): the frontier sizes.
    private var pending = (0, 0)
    /// Ties between a forward-settled x and a backward-settled y, with the length of the
    /// u–x–y–v path, that were no longer than μ when found.
    private var crossings: [(x: Int32, y: Int32, length: Double)] = []
    /// Nodes settled by both searches over all samples so far.
    private(set) var settledTotal = 0
    /// Ties scanned (each settled node's, in either search) over all samples so far: the work
    /// of a search where hubs are settled, whose thousands of ties a count of nodes does not see.
    private(set) var scannedTotal = 0

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        state = .allocate(capacity: 4 * max(1, nodeCount))
        for v in 0..<nodeCount {
            (state + 4 * v).initialize(repeating: .infinity, count: 2)
            (state + 4 * v + 2).initialize(repeating: 0, count: 2)
        }
        flags = .allocate(capacity: max(1, nodeCount))
        flags.initialize(repeating: 0, count: nodeCount)
        touched = .allocate(capacity: max(1, nodeCount))
    }

    deinit {
        state.deallocate()
        flags.deallocate()
        touched.deallocate()
    }

    @inline(__always) private func distance(_ side: Int, _ v: Int) -> Double { state[4 &* v &+ side] }
    @inline(__always) private func sigma(_ side: Int, _ v: Int) -> Double { state[4 &* v &+ 2 &+ side] }
    @inline(__always) private func queue(_ side: Int) -> RadixHeap { side == 0 ? forwardQueue : backwardQueue }

    /// Draws a shortest u–v path uniformly at random among all of them.
    /// - Parameters:
    ///   - inner: the authors strictly between u and v on the drawn path are appended to it,
    ///     in order from u to v.
    ///   - random: the source of randomness (one draw per step of the path, plus one).
    /// - Returns: false when v cannot be reached from u (nothing drawn).
    /// - Complexity: O((m' + n') log C) for the n' nodes and m' ties the two searches settle and scan.
    func sample(from u: Int, to v: Int, offsets: UnsafePointer<Int>, slots: PathSlots,
                random: inout SplitMix64, inner: inout [Int32]) -> Bool {
        precondition(u != v)
        reset()
        start(side: 0, at: u)
        start(side: 1, at: v)
        var next: (HeapEntry?, HeapEntry?) = (popValid(side: 0), popValid(side: 1))
        var best = Double.infinity
        // The side whose search reached the other's source, when one did.
        var reachedBy = -1
        while let forward = next.0, let backward = next.1 {
            let frontier = forward.key + backward.key
            if frontier > best + pathLengthTolerance * best { break }
            let side = pending.0 <= pending.1 ? 0 : 1
            let entry = side == 0 ? forward : backward
            let x = Int(entry.node)
            flags[x] |= UInt8(1 &<< side)
            settledTotal &+= 1
            if x == (side == 0 ? v : u) {
                reachedBy = side
                break
            }
            scan(side: side, node: x, offsets: offsets, slots: slots, best: &best)
            if side == 0 { next.0 = popValid(side: 0) } else { next.1 = popValid(side: 1) }
        }
        if reachedBy >= 0 {
            // One search settled the other endpoint: all its shortest paths lie in that search's ball.
            let first = inner.count
            walkBack(side: reachedBy, from: reachedBy == 0 ? v : u, to: reachedBy == 0 ? u : v,
                     offsets: offsets, slots: slots, random: &random, into: &inner)
            if reachedBy == 0 { inner[first...].reverse() }
            return true
        }
        guard best.isFinite else { return false }
        // Paths through each tie that leaves the forward ball: σ_u(x)·σ_v(y).
        var total = 0.0
        for crossing in crossings where crossingCounts(crossing, best) {
            total += sigma(0, Int(crossing.x)) * sigma(1, Int(crossing.y))
        }
        // Rounding could only leave nothing here if ties broke transitivity; draw nothing rather than trap.
        guard total > 0 else { return false }
        var pick = uniform(&random) * total
        var chosen = (x: -1, y: -1)
        for crossing in crossings where crossingCounts(crossing, best) {
            chosen = (Int(crossing.x), Int(crossing.y))
            pick -= sigma(0, chosen.x) * sigma(1, chosen.y)
            if pick < 0 { break }
        }
        let first = inner.count
        if chosen.x != u {
            inner.append(Int32(truncatingIfNeeded: chosen.x))
            walkBack(side: 0, from: chosen.x, to: u, offsets: offsets, slots: slots, random: &random, into: &inner)
        }
        inner[first...].reverse()
        if chosen.y != v {
            inner.append(Int32(truncatingIfNeeded: chosen.y))
            walkBack(side: 1, from: chosen.y, to: v, offsets: offsets, slots: slots, random: &random, into: &inner)
        }
        return true
    }

    /// Whether a recorded tie carries shortest paths that leave the forward ball there.
    @inline(__always) private func crossingCounts(_ crossing: (x: Int32, y: Int32, length: Double), _ best: Double) -> Bool {
        flags[Int(crossing.y)] & 1 == 0 && ties(crossing.length, best)
    }

    private func reset() {
        for k in 0..<touchedCount {
            let v = Int(touched[k])
            state[4 * v] = .infinity
            state[4 * v + 1] = .infinity
            state[4 * v + 2] = 0
            state[4 * v + 3] = 0
            flags[v] = 0
        }
        touchedCount = 0
        crossings.removeAll(keepingCapacity: true)
        forwardQueue.reset()
        backwardQueue.reset()
        pending = (0, 0)
    }

    private func start(side: Int, at source: Int) {
        if distance(0, source) == .infinity && distance(1, source) == .infinity {
            touched[touchedCount] = Int32(truncatingIfNeeded: source)
            touchedCount &+= 1
        }
        state[4 * source + side] = 0
        state[4 * source + 2 + side] = 1
        push(side: side, HeapEntry(key: 0, node: Int32(truncatingIfNeeded: source)))
    }

    // Branching here rather than through `queue(_:)` spares a retain and release per push.
    @inline(__always) private func push(side: Int, _ entry: HeapEntry) {
        if side == 0 {
            forwardQueue.push(entry)
            pending.0 &+= 1
        } else {
            backwardQueue.push(entry)
            pending.1 &+= 1
        }
    }

    /// The side's next node to settle: its queue's smallest entry that is neither stale nor
    /// settled, or nil when the queue runs dry. Only this side's own steps change its
    /// distances, so the entry stays valid until the side settles it.
    private func popValid(side: Int) -> HeapEntry? {
        let heap = queue(side)
        let bit = UInt8(1 &<< side)
        while !heap.isEmpty {
            let entry = heap.pop()
            if side == 0 { pending.0 &-= 1 } else { pending.1 &-= 1 }
            let v = Int(entry.node)
            if flags[v] & bit == 0 && entry.key <= distance(side, v) { return entry }
        }
        return nil
    }

    /// Relaxes the ties of `x`, just settled by `side`, and records those that meet the other search.
    @inline(__always) private func scan(side: Int, node x: Int, offsets: UnsafePointer<Int>, slots: PathSlots,
                                        best: inout Double) {
        let other = 1 &- side
        let bit = UInt8(1 &<< side)
        let otherBit = UInt8(1 &<< other)
        let d = distance(side, x)
        let sigmaX = sigma(side, x)
        var slot = offsets[x]
        let end = offsets[x &+ 1]
        scannedTotal &+= end &- slot
        while slot < end {
            let tie = slots[slot]
            slot &+= 1
            let w = Int(tie.target)
            let candidate = d + tie.length
            let record = state + 4 &* w
            let fromOther = record[other]
            if fromOther < .infinity {
                // A u–v path through this tie (the other side's distance may still be tentative).
                let length = candidate + fromOther
                if length < best { best = length }
                if flags[w] & otherBit != 0 && length <= best + pathLengthTolerance * best {
                    let (a, b) = side == 0 ? (x, w) : (w, x)
                    crossings.append((Int32(truncatingIfNeeded: a), Int32(truncatingIfNeeded: b), length))
                }
            }
            let current = record[side]
            if candidate > current + pathLengthTolerance * current { continue }
            if flags[w] & bit != 0 { continue }
            if current == .infinity {
                if fromOther == .infinity {
                    touched[touchedCount] = Int32(truncatingIfNeeded: w)
                    touchedCount &+= 1
                }
                record[side] = candidate
                record[2 &+ side] = sigmaX
                push(side: side, HeapEntry(key: candidate, node: Int32(truncatingIfNeeded: w)))
            } else if candidate < current - pathLengthTolerance * current {
                record[side] = candidate
                record[2 &+ side] = sigmaX
                push(side: side, HeapEntry(key: candidate, node: Int32(truncatingIfNeeded: w)))
            } else {
                record[2 &+ side] += sigmaX
            }
        }
    }

    /// Walks from `start`, settled by `side`, back to that side's source, choosing each
    /// predecessor p with probability σ(p)/σ(current): a uniformly random shortest path.
    /// Appends the nodes passed, source excluded, in walking order.
    private func walkBack(side: Int, from start: Int, to source: Int, offsets: UnsafePointer<Int>, slots: PathSlots,
                          random: inout SplitMix64, into path: inout [Int32]) {
        var w = start
        while true {
            let dw = distance(side, w)
            var pick = uniform(&random) * sigma(side, w)
            var chosen = -1
            for slot in offsets[w]..<offsets[w + 1] {
                let p = Int(slots[slot].target)
                let dp = distance(side, p)
                if dp < dw && ties(dp + slots[slot].length, dw) {
                    chosen = p
                    pick -= sigma(side, p)
                    if pick < 0 { break }
                }
            }
            w = chosen
            if w == source { return }
            path.append(Int32(truncatingIfNeeded: w))
        }
    }

    /// A uniform draw from [0, 1) with 53 random bits.
    @inline(__always) private func uniform(_ random: inout SplitMix64) -> Double {
        Double(random.next() >> 11) / Double(1 << 53)
    }
}
