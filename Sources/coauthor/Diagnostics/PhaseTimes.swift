import Foundation

/// Wall time per pipeline phase on stderr when the environment sets `COAUTHOR_TIMING=1`
/// (for benchmarks and profiling; silent otherwise).
enum PhaseTimes {
    static let enabled = ProcessInfo.processInfo.environment["COAUTHOR_TIMING"] == "1"
    private static let clock = ContinuousClock()

    /// Runs `body` and, when enabled, prints how long it took as `timing: NAME 0.123 s`.
    static func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        Console.err("timing: \(name) \(String(format: "%.3f", seconds)) s\n")
        return result
    }
}
