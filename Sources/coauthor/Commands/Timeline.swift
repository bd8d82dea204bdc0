import ArgumentParser
import CoauthorCore

/// Output formats of `timeline`.
enum TimelineFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, svg
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how collaboration grew year by year: a table or a chart (SPEC §6).",
        discussion: """
            By default, the focus author's years: papers, coauthors, new, returning, cumulative, solo, team. \
            --corpus gives the whole corpus's years instead; --slices (with --window W --step S, or --cumulative) \
            the graph of each range of years with the focus author's degree, strength, betweenness and PageRank \
            and their rank positions; --ties every tie of the network with its history.
            """
    )

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format (svg: a chart of the focus author's or the corpus's years).")
    var format: TimelineFormat = .table

    @Flag(help: "Show the whole corpus per year instead of the focus author.")
    var corpus = false

    @Flag(help: "Show one row per time slice (default: --window 5 --step 1).")
    var slices = false

    @Option(help: "Years per slice: graphs of the years [y, y+W−1].")
    var window: Int?

    @Option(help: "Years between the starts of consecutive slices.")
    var step = 1

    @Flag(help: "Slices of every year up to y instead of sliding windows.")
    var cumulative = false

    @Flag(help: "List every tie of the network with its first and last year, span, active years and recency.")
    var ties = false

    @Option(help: "Half-life in years of the recency of a tie (SPEC §6).")
    var halfLife: Double = 3

    @Option(help: "Compute exact betweenness in a slice only up to this many authors (0 = always; it takes O(n·m)).")
    var betweennessMaxNodes = 5000

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    var wantsSlices: Bool { slices || window != nil || cumulative }

    func validate() throws {
        let modes = [corpus, wantsSlices, ties].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --corpus, --slices and --ties.") }
        if window != nil && cumulative { throw ValidationError("--window and --cumulative are two kinds of slices; choose one.") }
        if let window, window < 1 { throw ValidationError("--window must be at least 1 year.") }
        if step < 1 { throw ValidationError("--step must be at least 1 year.") }
        if !(halfLife > 0) || !halfLife.isFinite { throw ValidationError("--half-life must be a positive number of years.") }
        if betweennessMaxNodes < 0 { throw ValidationError("--betweenness-max-nodes must be 0 (no limit) or more.") }
        if format == .svg && (wantsSlices || ties) {
            throw ValidationError("--format svg draws the focus author's or the corpus's years; use table, csv or json for slices and ties.")
        }
    }

    func run() throws {
        let loaded = try Pipeline.load(analysis)
        let network = loaded.network
        let dated = DatedCorpus(publications: loaded.corpus.publications, authors: loaded.authors, network: network,
                                options: analysis.networkOptions)
        if ties {
            let referenceYear = network.lastYear.compactMap { $0 }.max()
            let table = TimelineTables.edges(network, ties: TieMetrics.edges(of: network, referenceYear: referenceYear, halfLife: halfLife))
            try emit(table)
        } else if corpus {
            let rows = CorpusTimeline.rows(corpus: dated, network: network)
            if format == .svg {
                try Pipeline.emit(Array(TimelineCharts.corpus(rows, corpus: loaded.label).svg().utf8), to: output)
            } else {
                try emit(TimelineTables.corpus(rows))
            }
        } else if wantsSlices {
            let spec: SliceSpec = cumulative ? .cumulative(step: step) : .sliding(window: window ?? 5, step: step)
            let graphs = SliceGraphs(corpus: dated, weighting: analysis.weight, maxAuthors: analysis.maxAuthors,
                                     minWeight: analysis.minWeight)
            let rows = TimeSlices.rows(graphs, spec: spec, focus: network.focus,
                                       betweennessNodeLimit: betweennessMaxNodes == 0 ? nil : betweennessMaxNodes)
            if !analysis.quiet, let focus = network.focus, rows.contains(where: { $0.focus != nil && $0.focus?.betweennessRank == nil }) {
                Console.err("note: betweenness of \(network.names[focus]) (or its rank) is left empty in slices above "
                    + "\(betweennessMaxNodes) authors; raise --betweenness-max-nodes (0 = no limit) to compute it\n")
            }
            try emit(TimelineTables.slices(rows))
        } else {
            guard let focus = network.focus else {
                Console.error("no focus author; name one with --focus")
                throw ExitCode.dataError
            }
            let rows = FocusTimeline.rows(focus: focus, network: network, corpus: dated)
            if format == .svg {
                let chart = TimelineCharts.focus(rows, author: network.names[focus], corpus: loaded.label)
                try Pipeline.emit(Array(chart.svg().utf8), to: output)
            } else {
                try emit(TimelineTables.focus(rows))
            }
        }
    }

    private func emit(_ table: RankingTable) throws {
        let text: String
        switch format {
        case .table: text = table.plain()
        case .csv: text = table.csv()
        case .json: text = table.json()
        case .svg: preconditionFailure("validate() rejects svg here")
        }
        try Pipeline.emit(Array(text.utf8), to: output)
    }
}
