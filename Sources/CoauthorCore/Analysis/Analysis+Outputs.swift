import Foundation

/// A file an analysis produced, made in memory before anything is written: a nil path is
/// standard output.
public struct OutputFile: Sendable, Equatable {
    public var path: String?
    public var bytes: [UInt8]

    public init(path: String?, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String?, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Text forms of a table (`rank`, `timeline`).
public enum TableFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

extension RankingTable {
    /// The table in `format`.
    public func formatted(_ format: TableFormat) -> String {
        switch format {
        case .table: plain()
        case .csv: csv()
        case .json: json()
        case .markdown: markdown()
        }
    }
}

// MARK: - Rankings

extension Analysis {
    /// Every author ranked by `metric` (higher first, then by name).
    /// - Precondition: `metrics` holds `metric`.
    /// - Parameters:
    ///   - top: at most this many rows (0 = all).
    public func ranking(by metric: Metric, metrics: MetricTable, top: Int = 0) -> RankingTable {
        precondition(metrics[metric] != nil, "ranking by \(metric.rawValue), which was not computed")
        return RankingTable.authors(network, metrics: metrics, by: metric, top: top)
    }

    /// The collaborators of `focus` ranked by a tie metric or their node metric (SPEC §6).
    /// - Parameters:
    ///   - halfLife: the half-life in years of a tie's recency.
    public func collaborators(of focus: Int, by order: CollaboratorOrder = .tie(.papers), halfLife: Double = TieMetrics.defaultHalfLife,
                              metrics: MetricTable, top: Int = 0) -> RankingTable {
        let ties = TieMetrics.ties(of: focus, in: network, referenceYear: referenceYear, halfLife: halfLife)
        return RankingTable.collaborators(of: focus, in: network, metrics: metrics, ties: ties, by: order, top: top)
    }
}

// MARK: - Exports

/// The export formats of SPEC §7.
public enum ExportFormat: String, Sendable, CaseIterable {
    case graphml, gexf, dot, json, csv, pajek, vosviewer
    /// The JSON map VOSviewer Online opens.
    case vosviewerJSON = "vosviewer-json"

    /// Whether the destination is a folder that receives several files rather than one file.
    public var writesFolder: Bool {
        switch self {
        case .csv, .vosviewer: true
        default: false
        }
    }

    /// Whether the format can carry a map's layout (positions, sizes, colours).
    public var carriesLayout: Bool {
        switch self {
        // (The VOSviewer map file's `x` and `y` columns: `--layout` was refused for it, though
        // the file writes them and VOSviewer reads them; a user trial of session 63.)
        case .gexf, .dot, .pajek, .vosviewer, .vosviewerJSON: true
        default: false
        }
    }

    /// Whether a layout is made for it unless asked otherwise (up to a map's size): not for
    /// Pajek and the VOSviewer map file, whose programs lay networks out themselves.
    public var layoutByDefault: Bool { carriesLayout && self != .pajek && self != .vosviewer }
}

extension Analysis {
    /// The files of `format` for this network (SPEC §7), made in memory.
    /// - Parameters:
    ///   - layout: the rendered map's placements, for the formats that carry them.
    ///   - destination: the file (or, for `writesFolder` formats, the folder) to write;
    ///     nil is standard output, which `writesFolder` formats cannot use.
    /// - Precondition: a folder format has a destination.
    public func export(_ format: ExportFormat, metrics: MetricTable, layout: MapLayout? = nil,
                       destination: String?) -> [OutputFile] {
        precondition(!format.writesFolder || destination != nil, "\(format.rawValue) writes a folder of files")
        var settings = ExportSettings(toolVersion: CoauthorVersion.current, maxAuthors: request.network.maxAuthors,
                                      layout: format.carriesLayout ? layout : nil, level: level)
        if format == .vosviewerJSON { settings.averageYears = VOSviewerJSONFormatter.averageYears(datedCorpus()) }
        if format == .gexf { settings.activeYears = datedCorpus().activeYears }
        return format.formatter.init(settings).files(network, metrics: metrics).compactMap { file in
            file.place.path(for: destination).map { OutputFile(path: $0, bytes: file.bytes) }
        }
    }
}

// MARK: - Maps

extension Analysis {
    /// The drawing-ready map of the network: sizes, colours, labels, legend and title (SPEC §8).
    /// The title names the corpus by `label` unless `style` names it.
    /// - Precondition: `metrics` holds `style.sizeBy`, and communities when colouring by them.
    public func mapScene(metrics: MetricTable, style: MapStyle) -> MapScene {
        var style = style
        if style.corpusName.isEmpty { style.corpusName = label }
        style.level = level
        return MapSceneBuilder.scene(for: network, metrics: metrics, style: style)
    }

    /// What a map needs computed: its size metric (and `extra`), plus communities when
    /// colouring by them.
    public static func metricRequest(for style: MapStyle, seed: Int, extra: Set<Metric> = [],
                                     sampling: MetricRequest.Sampling? = nil) -> MetricRequest {
        MetricRequest(extra.union([style.sizeBy]),
                      communitySeed: style.coloring == .community ? UInt64(max(0, seed)) : nil, sampling: sampling)
    }
}

// MARK: - Summary

extension Analysis {
    /// The publications within the network's years (`--from`, `--to`), as `stats` and the
    /// report's summary count them: what was read stays the files' (`Corpus`).
    public struct PapersWithinYears: Sendable {
        public var publications = 0
        /// People per paper, over those papers: a person listed twice on a paper (the same name
        /// written twice, or two spellings identity made one) is one authorship, as the network,
        /// the papers per author and the collaboration indicators count them.
        public var authorships = 0
        /// Papers with more than one author.
        public var multiAuthor = 0
        /// Papers per year (those with a year).
        public var perYear: [Int: Int] = [:]
    }

    /// `PapersWithinYears` of this analysis.
    /// - Complexity: O(publications).
    public var papersWithinYears: PapersWithinYears {
        var within = PapersWithinYears()
        let options = request.network
        let people = authors.authorsOfPublication
        // By index, so that no publication is copied.
        for index in corpus.publications.indices where options.includes(year: corpus.publications[index].year) {
            within.publications += 1
            within.authorships += people[index].count
            if let year = corpus.publications[index].year { within.perYear[year, default: 0] += 1 }
            if corpus.publications[index].teamSize(listed: people[index].count) > 1 { within.multiAuthor += 1 }
        }
        return within
    }
}

/// The corpus and graph summary of `coauthor stats` (SPEC §5, graph level).
public struct CorpusSummary: Sendable {
    /// The statistics in SPEC order, with SPEC's JSON keys; `per_year` is an object of years.
    public private(set) var entries: [(key: String, value: JSONValue)]

    /// Summarises `analysis`; `communitySeed` seeds the communities whose modularity is reported.
    ///
    /// Community detection, the longest part on a large graph, starts at once; beside it the
    /// corpus's numbers are taken, and then only the graph is kept for the graph's other numbers,
    /// so that an analysis handed over with `consume` is freed before the path searches allocate
    /// theirs (on DBLP, the publications, the author index and the tie columns are most of the memory).
    /// - Complexity: that of `GraphStatistics` (path lengths of the largest component).
    /// - Parameter normalization: the ties' normalisation the communities are found on (as the
    ///   metrics find them: `MetricRequest.normalization`); the other numbers keep the raw ties.
    /// - Parameter exactPathLengths: the mean path length from every author of the largest
    ///   component (else from a sample above `GraphStatistics.exactPathLengthLimit` authors, and
    ///   `path_length_sources` says how many).
    public init(_ analysis: consuming Analysis, communitySeed: UInt64, communities: CommunityOptions = CommunityOptions(),
                normalization: TieNormalization = .none, exactPathLengths: Bool = false) {
        let held = HeldAnalysis(consume analysis)
        let graph = held.analysis!.network.graph
        let filters = held.analysis!.network.filterDescription
        let units = held.analysis!.units
        let tied = normalization == .none ? nil : normalizedTies(graph, normalization, totals: tieTotals(held.analysis!.network, .papers))
        let stats = GraphStatistics(graph: graph, communitySeed: communitySeed, communities: communities, tied: tied,
                                    exactPathLengths: exactPathLengths) {
            held.facts = CorpusFacts(held.analysis!)
            // What the graph statistics do not read goes before they allocate.
            held.analysis = nil
            Heap.releaseFreePages()
        }
        let facts = held.facts!
        let authorships = facts.authorships
        let publications = facts.publications
        let years = facts.perYear.keys.sorted()
        func share(_ part: Int, of whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
        entries = [
            ("records", .integer(facts.records)),
            ("publications", .integer(publications)),
            ("authorships", .integer(authorships)),
            ("authors", .integer(stats.authors)),
            ("edges", .integer(stats.edges)),
            ("skipped", .integer(facts.skipped)),
            ("duplicates", .integer(facts.duplicates)),
            ("without_year", .integer(facts.withoutYear)),
            ("dropped_names", .integer(facts.droppedNames)),
            ("years", .object([("first", .integer(years.first)), ("last", .integer(years.last))])),
            ("per_year", .object(years.map { (String($0), .integer(facts.perYear[$0]!)) })),
            ("components", .integer(stats.components)),
            ("largest_component", .number(stats.largestComponentShare as Double?)),
            ("isolated", .integer(stats.isolated)),
            ("density", .number(stats.density as Double?)),
            ("mean_degree", .number(stats.meanDegree as Double?)),
            ("average_clustering", .number(stats.averageClustering as Double?)),
            ("transitivity", .number(stats.transitivity as Double?)),
            ("assortativity", .number(stats.assortativity as Double?)),
            ("modularity", .number(stats.modularity as Double?)),
        ]
        // The normalisation the communities were found on, where one was asked for (the
        // modularity is theirs: a user trial of session 52 could not tell from the output).
        if normalization != .none { entries.append(("normalization", .string(normalization.rawValue))) }
        // The filters the graph's numbers are within, where there are some (a user trial of
        // session 55 could not tell `--min-papers 2` from the output).
        if !filters.isEmpty { entries.append(("filters", .string(filters))) }
        entries += [
            ("diameter", .integer(stats.diameter)),
            ("average_path_length", .number(stats.averagePathLength as Double?)),
        ]
        // A mean path length from sampled sources says so, with how many (a user trial of session
        // 53 took the ACL Anthology's for exact: nothing said otherwise).
        if stats.pathLengthSources < stats.largestComponentSize && stats.largestComponentSize > 1 {
            entries.append(("path_length_sources", .integer(stats.pathLengthSources)))
        }
        entries += [
            ("papers_per_author", .number(facts.papersOfNodes.map { share($0, of: stats.authors) } ?? share(authorships, of: stats.authors))),
            ("authors_per_paper", .number(share(authorships, of: publications))),
            ("multi_author_share", .number(share(facts.multiAuthor, of: publications))),
        ]
        let indicators = facts.indicators
        let collaboration = indicators.collaboration
        func value(_ x: Double) -> JSONValue { .number(x.isNaN ? nil : x) }
        entries += [
            ("collaboration_index", value(collaboration.collaborationIndex)),
            ("degree_of_collaboration", value(collaboration.degreeOfCollaboration)),
            ("collaborative_coefficient", value(collaboration.collaborativeCoefficient)),
            ("modified_collaborative_coefficient", value(collaboration.modifiedCollaborativeCoefficient)),
            ("international_share", value(indicators.internationalShare)),
            ("citations", .integer(indicators.citations)),
            ("h_index", .integer(indicators.hIndex)),
        ]
        if let units, let people = facts.people {
            // The nodes are units: say which, how many, and which papers name none; `authors`
            // stays the number of people.
            if let i = entries.firstIndex(where: { $0.key == "authors" }) { entries[i].value = .integer(people) }
            if let i = entries.firstIndex(where: { $0.key == "papers_per_author" }) {
                entries[i].value = .number(share(authorships, of: people))
            }
            entries += [
                ("level", .string(units.level.rawValue)),
                ("units", .integer(stats.authors)),
                ("without_units", .integer(units.withoutUnits)),
                ("without_affiliations", .integer(units.withoutAffiliations)),
                ("with_unplaced_affiliations", .integer(units.withUnplacedAffiliations)),
            ]
        }
    }

    /// The analysis while its corpus's numbers are taken beside community detection, and those
    /// numbers: the only reference to the analysis, so that setting it to nil frees it.
    /// Unchecked: written by the one thread that runs `GraphStatistics`'s `beside`, read by the
    /// caller only after `GraphStatistics` returned (its threads joined).
    private final class HeldAnalysis: @unchecked Sendable {
        var analysis: Analysis?
        var facts: CorpusFacts?

        init(_ analysis: consuming Analysis) { self.analysis = consume analysis }
    }

    /// What the summary reads of the corpus and its authors (everything but the graph).
    private struct CorpusFacts {
        var records: Int
        var publications: Int
        var authorships: Int
        var skipped: Int
        var duplicates: Int
        var withoutYear: Int
        var droppedNames: Int
        var perYear: [Int: Int] = [:]
        var multiAuthor = 0
        var indicators: NodeIndicators.Totals
        /// The people behind the units, at institution and country level.
        var people: Int?
        /// Where nodes are left out (`--min-papers`, an ego network), the papers of the nodes
        /// shown, author by author: papers per author is theirs.
        var papersOfNodes: Int?

        /// The publications, authorships, years and shares are those of the papers within the
        /// year filters (`--from`, `--to`), as the network and the collaboration indicators are
        /// (a user trial of session 50: `--from 2015 --to 2019` gave the corpus's 71 papers
        /// beside the network's 183 authors, and papers per author 391/183); what was read
        /// (records, skipped, duplicates, without year, dropped names) is the files'.
        init(_ analysis: borrowing Analysis) {
            let corpus = analysis.corpus
            let options = analysis.request.network
            records = corpus.records
            skipped = corpus.skipped
            duplicates = corpus.duplicates
            withoutYear = corpus.withoutYear
            droppedNames = corpus.droppedNames
            let within = analysis.papersWithinYears
            publications = within.publications
            authorships = within.authorships
            multiAuthor = within.multiAuthor
            perYear = within.perYear
            // The corpus's totals alone: `stats` shows no year's.
            indicators = analysis.indicators(nodes: false, years: false).corpus
            // The people behind the units, on the papers within the years.
            let byPaper = analysis.authors.authorsOfPublication
            people = analysis.units == nil ? nil
                : Set(corpus.publications.indices.lazy.filter { options.includes(year: corpus.publications[$0].year) }.flatMap { byPaper[$0] }).count
            if analysis.units == nil, (options.minPapers ?? 1) > 1 || options.radius != nil {
                papersOfNodes = analysis.network.papers.reduce(0, +)
            }
        }
    }

    /// The JSON object of SPEC §5.
    public func json() -> String {
        JSONValue.object(entries.map { ($0.key, $0.value) }).text() + "\n"
    }

    /// A two-column table (statistic, value) without the per-year counts; missing values are `–`.
    ///
    /// At institution and country level the graph's rows are the units', and `authors` the people
    /// behind them: the level and units come before the edges, and the rows say whose they are
    /// (a user trial of session 51 read `authors 25` beside `edges 22` as the graph's).
    public func table() -> String {
        var table = TextTable(headers: ["statistic", "value"], alignments: [.left, .right])
        var rows = entries.filter { $0.key != "per_year" }
        if case .string(let name)? = rows.first(where: { $0.key == "level" })?.value, let level = NetworkLevel(rawValue: name), level != .author {
            let unitRows = rows.filter { ["level", "units"].contains($0.key) }
            rows.removeAll { ["level", "units"].contains($0.key) }
            rows.insert(contentsOf: unitRows, at: rows.firstIndex { $0.key == "edges" } ?? rows.endIndex)
            for index in rows.indices {
                switch rows[index].key {
                case "authors": rows[index].key = "authors (people)"
                case "units": rows[index].key = "units (\(level.plural))"
                case "edges": rows[index].key = "edges (between \(level.plural))"
                case "isolated": rows[index].key = "isolated \(level.plural)"
                case "papers_per_author", "authors_per_paper": rows[index].key += " (people)"
                default: break
                }
            }
        }
        // What the rows measure where their keys alone leave it open: a share, and the path
        // figures of the largest component alone (a user trial of session 59 read `diameter 1`
        // of a corpus of 192 components as the whole network's).
        for index in rows.indices {
            switch rows[index].key {
            case "largest_component": rows[index].key = "largest_component (share of nodes)"
            case "diameter", "average_path_length": rows[index].key += " (largest component)"
            default: break
            }
        }
        for (key, value) in rows { table.append([key, Self.display(value)]) }
        return table.plain()
    }

    private static func display(_ value: JSONValue) -> String {
        switch value {
        case .integer(let i): String(i)
        case .string(let text): text
        case .number(let d): RankingTable.fixed(d, decimals: d.isFinite && abs(d) < 100 ? RankingTable.decimals(largest: abs(d)) : 4)
        case .object(let members): members.map { "\($0.0) \(display($0.1))" }.joined(separator: ", ")
        case .null: "–"
        default: value.text()
        }
    }
}

// MARK: - Identity

/// The identity report of `coauthor names`: every merge with its evidence, every near miss kept apart.
public struct IdentityReport: Sendable {
    public let resolved: ResolvedCorpus

    public init(_ resolved: ResolvedCorpus) { self.resolved = resolved }

    public func json() -> String {
        let index = resolved.authors
        let merges = index.merges.map { merge in
            JSONValue.object([("variant", .string(merge.variant)), ("into", .string(merge.into)), ("reason", .string(merge.reason))])
        }
        let nearMisses = index.nearMisses.map { miss in
            JSONValue.object([("variant", .string(miss.variant)), ("candidates", .array(miss.candidates.map { .string($0) })),
                              ("reason", .string(miss.reason))])
        }
        return JSONValue.object([
            ("identity", .string(resolved.request.identity.rawValue)),
            ("name_variants", .integer(index.variantCount)),
            ("people", .integer(index.names.count)),
            ("names", .array(index.names.map { .string($0) })),
            ("merges", .array(merges)),
            ("kept_apart", .array(nearMisses)),
        ]).text() + "\n"
    }

    public func text() -> String {
        let index = resolved.authors
        var lines: [String] = []
        lines.append("\(index.variantCount) name variant\(index.variantCount == 1 ? "" : "s"), \(index.names.count) \(index.names.count == 1 ? "person" : "people") (identity: \(resolved.request.identity.rawValue))")
        lines.append("")
        lines.append("Merged (\(index.merges.count)):")
        for merge in index.merges.sorted(by: { ($0.into, $0.variant) < ($1.into, $1.variant) }) {
            lines.append("  \(merge.variant) → \(merge.into)  [\(merge.reason)]")
        }
        lines.append("")
        // Made once (`AuthorIndex.nearMisses` makes the lines of people only IDs tell apart when read).
        let keptApart = index.nearMisses
        lines.append("Kept apart (\(keptApart.count)):")
        for miss in keptApart.sorted(by: { $0.variant < $1.variant }) {
            lines.append("  \(miss.variant) ≠ \(miss.candidates.joined(separator: ", "))  [\(miss.reason)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `coauthor names --level institution`: the institutions the affiliations were read as (SPEC §4),
/// each with the spellings it was read under and how many affiliations wrote each: where a ROR
/// id, Web of Science's own names, an abbreviation or an alias file made several spellings one
/// institution, and where a spelling stayed an institution of its own.
public struct InstitutionNamesReport: Sendable {
    public let units: UnitIndex

    /// - Precondition: `units.level` is `.institution`.
    public init(_ units: UnitIndex) {
        precondition(units.level == .institution, "countries are found by name or code, not joined from spellings")
        self.units = units
    }

    /// The ROR id of unit `u`, or nil when it is known by its name.
    private func ror(_ u: Int) -> String? {
        units.keys[u].hasPrefix("ror:") ? String(units.keys[u].dropFirst(4)) : nil
    }

    private var spellingCount: Int { units.keys.indices.reduce(0) { $0 + units.spellingsWithCounts(ofUnit: $1).count } }

    private var summary: String {
        let count = units.keys.count
        return "\(count) \(count == 1 ? "institution" : "institutions") read under \(spellingCount) spelling\(spellingCount == 1 ? "" : "s") in the affiliations"
    }

    public func json() -> String {
        let list = units.keys.indices.map { u in
            JSONValue.object([
                ("name", .string(units.names[u])),
                ("ror", ror(u).map { .string($0) } ?? .null),
                ("spellings", .array(units.spellingsWithCounts(ofUnit: u).map {
                    .object([("spelling", .string($0.spelling)), ("affiliations", .integer($0.affiliations))])
                })),
            ])
        }
        return JSONValue.object([
            ("level", .string(units.level.rawValue)),
            ("institutions", .integer(units.keys.count)),
            ("spellings", .integer(spellingCount)),
            ("units", .array(list)),
        ]).text() + "\n"
    }

    /// The summary, then each institution read under several spellings (by name), its spellings
    /// most frequent first with their counts of affiliations.
    public func text() -> String {
        let several = units.keys.indices.filter { units.spellingsWithCounts(ofUnit: $0).count > 1 }
            .sorted { (units.names[$0], $0) < (units.names[$1], $1) }
        var lines = [summary, "", "Read under several spellings (\(several.count)):"]
        for u in several {
            let spellings = units.spellingsWithCounts(ofUnit: u).map { "\($0.spelling.withoutControlCharacters) (\($0.affiliations))" }
            lines.append("  \(units.names[u]): \(spellings.joined(separator: ", "))" + (ror(u).map { "  [ROR \($0)]" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

// MARK: - Time

/// Which view of collaboration over time (SPEC §6).
public enum TimelineView: Sendable, Equatable {
    /// The focus author's years.
    case focus
    /// The whole corpus's years.
    case corpus
    /// One row per slice of years; exact betweenness only in slices of at most
    /// `betweennessNodeLimit` authors (nil: always).
    case slices(SliceSpec, betweennessNodeLimit: Int?)
    /// Every tie with its history; recency halves every `halfLife` years.
    case ties(halfLife: Double)
}

/// Why a timeline could not be made.
public enum TimelineError: Error, Sendable, Equatable {
    /// The focus view needs a focus author, and the network has none.
    case noFocus
    /// No publication has a year.
    case noYears
}

extension Analysis {
    /// The table of a timeline view (SPEC §6).
    /// - Throws: `TimelineError.noFocus` for the focus view of a network without a focus author.
    public func timelineTable(_ view: TimelineView) throws(TimelineError) -> RankingTable {
        switch view {
        case .focus:
            guard let focus = network.focus else { throw .noFocus }
            return TimelineTables.focus(FocusTimeline.rows(focus: focus, network: network, corpus: datedCorpus()))
        case .corpus:
            return TimelineTables.corpus(CorpusTimeline.rows(corpus: datedCorpus(), network: network), indicators: indicators(nodes: false).perYear,
                                         level: level)
        case .slices(let spec, let limit):
            return TimelineTables.slices(sliceRows(spec, betweennessNodeLimit: limit))
        case .ties(let halfLife):
            return TimelineTables.edges(network, ties: TieMetrics.edges(of: network, referenceYear: referenceYear, halfLife: halfLife))
        }
    }

    /// How many of the focus's papers (within the filters) have no year, and how many it has:
    /// the focus timeline's rows leave out the undated ones (a user trial of session 63 read 3
    /// papers in the rows of an author the note had said had 5). Nil without a focus.
    /// - Complexity: that of the focus timeline's rows.
    public func focusPapersWithoutYear() -> (undated: Int, papers: Int)? {
        guard let focus = network.focus else { return nil }
        let dated = FocusTimeline.rows(focus: focus, network: network, corpus: datedCorpus()).reduce(0) { $0 + $1.papers }
        return (network.papers[focus] - dated, network.papers[focus])
    }

    /// The rows of a sliced timeline.
    public func sliceRows(_ spec: SliceSpec, betweennessNodeLimit: Int?) -> [SliceRow] {
        let (graphs, node) = sliceGraphs()
        return TimeSlices.rows(graphs, spec: spec, focus: network.focus.map { node[$0] }, betweennessNodeLimit: betweennessNodeLimit)
    }

    /// The graphs of ranges of years, built from the ties' years rather than the publications,
    /// and each network node's node in them. `--min-papers` and `--radius` apply within each
    /// slice, as `--from` and `--to` would apply them: the slices are then made of the network
    /// without those two filters (built again, its nodes numbered otherwise), which each slice
    /// applies to its own years.
    public func sliceGraphs() -> (graphs: SliceGraphs, node: [Int]) {
        let options = request.network
        let filtersWithin = (options.minPapers ?? 1) > 1 || (options.radius != nil && network.focus != nil)
        var wide = network
        if filtersWithin {
            var unfiltered = options
            (unfiltered.minPapers, unfiltered.radius) = (nil, nil)
            // The same publications and people as the network: only fewer filters, which leave
            // more in, never fewer, so this cannot fail where the network was built.
            if let built = try? NetworkBuilder.build(publications: corpus.publications, authors: authors, units: units, options: unfiltered),
               built.focus != nil || network.focus == nil {
                wide = built
            }
        }
        let corpus = DatedCorpus(publications: self.corpus.publications, authors: authors, members: units?.memberIndex,
                                 network: wide, options: options)
        let ego = options.radius.flatMap { radius in wide.focus.map { (focus: $0, radius: radius) } }
        var node = Array(0..<network.nodeCount)
        if filtersWithin {
            // Through the people (or units): each is a node of both networks or of the wider alone.
            let members = units?.memberIndex ?? authors
            for (v, w) in zip(network.nodes(of: members), wide.nodes(of: members)) where v >= 0 && w >= 0 { node[Int(v)] = Int(w) }
        }
        return (SliceGraphs(corpus: corpus, weighting: options.weighting, level: level, maxAuthors: options.maxAuthors,
                            minWeight: options.minWeight, minPapers: options.minPapers, ego: ego), node)
    }

    /// The chart of the focus author's years, or of the corpus's (SPEC §6), as SVG.
    /// - Throws: `TimelineError.noFocus` for `.focus` without a focus author.
    /// - Precondition: `view` is `.focus` or `.corpus`.
    public func timelineChart(_ view: TimelineView) throws(TimelineError) -> String {
        switch view {
        case .focus:
            guard let focus = network.focus else { throw .noFocus }
            let rows = FocusTimeline.rows(focus: focus, network: network, corpus: datedCorpus())
            return TimelineCharts.focus(rows, author: network.names[focus], corpus: label, level: level).svg()
        case .corpus:
            return TimelineCharts.corpus(CorpusTimeline.rows(corpus: datedCorpus(), network: network), corpus: label, level: level).svg()
        case .slices, .ties:
            preconditionFailure("only the focus author's and the corpus's years are drawn as a chart")
        }
    }
}
