import CGraphviz
import CoauthorCore
import Glibc

/// A node centre in points (1/72 inch), y growing upwards as in Graphviz.
public struct LayoutPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

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
        guard (0...Int(Int32.max)).contains(options.seed) else { throw RenderError.invalidSeed(options.seed) }
        let engine = resolvedEngine(for: scene, requested: options.engine)
        if engine.isQuadratic && scene.nodes.count > MapEngine.quadraticEngineNodeLimit {
            throw RenderError.tooManyNodes(engine: engine, nodeCount: scene.nodes.count,
                                           limit: MapEngine.quadraticEngineNodeLimit)
        }
        var points: [LayoutPoint] = []
        try withGraph(scene, options: options, engine: engine) { session, context, graph in
            var releaseFailures: [String] = []
            points = try layOut(graph, scene: scene, options: options, engine: engine, layout: engine.rawValue,
                                context: context, session: session, releaseFailures: &releaseFailures)
            if !releaseFailures.isEmpty {
                throw RenderError.graphviz(stage: "releasing the layout", message: session.messages)
            }
        }
        return points
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
        var bytes: [UInt8] = []
        try withGraph(scene, options: options, engine: .neato) { session, context, graph in
            let devices = try session.outputDevices(context)
            guard devices.contains(options.format.rawValue) else {
                throw RenderError.unsupportedFormat(format: options.format.rawValue, available: devices.sorted())
            }
            try pin(graph, at: positions, visible: visible, session: session)
            defer { _ = gvFreeLayout(context, graph) }
            try session.check("placing the map", as: { .layoutFailed(engine: .neato, message: $0) }) {
                gvLayout(context, graph, "nop")
            }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            defer { if let data { gvFreeRenderData(data) } }
            try session.check("writing \(options.format.rawValue)") {
                gvRenderData(context, graph, options.format.rawValue, &data, &length)
            }
            guard let data else { throw RenderError.graphviz(stage: "writing \(options.format.rawValue)", message: "no output") }
            bytes = Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
        }
        return options.format == .pdf ? PDFTimestamp.normalized(bytes) : bytes
    }

    /// Opens a cgraph graph holding `scene`, runs `body` on it under the Graphviz lock and
    /// closes it; a failure abandons the context, as ``render(_:options:)`` does.
    private static func withGraph(
        _ scene: MapScene, options: RenderOptions, engine: MapEngine,
        _ body: (inout GraphvizSession, OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws -> Void
    ) throws {
        try GraphvizAccess.exclusive { session in
            let context = try session.context()
            var closed = true
            do {
                let graph = try withMutableCString("coauthor") { name in
                    try session.handle("creating the graph") { agopen(name, undirectedGraphDescription, nil) }
                }
                defer { closed = agclose(graph) == 0 }
                try SceneGraphWriter(session: session, graph: graph).write(scene, options: options, engine: engine)
                try body(&session, context, graph)
            } catch {
                session.abandonContext()
                throw error
            }
            if !closed {
                session.abandonContext()
                throw RenderError.graphviz(stage: "releasing the graph", message: session.messages)
            }
        }
    }

    /// cgraph's `Agundirected` (see the note on ``MapRenderer``'s own copy).
    private static let undirectedGraphDescription = Agdesc_t(directed: 0, strict: 0, no_loop: 0, maingraph: 1,
                                                             flatlock: 0, no_write: 0, has_attrs: 0, has_cmpnd: 0)
}
