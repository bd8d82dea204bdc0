import Foundation
import Testing

/// The HTML report in a real browser (issue #16): `coauthor report` writes report.html,
/// and Scripts/html_report_check.py drives it in headless Chromium with Selenium
/// (installed by `Scripts/setup.sh --test`; the suite fails, never skips, without them).
@Suite(.serialized) struct HTMLReportBrowserTests {
    static let script = EndToEndTests.repository.appendingPathComponent("Scripts/html_report_check.py")

    /// Runs the check script with the `python3` on PATH (the repository's .venv under Scripts/test.sh).
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theSeedPageWorksInHeadlessChromium() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try EndToEndTests.run(["report", "Data", "-o", "Output"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Output/report.html"))
        let names = try EndToEndTests.run(["names", "Data", "--format", "json", "-o", "names.json"], in: folder)
        #expect(names.status == 0, "\(names.stderr)")
        let page = folder.appendingPathComponent("Output/report.html")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int)
        #expect(size <= 1_000_000, "the seed page is \(size) bytes")

        // Every file the page links to was written beside it: GraphML, GEXF and CSV among them.
        let html = try String(contentsOf: page, encoding: .utf8)
        let links = html.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(["network.graphml", "network.gexf", "nodes.csv", "edges.csv"]).isSubset(of: Set(links)))
        for link in links {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/\(link)").path), "\(link)")
        }

