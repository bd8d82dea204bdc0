import Foundation
import Testing

/// `--level institution|country` through the built binary: every command works at every level on
/// the Web of Science sample, missing affiliations are noted, and a focus names a unit.
struct LevelCLITests {
    static let wos = EndToEndTests.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/datasets/exports/wos-plaintext/bibliometrix-wos_sample.txt")
    static let openAlexCSV = EndToEndTests.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/datasets/exports/openalex/bibliometrix-openalex_sample.csv")
    static let available = FileManager.default.fileExists(atPath: wos.path)

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-levels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: available, "needs ../shared/datasets/exports"), arguments: ["institution", "country"])
    func everyCommandWorksAtEveryLevel(level: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = Self.wos.path
        for arguments in [["stats", file], ["rank", file, "--by", "betweenness"], ["rank", file, "--by", "h_index"],
                          ["timeline", file], ["timeline", file, "--corpus"], ["timeline", file, "--window", "3"],
                          ["timeline", file, "--ties"], ["export", file, "--format", "graphml", "-o", "n.graphml"],
                          ["export", file, "--format", "gexf", "-o", "n.gexf"], ["export", file, "--format", "csv", "-o", "csv"],
                          ["render", file, "-o", "n.svg"], ["report", file, "-o", "out"]] {
            let result = try EndToEndTests.run(arguments + ["--level", level], in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("error:"), "\(arguments): \(result.stderr)")
        }
        let svg = try String(contentsOf: folder.appendingPathComponent("n.svg"), encoding: .utf8)
        #expect(svg.contains(level == "country" ? "Country collaboration network" : "Institution collaboration network"))
        // The page's side panel and tooltip call a unit's neighbours partners, not co-authors.
        let page = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(page.contains(#""neighbours":["partner","partners"]"#))
        // The page's title, search, rankings and metric summaries name the level's units (they
        // said `Co-authorship network`, `Find an author`, `distinct co-authors`: a user trial of
        // session 51), and so does VOSviewer's terminology.
        let (unit, units) = level == "country" ? ("country", "countries") : ("institution", "institutions")
        #expect(page.contains(level == "country" ? "<h1>Country collaboration network" : "<h1>Institution collaboration network"))
        #expect(page.contains("Find \(level == "country" ? "a" : "an") \(unit)</label>") && page.contains("Rank \(units) by"))
        #expect(page.contains("distinct partners") && !page.contains("distinct co-authors"))
        #expect(!page.contains("Find an author") && !page.contains("Rank authors by") && !page.contains("Selected author"))
        // The script's own words (the legend, the panel, the rankings' count) come from the data.
        #expect(page.contains(#""units":["\#(unit)","\#(units)"]"#))
        // The search finds a country by its code and its other names, as `--focus` does (a user
        // trial of session 56 typed `DE` and `Deutschland` in vain); no unit has them otherwise.
        #expect(page.contains(#""DE","Federal Republic of Germany","Fed Rep Ger","Deutschland""#) == (level == "country"))
        #expect(page.contains(#"D.aliases[String(v)]"#))
        // The files' list, the timeline's caption, table and chart too (a user trial of session 52).
        #expect(page.contains("nodes.csv — every \(unit) with every metric") && page.contains("edges.csv — every collaboration tie between \(units)"))
        #expect(!page.contains("every author") && !page.contains("co-authorship tie") && !page.contains("collaborators and"), "\(level)")
        #expect(page.contains("The focus \(unit)'s papers, partners and new partners per year") && page.contains("<th scope=\"col\">partners</th>"))
        let chart = try String(contentsOf: folder.appendingPathComponent("out/timeline.svg"), encoding: .utf8)
        #expect(chart.contains("new partners") && !chart.contains("co-authors") && !chart.contains("collaborators"), "\(level)")
        let vos = try EndToEndTests.run(["export", file, "--level", level, "--format", "vosviewer-json"], in: folder)
        let terminology = try #require(((try JSONSerialization.jsonObject(with: Data(vos.stdout.utf8)) as? [String: Any])?["config"]
                                         as? [String: Any])?["terminology"] as? [String: String])
        #expect(terminology["item"] == unit.prefix(1).uppercased() + unit.dropFirst() && terminology["link"] == "Collaboration link")
        let authors = try EndToEndTests.run(["report", file, "-o", "authors"], in: folder)
        #expect(authors.status == 0, "\(authors.stderr)")
        let authorPage = try String(contentsOf: folder.appendingPathComponent("authors/report.html"), encoding: .utf8)
        #expect(authorPage.contains(#""neighbours":["co-author","co-authors"]"#) && authorPage.contains(#""units":["author","authors"]"#))
        #expect(authorPage.contains("Find an author</label>") && authorPage.contains("Rank authors by") && authorPage.contains("distinct co-authors"))
        let stats = try EndToEndTests.run(["stats", file, "--level", level, "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["level"] as? String == level)
        #expect(object["units"] as? Int == (level == "country" ? 9 : 15))
        #expect(object["without_units"] as? Int == 0)
    }

    @Test(.enabled(if: available, "needs ../shared/datasets/exports"))
    func countriesAreNamedAndFocusedByCode() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ranked = try EndToEndTests.run(["rank", Self.wos.path, "--level", "country", "--focus", "GB", "--format", "csv"], in: folder)
        #expect(ranked.status == 0, "\(ranked.stderr)")
        // The United Kingdom's partners: Brazil and Germany, one joint paper each (so one rank),
        // with their ISO codes (a ranking had none to join it to other data by: a user trial of
        // session 61), which the terminal's table leaves out.
        let lines = ranked.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("rank,name,country_code,papers,") == true, "\(ranked.stdout)")
        let rows = lines.dropFirst().map { $0.split(separator: ",").prefix(4).joined(separator: ",") }
        #expect(rows == ["1,Brazil,BR,1", "1,Germany,DE,1"])
        let all = try EndToEndTests.run(["rank", Self.wos.path, "--level", "country", "--format", "json"], in: folder)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(!objects.isEmpty && objects.allSatisfy { ($0["country_code"] as? String)?.count == 2 }, "\(all.stdout.prefix(400))")
        let text = try EndToEndTests.run(["rank", Self.wos.path, "--level", "country"], in: folder)
        #expect(text.status == 0 && text.stdout.contains("Brazil") && !text.stdout.contains("country_code"), "\(text.stdout)")
        let unknown = try EndToEndTests.run(["rank", Self.wos.path, "--level", "country", "--focus", "Narnia"], in: folder)
        #expect(unknown.status == 64 && unknown.stderr.contains("no country named 'Narnia'"), "\(unknown.stderr)")
    }

    /// Unit nodes carry their code: `country_code` at country level, `ror` for institutions the
    /// source gives a ROR id (OpenAlex JSON does; Web of Science gives none).
    @Test(.enabled(if: available, "needs ../shared/datasets/exports"))
    func exportsCarryTheUnitsCodes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let countries = try EndToEndTests.run(["export", Self.wos.path, "--level", "country", "--format", "csv", "-o", "c"], in: folder)
        #expect(countries.status == 0, "\(countries.stderr)")
        // Rows end in CRLF, which Swift reads as one Character: split the scalars.
        let nodes = try String(contentsOf: folder.appendingPathComponent("c/nodes.csv"), encoding: .utf8)
            .unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .newlines) }
        let header = nodes[0].split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "country_code"), "\(header)")
        let codes = Dictionary(uniqueKeysWithValues: nodes.dropFirst().map { row in
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            return (String(cells[1]), String(cells[column]))
        })
        #expect(codes.count == 9)
        #expect(codes["United Kingdom"] == "GB" && codes["Brazil"] == "BR" && codes["Türkiye"] == "TR", "\(codes)")
        let openAlex = Self.openAlexCSV.deletingLastPathComponent().appendingPathComponent("openalex-python-W2741809807.json")
        let institutions = try EndToEndTests.run(["export", openAlex.path, "--level", "institution", "--format", "graphml",
                                                  "-o", "i.graphml"], in: folder)
        #expect(institutions.status == 0, "\(institutions.stderr)")
        let graphml = try String(contentsOf: folder.appendingPathComponent("i.graphml"), encoding: .utf8)
        #expect(graphml.contains("attr.name=\"ror\""))
        // The work's first institution, "ror": "https://ror.org/05ppvf150" in the file.
        #expect(graphml.contains("<data key=\"ror\">05ppvf150</data>"))
        // Each institution carries the code of the one country its affiliations name (none did:
        // a user trial of session 63): OpenAlex's own for this one, and for the Public Knowledge
        // Project, which OpenAlex gives no country, the one its raw affiliation names
        // ("Public Knowledge Project, Canada").
        #expect(graphml.contains("attr.name=\"country_code\""))
        func node(_ ror: String) -> Substring? { graphml.components(separatedBy: "<node ").first { $0.contains(">\(ror)</data>") }.map { Substring($0) } }
        #expect(node("05ppvf150")?.contains("<data key=\"country_code\">US</data>") == true, "\(graphml)")
        #expect(node("05ek4tb53")?.contains("<data key=\"country_code\">CA</data>") == true, "\(graphml)")
        // A focus by ROR id, also as the URL OpenAlex writes it (refused: a user trial of
        // session 61), and a ranking that carries the ROR ids.
        for focus in ["05ppvf150", "https://ror.org/05ppvf150", "https://ror.org/05ppvf150/", "HTTPS://ROR.ORG/05PPVF150?x=1"] {
            let focused = try EndToEndTests.run(["rank", openAlex.path, "--level", "institution", "--focus", focus, "--format", "json"], in: folder)
            #expect(focused.status == 0, "\(focus): \(focused.stderr)")
        }
        let ranked = try EndToEndTests.run(["rank", openAlex.path, "--level", "institution", "--format", "json"], in: folder)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(ranked.stdout.utf8)) as? [[String: Any]])
        #expect(objects.contains { $0["ror"] as? String == "05ppvf150" }, "\(ranked.stdout.prefix(600))")
    }

    @Test(.enabled(if: available, "needs ../shared/datasets/exports"))
    func papersWithoutAffiliationsAreNotedAndCounted() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["stats", Self.openAlexCSV.path, "--level", "institution", "--format", "json"], in: folder)
        #expect(result.status == 0)
        // Derviş 2020 has none; Guleria & Kaur 2021 lists four institutions for two authors, which
        // are the paper's (Scripts/levels_check.py: `without_units` 1).
        #expect(result.stderr.contains("note: 1 publication names no institution in the affiliations (of which 1 with no affiliation at all)"),
                "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["without_units"] as? Int == 1 && object["without_affiliations"] as? Int == 1)
    }

    /// The table of `stats` at institution level says whose each row is: `authors` are people,
    /// the edges and isolated nodes are institutions', whose count comes before them (a user trial
    /// of session 51 read `authors 25` beside `edges 22` as the graph's). The JSON keys are SPEC's.
    @Test(.enabled(if: available, "needs ../shared/datasets/exports"))
    func theStatsTableAtInstitutionLevelSaysWhoseEachRowIs() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["stats", Self.openAlexCSV.path, "--level", "institution", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let labels = result.stdout.split(separator: "\n").dropFirst(2).map { $0.components(separatedBy: "  ").first ?? "" }
        #expect(labels.prefix(7) == ["records", "publications", "authorships", "authors (people)", "level", "units (institutions)",
                                     "edges (between institutions)"], "\(labels)")
        #expect(labels.contains("isolated institutions") && !labels.contains("authors") && !labels.contains("units"))
        let json = try EndToEndTests.run(["stats", Self.openAlexCSV.path, "--level", "institution", "--format", "json", "--quiet"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["authors"] is Int && object["units"] is Int && object["edges"] is Int && object["isolated"] is Int)
    }

    /// The corpus timeline at country level counts countries, and its columns say so (a user
    /// trial of session 52 read `active_authors` 0 beside 2 papers: their countries).
    @Test(.enabled(if: available, "needs ../shared/datasets/exports"))
    func theCorpusTimelineAtCountryLevelNamesItsUnits() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["timeline", Self.openAlexCSV.path, "--corpus", "--level", "country", "--format", "csv", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("year,papers,active_countries,new_countries,new_ties,"), "\(result.stdout.prefix(200))")
        let authors = try EndToEndTests.run(["timeline", Self.openAlexCSV.path, "--corpus", "--format", "csv", "--quiet"], in: folder)
        #expect(authors.stdout.hasPrefix("year,papers,active_authors,new_authors,new_ties,"), "\(authors.stdout.prefix(200))")
    }

    @Test func aBibTeXFileHasNoCountries() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "@article{a, author = {Ann Alpha and Bob Beta}, title = {T}, year = {2020}}\n"
            .write(to: folder.appendingPathComponent("a.bib"), atomically: true, encoding: .utf8)
        let result = try EndToEndTests.run(["stats", "a.bib", "--level", "country"], in: folder)
        #expect(result.status == 65 && result.stderr.contains("no publication names a country"), "\(result.stderr)")
        // With a focus too: the missing countries are said, not the focus looked for among none
        // (a user trial was told to list the institutions, which listed nothing).
        for level in ["country", "institution"] {
            let focused = try EndToEndTests.run(["rank", "a.bib", "--level", level, "--focus", "MIT"], in: folder)
            #expect(focused.status == 65 && focused.stderr.contains("no publication names a") && !focused.stderr.contains("MIT"),
                    "\(focused.stderr)")
        }
        // Countries that only papers of other years name are left out by the filters, not missing
        // (a user trial of session 53 was told that no paper names a country).
        let filtered = try EndToEndTests.run(["stats", Self.openAlexCSV.path, "--level", "country", "--from", "2090"], in: folder)
        #expect(filtered.status == 65 && filtered.stderr.contains("no countries are left after the filters"), "\(filtered.stderr)")
    }

    /// Two Web of Science papers of one Naples author (written `Univ Naples Federico II` and
    /// `University of Naples Federico II`) and one Trento author (`Univ Trento` both times).
    static let twoSpellingsOfNaples = """
        FN Clarivate Analytics Web of Science
        VR 1.0
        PT J
        AU Aria, M
           Smith, J
        AF Aria, Massimo
           Smith, John
        TI One
        PY 2017
        C1 [Aria, Massimo] Univ Naples Federico II, Dept Econ, Naples, Italy.
           [Smith, John] Univ Trento, Trento, Italy.
        UT WOS:1
        ER

        PT J
        AU Aria, M
           Smith, J
        AF Aria, Massimo
           Smith, John
        TI Two
        PY 2018
        C1 [Aria, Massimo] University of Naples Federico II, Naples, Italy.
           [Smith, John] Univ Trento, Trento, Italy.
        UT WOS:2
        ER

        EF

        """

    /// The report at institution level lists the institutions read under several spellings
    /// (its identity decisions), and says that the name merges it lists are the authors' (a
    /// user trial of session 61 saw "0 name variants merged" beside merged institutions).
    @Test func theReportListsTheSpellingsOfEachInstitution() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.twoSpellingsOfNaples.write(to: folder.appendingPathComponent("w.txt"), atomically: true, encoding: .utf8)
        let result = try EndToEndTests.run(["report", "w.txt", "--level", "institution", "-o", "out", "--no-exports", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(page.contains("1 institution was read under more than one spelling"), "\(page)")
        #expect(page.contains("<td>Univ Naples Federico II; University of Naples Federico II</td>")
                || page.contains("<td>University of Naples Federico II; Univ Naples Federico II</td>"), "\(page)")
        #expect(page.contains("<p>Authors: 0 name variants merged"), "\(page)")
    }

    /// `names --level institution` lists every institution with the spellings it was read under
    /// and the affiliations that wrote each (a user trial of session 61 found `--level` refused,
    /// the spellings only in the report). Counted by hand from the fixture: the two papers write
    /// `Univ Naples Federico II` once and `University of Naples Federico II` once (a tie: the
    /// name is the alphabetically first), `Univ Trento` twice.
    @Test func namesListsTheSpellingsOfEachInstitution() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.twoSpellingsOfNaples.write(to: folder.appendingPathComponent("w.txt"), atomically: true, encoding: .utf8)
        let text = try EndToEndTests.run(["names", "w.txt", "--level", "institution", "--quiet"], in: folder)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == """
            2 institutions read under 3 spellings in the affiliations

            Read under several spellings (1):
              Univ Naples Federico II: Univ Naples Federico II (1), University of Naples Federico II (1)

            """, "\(text.stdout)")
        let json = try EndToEndTests.run(["names", "w.txt", "--level", "institution", "--format", "json"], in: folder)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["institutions"] as? Int == 2 && object["spellings"] as? Int == 3)
        let units = try #require(object["units"] as? [[String: Any]])
        try #require(units.count == 2)
        #expect(units.map { $0["name"] as? String } == ["Univ Naples Federico II", "Univ Trento"])
        let trento = try #require(units[1]["spellings"] as? [[String: Any]])
        #expect(trento.count == 1 && trento[0]["spelling"] as? String == "Univ Trento" && trento[0]["affiliations"] as? Int == 2)
        #expect(units[1]["ror"] is NSNull)
    }

    /// An OpenAlex institution without a country code is placed by the raw affiliation string
    /// that names it (`Public Knowledge Project, Canada`), and the institutions of a CSV row
    /// whose authors' countries are all one country are in it: both were noted as in no
    /// country (a user trial of session 61).
    @Test(.enabled(if: available, "needs ../shared/datasets/exports"))
    func openAlexInstitutionsWithoutACodeAreStillPlaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = Self.openAlexCSV.deletingLastPathComponent().appendingPathComponent("openalex-python-W2741809807.json")
        for file in [work.path, Self.openAlexCSV.path] {
            let result = try EndToEndTests.run(["stats", file, "--level", "country"], in: folder)
            #expect(result.status == 0 && !result.stderr.contains("finds no country"), "\(file): \(result.stderr)")
        }
    }
}
