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

    /// How people were told apart is recorded with the network: the exports' `filters` (GraphML,
    /// JSON), `stats` and `rank`'s note say `exact name identity` and the alias file's rules
    /// (a user trial of session 56 found them in no output); at the defaults nothing is said.
    @Test func identityRulesAreRecordedWithTheNetwork() throws {
        let folder = try Self.folder(with: ["refs.bib": Self.bib, "aliases.yaml": """
            merge:
              "Alexandros G. Dimakis": ["Alex Dimakis", "A. G. Dimakis"]
            distinct:
              - ["Ann Lee", "A. Lee"]

            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let both = try EndToEndTests.run(["export", "refs.bib", "--identity", "exact", "--aliases", "aliases.yaml",
                                          "--format", "graphml", "-o", "net.graphml"], in: folder)
        #expect(both.status == 0, "stderr: \(both.stderr)")
        let graphml = try String(contentsOf: folder.appendingPathComponent("net.graphml"), encoding: .utf8)
        #expect(graphml.contains("<data key=\"g_filters\">exact name identity, alias file (1 merge; 1 distinct pair)</data>"), "\(graphml)")
        let stats = try EndToEndTests.run(["stats", "refs.bib", "--aliases", "aliases.yaml", "--format", "json"], in: folder)
        #expect(stats.status == 0 && stats.stdout.contains("\"filters\": \"alias file (1 merge; 1 distinct pair)\""), "\(stats.stdout)")
        let rank = try EndToEndTests.run(["rank", "refs.bib", "--identity", "exact"], in: folder)
        #expect(rank.status == 0 && rank.stderr.contains("ranked within: exact name identity"), "\(rank.stderr)")
        // The defaults say nothing of it.
        let plain = try EndToEndTests.run(["export", "refs.bib", "--format", "graphml", "-o", "plain.graphml"], in: folder)
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        let plainText = try String(contentsOf: folder.appendingPathComponent("plain.graphml"), encoding: .utf8)
        #expect(plainText.contains("<data key=\"g_filters\">none</data>"), "\(plainText)")
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
        // A key written twice is placed at its second line and said in one line; a tab indent is
        // named (a user trial of session 60 got Yams's text with `\x0A` for its line breaks,
        // placed at line 1).
        try "merge:\n  \"Karl Müller\": [\"Karl Mueller\"]\nmerge:\n  \"Anil Kumar\": [\"Kumar A\"]\n"
            .write(to: folder.appendingPathComponent("twice.yaml"), atomically: true, encoding: .utf8)
        try "merge:\n\t\"Karl Müller\": [\"Karl Mueller\"]\n".write(to: folder.appendingPathComponent("tab.yaml"), atomically: true, encoding: .utf8)
        let twice = try EndToEndTests.run(["names", "refs.bib", "--aliases", "twice.yaml"], in: folder)
        #expect(twice.status == 65 && twice.stderr.contains(
            "twice.yaml:3:1: error: not valid YAML: the key 'merge' is written twice in one mapping; write it once, with every entry under it\n")
                && !twice.stderr.contains("x0A"), "\(twice.stderr)")
        let tab = try EndToEndTests.run(["names", "refs.bib", "--aliases", "tab.yaml"], in: folder)
        #expect(tab.status == 65 && tab.stderr.contains("tab.yaml:2:1: error: not valid YAML:")
                && tab.stderr.contains("(a tab indents this line: YAML indents with spaces)"), "\(tab.stderr)")
    }

    /// An alias rule that joins an institution known by its name alone (read first) and one of a
    /// ROR id keeps the ROR id on the joined node: `names --level institution` gave `"ror": null`
    /// and nodes.csv no ROR (a review of session 62).
    @Test func anInstitutionJoinedByAliasKeepsItsRORID() throws {
        let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, W\n   Roe, A\nAF Li, Wei\n   Roe, Ann\nTI One\nPY 2020\n"
            + "C1 [Li, Wei] Univ Trento, Trento, Italy.\n   [Roe, Ann] Univ Padua, Padua, Italy.\nUT WOS:1\nER\n\nEF\n"
        let work = #"{"id": "https://openalex.org/W9", "title": "Two", "publication_year": 2021, "authorships": ["#
            + #"{"author": {"display_name": "Wei Li"}, "institutions": [{"display_name": "Fondazione Bruno Kessler", "ror": "https://ror.org/01j33xk10", "country_code": "IT"}]},"#
            + #"{"author": {"display_name": "Bo Zhu"}, "institutions": [{"display_name": "Zhejiang University", "ror": "https://ror.org/00a2xv884", "country_code": "CN"}]}]}"#
        let folder = try Self.folder(with: ["a.txt": wos, "b.json": work + "\n", "aliases.yaml": """
            institutions:
              "Trento": ["Univ Trento", "https://ror.org/01j33xk10"]

            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["names", "a.txt", "b.json", "--level", "institution", "--aliases", "aliases.yaml", "--format", "json"],
                                           in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        let units = try #require(object["units"] as? [[String: Any]])
        let trento = try #require(units.first { $0["name"] as? String == "Trento" }, "\(result.stdout)")
        #expect(trento["ror"] as? String == "01j33xk10", "\(trento)")
        let spellings = (trento["spellings"] as? [[String: Any]])?.compactMap { $0["spelling"] as? String } ?? []
        #expect(Set(spellings) == ["Univ Trento", "Fondazione Bruno Kessler"], "\(spellings)")
        #expect(units.count == 3, "Trento, Padua and Zhejiang: \(units.map { $0["name"] ?? "" })")
    }

    /// An alias file's `institutions` joins the institutions read under spellings coauthor does
    /// not join itself into one node labelled with the canonical name, warns about a spelling no
    /// affiliation is read as, and is recorded with the network (a user trial of session 61
    /// could neither see nor correct such a split).
    @Test func institutionsJoinsInstitutionsAtInstitutionLevel() throws {
        let record = { (title: String, address: String, ut: Int) in
            "PT J\nAU Li, W\n   Roe, A\nAF Li, Wei\n   Roe, Ann\nTI \(title)\nPY 2020\nC1 [Li, Wei] \(address)\n   [Roe, Ann] Univ Trento, Trento, Italy.\nUT WOS:\(ut)\nER\n\n"
        }
        let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\n" + record("One", "SW Univ Nationalities, Chengdu, Peoples R China.", 1)
            + record("Two", "Southwest Minzu Univ, Chengdu, Peoples R China.", 2) + "EF\n"
        let folder = try Self.folder(with: ["w.txt": wos, "aliases.yaml": """
            institutions:
              "Southwest Minzu University": ["SW Univ Nationalities", "Southwest Minzu Univ", "SW Minzu Uni"]

            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        func institutions(_ arguments: [String]) throws -> [String: Int] {
            let result = try EndToEndTests.run(["rank", "w.txt", "--level", "institution", "--top", "0", "--format", "csv"] + arguments, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            var papers: [String: Int] = [:]
            let lines = result.stdout.split(separator: "\n")
            let column = lines.first.flatMap { $0.split(separator: ",").firstIndex(of: "papers") } ?? 0
            for line in lines.dropFirst() {
                let cells = line.split(separator: ",")
                papers[String(cells[1])] = Int(cells[column])
            }
            return papers
        }
        let split = try institutions([])
        #expect(split == ["SW Univ Nationalities": 1, "Southwest Minzu Univ": 1, "Univ Trento": 2], "\(split)")
        let joined = try institutions(["--aliases", "aliases.yaml"])
        #expect(joined == ["Southwest Minzu University": 2, "Univ Trento": 2], "\(joined)")
        let warned = try EndToEndTests.run(["stats", "w.txt", "--level", "institution", "--aliases", "aliases.yaml"], in: folder)
        #expect(warned.stderr.contains("aliases.yaml:2:83: warning: the alias file's institutions name 'SW Minzu Uni', which no affiliation is read as"),
                "\(warned.stderr)")
        let graphml = try EndToEndTests.run(["export", "w.txt", "--level", "institution", "--aliases", "aliases.yaml", "--format", "graphml",
                                             "-o", "i.graphml", "--quiet"], in: folder)
        #expect(graphml.status == 0, "\(graphml.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("i.graphml"), encoding: .utf8)
        #expect(text.contains("alias file (1 institution merge)"), "\(text.prefix(1500))")
    }

    /// An `institutions` rule labels the node it joins, not another read under one of its
    /// spellings (the same name in another country), and a unit two rules find goes to the first,
    /// with a warning at the second (a review of session 61 found the label on the Japanese node,
    /// and two rules chained into one node in silence).
    @Test func institutionsLabelTheirOwnNodeAndOverlapsGoToTheFirstRule() throws {
        let record = { (title: String, first: String, second: String, ut: Int) in
            "PT J\nAU Aa, A\n   Bb, B\nAF Aa, Anna\n   Bb, Bruno\nTI \(title)\nPY 2018\nC1 [Aa, Anna] \(first)\n   [Bb, Bruno] \(second)\nUT WOS:\(ut)\nER\n\n"
        }
        let wos = "FN Clarivate Analytics Web of Science\nVR 1.0\n" + record("One", "Alpha Univ, Tokyo, Japan.", "Gamma Inst, Tokyo, Japan.", 1)
            + record("Two", "Alpha Univ, Delhi, India.", "Alpha University, Delhi, India.", 2)
            + record("Three", "Alpha University, Delhi, India.", "Delta Inst, Delhi, India.", 3) + "EF\n"
        let folder = try Self.folder(with: ["w.txt": wos, "aliases.yaml": """
            institutions:
              "Alpha University of India": ["Alpha University"]
              "Gamma Institute": ["Gamma Inst"]
              "Delta Institute": ["Delta Inst", "Gamma Inst"]

            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["rank", "w.txt", "--level", "institution", "--top", "0", "--format", "csv", "--aliases", "aliases.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let papers = try #require(lines.first?.firstIndex(of: "papers"))
        let rows = Set(lines.dropFirst().map { cells in "\(cells[1]) \(cells[papers])" })
        #expect(rows == ["Alpha Univ 1", "Alpha University of India 2", "Gamma Institute 1", "Delta Institute 1"], "\(result.stdout)")
        #expect(result.stderr.contains("aliases.yaml:4:37: warning: the alias file's institutions list 'Gamma Inst' under 'Gamma Institute' (line 3) and under 'Delta Institute'; it is merged into 'Gamma Institute' only"),
                "\(result.stderr)")
    }
}
