import ArgumentParser
import CoauthorCore

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise the corpus and the graph (SPEC §5, graph level).")

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format.")
    var format: StatsFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Seed for community detection (modularity).")
    var seed = 1

    func run() throws {
        let loaded = try Pipeline.load(analysis)
        let corpus = loaded.corpus
        let network = loaded.network
        let stats = PhaseTimes.measure("statistics") { GraphStatistics(graph: network.graph, communitySeed: UInt64(max(0, seed))) }
        var perYear: [Int: Int] = [:]
        var multiAuthor = 0
        // By index, so that no publication is copied.
        for index in corpus.publications.indices {
            if let year = corpus.publications[index].year { perYear[year, default: 0] += 1 }
            if corpus.publications[index].authors.count > 1 { multiAuthor += 1 }
        }
        let years = perYear.keys.sorted()
        let authorships = corpus.authorships
        let pairs: [(String, JSONValue)] = [
            ("records", .integer(corpus.records)),
            ("publications", .integer(corpus.publications.count)),
            ("authorships", .integer(authorships)),
            ("authors", .integer(stats.authors)),
            ("edges", .integer(stats.edges)),
            ("skipped", .integer(corpus.skipped)),
            ("duplicates", .integer(corpus.duplicates)),
            ("without_year", .integer(corpus.withoutYear)),
            ("years", .object([("first", .integer(years.first)), ("last", .integer(years.last))])),
            ("per_year", .object(years.map { (String($0), .integer(perYear[$0]!)) })),
            ("components", .integer(stats.components)),
            ("largest_component", .number(stats.largestComponentShare)),
            ("isolated", .integer(stats.isolated)),
            ("density", .number(stats.density)),
            ("mean_degree", .number(stats.meanDegree)),
            ("average_clustering", .number(stats.averageClustering)),
            ("transitivity", .number(stats.transitivity)),
            ("assortativity", .number(stats.assortativity)),
            ("modularity", .number(stats.modularity)),
            ("diameter", .integer(stats.diameter)),
            ("average_path_length", .number(stats.averagePathLength)),
            ("papers_per_author", .number(stats.authors > 0 ? Double(authorships) / Double(stats.authors) : nil)),
            ("authors_per_paper", .number(corpus.publications.isEmpty ? nil : Double(authorships) / Double(corpus.publications.count))),
            ("multi_author_share", .number(corpus.publications.isEmpty ? nil
                : Double(multiAuthor) / Double(corpus.publications.count))),
        ]
        let text: String
        switch format {
        case .json:
            text = JSONValue.object(pairs).text() + "\n"
        case .table:
            var table = TextTable(headers: ["statistic", "value"], alignments: [.left, .right])
            for (name, value) in pairs where name != "per_year" {
                table.append([name, Self.display(value)])
            }
            text = table.plain()
        }
        try Pipeline.emit(Array(text.utf8), to: output)
        // Kept alive to the exit, which then frees nothing (see `Pipeline.finish`).
        withExtendedLifetime(loaded) { Pipeline.finish() }
    }

    private static func display(_ value: JSONValue) -> String {
        switch value {
        case .integer(let i): String(i)
        case .number(let d): RankingTable.fixed(d, decimals: 4)
        case .object(let members): members.map { "\($0.0) \(display($0.1))" }.joined(separator: ", ")
        case .null: "–"
        default: value.text()
        }
    }
}
