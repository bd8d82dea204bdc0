@testable import CoauthorCore
import Testing

/// Documented preconditions trap instead of reading past a buffer or building a network
/// whose parts disagree (each closure runs in a child process).
@Suite struct PreconditionTests {
    @Test func edgesMustBeOrderedAndPositive() async {
        await #expect(processExitsWith: .failure) {
            _ = WeightedGraph(nodeCount: 3, source: [2], target: [1], weight: [1])
        }
        await #expect(processExitsWith: .failure) {
            _ = WeightedGraph(nodeCount: 3, source: [0], target: [1], weight: [0])
        }
        await #expect(processExitsWith: .failure) {
            _ = WeightedGraph(nodeCount: 3, source: [0, 0], target: [1, 1], weight: [1, 2])
        }
        await #expect(processExitsWith: .failure) {
            _ = WeightedGraph(nodeCount: 2, source: [0], target: [2], weight: [1])
        }
    }

    @Test func aWellFormedGraphIsAccepted() {
        let graph = WeightedGraph(nodeCount: 3, source: [0, 1], target: [2, 2], weight: [1, 0.5])
        #expect(graph.degree(2) == 2)
    }

    @Test func networkPartsMustMatchTheGraph() async {
        await #expect(processExitsWith: .failure) {
            let graph = WeightedGraph(nodeCount: 2, edges: [(0, 1, 1)])
            _ = CoauthorNetwork(graph: graph, names: ["a"], papers: [1, 1], firstYear: [nil, nil], lastYear: [nil, nil],
                                edgePapers: [1], edgeYears: YearLists([[Int]()]),
                                weighting: .count, focus: nil, filterDescription: "", skippedLargePublications: 0,
                                publicationCount: 1)
        }
        await #expect(processExitsWith: .failure) {
            let graph = WeightedGraph(nodeCount: 2, edges: [(0, 1, 1)])
            _ = CoauthorNetwork(graph: graph, names: ["a", "b"], papers: [1, 1], firstYear: [nil, nil], lastYear: [nil, nil],
                                edgePapers: [1], edgeYears: YearLists([[Int]()]),
                                weighting: .count, focus: 2, filterDescription: "", skippedLargePublications: 0,
                                publicationCount: 1)
        }
    }

    /// A network built without its ties' years traps when they are read, with the message that
    /// says so (an index past the empty list would trap too, without it).
    @Test func tieYearsLeftOutAreNotRead() async throws {
        let network = try Self.networkWithoutTieYears()
        #expect(network.graph.edgeCount == 1 && !network.hasTieYears)
        let firstYear = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try PreconditionTests.networkWithoutTieYears().edgeFirstYear[0]
        }
        let weights = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = try PreconditionTests.networkWithoutTieYears().yearWeights(ofEdge: 0)
        }
        for result in [firstYear, weights] {
            let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
            #expect(message.contains("built without its ties' years"), "\(message)")
        }
    }

    static func networkWithoutTieYears() throws -> CoauthorNetwork {
        let publications = [Publication(key: "a", type: "article", title: "A", venue: "V", year: 2020,
                                        authors: [PersonName(first: "Ann", last: "One"), PersonName(first: "Bo", last: "Two")],
                                        location: SourceLocation(path: "t", line: 1, column: 1))]
        var options = NetworkOptions()
        options.keepsTieYears = false
        let authors = AuthorResolver.resolve(publications, mode: .exact)
        return try NetworkBuilder.build(publications: publications, authors: authors, options: options)
    }

    @Test func poppingAnEmptyRadixHeapTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = RadixHeap().pop()
        }
    }

    @Test func theBuilderNeedsAnIndexOfTheSamePublications() async {
        await #expect(processExitsWith: .failure) {
            let paper = Publication(key: "k", type: "article", title: "", venue: "", year: 2020,
                                    authors: [PersonName(last: "A"), PersonName(last: "B")], location: .file("x"))
            let index = AuthorResolver.resolve([paper], mode: .exact)
            _ = try? NetworkBuilder.build(publications: [paper, paper], authors: index, options: NetworkOptions())
        }
    }
}
