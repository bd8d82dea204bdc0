/// Publications read and their authors resolved to people: what `coauthor names` reports on,
/// and the first half of every analysis.
public struct ResolvedCorpus: Sendable {
    public let corpus: Corpus
    public let authors: AuthorIndex
    /// The request that produced it.
    public let request: AnalysisRequest

    /// Reads the inputs and resolves their authors (SPEC §2, §3).
    ///
    /// Diagnostics are handed to `events` as they are found and kept in `corpus.diagnostics`
    /// and `authors.diagnostics`.
    /// - Parameters:
    ///   - standardInput: supplies the bytes of `-` (the process's standard input by default).
    /// - Throws: `AnalysisError.input` for paths that cannot be read at all, `.strict` in strict
    ///   mode after any input error, `.noPublications` when no record has an author.
    /// - Complexity: linear in the input size, plus the identity resolution's O(V log V) for V name variants.
    public init(_ request: AnalysisRequest, events: AnalysisEvents? = nil,
                standardInput: (() -> [UInt8])? = nil) throws(AnalysisError) {
        let timer = PhaseTimer(events)
        var corpus: Corpus
        do {
            corpus = try timer.measure("read") { () throws(InputError) -> Corpus in
                if let standardInput {
                    return try InputReader.read(request.paths, format: request.format, encoding: request.encoding,
                                                keepingText: request.keepsPublicationText, standardInput: standardInput)
                }
                return try InputReader.read(request.paths, format: request.format, encoding: request.encoding,
                                            keepingText: request.keepsPublicationText)
            }
        } catch {
            throw .input(error)
        }
        for diagnostic in corpus.diagnostics { events?(.diagnostic(diagnostic)) }
        let errors = corpus.diagnostics.count(where: \.countsAsStrictError)
        if request.strict && errors > 0 { throw .strict(errors: errors) }
        if corpus.publications.isEmpty { throw .noPublications(paths: request.paths) }
        events?(.read(summary: corpus.summaryLine))
        // What reading freed (blocks, runs, key tables) goes back before the resolution grows,
        // when it is most of the heap.
        Heap.releaseFreePagesIfMostlyFree()
        // The readers' name table serves the resolution and nothing after it (some 90 bytes a
        // publication on DBLP: the names, their parts, an id per authorship): handed over, so
        // that the resolution frees its parts as it is done with them.
        var table = corpus.internedAuthors
        corpus.internedAuthors = nil
        let authors = timer.measure("resolve") {
            AuthorResolver.resolve(corpus, emptying: &table, mode: request.identity, aliases: request.aliases)
        }
        for diagnostic in authors.diagnostics { events?(.diagnostic(diagnostic)) }
        // What resolving freed is not handed back: it is in the main thread's heap, where building
        // the network reuses it. Handing it back cost more than the trim itself (on 1M DBLP
        // papers, the build faulted the pages in again: 60 ms of 0.43 s), for a peak 30 MB lower.
        self.corpus = corpus
        self.authors = authors
        self.request = request
    }
}

extension ResolvedCorpus {
    /// A corpus already read and resolved (tests and tools that make publications in memory).
    init(corpus: Corpus, authors: AuthorIndex, request: AnalysisRequest) {
        self.corpus = corpus
        self.authors = authors
        self.request = request
    }
}

/// One co-authorship network and everything it was made from: the entry point of the library.
///
/// ```swift
/// let analysis = try Analysis(AnalysisRequest(inputs: ["refs.bib"]))
/// let metrics = analysis.metrics(MetricRequest([.betweenness]))
/// print(analysis.ranking(by: .betweenness, metrics: metrics, top: 10).plain())
/// ```
public struct Analysis: Sendable {
    public let resolved: ResolvedCorpus
    public let network: CoauthorNetwork
    /// At institution and country level, the units of each publication (the nodes' source);
    /// nil at author level.
    public let units: UnitIndex?

    public var corpus: Corpus { resolved.corpus }
    public var authors: AuthorIndex { resolved.authors }
    public var request: AnalysisRequest { resolved.request }
    /// Names the input in titles: the file name, or the number of inputs.
    public var label: String { request.label }

    /// Reads, resolves and builds the network of `request` (SPEC §2–§4).
    /// - Throws: what `ResolvedCorpus` throws; `.network` for a focus author who is not in the
    ///   corpus; `.noAuthorsLeft` when the filters leave no author.
    public init(_ request: AnalysisRequest, events: AnalysisEvents? = nil,
                standardInput: (() -> [UInt8])? = nil) throws(AnalysisError) {
        try self.init(ResolvedCorpus(request, events: events, standardInput: standardInput), events: events)
    }

