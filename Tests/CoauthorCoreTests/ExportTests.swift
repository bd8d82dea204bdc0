@testable import CoauthorCore
import Foundation
import Testing

/// The networks every export test writes: the seed researcher's (Data/) and a
/// small one whose author names break some format's escaping.
enum ExportFixtures {
    static let folder = Paths.fixtures.appendingPathComponent("export")
    static let golden = folder.appendingPathComponent("golden")
    /// `../shared/schemas/gexf-1.3/gexf.rng` beside the repository, when present.
    static let gexfSchema = Paths.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/gexf-1.3/gexf.rng")
    static var schemaAvailable: Bool { FileManager.default.fileExists(atPath: gexfSchema.path) }

    static func seed() throws -> (CoauthorNetwork, MetricTable) {
        let network = try SeedNetworkTests.load()
        return (network, MetricTable(network: network, request: MetricRequest(Set(Metric.graphCases), communitySeed: 1)))
    }

    /// The network of `hostile.json`: authors named to break escaping, ties with
    /// repeated and missing years, an isolated author and one without any year.
    static func hostile() throws -> (CoauthorNetwork, MetricTable) {
        let url = folder.appendingPathComponent("hostile.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let names = try #require(object["names"] as? [String])
        let edges = try #require(object["edges"] as? [[Any]])
        var source: [Int32] = [], target: [Int32] = [], weight: [Double] = []
        var papers = [Int](repeating: 0, count: names.count)
        var first = [Int?](repeating: nil, count: names.count), last = first
        var edgeYears: [[Int]] = [], edgePapers: [Int] = []
        for edge in edges {
            let u = try #require(edge[0] as? Int), v = try #require(edge[1] as? Int)
            let years = try #require(edge[2] as? [Int]).sorted()
            let count = max(1, years.count)
            source.append(Int32(u)); target.append(Int32(v)); weight.append(Double(count))
            edgeYears.append(years); edgePapers.append(count)
            for w in [u, v] {
                papers[w] += count
                if let y = years.first { first[w] = min(first[w] ?? y, y) }
                if let y = years.last { last[w] = max(last[w] ?? y, y) }
            }
        }
        let graph = WeightedGraph(nodeCount: names.count, source: source, target: target, weight: weight)
        let network = CoauthorNetwork(
            graph: graph, names: names, papers: papers.map { max(1, $0) }, firstYear: first, lastYear: last,
            edgePapers: edgePapers,
            edgeYears: YearLists(edgeYears), weighting: .count, focus: 0,
            filterDescription: "ego network of \(names[0]), radius 2", skippedLargePublications: 0,
            publicationCount: 20)
        return (network, MetricTable(network: network, request: MetricRequest(Set(Metric.graphCases), communitySeed: 1)))
    }

    /// A made-up map of `network`: every author but the last placed, with varied colours and one translucent.
    static func layout(for network: CoauthorNetwork) -> MapLayout {
        MapLayout(placements: (0..<network.nodeCount).map { v in
            guard v < network.nodeCount - 1 else { return nil }
            return MapLayout.Placement(x: Double(v) * 36.5 - 100, y: Double(v % 3) * -20.25, diameter: 10 + Double(v),
                                       color: MapScene.Color(red: UInt8(v * 17), green: 100, blue: 200,
                                                             alpha: v == 0 ? 128 : 255))
        })
    }

    /// Every exported file of `network`, by golden-file name.
    static func exports(_ network: CoauthorNetwork, metrics: MetricTable, layout: MapLayout? = nil) -> [(String, [UInt8])] {
        let version = CoauthorVersion.current
        let csv = CSVFormatter(ExportSettings()).format(network, metrics: metrics)
        let pajek = PajekFormatter(ExportSettings(toolVersion: version, maxAuthors: 50, layout: layout)).format(network, metrics: metrics)
        let vos = VOSviewerFormatter(ExportSettings(layout: layout)).format(network, metrics: metrics)
        var files: [(String, [UInt8])] = [
            ("graphml", GraphMLFormatter(ExportSettings(toolVersion: version, maxAuthors: 50)).bytes(network, metrics: metrics)),
            ("gexf", GEXFFormatter(ExportSettings(toolVersion: version, maxAuthors: 50, layout: layout)).format(network, metrics: metrics)),
            ("dot", DOTFormatter(ExportSettings(toolVersion: version, maxAuthors: 50, layout: layout)).format(network, metrics: metrics)),
            ("json", NodeLinkJSONFormatter(ExportSettings(toolVersion: version, maxAuthors: 50)).format(network, metrics: metrics)),
            ("nodes.csv", csv.nodes), ("edges.csv", csv.edges),
            ("net", pajek.network),
            ("vosviewer-map.txt", vos.map), ("vosviewer-network.txt", vos.network),
        ]
        if let partition = pajek.partition { files.append(("clu", partition)) }
        return files
    }

    /// What the reference readers must find, taken from the network itself
    /// (not from any export), in the form Scripts/export_roundtrip.py reads.
    /// Numbers are written as the decimal text Swift reads back exactly.
    static func expectation(_ network: CoauthorNetwork, metrics: MetricTable) throws -> Data {
        func number(_ value: Double, integer: Bool) -> String {
            value.isNaN ? "NaN" : integer ? String(Int(value)) : "\(value)"
        }
        var nodeTypes: [[String]] = [["papers", "int"], ["first_year", "int"], ["last_year", "int"]]
        let shown = metrics.metrics.filter { $0 != .papers }
        nodeTypes += shown.map { [$0.rawValue, $0.isInteger ? "int" : "double"] }
        nodeTypes += [["community", "int"], ["component", "int"]]
        let nodes: [[String: Any]] = (0..<network.nodeCount).map { v in
            var attrs: [String: String] = ["papers": String(network.papers[v]), "component": String(metrics.component[v])]
            if let y = network.firstYear[v] { attrs["first_year"] = String(y) }
            if let y = network.lastYear[v] { attrs["last_year"] = String(y) }
            for metric in shown { attrs[metric.rawValue] = number(metrics[metric]![v], integer: metric.isInteger) }
            attrs["community"] = String(metrics.community![v])
            return ["name": network.names[v], "attrs": attrs]
        }
        let graph = network.graph
        let edges: [[String: Any]] = (0..<network.edgeCount).map { e in
            var attrs = ["weight": "\(graph.weight[e])", "papers": String(network.edgePapers[e]),
                         "distance": "\(1 / graph.weight[e])"]
            if let y = network.edgeFirstYear[e] { attrs["first_year"] = String(y) }
            if let y = network.edgeLastYear[e] { attrs["last_year"] = String(y) }
            return ["source": Int(graph.source[e]), "target": Int(graph.target[e]), "attrs": attrs,
                    "years": Array(network.edgeYears[e])]
        }
        let object: [String: Any] = [
            "nodes": nodes, "edges": edges, "node_types": nodeTypes,
            "edge_types": [["weight", "double"], ["papers", "int"], ["first_year", "int"], ["last_year", "int"],
                           ["distance", "double"]],
            "graph": ["weighting": network.weighting.rawValue,
                      "filters": network.filterDescription.isEmpty ? "none" : network.filterDescription,
                      "max_authors": 50, "distance": "1/weight", "tool": "coauthor \(CoauthorVersion.current)"],
            "communities": metrics.community!,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}

/// Runs the committed reference-reader script with python3.
enum ReferenceReaders {
    static let script = Paths.repository.appendingPathComponent("Scripts/export_roundtrip.py")

    /// Exit status and output of `export_roundtrip.py arguments…`.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite struct ExportGoldenTests {
    /// Compares `bytes` with `golden/<name>`, or records it when COAUTHOR_RECORD_GOLDEN=1.
    static func compare(_ bytes: [UInt8], golden name: String) throws {
        let url = ExportFixtures.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["COAUTHOR_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: ExportFixtures.golden, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return
        }
        let recorded = try [UInt8](Data(contentsOf: url))
        if recorded != bytes {
            let line = Array(zip(recorded.split(separator: 10, omittingEmptySubsequences: false),
                                 bytes.split(separator: 10, omittingEmptySubsequences: false)))
                .firstIndex { $0.0 != $0.1 }.map { $0 + 1 }
            Issue.record("""
                \(name) differs from its golden file (first differing line: \(line.map(String.init) ?? "past the end")); \
                if the change is intended, re-record with COAUTHOR_RECORD_GOLDEN=1 swift test --filter ExportGoldenTests
                """)
        }
    }

    @Test func seedExportsMatchTheirGoldenFilesByteForByte() throws {
        let (network, metrics) = try ExportFixtures.seed()
        let files = ExportFixtures.exports(network, metrics: metrics)
        #expect(files.count == 10)
        for (name, bytes) in files {
            try Self.compare(bytes, golden: "seed." + name)
        }
    }

    @Test func hostileNamesWithALayoutMatchTheirGoldenFiles() throws {
        let (network, metrics) = try ExportFixtures.hostile()
        let layout = ExportFixtures.layout(for: network)
        for (name, bytes) in ExportFixtures.exports(network, metrics: metrics, layout: layout) {
            try Self.compare(bytes, golden: "hostile-layout." + name)
        }
    }

    /// An author is in Gephi's timeline in every year they published, solo papers included (the
    /// spells came from the ties and the first and last years: Ann was gone in 2020, the year of
    /// her solo paper; a user trial of session 56).
    @Test func gexfSpellsHoldTheYearsOfSoloPapers() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spells-\(UUID().uuidString).bib")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("""
            @article{a, author = {Ann Alpha}, title = {S1}, year = 2018}
            @article{b, author = {Ann Alpha and Bob Beta}, title = {J1}, year = 2019}
            @article{c, author = {Ann Alpha}, title = {S2}, year = 2020}
            @article{d, author = {Ann Alpha and Bob Beta}, title = {J2}, year = 2022}
            @article{e, author = {Ann Alpha}, title = {S3}, year = 2023}

            """.utf8).write(to: file)
        let analysis = try Analysis(AnalysisRequest(inputs: [file.path]))
        let gexf = String(decoding: analysis.export(.gexf, metrics: MetricTable(network: analysis.network, request: MetricRequest([])),
                                                   destination: nil)[0].bytes, as: UTF8.self)
        func spells(of name: String) -> String? {
            guard let node = gexf.range(of: "label=\"\(name)\""), let open = gexf.range(of: "<spells>", range: node.upperBound..<gexf.endIndex),
                  let close = gexf.range(of: "</spells>", range: open.upperBound..<gexf.endIndex) else { return nil }
            return String(gexf[open.upperBound..<close.lowerBound])
        }
        #expect(spells(of: "Ann Alpha") == #"<spell start="2018" end="2020"/><spell start="2022" end="2023"/>"#, "\(gexf)")
        #expect(spells(of: "Bob Beta") == #"<spell start="2019" end="2019"/><spell start="2022" end="2022"/>"#)
    }

    @Test func theSameNetworkGivesTheSameBytes() throws {
        let (network, metrics) = try ExportFixtures.hostile()
        let again = MetricTable(network: network, request: MetricRequest(Set(Metric.graphCases), communitySeed: 1))
        let first = ExportFixtures.exports(network, metrics: metrics)
        let second = ExportFixtures.exports(network, metrics: again)
        #expect(first.map(\.0) == second.map(\.0))
        for (a, b) in zip(first, second) { #expect(a.1 == b.1, "\(a.0) is not deterministic") }
    }

    @Test func graphMLTextAndBytesAgree() throws {
        let (network, metrics) = try ExportFixtures.seed()
        let formatter = GraphMLFormatter(ExportSettings(toolVersion: "9.9", maxAuthors: 7))
        #expect(Array(formatter.format(network, metrics: metrics).utf8) == formatter.bytes(network, metrics: metrics))
    }
}

@Suite struct ExportEscapingTests {
    @Test(arguments: [
        ("a&b<c>\"d'e", false, "a&amp;b&lt;c&gt;&quot;d&apos;e"),
        ("tab\tline\nret\r", false, "tab\tline\nret&#13;"),
        ("tab\tline\nret\r", true, "tab&#9;line&#10;ret&#13;"),
        ("bell\u{7}null\u{0}\u{FFFE}\u{FFFF}end\u{FFFD}", false, "bellnullend\u{FFFD}"),
        ("李 😀 שלום", true, "李 😀 שלום"),
    ])
    func xml(text: String, attribute: Bool, escaped: String) {
        var buffer = ExportBuffer(capacity: 0)
        buffer.append(xml: text, attribute: attribute)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == escaped)
    }

    @Test func json() {
        var buffer = ExportBuffer(capacity: 0)
        buffer.append(json: "q\"b\\n\nr\rt\t\u{1}é😀")
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == #""q\"b\\n\nr\rt\t\u0001é😀""#)
    }

    @Test(arguments: [
        (0.0, "0.0"), (-0.0, "-0.0"), (14.0, "14.0"), (-3.0, "-3.0"), (0.1, "0.1"), (1e-05, "1e-05"),
        (1e15, "1000000000000000.0"), (1e16, "1e+16"), (123456789012345.0, "123456789012345.0"), (1.0 / 3, "0.3333333333333333"),
        (Double.nan, "NaN"), (Double.infinity, "INF"), (-Double.infinity, "-INF"),
    ])
    func numbers(value: Double, text: String) {
        var buffer = ExportBuffer(capacity: 0)
        buffer.append(value)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == text)
        if value.isFinite { #expect(Double(text) == value) }
    }

    @Test(arguments: [0, 7, 10, -1, -10, 2019, Int.max, Int.min])
    func integers(value: Int) {
        var buffer = ExportBuffer(capacity: 0)
        buffer.append(value)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == String(value))
    }

    @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
        var buffer = ExportBuffer(capacity: 0)
        for field in ["plain", "a,b", "say \"hi\"", "two\nlines", "tab\tonly"] {
            CSVFormatter.field(field, into: &buffer)
            buffer.append(UInt8(ascii: "|"))
        }
        #expect(String(decoding: buffer.bytes, as: UTF8.self)
                == "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|tab\tonly|")
    }

    @Test func gexfLabelsAreTokens() {
        #expect(GEXFFormatter.token("Line\nBreak") == "Line Break")
        #expect(GEXFFormatter.token("  two  spaces\t") == "two spaces")
        #expect(GEXFFormatter.token("Plain Name") == "Plain Name")
    }

    @Test func dotQuotesEscapeQuotesAndBackslashesOnly() {
        var buffer = ExportBuffer(capacity: 0)
        DOTFormatter.quote("a\"b\\c\nd", into: &buffer)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "\"a\\\"b\\\\c\nd\"")
    }
}

/// Each format read back by the tool its users open it with (Scripts/export_roundtrip.py).
@Suite struct ExportRoundTripTests {
    enum Network: String, CaseIterable { case seed, hostile }

    static func write(_ network: Network, layout: Bool = false) throws -> (folder: URL, files: [String: URL]) {
        let (graph, metrics) = try network == .seed ? ExportFixtures.seed() : ExportFixtures.hostile()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [String: URL] = [:]
        let map = layout ? ExportFixtures.layout(for: graph) : nil
        for (name, bytes) in ExportFixtures.exports(graph, metrics: metrics, layout: map) {
            let url = folder.appendingPathComponent("network." + name)
            try Data(bytes).write(to: url)
            files[name] = url
        }
        let expected = folder.appendingPathComponent("expected.json")
        try ExportFixtures.expectation(graph, metrics: metrics).write(to: expected)
        files["expected"] = expected
        return (folder, files)
    }

    static func check(_ format: String, _ network: Network, files names: [String], extra: [String] = [],
                      layout: Bool = false) throws {
        let (folder, files) = try write(network, layout: layout)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try names.map { try #require(files[$0]).path }
        let result = try ReferenceReaders.run([try #require(files["expected"]).path, format] + paths + extra)
        #expect(result.status == 0, "\(format) on the \(network) network:\n\(result.output)")
    }

    @Test(arguments: Network.allCases)
    func graphMLReadsTheSameInNetworkxAndIgraph(network: Network) throws {
        try Self.check("graphml", network, files: ["graphml"])
    }

    @Test(arguments: Network.allCases)
    func jsonIsNetworkxNodeLinkData(network: Network) throws {
        try Self.check("json", network, files: ["json"])
    }

    @Test(arguments: Network.allCases)
    func pajekReadsInNetworkxAndIgraph(network: Network) throws {
        try Self.check("pajek", network, files: ["net", "clu"], layout: network == .hostile)
    }

    @Test(arguments: Network.allCases)
    func csvFieldsSurviveTheCsvModule(network: Network) throws {
        try Self.check("csv", network, files: ["nodes.csv", "edges.csv"])
    }

    @Test(arguments: Network.allCases)
    func vosviewerFilesKeepEveryItem(network: Network) throws {
        try Self.check("vosviewer", network, files: ["vosviewer-map.txt", "vosviewer-network.txt"])
    }

    // The schema lives in ../shared beside the repository, which a plain clone lacks.
    @Test(.enabled(if: ExportFixtures.schemaAvailable, "needs ../shared/schemas/gexf-1.3/gexf.rng"),
          arguments: [(Network.seed, false), (.hostile, true), (.hostile, false)])
    func gexfIsValidAndReadsInNetworkx(network: Network, layout: Bool) throws {
        try Self.check("gexf", network, files: ["gexf"], extra: ["--schema", ExportFixtures.gexfSchema.path],
                       layout: layout)
    }
}
