import CoauthorCore
import Foundation
import Testing

/// Tie metrics, the focus author's years and time slices on dblp-2016-sigmod, against
/// Scripts/networkx_time_fixtures.py (its own BibTeX reading, networkx for the metrics).
struct TimelineReferenceTests {
    static let source = Paths.datasets.appendingPathComponent("dblp-2016-sigmod/conf-sigmod.bib")
    /// The dataset lives beside the repository, not in it.
    static let available = FileManager.default.fileExists(atPath: source.path)

    static func fixture() throws -> [String: Any] {
        let url = Paths.fixtures.appendingPathComponent("time/sigmod.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func load() throws -> (CoauthorNetwork, DatedCorpus) {
        let corpus = try InputReader.read([source.path])
        let authors = AuthorResolver.resolve(corpus.publications, mode: .exact)
        var options = NetworkOptions()
        options.maxAuthors = 50
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options)
        return (network, DatedCorpus(publications: corpus.publications, authors: authors, network: network, options: options))
    }

    static func double(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
    static func int(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue }

    @Test(.enabled(if: available, "needs ../shared/datasets/dblp-2016-sigmod"))
    func tieMetricsAndFocusYears() throws {
        let expected = try Self.fixture()
        let (network, dated) = try Self.load()
        #expect(network.nodeCount == Self.int(expected["nodes"]))
        #expect(network.edgeCount == Self.int(expected["edges"]))
        let focus = try #require(network.focus)
        #expect(network.names[focus] == expected["focus"] as? String)

        let referenceYear = network.lastYear.compactMap { $0 }.max()
        #expect(referenceYear == Self.int(expected["last_year"]))
        let ties = TieMetrics.ties(of: focus, in: network, referenceYear: referenceYear, halfLife: 3)
        // The script keys authors by its identity key, in which initials lose their periods
        // (`Michael J Franklin`); our display name keeps the printed form (`Michael J. Franklin`).
        func key(_ name: String) -> String {
            name.split(whereSeparator: { $0 == " " || $0 == "." }).joined(separator: " ")
        }
        let expectedTies = try #require(expected["ties"] as? [String: [String: Any]])
        #expect(ties.count == expectedTies.count)
        for tie in ties {
            let name = network.names[tie.coauthor]
            let reference = try #require(expectedTies[name] ?? expectedTies[key(name)], "\(name) is no collaborator in networkx")
            #expect(tie.papers == Self.int(reference["papers"]), "\(name)")
            #expect(tie.firstYear == Self.int(reference["first_year"]) && tie.lastYear == Self.int(reference["last_year"]), "\(name)")
            #expect(tie.span == Self.int(reference["span"]) && tie.activeYears == Self.int(reference["active_years"]), "\(name)")
            #expect(close(tie.recency, Self.double(reference["recency"])!, relative: 1e-12), "\(name)")
        }

        let rows = FocusTimeline.rows(focus: focus, network: network, corpus: dated)
        let expectedYears = try #require(expected["focus_years"] as? [[String: Any]])
        #expect(rows.count == expectedYears.count)
        for (row, reference) in zip(rows, expectedYears) {
            #expect(row.year == Self.int(reference["year"]))
            #expect([row.papers, row.coauthors, row.new, row.returning, row.cumulative, row.solo]
                == ["papers", "coauthors", "new", "returning", "cumulative", "solo"].map { Self.int(reference[$0]) })
            #expect(row.team.map { close($0, Self.double(reference["team"])!, relative: 1e-12) } ?? (reference["team"] is NSNull))
        }
    }

    @Test(.enabled(if: available, "needs ../shared/datasets/dblp-2016-sigmod"))
    func slices() throws {
        let expected = try Self.fixture()
        let (network, dated) = try Self.load()
        let graphs = SliceGraphs(corpus: dated, weighting: .count, maxAuthors: 50)
        let rows = TimeSlices.rows(graphs, spec: .sliding(window: Self.int(expected["window"])!, step: Self.int(expected["step"])!),
                                   focus: network.focus, betweennessNodeLimit: nil)
        let references = try #require(expected["slices"] as? [[String: Any]])
        #expect(rows.count == references.count)
        for (row, reference) in zip(rows, references) {
            let label = "\(row.from)–\(row.to)"
            #expect(row.from == Self.int(reference["from"]) && row.to == Self.int(reference["to"]), "\(label)")
            #expect(row.nodes == Self.int(reference["nodes"]) && row.edges == Self.int(reference["edges"]), "\(label)")
            #expect(row.components == Self.int(reference["components"]), "\(label)")
            #expect(close(row.largestComponent, Self.double(reference["largest_component"])!, relative: 1e-12), "\(label)")
            guard let focus = reference["focus"] as? [String: Any] else {
                #expect(row.focus == nil, "\(label)")
                continue
            }
            let mine = try #require(row.focus, "\(label)")
            // networkx's values give the range of ranks the focus's value could take within
            // rounding; equal values share the first of them (1 + the nodes above).
            func within(_ rank: Int?, _ key: String) -> Bool {
                guard let rank, let range = focus[key] as? [NSNumber], range.count == 2 else { return false }
                return rank == range[0].intValue
            }
            #expect(mine.degree == Self.int(focus["degree"]) && within(mine.degreeRank, "degree_rank"), "\(label)")
            #expect(close(mine.strength, Self.double(focus["strength"])!, relative: 1e-12) && within(mine.strengthRank, "strength_rank"), "\(label)")
            #expect(close(mine.betweenness ?? .nan, Self.double(focus["betweenness"])!, relative: 1e-9), "\(label)")
            #expect(within(mine.betweennessRank, "betweenness_rank"), "\(label)")
            #expect(close(mine.pagerank, Self.double(focus["pagerank"])!, relative: 1e-6) && within(mine.pagerankRank, "pagerank_rank"), "\(label)")
        }
    }
}
