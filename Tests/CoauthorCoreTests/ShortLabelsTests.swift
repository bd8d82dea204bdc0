@testable import CoauthorCore
import Testing

/// Names cut for drawing and for the terminal's tables (a user trial of session 61: a name of
/// six hundred letters made tables thousands of columns wide).
struct ShortLabelsTests {
    @Test(arguments: [
        ("Ada Lovelace", 12, "Ada Lovelace"), ("Ada Lovelace", 11, "Ada Lovela…"), ("Ada Lovelace", 5, "Ada…"),
        ("李小龍 山田太郎", 8, "李小龍…"), ("李小龍", 6, "李小龍"), ("Zoë Ø", 4, "Zoë…"),
    ])
    func aTextIsCutToItsColumns(text: String, width: Int, shortened: String) {
        #expect(text.shortened(toWidth: width) == shortened)
        #expect(TextTable.displayWidth(text.shortened(toWidth: width)) <= width)
    }

    @Test func aPlainTableCutsItsWideCellsOnly() {
        var table = TextTable(headers: ["rank", "name"], alignments: [.right, .left])
        let long = String(repeating: "Wolfeschlegelstein", count: 30)
        table.append(["1", long])
        table.append(["2", "Ada Lovelace"])
        let plain = table.plain()
        #expect(plain.split(separator: "\n").allSatisfy { TextTable.displayWidth(String($0)) <= 4 + 2 + TextTable.plainCellWidth }, "\(plain)")
        #expect(plain.contains(long.shortened(toWidth: TextTable.plainCellWidth)) && plain.contains("Ada Lovelace"))
        #expect(table.csv().contains(long), "CSV keeps the whole name")
    }
}
