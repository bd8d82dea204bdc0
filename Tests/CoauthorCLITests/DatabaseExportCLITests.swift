import Foundation
import Testing

/// Database exports through the built binary: every command works on them unchanged, a folder
/// mixing them is read by content, and `names` shows the ID evidence.
struct DatabaseExportCLITests {
    private static let fixtures = EndToEndTests.repository.appendingPathComponent("Tests/CoauthorCoreTests/Fixtures/exports")

    private static func folder(with names: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-exports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test(arguments: ["scopus-full-names.csv", "openalex-list.json", "wos-quirks.txt"])
    func everyCommandWorksOnAnExport(file: String) throws {
        let folder = try Self.folder(with: [file])
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["stats", file], ["rank", file, "--top", "3"], ["timeline", file], ["names", file],
                          ["export", file, "--format", "graphml", "-o", "n.graphml"], ["render", file, "-o", "n.svg"],
                          ["report", file, "-o", "out"]] {
            let result = try EndToEndTests.run(arguments, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("error:"), "\(arguments): \(result.stderr)")
        }
        let graphML = try String(contentsOf: folder.appendingPathComponent("n.graphml"), encoding: .utf8)
        #expect(graphML.contains("attr.name=\"scopus_id\"") || graphML.contains("attr.name=\"orcid\""))
    }

    @Test func aMixedFolderIsReadByContentAndNamesShowTheIDEvidence() throws {
        let folder = try Self.folder(with: ["wos-quirks.txt", "openalex-list.json", "scopus-full-names.csv"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["names", "."], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // bibliometrix is in all three: read once, with two notes; an OpenAlex work and a Scopus row name no author.
        #expect(result.stderr.contains("read 4 publications from 3 files (0 skipped, 2 records without authors, 0 without year)"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "counted once").count - 1 == 2)
        // Another spelling of Massimo Aria, with his ORCID, in a JSON Lines file.
        let jsonl = #"{"id": "https://openalex.org/W99", "title": "Other", "publication_year": 2020, "authorships": [{"author": {"display_name": "M. Aria", "orcid": "https://orcid.org/0000-0002-8517-9411"}}, {"author": {"display_name": "Zed Zulu"}}]}"#
        try Data((jsonl + "\n").utf8).write(to: folder.appendingPathComponent("more.jsonl"))
        let names = try EndToEndTests.run(["names", "."], in: folder)
        #expect(names.status == 0, "stderr: \(names.stderr)")
        #expect(names.stdout.contains("same ORCID 0000-0002-8517-9411"), "\(names.stdout)")
        let wos = try EndToEndTests.run(["names", "wos-quirks.txt", "--input-format", "wos"], in: folder)
        #expect(wos.status == 0)
        #expect(wos.stdout.hasPrefix("6 name variants, 6 people"), "\(wos.stdout)")
    }
}
