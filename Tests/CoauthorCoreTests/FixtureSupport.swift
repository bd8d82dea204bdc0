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

/// Two papers of 2020 and 2021 whose teams, Ann, Bo and Cy Lee, then Cy, Di and Ed Lee, make two
/// triangles sharing Cy: four co-authors for Cy, two for everyone else.
func twoTrianglesNetwork() throws -> CoauthorNetwork {
    let teams = [["Ann", "Bo", "Cy"], ["Cy", "Di", "Ed"]]
    let publications = teams.enumerated().map { index, team in
        Publication(key: "p\(index)", type: "article", title: "P\(index)", venue: "V", year: 2020 + index,
                    authors: team.map { PersonName(first: $0, last: "Lee") }, location: SourceLocation(path: "t", line: index + 1, column: 1))
    }
    return try NetworkBuilder.build(publications: publications, authors: AuthorResolver.resolve(publications, mode: .exact),
                                    options: NetworkOptions())
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

/// The readers that stream a file by its path, as the tests call them.
enum StreamedReading {
    /// `path` read by the streamed reader of `format` (Web of Science plain text, MEDLINE, OpenAlex
    /// JSON, DBLP XML; for DBLP XML `blockSize` is the chunk size).
    static func read(_ format: InputFormat, path: String, blockSize: Int = LineBlocks.defaultBlockSize) -> Corpus {
        switch format {
        case .wos: WebOfScienceReader.readPlainText(path: path, blockSize: blockSize)
        case .medline: MedlineReader.read(path: path, blockSize: blockSize)
        case .openalex: OpenAlexReader.readJSON(path: path, blockSize: blockSize)
        case .dblp: DBLPXMLReader.read(path: path, chunkSize: blockSize)
        default: preconditionFailure("\(format) is not read by path in blocks")
        }
    }

    /// Where a line-based reader of `format` may start a run in `bytes` at or after an offset: a
    /// `PT` line (Web of Science), a `PMID-` line (MEDLINE), any line (OpenAlex JSON Lines).
    static func runStart(_ format: InputFormat, in bytes: [UInt8]) -> (Int) -> Int? {
        let prefix: [UInt8] = switch format {
        case .wos: Array("PT ".utf8)
        case .medline: Array("PMID-".utf8)
        default: []
        }
        return { at in bytes.withUnsafeBufferPointer { LineBlocks.lineStart(in: $0, from: at, prefix: prefix) } }
    }
}

/// What a resolution found, a line each: people, each paper's people, merges with their evidence,
/// near misses, each person's IDs (tests compare resolutions whole).
func resolutionLines(_ index: AuthorIndex) -> [String] {
    index.names + index.authorsOfPublication.map { $0.map(String.init).joined(separator: ",") }
        + index.merges.map { "\($0.variant) → \($0.into): \($0.reason)" } + index.nearMisses.map { "\($0.variant) ~ \($0.candidates)" }
        + index.ids.map { $0.all.map { "\($0.kind) \($0.value)" }.joined(separator: " ") }
}
