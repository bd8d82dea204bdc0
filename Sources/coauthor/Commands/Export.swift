import ArgumentParser
import CoauthorCore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the network with every metric for Gephi, Cytoscape, networkx or igraph.")

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "The file format.")
    var format: ExportFormat = .graphml

    @Option(name: .shortAndLong, help: "The file to write. Default: standard output.")
    var output: String?

    @Option(help: "Seed for community detection.")
    var seed = 1

    func run() throws {
        let loaded = try Pipeline.load(analysis)
        let metrics = MetricTable(network: loaded.network, metrics: Set(Metric.allCases), communitySeed: UInt64(max(0, seed)))
        switch format {
        case .graphml:
            let text = GraphMLFormatter(toolVersion: CoauthorVersion.current, maxAuthors: analysis.maxAuthors)
                .format(loaded.network, metrics: metrics)
            try Pipeline.emit(Array(text.utf8), to: output)
        }
    }
}
