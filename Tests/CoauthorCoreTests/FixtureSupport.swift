@testable import CoauthorCore
import Foundation

/// Paths of the repository and of the test fixtures, independent of the working folder.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let data = repository.appendingPathComponent("Data")
    /// `../shared/datasets` beside the repository, when present.
    static let datasets = repository.deletingLastPathComponent().appendingPathComponent("shared/datasets")
}

/// A graph and its networkx reference values, written by Scripts/networkx_fixtures.py.
struct GraphFixture {
    let name: String
    let nodes: [String]
    let graph: WeightedGraph
    let expected: [String: [Double?]]
    let louvainMean: Double
    let raw: [String: Any]

    static let names = ["path", "star", "two_cliques_bridge", "disconnected_isolates", "random_weighted", "seed"]
    /// Graphs exported from real and synthetic corpora (`Scripts/networkx_fixtures.py --large`).
    static let largeNames = ["dblp_sigmod", "synthetic_3000"]

    init(named name: String) throws {
        let url = Paths.fixtures.appendingPathComponent("graphs/\(name).json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        self.name = name
        self.raw = object
        nodes = object["nodes"] as! [String]
        let edges = (object["edges"] as! [[Any]]).map { edge in
            ((edge[0] as! NSNumber).intValue, (edge[1] as! NSNumber).intValue, (edge[2] as! NSNumber).doubleValue)
        }
        graph = WeightedGraph(nodeCount: nodes.count, edges: edges)
        var expected: [String: [Double?]] = [:]
        for (metric, values) in object["expected"] as! [String: [Any]] {
            expected[metric] = values.map { ($0 as? NSNumber)?.doubleValue }
        }
        self.expected = expected
        louvainMean = (object["modularity_louvain_mean"] as! NSNumber).doubleValue
    }
}

/// Relative comparison with an absolute floor for values near zero.
func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= relative * max(abs(a), abs(b)) || abs(a - b) <= relative * 1e-3
}

/// Reads BibTeX text given inline.
func readBibTeX(_ text: String, path: String = "test.bib") throws -> Corpus {
    try BibTeXReader.read(bytes: Array(text.utf8), path: path)
}

extension CoauthorNetwork {
    /// A network around a bare graph (names n0…, one paper per author), for metric tests.
    static func plain(_ graph: WeightedGraph) -> CoauthorNetwork {
        CoauthorNetwork(graph: graph, names: (0..<graph.nodeCount).map { "n\($0)" },
                        papers: [Int](repeating: 1, count: graph.nodeCount),
                        firstYear: [Int?](repeating: nil, count: graph.nodeCount),
                        lastYear: [Int?](repeating: nil, count: graph.nodeCount),
                        edgePapers: [Int](repeating: 1, count: graph.edgeCount),
                        edgeYears: YearLists([[Int]](repeating: [], count: graph.edgeCount)),
                        weighting: .count, focus: nil, filterDescription: "",
                        skippedLargePublications: 0, publicationCount: graph.nodeCount)
    }
}
