import CGraphviz
import CoauthorCore
import Glibc

/// Lays out and draws a ``CoauthorCore/MapScene`` with Graphviz, in process.
///
/// All Graphviz work is serialized behind one process-wide lock, so these
/// functions may be called from any thread or task; concurrent renders wait
/// for each other.
public enum MapRenderer {
    /// Renders `scene` and returns the bytes of the finished file.
    ///
    /// The same scene, options and Graphviz build give the same bytes, in
    /// this process or another: the layout is seeded from `options.seed`, and
    /// a PDF's creation date is fixed at the Unix epoch.
    ///
    /// - Throws: ``RenderError`` when the seed is out of range, the engine
    ///   cannot handle this many nodes, the format's plugin is missing, or
    ///   Graphviz reports an error; Graphviz's warnings are not failures.
    /// - Complexity: dominated by the layout: about O(*n*²) per iteration for
    ///   `neato`, O(*n* log *n* + *e*) for `sfdp`, O(*n* + *e*) for `twopi`,
    ///   plus O(*n* log *n*) for overlap removal.
    public static func render(_ scene: MapScene, options: RenderOptions) throws -> [UInt8] {
        let engine = try checkedEngine(for: scene, options: options)
        return try render(scene, options: options, engine: engine, layout: engine.rawValue,
                          graphvizFormat: options.format.rawValue)
    }

    /// The engine that ``render(_:options:)`` runs: `requested` itself unless it is `auto`.
    ///
    /// `auto` picks `twopi` (rooted at the focus) when the scene has a focus, every other author
    /// is the focus's co-author and they are at most ``MapEngine/autoTwopiCoauthorLimit``; `neato`
    /// up to ``MapEngine/autoNeatoNodeLimit`` nodes (``MapEngine/autoEgoNeatoNodeLimit`` for a
    /// larger ego network), and `sfdp` beyond.
    ///
    /// - Complexity: O(*n* + *e*) for *n* nodes and *e* edges.
    public static func resolvedEngine(for scene: MapScene, requested: MapEngine) -> MapEngine {
        guard requested == .auto else { return requested }
        let ego = scene.isEgoNetwork
        // (Not an even number of co-authors some of whom are tied to each other: twopi spaces them
        // evenly around the focus, so two of them may face each other, and their tie runs through
        // the focus, hidden under two spokes: a user trial of session 57 counted 3 ties and saw
        // 2, and a review found the same with 4 and 6. neato draws them apart.)
        let coauthorTies = scene.focus.map { focus in scene.edges.contains { $0.source != focus && $0.target != focus } } ?? false
        let hiddenTie = (scene.nodes.count - 1).isMultiple(of: 2) && coauthorTies
        if ego && !hiddenTie && scene.nodes.count - 1 <= MapEngine.autoTwopiCoauthorLimit { return .twopi }
        return scene.nodes.count <= (ego ? MapEngine.autoEgoNeatoNodeLimit : MapEngine.autoNeatoNodeLimit) ? .neato : .sfdp
    }

    /// The engine for `scene`, once the seed and the engine's size limit are checked.
    static func checkedEngine(for scene: MapScene, options: RenderOptions) throws -> MapEngine {
        guard (0...Int(Int32.max)).contains(options.seed) else {
            throw RenderError.invalidSeed(options.seed)
        }
        let engine = resolvedEngine(for: scene, requested: options.engine)
        if engine.isQuadratic && scene.nodes.count > MapEngine.quadraticEngineNodeLimit {
            throw RenderError.tooManyNodes(engine: engine, nodeCount: scene.nodes.count,
                                           limit: MapEngine.quadraticEngineNodeLimit)
        }
        return engine
    }

    /// The formats the installed Graphviz can write.
    ///
    /// - Throws: ``RenderError`` if Graphviz cannot start.
    public static func availableFormats() throws -> Set<MapFormat> {
        try GraphvizAccess.exclusive { session in
            let devices = try session.outputDevices(try session.context())
            return Set(MapFormat.allCases.filter { devices.contains($0.rawValue) })
        }
    }

    /// Renders with any Graphviz layout and output format names, which lets
    /// tests ask for ones that do not exist.
    static func render(_ scene: MapScene, options: RenderOptions, engine: MapEngine, layout: String,
                       graphvizFormat: String) throws -> [UInt8] {
        try draw(scene, options: options, engine: engine, placement: .layout(layout), output: graphvizFormat).bytes
    }

    /// Where the nodes of a drawing come from.
    enum Placement {
        /// Run this Graphviz layout, then arrange the result (``MapArrangement``).
        case layout(String)
        /// Given centres, one per node; nodes whose entry in `visible` is false are hidden.
        case pinned([LayoutPoint], visible: [Bool]?)
    }

    /// The one path through Graphviz: open a graph holding `scene`, place its nodes, and
    /// write `output` (nil: only the positions are wanted), every resource released on every
    /// path in the reverse order of acquisition. Releases cannot throw from `defer`, so their
    /// failures are collected and reported after the rest.
    static func draw(_ scene: MapScene, options: RenderOptions, engine: MapEngine, placement: Placement,
                     output: String?) throws -> (positions: [LayoutPoint], bytes: [UInt8]) {
        try GraphvizAccess.exclusive { session in
            let context = try session.context()
            if let output {
                let devices = try session.outputDevices(context)
                guard devices.contains(output) else {
                    throw RenderError.unsupportedFormat(format: output, available: devices.sorted())
                }
            }
            var releaseFailures: [String] = []
            let result: (positions: [LayoutPoint], bytes: [UInt8])
            do {
                result = try draw(scene, options: options, engine: engine, placement: placement, output: output,
                                  context: context, session: session, releaseFailures: &releaseFailures)
            } catch {
                session.abandonContext()
                throw error
            }
            guard releaseFailures.isEmpty else {
                session.abandonContext()
                throw RenderError.graphviz(stage: "releasing " + releaseFailures.joined(separator: " and "),
                                           message: session.messages)
            }
            return result
        }
    }

