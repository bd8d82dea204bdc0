import CGraphviz
import CoauthorCore

/// Copies a ``CoauthorCore/MapScene`` into an open cgraph graph: one node per
/// author, one edge per tie, and every visual decision as attributes.
///
/// Each attribute is declared once with `agattr` and set per object with
/// `agxset`, the cheap path through cgraph's attribute tables.
struct SceneGraphWriter {
    let session: GraphvizSession
    let graph: UnsafeMutablePointer<Agraph_t>

    /// The cgraph name of node `index`. Scene ids and names never become
    /// object names, so no user text reaches Graphviz unescaped (the default
    /// label `\N` and the SVG `<title>` read the name verbatim).
    static func nodeName(_ index: Int) -> String { "n\(index)" }

    /// Writes the scene's nodes, edges and the graph attributes for `engine`.
    ///
    /// - Complexity: O(*n* + *e*) Graphviz calls for *n* nodes and *e* edges.
    func write(_ scene: MapScene, options: RenderOptions, engine: MapEngine) throws {
        try writeGraphAttributes(scene, options: options, engine: engine)
        let nodes = try writeNodes(scene.nodes, options: options, textScale: scene.textScale)
        try writeEdges(scene.edges, between: nodes, options: options)
    }

    private func writeGraphAttributes(_ scene: MapScene, options: RenderOptions, engine: MapEngine) throws {
        var attributes: [(String, String)] = [
            ("bgcolor", "white"),
            ("pad", "0.3"),
            ("fontname", GraphvizText.label(options.fontName)),
            ("fontsize", number(options.fontSize * 1.2)),
            // Seeds neato, fdp and sfdp; a bare "random" would seed from the clock.
            ("start", "random\(options.seed)"),
            // Overlaps are removed afterwards by ``MapArrangement``, the same way in every process.
            ("overlap", "true"),
            // Components are laid out one by one, so small teams don't push
            // the main network around; ``MapArrangement`` packs them afterwards.
            ("pack", "true"),
            // ``MapArrangement`` discards the engine's placement of the
            // components, so the engine places them in a plain grid: its
            // default, a polyomino packing of every node and edge, takes most
            // of sfdp's time on a corpus with many small teams.
            ("packmode", "array"),
            ("splines", "false"),
            ("outputorder", "edgesfirst"),
        ]
        if engine == .twopi, let focus = scene.focus {
            attributes.append(("root", Self.nodeName(focus)))
        }
        if options.format == .png {
            attributes.append(("dpi", number(options.dpi)))
        }
        for (name, value) in attributes {
            _ = try declare(AGRAPH, name, value)
        }
        if let heading = MapHeading.html(for: scene, fontSize: options.fontSize * scene.textScale) {
            _ = try declare(AGRAPH, "labelloc", "t")
            let label = try declare(AGRAPH, "label", "")
            try setHTML(UnsafeMutableRawPointer(graph), label, heading)
        }
    }

    /// An HTML label must be an HTML string in cgraph's string pool, which
    /// only `agstrdup_html` makes; `agxset` then shares that pooled string.
    private func setHTML(_ object: UnsafeMutableRawPointer, _ symbol: UnsafeMutablePointer<Agsym_t>,
                         _ html: String) throws {
        let pooled = try withMutableCString(html) { text in
            try session.handle("storing an HTML label") { agstrdup_html(graph, text) }
        }
        defer { _ = agstrfree(graph, pooled) }
        try session.check("setting an HTML label") { agxset(object, symbol, pooled) }
    }

