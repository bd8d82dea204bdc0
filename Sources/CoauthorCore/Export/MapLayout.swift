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

extension MapLayout {
    /// The placements of a drawn scene, by the network node each scene node stands for;
    /// the network's other nodes have none.
    /// - Parameters:
    ///   - centres: each scene node's centre in points, in the order of `scene.nodes`.
    ///   - nodeCount: the number of nodes of the network the scene was drawn from.
    /// - Precondition: one centre per scene node; every scene node knows its network node.
    public init(scene: MapScene, centres: [(x: Double, y: Double)], nodeCount: Int) {
        precondition(centres.count == scene.nodes.count, "one centre per scene node")
        var placements = [Placement?](repeating: nil, count: nodeCount)
        for (node, centre) in zip(scene.nodes, centres) {
            guard let v = node.networkNode else { preconditionFailure("scene node \(node.id) has no network node") }
            // Graphviz positions are in points; diameters in inches.
            placements[v] = Placement(x: centre.x, y: centre.y, diameter: node.diameter * 72, color: node.fill)
        }
        self.init(placements: placements)
    }
}
