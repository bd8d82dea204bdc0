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
    /// The radius of each node's circle, keyed by the node's SVG id.
    var radii: [String: Double] = [:]
    /// The white band behind each node label, keyed by the node's SVG id.
    var labelBoxes: [String: Box] = [:]
    /// The `font-family` of every `<text>`.
    var fontFamilies: Set<String> = []

    /// An axis-aligned rectangle in SVG coordinates.
    struct Box {
        var minX: Double, minY: Double, maxX: Double, maxY: Double

        var width: Double { maxX - minX }

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        /// Whether the circle reaches into the box by more than `tolerance` points.
        func overlaps(circle centre: (x: Double, y: Double), radius: Double, tolerance: Double = 0.5) -> Bool {
            let dx = max(minX - centre.x, 0, centre.x - maxX)
            let dy = max(minY - centre.y, 0, centre.y - maxY)
            return (dx * dx + dy * dy).squareRoot() < radius - tolerance
        }
    }

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
            // Nodes and edges are groups with a class; the links inside a node are groups without one.
            if element == "g", let kind = attributes["class"] { node = kind == "node" ? attributes["id"] : nil }
            if element == "ellipse", let node, let x = attributes["cx"].flatMap(Double.init),
               let y = attributes["cy"].flatMap(Double.init) {
                document.centres[node] = (x, y)
                document.radii[node] = attributes["rx"].flatMap(Double.init)
            }
            if element == "polygon", let node, attributes["fill"] == "#ffffff", let points = attributes["points"] {
                let pairs = points.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
                let xs = pairs.compactMap(\.first), ys = pairs.compactMap(\.last)
                if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() {
                    document.labelBoxes[node] = Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
                }
            }
            if element == "text", let family = attributes["font-family"] { document.fontFamilies.insert(family) }
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
