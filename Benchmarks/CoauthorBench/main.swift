@_spi(Benchmarks) import CoauthorCore
import Foundation

// coauthor-bench FILE [--identity exact|conservative] [--metrics a,b,c] [--repeat N] [--edges OUT.tsv]
// Reads FILE, builds the network (count weights, --max-authors 50), optionally writes its
// edge list (source, target, weight; node ids 0..<n) for the reference tools, then times
// each metric and prints one JSON object: {"nodes", "edges", "read_seconds", "build_seconds", "metrics": {name: seconds}}.
// "leiden" is 2 iterations (the pipeline's default, leidenalg's too), "leiden-stable" until stable; each
// adds "<name>_quality": the best modularity over seeds 1…10 and whether every community of every run
// is connected.
// Hidden: --sample-sources K times exact betweenness with only K of its searches (and with none,
// for the setup) and adds "betweenness_estimate" with the extrapolated time of a full run.
// --approximate EPSILON times sampled betweenness (seed 1, δ = 0.1) and adds "approximate_betweenness"
// with its samples, the pairs searched and the authors settled and ties scanned per search.
// --approximate-closeness EPSILON times sampled closeness and harmonic (seed 1, δ = 0.1) and adds
// "approximate_closeness" with its sources and the seconds per source, beside the seconds the time
// budget predicts for them (`PathMetricBudget`'s rates: a sampled source priced as an exact
// distance search).

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
let identity = IdentityMode(rawValue: option("--identity") ?? "exact") ?? .exact
let metricNames = option("--metrics")
let repeats = Int(option("--repeat") ?? "1") ?? 1
let edgeFile = option("--edges")
let sampledSources = option("--sample-sources").flatMap { Int($0) }
let approximateEpsilon = option("--approximate").flatMap { Double($0) }
let closenessEpsilon = option("--approximate-closeness").flatMap { Double($0) }
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: coauthor-bench FILE [--identity M] [--metrics a,b] [--repeat N] [--edges OUT.tsv]\n".utf8))
    exit(64)
}

/// Runs `body`; on an error, says what failed on standard error and exits 66 (no crash report).
func orExit<T>(_ what: String, _ body: () throws -> T) -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data("coauthor-bench: error: \(what): \(error)\n".utf8))
        exit(66)
    }
}

var corpus = Corpus()
let readTime = orExit("reading \(path)") { try seconds { corpus = try InputReader.read([path]) } }
var network: CoauthorNetwork!
let buildTime = orExit("building the network") {
    try seconds {
        let authors = AuthorResolver.resolve(corpus.publications, mode: identity)
        network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
    }
}
let graph = network.graph
if let edgeFile {
    var text = "\(graph.nodeCount)\n"
    for e in 0..<graph.edgeCount { text += "\(graph.source[e])\t\(graph.target[e])\t\(graph.weight[e])\n" }
    orExit("writing \(edgeFile)") { try text.write(toFile: edgeFile, atomically: true, encoding: .utf8) }
}

