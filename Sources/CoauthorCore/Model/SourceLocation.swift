/// A position in an input file: 1-based line and column (columns count Unicode
/// scalars), plus the 0-based byte offset for tools that want it.
///
/// Every publication carries one, so line and column are kept in 32 bits each: a line or column
/// beyond 4,294,967,295 reads as that number (the byte offset stays exact).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    private var storedLine: UInt32
    private var storedColumn: UInt32
    public var byteOffset: Int

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(path: String, line: Int, column: Int, byteOffset: Int = 0) {
        self.path = path
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        self.byteOffset = byteOffset
    }

    /// A location that names a whole file (no line), printed as just the path.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 0, column: 0)
    }

    /// `path:line:column`, the form compilers and editors understand (`path` alone for a whole file).
    public var description: String { line > 0 ? "\(path):\(line):\(column)" : path }
}

/// A message about the input, attached to the place it concerns.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// A way out that a front end offers in its own terms (an option, a menu item).
    public var remedy: Remedy?
    /// A warning about a record read only in part (a file cut inside it, a row short of fields):
    /// kept by default, but `--strict`, which fails on any record that cannot be used whole,
    /// fails on it as on an error (a user trial of session 60 cut files and `--strict` passed).
    public var failsStrict = false

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, remedy: Remedy? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.remedy = remedy
    }

    /// Whether `--strict` fails on it: an error, or a warning that `failsStrict`.
    public var countsAsStrictError: Bool { severity == .error || failsStrict }

    /// `path:line:column: error: message` (or `coauthor: error: message` without a location).
    public var description: String {
        let place = location.map { "\($0)" } ?? "coauthor"
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// A way out of a problem that the reader cannot name in a front end's words.
public enum Remedy: String, Sendable, Hashable {
    /// Decode the input as Latin-1 instead of UTF-8.
    case readAsLatin1
    /// Name the input's format instead of going by its extension or content.
    case nameInputFormat
}
