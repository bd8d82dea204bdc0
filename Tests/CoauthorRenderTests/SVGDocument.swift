import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the tests read back from an SVG: the text of every `<text>` and
/// `<title>` element, every `xlink:title`, and every `id`.
struct SVGDocument {
    var texts: [String] = []
    var titles: [String] = []
    var linkTitles: [String] = []
    var ids: [String] = []
    /// The centre of each node's circle, keyed by the node's SVG id.
    var centres: [String: (x: Double, y: Double)] = [:]

    private init() {}

    /// Parses `bytes`, or returns nil if they are not well-formed XML.
    init?(_ bytes: [UInt8]) {
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        // The DOCTYPE names the SVG 1.1 DTD; fetching it would need the network.
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { return nil }
        self = reader.document
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var document = SVGDocument()
        private var open: String?
        private var node: String?
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if let id = attributes["id"] { document.ids.append(id) }
            if element == "g", attributes["class"] == "node" { node = attributes["id"] }
            if element == "ellipse", let node, let x = attributes["cx"].flatMap(Double.init),
               let y = attributes["cy"].flatMap(Double.init) {
                document.centres[node] = (x, y)
            }
            if let title = attributes["xlink:title"] { document.linkTitles.append(title) }
            if element == "text" || element == "title" {
                open = element
                buffer = ""
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if open != nil { buffer += string }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
                    qualifiedName: String?) {
            guard element == open else { return }
            if element == "text" { document.texts.append(buffer) } else { document.titles.append(buffer) }
            open = nil
        }
    }
}
