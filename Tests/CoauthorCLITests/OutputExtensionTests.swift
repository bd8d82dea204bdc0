import Foundation
import Testing

/// `-o FILE` of `rank`, `stats`, `timeline` and `names` writes the format its extension names when
/// `--format` is not given (`rank -o top.json` wrote a text table: a hostile-input trial of
/// session 57); an extension that names another format than `--format`, or one the command does
/// not write, is refused before anything is read; `.txt` and others are plain text.
struct OutputExtensionTests {
    private static let bib = """
        @article{a, author = {Ann One and Bob Two}, title = {A}, year = 2020}
        @article{b, author = {Ann One and Cy Three}, title = {B}, year = 2021}

        """

    @Test func theExtensionChoosesTheFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-ext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.bib.utf8).write(to: folder.appendingPathComponent("refs.bib"))
        func written(_ arguments: [String], _ file: String) throws -> String {
            let result = try EndToEndTests.run(arguments + ["-o", file, "--quiet"], in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        func isJSON(_ text: String) -> Bool { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil }
        #expect(isJSON(try written(["rank", "refs.bib"], "top.json")))
        #expect(try written(["rank", "refs.bib"], "top.csv").hasPrefix("rank,"))
        #expect(try written(["rank", "refs.bib"], "top.md").hasPrefix("| "))
        #expect(isJSON(try written(["stats", "refs.bib"], "stats.json")))
        #expect(isJSON(try written(["names", "refs.bib"], "names.JSON")))
        #expect(try written(["timeline", "refs.bib", "--focus", "Ann One"], "years.csv").hasPrefix("year,"))
        #expect(try written(["timeline", "refs.bib", "--focus", "Ann One"], "years.svg").hasPrefix("<?xml"))
        // Plain text where the extension names nothing else; `.txt` goes with any --format.
        #expect(!isJSON(try written(["rank", "refs.bib"], "top.dat")))
        #expect(isJSON(try written(["rank", "refs.bib", "--format", "json"], "top.txt")))
        #expect(isJSON(try written(["rank", "refs.bib", "--format", "json"], "top.json")))

        let conflict = try EndToEndTests.run(["rank", "refs.bib", "--format", "csv", "-o", "x.json"], in: folder)
        #expect(conflict.status == 64 && conflict.stderr.contains("-o x.json names a JSON file, but --format is csv: leave one out, or make them agree."),
                "\(conflict.stderr)")
        let unwritten = try EndToEndTests.run(["stats", "refs.bib", "-o", "s.csv"], in: folder)
        #expect(unwritten.status == 64 && unwritten.stderr.contains("-o s.csv names a CSV file, which 'stats' does not write (--format table, json): name it .json or .txt."),
                "\(unwritten.stderr)")
        let slices = try EndToEndTests.run(["timeline", "refs.bib", "--focus", "Ann One", "--slices", "-o", "s.svg"], in: folder)
        #expect(slices.status == 64 && slices.stderr.contains("-o s.svg (an SVG chart) draws the focus author's or the corpus's years"), "\(slices.stderr)")
        // A picture's or a network file's extension is refused, --format or not: `timeline -o
        // growth.png` wrote a text table into a file called a picture (a user trial of session 62).
        let pictures: [([String], String)] = [
            (["timeline", "refs.bib", "--focus", "Ann One", "-o", "growth.png"],
             "-o growth.png names a PNG file, which 'timeline' does not write (--format table, csv, json, svg; 'coauthor render' draws maps): name it .csv or .json or .svg or .txt."),
            (["timeline", "refs.bib", "--focus", "Ann One", "--format", "csv", "-o", "t.pdf"], "-o t.pdf names a PDF file, which 'timeline' does not write"),
            (["rank", "refs.bib", "-o", "r.graphml"], "-o r.graphml names a GraphML file, which 'rank' does not write (--format table, csv, json, markdown; 'coauthor export' writes network files)"),
            (["stats", "refs.bib", "-o", "s.PNG"], "-o s.PNG names a PNG file, which 'stats' does not write"),
            (["names", "refs.bib", "-o", "n.html"], "-o n.html names an HTML file, which 'names' does not write"),
        ]
        for (arguments, message) in pictures {
            let result = try EndToEndTests.run(arguments, in: folder)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(arguments[arguments.count - 1]).path))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.csv").path))
    }
}
