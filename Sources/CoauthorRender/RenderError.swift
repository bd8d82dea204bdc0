import Foundation

/// Why a map could not be rendered, worded so the reader knows what to do next.
public enum RenderError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// Graphviz reported an error while doing `stage`; `message` is its own text.
    case graphviz(stage: String, message: String)
    /// Graphviz could not start, usually because its plugin configuration is missing.
    case contextUnavailable
    /// The installed Graphviz has no renderer for `format`; `available` lists the ones it has.
    case unsupportedFormat(format: String, available: [String])
    /// The layout engine failed; `message` is Graphviz's text.
    case layoutFailed(engine: MapEngine, message: String)
    /// The engine was asked to lay out more nodes than it can in reasonable time.
    case tooManyNodes(engine: MapEngine, nodeCount: Int, limit: Int)
    /// The seed lies outside `0...Int32.max`.
    case invalidSeed(Int)

    /// A sentence that names the problem and the way out.
    public var description: String {
        switch self {
        case let .graphviz(stage, message):
            return "Graphviz failed while \(stage): \(Self.quoted(message)). "
                + "This is likely a bug in coauthor; please report it together with the input."
        case .contextUnavailable:
            return "Graphviz could not start. Check that its plugins are installed and registered "
                + "(as root, run `dot -c` to rebuild the plugin configuration)."
        case let .unsupportedFormat(format, available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "This Graphviz cannot write \(format) (it can write: \(list)). PNG and PDF need "
                + "Graphviz's cairo plugin (Debian and Ubuntu: `apt-get install graphviz`, then `dot -c`); "
                + "or choose the svg format."
        case let .layoutFailed(engine, message):
            return "The \(engine.rawValue) layout failed: \(Self.quoted(message)). "
                + "Try another engine (sfdp copes with the most graphs) or another seed."
        case let .tooManyNodes(engine, nodeCount, limit):
            return "The \(engine.rawValue) engine would take too long on \(nodeCount) nodes "
                + "(it is allowed up to \(limit)). Use the sfdp or auto engine, or show fewer nodes."
        case let .invalidSeed(seed):
            return "The seed \(seed) is out of range; choose a whole number from 0 to \(Int32.max)."
        }
    }

    /// The same text as ``description``.
    public var errorDescription: String? { description }

    private static func quoted(_ message: String) -> String {
        message.isEmpty ? "no message" : message
    }
}
