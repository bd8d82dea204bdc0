import CoauthorCore
import Foundation

/// Shows the progress of long phases on a terminal's stderr: the phase, the share done and an
/// estimate of the time left, redrawn in place. Silent for phases that end within a second,
/// when stderr is not a terminal, and with --quiet or --no-progress.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var phaseStart = Date()
    private var lastDraw = Date.distantPast
    private var shown = false

    /// The display for `options`, or nil when nothing should be shown.
    static func make(for options: AnalysisOptions) -> ProgressDisplay? {
        guard Console.isTerminal, !options.quiet, !options.noProgress else { return nil }
        return ProgressDisplay()
    }

    /// The handler to give the library.
    var handler: ProgressHandler {
        { [self] phase, fraction in update(phase: phase, fraction: fraction) }
    }

    func update(phase: String, fraction: Double) {
        lock.withLock {
            let now = Date()
            if phase != self.phase {
                self.phase = phase
                phaseStart = now
            }
            let elapsed = now.timeIntervalSince(phaseStart)
            guard elapsed >= 1, now.timeIntervalSince(lastDraw) >= 0.2 || fraction >= 1 else { return }
            lastDraw = now
            shown = true
            let percent = Int((max(0, min(1, fraction)) * 100).rounded(.down))
            let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            Console.err("\r\u{1B}[K\(phase): \(percent)% done, about \(Self.duration(left)) left")
        }
    }

    /// Clears the progress line.
    func finish() {
        lock.withLock {
            if shown { Console.err("\r\u{1B}[K") }
            shown = false
        }
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e9 else { return "a long time" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}

/// Wall time of the phases of a run, for `COAUTHOR_TIMING=1` and the hidden `--timing` flags.
struct Stopwatch {
    static let phasesWanted = ProcessInfo.processInfo.environment["COAUTHOR_TIMING"] == "1"
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var laps: [(String, Double)] = []

    init() { last = clock.now }

    /// Ends the current phase, naming it.
    mutating func lap(_ name: String) {
        let now = clock.now
        laps.append((name, (now - last).seconds))
        last = now
    }

    /// `load 0.123 s, metrics 0.456 s, …`
    var summary: String {
        laps.map { "\($0.0) \(Self.seconds($0.1)) s" }.joined(separator: ", ")
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}
