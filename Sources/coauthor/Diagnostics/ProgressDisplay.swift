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

    /// The handler to give the library, or nil when nothing should be shown.
    static func handler(for options: AnalysisOptions) -> (ProgressHandler?, ProgressDisplay?) {
        guard Console.stderrIsTerminal, !options.quiet, !options.noProgress else { return (nil, nil) }
        let display = ProgressDisplay()
        return ({ phase, fraction in display.update(phase: phase, fraction: fraction) }, display)
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
            let percent = Int((fraction * 100).rounded(.down))
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

    private static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}
