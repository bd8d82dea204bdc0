import ArgumentParser
import CoauthorCore
import CoauthorRender
import Foundation

struct Export: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the network with every metric for Gephi, Cytoscape, networkx, igraph, Pajek or VOSviewer.",
        discussion: """
            graphml, gexf, dot and json write one file (standard output without -o). pajek writes the .net file \
            and, beside it, a .clu file of the communities with the same base name (only the .net file without -o). \
            csv writes nodes.csv and edges.csv, and vosviewer writes map.txt and network.txt, into the folder -o names; \
            vosviewer-json writes the one JSON file VOSviewer Online opens.
            """)

    // Each command declares its own options (format, output, seed …), as ArgumentParser wants:
    // the declarations are alike in shape from command to command, deliberately.
    @OptionGroup var analysis: AnalysisOptions<EveryOption>

    @Option(name: .customLong("format"), help: "The file format. Default: the one -o's extension names (.graphml, .gexf, .dot, .gv, .json, .net; another extension is refused); graphml without -o.")
    var formatOption: ExportFormat?

    /// The format asked for, else the one `-o`'s extension names (`-o network.gexf` wrote
    /// GraphML under that name: a hostile-input trial of session 55), else GraphML.
    var format: ExportFormat { formatOption ?? output.flatMap(Self.format(namedBy:)) ?? .graphml }

    /// The format a file's extension names, if one does.
    static func format(namedBy path: String) -> ExportFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "graphml": .graphml
        case "gexf": .gexf
        case "dot", "gv": .dot
        case "json": .json
        case "net": .pajek
        default: nil
        }
    }

    @Option(name: .shortAndLong, help: "The file to write (a folder for csv and vosviewer). Default: standard output.")
    var output: String?

    @Option(help: ArgumentHelp(
        "The metrics to compute and export: all (every graph metric and the communities), none, or a comma-separated list of metrics, 'community', 'indicators' (the collaboration indicators, citations and h-index) and 'all' (all,indicators: everything).",
        valueName: "list"),
        transform: Export.selection)
    var metrics = MetricSelection.all

    @Option(parsing: .unconditional, help: "Seed for community detection and for the sampling of --approximate.")
    var seed = 1

    @Flag(help: "Lay the network out as `render` would and store the positions, sizes and colours (GEXF, DOT, Pajek, VOSviewer map and JSON). On by default for GEXF, DOT and VOSviewer JSON up to 2,000 authors.")
    var layout = false

    @Flag(help: "Never compute a layout for the export.")
    var noLayout = false

    @Flag(help: .hidden)
    var timing = false

    @OptionGroup var cluster: ClusterOptions

    func validate() throws {
        try analysis.refuseOverwritingInputs(with: output)
        try OptionRules.refuseSeed(seed)
        // Without --format, a name whose extension is no export's would get GraphML under it
        // (`-o edges.csv`, `-o net.paj`: a review of session 55).
        if formatOption == nil, let output, output != "-" {
            let ext = (output as NSString).pathExtension.lowercased()
            if !ext.isEmpty, ext != "xml", Self.format(namedBy: output) == nil {
                throw ValidationError("-o \(output): export writes .graphml, .gexf, .dot or .gv, .json and .net files (csv and vosviewer a folder of them); "
                                      + "name the file with one of these extensions, or choose the format with --format.")
            }
        }
        // A file named for one format and asked for in another: which was meant is not known.
        if let asked = formatOption, !asked.writesFolder, let output, let named = Self.format(namedBy: output), named != asked,
           !(asked == .vosviewerJSON && named == .json) {
            throw ValidationError("-o \(output) names a .\((output as NSString).pathExtension) file, but --format \(asked.rawValue) writes another format; "
                                  + "name the file for its format, or leave --format out to write what the name says.")
        }
        if format.writesFolder && (output == nil || output == "-") {
            throw ValidationError("--format \(format.rawValue) writes several files; name their folder with -o FOLDER.")
        }
        // A folder named like one of its files (`-o nodes.csv`) is a file name mistaken for the
        // folder's (a user trial of session 52 found a folder `file.csv` made), unless it is one already.
        var isDirectory: ObjCBool = false
        if format.writesFolder, let output, ["csv", "txt"].contains((output as NSString).pathExtension.lowercased()),
           !(FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            let files = format == .csv ? "nodes.csv and edges.csv" : "map.txt and network.txt"
            throw ValidationError("--format \(format.rawValue) writes \(files) into a folder, which -o names: -o \(output) names a file; "
                                  + "name a folder instead, e.g. -o \(((output as NSString).deletingPathExtension as NSString).lastPathComponent).")
        }
        // Two flags that contradict, or a layout asked of a format that holds none, were taken in
        // silence (the last flag won; a hostile-input trial of session 57).
        if layout && noLayout { throw ValidationError("--layout and --no-layout contradict each other; choose one.") }
        if layout && !format.carriesLayout {
            throw ValidationError("--layout stores positions in GEXF, DOT, Pajek and VOSviewer exports; \(format.rawValue) holds none: drop --layout.")
        }
        try analysis.refuseUnwritable(output, folder: format.writesFolder)
    }

    /// The metrics and whether communities are wanted, from `--metrics`.
    struct MetricSelection {
        var metrics: Set<Metric>
        var community: Bool

        static let all = MetricSelection(metrics: Set(Metric.graphCases), community: true)
    }

    private static func selection(_ list: String) throws -> MetricSelection {
        let words = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if words == ["all"] { return .all }
        if words == ["none"] { return MetricSelection(metrics: [], community: false) }
        var chosen = MetricSelection(metrics: [], community: false)
        for word in words {
            if word == "community" {
                chosen.community = true
            } else if word == "all" {
                chosen.metrics.formUnion(MetricSelection.all.metrics)
                chosen.community = true
            } else if word == "indicators" {
                chosen.metrics.formUnion(Metric.allCases.filter(\.isIndicator))
            } else if let metric = Metric(rawValue: word) {
                chosen.metrics.insert(metric)
            } else {
                let known = (Metric.allCases.map(\.rawValue) + ["community", "indicators", "all"]).joined(separator: ", ")
                throw ValidationError("--metrics: '\(word)' is not a metric; use all, none, or a list of: \(known).")
            }
        }
        return chosen
    }

    /// Whether to lay the network out for this export.
    private func wantsLayout(_ network: CoauthorNetwork) -> Bool {
        guard !noLayout, format.carriesLayout else { return false }
        return layout || (format.layoutByDefault && network.nodeCount <= MapStyle().maxNodes)
    }

    func run() throws {
        var stopwatch = Stopwatch()
        let analysis = cluster.adjusted(analysis)
        let loaded = try Session.analysis(analysis)
        stopwatch.lap("load")
        if cluster.dryRun { return Console.out(cluster.dryRunReport(loaded.network.graph)) }
        let request = MetricRequest(metrics.metrics, communitySeed: metrics.community ? UInt64(max(0, seed)) : nil,
                                    sampling: analysis.sampling(seed: seed))
        let table = try cluster.distributed(over: loaded.network.graph) { analysis.metrics(request, of: loaded, seed: seed) }
        stopwatch.lap("metrics")
        var placements: MapLayout?
        if wantsLayout(loaded.network) {
            do {
                placements = try loaded.mapLayout(metrics: table, style: MapStyle(), seed: seed)
            } catch {
                Console.error("cannot lay the network out: \(error); export without it with --no-layout")
                throw ExitCode.failure
            }
        }
        let files = loaded.export(format, metrics: table, layout: placements, destination: output == "-" ? nil : output)
        stopwatch.lap("format")
        try analysis.refuseOverwritingInputs(withFiles: files)
        try Session.write(files)
        stopwatch.lap("write")
        if timing {
            Console.err("timing: \(stopwatch.summary), \(files.reduce(0) { $0 + $1.bytes.count }) bytes\n")
        }
    }
}
