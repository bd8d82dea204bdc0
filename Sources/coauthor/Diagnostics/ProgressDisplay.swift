import CoauthorCore
import Foundation

/// Shows the progress of long phases on a terminal's stderr: the phase, the share done and an
/// estimate of the time left (or, where the share is not known, how long the phase has run),
/// redrawn in place twice a second. Silent for phases that end within a second, when stderr is
/// not a terminal, and with --quiet or --no-progress.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var fraction = ProgressFraction.unknown
    private var phaseStart = Date()
    private var lastDraw = Date.distantPast
    private var shown = false
    private var finished = false
    /// Redraws the line when no progress is reported (a phase of unknown length, a long block).
    private var ticker: DispatchSourceTimer?

    /// The display for `options`, or nil when nothing should be shown.
    static func make<Shown>(for options: AnalysisOptions<Shown>) -> ProgressDisplay? {
        guard Console.isTerminal, !options.quiet, !options.noProgress else { return nil }
        return ProgressDisplay()
    }

    private init() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        ticker = timer
    }

    deinit { ticker?.cancel() }

    /// The handler to give the library.
    var handler: ProgressHandler {
        { [self] phase, fraction in update(phase: phase, fraction: fraction) }
    }

    func update(phase: String, fraction: Double) {
        lock.withLock {
            guard !finished else { return }
            // No phase runs: the line is cleared, and the ticker draws nothing until the next.
            if phase.isEmpty {
                if shown { Console.err("\r\u{1B}[K") }
                shown = false
                self.phase = ""
                return
            }
            let now = Date()
            if phase != self.phase {
                self.phase = phase
                phaseStart = now
            }
            self.fraction = fraction
            guard now.timeIntervalSince(lastDraw) >= 0.2 || fraction >= 1 else { return }
            draw(now)
        }
    }

    private func tick() {
        lock.withLock {
            guard !finished, !phase.isEmpty else { return }
            draw(Date())
        }
    }

    /// Draws the current line; the caller holds the lock.
    private func draw(_ now: Date) {
        let elapsed = now.timeIntervalSince(phaseStart)
        guard elapsed >= 1 else { return }
        lastDraw = now
        shown = true
        Console.err("\r\u{1B}[K" + Self.line(phase: phase, fraction: fraction, elapsed: elapsed))
    }

    /// `betweenness: 34% done, about 12 s left`, or `map layout: 12 s` where the share is unknown.
    static func line(phase: String, fraction: Double, elapsed: Double) -> String {
        guard fraction >= 0 else { return "\(phase): \(duration(elapsed))" }
        let percent = Int((min(1, fraction) * 100).rounded(.down))
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.infinity
        return "\(phase): \(percent)% done" + (fraction > 0 ? ", about \(duration(left)) left" : "")
    }

    /// Prints a note on a line of its own: the progress line is cleared first, and drawn again
    /// at the next update.
    func note(_ message: String) {
        lock.withLock {
            if shown { Console.err("\r\u{1B}[K") }
            shown = false
            Console.note(message)
        }
    }

    /// Clears the progress line and stops redrawing it.
    func finish() {
        lock.withLock {
            finished = true
            ticker?.cancel()
            ticker = nil
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
