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

/// Runs `first` and `second` at the same time (on two cores when there are two) and returns both results.
/// - Complexity: the cost of the slower of the two.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (first(), second()) }
    let a = RunSlots<A>(count: 1)
    let b = RunSlots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    return (a.values()[0], b.values()[0])
}
