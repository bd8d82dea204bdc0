import ArgumentParser
import CoauthorCore
import Foundation

/// Where the executable talks to people: results on stdout, diagnostics on stderr
/// (`path:line:column: error: message`, coloured only on a terminal).
enum Console {
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func outBytes(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func report(_ diagnostic: Diagnostic) {
        var line = diagnostic.description
        if stderrIsTerminal {
            let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
            let word = diagnostic.severity.rawValue + ":"
            line = line.replacingOccurrences(of: " \(word) ", with: " \(color)\(word)\u{1B}[0m ")
        }
        err(line + "\n")
    }

    /// An error with no file location: `coauthor: error: message`, or `path: error: message`.
    static func error(_ message: String, path: String? = nil) {
        report(Diagnostic(.error, at: nil, message).withPlace(path))
    }
}

extension Diagnostic {
    /// The same diagnostic printed against a path without line information.
    fileprivate func withPlace(_ path: String?) -> Diagnostic {
        guard let path else { return self }
        return Diagnostic(severity, at: .file(path), message)
    }
}

/// Exit codes of SPEC §1.
extension ExitCode {
    /// Invalid input data: strict mode saw a bad record, or nothing usable was read.
    static let dataError = ExitCode(65)
}
