import CPrefetch
import Foundation

/// How many threads the parallel parts of the library use. Results never depend on it: work is
/// split into pieces that depend only on its size, and the pieces' results are combined in order.
public enum Parallelism {
    /// The number of worker threads (default: the machine's active cores). Tests set it to prove
    /// that results do not depend on it.
    @TaskLocal public static var workers = ProcessInfo.processInfo.activeProcessorCount
    /// The fewest bytes of a block the line-based readers (Web of Science, MEDLINE, OpenAlex JSON
    /// Lines) give a core of its own: smaller blocks are read on one core, where cutting them would
    /// gain nothing. The BibTeX parser reads a file in two halves from four times this size; the
    /// DBLP XML reader reads blocks of 16 times this size and cuts them into runs from a sixteenth
    /// of it. Tests and the fuzz target lower it, so that small inputs are cut too.
    @TaskLocal public static var minimumRunBytes = 1 << 20
    /// The fewest publications or names the identity resolution gives a core of its own (its name
    /// table, its ID groups, its keys); fewer are handled on one core. Tests and the fuzz target
    /// lower it, so that small corpora are cut into runs too.
    @TaskLocal public static var minimumRunItems = 1 << 14
}

/// Runs `body(0)`, …, `body(count - 1)` on `Parallelism.workers` threads and returns the results
/// in index order, so joining them gives the same answer as a sequential loop.
/// - Complexity: the cost of the slowest worker's share of the `body` calls, plus O(count).
func parallelRuns<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let workers = min(max(1, Parallelism.workers), count)
    guard workers > 1 else { return (0..<count).map(body) }
    let slots = RunSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = slots.claim() {
            slots.set(index, body(index))
        }
    }
    return slots.values()
}

/// `parallelRuns` on threads of its own, for work inside another parallel part: there
/// `DispatchQueue.concurrentPerform` gives a nested call only the outer call's share of the cores
/// (on two cores and two outer workers, one thread), even once the other workers are done and
/// their cores idle. Here the calling thread takes runs too, with `Parallelism.workers − 1` new
/// threads beside it.
/// - Complexity: as `parallelRuns`, plus starting the threads (some microseconds each).
func parallelRunsOnThreads<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let workers = min(max(1, Parallelism.workers), count)
    guard workers > 1 else { return (0..<count).map(body) }
    let slots = RunSlots<T>(count: count)
    let finished = DispatchSemaphore(value: 0)
    for _ in 1..<workers {
        Thread {
            while let index = slots.claim() { slots.set(index, body(index)) }
            finished.signal()
        }.start()
    }
    while let index = slots.claim() { slots.set(index, body(index)) }
    for _ in 1..<workers { finished.wait() }
    return slots.values()
}

/// Runs `beside` on a thread of its own while the calling thread runs `here` (both on the calling
/// thread, one after the other, on one core), for two different pieces of work that may overlap.
/// Unlike `concurrently` and `parallelRunsOnThreads`, which part runs where is fixed: the calling
/// thread's allocations come from the heap the rest of the run uses, so `here` is where what
/// lives on is made.
/// - Returns: both results.
func runBeside<Beside: Sendable, Here>(_ beside: @escaping @Sendable () -> Beside, here: () -> Here) -> (Beside, Here) {
    guard Parallelism.workers > 1 else { return (beside(), here()) }
    let slot = RunSlots<Beside>(count: 1)
    let finished = DispatchSemaphore(value: 0)
    Thread {
        slot.set(0, beside())
        finished.signal()
    }.start()
    let result = here()
    finished.wait()
    return (slot.values()[0], result)
}

/// Where `runs` runs of consecutive items with about as much work each begin: the first item of
/// each run, then the item count. `starts[i]` is the work of the items before item `i` (a running
/// total, one entry more than there are items).
/// - Complexity: O(runs · log items).
func balancedRuns(_ runs: Int, starts: [Int]) -> [Int] {
    let items = starts.count - 1, work = starts[items]
    var firsts = [0]
    for run in 1..<max(1, runs) {
        // The first item that starts at or past the run's share of the work.
        let share = work / runs * run
        var (low, high) = (firsts[run - 1], items)
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < share { low = middle + 1 } else { high = middle }
        }
        firsts.append(low)
    }
    firsts.append(items)
    return firsts
}

