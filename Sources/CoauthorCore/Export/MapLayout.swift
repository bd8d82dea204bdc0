/// Where a rendered map put each author, how large and in which colour, so
/// that exports (GEXF's `viz:` elements, DOT's `pos`) reopen with the same picture.
///
/// Indexed by the network's node ids. A map that shows only part of a large
/// network leaves the other authors without a placement.
public struct MapLayout: Sendable, Equatable {
    /// One drawn author.
    public struct Placement: Sendable, Equatable {
        /// Centre in points (1/72 inch), y growing upwards as in Graphviz.
        public var x: Double
        public var y: Double
        /// Diameter in points.
        public var diameter: Double
        public var color: MapScene.Color

        public init(x: Double, y: Double, diameter: Double, color: MapScene.Color) {
            self.x = x
            self.y = y
            self.diameter = diameter
            self.color = color
        }
    }

    /// The placement of each node, nil for authors the map left out.
    public var placements: [Placement?]

    /// - Parameter placements: one entry per node of the network it describes.
    public init(placements: [Placement?]) {
        self.placements = placements
    }
}
