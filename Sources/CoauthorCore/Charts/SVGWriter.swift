/// Writes SVG markup with deterministic bytes: attributes in the order given,
/// numbers with at most two decimals (no locale, no exponent), text escaped for XML.
public struct SVGWriter: Sendable {
    public private(set) var text = ""
    /// Names of the elements opened and not yet closed, outermost first.
    private var stack: [String] = []

    /// Starts a document of `width` × `height` user units, with the same pixel size.
    public init(width: Double, height: Double) {
        text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", Self.number(width)), ("height", Self.number(height)),
                     ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))")])
    }

    /// Opens an element that will contain others.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<" + name + Self.attributes(attributes) + ">")
        stack.append(name)
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = stack.popLast() else { preconditionFailure("no element is open") }
        line("</" + name + ">")
    }

    /// An element without content.
    public mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        line("<" + name + Self.attributes(attributes) + "/>")
    }

    /// An element holding only text (escaped here).
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        line("<" + name + Self.attributes(attributes) + ">" + XMLText.escape(content) + "</" + name + ">")
    }

    /// The finished document, every open element closed.
    /// - Complexity: O(length of the text).
    public func finished() -> String {
        var copy = self
        while !copy.stack.isEmpty { copy.close() }
        return copy.text
    }

    private mutating func line(_ markup: String) {
        text += String(repeating: "  ", count: stack.count) + markup + "\n"
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }

    /// `value` with at most two decimals, trailing zeros dropped (`12`, `12.5`, `-0.25`).
    /// - Complexity: O(1).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" + String(fraction) : String(fraction))
        return sign + String(whole) + "." + digits
    }
}
