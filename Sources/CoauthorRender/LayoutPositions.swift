import CGraphviz
import CoauthorCore
import Glibc

/// A node centre in points (1/72 inch), y growing upwards as in Graphviz.
public struct LayoutPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

extension MapRenderer {
    /// Lays out `scene` as ``render(_:options:)`` would and returns each node's centre,
    /// in the order of `scene.nodes`.
    ///
    /// - Throws: ``RenderError`` as ``render(_:options:)`` does.
    /// - Complexity: that of the layout (see ``render(_:options:)``), plus O(*n*) to read the positions.
    public static func layout(_ scene: MapScene, options: RenderOptions) throws -> [LayoutPoint] {
        let engine = try checkedEngine(for: scene, options: options)
        return try draw(scene, options: options, engine: engine, placement: .layout(engine.rawValue), output: nil).positions
    }

    /// Renders `scene` with every node at the given centre (Graphviz's `nop` layout,
    /// the library form of `neato -n`), drawing only the nodes where `visible` is true.
    /// Hidden nodes still count for the drawing's bounds, so every frame drawn from the
    /// same positions has the same size and the same coordinates.
    ///
    /// - Precondition: one position and one visibility per node.
    /// - Throws: ``RenderError`` when Graphviz fails or lacks the format.
    /// - Complexity: O(*n* + *e*); no layout runs.
    public static func render(_ scene: MapScene, pinnedAt positions: [LayoutPoint], visible: [Bool],
                              options: RenderOptions) throws -> [UInt8] {
        precondition(positions.count == scene.nodes.count && visible.count == scene.nodes.count,
                     "one position and one visibility per node")
        return try draw(scene, options: options, engine: .neato, placement: .pinned(positions, visible: visible),
                        output: options.format.rawValue).bytes
    }
}

extension MapRenderer {
    /// Renders `scene` at the centres ``layout(_:options:)`` gave for the same scene and options:
    /// the bytes ``render(_:options:)`` gives, without laying the map out a second time (for
    /// outputs that need both the picture and the positions, like the HTML report).
    ///
    /// - Precondition: one position per node.
    /// - Throws: ``RenderError`` when Graphviz fails or lacks the format.
    /// - Complexity: O(*n* + *e*); no layout runs.
    public static func render(_ scene: MapScene, laidOutAt positions: [LayoutPoint], options: RenderOptions) throws -> [UInt8] {
        precondition(positions.count == scene.nodes.count, "one position per node")
        let engine = try checkedEngine(for: scene, options: options)
        return try draw(scene, options: options, engine: engine, placement: .pinned(positions, visible: nil),
                        output: options.format.rawValue).bytes
    }
}
