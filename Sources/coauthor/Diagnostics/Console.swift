import ArgumentParser
import CoauthorCore
import Foundation
import Synchronization

/// Where the executable talks to people: results on stdout, diagnostics on stderr
/// (`path:line:column: error: message`, coloured only on a terminal). Tests run commands
/// in-process with a `ConsoleCapture` in place of the process's streams.
enum Console {
    /// Set by in-process tests: what commands print goes there instead.
    @TaskLocal static var capture: ConsoleCapture?

    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) != 0

    /// `text` with its control characters (C0 but `keeping`, DEL, C1) written as `\x1B`: a name or
    /// a file name read from the input never moves the cursor, clears the screen, sets a window
    /// title or colours what follows, nor breaks a diagnostic's one line (a user trial of session 53).
    static func visible(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !keeping.contains($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !keeping.contains(scalar) {
                result += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    /// Whether diagnostics are coloured and progress is drawn: only on a real terminal.
    static var isTerminal: Bool { capture == nil && stderrIsTerminal }

    static func out(_ text: String) { outBytes(Array(text.utf8)) }

    /// Writes to standard output. Where it cannot be written (a full disk, a closed descriptor),
    /// the failure is kept (`outputFailure`), nothing more is written there, and the run ends
    /// with exit code 1 and a message, in `Coauthor.main` (`FileHandle.write` stopped the
    /// process with a crash report instead).
    static func outBytes(_ bytes: [UInt8]) {
        if let capture { return capture.append(out: bytes) }
        // On a terminal, what the input wrote is shown, not obeyed (a file or a pipe gets the bytes).
        if stdoutIsTerminal, bytes.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 }) {
            let shown = visible(String(decoding: bytes, as: UTF8.self), keeping: ["\n", "\t"])
            return outBytes(visibleBytes: Array(shown.utf8))
        }
        outBytes(visibleBytes: bytes)
    }

    private static func outBytes(visibleBytes bytes: [UInt8]) {
        guard outputFailure.load(ordering: .relaxed) == 0 else { return }
        if let failure = writeAll(bytes, to: STDOUT_FILENO) { outputFailure.store(failure, ordering: .relaxed) }
    }

    /// The `errno` of the first write to standard output that failed, 0 for none.
    static let outputFailure = Atomic<Int32>(0)

    /// Throws (after saying why) when standard output could not be written.
    static func checkOutput() throws {
        let failure = outputFailure.load(ordering: .relaxed)
        guard failure != 0 else { return }
        error("cannot write to standard output (\(String(cString: strerror(failure))))")
        throw ExitCode.failure
    }

    /// Writes to standard error; where it cannot be written, there is no one to tell.
    static func err(_ text: String) {
        if let capture { return capture.append(err: Array(text.utf8)) }
        _ = writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes all of `bytes` to the descriptor; the error number where it failed.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
    }

    /// The bytes a captured run (a test) gives as standard input (`-`); nil for a real run, whose
    /// standard input the readers read themselves (and report when it cannot be read).
    static var capturedInput: (() -> [UInt8])? {
        guard let capture else { return nil }
        return { capture.input }
    }

    static func report(_ diagnostic: Diagnostic) {
        var line = visible(diagnostic.description)
        if let remedy = diagnostic.remedy { line += " (\(remedy.option))" }
        if isTerminal {
            let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
            let word = diagnostic.severity.rawValue + ":"
            line = line.replacingOccurrences(of: " \(word) ", with: " \(color)\(word)\u{1B}[0m ")
        }
        err(line + "\n")
    }

    /// An error with no file location: `coauthor: error: message`, or `path: error: message`.
    static func error(_ message: String, path: String? = nil) {
        report(Diagnostic(.error, at: path.map { .file($0) }, message))
    }

    static func note(_ message: String) { err("note: \(visible(message))\n") }
}

/// What an in-process run printed, and what it reads as standard input.
final class ConsoleCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var outBytes: [UInt8] = []
    private var errBytes: [UInt8] = []
    let input: [UInt8]

    init(input: [UInt8] = []) { self.input = input }

    func append(out bytes: [UInt8]) { lock.withLock { outBytes += bytes } }
    func append(err bytes: [UInt8]) { lock.withLock { errBytes += bytes } }

    var standardOutput: String { lock.withLock { String(decoding: outBytes, as: UTF8.self) } }
    var standardError: String { lock.withLock { String(decoding: errBytes, as: UTF8.self) } }
}

extension Remedy {
    /// The option that applies the remedy.
    var option: String {
        switch self {
        case .readAsLatin1: "--encoding latin1"
        case .nameInputFormat: "--input-format FORMAT"
        }
    }
}

/// Exit codes of the command line: 0 success, 64 usage, 65 invalid input data, 1 anything else.
extension ExitCode {
    /// Invalid input data: strict mode saw a bad record, or nothing usable was read.
    static let dataError = ExitCode(65)
    static let usage = ExitCode(64)
}

/// Keeps what a command loaded alive until the process ends (see `Coauthor.main`).
enum Lifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keep(_ value: Any) {
        // In-process tests run many commands: keep nothing there.
        guard Console.capture == nil else { return }
        lock.withLock { kept.append(value) }
    }
}

private extension String {
    /// The string with zeros before it up to `width` characters.
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
