import ArgumentParser
import CoauthorCore
import CoauthorRender
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the network with every metric for Gephi, Cytoscape, networkx, igraph, Pajek or VOSviewer.",
        discussion: """
            graphml, gexf, dot and json write one file (standard output without -o). pajek writes the .net file \
            and, beside it, a .clu file of the communities with the same base name (only the .net file without -o). \
            csv writes nodes.csv and edges.csv, and vosviewer writes map.txt and network.txt, into the folder -o names; \
            vosviewer-json writes the one JSON file VOSviewer Online opens.
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "The file format.")
    var format: ExportFormat = .graphml

    @Option(name: .shortAndLong, help: "The file to write (a folder for csv and vosviewer). Default: standard output.")
    var output: String?

    @Option(help: ArgumentHelp(
        "The metrics to compute and export: all, none, or a comma-separated list of metrics and 'community'.",
        valueName: "list"))
    var metrics = "all"

    @Option(help: "Seed for community detection.")
    var seed = 1

    @Flag(help: .hidden)
    var timing = false

    func validate() throws {
        _ = try selection()
        if format.writesFolder && output == nil {
            throw ValidationError("--format \(format.rawValue) writes several files; name their folder with -o FOLDER.")
        }
    }

    /// The metrics and whether communities are wanted, from `--metrics`.
    private func selection() throws -> (metrics: Set<Metric>, community: Bool) {
        let words = metrics.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if words == ["all"] { return (Set(Metric.allCases), true) }
        if words == ["none"] { return ([], false) }
        var chosen: Set<Metric> = []
        var community = false
        for word in words {
            if word == "community" {
                community = true
            } else if let metric = Metric(rawValue: word) {
                chosen.insert(metric)
            } else {
                let known = (Metric.allCases.map(\.rawValue) + ["community"]).joined(separator: ", ")
                throw ValidationError("--metrics: '\(word)' is not a metric; use all, none, or a list of: \(known).")
            }
        }
        return (chosen, community)
    }

    @Flag(help: "Lay the network out as `render` would and store the positions, sizes and colours (GEXF, DOT, Pajek, VOSviewer JSON). On by default for GEXF, DOT and VOSviewer JSON up to 2,000 authors.")
    var layout = false

    @Flag(help: "Never compute a layout for the export.")
    var noLayout = false

    /// Whether to lay the network out for this export.
    private func wantsLayout(_ network: CoauthorNetwork) -> Bool {
        guard !noLayout, format == .gexf || format == .dot || format == .pajek || format == .vosviewerJSON else { return false }
        return layout || (format != .pajek && network.nodeCount <= MapStyle().maxNodes)
    }

    /// The rendered map's placement of every drawn author (the map's own rules: above
    /// --max-nodes only the strongest part is drawn, the rest have no placement).
    private func mapLayout(_ loaded: Loaded, metrics: MetricTable) throws -> MapLayout {
        var style = MapStyle()
        style.corpusName = loaded.label
        let scene = MapSceneBuilder.scene(for: loaded.network, metrics: metrics, style: style)
        let points: [LayoutPoint]
        do {
            points = try MapRenderer.layout(scene, options: RenderOptions(seed: seed))
        } catch {
            Console.error("cannot lay the network out: \(error); export without it with --no-layout")
            throw ExitCode.failure
        }
        var placements = [MapLayout.Placement?](repeating: nil, count: loaded.network.nodeCount)
        for (node, point) in zip(scene.nodes, points) {
            guard let v = Int(node.id.dropFirst()) else { continue }
            // Graphviz positions are in points; diameters in inches.
            placements[v] = MapLayout.Placement(x: point.x, y: point.y, diameter: node.diameter * 72, color: node.fill)
        }
        return MapLayout(placements: placements)
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = try Pipeline.load(analysis)
        let loadedAt = clock.now
        let (chosen, community) = try selection()
        let table = analysis.metricTable(for: loaded.network, metrics: chosen,
                                         communitySeed: community ? UInt64(max(0, seed)) : nil)
        let computedAt = clock.now

        let placements = wantsLayout(loaded.network) ? try mapLayout(loaded, metrics: table) : nil
        var files = outputs(loaded.network, metrics: table, layout: placements)
        if format == .vosviewerJSON {
            let dated = DatedCorpus(publications: loaded.corpus.publications, authors: loaded.authors,
                                    network: loaded.network, options: analysis.networkOptions)
            files = [(output, VOSviewerJSONFormatter(layout: placements, averageYears: VOSviewerJSONFormatter.averageYears(dated))
                        .format(loaded.network, metrics: table))]
        }
        let formattedAt = clock.now
        for file in files {
            try Pipeline.emit(file.bytes, to: file.path)
        }
        if timing {
            func seconds(_ duration: Duration) -> String {
                let (whole, fraction) = duration.components
                return String(format: "%.3f", Double(whole) + Double(fraction) * 1e-18)
            }
            let written = files.reduce(0) { $0 + $1.bytes.count }
            Console.err("timing: load \(seconds(loadedAt - started)) s, metrics \(seconds(computedAt - loadedAt)) s, "
                        + "format \(seconds(formattedAt - computedAt)) s, write \(seconds(clock.now - formattedAt)) s, "
                        + "\(written) bytes\n")
        }
        // Kept alive to the exit, which then frees nothing (see `Pipeline.finish`).
        withExtendedLifetime(loaded) { Pipeline.finish() }
    }

    /// Every file to write, made in memory before any is written so that a
    /// failure leaves earlier outputs as they were. A nil path is standard output.
    private func outputs(_ network: CoauthorNetwork, metrics: MetricTable, layout: MapLayout?) -> [(path: String?, bytes: [UInt8])] {
        let version = CoauthorVersion.current
        let maxAuthors = analysis.maxAuthors
        switch format {
        case .graphml:
            return [(output, GraphMLFormatter(toolVersion: version, maxAuthors: maxAuthors).bytes(network, metrics: metrics))]
        case .gexf:
            return [(output, GEXFFormatter(toolVersion: version, maxAuthors: maxAuthors, layout: layout).format(network, metrics: metrics))]
        case .dot:
            return [(output, DOTFormatter(toolVersion: version, maxAuthors: maxAuthors, layout: layout).format(network, metrics: metrics))]
        case .json:
            return [(output, NodeLinkJSONFormatter(toolVersion: version, maxAuthors: maxAuthors).format(network, metrics: metrics))]
        case .csv:
            let tables = CSVFormatter().format(network, metrics: metrics)
            return [(inFolder("nodes.csv"), tables.nodes), (inFolder("edges.csv"), tables.edges)]
        case .pajek:
            let files = PajekFormatter(toolVersion: version, maxAuthors: maxAuthors, layout: layout).format(network, metrics: metrics)
            guard let output else { return [(nil, files.network)] }
            var result: [(path: String?, bytes: [UInt8])] = [(output, files.network)]
            if let partition = files.partition {
                let base = output.hasSuffix(".net") ? String(output.dropLast(4)) : output
                result.append((base + ".clu", partition))
            }
            return result
        case .vosviewer:
            let files = VOSviewerFormatter().format(network, metrics: metrics)
            return [(inFolder("map.txt"), files.map), (inFolder("network.txt"), files.network)]
        case .vosviewerJSON:
            return []  // made in run(), which has the dated corpus for the scores
        }
    }

    private func inFolder(_ name: String) -> String {
        URL(fileURLWithPath: output ?? ".").appendingPathComponent(name).path
    }
}
