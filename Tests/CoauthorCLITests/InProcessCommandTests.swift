import ArgumentParser
@testable import coauthor
@testable import CoauthorCore
import Foundation
import Testing

/// Runs a command line in this process, as swift-argument-parser's `AssertExecuteCommand` does:
/// parse, run, and read what the command printed and the exit code it ended with.
struct InProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ arguments: [String], stdin: String = "") -> InProcess {
        run(stdin: stdin) { try Coauthor.parseAsRoot(arguments) }
    }

    /// Runs an already parsed command (parsing a command line costs tens of milliseconds in a
    /// debug build: tests that run thousands parse each command line once).
    static func run(stdin: String = "", _ command: () throws -> ParsableCommand) -> InProcess {
        _ = EndToEndTests.ignoreBrokenPipes
        let capture = ConsoleCapture(input: Array(stdin.utf8))
        var status: Int32 = 0
        Console.$capture.withValue(capture) {
            do {
                var command = try command()
                try command.run()
            } catch {
                status = Coauthor.exitCode(for: error).rawValue
                let message = Coauthor.fullMessage(for: error)
                if !message.isEmpty { Console.err(message + "\n") }
            }
        }
        return InProcess(status: status, stdout: capture.standardOutput, stderr: capture.standardError)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = repository.appendingPathComponent("Data").path

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-inprocess-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

@Suite struct InProcessCommandTests {
    @Test func rankPrintsATableOfTheSeedAuthors() {
        let result = InProcess.run(["rank", InProcess.data, "--top", "3", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5, "a header, a rule and three rows: \(result.stdout)")
        #expect(lines.first?.contains("pagerank") == true)
        #expect(result.stderr.isEmpty)
    }

    /// Estimates say they are estimates in the files: a ranking puts each one's error bound
    /// beside it (betweenness, harmonic; closeness has none in its units), every value is within
    /// it of the exact one here, and the exports carry the guarantee (a user trial of session 53
    /// found a CSV of sampled betweenness that looked exact).
    @Test func estimatesCarryTheirBoundsIntoTheFiles() throws {
        func rows(_ arguments: [String]) throws -> [[String: Any]] {
            let result = InProcess.run(["rank", InProcess.data, "--top", "0", "--format", "json", "--quiet"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        }
        // ε = 0.5 samples fewer sources than the seed network has authors (the sampling branch;
        // a smaller ε covers all 42 here). So the bounds are loose; ApproximationTests check that
        // estimates keep tight ones. Here: the columns, after every metric (SPEC §1's order first),
        // hold the bounds worked out by hand, ε·n/(n−2) = 0.5·42/40 for betweenness and n·ε·w_max
        // = 42·0.5·14 (14 joint papers of Rajput and Papailiopoulos) for harmonic.
        // (Harmonic and closeness are exact in components of at most 1,000 authors, as here: no
        // bound column; `ApproximationTests` check the sampled ones and their bound.)
        let harmonic = try rows(["--by", "harmonic", "--approximate", "0.5"])
        let exactHarmonic = try rows(["--by", "harmonic", "--exact"])
        #expect(harmonic.count == exactHarmonic.count && harmonic.allSatisfy { $0["harmonic_error"] == nil })
        #expect(zip(harmonic, exactHarmonic).allSatisfy { ($0["harmonic"] as? Double) == ($1["harmonic"] as? Double) })
        for (metric, expected) in [("betweenness", 0.525)] {
            let estimated = try rows(["--by", metric, "--approximate", "0.5"])
            let exact = try rows(["--by", metric, "--exact"])
            try #require(estimated.count == exact.count && estimated.count > 30)
            #expect(exact.allSatisfy { $0[metric + "_error"] == nil })
            let exactValues = Dictionary(uniqueKeysWithValues: exact.map { ($0["name"] as! String, $0[metric] as! Double) })
            var differ = 0
            let csv = InProcess.run(["rank", InProcess.data, "--by", metric, "--approximate", "0.5", "--format", "csv", "--quiet"])
            #expect(csv.stdout.hasPrefix("rank,name,\(metric),papers,degree,strength,eigenvector,pagerank,clustering,core,\(metric)_error\n"),
                    "\(csv.stdout.prefix(120))")
            for row in estimated {
                let bound = try #require(row[metric + "_error"] as? Double, "\(metric): \(row)")
                #expect(bound == expected, "\(metric): ±\(bound)")
                let value = row[metric] as! Double, truth = exactValues[row["name"] as! String]!
                #expect(abs(value - truth) <= bound, "\(metric) of \(row["name"]!): \(value) against \(truth) ± \(bound)")
                if value != truth { differ += 1 }
            }
            #expect(differ > 0, "\(metric): the estimates equal the exact values: nothing was sampled")
        }
        // Closeness, exact here, has no bound column either.
        let closeness = InProcess.run(["rank", InProcess.data, "--by", "closeness", "--approximate", "0.5", "--format", "csv", "--quiet"])
        let lines = closeness.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",core") == true, "\(closeness.stdout.prefix(300))")
        let export = InProcess.run(["export", InProcess.data, "--format", "json", "-o", "-", "--approximate", "0.05", "--quiet"])
        let document = try #require(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let graph = try #require(document["graph"] as? [String: Any])
        #expect((graph["approximation"] as? String)?.hasPrefix("betweenness estimated from ") == true, "\(graph)")
        let dot = InProcess.run(["export", InProcess.data, "--format", "dot", "-o", "-", "--approximate", "0.05", "--quiet", "--no-layout"])
        #expect(dot.stdout.contains("approximation=\"betweenness estimated from "), "\(dot.stdout.prefix(600))")
        // Said once in DOT (the comment is the summary without it), and an exact value is no
        // approximation ("closeness and harmonic exact" was written as one: a review of session 54).
        #expect(dot.stdout.components(separatedBy: "estimated from").count == 2, "\(dot.stdout.prefix(800))")
        #expect(!(graph["approximation"] as? String ?? "").contains("exact ("), "\(graph)")
        // The page says so under its heading and marks each estimated metric (a user trial of
        // session 54 found sampled values ranked on it as if exact); an exact page says nothing.
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (options, estimated) in [(["--approximate", "0.5"], true), (["--exact"], false)] {
            let out = folder.appendingPathComponent(estimated ? "sampled" : "exact")
            let report = InProcess.run(["report", InProcess.data, "-o", out.path, "--quiet"] + options)
            #expect(report.status == 0, "\(report.stderr)")
            let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(page.contains("<p class=\"part\" id=\"estimate-note\">Estimated by sampling, not computed exactly") == estimated)
            #expect(page.contains("\"key\":\"betweenness\",\"summary\"") && page.contains("\"estimate\":\"estimated by sampling: every value within ±") == estimated,
                    "\(options)")
        }
    }

    /// Each slice of a sliced timeline is the graph `--from` its first year `--to` its last gives,
    /// with `--min-papers` counted and `--radius` taken within the slice (a user trial of session
    /// 54: both were taken over all years, so a 2021–2022 slice held a co-author of 2020 alone).
    @Test func slicesApplyTheFiltersWithinTheirYears() throws {
        for filters in [["--focus", "Kangwook Lee", "--radius", "1"], ["--min-papers", "2"],
                        ["--focus", "Dimitris Papailiopoulos", "--radius", "1", "--min-papers", "2", "--weight", "fractional"]] {
            let timeline = InProcess.run(["timeline", InProcess.data, "--window", "2", "--format", "json", "--quiet"] + filters)
            #expect(timeline.status == 0, "\(timeline.stderr)")
            let rows = try #require(JSONSerialization.jsonObject(with: Data(timeline.stdout.utf8)) as? [[String: Any]])
            try #require(rows.count >= 3, "\(filters): \(rows.count) slices")
            var differing = 0
            for row in rows {
                let (from, to) = (row["from"] as! Int, row["to"] as! Int)
                let stats = InProcess.run(["stats", InProcess.data, "--from", "\(from)", "--to", "\(to)", "--format", "json", "--quiet"] + filters)
                guard stats.status == 0 else {
                    // The focus has no paper in the slice (or too few): the slice has none of its part.
                    #expect(filters.contains("--radius") && row["nodes"] as? Int == 0, "\(filters) \(from)–\(to): \(stats.stderr)")
                    continue
                }
                let graph = try #require(JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
                #expect(row["nodes"] as? Int == graph["authors"] as? Int && row["edges"] as? Int == graph["edges"] as? Int
                        && row["components"] as? Int == graph["components"] as? Int, "\(filters) \(from)–\(to): \(row) against \(graph)")
                let whole = InProcess.run(["stats", InProcess.data, "--format", "json", "--quiet"] + filters)
                if whole.stdout != stats.stdout { differing += 1 }
            }
            #expect(differing > 0, "\(filters): every slice is the whole network, so the slices test nothing")
        }
    }

    /// The page's corpus summary says why records outnumber publications: those without authors
    /// (a user trial of session 54 found 94 records unaccounted for).
    @Test func thePageCountsTheRecordsWithoutAuthors() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("p.bib")
        try """
            @proceedings{vol, editor = {Ed Itor}, title = {Proceedings}, year = 2020}
            @article{a, author = {Ann One and Bob Two}, title = {T1}, year = 2020}
            @article{b, author = {Ann One and Cy Three}, title = {T2}, year = 2021}
            """.write(to: bib, atomically: true, encoding: .utf8)
        let report = InProcess.run(["report", bib.path, "-o", folder.appendingPathComponent("out").path, "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(page.contains("<tr><th scope=\"row\">records read</th><td>3</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">records without authors (not publications)</th><td>1</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">publications</th><td>2</td></tr>"))
    }

    /// Hundreds of yearly maps are refused before any is drawn, with the years and the way out
    /// (`year = 3000` beside 2019 made 2,982 files: a hostile-input trial of session 57).
    @Test func tooManyYearlyMapsAreRefused() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = "@article{a, author = {Ann One and Bob Two}, year = 2019}\n@article{b, author = {Ann One and Cy Three}, year = 3000}\n"
        let out = folder.appendingPathComponent("y.svg").path
        let render = InProcess.run(["render", "-", "--input-format", "bibtex", "--by-year", "-o", out], stdin: bib)
        #expect(render.status == 64 && render.stderr.contains("--by-year would draw 982 maps, for the years 2019 to 3000"), "\(render.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let bounded = InProcess.run(["render", "-", "--input-format", "bibtex", "--by-year", "--to", "2020", "-o", out, "--quiet"], stdin: bib)
        #expect(bounded.status == 0, "\(bounded.stderr)")
    }

    /// The maps of one run are named in one form: with `--cumulative` the first is
    /// `net-2019-2019.svg`, beside `net-2019-2020.svg` (it was `net-2019.svg`, listed after the
    /// others: a user trial of session 62); one year a map keeps `net-2019.svg`. `--frames` with
    /// PDF maps is refused: a browser shows no PDF in the page's picture.
    @Test func cumulativeMapsAreNamedAlikeAndFramesAreNoPDF() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = "@article{a, author = {Ann One and Bob Two}, year = 2019}\n@article{b, author = {Ann One and Cy Three}, year = 2021}\n"
        let cumulative = folder.appendingPathComponent("c")
        let grown = InProcess.run(["render", "-", "--input-format", "bibtex", "--by-year", "--cumulative", "-o", cumulative.appendingPathComponent("net.svg").path, "--quiet"],
                                  stdin: bib)
        #expect(grown.status == 0, "\(grown.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cumulative.path).sorted() == ["net-2019-2019.svg", "net-2019-2020.svg", "net-2019-2021.svg"])
        let yearly = folder.appendingPathComponent("y")
        let single = InProcess.run(["render", "-", "--input-format", "bibtex", "--by-year", "-o", yearly.appendingPathComponent("net.svg").path, "--quiet"], stdin: bib)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: yearly.path).sorted() == ["net-2019.svg", "net-2020.svg", "net-2021.svg"])
        let pdf = InProcess.run(["render", "-", "--input-format", "bibtex", "--by-year", "--frames", "-o", folder.appendingPathComponent("p/net.pdf").path], stdin: bib)
        #expect(pdf.status == 64 && pdf.stderr.contains("which shows SVG and PNG maps, not PDF"), "\(pdf.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p").path))
    }

    /// A year's map counts in its legend the authors it shows (it counted all years': a user trial
    /// of session 54), and with `--min-papers` and `--radius` shows each year's slice, the one the
    /// sliced timeline counts.
    @Test func framesCountWhatTheyShow() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for filters in [[String](), ["--focus", "Kangwook Lee", "--radius", "1", "--min-papers", "2"]] {
            let out = folder.appendingPathComponent(filters.isEmpty ? "all" : "ego")
            let render = InProcess.run(["render", InProcess.data, "--by-year", "-o", out.appendingPathComponent("net.svg").path, "--quiet"] + filters)
            #expect(render.status == 0, "\(render.stderr)")
            let timeline = InProcess.run(["timeline", InProcess.data, "--window", "1", "--format", "json", "--quiet"] + filters)
            let rows = try #require(JSONSerialization.jsonObject(with: Data(timeline.stdout.utf8)) as? [[String: Any]])
            try #require(rows.count == 5)
            var counted = 0
            for row in rows {
                let year = row["from"] as! Int
                let svg = try String(contentsOf: out.appendingPathComponent("net-\(year).svg"), encoding: .utf8)
                let shown = try #require(svg.firstMatch(of: /(\d+) authors?, \d+ ties? in \d{4}/).map { Int($0.1)! }, "\(year)")
                #expect(shown == row["nodes"] as? Int, "\(filters) \(year): the map shows \(shown), the slice has \(row["nodes"]!)")
                // The sizes are the whole period's, and the subtitle says so.
                #expect(svg.contains("node area: pagerank over 2019–2023"), "\(year)")
                let legend = svg.matches(of: />(?:community of [^<(]*|other communities) \((\d+) authors?\)\u{A0}*</).map { Int($0.1)! }
                #expect(legend.isEmpty == (shown == 0) && legend.reduce(0, +) == shown, "\(filters) \(year): legend \(legend), \(shown) shown")
                // A group absent from the year is not in its legend, and one author is one (`(0
                // authors)`, `(1 authors)`: a hostile-input trial of session 57).
                #expect(!legend.contains(0) && !svg.contains("(1 authors)") && !svg.contains(" 1 ties"), "\(filters) \(year): \(legend)")
                // Every author a frame shows is named where they are no more than `--labels` (2 of
                // 2019's 7 were: the names were the whole network's most central; a user trial of
                // session 56).
                let nodes = svg.matches(of: /<g id="a\d+" class="node">((?:.|\n)*?)<\/g>\s*<\/g>/).map { String($0.1) }
                #expect(nodes.count == shown && nodes.allSatisfy { $0.contains("<text") }, "\(filters) \(year): \(nodes.count { $0.contains("<text") }) of \(shown) named")
                counted += shown
            }
            #expect(counted > 0)
        }
    }

    /// Values equal but for their sums' rounding rank as ties, by name (SPEC §1): a fractional
    /// strength of 6 and 6.000000000000003 (a user trial of session 54 found them ordered by the
    /// noise), and three authors of one paper's equal constraint.
    @Test func valuesEqualButForRoundingRankByName() throws {
        func ranked(_ arguments: [String], metric: String) throws -> [(name: String, value: Double)] {
            let result = InProcess.run(["rank", InProcess.data, "--top", "0", "--format", "json", "--quiet"] + arguments)
            let rows = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return rows.map { ($0["name"] as! String, $0[metric] as! Double) }
        }
        var tiedPairs = 0
        // Tied as ranks tie them: equal at 12 significant digits (`rankingKey`).
        for (arguments, metric) in [(["--weight", "fractional", "--by", "strength"], "strength"), (["--by", "constraint"], "constraint")] {
            let rows = try ranked(arguments, metric: metric)
            try #require(rows.count > 30)
            for (a, b) in zip(rows, rows.dropFirst()) {
                let tied = rankingKey(a.value) == rankingKey(b.value)
                if tied {
                    tiedPairs += 1
                    #expect(a.name < b.name, "\(metric): \(a) before \(b)")
                } else {
                    #expect(a.value > b.value, "\(metric): \(a) before \(b)")
                }
            }
        }
        #expect(tiedPairs > 5)
    }

    @Test func rankCollaboratorsByATieMetric() throws {
        let result = InProcess.run(["rank", InProcess.data, "--focus", "Dimitris Papailiopoulos", "--by", "papers",
                                    "--format", "csv", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("rank,name,papers,weight,first_year,last_year,span,active_years,recency") == true)
        #expect(rows.dropFirst().first?.contains("Shashank Rajput,14,") == true)
    }

    /// An affiliation in which no country is found is said plainly, with why (a user trial of
    /// session 57 read "naming no country coauthor knows (those naming none at all among them)"
    /// as a puzzle, where OpenAlex gave the institution no country code).
    @Test func anAffiliationWithoutACountryIsSaidPlainly() {
        let work = #"{"id":"https://openalex.org/W1","display_name":"T","publication_year":2020,"authorships":[{"author":{"id":"https://openalex.org/A1","display_name":"Ann One"},"institutions":[{"display_name":"Public Knowledge Project","country_code":null}],"countries":[]},{"author":{"id":"https://openalex.org/A2","display_name":"Bo Two"},"institutions":[{"display_name":"Univ X","country_code":"IT"}],"countries":["IT"]}]}"#
        let result = InProcess.run(["rank", "-", "--input-format", "openalex", "--level", "country"], stdin: work)
        #expect(result.status == 0 && result.stderr.contains(
            "note: 1 publication has an affiliation in which coauthor finds no country (no country code it knows is given, and its text ends with no country's name it knows), first 'Public Knowledge Project' at <stdin>:1:1; such an affiliation is in no node, while its paper's other affiliations still count"),
                "\(result.stderr)")
    }

    /// A paper whose author list `and others` ends is no solo paper: it counts as multi-author,
    /// with one more author than listed, in the timeline's solo and team columns, the corpus
    /// timeline and the collaboration indicators, and a note says so (a user trial of session 60
    /// saw `Jane Doe and others` counted as solo work, in silence); ties stay the listed ones.
    @Test func aListEndedByOthersIsNoSoloPaper() throws {
        let bib = "@article{a1, author={Jane Doe and John Roe}, title={One}, year=2020}\n@article{a6, author={Jane Doe and others}, title={Others}, year=2021}\n"
        let timeline = InProcess.run(["timeline", "-", "--input-format", "bibtex", "--focus", "Jane Doe", "--format", "csv"], stdin: bib)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout == "year,papers,coauthors,new,returning,cumulative,solo,team\n2020,1,1,1,0,1,0,2.0\n2021,1,0,0,0,1,0,2.0\n",
                "\(timeline.stdout)")
        #expect(timeline.stderr.contains("note: 1 publication ends its author list with 'and others' or 'et al.'"), "\(timeline.stderr)")
        let corpus = InProcess.run(["timeline", "-", "--input-format", "bibtex", "--corpus", "--format", "csv", "--quiet"], stdin: bib)
        #expect(corpus.stdout.contains("\n2021,1,1,0,0,2.0,1.0"), "\(corpus.stdout)")
        let stats = InProcess.run(["stats", "-", "--input-format", "bibtex", "--format", "json", "--quiet"], stdin: bib)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["multi_author_share"] as? Double == 1 && object["degree_of_collaboration"] as? Double == 1, "\(stats.stdout)")
        #expect(object["collaboration_index"] as? Double == 2 && object["edges"] as? Int == 1 && object["authorships"] as? Int == 3)
        let listed = InProcess.run(["stats", "-", "--input-format", "bibtex"], stdin: bib.replacingOccurrences(of: " and others", with: ""))
        #expect(listed.status == 0 && !listed.stderr.contains("and others"), "\(listed.stderr)")
    }

    /// A report whose default focus wrote alone says so, and how to pick another (a user trial of
    /// session 59 got an empty table of collaborators, unexplained); a focus with co-authors, or
    /// one asked for, gets no such note.
    @Test func aReportOfAFocusWithoutCoauthorsSaysSo() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let solo = "@book{a, author={N Gupta}, title={B}, year=2001}\n@incollection{b, author={N Gupta}, title={C}, year=2001}\n@article{c, author={Ann Lee and Bo Li}, title={D}, year=2002}\n"
        let note = "note: N Gupta, the author with the most papers and the report's focus, has no co-authors"
        for (options, noted) in [([String](), true), (["--focus", "N Gupta"], false)] {
            let result = InProcess.run(["report", "-", "--input-format", "bibtex", "-o", folder.appendingPathComponent("o\(noted)").path, "--no-exports"] + options,
                                       stdin: solo)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains(note) == noted, "\(options): \(result.stderr)")
        }
        let data = InProcess.run(["report", InProcess.data, "-o", folder.appendingPathComponent("data").path, "--no-exports"])
        #expect(data.status == 0 && !data.stderr.contains("has no co-authors"), "\(data.stderr)")
    }

    /// Options that would change nothing, or contradict each other, are refused with the reason
    /// (each was taken in silence: a hostile-input trial of session 57).
    @Test func optionsThatChangeNothingOrContradictAreRefused() {
        let cases: [([String], String)] = [
            (["render", InProcess.data, "--step", "2", "-o", "-"], "--window, --step, --cumulative and --frames belong to --by-year."),
            (["render", InProcess.data, "--dpi", "300", "-o", "map.svg"], "--dpi sets the pixels per inch of PNG maps; this map is SVG"),
            (["export", InProcess.data, "--layout", "--no-layout", "--format", "gexf", "-o", "-"], "--layout and --no-layout contradict each other"),
            (["export", InProcess.data, "--layout", "-o", "net.graphml"], "--layout stores positions in GEXF, DOT, Pajek and VOSviewer exports; graphml holds none"),
        ]
        for (arguments, message) in cases {
            let result = InProcess.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(InProcess.run(["render", InProcess.data, "--dpi", "300", "--format", "png", "-o", "-", "--quiet"]).status == 0)
    }

    @Test func unknownMetricIsAUsageError() {
        let result = InProcess.run(["rank", InProcess.data, "--by", "fame"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown metric 'fame'"))
        #expect(result.stdout.isEmpty)
        // A misspelling is named with the metric meant (a hostile-input trial of session 57).
        for year in ["-5", "10000"] {
            let far = InProcess.run(["rank", InProcess.data, "--from", year])
            #expect(far.status == 64 && far.stderr.contains("--from must be a year from 0 to 9999."), "\(far.stderr)")
        }
        // A metric no record gives a value of is said to tell no one apart (a BibTeX file's
        // citations ranked everyone first in silence: a hostile-input trial of session 57).
        let citations = InProcess.run(["rank", InProcess.data, "--by", "citations"])
        #expect(citations.status == 0 && citations.stderr.contains("note: no paper read carries a cited-by count"), "\(citations.stderr)")
        #expect(!InProcess.run(["rank", InProcess.data, "--by", "degree"]).stderr.contains("tells no one apart"))
        let typo = InProcess.run(["rank", InProcess.data, "--by", "betweennes"])
        #expect(typo.status == 64 && typo.stderr.contains("unknown metric 'betweennes': did you mean 'betweenness'?"), "\(typo.stderr)")
    }

    @Test func tieMetricWithoutFocusIsAUsageError() {
        let result = InProcess.run(["rank", InProcess.data, "--by", "recency"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'recency' ranks one author's collaborators: name that author with --focus NAME"))
    }

    /// An output whose extension names no map format is refused before anything is drawn
    /// (`-o map.jpg` wrote SVG under that name); `--format` keeps any name.
    @Test func aMapExtensionThatNamesNoFormatIsRefused() {
        let result = InProcess.run(["render", InProcess.data, "-o", "/tmp/coauthor-never-written.jpg"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("a map is drawn as .svg, .png, .pdf, .html"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/coauthor-never-written.jpg"))
    }

    /// `--focus` finds a person up to case and accents, and written surname first before the
    /// initials, as Scopus's `Authors` column writes them (a user trial of session 51: `Kou, Gang`
    /// was found, `kou, gang` and `Barjis I.` were not).
    @Test(arguments: ["papailiopoulos, dimitris", "D. Papailiopoulos", "Papailiopoulos D."])
    func focusIsFoundAsPeopleWriteIt(name: String) {
        let result = InProcess.run(["rank", InProcess.data, "--focus", name, "--top", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("   1  Shashank Rajput "), "his closest collaborator: \(result.stdout)")
    }

    /// A whole given name stands for itself: `Dimitri Papailiopoulos` is nobody here.
    @Test func aGivenNameIsNoInitial() {
        let result = InProcess.run(["rank", InProcess.data, "--focus", "Dimitri Papailiopoulos"])
        #expect(result.status == 64, "\(result.stdout)")
    }

    @Test func unknownFocusNamesTheWayOut() {
        let result = InProcess.run(["rank", InProcess.data, "--focus", "Nobody Atall"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no author named 'Nobody Atall'"))
    }

    @Test func statsAsJSONHasTheSpecKeys() throws {
        let result = InProcess.run(["stats", InProcess.data, "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["publications"] as? Int == 16 && object["authors"] as? Int == 42 && object["edges"] as? Int == 202)
    }

    /// `--normalize` is the ties' normalisation communities are found on, in `stats` as in the
    /// metrics and exports (`stats` reported the raw ties' modularity whatever it was given: a
    /// user trial of session 51); the modularity is that of the metrics' communities.
    @Test func statsFindsCommunitiesOnTheNormalisedTies() throws {
        func modularity(_ extra: [String]) throws -> Double {
            let result = InProcess.run(["stats", InProcess.data, "--format", "json", "--quiet"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return try #require(object["modularity"] as? Double)
        }
        let raw = try modularity([]), association = try modularity(["--normalize", "association"])
        #expect(abs(raw - association) > 1e-6)
        let analysis = try Analysis(AnalysisRequest(inputs: [InProcess.data]))
        var request = MetricRequest([], communitySeed: 1)
        request.normalization = .association
        let table = MetricTable(network: analysis.network, request: request)
        #expect(abs(try #require(table.modularity) - association) < 1e-4, "\(association) against \(table.modularity ?? .nan)")
        var plain = MetricRequest([], communitySeed: 1)
        plain.normalization = .none
        #expect(abs(try #require(MetricTable(network: analysis.network, request: plain).modularity) - raw) < 1e-4)
        // The report's summary gives the same modularity (it gave the raw ties').
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normalised-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = InProcess.run(["report", InProcess.data, "-o", folder.path, "--normalize", "association", "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        // … and says on which ties (a user trial of session 52 found the normalisation nowhere on the page).
        #expect(page.contains("<tr><th scope=\"row\">modularity</th><td>\(String(format: "%.4f", association)) (ties normalised by association strength"),
                "\(association)")
        // The exports name it in a field of its own, as `stats` does (a user trial of session 56
        // found it only in the free text of `filters`); without it, there is none.
        let graphml = try String(contentsOf: folder.appendingPathComponent("network.graphml"), encoding: .utf8)
        #expect(graphml.contains(#"<key id="g_normalization" for="graph" attr.name="normalization" attr.type="string"/>"#)
                && graphml.contains(#"<data key="g_normalization">association</data>"#))
        for (format, text) in [("json", #""normalization": "association""#), ("dot", #"normalization="association""#)] {
            let export = InProcess.run(["export", InProcess.data, "--format", format, "--normalize", "association", "--quiet"])
            #expect(export.stdout.contains(text), "\(format)")
            #expect(!InProcess.run(["export", InProcess.data, "--format", format, "--quiet"]).stdout.contains("normalization"), "\(format)")
        }
    }

    /// The corpus's figures are those of the years asked for, as the network's are (a user trial
    /// of session 50: `--from 2015 --to 2019` gave the whole corpus's papers beside the network's
    /// authors); with nodes left out, papers per author is the mean of the nodes shown (it was
    /// every authorship over 11 authors, 35.5). Counted by hand from the CV (../shared/seed):
    /// 2022 has six papers of 3, 3, 9, 8, 4 and 7 authors, 2023 three of 13, 6 and 3.
    /// A person listed twice on a paper (a name written twice) is one authorship, as the network
    /// and the collaboration indicators count it: the authorships were the names listed (5 here,
    /// authors per paper 2.5 beside a collaboration index of 2). Two spellings on one paper are two
    /// people (`Alice Smith` and `A. Smith`: a user trial of session 59 lost a co-author when
    /// identity made them one).
    @Test func aPersonListedTwiceOnAPaperIsOneAuthorship() throws {
        let bib = "@article{a, author = {Alice Smith and A. Smith and Bob Jones}, year = 2020}\n@article{b, author = {Carol King and Carol King}, year = 2021}\n"
        let result = InProcess.run(["stats", "-", "--input-format", "bibtex", "--format", "json", "--quiet"], stdin: bib)
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(stats["authorships"] as? Int == 4 && stats["authors"] as? Int == 4, "\(stats)")
        #expect(stats["authors_per_paper"] as? Double == 2.0 && stats["multi_author_share"] as? Double == 0.5, "\(stats)")
        #expect(stats["papers_per_author"] as? Double == 1.0, "\(stats)")
    }

    @Test func statsWithinYearsAndFiltersAreOfThem() throws {
        func stats(_ arguments: [String]) throws -> [String: Any] {
            let result = InProcess.run(["stats", InProcess.data, "--format", "json", "--quiet"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let recent = try stats(["--from", "2022"])
        #expect(recent["records"] as? Int == 16, "what was read stays the files'")
        #expect(recent["publications"] as? Int == 9 && recent["authorships"] as? Int == 56, "\(recent)")
        #expect((recent["per_year"] as? [String: Int]) == ["2022": 6, "2023": 3])
        #expect((recent["years"] as? [String: Int]) == ["first": 2022, "last": 2023])
        let authors = try #require(recent["authors"] as? Int)
        #expect(abs((recent["papers_per_author"] as? Double ?? 0) - 56.0 / Double(authors)) < 1e-12)
        #expect(abs((recent["authors_per_paper"] as? Double ?? 0) - 56.0 / 9) < 1e-12)
        #expect(recent["multi_author_share"] as? Double == 1.0)
        let all = try stats([])
        #expect(all["publications"] as? Int == 16 && (all["authorships"] as? Int ?? 0) > 56)
        let few = try stats(["--min-papers", "2"])
        let perAuthor = try #require(few["papers_per_author"] as? Double)
        // Every node shown has two papers or more, and Shashank Rajput, on all 16, the most.
        #expect(perAuthor >= 2 && perAuthor < 16, "\(few)")
        #expect(perAuthor < (all["papers_per_author"] as? Double ?? 0) * Double(all["authors"] as? Int ?? 0) / Double(few["authors"] as? Int ?? 1))
        // The filters are stated, in `stats` and beside a ranking (a user trial of session 55 could
        // not tell them from the output); the whole corpus has none.
        #expect(few["filters"] as? String == "authors with ≥ 2 papers" && recent["filters"] as? String == "years 2022–…")
        #expect(all["filters"] == nil)
        let ranked = InProcess.run(["rank", InProcess.data, "--from", "2022", "--min-papers", "2", "--top", "1"])
        #expect(ranked.stderr.contains("note: ranked within: years 2022–…, authors with ≥ 2 papers"), "\(ranked.stderr)")
        #expect(!InProcess.run(["rank", InProcess.data, "--top", "1"]).stderr.contains("ranked within"))
        // Papers without a year, which a year filter leaves out, are counted in a note (they were
        // left out in silence: a hostile-input trial of session 55).
        let yearless = FileManager.default.temporaryDirectory.appendingPathComponent("yearless-\(UUID().uuidString).bib")
        defer { try? FileManager.default.removeItem(at: yearless) }
        try Data("""
            @article{a, author = {Ann Lee and Bo Ma}, title = {A}, year = 2020}
            @article{b, author = {Ann Lee and Cy Ng}, title = {B}}
            @article{c, author = {Ann Lee and Di Ho}, title = {C}}

            """.utf8).write(to: yearless)
        // A focus whose papers all lack a year has an empty timeline, and is told so.
        let undated = InProcess.run(["timeline", yearless.path, "--focus", "Di Ho"])
        #expect(undated.status == 0 && undated.stderr.contains("note: no publication of Di Ho has a year, so their timeline has no rows"),
                "\(undated.stderr)")
        #expect(!InProcess.run(["timeline", yearless.path, "--focus", "Bo Ma"]).stderr.contains("has a year, so their"))
        // A focus with some papers undated is told how many the rows leave out (a user trial of
        // session 63 read 1 paper in the rows after a note of 3); one with all dated is not.
        let some = InProcess.run(["timeline", yearless.path, "--format", "json"])
        #expect(some.stderr.contains("note: 2 of the 3 papers of Ann Lee have no year and are left out of the timeline's rows"), "\(some.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(some.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["papers"] as? Int } == [1], "\(some.stdout)")
        #expect(!InProcess.run(["timeline", yearless.path, "--focus", "Bo Ma"]).stderr.contains("left out of the timeline's rows"))
        let filtered = InProcess.run(["stats", yearless.path, "--from", "2019"])
        #expect(filtered.stderr.contains("note: 2 publications have no year, so --from/--to leave them out"), "\(filtered.stderr)")
        #expect(!InProcess.run(["stats", yearless.path]).stderr.contains("no year, so"))
        // The report's summary counts the same papers (a user trial of session 52: it gave the
        // whole corpus's 16, years 2019–2023 and 5.56 authors per paper beside `--from 2022`).
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("years-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = InProcess.run(["report", InProcess.data, "-o", folder.path, "--from", "2022", "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        for (name, value) in [("publications", "9"), ("years", "2022–2023"), ("authors per paper", String(format: "%.2f", 56.0 / 9)),
                              ("share of multi-author papers", "1.000")] {
            #expect(page.contains("<tr><th scope=\"row\">\(name)</th><td>\(value)</td></tr>"), "\(name)")
        }
    }

    /// `report --no-exports` writes the map, the page and the focus's tables alone, and the page
    /// links only to what was written (on dblp-2016-topvenues the exports were 700 MB of 760: a
    /// field-scale trial of session 55).
    @Test func aReportWithoutExports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = InProcess.run(["report", InProcess.data, "-o", folder.path, "--no-exports", "--quiet"])
        #expect(report.status == 0, "\(report.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["collaborators.md", "network.svg", "report.html", "timeline.csv", "timeline.svg"], "\(written)")
        let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        let links = page.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!links.isEmpty && links.allSatisfy { written.contains($0) }, "\(links)")
        #expect(report.stdout.contains("wrote ") && !report.stdout.contains("graphml"))
    }

    /// A focus author whom the filters leave out is named as such, not as unknown (a user trial
    /// of session 50: "no author named 'Yi Tay'" for an author of 2023 with `--to 2022`).
    @Test func aFocusLeftOutByTheFiltersIsToldApartFromAnUnknownOne() {
        let result = InProcess.run(["timeline", InProcess.data, "--focus", "Yi Tay", "--from", "2022", "--to", "2022", "--quiet"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'Yi Tay' is an author of the corpus but not of the network: the filters (year 2022) leave them out"),
                "\(result.stderr)")
        // Only the filters that leave nodes out are named (not the weighting).
        let few = InProcess.run(["rank", InProcess.data, "--focus", "Yi Tay", "--min-papers", "2", "--weight", "fractional", "--quiet"])
        #expect(few.status == 64 && few.stderr.contains("the filters (authors with ≥ 2 papers) leave them out"), "\(few.stderr)")
    }

    /// A timeline of papers without years says why it has no rows (a user trial of session 50
    /// found an empty table and no word).
    @Test func aTimelineWithoutYearsSaysWhy() {
        let result = InProcess.run(["timeline", "-", "--input-format", "bibtex"], stdin: "@article{k, author = {Ann Lee and Bob Ray}, title = {T}}")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: no publication in the network has a year, so the timeline has no rows"), "\(result.stderr)")
        let dated = InProcess.run(["timeline", "-", "--input-format", "bibtex"], stdin: "@article{k, author = {Ann Lee and Bob Ray}, title = {T}, year = 2020}")
        #expect(!dated.stderr.contains("has no rows"))
    }

    @Test func standardInputIsRead() {
        let bib = "@article{k, author = {Zoë Ñandú and Bob Smith}, year = 2020}"
        let result = InProcess.run(["rank", "-", "--input-format", "bibtex", "--by", "degree", "--format", "csv"], stdin: bib)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Zoë Ñandú"))
        #expect(result.stderr.contains("read 1 publication from 1 file"))
    }

    @Test func nothingReadIsADataError() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("empty.bib")
        try Data("% nothing here\n".utf8).write(to: file)
        let result = InProcess.run(["stats", file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no publications with authors were read"))
    }

    /// Networks with fewer than two ties have no assortativity (NaN): the table shows `–`, JSON `null`.
    @Test(arguments: [
        "@article{a, author = {Ada One}, year = 2020}",
        "@article{a, author = {Ada One and Bo Two}, year = 2020}",
        "@article{a, author = {Ada One}, year = 2020}\n@article{b, author = {Bo Two}, year = 2021}",
        "@article{a, author = {Ada One and Bo Two}, year = 2020}\n@article{b, author = {Ada One and Bo Two}, year = 2021}",
        "@article{a, author = {A One and B Two and C Three}, year = 2020}",
    ])
    func statsOfTinyNetworksNeverCrash(bib: String) throws {
        let arguments = ["stats", "-", "--input-format", "bibtex", "--max-authors", "2", "--quiet"]
        let table = InProcess.run(arguments, stdin: bib)
        #expect(table.status == 0, "\(table.stderr)")
        let assortativity = table.stdout.split(separator: "\n").first { $0.hasPrefix("assortativity") }
        #expect(assortativity?.hasSuffix("–") == true, "\(table.stdout)")
        let json = InProcess.run(arguments + ["--format", "json"], stdin: bib)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"assortativity\": null"))
    }

    /// Three answers a user trial of session 52 found wanting: a focus without co-authors gave
    /// an empty table without a word; `stats --normalize` did not say on which ties its
    /// modularity was; `timeline --corpus --window 2` named `--slices`, which was not typed.
    @Test func emptyRankingsNormalisationsAndViewsAreSaidSo() {
        let bib = "@article{a, author = {Solo Person}, year = 2020}\n@article{b, author = {Ada One and Bo Two}, year = 2021}\n"
        let rank = InProcess.run(["rank", "-", "--input-format", "bibtex", "--focus", "Solo Person"], stdin: bib)
        #expect(rank.status == 0 && rank.stderr.contains("note: Solo Person has no co-authors in this network: no paper within the filters ties it"),
                "\(rank.stderr)")
        // `--radius 0` leaves the focus alone: said so, not that no paper ties it (a
        // hostile-input trial of session 57).
        let radius = InProcess.run(["rank", "-", "--input-format", "bibtex", "--focus", "Ada One", "--radius", "0"], stdin: bib)
        #expect(radius.status == 0 && radius.stderr.contains("note: --radius 0 keeps Ada One alone, so no co-authors are listed; give --radius 1 or more")
                && !radius.stderr.contains("no paper within the filters"), "\(radius.stderr)")
        // A paper too large for --max-authors names co-authors, but ties none: the note says why too.
        let large = InProcess.run(["rank", "-", "--input-format", "bibtex", "--focus", "Ada One", "--max-authors", "2"],
                                  stdin: bib + "@article{c, author = {Ada One and Cy Three and Di Four}, year = 2022}\n")
        #expect(large.status == 0 && !large.stderr.contains("Ada One has no co-authors"), "Ada One has Bo Two: \(large.stderr)")
        let alone = InProcess.run(["rank", "-", "--input-format", "bibtex", "--focus", "Cy Three", "--max-authors", "2"],
                                  stdin: bib + "@article{c, author = {Ada One and Cy Three and Di Four}, year = 2022}\n")
        #expect(alone.status == 0 && alone.stderr.contains("or --max-authors or --min-weight leave their ties out"), "\(alone.stderr)")
        let normalised = InProcess.run(["stats", InProcess.data, "--normalize", "cosine", "--format", "json", "--quiet"])
        #expect(normalised.stdout.contains("\"normalization\": \"cosine\""), "\(normalised.stdout)")
        #expect(!InProcess.run(["stats", InProcess.data, "--format", "json", "--quiet"]).stdout.contains("normalization"))
        let views = InProcess.run(["timeline", InProcess.data, "--corpus", "--window", "2"])
        #expect(views.status == 64 && views.stderr.contains("--corpus and --window ask for different views (--window makes slices)"),
                "\(views.stderr)")
        let both = InProcess.run(["timeline", InProcess.data, "--corpus", "--slices"])
        #expect(both.stderr.contains("--corpus and --slices ask for different views; choose one"), "\(both.stderr)")
        // A focus alone changes neither the corpus's years nor the list of every tie (a user trial of
        // session 52 got all 202 ties); with --radius it centres the ego network, whose ties are listed.
        let focused = InProcess.run(["timeline", InProcess.data, "--ties", "--focus", "Tuan Dinh"])
        #expect(focused.status == 64 && focused.stderr.contains("--focus changes nothing in 'timeline --ties'"), "\(focused.stderr)")
        let ego = InProcess.run(["timeline", InProcess.data, "--ties", "--focus", "Tuan Dinh", "--radius", "1", "--format", "csv", "--quiet"])
        let all = InProcess.run(["timeline", InProcess.data, "--ties", "--format", "csv", "--quiet"])
        #expect(ego.status == 0 && ego.stdout.split(separator: "\n").count < all.stdout.split(separator: "\n").count, "\(ego.stderr)")
    }

    /// The map's subtitle says the weighting once (it said `fractional weight · fractional weights`).
    @Test func theMapSaysItsWeightingOnce() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("map.svg").path
        let result = InProcess.run(["render", InProcess.data, "--weight", "fractional", "--from", "2020", "-o", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("edge width: fractional weight") && !svg.contains("fractional weights") && svg.contains("years 2020–…"))
    }

    @Test func exportWritesTheFileAtomically() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("net.graphml").path
        let result = InProcess.run(["export", InProcess.data, "--format", "graphml", "-o", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && text.contains("edgedefault=\"undirected\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["net.graphml"])
    }

    /// The partition goes beside the network file: `x.net` gives `x.clu`, any other name gets `.clu` appended.
    @Test(arguments: [("map.net", "map.clu"), ("map.pajek", "map.pajek.clu")])
    func pajekPartitionLandsBesideTheNetwork(name: String, partition: String) throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = InProcess.run(["export", InProcess.data, "--format", "pajek", "-o", folder.appendingPathComponent(name).path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [name, partition].sorted())
    }

    /// --communities, --quality, --resolution and --normalize reach the community detection and
    /// the export's metadata; Louvain refuses what it cannot optimise.
    @Test func communityOptionsReachTheExport() throws {
        func communities(_ extra: [String]) throws -> (count: Int, filters: String) {
            let result = InProcess.run(["export", InProcess.data, "--format", "json", "--metrics", "community", "--quiet"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let nodes = try #require(object["nodes"] as? [[String: Any]])
            let graph = try #require(object["graph"] as? [String: Any])
            return (Set(nodes.compactMap { $0["community"] as? Int }).count, graph["filters"] as? String ?? "")
        }
        let coarse = try communities(["--quality", "cpm", "--resolution", "0.01"])
        let fine = try communities(["--quality", "cpm", "--resolution", "1.5"])
        #expect(coarse.count < fine.count, "a higher CPM resolution finds more communities: \(coarse.count) vs \(fine.count)")
        #expect(fine.filters.contains("communities by Leiden, CPM at resolution 1.5"), "\(fine.filters)")
        #expect(try communities([]).filters == "none")
        #expect(try communities(["--communities", "louvain"]).count > 1)
        #expect(try communities(["--normalize", "association"]).filters.contains("association"))
        let refused = InProcess.run(["export", InProcess.data, "--communities", "louvain", "--resolution", "2"])
        #expect(refused.status == 64 && refused.stderr.contains("Louvain"))
    }

    /// Options a command computes nothing with are refused, naming them and why, where they were
    /// accepted and changed nothing (a user trial of session 51: `rank --half-life 1` without
    /// --focus, `timeline --step 2` without slices, `names --exact`). Each is accepted where it counts.
    @Test func optionsACommandComputesNothingWithAreRefused() {
        let refused: [([String], String)] = [
            (["rank", "--half-life", "1"], "--half-life weighs the recency of one author's ties"),
            (["timeline", "--step", "2"], "--step is the years between the starts of slices"),
            (["timeline", "--betweenness-max-nodes", "10"], "--betweenness-max-nodes limits the betweenness of each slice"),
            (["timeline", "--slices", "--half-life", "2"], "--half-life sets the recency of the ties that --ties lists"),
            (["timeline", "--ties", "--exact"], "--exact changes nothing in 'timeline'"),
            (["names", "--exact", "--budget", "5", "--normalize", "cosine"], "--budget, --exact and --normalize change nothing in 'names', which lists how every name read was resolved"),
            (["names", "--weight", "fractional", "--from", "2022", "--focus", "Kangwook Lee", "--radius", "1"],
             "--weight, --from, --focus and --radius change nothing in 'names'"),
            (["names", "--level", "institution", "--min-papers", "2"], "--min-papers changes nothing in 'names'"),
            (["names", "--resolution", "2"], "--resolution changes nothing in 'names'"),
            (["stats", "--approximate", "0.1"], "--approximate changes nothing in 'stats', which computes no betweenness"),
        ]
        for (arguments, message) in refused {
            let result = InProcess.run([arguments[0], InProcess.data, "--quiet"] + arguments.dropFirst())
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.status) \(result.stderr)")
        }
        let accepted: [[String]] = [
            ["rank", "--focus", "Kangwook Lee", "--by", "recency", "--half-life", "1"],
            ["timeline", "--window", "3", "--step", "2", "--betweenness-max-nodes", "10"],
            ["timeline", "--slices", "--step", "2"],
            ["timeline", "--ties", "--half-life", "2"],
            ["stats", "--resolution", "2", "--normalize", "cosine"],
            ["rank", "--budget", "5"],
        ]
        for arguments in accepted {
            let result = InProcess.run([arguments[0], InProcess.data, "--quiet"] + arguments.dropFirst())
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    /// Control characters a file wrote (an escape sequence in a key or a name) are shown in the
    /// diagnostics, not sent to the terminal: they cleared the screen and coloured what followed
    /// (a user trial of session 53).
    @Test func controlCharactersOfTheInputAreShownNotObeyed() {
        let bib = "@article{k\u{1B}[31mRED, author={Eve\u{1B}]0;pwned\u{07} Smith and Bob Jones}, title={T}, year=2020}\n"
            + "@article{k\u{1B}[31mRED, author={Zed Q and Bob Jones}, title={Other}, year=2020}\n"
        let result = InProcess.run(["rank", "-", "--input-format", "bibtex"], stdin: bib)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(result.stderr)")
        #expect(result.stderr.contains("k\\x1B[31mRED"), "\(result.stderr)")
        #expect(Console.visible("a\u{9B}b\nc", keeping: ["\n"]) == "a\\x9Bb\nc")
    }

    /// A word read as an input that is no file is matched against the commands (`coauthor stat`).
    @Test func aMistypedCommandIsFound() {
        #expect(Session.nearestCommand(to: "stat") == "stats" && Session.nearestCommand(to: "rnak") == "rank")
        #expect(Session.nearestCommand(to: "exprot") == "export" && Session.nearestCommand(to: "tim") == "timeline")
        #expect(Session.nearestCommand(to: "refs.bib") == nil && Session.nearestCommand(to: "zzz") == nil && Session.nearestCommand(to: "Data/x") == nil)
    }

    @Test func namesAndTimelineRunInProcess() {
        let names = InProcess.run(["names", InProcess.data, "--format", "json", "--quiet"])
        #expect(names.status == 0 && names.stdout.contains("\"people\": 42"))
        let timeline = InProcess.run(["timeline", InProcess.data, "--format", "csv", "--quiet"])
        #expect(timeline.status == 0)
        #expect(timeline.stdout.hasPrefix("year,papers,coauthors,new,returning,cumulative,solo,team\n"))
    }

    /// A slice without authors has no largest component's share (`null`, as its other measures),
    /// where it read 0.0 (a user trial of session 62); a slice with authors has its share.
    @Test func anEmptySliceHasNoLargestComponentShare() throws {
        let bib = "@article{a, author = {Ann One and Bob Two}, year = 2019}\n@article{b, author = {Ann One and Cy Three}, year = 2021}\n"
        let slices = InProcess.run(["timeline", "-", "--input-format", "bibtex", "--slices", "--window", "1", "--format", "json", "--quiet"], stdin: bib)
        #expect(slices.status == 0, "\(slices.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(slices.stdout.utf8)) as? [[String: Any]])
        try #require(rows.count == 3)
        #expect(rows.map { $0["nodes"] as? Int } == [2, 0, 2])
        #expect(rows[1]["largest_component"] is NSNull && rows[0]["largest_component"] as? Double == 1 && rows[2]["largest_component"] as? Double == 1)
    }

    /// A timeline without --focus names whose years it shows (its rows do not), with how many
    /// authors have as many papers; not with --focus, --corpus, --ties or --quiet.
    @Test func aTimelineWithoutFocusNamesWhoseYearsItShows() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = folder.appendingPathComponent("four.bib")
        try """
            @article{a, author = {Zhu, Wei and Adams, Kim}, title = {One}, journal = {J}, year = {2020}}
            @article{b, author = {Lee, Bo and Moreau, Anne}, title = {Two}, journal = {J}, year = {2021}}
            """.write(to: bib, atomically: true, encoding: .utf8)
        let note = "note: the years of Anne Moreau, the author with the most papers (1 paper, as have 3 others); "
            + "--focus NAME shows another author's, --corpus the whole corpus's\n"
        let tied = InProcess.run(["timeline", bib.path])
        #expect(tied.status == 0 && tied.stderr.hasSuffix(note), "\(tied.stderr)")
        let slices = InProcess.run(["timeline", bib.path, "--slices", "--window", "1"])
        #expect(slices.status == 0 && slices.stderr.contains(note), "\(slices.stderr)")
        let data = InProcess.run(["timeline", InProcess.data])
        #expect(data.stderr.contains("note: the years of ") && data.stderr.contains(", the author with the most papers (16 papers); "),
                "\(data.stderr)")
        for quiet in [["--focus", "Bo Lee"], ["--corpus"], ["--ties"], ["--quiet"]] {
            let result = InProcess.run(["timeline", bib.path] + quiet)
            #expect(result.status == 0 && !result.stderr.contains("the years of"), "\(quiet): \(result.stderr)")
        }
    }

    /// The main job's summary counts in the singular where a count is one (a single work read
    /// from a database), in the plural otherwise.
    @Test func theReportSummaryCountsInTheSingularAndThePlural() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.bib")
        try "@article{a, author = {Abbott, B. P.}, title = {One}, journal = {J}, year = {2017}}\n"
            .write(to: one, atomically: true, encoding: .utf8)
        let single = InProcess.run(["report", one.path, "-o", folder.appendingPathComponent("out1").path])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.hasPrefix("B. P. Abbott: 1 paper, 0 co-authors, 2017\nnetwork: 1 author, 0 ties, 1 publication\n"), "\(single.stdout)")
        // (The page's summary said "1 authors (100.0 %)": a user trial of session 61.)
        let page = try String(contentsOf: folder.appendingPathComponent("out1/report.html"), encoding: .utf8)
        #expect(page.contains(">1 author (100.0 %)<") && !page.contains("1 authors"), "\(page.prefix(4000))")
        let two = folder.appendingPathComponent("two.bib")
        try """
            @article{a, author = {Abbott, B. P. and Lee, Bo}, title = {One}, journal = {J}, year = {2017}}
            @article{b, author = {Abbott, B. P. and Lee, Bo and Moreau, Anne}, title = {Two}, journal = {J}, year = {2018}}
            """.write(to: two, atomically: true, encoding: .utf8)
        let plural = InProcess.run(["report", two.path, "-o", folder.appendingPathComponent("out2").path])
        #expect(plural.status == 0, "\(plural.stderr)")
        #expect(plural.stdout.hasPrefix("B. P. Abbott: 2 papers, 2 co-authors, 2017–2018\nnetwork: 3 authors, 3 ties, 2 publications\n"), "\(plural.stdout)")
    }

    @Test func reportWritesEveryOutput() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = InProcess.run(["report", InProcess.data, "-o", folder.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["collaborators.md", "edges.csv", "network.gexf", "network.graphml", "network.svg", "nodes.csv",
                          "report.html", "timeline.csv", "timeline.svg"])
        #expect(result.stdout.contains("Most central authors (PageRank)"))
    }

    /// The printed table of central authors gives estimates their error bound, as `rank` does
    /// (closeness's bound is in units of D, so it has none); exact values have none.
    @Test func reportMarksEstimatesInItsTable() throws {
        for (options, bounded) in [(["--approximate", "0.5"], true), (["--exact"], false)] {
            let folder = try InProcess.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = InProcess.run(["report", InProcess.data, "-o", folder.path, "--quiet", "--no-exports"] + options)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let heading = try #require(lines.firstIndex(of: "Most central authors (PageRank)"), "\(result.stdout)")
            let header = lines[heading + 1]
            #expect(header.hasPrefix("rank  name") && header.contains("closeness"), "\(header)")
            #expect(header.hasSuffix("betweenness_error") == bounded && !header.contains("closeness_error"), "\(options): \(header)")
        }
    }
}

/// Help text, word for word: `COAUTHOR_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshotTests` re-records it.
@Suite struct HelpSnapshotTests {
    static let commands: [(String, ParsableCommand.Type)] = [
        ("coauthor", Coauthor.self), ("report", Report.self), ("render", Render.self), ("rank", Rank.self),
        ("timeline", Timeline.self), ("export", Export.self), ("stats", Stats.self), ("names", Names.self),
    ]

    /// A command's help lists no shared option it always refuses (`names --help` listed
    /// `--level`, `--exact`, `--communities`: a hostile-input trial of session 57); such an
    /// option is still parsed, and refused with the reason.
    @Test func helpListsNoOptionTheCommandRefuses() throws {
        let refused: [(ParsableCommand.Type, [String])] = [
            (Names.self, ["--min-papers", "--from", "--focus", "--radius", "--approximate", "--budget", "--exact", "--communities", "--normalize"]),
            (Timeline.self, ["--approximate", "--budget", "--exact", "--communities", "--quality", "--resolution", "--normalize"]),
            (Rank.self, ["--communities", "--quality", "--resolution", "--normalize"]),
            (Stats.self, ["--approximate", "--budget"]),
        ]
        for (command, options) in refused {
            let help = Coauthor.helpMessage(for: command, columns: 100)
            for option in options { #expect(!help.contains(option + " "), "\(command._commandName) lists \(option)") }
        }
        #expect(Coauthor.helpMessage(for: Stats.self, columns: 100).contains("--exact"))
        #expect(Coauthor.helpMessage(for: Report.self, columns: 100).contains("--communities"))
        // `names --level institution` lists the institutions' spellings; a country is joined from none.
        let refusedStill = InProcess.run(["names", InProcess.data, "--level", "country"])
        #expect(refusedStill.status == 64 && refusedStill.stderr.contains("a country is found by its name or code, not joined from spellings"),
                "\(refusedStill.stderr)")
        #expect(Coauthor.helpMessage(for: Names.self, columns: 100).contains("--level "))
        #expect(!Coauthor.helpMessage(for: Names.self, columns: 100).contains("--min-papers "))
    }

    @Test(arguments: commands.map(\.0))
    func helpMatchesItsSnapshot(name: String) throws {
        let command = try #require(Self.commands.first { $0.0 == name }?.1)
        let help = Coauthor.helpMessage(for: command, columns: 100)
        #expect(!help.contains("SPEC"), "help cites a document users do not have")
        let snapshot = InProcess.repository.appendingPathComponent("Tests/CoauthorCLITests/Snapshots/help-\(name).txt")
        if ProcessInfo.processInfo.environment["COAUTHOR_RECORD_SNAPSHOTS"] == "1" {
            try Data(help.utf8).write(to: snapshot)
            return
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(help == expected, "help of \(name) changed; re-record with COAUTHOR_RECORD_SNAPSHOTS=1 if that is meant")
    }
}