    /// Builds the network of an already resolved corpus.
    public init(_ resolved: ResolvedCorpus, events: AnalysisEvents? = nil) throws(AnalysisError) {
        let timer = PhaseTimer(events)
        let options = resolved.request.network
        let units = options.level == .author ? nil
            : timer.measure("units") {
                let publications = resolved.corpus.publications
                return UnitIndex(publications: publications, level: options.level, merges: resolved.request.aliases.institutionMerges) {
                    options.includes(year: publications[$0].year)
                }
            }
        for diagnostic in units?.diagnostics ?? [] { events?(.diagnostic(diagnostic)) }
        if let units, units.withoutUnits > 0 {
            events?(.withoutUnits(count: units.withoutUnits, withoutAffiliations: units.withoutAffiliations, level: options.level))
        }
        if let units, units.withUnplacedAffiliations > 0, let example = units.unplacedExample {
            events?(.unplacedAffiliations(count: units.withUnplacedAffiliations, example: example.affiliation, at: example.location,
                                          level: options.level))
        }
        // No unit at all: said before a focus is looked for among none (a user trial was told
        // "no institution named 'MIT'; run `rank --top 0` to list them", which listed nothing).
        if let units, units.keys.isEmpty { throw .noUnits(options.level) }
        var network: CoauthorNetwork
        do {
            network = try timer.measure("build") { () throws(NetworkError) -> CoauthorNetwork in
                try NetworkBuilder.build(publications: resolved.corpus.publications, authors: resolved.authors,
                                         units: units, options: options)
            }
        } catch {
            throw .network(error)
        }
        network.describeAlso(resolved.request.identityDescription)
        // And what building freed (the sorted pair keys), before the metrics.
        Heap.releaseFreePages()
        if network.nodeCount == 0 {
            // Units named by papers of other years are left out by the filters, not missing (a
            // user trial of session 53 was told no paper names a country).
            guard let units else { throw .noAuthorsLeft }
            throw units.keys.isEmpty ? .noUnits(options.level) : .noUnitsLeft(options.level)
        }
        // A year filter leaves out the papers without a year, in silence before (a hostile-input
        // trial of session 55).
        let truncated = resolved.corpus.publications.count { $0.hasTruncatedAuthors }
        if truncated > 0 { events?(.truncatedAuthorLists(count: truncated)) }
        if options.fromYear != nil || options.toYear != nil, resolved.corpus.withoutYear > 0 {
            events?(.yearlessLeftOut(count: resolved.corpus.withoutYear))
        }
        if network.skippedLargePublications > 0 {
            events?(.largePublicationsSkipped(count: network.skippedLargePublications,
                                              maxAuthors: resolved.request.network.maxAuthors))
        }
        self.resolved = resolved
        self.network = network
        self.units = units
    }

    /// What the network's nodes are.
    public var level: NetworkLevel { request.network.level }

    /// The nodes' index before filtering: the resolved authors, or the units of each publication.
    public var members: AuthorIndex { units?.memberIndex ?? authors }

    /// The corpus's last year within the year filters (Y of the recency of SPEC §6).
    public var referenceYear: Int? { network.referenceYear }

    /// The dated publications with their authors as network nodes (what time metrics read).
    /// - Complexity: O(P + A) for P publications and A authorships.
    public func datedCorpus() -> DatedCorpus {
        DatedCorpus(publications: corpus.publications, authors: authors, members: units?.memberIndex,
                    network: network, options: request.network)
    }

    /// Computes the node metrics, communities and estimates that `request` asks for. With a
    /// budget and no sampling asked for, exact path-based metrics whose predicted cost exceeds
    /// the budget are estimated by sampling instead, at the error bound that fits it
    /// (`MetricTable.budget` says what was decided).
    /// - Parameter decided: called with the budget's decision as soon as it is made, before any
    ///   metric is computed (so that a caller can say what it will wait for); only where a budget
    ///   applies (a budget set, no sampling asked for, a path-based metric wanted).
    /// - Complexity: that of the most expensive metric asked for (see `MetricTable`).
    public func metrics(_ request: MetricRequest, progress: ProgressHandler? = nil,
                        decided: ((PathMetricBudget) -> Void)? = nil) -> MetricTable {
        var request = request
        var decision: PathMetricBudget?
        if let budget = request.budget, request.sampling == nil, request.metrics.contains(where: \.isPathBased) {
            let plan = PathMetricBudget(network.graph, metrics: request.metrics, budget: budget)
            decided?(plan)
            if let epsilon = plan.epsilon {
                request.sampling = MetricRequest.Sampling(epsilon: plan.betweennessEpsilon ?? epsilon, distanceEpsilon: plan.distanceEpsilon,
                                                          seed: request.budgetSamplingSeed)
            }
            decision = plan
        }
        var table = MetricTable(network: network, request: request, progress: progress)
        table.budget = decision
        let indicators = request.metrics.filter(\.isIndicator)
        if !indicators.isEmpty {
            let values = self.indicators(nodes: true, years: false).perNode
            for metric in indicators {
                table.setIndicator(metric, values.map { node in
                    switch metric {
                    case .collaborationIndex: node.collaboration.collaborationIndex
                    case .degreeOfCollaboration: node.collaboration.degreeOfCollaboration
                    case .collaborativeCoefficient: node.collaboration.collaborativeCoefficient
                    case .modifiedCollaborativeCoefficient: node.collaboration.modifiedCollaborativeCoefficient
                    case .internationalShare: node.internationalShare
                    case .citations: node.citations.map(Double.init) ?? .nan
                    case .hIndex: node.hIndex.map(Double.init) ?? .nan
                    default: preconditionFailure("\(metric) is no indicator")
                    }
                })
            }
        }
        return table
    }

