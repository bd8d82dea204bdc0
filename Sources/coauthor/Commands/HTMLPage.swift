import ArgumentParser
import CoauthorCore
import CoauthorRender

/// Makes the HTML report for `report` and `render --format html` (SPEC §9): lays the
/// scene out as the SVG map is laid out, then hands everything to the core's builder.
enum HTMLPage {
    /// The page's bytes.
    /// - Parameters:
    ///   - scene: the map `network.svg` draws (same style, same seed), so the page has its positions and colours.
    ///   - mapOnly: the map alone, without the dashboard.
    ///   - downloads: files written beside the page, linked from it.
    static func make(_ loaded: Loaded, metrics: MetricTable, scene: MapScene, analysis: AnalysisOptions, map: MapOptions,
                     mapOnly: Bool, downloads: [HTMLReportModel.Download] = []) throws -> [UInt8] {
        try makeWithLayout(loaded, metrics: metrics, scene: scene, analysis: analysis, map: map, mapOnly: mapOnly,
                           downloads: downloads).page
    }

    /// The page and the map's layout it was drawn from (for exports written beside it).
    static func makeWithLayout(_ loaded: Loaded, metrics: MetricTable, scene: MapScene, analysis: AnalysisOptions,
                               map: MapOptions, mapOnly: Bool,
                               downloads: [HTMLReportModel.Download] = []) throws -> (page: [UInt8], layout: MapLayout) {
        let network = loaded.network
        let points: [LayoutPoint]
        do {
            points = try MapRenderer.layout(scene, options: RenderOptions(engine: map.engine, seed: map.seed))
        } catch {
            Console.error("cannot lay the map out for the HTML page: \(error)")
            throw ExitCode.failure
        }
        let layout = HTMLReportBuilder.layout(scene: scene, centres: points.map { (x: $0.x, y: $0.y) },
                                              nodeCount: network.nodeCount)
        let dated = DatedCorpus(publications: loaded.corpus.publications, authors: loaded.authors, network: network,
                                options: analysis.networkOptions)
        var extras = HTMLReportBuilder.Extras(corpus: dated)
        extras.mapOnly = mapOnly
        extras.downloads = downloads
        if !mapOnly {
            extras.merges = loaded.authors.merges
            extras.keptApart = loaded.authors.nearMisses
            extras.statistics = statistics(loaded, metrics: metrics, seed: map.seed)
            if let focus = network.focus {
                extras.timeline = FocusTimeline.rows(focus: focus, network: network, corpus: dated)
                extras.timelineChart = TimelineCharts.focus(extras.timeline, author: network.names[focus], corpus: loaded.label).svg()
            }
        }
        var style = MapStyle()
        style.sizeBy = map.sizeBy
        style.coloring = map.colorBy
        style.labels = map.labels
        style.maxNodes = map.maxNodes
        style.corpusName = loaded.label
        let model = HTMLReportBuilder.model(network: network, metrics: metrics, style: style, layout: layout, extras: extras)
        return (HTMLReport.page(model), layout)
    }

    /// The corpus summary of `stats` (SPEC §5, graph level), as the page shows it.
    private static func statistics(_ loaded: Loaded, metrics: MetricTable, seed: Int) -> [HTMLReportModel.Statistic] {
        let corpus = loaded.corpus
        let stats = GraphStatistics(graph: loaded.network.graph, communitySeed: UInt64(max(0, seed)))
        var years: [Int] = []
        var multiAuthor = 0
        for index in corpus.publications.indices {
            if let year = corpus.publications[index].year { years.append(year) }
            if corpus.publications[index].authors.count > 1 { multiAuthor += 1 }
        }
        let publications = corpus.publications.count
        func real(_ x: Double, _ decimals: Int = 4) -> String { x.isFinite ? RankingTable.fixed(x, decimals: decimals) : "–" }
        var rows: [(String, String)] = [
            ("publications", "\(publications)"),
            ("authors", "\(stats.authors)"),
            ("co-authorship ties", "\(stats.edges)"),
        ]
        if let first = years.min(), let last = years.max() { rows.append(("years", first == last ? "\(first)" : "\(first)–\(last)")) }
        rows += [
            ("records read", "\(corpus.records)"),
            ("records skipped", "\(corpus.skipped)"),
            ("duplicates merged", "\(corpus.duplicates)"),
            ("without a year", "\(corpus.withoutYear)"),
            ("components", "\(stats.components)"),
            ("largest component", "\(stats.largestComponentSize) authors (\(real(stats.largestComponentShare * 100, 1)) %)"),
            ("isolated authors", "\(stats.isolated)"),
            ("density", real(stats.density, 6)),
            ("mean degree", real(stats.meanDegree, 3)),
            ("average clustering", real(stats.averageClustering)),
            ("transitivity", real(stats.transitivity)),
            ("degree assortativity", real(stats.assortativity)),
            ("modularity", real(stats.modularity)),
            ("diameter (largest component, hops)", "\(stats.diameter)"),
            ("average path length (hops)", real(stats.averagePathLength, 3)),
            ("authors per paper", publications > 0 ? real(Double(corpus.authorships) / Double(publications), 2) : "–"),
            ("share of multi-author papers", publications > 0 ? real(Double(multiAuthor) / Double(publications), 3) : "–"),
            ("weighting", loaded.network.weighting.rawValue),
        ]
        if !loaded.network.filterDescription.isEmpty { rows.append(("filters", loaded.network.filterDescription)) }
        return rows.map { HTMLReportModel.Statistic(name: $0.0, value: $0.1) }
    }
}
