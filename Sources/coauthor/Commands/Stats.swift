import ArgumentParser
import CoauthorCore

struct Stats: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise the corpus and the graph: sizes, components, density, clustering, assortativity, modularity, path lengths.")

    // Each command declares its own options (format, output, seed …), as ArgumentParser wants:
    // the declarations are alike in shape from command to command, deliberately.
    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format.")
    var format: StatsFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(parsing: .unconditional, help: "Seed for community detection (modularity).")
    var seed = 1

    func validate() throws {
        try analysis.refuseOverwritingInputs(with: output)
        try AnalysisOptions.refuse(analysis.givenPathMetricOptions, by: "stats",
                                   because: "computes no betweenness, closeness or harmonic (its mean path length is exact up to "
                                       + "\(GraphStatistics.exactPathLengthLimit.formatted(.number)) authors in the largest component, sampled above)")
    }

    func run() throws {
        // Handed over, not kept: the summary frees what its graph statistics do not read. It
        // reads no tie's years, so the network is built without them.
        let loaded = try Session.analysis(analysis, keepingAlive: false, readingTieYears: false)
        var stopwatch = Stopwatch()
        let summary = CorpusSummary(consume loaded, communitySeed: UInt64(max(0, seed)), communities: analysis.communityOptions,
                                    normalization: analysis.normalize)
        stopwatch.lap("statistics")
        if Stopwatch.phasesWanted { Console.err("timing: \(stopwatch.summary)\n") }
        try Session.write(format == .json ? summary.json() : summary.table(), to: output)
    }
}
