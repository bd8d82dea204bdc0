/// A Graphviz layout engine that can place a co-authorship map.
///
/// `auto` lets ``MapRenderer/resolvedEngine(for:requested:)`` choose from the
/// scene's shape and size; the others name the Graphviz engine to run.
public enum MapEngine: String, CaseIterable, Sendable {
    /// Choose from the scene: `twopi` for an ego network, `neato` for small
    /// maps, `sfdp` for large ones.
    case auto
    /// Stress majorization: the most faithful distances, quadratic memory in the node count.
    case neato
    /// Force-directed placement without multilevel coarsening; slow on large maps.
    case fdp
    /// Multilevel force-directed placement: the only engine that scales to thousands of nodes.
    case sfdp
    /// Concentric rings around a root (the focus author).
    case twopi
    /// Nodes on circles, one per biconnected component.
    case circo

    /// Above this many nodes an engine whose cost grows quadratically or
    /// worse (`neato`, `fdp`, `circo`) is refused, because its layout would
    /// run for minutes to hours instead of seconds.
    public static let quadraticEngineNodeLimit = 1500

    /// The largest map `auto` still gives to `neato`; past it `sfdp` is both
    /// faster and, with overlap removal, no less readable.
    public static let autoNeatoNodeLimit = 300

    /// Whether this engine's running time grows too fast to use above
    /// ``quadraticEngineNodeLimit`` nodes.
    public var isQuadratic: Bool {
        switch self {
        case .neato, .fdp, .circo: true
        case .auto, .sfdp, .twopi: false
        }
    }
}
