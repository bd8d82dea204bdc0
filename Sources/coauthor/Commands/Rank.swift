import ArgumentParser
import CoauthorCore

struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank authors by a metric, or with --focus, rank one author's collaborators.",
        discussion: """
            METRIC is one of: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")). With --focus, the tie metrics \
            \(RankingTable.tieColumns.joined(separator: ", ")) can rank collaborators too (default: papers).
            """
    )

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "The metric to rank by (default: pagerank; with --focus, papers).")
    var by: String?

    @Option(help: "How many rows to show (0 = all).")
    var top = 20

    @Option(help: "Output format.")
    var format: TableFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "Seed for community detection.")
    var seed = 1

    @Option(help: "With --focus, the half-life in years of a tie's recency (SPEC §6).")
    var halfLife: Double = 3

    func validate() throws {
        guard let by else { return }
        if analysis.focus != nil {
            guard RankingTable.isCollaboratorKey(by) else {
                throw ValidationError("unknown ranking '\(by)'; use a tie metric (\(RankingTable.tieColumns.joined(separator: ", "))) or a metric (\(Metric.allCases.map(\.rawValue).joined(separator: ", "))).")
            }
        } else if Metric(rawValue: by) == nil {
            throw ValidationError("unknown metric '\(by)'; use one of \(Metric.allCases.map(\.rawValue).joined(separator: ", ")) (tie metrics need --focus).")
        }
        if top < 0 { throw ValidationError("--top must be 0 (all) or more.") }
        if !(halfLife > 0) || !halfLife.isFinite { throw ValidationError("--half-life must be a positive number of years.") }
    }

    func run() throws {
        let loaded = try Pipeline.load(analysis)
        let network = loaded.network
        // Cheap metrics always; path-based ones only when they are the ranking.
        var wanted: Set<Metric> = [.papers, .degree, .strength, .pagerank, .eigenvector, .clustering, .core]
        if let metric = by.flatMap(Metric.init(rawValue:)) { wanted.insert(metric) }
        let metrics = analysis.metricTable(for: network, metrics: wanted)
        let table: RankingTable
        if analysis.focus != nil, let focus = network.focus {
            let ties = TieMetrics.ties(of: focus, in: network, referenceYear: network.lastYear.compactMap { $0 }.max(),
                                        halfLife: halfLife)
            table = RankingTable.collaborators(of: focus, in: network, metrics: metrics, ties: ties, by: by ?? "papers", top: top)
        } else {
            table = RankingTable.authors(network, metrics: metrics, by: by.flatMap(Metric.init(rawValue:)) ?? .pagerank, top: top)
        }
        let text: String
        switch format {
        case .table: text = table.plain()
        case .csv: text = table.csv()
        case .json: text = table.json()
        case .markdown: text = table.markdown()
        }
        try Pipeline.emit(Array(text.utf8), to: output)
        // Kept alive to the exit, which then frees nothing (see `Pipeline.finish`).
        withExtendedLifetime(loaded) { Pipeline.finish() }
    }
}