let kernels: [(String, () -> Void)] = [
    ("degree", { _ = degreeCentrality(graph) }),
    ("strength", { _ = strengthCentrality(graph) }),
    ("betweenness", { _ = betweennessCentrality(graph) }),
    ("closeness", { _ = closenessCentrality(graph) }),
    ("harmonic", { _ = harmonicCentrality(graph) }),
    ("eigenvector", { _ = eigenvectorCentrality(graph) }),
    ("pagerank", { _ = pageRank(graph) }),
    ("clustering", { _ = clusteringCoefficient(graph) }),
    ("core", { _ = coreNumbers(graph) }),
    ("constraint", { _ = burtConstraint(graph) }),
    ("communities", { _ = louvainCommunities(graph, seed: 1) }),
    ("leiden", { _ = leidenCommunities(graph, seed: 1, maxIterations: 2) }),
    ("leiden-stable", { _ = leidenCommunities(graph, seed: 1) }),
    ("components", { _ = connectedComponents(graph) }),
    ("diameter", {
        let component = connectedComponents(graph)
        _ = GraphStatistics.diameter(graph, members: (0..<graph.nodeCount).filter { component[$0] == 0 })
    }),
    ("stats", { _ = GraphStatistics(graph: graph) }),
]
let wanted = metricNames.map { Set($0.split(separator: ",").map(String.init)) }
var timings: [(String, JSONValue)] = []
for (name, kernel) in kernels where wanted?.contains(name) ?? true {
    var best = Double.infinity
    for _ in 0..<max(1, repeats) { best = min(best, seconds(kernel)) }
    timings.append((name, .number(best)))
}
var fields: [(String, JSONValue)] = [
    ("nodes", .integer(graph.nodeCount)), ("edges", .integer(graph.edgeCount)),
    ("read_seconds", .number(readTime)), ("build_seconds", .number(buildTime)),
    ("metrics", .object(timings)),
]
if let sampledSources {
    var setup = Double.infinity, sampled = Double.infinity
    var counts = (sources: 0, searched: 0)
    for _ in 0..<max(1, repeats) {
        setup = min(setup, seconds { _ = sampledBetweennessSearches(graph, sampledSources: 0) })
        sampled = min(sampled, seconds { counts = sampledBetweennessSearches(graph, sampledSources: sampledSources) })
    }
    let perSearch = (sampled - setup) / Double(max(1, counts.searched))
    fields.append(("betweenness_estimate", .object([
        ("sources", .integer(counts.sources)), ("sampled", .integer(counts.searched)),
        ("setup_seconds", .number(setup)), ("sampled_seconds", .number(sampled)),
        ("seconds_per_source", .number(perSearch)),
        ("estimated_seconds", .number(setup + perSearch * Double(counts.sources))),
    ])))
}
if let approximateEpsilon {
    var best = Double.infinity
    var run: (values: [Double], guarantee: Approximation, searched: Int, settled: Int, scanned: Int)!
    for _ in 0..<max(1, repeats) {
        best = min(best, seconds { run = approximateBetweennessWithWork(graph, epsilon: approximateEpsilon) })
    }
    fields.append(("approximate_betweenness", .object([
        ("epsilon", .number(approximateEpsilon)), ("seconds", .number(best)),
        ("samples", .integer(run.guarantee.samples)), ("searched", .integer(run.searched)),
        ("settled_per_search", .number(Double(run.settled) / Double(max(1, run.searched)))),
        ("scanned_per_search", .number(Double(run.scanned) / Double(max(1, run.searched)))),
    ])))
}
if let closenessEpsilon {
    var best = Double.infinity
    var guarantee: Approximation!
    for _ in 0..<max(1, repeats) {
        best = min(best, seconds { guarantee = approximateCloseness(graph, epsilon: closenessEpsilon).guarantee })
    }
    let predicted = PathMetricBudget.sampledDistanceSeconds(graph, sources: guarantee.samples)
    fields.append(("approximate_closeness", .object([
        ("epsilon", .number(closenessEpsilon)), ("seconds", .number(best)), ("sources", .integer(guarantee.samples)),
        ("seconds_per_source", .number(best / Double(max(1, guarantee.samples)))),
        ("predicted_seconds", .number(predicted)),
    ])))
}
for (name, iterations) in [("leiden", 2), ("leiden-stable", nil)] as [(String, Int?)] where wanted?.contains(name) ?? true {
    // The quality side of the comparison with leidenalg: best modularity over the seeds it gets too.
    let runs = (UInt64(1)...10).map { leidenCommunities(graph, seed: $0, maxIterations: iterations) }
    fields.append(("\(name)_quality", .object([
        ("seeds", .integer(runs.count)),
        ("best_modularity", .number(runs.map(\.quality).max()!)),
        ("every_community_connected", .bool(runs.allSatisfy { communitiesAreConnected(graph, community: $0.community) })),
    ])))
}
let report = JSONValue.object(fields)
print(report.text())
