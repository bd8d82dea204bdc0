@testable import CoauthorCore
import Testing

/// How rankings print: one number of decimals per column, equal values at one rank.
struct RankingTableTests {
    /// Ranks compare values at 12 significant digits: equal but for rounding is a tie.
    @Test func rankingKeysJoinValuesEqualButForRounding() {
        #expect(rankingKey(6.000000000000003) == rankingKey(6.000000000000002) && rankingKey(6.000000000000002) == rankingKey(6))
        #expect(rankingKey(15.999999999999998) == 16)
        #expect(rankingKey(0.39490765220134666) == rankingKey(0.3949076522013467))
        #expect(rankingKey(4.788989694228963e-05) == rankingKey(4.788989694228962e-05))
        #expect(rankingKey(1.000000001) > rankingKey(1) && rankingKey(0.10404301328216572) == rankingKey(0.10404301328218248))
        #expect(rankingKey(-2.5) == -2.5 && rankingKey(1e-300) > 0 && rankingKey(1e300) > rankingKey(9.99e299))
        #expect(rankingKey(.infinity) == .infinity && rankingKey(0) == 0 && rankingKey(.nan).isNaN)
    }

    /// A column whose values reach 100 prints each with 1 decimal, else with 4 (a user trial of
    /// session 52 read `658.0` above `76.0000` in one column); CSV keeps every digit.
    @Test func aColumnPrintsItsNumbersWithOneNumberOfDecimals() {
        var table = RankingTable(columns: ["name", "strength", "pagerank"])
        table.rows = [[.text("a"), .real(658), .real(0.25)], [.text("b"), .real(76), .real(0.125)], [.text("c"), .real(nil), .real(0.0625)]]
        let lines = table.plain().split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(lines == [["a", "658.0", "0.2500"], ["b", "76.0", "0.1250"], ["c", "–", "0.0625"]], "\(lines)")
        #expect(table.csv().contains("b,76.0,0.125"), "\(table.csv())")
        // Below 0.1, three significant digits of the largest value: a field's PageRanks stay apart.
        var small = RankingTable(columns: ["name", "pagerank"])
        small.rows = [[.text("a"), .real(0.0012)], [.text("b"), .real(0.00081)], [.text("c"), .real(0)]]
        let smallLines = small.plain().split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(smallLines == [["a", "0.00120"], ["b", "0.00081"], ["c", "0.00000"]], "\(smallLines)")
        #expect(RankingTable.decimals(largest: 0.0004) == 6 && RankingTable.decimals(largest: 0.05) == 4
                && RankingTable.decimals(largest: 0.1) == 4 && RankingTable.decimals(largest: 0) == 4
                && RankingTable.decimals(largest: 1e-300) == 12 && RankingTable.decimals(largest: .nan) == 4)
    }

    /// A name is its own text in Markdown: emphasis, links, HTML and pipes are escaped (a user
    /// trial of session 56 found `Star *Bold*` in italics and `[x](y)` a link).
    @Test func markdownCellsAreLiteral() {
        var table = RankingTable(columns: ["rank", "name"])
        table.rows = [[.integer(1), .text("Star *Bold* [x](y) <b>a_b</b> a|b")]]
        let lines = table.markdown().split(separator: "\n")
        #expect(lines.first == "| rank | name |")
        #expect(lines.last == #"| 1 | Star \*Bold\* \[x\](y) \<b\>a\_b\</b\> a\|b |"#, "\(lines)")
    }

    // Equal values share a rank in every ranking (a user trial of session 56 read the 13 authors of
    // the highest core, ranked #1 to #13 by name, as thirteen different positions).
    @Test func equalKeysShareTheFirstRank() {
        #expect(RankingTable.sharedRanks([]) == [])
        #expect(RankingTable.sharedRanks([5, 3, 3, 2, .nan, .nan]) == [1, 2, 2, 4, 5, 5])
        #expect(RankingTable.sharedRanks([1, 1, 1]) == [1, 1, 1])
    }

    @Test func authorsAndCollaboratorsShareRanks() throws {
        let network = try twoTrianglesNetwork()
        let metrics = MetricTable(network: network, request: MetricRequest([.degree, .betweenness]))
        func rows(_ table: RankingTable) -> [String] {
            table.csv().split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: " ") }
        }
        let byDegree = RankingTable.authors(network, metrics: metrics, by: .degree, top: 0)
        #expect(rows(byDegree) == ["1 Cy Lee", "2 Ann Lee", "2 Bo Lee", "2 Di Lee", "2 Ed Lee"])
        // The top rows keep their shared rank.
        #expect(rows(RankingTable.authors(network, metrics: metrics, by: .degree, top: 3)) == ["1 Cy Lee", "2 Ann Lee", "2 Bo Lee"])
        let cy = try #require(network.node(named: "Cy Lee"))
        let ties = TieMetrics.ties(of: cy, in: network, referenceYear: 2021)
        let byPapers = RankingTable.collaborators(of: cy, in: network, metrics: metrics, ties: ties, by: .tie(.papers), top: 0)
        #expect(rows(byPapers) == ["1 Ann Lee", "1 Bo Lee", "1 Di Lee", "1 Ed Lee"])
        let byYear = RankingTable.collaborators(of: cy, in: network, metrics: metrics, ties: ties, by: .tie(.lastYear), top: 0)
        #expect(rows(byYear) == ["1 Di Lee", "1 Ed Lee", "3 Ann Lee", "3 Bo Lee"])
    }

    /// ID columns are written by CSV and JSON only; a node without an ID is `null` in JSON, as a
    /// missing metric is (a review of session 61 found `""`).
    @Test func idColumnsAreForFilesAndMissingIDsAreNull() {
        var table = RankingTable(columns: ["rank", "name", "ror", "papers"])
        table.idColumns = ["ror"]
        table.rows = [[.integer(1), .text("University of Trento"), .text("05trd4x28"), .integer(4)],
                      [.integer(2), .text("Univ Venice"), .text(""), .integer(1)]]
        #expect(table.json().contains(#""ror": "05trd4x28""#) && table.json().contains(#""ror": null"#), "\(table.json())")
        #expect(table.csv().hasPrefix("rank,name,ror,papers\n1,University of Trento,05trd4x28,4\n2,Univ Venice,,1"), "\(table.csv())")
        #expect(!table.plain().contains("ror") && !table.plain().contains("05trd4x28") && table.plain().contains("Univ Venice"), "\(table.plain())")
    }
}
