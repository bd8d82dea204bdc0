import Foundation

/// Runs `body(0)`, …, `body(count - 1)` on as many cores as there are and returns the results in
/// index order, so joining them gives the same answer as a sequential loop.
/// - Complexity: the cost of the slowest `body` call, plus O(count).
func parallelRuns<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return count == 1 ? [body(0)] : [] }
    let slots = RunSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.set(index, body(index))
    }
    return slots.values()
}

/// Slots each written once by a distinct worker and read after all of them finished.
private final class RunSlots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { storage[index] = value } }

    func values() -> [T] { lock.withLock { storage.map { $0! } } }
}