    /// Collaboration indicators, citations and international shares of the corpus, (unless
    /// `years` is false) its years, and (unless `nodes` is false) the network's nodes.
    /// - Complexity: see `NodeIndicators`.
    public func indicators(nodes: Bool = true, years: Bool = true) -> NodeIndicators {
        let publications = corpus.publications
        let countries = units?.level == .country ? units!.unitsOfPublication
            : (publications.indices.contains { Self.hasAffiliations(publications[$0]) }
                ? UnitIndex(publications: publications, level: .country).unitsOfPublication
                : [[Int32]](repeating: [], count: publications.count))
        return NodeIndicators(publications: publications, authors: authors, members: members, countries: countries,
                              network: network, options: request.network, nodes: nodes, years: years)
    }

    /// Whether the record names any affiliation; by reference, since a DBLP-size corpus has a
    /// million records and copying each one costs a dozen reference counts.
    private static func hasAffiliations(_ publication: borrowing Publication) -> Bool {
        guard publication.hasExtras else { return false }
        let extras = publication.extras
        return !extras.affiliations.isEmpty || !extras.addresses.isEmpty
    }
}

/// Which node metrics to compute, and how.
public struct MetricRequest: Sendable, Hashable {
    /// Estimating the path-based metrics by sampling (Riondato–Kornaropoulos for betweenness,
    /// Eppstein–Wang for closeness and harmonic).
    public struct Sampling: Sendable, Hashable {
        /// Every estimate within ±ε of the exact value with probability 0.9.
        public var epsilon: Double
        /// The bound of closeness and harmonic where it is not `epsilon` (the time budget gives
        /// each kind of search its own: one bound for both made betweenness as coarse as the
        /// costlier distance sums afford, ±0.05 where ±0.006 fitted: a user trial of session 55).
        public var distanceEpsilon: Double?
        /// Seed of the sample of paths and sources.
        public var seed: UInt64

        public init(epsilon: Double, distanceEpsilon: Double? = nil, seed: UInt64 = 1) {
            precondition(epsilon > 0 && epsilon < 1, "the error bound of a sample lies strictly between 0 and 1")
            precondition(distanceEpsilon.map { $0 > 0 && $0 < 1 } ?? true, "the error bound of a sample lies strictly between 0 and 1")
            self.epsilon = epsilon
            self.distanceEpsilon = distanceEpsilon
            self.seed = seed
        }
    }

    public var metrics: Set<Metric>
    /// Communities with this seed; nil computes none.
    public var communitySeed: UInt64?
    /// How communities are found (Leiden optimising modularity at resolution 1 by default).
    public var communities = CommunityOptions()
    /// The tie normalisation communities are found on (the metrics keep the raw weights).
    public var normalization = TieNormalization.none
    /// Sampling for betweenness, closeness and harmonic; nil computes them exactly (or within
    /// `budget`).
    public var sampling: Sampling?
    /// Seconds the exact path-based metrics may take before they are estimated by sampling
    /// instead (with `budgetSamplingSeed`); nil: exact whatever the cost.
    public var budget: Double?
    public var budgetSamplingSeed: UInt64 = 1

    public init(_ metrics: Set<Metric>, communitySeed: UInt64? = nil, sampling: Sampling? = nil, budget: Double? = nil) {
        precondition(budget.map { $0 > 0 } ?? true, "a budget of some seconds")
        self.metrics = metrics
        self.communitySeed = communitySeed
        self.sampling = sampling
        self.budget = budget
    }
}

/// Times phases for `AnalysisEvent.phase`, only when someone listens.
struct PhaseTimer {
    private let events: AnalysisEvents?
    private let clock = ContinuousClock()

    init(_ events: AnalysisEvents?) { self.events = events }

    func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let events else { return try body() }
        let start = clock.now
        let result = try body()
        events(.phase(name, seconds: (clock.now - start).seconds))
        return result
    }
}

extension Duration {
    /// The duration in seconds, as a real number.
    public var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
