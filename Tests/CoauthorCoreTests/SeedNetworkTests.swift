import CoauthorCore
import Foundation
import Testing

/// The seed researcher's network (Data/), checked against the CV by hand and against
/// the independent reading in Scripts/networkx_fixtures.py.
struct SeedNetworkTests {
    static func load() throws -> CoauthorNetwork {
        let corpus = try InputReader.read([Paths.data.path])
        let authors = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        return try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: NetworkOptions())
    }

    /// Every distinct person on the CV's publication list, typed from the CV.
    static let people: Set<String> = [
        "Shashank Rajput", "Nikhil Mehta", "Anima Singh", "Raghunandan H. Keshavan", "Trung Vu", "Lukasz Heldt",
        "Lichan Hong", "Yi Tay", "Vinh Q. Tran", "Jonah Samost", "Maciej Kula", "Ed H. Chi", "Maheswaran Sathiamoorthy",
        "Angeliki Giannou", "Jy-yong Sohn", "Kangwook Lee", "Jason D. Lee", "Dimitris Papailiopoulos", "Chulhee Yun",
        "Suvrit Sra", "Tuan Dinh", "Yuchen Zeng", "Ruisu Zhang", "Ziqian Lin", "Michael Gira", "Timothy Ossowski",
        "Yifei Ming", "Junjie Hu", "Kartik Sreenivasan", "Nayoung Lee", "Hongyi Wang", "Eric Xing", "Amin Karbasi",
        "Ankit Pensia", "Alliot Nagle", "Harit Vishwakarma", "Anant Gupta", "Saurabh Agarwal", "Zachary Charles",
        "Zhili Feng", "Po-Ling Loh", "Stephen Wright",
    ]

    @Test func oneNodePerPersonOnTheCV() throws {
        let network = try Self.load()
        #expect(network.publicationCount == 16)
        #expect(network.nodeCount == 42)
        #expect(Set(network.names) == Self.people)
        #expect(network.names[network.focus!] == "Shashank Rajput")
        #expect(network.graph.degree(network.focus!) == 41)
    }

    /// Joint papers and years of the focus author's ties, counted by hand from the CV.
    @Test(arguments: [
        ("Dimitris Papailiopoulos", 14, 2019, 2023), ("Jy-yong Sohn", 6, 2020, 2023), ("Kangwook Lee", 6, 2020, 2023),
        ("Hongyi Wang", 3, 2019, 2022), ("Kartik Sreenivasan", 3, 2020, 2022), ("Zachary Charles", 3, 2019, 2019),
        ("Angeliki Giannou", 2, 2023, 2023), ("Harit Vishwakarma", 2, 2020, 2020), ("Tuan Dinh", 2, 2022, 2022),
        ("Suvrit Sra", 1, 2022, 2022), ("Jason D. Lee", 1, 2023, 2023), ("Nayoung Lee", 1, 2022, 2022),
        ("Stephen Wright", 1, 2019, 2019), ("Raghunandan H. Keshavan", 1, 2023, 2023), ("Amin Karbasi", 1, 2021, 2021),
    ])
    func focusTies(name: String, papers: Int, first: Int, last: Int) throws {
        let network = try Self.load()
        let focus = try #require(network.node(named: "Shashank Rajput"))
        let other = try #require(network.node(named: name))
        let edge = try #require(network.graph.edge(focus, other))
        #expect(Int(network.edgePapers[edge]) == papers)
        #expect(network.graph.weight[edge] == Double(papers))
        #expect(network.edgeFirstYear[edge] == first)
        #expect(network.edgeLastYear[edge] == last)
    }

    @Test func tiesBetweenCollaboratorsToo() throws {
        let network = try Self.load()
        func tie(_ a: String, _ b: String) -> Int? {
            network.graph.edge(network.node(named: a)!, network.node(named: b)!).map { Int(network.edgePapers[$0]) }
        }
        #expect(tie("Kangwook Lee", "Dimitris Papailiopoulos") == 6)
        #expect(tie("Jy-yong Sohn", "Kangwook Lee") == 5)
        #expect(tie("Zachary Charles", "Dimitris Papailiopoulos") == 3)
        #expect(tie("Kangwook Lee", "Jason D. Lee") == 1)
        #expect(tie("Stephen Wright", "Suvrit Sra") == nil)
    }

    /// Nodes, papers, years and every edge agree with the script's independent reading of Data/.
    @Test func agreesWithTheIndependentReading() throws {
        let network = try Self.load()
        let fixture = try GraphFixture(named: "seed")
        let papers = fixture.raw["papers"] as! [Int]
        let firstYears = fixture.raw["first_year"] as! [Int]
        let lastYears = fixture.raw["last_year"] as! [Int]
        #expect(Set(network.names) == Set(fixture.nodes))
        #expect(network.edgeCount == fixture.graph.edgeCount)
        for (i, name) in fixture.nodes.enumerated() {
            let v = try #require(network.node(named: name))
            #expect(network.papers[v] == papers[i], "\(name)")
            #expect(network.firstYear[v] == firstYears[i] && network.lastYear[v] == lastYears[i], "\(name)")
        }
        for edge in fixture.raw["edge_years"] as! [[Int]] {
            let a = try #require(network.node(named: fixture.nodes[edge[0]]))
            let b = try #require(network.node(named: fixture.nodes[edge[1]]))
            let e = try #require(network.graph.edge(a, b))
            let reference = try #require(fixture.graph.edge(edge[0], edge[1]))
            #expect(network.graph.weight[e] == fixture.graph.weight[reference])
            #expect(network.edgeFirstYear[e] == edge[2] && network.edgeLastYear[e] == edge[3])
        }
    }

    @Test func fractionalWeightsFollowNewman() throws {
        let corpus = try InputReader.read([Paths.data.path])
        let authors = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        var options = NetworkOptions()
        options.weighting = .fractional
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options)
        let a = network.node(named: "Shashank Rajput")!, b = network.node(named: "Angeliki Giannou")!
        // Two joint papers with 6 and 3 authors: 1/5 + 1/2.
        #expect(abs(network.graph.weight[network.graph.edge(a, b)!] - 0.7) < 1e-12)
        // Recency weighs each paper by its own share: with Jy-yong Sohn, Attack of the Tails (2020,
        // 8 authors), LIFT (2022, 9), Utilizing (2022, 8), Finding Everything (2022, 4),
        // Super Seeds (2022, 7) and Looped Transformers (2023, 6); half-life 3, Y = 2023.
        let sohn = network.node(named: "Jy-yong Sohn")!
        let tie = try #require(TieMetrics.ties(of: a, in: network, referenceYear: 2023).first { $0.coauthor == sohn })
        let decay = { (year: Double) in pow(2, -(2023 - year) / 3) }
        let expected = decay(2020) / 7 + decay(2022) * (1.0 / 8 + 1.0 / 7 + 1.0 / 3 + 1.0 / 6) + decay(2023) / 5
        #expect(abs(tie.recency - expected) < 1e-12, "recency \(tie.recency), expected \(expected)")
    }

    @Test func yearFilterAndEgoNetwork() throws {
        let corpus = try InputReader.read([Paths.data.path])
        let authors = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        var options = NetworkOptions()
        options.fromYear = 2023
        let recent = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options)
        #expect(recent.publicationCount == 3)
        #expect(recent.nodeCount == 13 + 5)
        options = NetworkOptions()
        options.focus = "Stephen Wright"
        options.radius = 1
        let ego = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options)
        #expect(Set(ego.names) == ["Stephen Wright", "Zachary Charles", "Shashank Rajput", "Dimitris Papailiopoulos"])
        #expect(ego.names[ego.focus!] == "Stephen Wright")
        options.focus = "Nobody Atall"
        #expect(throws: NetworkError.self) {
            _ = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options)
        }
    }
}
