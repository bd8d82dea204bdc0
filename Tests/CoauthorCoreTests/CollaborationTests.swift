import Foundation
@testable import CoauthorCore
import Testing

/// Tie normalisations and collaboration indicators: a hand-computed corpus, and dblp-2016-sigmod
/// against Scripts/collaboration_fixtures.py (its own BibTeX reading, exact fractions).
struct CollaborationTests {
    /// Ann writes P1 with Bob (2020), P2 with Bob and Cy (2020), P3 and P4 alone (2021):
    /// papers Ann 4, Bob 2, Cy 1; ties Ann–Bob 2, Ann–Cy 1, Bob–Cy 1; strengths 3, 3, 2.
    static let bib = """
    @article{p1, author = {Ann Alpha and Bob Beta}, title = {One}, year = {2020}}
    @article{p2, author = {Ann Alpha and Bob Beta and Cy Gamma}, title = {Two}, year = {2020}}
    @article{p3, author = {Ann Alpha}, title = {Three}, year = {2021}}
    @article{p4, author = {Ann Alpha}, title = {Four}, year = {2021}}
    """

    static func small() throws -> (Corpus, AuthorIndex, CoauthorNetwork) {
        let corpus = try readBibTeX(bib)
        let authors = AuthorResolver.resolve(corpus.publications, mode: .exact)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        return (corpus, authors, network)
    }

    /// The weight of the tie between two named authors.
    static func tie(_ network: CoauthorNetwork, _ a: String, _ b: String) -> Double? {
        guard let u = network.node(named: a), let v = network.node(named: b), let e = network.graph.edge(u, v) else { return nil }
        return network.graph.weight[e]
    }

    typealias HandCase = (normalization: TieNormalization, total: TieTotal, annBob: Double, annCy: Double, bobCy: Double)
    /// (normalisation, s_i, Ann–Bob, Ann–Cy, Bob–Cy), by hand from the totals above; n = 3 authors.
    static let handCases: [HandCase] = {
        let root2: Double = 2.0.squareRoot(), root8: Double = 8.0.squareRoot()
        return [
            (.association, .papers, 2.0 / 8.0, 1.0 / 4.0, 1.0 / 2.0),
            (.fractional, .papers, 2.0 * (0.75 + 1.5) / 2.0, (0.75 + 3.0) / 2.0, (1.5 + 3.0) / 2.0),
            (.cosine, .papers, 2.0 / root8, 1.0 / 2.0, 1.0 / root2),
            (.jaccard, .papers, 2.0 / 4.0, 1.0 / 4.0, 1.0 / 2.0),
            (.inclusion, .papers, 1.0, 1.0, 1.0),
            (.association, .strength, 2.0 / 9.0, 1.0 / 6.0, 1.0 / 6.0),
            (.none, .papers, 2.0, 1.0, 1.0),
        ]
    }()

    @Test(arguments: 0..<7)
    func normalisationsByHand(index: Int) throws {
        let (normalization, total, annBob, annCy, bobCy) = Self.handCases[index]
        let (_, _, network) = try Self.small()
        let normalized = network.normalizingTies(normalization, total: total)
        #expect(normalized.graph.edgeCount == 3)
        for (a, b, expected) in [("Ann Alpha", "Bob Beta", annBob), ("Ann Alpha", "Cy Gamma", annCy), ("Bob Beta", "Cy Gamma", bobCy)] {
            let value = try #require(Self.tie(normalized, a, b))
            #expect(abs(value - expected) <= 1e-15 * expected, "\(normalization) \(a)–\(b): \(value), by hand \(expected)")
        }
        // Joint papers, years and the per-paper shares follow the weights.
        #expect(normalized.edgePapers == network.edgePapers)
        for e in 0..<normalized.edgeCount {
            let shares = normalized.yearWeights(ofEdge: e).reduce(0, +)
            #expect(abs(shares - normalized.graph.weight[e]) <= 1e-15 * normalized.graph.weight[e])
        }
        #expect(normalization == .none || normalized.filterDescription.contains(normalization.summary))
    }