    private static func draw(_ scene: MapScene, options: RenderOptions, engine: MapEngine, placement: Placement,
                             output: String?, context: OpaquePointer, session: GraphvizSession,
                             releaseFailures: inout [String]) throws -> (positions: [LayoutPoint], bytes: [UInt8]) {
        let graph = try withMutableCString("coauthor") { name in
            try session.handle("creating the graph") { agopen(name, undirectedGraph, nil) }
        }
        defer { if agclose(graph) != 0 { releaseFailures.append("the graph") } }

        try SceneGraphWriter(session: session, graph: graph).write(scene, options: options, engine: engine)
        let positions: [LayoutPoint]
        let visible: [Bool]?
        switch placement {
        case .layout(let layout):
            positions = try layOut(graph, scene: scene, options: options, engine: engine, layout: layout,
                                   context: context, session: session, releaseFailures: &releaseFailures)
            visible = nil
        case .pinned(let given, let shown):
            positions = given
            visible = shown
        }
        guard let output else { return (positions, []) }
        try pin(graph, at: positions, visible: visible, session: session)
        defer { if gvFreeLayout(context, graph) != 0 { releaseFailures.append("the drawing") } }
        try session.check("placing the map", as: { .layoutFailed(engine: engine, message: $0) }) {
            gvLayout(context, graph, "nop")
        }

        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        defer { if let data { gvFreeRenderData(data) } }
        try session.check("writing \(output)") {
            gvRenderData(context, graph, output, &data, &length)
        }
        guard let data else {
            throw RenderError.graphviz(stage: "writing \(output)", message: "no output")
        }
        let bytes = Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
        return (positions, output == MapFormat.pdf.rawValue ? PDFTimestamp.normalized(bytes) : bytes)
    }

    /// Runs `layout` on the graph and returns the map's final node centres
    /// (see ``MapArrangement``); the engine's own layout is freed before returning.
    ///
    /// sfdp's coarsening draws from `rand()` and Graphviz's packing and
    /// overlap code from `drand48()`; neither is seeded by the `start`
    /// attribute, so both are seeded here.
    static func layOut(_ graph: UnsafeMutablePointer<Agraph_t>, scene: MapScene, options: RenderOptions,
                       engine: MapEngine, layout: String, context: OpaquePointer, session: GraphvizSession,
                       releaseFailures: inout [String]) throws -> [LayoutPoint] {
        // Registered before the layout runs: a layout that fails halfway may
        // already hold memory, and gvFreeLayout is safe on an unlaid graph.
        defer { if gvFreeLayout(context, graph) != 0 { releaseFailures.append("the layout") } }
        srand(UInt32(truncatingIfNeeded: options.seed))
        srand48(options.seed)
        try session.check("laying out the map", as: { .layoutFailed(engine: engine, message: $0) }) {
            gvLayout(context, graph, layout)
        }
        return try MapArrangement.positions(of: graph, scene: scene, options: options, engine: engine, session: session)
    }

    /// Fixes every node at its centre for Graphviz's `nop` layout (the library
    /// form of `neato -n`) and hides the nodes whose `visible` entry is false.
    static func pin(_ graph: UnsafeMutablePointer<Agraph_t>, at positions: [LayoutPoint], visible: [Bool]?,
                    session: GraphvizSession) throws {
        let pos = try declare(session, graph, AGNODE, "pos", "")
        let style = try declare(session, graph, AGNODE, "style", "filled")
        _ = try declare(session, graph, AGRAPH, "notranslate", "true")
        // The positions are final: nothing may move them again.
        _ = try declare(session, graph, AGRAPH, "overlap", "true")
        for (index, point) in positions.enumerated() {
            let node = try withMutableCString(SceneGraphWriter.nodeName(index)) { name in
                try session.handle("finding node \(index)") { agnode(graph, name, 0) }
            }
            let object = UnsafeMutableRawPointer(node)
            try set(session, object, pos, "\(point.x),\(point.y)!")
            if let visible, !visible[index] { try set(session, object, style, "invis") }
        }
    }

    static func declare(_ session: GraphvizSession, _ graph: UnsafeMutablePointer<Agraph_t>, _ kind: Int32,
                        _ name: String, _ value: String) throws -> UnsafeMutablePointer<Agsym_t> {
        try withMutableCString(name) { cName in
            try withMutableCString(value) { cValue in
                try session.handle("declaring the \(name) attribute") { agattr(graph, kind, cName, cValue) }
            }
        }
    }

    static func set(_ session: GraphvizSession, _ object: UnsafeMutableRawPointer,
                    _ symbol: UnsafeMutablePointer<Agsym_t>, _ value: String) throws {
        try withMutableCString(value) { cValue in
            try session.check("setting the \(String(cString: symbol.pointee.name)) attribute") {
                agxset(object, symbol, cValue)
            }
        }
    }

    /// cgraph's `Agundirected`, spelled out because Swift 6 refuses to read a
    /// mutable C global: undirected, multi-edges and loops allowed, a root graph.
    private static let undirectedGraph = Agdesc_t(directed: 0, strict: 0, no_loop: 0, maingraph: 1,
                                                  flatlock: 0, no_write: 0, has_attrs: 0, has_cmpnd: 0)
}
