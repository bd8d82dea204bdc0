@testable import CoauthorCore
import Testing

/// How rankings print: one number of decimals per column.
struct RankingTableTests {
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