    /// The indicators of the corpus, its years and every author, as `Analysis.indicators()` makes them at author level.
    static func indicators(_ corpus: Corpus, _ authors: AuthorIndex, _ network: CoauthorNetwork,
                           options: NetworkOptions = NetworkOptions())
        -> (corpus: CollaborationIndicators, perYear: [(year: Int, indicators: CollaborationIndicators)], perNode: [CollaborationIndicators]) {
        let all = NodeIndicators(publications: corpus.publications, authors: authors, members: authors,
                                 countries: [[Int32]](repeating: [], count: corpus.publications.count), network: network, options: options)
        return (all.corpus.collaboration, all.perYear.map { ($0.year, $0.totals.collaboration) }, all.perNode.map(\.collaboration))
    }

    @Test func indicatorsByHand() throws {
        let (corpus, authors, network) = try Self.small()
        let report = Self.indicators(corpus, authors, network)
        // Corpus: teams 2, 3, 1, 1. CI = (2 + 3) / 2; DC = 2 / 4; CC = 1 − (1/2 + 1/3 + 1 + 1) / 4 = 7/24;
        // A = 3, MCC = 3/2 · 7/24 = 7/16.
        expect(report.corpus, papers: 4, multi: 2, authors: 3, ci: 2.5, dc: 0.5, cc: 7.0 / 24, mcc: 7.0 / 16)
        let byNode = report.perNode
        func of(_ name: String) throws -> CollaborationIndicators { byNode[try #require(network.node(named: name))] }
        // Ann wrote every paper: the corpus's values.
        expect(try of("Ann Alpha"), papers: 4, multi: 2, authors: 3, ci: 2.5, dc: 0.5, cc: 7.0 / 24, mcc: 7.0 / 16)
        // Bob: teams 2, 3. CC = 1 − (1/2 + 1/3) / 2 = 7/12, MCC = 3/2 · 7/12 = 7/8.
        expect(try of("Bob Beta"), papers: 2, multi: 2, authors: 3, ci: 2.5, dc: 1, cc: 7.0 / 12, mcc: 7.0 / 8)
        // Cy: one paper with every author of his set: CC = 2/3 but MCC = 3/2 · 2/3 = 1, its maximum.
        expect(try of("Cy Gamma"), papers: 1, multi: 1, authors: 3, ci: 3, dc: 1, cc: 2.0 / 3, mcc: 1)
        // Per year: 2020 is Bob's set; 2021 is Ann alone twice (no multi-author paper: CI undefined, A = 1: MCC undefined).
        #expect(report.perYear.map(\.year) == [2020, 2021])
        expect(report.perYear[0].indicators, papers: 2, multi: 2, authors: 3, ci: 2.5, dc: 1, cc: 7.0 / 12, mcc: 7.0 / 8)
        expect(report.perYear[1].indicators, papers: 2, multi: 0, authors: 1, ci: Double.nan, dc: 0, cc: 0, mcc: Double.nan)
        // The year range of the network options applies.
        var options = NetworkOptions()
        options.fromYear = 2021
        #expect(Self.indicators(corpus, authors, network, options: options).corpus.papers == 2)
    }

    func expect(_ x: CollaborationIndicators, papers: Int, multi: Int, authors: Int, ci: Double, dc: Double, cc: Double, mcc: Double,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(x.papers == papers && x.multiAuthorPapers == multi && x.authors == authors, sourceLocation: sourceLocation)
        for (name, ours, theirs) in [("CI", x.collaborationIndex, ci), ("DC", x.degreeOfCollaboration, dc),
                                     ("CC", x.collaborativeCoefficient, cc), ("MCC", x.modifiedCollaborativeCoefficient, mcc)] {
            #expect(close(ours, theirs, relative: 1e-15), "\(name): \(ours), by hand \(theirs)", sourceLocation: sourceLocation)
        }
    }

    // MARK: dblp-2016-sigmod against the independent Python computation

    static let source = Paths.datasets.appendingPathComponent("dblp-2016-sigmod/conf-sigmod.bib")
    static let available = FileManager.default.fileExists(atPath: source.path)

    static func sigmod() throws -> (reference: [String: Any], corpus: Corpus, authors: AuthorIndex, network: CoauthorNetwork, node: [String: Int]) {
        let url = Paths.fixtures.appendingPathComponent("collaboration/sigmod.json")
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let corpus = try InputReader.read([source.path])
        let authors = AuthorResolver.resolve(corpus.publications, mode: .exact)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
        // The script keys authors by its identity key, in which initials lose their periods.
        var node: [String: Int] = [:]
        for (v, name) in network.names.enumerated() { node[key(name)] = v }
        return (reference, corpus, authors, network, node)
    }

    static func key(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "." }).joined(separator: " ")
    }

