@testable import CoauthorCore
import Foundation
import Testing

/// The HTML report's page writer and model builder (SPEC §9); the page's behaviour is
/// tested in a browser by `HTMLReportBrowserTests` (CoauthorCLITests).
struct HTMLReportTests {
    /// A layout placing every author on a line, as a renderer would.
    static func line(_ network: CoauthorNetwork) -> MapLayout {
        MapLayout(placements: (0..<network.nodeCount).map { v in
            MapLayout.Placement(x: Double(v) * 20, y: Double(v % 3) * 15, diameter: 12, color: .init(red: 0, green: 0x72, blue: 0xB2))
        })
    }

    /// The JSON data block of a page.
    static func data(of page: String) throws -> [String: Any] {
        let open = try #require(page.range(of: "<script type=\"application/json\" id=\"coauthor-data\">"))
        let close = try #require(page.range(of: "</script>", range: open.upperBound..<page.endIndex))
        let json = String(page[open.upperBound..<close.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// The page carries each author's own harmonic bound (the side panel shows it beside the value)
    /// and betweenness's one bound; an exact page carries none (the page gave only the largest
    /// harmonic bound, up to 40 times an author's own here: a review of session 58).
    @Test func estimatesCarryTheirBoundsPerAuthor() throws {
        let ring = 1_200
        var edges = (0..<ring).map { ($0, ($0 + 1) % ring, $0 == 0 ? 40.0 : 1.0) }.map { ($0.0 < $0.1 ? $0.0 : $0.1, max($0.0, $0.1), $0.2) }
        edges.append((ring, ring + 1, 2))
        let network = CoauthorNetwork.plain(WeightedGraph(nodeCount: ring + 2, edges: edges))
        for sampled in [true, false] {
            let request = MetricRequest([.betweenness, .harmonic, .pagerank], sampling: sampled ? .init(epsilon: 0.2, seed: 1) : nil)
            let metrics = MetricTable(network: network, request: request)
            try #require(metrics.estimated == (sampled ? [.betweenness, .harmonic] : []))
            let model = HTMLReportBuilder.model(network: network, metrics: metrics, style: MapStyle(),
                                                layout: Self.line(network), extras: .init())
            let columns = try #require(Self.data(of: String(decoding: HTMLReport.page(model), as: UTF8.self))["metrics"] as? [[String: Any]])
            let byKey = Dictionary(uniqueKeysWithValues: columns.map { ($0["key"] as! String, $0) })
            let harmonic = try #require(byKey["harmonic"]), betweenness = try #require(byKey["betweenness"])
            #expect(byKey["pagerank"]?["bound"] == nil && byKey["pagerank"]?["bounds"] == nil)
            guard sampled else {
                #expect(harmonic["bounds"] == nil && betweenness["bound"] == nil)
                continue
            }
            let bounds = try #require(harmonic["bounds"] as? [Double])
            let own = try #require(metrics.nodeErrorBounds[.harmonic])
            try #require(bounds.count == network.nodeCount)
            for v in 0..<network.nodeCount { #expect(abs(bounds[v] - own[v]) <= 1e-3 * own[v], "author \(v)") }
            #expect(bounds[0] > 30 * bounds[500] && bounds[ring] == 0)
            #expect(betweenness["bounds"] == nil)
            #expect(abs((betweenness["bound"] as? Double ?? 0) - metrics.errorBounds[.betweenness]!) <= 1e-3 * metrics.errorBounds[.betweenness]!)
        }
    }

    @Test func hostileNamesCannotEndTheScriptOrOpenMarkup() throws {
        let (network, metrics) = try ExportFixtures.hostile()
        let model = HTMLReportBuilder.model(network: network, metrics: metrics, style: MapStyle(), layout: Self.line(network),
                                            extras: .init())
        var hostile = model
        hostile.authors[0].name = "</script><script>alert(1)</script>\u{2028}\u{2029}<!-- & \"'"
        hostile.title = "</title><script>alert(2)</script>"
        hostile.merges = [.init(variant: "<b>x</b>", into: hostile.authors[0].name, reason: "</td>")]
        let page = String(decoding: HTMLReport.page(hostile), as: UTF8.self)
        // The only script elements are the page's own two.
        #expect(page.components(separatedBy: "<script").count - 1 == 2)
        #expect(page.components(separatedBy: "</script>").count - 1 == 2)
        #expect(!page.contains("<!--") && !page.contains("<b>x"))
        // JavaScript before ES2019 ends a string at U+2028 and U+2029; the data escapes them.
        let block = try #require(page.range(of: "id=\"coauthor-data\">"))
        #expect(!page[block.upperBound...].contains("\u{2028}") && !page[block.upperBound...].contains("\u{2029}"))
        let data = try Self.data(of: page)
        let names = try #require(data["names"] as? [String])
        #expect(names == hostile.authors.map(\.name))
        #expect(names.count == network.nodeCount)
        // Every name of the hostile fixture survives the trip through the page.
        #expect(Array(names.dropFirst()) == Array(network.names.dropFirst()))
    }

    @Test func samePageForTheSameInputAndEveryTieWithItsMetrics() throws {
        let (network, metrics) = try ExportFixtures.seed()
        func make() -> [UInt8] {
            var extras = HTMLReportBuilder.Extras()
            extras.statistics = [.init(name: "authors", value: "\(network.nodeCount)")]
            extras.downloads = [.init(label: "GraphML", href: "network.graphml")]
            let model = HTMLReportBuilder.model(network: network, metrics: metrics, style: MapStyle(),
                                                layout: Self.line(network), extras: extras)
            return HTMLReport.page(model)
        }
        let first = make()
        #expect(first == make())
        #expect(first.count < 1_000_000)
        let page = String(decoding: first, as: UTF8.self)
        #expect(page.contains("<a href=\"network.graphml\" download>GraphML</a>"))
        #expect(page.contains("Content-Security-Policy") && !page.contains("http://") && !page.contains("https://"))
        let data = try Self.data(of: page)
        let ties = try #require(data["ties"] as? [String: [Any]])
        #expect(ties["s"]?.count == network.edgeCount)
        let names = try #require(data["names"] as? [String])
        let focus = try #require(network.node(named: "Dimitris Papailiopoulos"))
        let rajput = try #require(network.node(named: "Shashank Rajput"))
        let index = try #require((0..<network.edgeCount).first { e in
            Set([(ties["s"]![e] as! Int), (ties["t"]![e] as! Int)]) == [focus, rajput]
        })
        #expect(names[focus] == "Dimitris Papailiopoulos")
        #expect(ties["p"]![index] as? Int == 14 && ties["f"]![index] as? Int == 2019 && ties["l"]![index] as? Int == 2023)
        let colorings = try #require(data["colorings"] as? [[String: Any]])
        #expect(colorings.map { $0["key"] as? String } == ["community", "first-year", "component"])
    }

    @Test func aPartialMapSaysWhichPartItShows() throws {
        let (network, metrics) = try ExportFixtures.seed()
        var style = MapStyle()
        style.maxNodes = 10
        var layout = Self.line(network)
        let kept = Set(metrics.ranking(by: .pagerank, names: network.names).prefix(10))
        for v in 0..<network.nodeCount where !kept.contains(v) { layout.placements[v] = nil }
        let model = HTMLReportBuilder.model(network: network, metrics: metrics, style: style, layout: layout, extras: .init())
        #expect(model.partNote?.contains("strongest 10 of \(network.nodeCount) authors by pagerank") == true)
        #expect(model.title.contains("strongest 10 of \(network.nodeCount)"))
        #expect(model.colorings[0].group.filter { $0 >= 0 }.count == 10)
        let page = String(decoding: HTMLReport.page(model), as: UTF8.self)
        #expect(page.contains("id=\"part-note\""))
    }
}

/// VOSviewer Online's JSON map format (app.vosviewer.com/docs, "JSON file type").
struct VOSviewerJSONTests {
    @Test func followsTheDocumentedStructureAndRoundTrips() throws {
        let (network, metrics) = try ExportFixtures.seed()
        let layout = HTMLReportTests.line(network)
        let years = [Double?]((0..<network.nodeCount).map { v in network.firstYear[v].map(Double.init) })
        let bytes = VOSviewerJSONFormatter(ExportSettings(layout: layout, averageYears: years)).format(network, metrics: metrics)
        #expect(bytes == VOSviewerJSONFormatter(ExportSettings(layout: layout, averageYears: years)).format(network, metrics: metrics))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let terminology = try #require((root["config"] as? [String: Any])?["terminology"] as? [String: String])
        #expect(terminology["item"] == "Author" && terminology["links"] == "Co-authorship links")
        let body = try #require(root["network"] as? [String: Any])
        let items = try #require(body["items"] as? [[String: Any]])
        let links = try #require(body["links"] as? [[String: Any]])
        let clusters = try #require(body["clusters"] as? [[String: Any]])

        // Read back: the same authors, ties, weights, clusters and positions.
        #expect(items.count == network.nodeCount && links.count == network.edgeCount)
        var idOf: [Int: Int] = [:]
        for item in items {
            let id = try #require(item["id"] as? Int)
            let label = try #require(item["label"] as? String)
            let v = try #require(network.node(named: label))
            idOf[id] = v
            let weights = try #require(item["weights"] as? [String: Double])
            #expect(weights["Documents"] == Double(network.papers[v]))
            #expect(weights["Links"] == Double(network.graph.degree(v)))
            let strength = network.graph.slots(v).reduce(0.0) { $0 + network.graph.weight[Int(network.graph.edgeIDs[$1])] }
            #expect(weights["Total link strength"] == strength)
            #expect(item["cluster"] as? Int == metrics.community![v] + 1)
            #expect(item["x"] as? Double == layout.placements[v]!.x && item["y"] as? Double == layout.placements[v]!.y)
            let scores = try #require(item["scores"] as? [String: Double])
            #expect(scores["Avg. pub. year"] == years[v])
        }
        #expect(idOf.count == network.nodeCount)
        var readBack: [Set<Int>: Double] = [:]
        for link in links {
            let sourceID = try #require(link["source_id"] as? Int), targetID = try #require(link["target_id"] as? Int)
            let a = try #require(idOf[sourceID]), b = try #require(idOf[targetID])
            readBack[[a, b]] = try #require(link["strength"] as? Double)
        }
        var original: [Set<Int>: Double] = [:]
        for e in 0..<network.edgeCount {
            original[[Int(network.graph.source[e]), Int(network.graph.target[e])]] = network.graph.weight[e]
        }
        #expect(readBack == original)
        #expect(Set(clusters.compactMap { $0["cluster"] as? Int }) == Set(metrics.community!.map { $0 + 1 }))
        #expect(clusters.allSatisfy { ($0["label"] as? String)?.hasPrefix("community of ") == true })
    }

    /// VOSviewer allows clusters 1…1000: both VOSviewer formats put the communities from the
    /// thousandth on together in cluster 1000 (the map file went past 1000 where the JSON left
    /// those authors without one: a user trial of session 54). 1,005 pairs are 1,005 communities.
    @Test func bothVOSviewerFormatsShareTheLastCluster() throws {
        let pairs = 1005
        let graph = WeightedGraph(nodeCount: 2 * pairs, edges: (0..<pairs).map { (2 * $0, 2 * $0 + 1, 1.0) })
        let network = CoauthorNetwork.plain(graph)
        let metrics = MetricTable(network: network, request: MetricRequest([.degree], communitySeed: 1))
        try #require(Set(try #require(metrics.community)).count == pairs)
        let map = String(decoding: VOSviewerFormatter(ExportSettings()).format(network, metrics: metrics).map, as: UTF8.self)
        let rows = map.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        try #require(rows.count == 2 * pairs)
        let mapClusters = rows.map { Int($0[2])! }
        #expect(mapClusters.max() == 1000 && mapClusters.count { $0 == 1000 } == 2 * (pairs - 999))
        let json = VOSviewerJSONFormatter(ExportSettings()).format(network, metrics: metrics)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let body = try #require(document["network"] as? [String: Any])
        let items = try #require(body["items"] as? [[String: Any]])
        #expect(items.map { $0["cluster"] as? Int } == mapClusters.map { Optional($0) })
        let clusters = try #require(body["clusters"] as? [[String: Any]])
        #expect(clusters.count == 1000 && clusters.last?["label"] as? String == "smaller communities (6, from the 1000th on)")
    }

    @Test func leavesOutPositionsUnlessEveryAuthorIsPlaced() throws {
        let (network, metrics) = try ExportFixtures.seed()
        var layout = HTMLReportTests.line(network)
        layout.placements[0] = nil
        let bytes = VOSviewerJSONFormatter(ExportSettings(layout: layout)).format(network, metrics: metrics)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\"x\":") && !text.contains("\"scores\""))
    }
}
