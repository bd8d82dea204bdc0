import Foundation
import Testing

/// The non-BibTeX readers through the built binary: discovery by extension, standard input, duplicates.
struct FormatCLITests {
    private static func folder(with files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    private static let ris = "TY  - JOUR\nAU  - One, Ann\nAU  - Two, Bob\nTI  - On Graphs\nPY  - 2001\nER  - \n"

    @Test func aBibAndARISOfOnePaperCountOnceWithAWarningNamingBoth() throws {
        let folder = try Self.folder(with: [
            "a.bib": "@article{k, author = {Ann One and Bob Two}, title = {On {G}raphs}, year = 2001}\n",
            "b.ris": Self.ris,
            "c.xml": "<dblp><article key=\"x\"><author>Cy Three</author><year>2002</year></article></dblp>\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["stats", ".", "--format", "json"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("b.ris:1:1: warning: 'record at line 1' is the same paper as the record at ./a.bib:1:1; counted once"))
        #expect(result.stderr.contains("read 2 publications from 3 files (0 skipped, 0 without year)"))
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(stats["duplicates"] as? Int == 1)
        #expect(stats["authors"] as? Int == 3)
    }

    @Test func standardInputNeedsAFormatAndReadsEachFormat() throws {
        let folder = try Self.folder(with: [:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try EndToEndTests.run(["names", "-"], in: folder, stdin: Data(Self.ris.utf8))
        #expect(missing.status == 64)
        let ris = try EndToEndTests.run(["names", "-", "--input-format", "ris"], in: folder, stdin: Data(Self.ris.utf8))
        #expect(ris.status == 0, "stderr: \(ris.stderr)")
        #expect(ris.stdout.hasPrefix("2 name variants, 2 people"))
        let xml = "<dblp><article key=\"x\"><author>Cy Three</author><title>T &amp; U</title></article>\n<article key=\"y\"><author>D</autor></article></dblp>"
        let dblp = try EndToEndTests.run(["names", "-", "--input-format", "dblp", "--strict"], in: folder, stdin: Data(xml.utf8))
        #expect(dblp.status == 65)
        #expect(dblp.stderr.contains("<stdin>:2:27: error: the end tag </autor> does not match the open element <author>; the record 'y' is skipped"))
    }
}
