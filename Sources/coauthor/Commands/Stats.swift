import ArgumentParser
import CoauthorCore

struct Stats: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise the corpus and the graph: sizes, components, density, clustering, assortativity, modularity, path lengths.")

    // Each command declares its own options (format, output, seed …), as ArgumentParser wants:
    // the declarations are alike in shape from command to command, deliberately.
    /// The shared options listed in the help: not --approximate and --budget (its path lengths are exact or left out).
    enum Shown: ShownOptions {
        static let network = ArgumentVisibility.default, sampling = ArgumentVisibility.hidden
        static let exact = ArgumentVisibility.default, communities = ArgumentVisibility.default
    }

    @OptionGroup var analysis: AnalysisOptions<Stats.Shown>

    @Option(name: .customLong("format"), help: "Output format (default: the one -o's extension names, .json; else table).")
    var givenFormat: StatsFormat?

    /// `--format`, else the one `-o`'s extension names, else a table (checked by `validate`).
    var format: StatsFormat { (try? OutputExtension.choose(givenFormat, output: output, plain: .table, command: "stats")) ?? .table }

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(parsing: .unconditional, help: "Seed for community detection (modularity).")
    var seed = 1

    func validate() throws {
        _ = try OutputExtension.choose(givenFormat, output: output, plain: StatsFormat.table, command: "stats")
        try analysis.refuseOverwritingInputs(with: output)
        try OptionRules.refuseSeed(seed)
        try analysis.refuseUnwritable(output, folder: false)
        // A focus without a radius leaves the network whole: nothing in it is the focus's.
        if analysis.focus != nil && analysis.radius == nil {
            throw ValidationError("--focus changes nothing in 'stats' without --radius K (the statistics of that author's ego network); add --radius or leave --focus out.")
        }
        // `--exact` asks for the mean path length from every author of the largest component.
        try OptionRules.refuse(analysis.givenPathMetricOptions.filter { $0 != "--exact" }, by: "stats",
                                   because: "computes no betweenness, closeness or harmonic (its mean path length is exact up to "
                                       + "\(GraphStatistics.exactPathLengthLimit.formatted(.number)) authors in the largest component, "
                                       + "sampled above unless --exact)")
    }

    func run() throws {
        // Handed over, not kept: the summary frees what its graph statistics do not read. It
        // reads no tie's years, so the network is built without them.
        let loaded = try Session.analysis(analysis, keepingAlive: false, readingTieYears: false)
        var stopwatch = Stopwatch()
        let summary = CorpusSummary(consume loaded, communitySeed: UInt64(max(0, seed)), communities: analysis.communityOptions,
                                    normalization: analysis.normalize, exactPathLengths: analysis.exact)
        if !analysis.quiet, case .integer(let sources) = summary.entries.first(where: { $0.key == "path_length_sources" })?.value {
            Console.note("average_path_length is the mean from \(sources) authors drawn at random in the largest component "
                + "(within about ±0.05 hops); --exact computes it from all of them")
        }
        stopwatch.lap("statistics")
        if Stopwatch.phasesWanted { Console.err("timing: \(stopwatch.summary)\n") }
        try Session.write(format == .json ? summary.json() : summary.table(), to: output)
    }
}