    @Test(.enabled(if: available, "needs ../shared/datasets/dblp-2016-sigmod"))
    func normalisationsMatchPythonOnSigmod() throws {
        let (reference, _, _, network, node) = try Self.sigmod()
        let names = try #require(reference["names"] as? [String])
        let ties = try #require(reference["ties"] as? [[NSNumber]])
        #expect(network.nodeCount == names.count)
        #expect(network.edgeCount == ties.count)
        let columns: [(TieNormalization, TieTotal, Int)] = [
            (.association, .papers, 3), (.fractional, .papers, 4), (.cosine, .papers, 5), (.jaccard, .papers, 6),
            (.inclusion, .papers, 7), (.association, .strength, 8),
        ]
        let normalized = columns.map { network.normalizingTies($0.0, total: $0.1).graph }
        var mismatches = 0
        for row in ties {
            let u = try #require(node[Self.key(names[row[0].intValue])]), v = try #require(node[Self.key(names[row[1].intValue])])
            let e = try #require(network.graph.edge(u, v), "no tie \(names[row[0].intValue])–\(names[row[1].intValue])")
            if network.graph.weight[e] != row[2].doubleValue { mismatches += 1 }
            for (graph, column) in zip(normalized, columns) where !close(graph.weight[e], row[column.2].doubleValue, relative: 1e-12) {
                mismatches += 1
                if mismatches <= 3 { Issue.record("\(column.0) \(column.1) \(names[row[0].intValue])–\(names[row[1].intValue]): ours \(graph.weight[e]), Python \(row[column.2])") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test(.enabled(if: available, "needs ../shared/datasets/dblp-2016-sigmod"))
    func indicatorsMatchPythonOnSigmod() throws {
        let (reference, corpus, authors, network, node) = try Self.sigmod()
        let report = Self.indicators(corpus, authors, network)
        func check(_ ours: CollaborationIndicators, _ theirs: [String: Any], _ label: String) {
            let int = { (key: String) in (theirs[key] as? NSNumber)?.intValue }
            let double = { (key: String) in (theirs[key] as? NSNumber)?.doubleValue ?? .nan }
            #expect(ours.papers == int("papers") && ours.multiAuthorPapers == int("multi_author_papers") && ours.authors == int("authors"), "\(label)")
            for (name, value) in [("collaboration_index", ours.collaborationIndex), ("degree_of_collaboration", ours.degreeOfCollaboration),
                                  ("collaborative_coefficient", ours.collaborativeCoefficient),
                                  ("modified_collaborative_coefficient", ours.modifiedCollaborativeCoefficient)] {
                #expect(close(value, double(name), relative: 1e-12), "\(label) \(name): ours \(value), Python \(double(name))")
            }
        }
        check(report.corpus, try #require(reference["corpus"] as? [String: Any]), "corpus")
        let perYear = try #require(reference["per_year"] as? [String: [String: Any]])
        #expect(report.perYear.count == perYear.count)
        for (year, indicators) in report.perYear {
            check(indicators, try #require(perYear[String(year)]), "\(year)")
        }
        let names = try #require(reference["names"] as? [String])
        let columns = try #require(reference["indicator_columns"] as? [String])
        let rows = try #require(reference["authors"] as? [[Any]])
        let byNode = report.perNode
        for (name, row) in zip(names, rows) {
            let v = try #require(node[Self.key(name)])
            check(byNode[v], Dictionary(uniqueKeysWithValues: zip(columns, row)), name)
        }
    }
}
