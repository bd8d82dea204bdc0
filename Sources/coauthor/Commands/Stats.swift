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

    @Option(help: "Seed for community detection (modularity).")
    var seed = 1

    func run() throws {
        let loaded = try Session.analysis(analysis)
        var stopwatch = Stopwatch()
        let summary = CorpusSummary(loaded, communitySeed: UInt64(max(0, seed)), communities: analysis.communityOptions)
        stopwatch.lap("statistics")
        if Stopwatch.phasesWanted { Console.err("timing: \(stopwatch.summary)\n") }
        try Session.write(format == .json ? summary.json() : summary.table(), to: output)
    }
}
