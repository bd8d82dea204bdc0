import ArgumentParser
import CoauthorCore

struct Rank: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank authors by a metric, or with --focus, rank one author's collaborators.",
        discussion: """
            METRIC is one of: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")). With --focus, the tie metrics \
            \(TieMetric.allCases.map(\.rawValue).joined(separator: ", ")) can rank collaborators too (default: papers).
            """
    )

    // Each command declares its own options (format, output, seed …), as ArgumentParser wants:
    // the declarations are alike in shape from command to command, deliberately.
    /// The shared options listed in the help: not those of communities, which it ranks by none.
    enum Shown: ShownOptions {
        static let network = ArgumentVisibility.default, sampling = ArgumentVisibility.default
        static let exact = ArgumentVisibility.default, communities = ArgumentVisibility.hidden
    }

    @OptionGroup var analysis: AnalysisOptions<Rank.Shown>

    @Option(help: ArgumentHelp("The metric to rank by (default: pagerank; with --focus, papers).", valueName: "metric"),
            transform: Rank.order)
    var by: CollaboratorOrder?

    @Option(parsing: .unconditional, help: "How many rows to show (0 = all).")
    var top = 20

    @Option(name: .customLong("format"), help: "Output format (default: the one -o's extension names, .csv .json .md; else table).")
    var givenFormat: TableFormat?

    /// `--format`, else the one `-o`'s extension names, else a table (checked by `validate`).
    var format: TableFormat { (try? OutputExtension.choose(givenFormat, output: output, plain: .table, command: "rank")) ?? .table }

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(parsing: .unconditional, help: "Seed for the sampling of --approximate.")
    var seed = 1

    @Option(parsing: .unconditional, help: "With --focus, the half-life in years of a tie's recency.")
    var halfLife: Double = TieMetrics.defaultHalfLife

    @OptionGroup var cluster: ClusterOptions

    func validate() throws {
        _ = try OutputExtension.choose(givenFormat, output: output, plain: TableFormat.table, command: "rank")
        if analysis.focus == nil, case .tie(let tie) = by, Metric(rawValue: tie.rawValue) == nil {
            throw ValidationError("'\(tie.rawValue)' ranks one author's collaborators: name that author with --focus NAME, or rank authors by one of \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        try analysis.refuseOverwritingInputs(with: output)
        try OptionRules.refuseSeed(seed)
        try analysis.refuseUnwritable(output, folder: false)
        // No ranking metric reads communities (a user trial of session 53 saw these change nothing).
        try OptionRules.refuse(analysis.givenCommunityOptions, by: "rank", because: "ranks by no community")
        if top < 0 { throw ValidationError("--top must be 0 (all) or more.") }
        if !(halfLife > 0) || !halfLife.isFinite { throw ValidationError("--half-life must be a positive number of years.") }
        if halfLife != TieMetrics.defaultHalfLife && analysis.focus == nil {
            throw ValidationError("--half-life weighs the recency of one author's ties: name that author with --focus NAME, or leave it out.")
        }
    }

    private static func order(_ name: String) throws -> CollaboratorOrder {
        guard let order = CollaboratorOrder(name: name) else {
            let names = Metric.allCases.map(\.rawValue) + TieMetric.allCases.map(\.rawValue)
            let meant = Session.nearest(to: name, among: names).map { ": did you mean '\($0)'?" } ?? ""
            throw ValidationError("unknown metric '\(name)'\(meant); use one of \(Metric.allCases.map(\.rawValue).joined(separator: ", ")), "
                + "or with --focus a tie metric (\(TieMetric.allCases.map(\.rawValue).joined(separator: ", "))).")
        }
        return order
    }

    /// The node metric ranked by, if any (`papers` without --focus is the author's papers).
    private var rankedMetric: Metric? {
        switch by {
        case .metric(let metric): metric
        case .tie(let tie): analysis.focus == nil ? Metric(rawValue: tie.rawValue) : nil
        case nil: analysis.focus == nil ? .pagerank : nil
        }
    }

    func run() throws {
        let analysis = cluster.adjusted(analysis)
        let loaded = try Session.analysis(analysis)
        if cluster.dryRun { return Console.out(cluster.dryRunReport(loaded.network.graph)) }
        // Cheap metrics always; path-based ones only when they are the ranking.
        var wanted: Set<Metric> = [.papers, .degree, .strength, .pagerank, .eigenvector, .clustering, .core]
        if let metric = rankedMetric { wanted.insert(metric) }
        let metrics = try cluster.distributed(over: loaded.network.graph) {
            analysis.metrics(MetricRequest(wanted, sampling: analysis.sampling(seed: seed)), of: loaded, seed: seed)
        }
        if !analysis.quiet, let metric = rankedMetric { Session.noteWithoutData(metric, in: metrics, doing: "ranking") }
        let table: RankingTable
        if analysis.focus != nil, let focus = loaded.network.focus {
            table = loaded.collaborators(of: focus, by: by ?? .tie(.papers), halfLife: halfLife, metrics: metrics, top: top)
            // An empty table says why (a user trial of session 52 got one without a word).
            if table.rows.isEmpty && !analysis.quiet {
                let partners = loaded.level == .author ? "co-authors" : "partners"
                // (`--radius 0` keeps the focus alone: its partners are left out by the radius, not
                // missing; a hostile-input trial of session 57 was told no paper ties them.)
                if analysis.radius == 0 {
                    Console.note("--radius 0 keeps \(loaded.network.names[focus]) alone, so no \(partners) are listed; give --radius 1 or more to list them")
                } else {
                    Console.note("\(loaded.network.names[focus]) has no \(partners) in this network: no paper within the filters ties it to another "
                                 + "\(loaded.level.unitName) (its papers name none, or --max-authors or --min-weight leave their ties out)")
                }
            }
        } else {
            table = loaded.ranking(by: rankedMetric ?? .pagerank, metrics: metrics, top: top)
        }
        // What the ranking is within, where it is not the whole corpus (a user trial of session
        // 55 could not tell from the output).
        if !analysis.quiet, !loaded.network.filterDescription.isEmpty {
            Console.note("ranked within: \(loaded.network.filterDescription)")
        }
        try Session.write(table.formatted(format), to: output)
    }
}
