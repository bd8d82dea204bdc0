import CoauthorCore

extension Analysis {
    /// The interactive page of the network (SPEC §9), from a scene already laid out at
    /// `positions` (the map `network.svg` draws: same style, same seed, so the page has its
    /// positions and colours).
    /// - Parameters:
    ///   - seed: seeds the communities whose modularity the summary reports.
    ///   - mapOnly: the map alone, without the dashboard.
    ///   - downloads: files written beside the page, linked from it.
    /// - Precondition: one position per scene node.
    public func htmlPage(scene: MapScene, positions: [LayoutPoint], metrics: MetricTable, style: MapStyle, seed: Int,
                         mapOnly: Bool, downloads: [HTMLReportModel.Download] = []) -> [UInt8] {
        let layout = MapLayout(scene: scene, centres: positions.map { ($0.x, $0.y) }, nodeCount: network.nodeCount)
        let dated = datedCorpus()
        var extras = HTMLReportBuilder.Extras(corpus: dated)
        extras.mapOnly = mapOnly
        extras.level = level
        extras.downloads = downloads
        if !mapOnly {
            extras.merges = authors.merges
            extras.keptApart = authors.nearMisses
            if let units {
                let shown = Set(network.names)
                extras.unitSpellings = units.names.indices.compactMap { u in
                    let spellings = units.spellings(ofUnit: u)
                    guard spellings.count > 1, shown.contains(units.names[u]) else { return nil }
                    return .init(unit: units.names[u], spellings: spellings)
                }
            }
            extras.statistics = htmlStatistics(seed: seed, metrics: metrics)
            if let focus = network.focus {
                extras.timeline = FocusTimeline.rows(focus: focus, network: network, corpus: dated)
                extras.timelineChart = TimelineCharts.focus(extras.timeline, author: network.names[focus], corpus: label, level: level).svg()
            }
        }
        var style = style
        if style.corpusName.isEmpty { style.corpusName = label }
        // The map's title and subtitle name the level's units, as `mapScene` makes them.
        style.level = level
        let model = HTMLReportBuilder.model(network: network, metrics: metrics, style: style, layout: layout, extras: extras)
        return HTMLReport.page(model)
    }

    /// The map page alone (`render --format html`): the scene is laid out as `render` lays it out.
    /// - Throws: ``RenderError`` when Graphviz cannot lay the map out.
    public func htmlMapPage(metrics: MetricTable, style: MapStyle, options: RenderOptions) throws -> [UInt8] {
        let scene = mapScene(metrics: metrics, style: style)
        let positions = try MapRenderer.layout(scene, options: options)
        return htmlPage(scene: scene, positions: positions, metrics: metrics, style: style, seed: options.seed, mapOnly: true)
    }

    /// The corpus summary of `stats`, as the page shows it: labelled for people, not keys.
    /// The modularity is that of the communities the map is coloured by, where `metrics` found
    /// them (with the run's method, resolution and tie normalisation, as `stats` reports it).
    func htmlStatistics(seed: Int, metrics: MetricTable) -> [HTMLReportModel.Statistic] {
        let stats = GraphStatistics(graph: network.graph, communitySeed: UInt64(max(0, seed)))
        // The papers within the years (`--from`, `--to`), as `stats` counts them and the network
        // holds them (a user trial of session 52: the page gave the whole corpus's beside the
        // network of a few years).
        let within = papersWithinYears
        let (publications, authorships, multiAuthor, years) = (within.publications, within.authorships, within.multiAuthor, within.perYear.keys)
        func real(_ x: Double, _ decimals: Int = 4) -> String { RankingTable.fixed(x, decimals: decimals) }
        var rows: [(String, String)] = [
            ("publications", "\(publications)"),
            (level.plural, "\(stats.authors)"),
            (level == .author ? "co-authorship ties" : "collaboration ties", "\(stats.edges)"),
        ]
        if let first = years.min(), let last = years.max() { rows.append(("years", first == last ? "\(first)" : "\(first)–\(last)")) }
        rows += [
            ("records read", "\(corpus.records)"),
            // Why the records read outnumber the publications (a user trial of session 54 found
            // 3,758 records beside 3,664 publications and no word on the 94 others).
            ("records without authors (not publications)", "\(corpus.withoutAuthors)"),
            ("records skipped", "\(corpus.skipped)"),
            ("duplicates merged", "\(corpus.duplicates)"),
            ("without a year", "\(corpus.withoutYear)"),
            ("components", "\(stats.components)"),
            ("largest component", "\(stats.largestComponentSize) \(stats.largestComponentSize == 1 ? level.unitName : level.plural) (\(real(stats.largestComponentShare * 100, 1)) %)"),
            ("isolated \(level.plural)", "\(stats.isolated)"),
            ("density", real(stats.density, 6)),
            ("mean degree", real(stats.meanDegree, 3)),
            ("average clustering", real(stats.averageClustering)),
            ("transitivity", real(stats.transitivity)),
            ("degree assortativity", real(stats.assortativity)),
            ("modularity", real(metrics.modularity ?? stats.modularity)
                + (metrics.community != nil && metrics.communityNormalization != .none ? " (ties normalised by \(metrics.communityNormalization.summary))" : "")),
            ("diameter (largest component, hops)", "\(stats.diameter)"),
            // Sampled above `exactPathLengthLimit` units, as `stats` says in its note (the page
            // showed the mean as if exact: a user trial of session 63).
            ("average path length (largest component, hops)", real(stats.averagePathLength, 3)
                + (stats.pathLengthSources < stats.largestComponentSize && stats.largestComponentSize > 1
                    ? " (estimated: the mean from \(stats.pathLengthSources) \(level.plural) drawn at random, within about ±0.05 hops; --exact computes it from all)"
                    : "")),
            ("authors per paper", publications > 0 ? real(Double(authorships) / Double(publications), 2) : "–"),
            ("share of multi-author papers", publications > 0 ? real(Double(multiAuthor) / Double(publications), 3) : "–"),
            ("weighting", network.weighting.rawValue),
        ]
        if let units, units.withoutUnits > 0 {
            rows.append(("papers naming no \(level.unitName)", "\(units.withoutUnits)"))
        }
        if !network.filterDescription.isEmpty { rows.append(("filters", network.filterDescription)) }
        return rows.map { HTMLReportModel.Statistic(name: $0.0, value: $0.1) }
    }
}
