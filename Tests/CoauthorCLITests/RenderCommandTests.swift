import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `coauthor render` from publication file to SVG, as a user runs it.
struct RenderCommandTests {
    /// Names that break some layer of text handling on the way from a
    /// publication file through Graphviz into SVG.
    static let hostileNames = [
        "<b>Bold</b> & \"Quoted\" 'Single'",
        "Tom &amp; Jerry &lt;tag&gt; &#65;",
        #"Back\slash \N \G \E \n \\ end\"#,
        "😀 Emoji 👩🏽‍🔬 Scientist",
        "李小龍 山田太郎",
        "محمد عبد الله",
        "שלום עליכם",
        "]]> <!-- --> Markup",
    ]

    /// What an SVG says in its text and tooltips.
    final class Texts: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var tooltips: [String] = []
        private var buffer: String?

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if let title = attributes["xlink:title"] { tooltips.append(title) }
            if element == "text" { buffer = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            buffer? += string
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
                    qualifiedName: String?) {
            if element == "text", let text = buffer { texts.append(text) }
            buffer = nil
        }
    }

    static func read(_ url: URL) throws -> Texts {
        let texts = Texts()
        let parser = try #require(XMLParser(contentsOf: url))
        parser.delegate = texts
        parser.shouldResolveExternalEntities = false
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return texts
    }

    /// Two CSL-JSON papers by all the hostile names (literal names reach the network unchanged),
    /// one with a name holding control characters.
    static func corpus(in folder: URL) throws -> URL {
        func author(_ name: String) -> [String: String] { ["literal": name] }
        let items: [[String: Any]] = [
            ["id": "one", "type": "article-journal", "title": "First", "issued": ["date-parts": [[2020]]],
             "author": hostileNames.map(author)],
            ["id": "two", "type": "article-journal", "title": "Second", "issued": ["date-parts": [[2021]]],
             "author": [author(hostileNames[0]), author("Tab\tand\u{7}bell")]],
        ]
        let url = folder.appendingPathComponent("hostile.json")
        try JSONSerialization.data(withJSONObject: items).write(to: url)
        return url
    }

    @Test func hostileNamesComeOutOfTheSVGExactlyAsWritten() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.corpus(in: folder)
        let result = try EndToEndTests.run(["render", input.path, "--labels", "100", "-o", "map.svg"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let svg = try Self.read(folder.appendingPathComponent("map.svg"))
        for name in Self.hostileNames {
            #expect(svg.texts.contains(name), "label \(name)")
            #expect(svg.tooltips.contains { $0.hasPrefix(name + " — ") }, "tooltip of \(name)")
        }
        // A control character is an accident of the input: a tab or line break becomes a blank,
        // any other is dropped where the name is read (`withoutControlCharacters`), as in every output.
        #expect(svg.texts.contains("Tab andbell"), "\(svg.texts)")
        #expect(svg.tooltips.contains { $0.contains(Self.hostileNames[0]) && $0.contains("Tab andbell: 1 joint paper, 2021") },
                "the tie's tooltip")
    }

    @Test(arguments: [["render", "-o", "map.svg"],
                      ["render", "--focus", "Shashank Rajput", "--radius", "1", "-o", "map.svg"],
                      ["render", "--engine", "sfdp", "--labels", "10", "-o", "map.svg"]])
    func twoRunsWriteTheSameBytes(arguments: [String]) throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        var maps: [Data] = []
        for _ in 0..<2 {
            let result = try EndToEndTests.run(arguments, in: folder)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            maps.append(try Data(contentsOf: folder.appendingPathComponent("map.svg")))
        }
        #expect(maps[0].count > 10_000)
        #expect(maps[0] == maps[1])
    }

    /// Two hundred renders in one process keep its memory flat. Run in a child process of its own,
    /// because the test process's resident size moves with every other suite running beside it.
    @Test func twoHundredRendersKeepMemoryFlat() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["render", "--repeat-renders", "201", "--timing", "-o", "seed.svg"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let line = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("resident: ") })
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let first = try #require(numbers.first), last = try #require(numbers.dropFirst().first)
        let svg = try Data(contentsOf: folder.appendingPathComponent("seed.svg"))
        // Keeping only each render's SVG would already break the bound.
        #expect(svg.count * 200 > 12 << 20)
        #expect((last - first) * 1024 < 12 << 20, "resident memory grew from \(first) KB to \(last) KB over 200 renders")
    }

    /// The names a yearly map draws run into none another (a user trial of session 62 saw
    /// `J. Gumbart` run into `E. Tajkhorshid` and `W. Wang` under `K. Schulten` in litstudy's
    /// 2005: each frame names its own year's most central authors at the whole map's places,
    /// which were cleared for the whole map's names only). Each name's box is its white band in
    /// the SVG, as Graphviz sized it for the name.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: RenderCommandTests.litstudy.path), "needs ../shared/datasets/exports"))
    func aYearlyMapsNamesDoNotRunIntoEachOther() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["render", Self.litstudy.path, "--by-year", "-o", "net.svg", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        var names = 0
        for year in 1989...2022 {
            let svg = try String(contentsOf: folder.appendingPathComponent("net-\(year).svg"), encoding: .utf8)
            // The nodes' names: the text inside a node's group (Graphviz writes an HTML label's
            // text anchored at its start).
            let nodes = svg.matches(of: /<g id="a\d+" class="node">((?:.|\n)*?)<\/g>\s*<\/g>/).map { String($0.1) }
            // Each name's white band, as Graphviz sized it for the name drawn on it.
            let boxes = nodes.compactMap { node -> (name: String, left: Double, right: Double, top: Double, bottom: Double)? in
                guard let band = node.firstMatch(of: /<polygon fill="#ffffff"[^>]*points="([^"]+)"/),
                      let text = node.firstMatch(of: /<text [^>]*>([^<]+)<\/text>/) else { return nil }
                let points = band.1.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
                guard points.allSatisfy({ $0.count == 2 }) else { return nil }
                let xs = points.map { $0[0] }, ys = points.map { $0[1] }
                return (name: String(text.1), left: xs.min()!, right: xs.max()!, top: ys.min()!, bottom: ys.max()!)
            }
            names += boxes.count
            for (i, a) in boxes.enumerated() {
                for b in boxes[(i + 1)...] {
                    // (Bands that touch by a sliver, 4 pt at most, leave both names readable.)
                    let overlaps = min(a.right, b.right) - max(a.left, b.left) > 4 && min(a.bottom, b.bottom) - max(a.top, b.top) > 4
                    #expect(!overlaps, "\(year): \(a.name) runs into \(b.name)")
                }
            }
        }
        #expect(names > 10, "the frames name their authors")
    }

    static let litstudy = EndToEndTests.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/datasets/exports/scopus-csv/litstudy-scopus.csv")

}
