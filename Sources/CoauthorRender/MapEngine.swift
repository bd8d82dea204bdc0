/// A Graphviz layout engine that can place a co-authorship map.
///
/// `auto` lets ``MapRenderer/resolvedEngine(for:requested:)`` choose from the
/// scene's shape and size; the others name the Graphviz engine to run.
public enum MapEngine: String, CaseIterable, Sendable {
    /// Choose from the scene: `twopi` for an ego network of a few co-authors,
    /// `neato` for small maps (and larger ego networks), `sfdp` for large ones.
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

    /// The most co-authors of an ego network that `auto` puts on `twopi`'s one ring around the
    /// focus. Past it the ring grew with every name on it (the seed's 41 co-authors made a map 31
    /// inches wide whose names were 5 pixels tall on a screen: a user trial of session 56), where
    /// `neato` groups them by their own ties around the focus.
    public static let autoTwopiCoauthorLimit = 12

    /// The largest ego network `auto` gives to `neato` (`sfdp` drew a prolific author at the edge
    /// of their own network: a user trial of session 55); 450 authors take it about 2 s.
    public static let autoEgoNeatoNodeLimit = 600

    /// Whether this engine's running time grows too fast to use above
    /// ``quadraticEngineNodeLimit`` nodes.
    public var isQuadratic: Bool {
        switch self {
        case .neato, .fdp, .circo: true
        case .auto, .sfdp, .twopi: false
        }
    }
}
