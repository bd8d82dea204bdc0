import Dispatch

/// Strength: the total weight of each author's ties (joint papers under `count`
/// weighting, Newman's collaboration strength under `fractional`). Reads weights
/// as **strengths**. Agrees with `G.degree(v, weight="weight")`.
/// - Complexity: O(n + m).
public func strengthCentrality(_ graph: WeightedGraph) -> [Double] {
    (0..<graph.nodeCount).map { v in
        var total = 0.0
        for slot in graph.slots(v) { total += graph.weight[Int(graph.edgeIDs[slot])] }
        return total
    }
}

/// Each adjacency slot's weight, laid out beside `graph.neighbors` so an inner loop reads two
/// arrays in step (`padding` zeros after the last slot), and each author's strength, added in slot
/// order as `strengthCentrality` adds it. Ranges of authors run on all cores on a large graph
/// (each writes only its own authors' slots).
/// - Complexity: O(n + m).
func slotWeightsAndStrengths(_ graph: WeightedGraph, padding: Int = 0) -> (slotWeight: [Double], strength: [Double]) {
    let n = graph.nodeCount
    var slotWeight = [Double](repeating: 0, count: graph.neighbors.count + padding)
    var strength = [Double](repeating: 0, count: n)
    let ranges = graph.neighbors.count >= 200_000 ? balancedRanges(offsets: graph.offsets, count: min(n, 16)) : [0..<n]
    graph.offsets.withUnsafeBufferPointer { offsets in
        graph.edgeIDs.withUnsafeBufferPointer { edgeIDs in
            graph.weight.withUnsafeBufferPointer { weight in
                slotWeight.withUnsafeMutableBufferPointer { slotWeight in
                    strength.withUnsafeMutableBufferPointer { strength in
                        let arrays = SlotWeightArrays(offsets: offsets.baseAddress!, edgeIDs: edgeIDs.baseAddress, weight: weight.baseAddress,
                                                      slotWeight: slotWeight.baseAddress, strength: strength.baseAddress)
                        let fill: @Sendable (Int) -> Void = { r in
                            for v in ranges[r] {
                                var total = 0.0
                                for slot in arrays.offsets[v]..<arrays.offsets[v + 1] {
                                    let w = arrays.weight![Int(arrays.edgeIDs![slot])]
                                    arrays.slotWeight![slot] = w
                                    total += w
                                }
                                arrays.strength![v] = total
                            }
                        }
                        if ranges.count > 1 {
                            DispatchQueue.concurrentPerform(iterations: ranges.count, execute: fill)
                        } else {
                            fill(0)
                        }
                    }
                }
            }
        }
    }
    return (slotWeight, strength)
}

/// The arrays of `slotWeightsAndStrengths`, as raw pointers its workers share (nil where an
/// array is empty).
private struct SlotWeightArrays: @unchecked Sendable {
    let offsets: UnsafePointer<Int>
    let edgeIDs: UnsafePointer<Int32>?
    let weight: UnsafePointer<Double>?
    let slotWeight: UnsafeMutablePointer<Double>?
    let strength: UnsafeMutablePointer<Double>?
}
