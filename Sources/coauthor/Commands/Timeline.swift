import ArgumentParser
import CoauthorCore

/// Output formats of `timeline`.
enum TimelineFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, svg

    /// The table format, for every format but the chart.
    var tableFormat: TableFormat? { self == .svg ? nil : TableFormat(rawValue: rawValue) }
}

struct Timeline: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how collaboration grew year by year: a table or a chart.",
        discussion: """
            By default, the focus author's years: papers (theirs that year), coauthors (distinct collaborators \
            that year), new (met that year for the first time), returning (met in an earlier year too), cumulative \
            (collaborators so far), solo (papers alone) and team (mean authors per paper); papers without a year are \
            left out, with a note. New and cumulative count from the first year the filters keep. --corpus gives the whole corpus's years instead; --slices (with --window W --step S, or --cumulative) \
            the graph of each range of years with the focus author's degree, strength, betweenness and PageRank \
            and their rank positions; --ties every tie of the network with its history.
            """
    )

    // Each command declares its own options (format, output, seed …), as ArgumentParser wants:
    // the declarations are alike in shape from command to command, deliberately.
    /// The shared options listed in the help: not those of sampling and communities (its slices' betweenness is exact).
    enum Shown: ShownOptions {
        static let network = ArgumentVisibility.default, sampling = ArgumentVisibility.hidden
        static let exact = ArgumentVisibility.hidden, communities = ArgumentVisibility.hidden
    }

    @OptionGroup var analysis: AnalysisOptions<Timeline.Shown>

    @Option(name: .customLong("format"),
            help: "Output format (svg: a chart of the focus author's or the corpus's years; default: the one -o's extension names, .csv .json .svg; else table).")
    var givenFormat: TimelineFormat?

    /// `--format`, else the one `-o`'s extension names, else a table (checked by `validate`).
    var format: TimelineFormat { (try? OutputExtension.choose(givenFormat, output: output, plain: .table, command: "timeline")) ?? .table }

    @Flag(help: "Show the whole corpus per year instead of the focus author.")
    var corpus = false

    @Flag(help: "Show one row per time slice (default: --window 5 --step 1).")
    var slices = false

    @Option(parsing: .unconditional, help: "Years per slice: graphs of the years [y, y+W−1].")
    var window: Int?

    @Option(parsing: .unconditional, help: "Years between the starts of consecutive slices.")
    var step = 1

    @Flag(help: "Slices of every year up to y instead of sliding windows.")
    var cumulative = false

    @Flag(help: "List every tie of the network with its first and last year, span, active years and recency.")
    var ties = false

    @Option(parsing: .unconditional, help: "Half-life in years of the recency of a tie.")
    var halfLife: Double = TieMetrics.defaultHalfLife

    @Option(parsing: .unconditional, help: "Compute exact betweenness in a slice only up to this many authors (0 = always; it takes O(n·m)).")
    var betweennessMaxNodes = Timeline.defaultBetweennessMaxNodes

    static let defaultBetweennessMaxNodes = 5000

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    var wantsSlices: Bool { slices || window != nil || cumulative }

    func validate() throws {
        _ = try OutputExtension.choose(givenFormat, output: output, plain: TimelineFormat.table, command: "timeline")
        try analysis.refuseOverwritingInputs(with: output)
        try analysis.refuseUnwritable(output, folder: false)
        let modes = [corpus, wantsSlices, ties].filter { $0 }.count
        if modes > 1 {
            // Named as typed: --window and --cumulative ask for slices too.
            let slicing = slices ? "--slices" : window != nil ? "--window" : "--cumulative"
            let given = [corpus ? "--corpus" : nil, wantsSlices ? slicing : nil, ties ? "--ties" : nil].compactMap { $0 }
            let why = slices || !wantsSlices ? "" : " (\(slicing) makes slices)"
            throw ValidationError("\(given.joined(separator: " and ")) ask for different views\(why); choose one of --corpus, --slices and --ties.")
        }
        if window != nil && cumulative { throw ValidationError("--window and --cumulative are two kinds of slices; choose one.") }
        if let window, !(1...SliceSpec.maximumYears).contains(window) { throw ValidationError("--window must be from 1 to \(SliceSpec.maximumYears) years.") }
        if !(1...SliceSpec.maximumYears).contains(step) { throw ValidationError("--step must be from 1 to \(SliceSpec.maximumYears) years.") }
        if !(halfLife > 0) || !halfLife.isFinite { throw ValidationError("--half-life must be a positive number of years.") }
        if betweennessMaxNodes < 0 { throw ValidationError("--betweenness-max-nodes must be 0 (no limit) or more.") }
        // Options of one view given (other than their defaults) with another: they would change
        // nothing and say nothing.
        if step != 1 && !wantsSlices {
            throw ValidationError("--step is the years between the starts of slices: add --slices (or --window W, or --cumulative), or leave it out.")
        }
        if betweennessMaxNodes != Self.defaultBetweennessMaxNodes && !wantsSlices {
            throw ValidationError("--betweenness-max-nodes limits the betweenness of each slice: add --slices (or --window W, or --cumulative), or leave it out.")
        }
        if halfLife != TieMetrics.defaultHalfLife && !ties {
            throw ValidationError("--half-life sets the recency of the ties that --ties lists: add --ties, or leave it out.")
        }
        // The corpus's years and every tie are the whole network's: a focus alone changes neither
        // (with --radius it is the ego network's centre, and counts).
        if analysis.focus != nil && analysis.radius == nil && (corpus || ties) {
            throw ValidationError("--focus changes nothing in 'timeline \(corpus ? "--corpus" : "--ties")', which shows the whole network's "
                                  + "\(corpus ? "years" : "ties"); leave out \(corpus ? "--corpus" : "--ties") for the focus author's years, "
                                  + "use 'rank --focus NAME --by recency' for their ties, or add --radius K for the ego network's.")
        }
        try OptionRules.refuse(analysis.givenPathMetricOptions + analysis.givenCommunityOptions, by: "timeline",
                                   because: "computes its slices' betweenness exactly (up to --betweenness-max-nodes) and finds no communities")
        if format == .svg && (wantsSlices || ties) {
            let asked = givenFormat == nil ? "-o \(output ?? "") (an SVG chart)" : "--format svg"
            throw ValidationError("\(asked) draws the focus author's or the corpus's years; use table, csv or json for slices and ties.")
        }
    }

    /// The view these options ask for.
    private var view: TimelineView {
        if ties { return .ties(halfLife: halfLife) }
        if corpus { return .corpus }
        if wantsSlices {
            let spec: SliceSpec = cumulative ? .cumulative(step: step) : .sliding(window: window ?? 5, step: step)
            return .slices(spec, betweennessNodeLimit: betweennessMaxNodes == 0 ? nil : betweennessMaxNodes)
        }
        return .focus
    }

    func run() throws {
        let loaded = try Session.analysis(analysis)
        let view = self.view
        if analysis.focus == nil && !analysis.quiet && view.readsFocus, let focus = loaded.network.focus {
            Console.note(Self.defaultFocusNote(loaded.network, focus: focus, level: loaded.level))
        }
        // A timeline of papers without years has no rows: said so, not left an empty table.
        if loaded.network.referenceYear == nil && !analysis.quiet {
            Console.note("no publication in the network has a year, so the timeline has no rows; the records need a year (BibTeX 'year' or 'date')")
        } else if view == .focus, !analysis.quiet, let focus = loaded.network.focus, loaded.network.firstYear[focus] == nil {
            // The focus's papers have no year, where others do: an empty table said nothing (a user
            // trial of session 56).
            Console.note("no publication of \(loaded.network.names[focus]) has a year, so their timeline has no rows; "
                         + "the records need a year (BibTeX 'year' or 'date')")
        } else if view == .focus, !analysis.quiet, let focus = loaded.network.focus, let (undated, papers) = loaded.focusPapersWithoutYear(),
                  undated > 0 {
            // Some of them have none: the rows count fewer papers than the note above.
            Console.note("\(undated) of the \(papers) papers of \(loaded.network.names[focus]) \(undated == 1 ? "has" : "have") no year and "
                         + "\(undated == 1 ? "is" : "are") left out of the timeline's rows, and so are collaborators met on them alone; "
                         + "the records need a year (BibTeX 'year' or 'date')")
        }
        let text: String
        do {
            text = format == .svg ? try loaded.timelineChart(view) : try timelineTable(loaded, view)
        } catch {
            Console.error("no focus author; name one with --focus")
            throw ExitCode.dataError
        }
        try Session.write(text, to: output)
    }

    /// Whose years a timeline without --focus shows: its rows do not name them, and in an export
    /// where most authors have one paper the author with the most papers is one of many.
    static func defaultFocusNote(_ network: CoauthorNetwork, focus: Int, level: NetworkLevel = .author) -> String {
        let papers = network.papers[focus]
        let tied = network.papers.count { $0 == papers } - 1
        let count = papers == 1 ? "1 paper" : "\(papers) papers"
        let others = tied == 0 ? "" : tied == 1 ? ", as has 1 other" : ", as have \(tied) others"
        let unit = level.unitName
        return "the years of \(network.names[focus]), the \(unit) with the most papers (\(count)\(others)); "
            + "--focus NAME shows another \(unit)'s, --corpus the whole corpus's"
    }

    private func timelineTable(_ loaded: Analysis, _ view: TimelineView) throws(TimelineError) -> String {
        let table: RankingTable
        if case .slices(let spec, let limit) = view {
            let rows = loaded.sliceRows(spec, betweennessNodeLimit: limit)
            if !analysis.quiet, let focus = loaded.network.focus,
               rows.contains(where: { $0.focus != nil && $0.focus?.betweennessRank == nil }) {
                Console.note("betweenness of \(loaded.network.names[focus]) (or its rank) is left empty in slices above "
                    + "\(betweennessMaxNodes) authors; raise --betweenness-max-nodes (0 = no limit) to compute it")
            }
            table = TimelineTables.slices(rows)
        } else {
            table = try loaded.timelineTable(view)
        }
        guard let tableFormat = format.tableFormat else { preconditionFailure("validate() rejects svg here") }
        return table.formatted(tableFormat)
    }
}

extension TimelineView {
    /// Whether the view shows the focus author's values (their years, or their place in each slice).
    fileprivate var readsFocus: Bool {
        switch self {
        case .focus, .slices: true
        case .corpus, .ties: false
        }
    }
}
