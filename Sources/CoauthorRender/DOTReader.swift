import CGraphviz

/// What Graphviz's own parser read from a DOT text: every node, edge and
/// graph attribute as cgraph stores it (strings, with DOT's quoting removed
/// but label escapes such as `\\` left for the renderer to interpret).
public struct DOTGraph: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var name: String
        /// The node's attributes that differ from the declared defaults.
        public var attributes: [String: String]
    }

    public struct Edge: Sendable, Equatable {
        public var tail: String
        public var head: String
        /// The edge's attributes that differ from the declared defaults.
        public var attributes: [String: String]
    }

    public var isDirected: Bool
    /// The graph's attributes, with their values.
    public var attributes: [String: String]
    /// Nodes in the order cgraph keeps them (creation order).
    public var nodes: [Node]
    /// Edges grouped by tail node, in cgraph's order.
    public var edges: [Edge]
}

/// Reads DOT through Graphviz's parser (`agmemread`), the way every Graphviz
/// tool reads it, to check that exported DOT means what it was meant to.
public enum GraphvizDOT {
    /// Parses `text` and returns its nodes, edges and attributes.
    ///
    /// - Throws: ``RenderError/graphviz(stage:message:)`` with Graphviz's
    ///   message when the text is not valid DOT.
    /// - Complexity: O(*n*·*a* + *e*·*b*) for *n* nodes with *a* declared node
    ///   attributes and *e* edges with *b* declared edge attributes.
    public static func parse(_ text: String) throws -> DOTGraph {
        try GraphvizAccess.exclusive { session in
            let graph = try text.withCString { source in
                try session.handle("reading DOT") { agmemread(source) }
            }
            defer { _ = agclose(graph) }
            return read(graph)
        }
    }

    private static func read(_ graph: UnsafeMutablePointer<Agraph_t>) -> DOTGraph {
        let graphObject = UnsafeMutableRawPointer(graph)
        let nodeSymbols = symbols(graph, kind: AGNODE)
        let edgeSymbols = symbols(graph, kind: AGEDGE)
        var result = DOTGraph(isDirected: agisdirected(graph) != 0,
                              attributes: values(of: graphObject, symbols(graph, kind: AGRAPH), skipDefaults: false),
                              nodes: [], edges: [])
        var node = agfstnode(graph)
        while let current = node {
            let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
            result.nodes.append(DOTGraph.Node(name: name,
                                              attributes: values(of: UnsafeMutableRawPointer(current), nodeSymbols)))
            var edge = agfstout(graph, current)
            while let out = edge {
                // An out-edge's `node` field is its head (cgraph's AGHEAD, a macro Swift cannot import).
                let head = String(cString: agnameof(UnsafeMutableRawPointer(out.pointee.node)))
                result.edges.append(DOTGraph.Edge(tail: name, head: head,
                                                  attributes: values(of: UnsafeMutableRawPointer(out), edgeSymbols)))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        return result
    }

    /// The declared attributes of one kind of object, with their default values.
    private static func symbols(_ graph: UnsafeMutablePointer<Agraph_t>, kind: Int32) -> [(UnsafeMutablePointer<Agsym_t>, String, String)] {
        var found: [(UnsafeMutablePointer<Agsym_t>, String, String)] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            let name = String(cString: current.pointee.name)
            let fallback = current.pointee.defval.map { String(cString: $0) } ?? ""
            found.append((current, name, fallback))
            symbol = agnxtattr(graph, kind, current)
        }
        return found
    }

    private static func values(of object: UnsafeMutableRawPointer,
                               _ symbols: [(UnsafeMutablePointer<Agsym_t>, String, String)],
                               skipDefaults: Bool = true) -> [String: String] {
        var result: [String: String] = [:]
        for (symbol, name, fallback) in symbols {
            guard let raw = agxget(object, symbol) else { continue }
            let value = String(cString: raw)
            if skipDefaults && value == fallback { continue }
            result[name] = value
        }
        return result
    }
}
