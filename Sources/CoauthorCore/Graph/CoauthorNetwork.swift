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
    public private(set) var graph: WeightedGraph
    /// Display name per node.
    public private(set) var names: [String]
    /// Publications per node (within the filters).
    public private(set) var papers: [Int]
    /// First and last publication year per node (nil when none of its papers has a year).
    public private(set) var firstYear: [Int?]
    public private(set) var lastYear: [Int?]
    /// Joint publications per edge (4 bytes each: a DBLP-size network has tens of millions of ties).
    public private(set) var edgePapers: [Int32]
    /// The years of the joint publications of each edge, ascending, with repeats.
    /// - Precondition: `hasTieYears`.
    public var edgeYears: YearLists {
        precondition(hasTieYears, "this network was built without its ties' years (NetworkOptions.keepsTieYears)")
        return storedEdgeYears
    }
    private var storedEdgeYears: YearLists
    /// Whether the ties keep their years (`edgeYears`, `edgeFirstYear`, `edgeLastYear`,
    /// `yearWeights(ofEdge:)`): true unless the network was built for outputs that read none
    /// (`NetworkOptions.keepsTieYears`).
    public let hasTieYears: Bool
    /// First and last year of a joint publication per edge (nil when none is dated): the ends of
    /// `edgeYears`, read off it (two stored columns were 8 bytes a tie). Precondition: `hasTieYears`.
    public var edgeFirstYear: YearLists.Ends { edgeYears.firstYears }
    public var edgeLastYear: YearLists.Ends { edgeYears.lastYears }
    /// The weight each dated joint paper adds to its edge, parallel to `edgeYears`: 1 under
    /// `count`, 1/(n_k − 1) under `fractional`. Empty when every paper of an edge adds the same
    /// share (networks made by hand); read it through `yearWeights(ofEdge:)`.
    public private(set) var edgeYearWeights = PackedLists<Double>()
    public private(set) var weighting: Weighting
    /// The focus author's node, if it is in the network.
    public private(set) var focus: Int?
    /// Human-readable description of the filters in force (for titles and exports).
    public private(set) var filterDescription: String
    /// Publications within the filters that added no edges because they had more than `--max-authors` authors.
    public private(set) var skippedLargePublications: Int
    /// Publications within the filters.
    public private(set) var publicationCount: Int
    /// The last year of the publications within the year filters (`--from`, `--to`): Y of a tie's
    /// recency (SPEC §6). It stays when nodes are left out (`--min-papers`, an ego network), so
    /// that a tie's recency does not depend on which other nodes are shown.
    public private(set) var referenceYear: Int?
    /// Each node's identifiers (ORCID, Scopus, OpenAlex, ResearcherID, Dimensions), or empty when
    /// no input record gave any (BibTeX, DBLP).
    public private(set) var ids: [AuthorIDs] = []

    /// The kinds of identifier some node has, in the order of `AuthorIDs.Kind` (exports write
    /// one attribute or column per kind, and none for a network without IDs).
    /// - Complexity: O(n).
    public var idKinds: [AuthorIDs.Kind] {
        guard !ids.isEmpty else { return [] }
        return AuthorIDs.Kind.allCases.filter { kind in ids.contains { !$0.value(of: kind).isEmpty } }
    }

    public var nodeCount: Int { graph.nodeCount }

    /// `words` added to `filterDescription` (how the nodes were made, where that is not the
    /// default: `exact` identity, an alias file).
    mutating func describeAlso(_ words: String) {
        guard !words.isEmpty else { return }
        filterDescription = filterDescription.isEmpty ? words : filterDescription + ", " + words
    }

    /// A network from its parts, checked for consistency.
    /// - Precondition: one name, paper count (at least 1), year range (and, when given, set of
    ///   identifiers) per node; one paper
    ///   count (at least 1) and year list per edge; year weights, when given, one
    ///   per dated paper of each edge; the focus, when given, a node.
    /// - Complexity: O(n + m).
    public init(graph: WeightedGraph, names: [String], papers: [Int], firstYear: [Int?], lastYear: [Int?],
                edgePapers: [Int], edgeYears: YearLists,
                edgeYearWeights: PackedLists<Double> = PackedLists<Double>(), weighting: Weighting, focus: Int?,
                filterDescription: String, skippedLargePublications: Int, publicationCount: Int, ids: [AuthorIDs] = [],
                referenceYear: Int? = nil) {
        precondition(edgePapers.allSatisfy { $0 <= Int(Int32.max) }, "at most 2,147,483,647 joint papers a tie")
        self.init(graph: graph, names: names, papers: papers, firstYear: firstYear, lastYear: lastYear,
                  edgePapers: edgePapers.map { Int32($0) }, edgeYears: edgeYears, edgeYearWeights: edgeYearWeights, weighting: weighting, focus: focus,
                  filterDescription: filterDescription, skippedLargePublications: skippedLargePublications,
                  publicationCount: publicationCount, ids: ids, referenceYear: referenceYear)
    }

    /// The same, with the edges' paper counts already in their compact column (the builder's way).
    init(graph: WeightedGraph, names: [String], papers: [Int], firstYear: [Int?], lastYear: [Int?],
         edgePapers: [Int32], edgeYears: YearLists,
         edgeYearWeights: PackedLists<Double> = PackedLists<Double>(), weighting: Weighting, focus: Int?,
         filterDescription: String, skippedLargePublications: Int, publicationCount: Int, ids: [AuthorIDs] = [],
         hasTieYears: Bool = true, referenceYear: Int? = nil) {
        let n = graph.nodeCount, m = graph.edgeCount
        precondition(names.count == n && papers.count == n && firstYear.count == n && lastYear.count == n,
                     "one name, paper count and year range per node")
        precondition(edgePapers.count == m && (edgeYears.count == m || (!hasTieYears && edgeYears.isEmpty)),
                     "one paper count and, unless left out, one year list per edge")
        precondition(papers.allSatisfy { $0 >= 1 } && edgePapers.allSatisfy { $0 >= 1 },
                     "every author and every tie has at least one paper")
        precondition(edgeYearWeights.isEmpty
                     || (edgeYearWeights.count == m && (0..<m).allSatisfy { edgeYearWeights[$0].count == edgeYears[$0].count }),
                     "year weights, when given, one per dated joint paper")
        precondition(focus.map { (0..<n).contains($0) } ?? true, "the focus is a node of the network")
        precondition(ids.isEmpty || ids.count == n, "identifiers, when given, one entry per node")
        precondition(skippedLargePublications >= 0 && publicationCount >= 0, "counts are not negative")
        self.graph = graph
        self.names = names
        self.papers = papers
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.edgePapers = edgePapers
        self.storedEdgeYears = edgeYears
        self.hasTieYears = hasTieYears
        self.edgeYearWeights = edgeYearWeights
        self.weighting = weighting
        self.focus = focus
        self.filterDescription = filterDescription
        self.skippedLargePublications = skippedLargePublications
        self.publicationCount = publicationCount
        self.ids = ids
        // Without one given, the nodes' last year (a network made from its parts).
        self.referenceYear = referenceYear ?? lastYear.lazy.compactMap { $0 }.max()
    }

    /// The same network with `node` as its focus author.
    /// - Precondition: `node` is a node of the network.
    func focused(on node: Int?) -> CoauthorNetwork {
        precondition(node.map { (0..<nodeCount).contains($0) } ?? true, "the focus is a node of the network")
        var network = self
        network.focus = node
        return network
    }

    /// The weight added by each dated joint paper of edge `e`, in the order of `edgeYears[e]`.
    /// - Precondition: `hasTieYears`.
    public func yearWeights(ofEdge e: Int) -> [Double] {
        precondition(hasTieYears, "this network was built without its ties' years (NetworkOptions.keepsTieYears)")
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
