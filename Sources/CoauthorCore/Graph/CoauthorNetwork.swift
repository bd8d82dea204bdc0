/// How the weight of a tie is computed (SPEC §4).
public enum Weighting: String, Sendable, CaseIterable {
    /// w = number of joint papers.
    case count
    /// Newman (2001): w = Σ over joint papers k of 1 / (n_k − 1), n_k = authors of paper k.
    case fractional
}

/// The co-authorship network of SPEC §4: one node per resolved author, one
/// edge per pair of authors with a joint paper, with papers and years on every tie.
public struct CoauthorNetwork: Sendable {
    /// The topology and tie weights.
    public var graph: WeightedGraph
    /// Display name per node.
    public var names: [String]
    /// Publications per node (within the filters).
    public var papers: [Int]
    /// First and last publication year per node (nil when none of its papers has a year).
    public var firstYear: [Int?]
    public var lastYear: [Int?]
    /// Joint publications per edge.
    public var edgePapers: [Int]
    /// First and last year of a joint publication per edge.
    public var edgeFirstYear: [Int?]
    public var edgeLastYear: [Int?]
    /// The years of the joint publications of each edge, ascending, with repeats.
    public var edgeYears: EdgeLists<Int>
    /// The weight each dated joint paper adds to its edge, parallel to `edgeYears`: 1 under
    /// `count`, 1/(n_k − 1) under `fractional`. Empty when every paper of an edge adds the same
    /// share (networks made by hand); read it through `yearWeights(ofEdge:)`.
    public var edgeYearWeights = EdgeLists<Double>()
    public var weighting: Weighting
    /// The focus author's node, if it is in the network.
    public var focus: Int?
    /// Human-readable description of the filters in force (for titles and exports).
    public var filterDescription: String
    /// Publications within the filters that added no edges because they had more than `--max-authors` authors.
    public var skippedLargePublications: Int
    /// Publications within the filters.
    public var publicationCount: Int
    /// Each node's identifiers (ORCID, Scopus, OpenAlex, ResearcherID, Dimensions), or empty when
    /// no input record gave any (BibTeX, DBLP).
    public var ids: [AuthorIDs] = []

    /// The kinds of identifier some node has, in the order of `AuthorIDs.Kind` (exports write
    /// one attribute or column per kind, and none for a network without IDs).
    /// - Complexity: O(n).
    public var idKinds: [AuthorIDs.Kind] {
        guard !ids.isEmpty else { return [] }
        return AuthorIDs.Kind.allCases.filter { kind in ids.contains { !$0.value(of: kind).isEmpty } }
    }

    public var nodeCount: Int { graph.nodeCount }

    /// The weight added by each dated joint paper of edge `e`, in the order of `edgeYears[e]`.
    public func yearWeights(ofEdge e: Int) -> [Double] {
        if !edgeYearWeights.isEmpty { return Array(edgeYearWeights[e]) }
        let share = graph.weight[e] / Double(max(1, edgePapers[e]))
        return [Double](repeating: share, count: edgeYears[e].count)
    }
    public var edgeCount: Int { graph.edgeCount }

    /// The node whose display name is `name` (exact match first, then case-insensitive).
    public func node(named name: String) -> Int? {
        if let v = names.firstIndex(of: name) { return v }
        let lowered = name.lowercased()
        return names.firstIndex { $0.lowercased() == lowered }
    }

    /// The node with the most papers (ties: alphabetical), SPEC §1's default focus.
    public var mostProlificNode: Int? {
        names.indices.min { a, b in
            papers[a] != papers[b] ? papers[a] > papers[b] : names[a] < names[b]
        }
    }
}
