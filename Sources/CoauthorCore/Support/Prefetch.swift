import CPrefetch

/// For a loop that reads `values[indices[slot]]` slot after slot (a neighbour's value: a cache
/// miss each on a large graph), prefetches the entry it will read `distance` slots on. Near the
/// end it prefetches the last slot's entry again: a wasted fetch, never a fault.
/// - Precondition: `indices` is not empty and each of its entries indexes `values`.
@inline(__always)
func prefetchGathered<Value>(_ values: UnsafePointer<Value>, by indices: UnsafeBufferPointer<Int32>, from slot: Int,
                             distance: Int = 16) {
    coauthor_prefetch(values + Int(indices[min(slot &+ distance, indices.count &- 1)]))
}
