/// A drawing-ready description of a collaboration map: every visual decision
/// (size, colour, which labels show, tooltips, legend) is already made, so a
/// renderer only has to lay it out and draw it.
///
/// `MapSceneBuilder` makes one from a graph and its metrics; `CoauthorRender`
/// turns one into SVG, PNG or PDF through Graphviz.
public struct MapScene: Sendable, Equatable {
    /// The most terminal columns a name takes where a map draws it (a node's label, the
    /// subtitle's focus, a legend's group: `String.shortened(toWidth:)`); tooltips keep it whole.
    /// A name of six hundred letters made a map 4,831 points wide (a user trial of session 61).
    public static let longestDrawnName = 40

    /// An sRGB colour with alpha, each channel 0...255.
    public struct Color: Sendable, Equatable, Hashable {
        public var red: UInt8
        public var green: UInt8
        public var blue: UInt8
        public var alpha: UInt8

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
            self.red = red
            self.green = green
            self.blue = blue
            self.alpha = alpha
        }

        /// `#rrggbb` when opaque, `#rrggbbaa` otherwise (the form Graphviz and SVG read).
        public var hex: String {
            func byte(_ v: UInt8) -> String {
                let digits = Array("0123456789abcdef")
                return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
            }
            let rgb = "#" + byte(red) + byte(green) + byte(blue)
            return alpha == 255 ? rgb : rgb + byte(alpha)
        }
    }

    public struct Node: Sendable, Equatable {
        /// Stable identifier, unique within the scene (used as the Graphviz node name and SVG id).
        public var id: String
        /// The author's display name.
        public var label: String
        /// Whether the label is drawn; unlabelled nodes still carry it in their tooltip.
        public var showsLabel: Bool
        /// Hover text: name, papers, co-authors, years.
        public var tooltip: String
        /// Diameter in inches; area is proportional to the size metric.
        public var diameter: Double
        public var fill: Color
        /// The focus author: drawn with a heavy outline.
        public var isFocus: Bool
        /// The label's font size relative to the map's base size, so that
        /// more central authors get larger names.
        public var labelScale: Double
        /// The author's node in the network the scene was drawn from (nil in scenes made by hand).
        public var networkNode: Int?

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(id: String, label: String, showsLabel: Bool, tooltip: String,
                    diameter: Double, fill: Color, isFocus: Bool, labelScale: Double = 1, networkNode: Int? = nil) {
            self.networkNode = networkNode
            self.id = id
            self.label = label
            self.showsLabel = showsLabel
            self.tooltip = tooltip
            self.diameter = diameter
            self.fill = fill
            self.isFocus = isFocus
            self.labelScale = labelScale
        }
    }

    public struct Edge: Sendable, Equatable {
        /// Index into `nodes`.
        public var source: Int
        /// Index into `nodes`.
        public var target: Int
        /// Stroke width in points, proportional to the tie weight.
        public var penWidth: Double
        /// Hover text: both names, joint papers, years.
        public var tooltip: String
        public var color: Color
        /// Layout weight: stronger ties pull their ends closer (neato/fdp `weight`, sfdp ignores it).
        public var strength: Double

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(source: Int, target: Int, penWidth: Double, tooltip: String,
                    color: Color, strength: Double) {
            self.source = source
            self.target = target
            self.penWidth = penWidth
            self.tooltip = tooltip
            self.color = color
            self.strength = strength
        }
    }

    /// One row of the legend: a swatch and what it means.
    public struct LegendEntry: Sendable, Equatable {
        public var label: String
        public var color: Color
        /// For a row that counts the nodes of its colour (`community of X (12 authors)`): its
        /// words before the count and what it counts, so that a map of part of the network
        /// (a year's frame) can count what it shows.
        public var counted: (words: String, unit: String)? {
            get { countedWords.map { ($0, countedUnit) } }
            set { (countedWords, countedUnit) = (newValue?.words, newValue?.unit ?? "") }
        }
        private var countedWords: String?
        private var countedUnit = ""

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(label: String, color: Color) {
            self.label = label
            self.color = color
        }

        /// A row that counts the `count` nodes of its colour: `words (count unit)`.
        /// (`unit` is plural, and singular for a count of one: `1 author`, not `1 authors`, a
        /// hostile-input trial of session 57.)
        public init(_ words: String, count: Int, unit: String, color: Color) {
            self.init(label: "\(words) (\(count) \(count == 1 ? Self.singular(unit) : unit))", color: color)
            counted = (words, unit)
        }

        /// The singular of a level's plural: `authors`, `institutions`, `countries`.
        static func singular(_ plural: String) -> String {
            if plural.hasSuffix("ies") { return plural.dropLast(3) + "y" }
            return plural.hasSuffix("s") ? String(plural.dropLast()) : plural
        }

        /// The row with `count` in place of its count (the row itself when it counts nothing).
        public func recounted(_ count: Int) -> LegendEntry {
            guard let counted else { return self }
            return LegendEntry(counted.words, count: count, unit: counted.unit, color: color)
        }
    }

    /// The heading drawn above the map (corpus, filters, what was left out).
    public var title: String
    /// A second, smaller line under the title (e.g. "node area: pagerank · edge width: joint papers").
    public var subtitle: String
    public var nodes: [Node]
    public var edges: [Edge]
    public var legend: [LegendEntry]
    /// Index of the focus author in `nodes`, if any (the root for `twopi`).
    public var focus: Int?
    /// Multiplies every font size (labels, title, legend). A large map is
    /// drawn large and viewed shrunk to fit a screen or page, so its text
    /// must grow with it to stay readable.
    public var textScale: Double

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(title: String, subtitle: String, nodes: [Node], edges: [Edge],
                legend: [LegendEntry], focus: Int?, textScale: Double = 1) {
        self.title = title
        self.subtitle = subtitle
        self.nodes = nodes
        self.edges = edges
        self.legend = legend
        self.focus = focus
        self.textScale = textScale
    }
}
