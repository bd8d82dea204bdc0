import Foundation
import Testing

/// `--aliases FILE` through the built binary: YAML read with Yams, warnings at their YAML line.
struct AliasCLITests {
    private static func folder(with files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-aliases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    private static let bib = """
        @article{a, author = {Alexandros G. Dimakis and Wei Wang}, year = 2010}
        @article{b, author = {Alex Dimakis and Wei Wang 0001}, year = 2011}
        @article{c, author = {A. G. Dimakis and Ann Lee}, year = 2012}
        @article{d, author = {A. Lee}, year = 2013}

        """

    @Test func namesShowsAliasMergesAndWarnsAboutUnknownNames() throws {
        let folder = try Self.folder(with: ["refs.bib": Self.bib, "aliases.yaml": """
            merge:
              "Alexandros G. Dimakis": ["Alex Dimakis", "A. G. Dimakis"]
              "Nobody Here": ["N. Here"]
            distinct:
              - ["Ann Lee", "A. Lee"]

            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["names", "refs.bib", "--aliases", "aliases.yaml"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Alex Dimakis → Alexandros G. Dimakis  [alias file]"))
        #expect(result.stdout.contains("A. G. Dimakis → Alexandros G. Dimakis  [alias file]"))
        #expect(result.stdout.contains("A. Lee ≠ Ann Lee  [kept apart by the alias file (distinct)]"))
        #expect(result.stderr.contains("aliases.yaml:3:3: warning: the alias file names 'Nobody Here', which no input record has as an author"))
        #expect(result.stderr.contains("aliases.yaml:3:19: warning: the alias file names 'N. Here'"))
    }

    @Test func malformedAliasFileIsALocatedErrorWithExit65() throws {
        let folder = try Self.folder(with: ["refs.bib": Self.bib, "bad.yaml": "merge: [a\n", "shape.yaml": "distinct:\n  - [\"A\"]\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let syntax = try EndToEndTests.run(["names", "refs.bib", "--aliases", "bad.yaml"], in: folder)
        #expect(syntax.status == 65)
        #expect(syntax.stderr.contains("bad.yaml:2:1: error: not valid YAML"))
        let shape = try EndToEndTests.run(["names", "refs.bib", "--aliases", "shape.yaml"], in: folder)
        #expect(shape.status == 65)
        #expect(shape.stderr.contains("shape.yaml:2:5: error: each 'distinct' entry must be a pair of names"))
    }
}