        let result = try Self.python(["check", page.path, "--bib", folder.appendingPathComponent("Data/publications.bib").path,
                                      "--names", folder.appendingPathComponent("names.json").path,
                                      "--graphml", folder.appendingPathComponent("Output/network.graphml").path])
        #expect(result.status == 0 && result.output.hasSuffix("ok\n"), "\(result.output)")
    }

    /// A map of one author shows a disc of a small map's size, not one zoomed to fill the panel
    /// (a user trial of session 61).
    @Test func aMapOfOneAuthorIsNotZoomedToFillThePanel() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "@article{a, author = {Abbott, B. P.}, title = {One}, journal = {J}, year = {2017}}\n"
            .write(to: folder.appendingPathComponent("one.bib"), atomically: true, encoding: .utf8)
        let report = try EndToEndTests.run(["report", "one.bib", "-o", "out", "--quiet"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let result = try Self.python(["panel", folder.appendingPathComponent("out/report.html").path, "--select", "B. P. Abbott"])
        #expect(result.status == 0, "\(result.output)")
        let panel = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        let radius = try #require(panel["radius"] as? Double), width = try #require(panel["mapWidth"] as? Double)
        #expect(radius > 0 && radius < width / 10, "a disc of radius \(radius) px on a map \(width) px wide")
    }

    /// What a user trial of session 62 found on the page (`html_report_check.py views`): a window
    /// made a phone's kept the laptop's zoom, names cut at the edge (an unmoved map is fitted
    /// again); a search's choice on a phone was centred below the fold (the map is scrolled into
    /// view); sorting by name put `eva Kühn` and `Øystein` after `Zvi` (case and accents aside
    /// now); printing stretched the drawing into a box of other proportions.
    @Test func thePageRefitsScrollsSortsAndPrintsAsReadersExpect() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            @article{a, author = {Ann Able and eva Kühn and Zvi Kedem and Øystein Torbjørnsen and Bob Brown}, title = {One}, journal = {J}, year = {2019}}
            @article{b, author = {Ann Able and Carl Cole and Dora Dunn}, title = {Two}, journal = {J}, year = {2020}}

            """.write(to: folder.appendingPathComponent("names.bib"), atomically: true, encoding: .utf8)
        let report = try EndToEndTests.run(["report", "names.bib", "-o", "out", "--quiet"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let result = try Self.python(["views", folder.appendingPathComponent("out/report.html").path, "--focus", "Ann Able", "--search", "Kedem"])
        #expect(result.status == 0, "\(result.output)")
        let views = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        #expect(views["focusNamed"] as? Bool == true)
        #expect(views["namesAfterResize"] as? Int == 7 && (views["cutAfterResize"] as? [String])?.isEmpty == true, "\(result.output)")
        #expect(views["searched"] as? String == "Zvi Kedem" && views["mapOnScreenAfterSearch"] as? Bool == true, "\(result.output)")
        #expect(views["byName"] as? [String] == ["Ann Able", "Bob Brown", "Carl Cole", "Dora Dunn", "eva Kühn", "Øystein Torbjørnsen", "Zvi Kedem"],
                "\(result.output)")
        let print = try #require(views["print"] as? [String: Double])
        let (box, drawing) = (try #require(print["box"]), try #require(print["drawing"]))
        #expect(abs(box / drawing - 1) < 0.02, "printed in a box of proportions \(box), drawn at \(drawing)")
    }

    /// The focus is named on the page whatever its rank, as on the SVG map: on SIGMOD, `Maxim
    /// Kormilitsin` was an outlined disc without a name beside 49 named authors (a user trial of
    /// session 62).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sigmod.path), "needs ../shared/datasets"))
    func theFocusIsNamedOnThePage() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try EndToEndTests.run(["report", Self.sigmod.path, "--focus", "Maxim Kormilitsin", "-o", "out", "--quiet"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let result = try Self.python(["views", folder.appendingPathComponent("out/report.html").path, "--focus", "Maxim Kormilitsin",
                                      "--search", "Kormilitsin"])
        #expect(result.status == 0, "\(result.output)")
        let views = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        #expect(views["focusNamed"] as? Bool == true, "\(result.output)")
    }

    /// What a user trial of session 54 missed in the panel: the tie weight where it is not the
    /// joint papers (fractional weights), communities to colour by under `--color-by first-year`,
    /// and, on the map page of `render`, every metric that costs little (it had PageRank alone).
    @Test func thePanelGivesTheTieWeightAndEveryMetric() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try EndToEndTests.run(["report", "Data", "--weight", "fractional", "--color-by", "first-year", "-o", "out", "--quiet"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let map = try EndToEndTests.run(["render", "Data", "--weight", "fractional", "-o", "map.html", "--quiet"], in: folder)
        #expect(map.status == 0, "\(map.stderr)")
        for (page, metrics) in [("out/report.html", 11), ("map.html", 8)] {
            let result = try Self.python(["panel", folder.appendingPathComponent(page).path, "--select", "Kangwook Lee"])
            #expect(result.status == 0, "\(result.output)")
            let panel = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
            #expect(panel["selected"] as? String == "Kangwook Lee")
            let collaborators = try #require(panel["collaborators"] as? [[String]])
            #expect(collaborators.first == ["collaborator", "papers", "weight", "years", "recency"], "\(page): \(collaborators.prefix(2))")
            // Dimitris Papailiopoulos: 6 joint papers, Σ 2/(k(k−1)) over them.
            #expect(collaborators.dropFirst().first == ["Dimitris Papailiopoulos", "6", "1.2774", "2020–2023", "1.013"], "\(page): \(collaborators.prefix(2))")
            let rows = try #require(panel["metrics"] as? [[String]])
            #expect(rows.count >= metrics && ["degree", "strength", "pagerank", "eigenvector", "core"].allSatisfy { m in rows.contains { $0.first == m } },
                    "\(page): \(rows.map(\.first))")
            #expect((panel["colorings"] as? [String])?.contains("community") == true, "\(page): \(panel["colorings"] ?? "")")
        }
    }

    /// An estimate in the panel reads "≈ value ± bound" (the page gave the bound only in the metric's
    /// description: a review of session 58); exact values carry neither mark.
    @Test func thePanelGivesAnEstimatesBound() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try EndToEndTests.run(["report", "Data", "--approximate", "0.5", "-o", "out", "--quiet"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        let open = try #require(page.range(of: "<script type=\"application/json\" id=\"coauthor-data\">"))
        let close = try #require(page.range(of: "</script>", range: open.upperBound..<page.endIndex))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(page[open.upperBound..<close.lowerBound].utf8)) as? [String: Any])
        let columns = try #require(data["metrics"] as? [[String: Any]])
        let bound = try #require(columns.first { $0["key"] as? String == "betweenness" }?["bound"] as? Double)
        let result = try Self.python(["panel", folder.appendingPathComponent("out/report.html").path, "--select", "Kangwook Lee"])
        #expect(result.status == 0, "\(result.output)")
        let panel = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        let rows = try #require(panel["metrics"] as? [[String]])
        let betweenness = try #require(rows.first { $0.first == "betweenness" }, "\(rows)")
        try #require(betweenness.count == 3)
        #expect(betweenness[1].hasPrefix("≈ ") && betweenness[1].hasSuffix(" ± \(Self.shown(bound))"), "\(betweenness) against ±\(bound)")
        let pagerank = try #require(rows.first { $0.first == "pagerank" })
        #expect(!pagerank[1].contains("±") && !pagerank[1].contains("≈"), "\(pagerank)")
    }

    /// A value as the page's `fmt` shows it: four decimals, trailing zeros dropped.
    static func shown(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : "\(rounded)"
    }

    static let sigmod = ReaderCLITests.datasets.appendingPathComponent("dblp-2016-sigmod/conf-sigmod.bib")

    /// The 5,756-author map of dblp-2016-sigmod: the page at most 3x its SVG, every author drawn, every
    /// sampled name read at some zoom level, and the search and zoom timings taken. How fast they are is
    /// the benchmark's to say (`Scripts/bench_html_report.sh`, against issue #16's 100 ms and 50 ms): here
    /// the page shares two cores with the other suites, and a zoom step's median moves with that load.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sigmod.path), "needs ../shared/datasets"))
    func theSigmodPageIsSmallAndResponsive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try EndToEndTests.run(["report", Self.sigmod.path, "--max-nodes", "100000", "--quiet", "-o", "out"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        func size(_ name: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("out/\(name)").path)[.size] as? Int)
        }
        let page = try size("report.html"), svg = try size("network.svg")
        #expect(page <= 3 * svg, "report.html is \(page) bytes, network.svg \(svg)")

        let bench = try Self.python(["bench", folder.appendingPathComponent("out/report.html").path])
        #expect(bench.status == 0, "\(bench.output)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(bench.output.utf8)) as? [String: Any])
        #expect(figures["authors"] as? Int == 5756 && figures["drawn"] as? Int == 5756)
        let search = try #require(figures["search_ms"] as? [String: Double])
        let zoom = try #require(figures["zoom_step_ms"] as? [String: Double])
        #expect(search["n"] == 30 && zoom["n"] == 72, "\(bench.output)")
        #expect(try #require(search["max"]) >= #require(search["median"]) && #require(zoom["median"]) > 0, "\(bench.output)")
        // Every sampled author's name appears at some zoom level.
        #expect(figures["names_read"] as? Int == figures["names_sampled"] as? Int && (figures["names_sampled"] as? Int ?? 0) > 0,
                "\(bench.output)")
    }

    @Test func renderWritesTheMapPageAloneAndTheSameBytesTwice() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.html", "b.html"] {
            let run = try EndToEndTests.run(["render", "Data", "--format", "html", "-o", name], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = try Data(contentsOf: folder.appendingPathComponent("a.html"))
        let b = try Data(contentsOf: folder.appendingPathComponent("b.html"))
        #expect(a == b)
        let page = String(decoding: a, as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<canvas id=\"map\""))
        #expect(!page.contains("id=\"dashboard\""))
        // No link to tables it does not have, and no words about them (a user trial of session 52).
        #expect(!page.contains("href=\"#dashboard\"") && !page.contains("tables below") && !page.contains("tables above"), "the map alone has no tables")
        // The extension alone picks the format too.
        let byName = try EndToEndTests.run(["render", "Data", "-o", "c.html"], in: folder)
        #expect(byName.status == 0 && (try? Data(contentsOf: folder.appendingPathComponent("c.html"))) == a)
    }

    @Test func exportWritesVOSviewerJSON() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try EndToEndTests.run(["export", "Data", "--format", "vosviewer-json", "-o", "map.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("map.json")))
            as? [String: Any])
        let network = try #require(root["network"] as? [String: Any])
        let items = try #require(network["items"] as? [[String: Any]])
        #expect(items.count == 42)
        #expect(items.allSatisfy { $0["x"] is Double && $0["y"] is Double && $0["cluster"] is Int && $0["scores"] is [String: Double] })
        #expect((network["links"] as? [[String: Any]])?.count == 202)
    }
}
