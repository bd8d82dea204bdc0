@testable import CoauthorCore
import Testing

/// How rankings print: one number of decimals per column.
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
    }
}
