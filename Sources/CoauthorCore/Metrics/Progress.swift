import Foundation

/// Receives progress of long computations: a phase name and the fraction done (0…1), or
/// `ProgressFraction.unknown` when a phase starts whose share done cannot be told (a layout,
/// community detection); an empty phase name says that the last phase ended and no long one
/// runs. Called from worker threads; the library never prints, so showing it is the caller's job.
public typealias ProgressHandler = @Sendable (_ phase: String, _ fraction: Double) -> Void

/// The fractions of `ProgressHandler` that are not shares.
public enum ProgressFraction {
    /// A phase started whose share done is not known.
    public static let unknown = -1.0
}

/// Counts finished work units across threads and forwards the fraction to a handler.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let phase: String
    private let handler: ProgressHandler?

    init(phase: String, total: Int, handler: ProgressHandler?) {
        self.phase = phase
        self.total = max(1, total)
        self.handler = handler
    }

    func advance(by units: Int) {
        guard let handler else { return }
        let fraction = lock.withLock { () -> Double in
            done += units
            return Double(done) / Double(total)
        }
        handler(phase, min(1, fraction))
    }
}
