import CGraphviz
import Glibc
import Synchronization

/// The only way into Graphviz.
///
/// Graphviz keeps process-wide state with no locking of its own (the error
/// handler and error counter, `rand`/`drand48`, the prototype attribute
/// tables `gvContext` edits, the pango plugin's font cache), so every call
/// runs while `lock` is held. That makes the renderer callable from any
/// thread, one render at a time.
enum GraphvizAccess {
    private static let lock = Mutex(GraphvizSession.Memory())

    /// Graphviz's messages for the call in progress. It has its own lock
    /// because Graphviz calls the handler while `lock` is already held by the
    /// same thread, and `Mutex` is not reentrant.
    fileprivate static let capturedMessages = Mutex("")

    /// Runs `body` with exclusive use of Graphviz, its messages routed to this
    /// process instead of stderr.
    static func exclusive<Result: Sendable>(
        _ body: (inout GraphvizSession) throws -> Result
    ) throws -> Result {
        try lock.withLock { memory in
            let previousHandler = agseterrf(captureGraphvizMessage)
            // Warnings must reach the handler too, or cgraph spools them to a temporary file.
            let previousLevel = agseterr(AGWARN)
            var session = GraphvizSession(memory: memory)
            defer {
                memory = session.memory
                _ = agseterr(previousLevel)
                _ = agseterrf(previousHandler)
            }
            return try body(&session)
        }
    }
}

/// Receives Graphviz's messages in pieces ("Error", ": ", the text).
private let captureGraphvizMessage: agusererrf = { text in
    guard let text else { return 0 }
    let piece = String(cString: text)
    GraphvizAccess.capturedMessages.withLock { $0 += piece }
    return 0
}

/// Proof of holding the Graphviz lock, with calls that reset and read
/// Graphviz's error state around each step.
struct GraphvizSession {
    /// Turns Graphviz's text into the error to throw; nil means ``RenderError/graphviz(stage:message:)``.
    typealias ErrorMaker = (_ message: String) -> RenderError

    /// What outlives one session.
    ///
    /// The Graphviz context lives as long as the process (or until a render
    /// fails) instead of being freed after each render, because in Graphviz
    /// 2.42 `gvFreeContext` is unsafe to call between renders: the pango
    /// plugin keeps a static pointer into the context's font table and reads
    /// it after the free (valgrind: invalid read in `pango_textlayout`), and
    /// `gvContext` leaks its 3.6 kB configuration buffer on every call.
    /// Graphviz's own `dot` likewise lays out many graphs with one context.
    struct Memory {
        /// The context, once made; nil again after a failure.
        var context: OpaquePointer?
        /// The output device names (`svg`, `png`, …), once listed. Kept
        /// because Graphviz 2.42's `gvPluginList` leaks a little on every call.
        var outputDevices: Set<String>?
    }

    fileprivate var memory: Memory

    fileprivate init(memory: Memory) {
        self.memory = memory
    }

    /// The process's Graphviz context, made with `gvContext()` (plugins
    /// demand-loaded as the installed configuration lists them) on first use.
    mutating func context() throws -> OpaquePointer {
        if let context = memory.context { return context }
        let context = try handle("starting Graphviz", as: { _ in .contextUnavailable }) { gvContext() }
        memory.context = context
        return context
    }

    /// Stops using the current context after an error, since a failed
    /// `gvRenderData` leaves its job queued and every later render would
    /// replay it. The context is abandoned, not freed, for the reasons given
    /// on ``Memory``; failures are rare, so the leak stays small.
    mutating func abandonContext() {
        memory.context = nil
    }

    /// The output device names (`svg`, `png`, …) of the plugins Graphviz
    /// found, listed through `context` the first time and remembered after.
    ///
    /// - Complexity: O(*p*) in the number of installed device plugins the
    ///   first time, O(1) after.
    mutating func outputDevices(_ context: OpaquePointer) throws -> Set<String> {
        if let known = memory.outputDevices { return known }
        var count: Int32 = 0
        let list = try handle("listing output plugins") { gvPluginList(context, "device", &count, nil) }
        defer {
            for index in 0..<Int(count) { free(list[index]) }
            free(list)
        }
        let devices = Set((0..<Int(count)).compactMap { list[$0].map { String(cString: $0) } })
        memory.outputDevices = devices
        return devices
    }

    /// Runs a call that returns a status (0 for success) and throws if it
    /// failed or Graphviz reported an error; warnings alone are not failures.
    ///
    /// The error counter is reset first because `agerrors()` is cumulative:
    /// one old error would otherwise fail every later call.
    func check(_ stage: @autoclosure () -> String, as makeError: ErrorMaker? = nil,
               _ call: () -> Int32) throws {
        resetMessages()
        let status = call()
        if status != 0 || reportedError {
            throw failure(stage(), makeError)
        }
    }

    /// Runs a call that returns a handle (nil for failure) and throws if it
    /// failed or Graphviz reported an error.
    func handle<Handle>(_ stage: @autoclosure () -> String, as makeError: ErrorMaker? = nil,
                        _ call: () -> Handle?) throws -> Handle {
        resetMessages()
        let result = call()
        guard let result, !reportedError else {
            throw failure(stage(), makeError)
        }
        return result
    }

    /// Everything Graphviz said since the last reset, one line per message,
    /// without the "Error: " that Graphviz puts before errors (warnings keep
    /// their "Warning: ").
    var messages: String {
        GraphvizAccess.capturedMessages.withLock { $0 }
            .split(whereSeparator: \.isNewline)
            .map { line in
                let text = line.trimmingPrefix(while: \.isWhitespace)
                return text.hasPrefix("Error: ") ? text.dropFirst("Error: ".count) : text
            }
            .joined(separator: "\n")
    }

    private func resetMessages() {
        GraphvizAccess.capturedMessages.withLock { $0 = "" }
        _ = agreseterrors()
    }

    private var reportedError: Bool {
        agerrors() >= Int32(AGERR.rawValue)
    }

    private func failure(_ stage: String, _ makeError: ErrorMaker?) -> RenderError {
        let text = messages.replacing("\n", with: " ")
        return makeError?(text) ?? .graphviz(stage: stage, message: text)
    }
}