/// Slots each claimed and written once by one worker, and read after all of them finished.
private final class RunSlots<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// The next index no worker has taken yet, if any.
    func claim() -> Int? {
        lock.withLock {
            guard next < storage.count else { return nil }
            next += 1
            return next - 1
        }
    }

    func set(_ index: Int, _ value: T) { lock.withLock { storage[index] = value } }

    func values() -> [T] { lock.withLock { storage.map { $0! } } }
}

/// Runs `first` and `second` at the same time (on two threads when `Parallelism.workers` allows)
/// and returns both results.
/// - Complexity: the cost of the slower of the two.
func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    guard Parallelism.workers > 1 else { return (first(), second()) }
    let a = RunSlots<A>(count: 1)
    let b = RunSlots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    return (a.values()[0], b.values()[0])
}

/// The calling thread's scheduling priority (its nice value; 0 where threads have none of their own).
enum ThreadPriority {
    static var current: Int { Int(coauthor_thread_priority()) }

    /// Lowers the calling thread's priority by `steps` nice levels, for good: only on a thread that
    /// ends with the work it runs (`runBeside`'s). See `coauthor_lower_thread_priority`.
    static func lowerForGood(by steps: Int) {
        _ = coauthor_lower_thread_priority(Int32(steps))
    }
}

/// Arrays of at least this many elements are mapped and counted on all cores.
let parallelMapItems = 1 << 20

/// `values.map(transform)`, on all cores for a large array: runs of consecutive elements, each
/// written in place into the result (made uninitialised), so the same array whatever the cores.
func parallelMap<T: Sendable, U: BitwiseCopyable>(_ values: [T], _ transform: @Sendable (T) -> U) -> [U] {
    let runs = values.count >= parallelMapItems ? max(1, Parallelism.workers) : 1
    guard runs > 1 else { return values.map(transform) }
    return [U](unsafeUninitializedCapacity: values.count) { result, count in
        let out = SharedBuffer(result)
        _ = parallelRuns(runs) { run in
            for k in (values.count * run / runs)..<(values.count * (run + 1) / runs) { out.buffer[k] = transform(values[k]) }
        }
        count = values.count
    }
}

/// Where each run's items go in each bucket of a stable counting sort made in runs (each run
/// placing its own items on its own core): bucket `b`'s items start at `bucketStart[b]`, and a
/// run's after those of the runs before it, of which there are `runCounts[run][b]` per run.
/// The same places as one run after the other.
/// - Returns: per run, its first slot in each bucket.
func runCursors(_ runCounts: [[Int]], bucketStart: [Int]) -> [[Int]] {
    var next = bucketStart
    var cursors: [[Int]] = []
    cursors.reserveCapacity(runCounts.count)
    for counts in runCounts {
        precondition(counts.count == next.count, "a count per bucket")
        cursors.append(next)
        for b in next.indices { next[b] += counts[b] }
    }
    return cursors
}

/// How many times each of `0..<count` occurs in `ids` (every id below `count`), counted on all
/// cores for a large array: each run of ids into counts of its own, added in run order.
func occurrenceCounts(of ids: [Int32], below count: Int) -> [Int32] {
    let runs = ids.count >= parallelMapItems ? max(1, Parallelism.workers) : 1
    var parts = parallelRuns(runs) { run in
        var counts = [Int32](repeating: 0, count: count)
        for k in (ids.count * run / runs)..<(ids.count * (run + 1) / runs) { counts[Int(ids[k])] += 1 }
        return counts
    }
    var total = take(&parts[0], leaving: [])
    for part in parts.dropFirst() {
        for id in 0..<count { total[id] += part[id] }
    }
    return total
}

/// A buffer shared by runs on several threads, each of which writes elements of its own (or
/// which all only read it).
struct SharedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }

    /// A buffer that the runs only read.
    init(reading buffer: UnsafeBufferPointer<Element>) {
        self.buffer = UnsafeMutableBufferPointer(mutating: buffer)
    }
}