    private func writeNodes(_ nodes: [MapScene.Node], options: RenderOptions,
                            textScale: Double) throws -> [UnsafeMutablePointer<Agnode_t>] {
        _ = try declare(AGNODE, "shape", "circle")
        // A labelled node switches to "shape" (see ``NodeLabel``); an
        // unlabelled one stays "true", because "shape" would pad its empty label.
        // Graphviz attributes are declared one per line, for nodes here and for edges in `writeEdges`:
        // alike in shape only, deliberately.
        let fixedSize = try declare(AGNODE, "fixedsize", "true")
        _ = try declare(AGNODE, "style", "filled")
        let label = try declare(AGNODE, "label", "")
        // No padding around a label: ``NodeLabel`` sizes its own rows.
        _ = try declare(AGNODE, "margin", "0")
        _ = try declare(AGNODE, "fontname", GraphvizText.label(options.fontName))
        _ = try declare(AGNODE, "fontsize", number(options.fontSize))
        let width = try declare(AGNODE, "width", "0.1")
        let height = try declare(AGNODE, "height", "0.1")
        let fill = try declare(AGNODE, "fillcolor", "#cccccc")
        let outline = try declare(AGNODE, "color", "#666666")
        let penWidth = try declare(AGNODE, "penwidth", "0.6")
        let tooltip = try declare(AGNODE, "tooltip", "")
        let id = try declare(AGNODE, "id", "")

        var handles: [UnsafeMutablePointer<Agnode_t>] = []
        handles.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            precondition(node.diameter.isFinite && node.diameter > 0,
                         "node \(index) has diameter \(node.diameter)")
            let handle = try withMutableCString(Self.nodeName(index)) { name in
                try session.handle("adding node \(index)") { agnode(graph, name, 1) }
            }
            let object = UnsafeMutableRawPointer(handle)
            let diameter = number(node.diameter)
            try set(object, width, diameter)
            try set(object, height, diameter)
            try set(object, fill, node.fill.hex)
            if node.isFocus {
                try set(object, outline, "#1a1a1a")
                try set(object, penWidth, "3")
            } else {
                try set(object, outline, Self.outline(for: node.fill).hex)
            }
            if node.showsLabel {
                try set(object, fixedSize, "shape")
                try setHTML(object, label, NodeLabel.html(node.label, diameter: node.diameter,
                                                          fontSize: options.fontSize * textScale * node.labelScale))
            }
            try set(object, tooltip, GraphvizText.tooltip(node.tooltip))
            try set(object, id, GraphvizText.id(node.id))
            handles.append(handle)
        }
        return handles
    }

    private func writeEdges(_ edges: [MapScene.Edge], between nodes: [UnsafeMutablePointer<Agnode_t>],
                            options: RenderOptions) throws {
        _ = try declare(AGEDGE, "fontname", GraphvizText.label(options.fontName))
        _ = try declare(AGEDGE, "fontsize", number(options.fontSize))
        let penWidth = try declare(AGEDGE, "penwidth", "1")
        let color = try declare(AGEDGE, "color", "#99999980")
        let tooltip = try declare(AGEDGE, "tooltip", "")
        let weight = try declare(AGEDGE, "weight", "1")

        for (index, edge) in edges.enumerated() {
            precondition(nodes.indices.contains(edge.source) && nodes.indices.contains(edge.target),
                         "edge \(index) joins \(edge.source) and \(edge.target), outside 0..<\(nodes.count)")
            precondition(edge.penWidth.isFinite && edge.penWidth >= 0 && edge.strength.isFinite,
                         "edge \(index) has pen width \(edge.penWidth) and strength \(edge.strength)")
            let handle = try session.handle("adding edge \(index)") {
                agedge(graph, nodes[edge.source], nodes[edge.target], nil, 1)
            }
            let object = UnsafeMutableRawPointer(handle)
            try set(object, penWidth, number(edge.penWidth))
            try set(object, color, edge.color.hex)
            try set(object, tooltip, GraphvizText.tooltip(edge.tooltip))
            // neato raises any weight below 1 to 1, so the scale starts there.
            try set(object, weight, number(max(1, edge.strength)))
        }
    }

    /// A darker shade of the fill, opaque, so pale nodes keep a visible edge.
    static func outline(for fill: MapScene.Color) -> MapScene.Color {
        func darken(_ channel: UInt8) -> UInt8 { UInt8(Double(channel) * 0.6) }
        return MapScene.Color(red: darken(fill.red), green: darken(fill.green), blue: darken(fill.blue))
    }

    private func declare(_ kind: Int32, _ name: String, _ value: String) throws -> UnsafeMutablePointer<Agsym_t> {
        try withMutableCString(name) { cName in
            try withMutableCString(value) { cValue in
                try session.handle("declaring the \(name) attribute") { agattr(graph, kind, cName, cValue) }
            }
        }
    }

    private func set(_ object: UnsafeMutableRawPointer, _ symbol: UnsafeMutablePointer<Agsym_t>,
                     _ value: String) throws {
        try withMutableCString(value) { cValue in
            try session.check("setting the \(String(cString: symbol.pointee.name)) attribute") {
                agxset(object, symbol, cValue)
            }
        }
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// cgraph takes `char *` for strings it only reads (and copies into its own
/// pool), so a temporary mutable copy is enough.
func withMutableCString<Result>(_ string: String,
                         _ body: (UnsafeMutablePointer<CChar>) throws -> Result) rethrows -> Result {
    var bytes = string.utf8CString
    return try bytes.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
}
