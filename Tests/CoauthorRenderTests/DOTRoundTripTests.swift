@testable import CoauthorCore
import CoauthorRender
import Foundation
import Testing

/// DOT exports read back by Graphviz's own parser (`agmemread`), names and values intact.
@Suite struct DOTRoundTripTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The network of CoauthorCoreTests' `Fixtures/export/hostile.json` (names that break escaping).
    static func hostile() throws -> CoauthorNetwork {
        let url = repository.appendingPathComponent("Tests/CoauthorCoreTests/Fixtures/export/hostile.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let names = try #require(object["names"] as? [String])
        let edges = try #require(object["edges"] as? [[Any]])
        var source: [Int32] = [], target: [Int32] = [], weight: [Double] = [], years: [[Int]] = []
        var papers = [Int](repeating: 1, count: names.count)
        for edge in edges {
            let u = try #require(edge[0] as? Int), v = try #require(edge[1] as? Int)
            let dated = try #require(edge[2] as? [Int]).sorted()
            source.append(Int32(u)); target.append(Int32(v)); weight.append(Double(max(1, dated.count)))
            years.append(dated)
            papers[u] += 1; papers[v] += 1
        }
        return CoauthorNetwork(
            graph: WeightedGraph(nodeCount: names.count, source: source, target: target, weight: weight),
            names: names, papers: papers, firstYear: names.map { _ in 2020 }, lastYear: names.map { _ in nil },
            edgePapers: weight.map { Int($0) },
            edgeYears: YearLists(years), weighting: .count, focus: 0, filterDescription: "", skippedLargePublications: 0,
            publicationCount: 10)
    }

    /// Graphviz keeps `\\` in a label for the renderer, which shows it as one backslash.
    static func shownLabel(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            escaped = false
            out.append(character)
        }
        return out
    }

    static func sameNumber(_ text: String?, _ value: Double) -> Bool {
        guard let text, let parsed = Double(text) else { return false }
        return parsed == value || (parsed.isNaN && value.isNaN)
    }

    /// The nodes' IDs (a user trial of session 63 found DOT without them) read back by Graphviz
    /// as written, on the OpenAlex fixture: ORCID and OpenAlex ID where a node has them.
    @Test func idsSurviveAgread() throws {
        let fixture = Self.repository.appendingPathComponent("Tests/CoauthorCoreTests/Fixtures/exports/openalex.csv")
        let corpus = try InputReader.read([fixture.path])
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: AuthorResolver.resolve(corpus, mode: .conservative),
                                               options: NetworkOptions())
        let metrics = MetricTable(network: network, request: MetricRequest([.degree], communitySeed: 1))
        let dot = try GraphvizDOT.parse(String(decoding: DOTFormatter(ExportSettings()).format(network, metrics: metrics), as: UTF8.self))
        try #require(dot.nodes.count == network.nodeCount && network.ids.count == network.nodeCount)
        for (v, node) in dot.nodes.enumerated() {
            #expect(node.name == "n\(v)")
            for kind in AuthorIDs.Kind.allCases {
                let written = network.ids[v].value(of: kind)
                #expect(node.attributes[kind.attribute] == (written.isEmpty ? nil : written), "\(kind) of node \(v)")
            }
        }
        // Both kinds the fixture has, on some node.
        #expect(dot.nodes.contains { $0.attributes["orcid"] == "0000-0002-8517-9411" } && dot.nodes.contains { $0.attributes["openalex_id"] != nil })
    }

    @Test(arguments: [false, true])
    func hostileNamesAndEveryValueSurviveAgread(withLayout: Bool) throws {
        let network = try Self.hostile()
        let metrics = MetricTable(network: network, request: MetricRequest(Set(Metric.graphCases), communitySeed: 1))
        let layout = withLayout ? MapLayout(placements: (0..<network.nodeCount).map { v in
            MapLayout.Placement(x: Double(v) * 10.5, y: -Double(v), diameter: 18, color: MapScene.Color(red: 1, green: 2, blue: 3))
        }) : nil
        let text = String(decoding: DOTFormatter(ExportSettings(toolVersion: "1.2.3", maxAuthors: 9, layout: layout))
            .format(network, metrics: metrics), as: UTF8.self)
        let dot = try GraphvizDOT.parse(text)

        #expect(!dot.isDirected)
        #expect(dot.attributes["tool"] == "coauthor 1.2.3")
        #expect(dot.attributes["weighting"] == "count")
        #expect(dot.attributes["filters"] == "none")
        #expect(dot.attributes["max_authors"] == "9")
        #expect(dot.attributes["distance"] == "1/weight")
        #expect(dot.nodes.map(\.name) == (0..<network.nodeCount).map { "n\($0)" })
        for (v, node) in dot.nodes.enumerated() {
            #expect(Self.shownLabel(node.attributes["label"] ?? "") == network.names[v], "node \(v)")
            // No `name`: pydot (networkx's `read_dot`) takes it for the node id and fails (a
            // review of session 63 found `TypeError: … multiple values for argument 'name'`).
            #expect(node.attributes["name"] == nil, "node \(v)")
            #expect(node.attributes["papers"] == String(network.papers[v]))
            #expect(node.attributes["first_year"] == "2020")
            #expect(node.attributes["last_year"] == nil)
            for metric in metrics.metrics where metric != .papers {
                #expect(Self.sameNumber(node.attributes[metric.rawValue], metrics[metric]![v]), "\(metric) of node \(v)")
            }
            #expect(node.attributes["community"] == String(metrics.community![v]))
            #expect(node.attributes["component"] == String(metrics.component[v]))
            if withLayout {
                #expect(node.attributes["pos"] == "\(Double(v) * 10.5),\(-Double(v))!")
                #expect(node.attributes["width"] == "0.25" && node.attributes["fillcolor"] == "#010203")
            } else {
                #expect(node.attributes["pos"] == nil)
            }
        }
        let graph = network.graph
        #expect(dot.edges.count == network.edgeCount)
        let read = Dictionary(uniqueKeysWithValues: dot.edges.map { ("\($0.tail)-\($0.head)", $0.attributes) })
        for e in 0..<network.edgeCount {
            let attributes = try #require(read["n\(graph.source[e])-n\(graph.target[e])"])
            #expect(Self.sameNumber(attributes["weight"], graph.weight[e]))
            #expect(Self.sameNumber(attributes["distance"], 1 / graph.weight[e]))
            #expect(attributes["papers"] == String(network.edgePapers[e]))
            #expect(attributes["first_year"] == network.edgeFirstYear[e].map(String.init))
        }
    }

    @Test func malformedDOTIsAnErrorWithGraphvizsMessage() {
        #expect(throws: RenderError.self) { try GraphvizDOT.parse("graph { n0 -- ; }") }
        // The parser keeps working after an error.
        #expect((try? GraphvizDOT.parse("graph { a -- b }"))?.edges.count == 1)
    }
}
