@testable import coauthor
@testable import CoauthorCore
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Seeded random small corpora driven through every command and output format in this process:
/// the invariants below must hold for every one of them, and the metrics of every graph of at
/// most 25 authors must equal networkx's (Scripts/property_check.py, exact path lengths).
@Suite struct PropertyTests {
    /// The library's seeded generator, so that a failure names a corpus that can be made again.
    struct Generator {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let names = [
        "José Ñúñez", "Zoë Brontë", "Иван Петров", "Γιώργος Παπαδόπουλος", "王 小明", "محمد علي", "דוד כהן",
        "राम शर्मा", "Nguyễn Văn An", "Søren Kierkegaard", "D. van der Berg", "J. R. R. Tolkien", "Mary-Jane Watson",
        "O'Brien, Pat", "{von Neumann}, John", "Smith, Jr., John", "A. Li", "Xin Li", "Wei Wang 0001", "Wei Wang",
        "Ada Lovelace", "A. Lovelace", "Grace Hopper", "Alan Turing", "Emmy Noether", "{\\\"U}nal G{\\\"o}k",
        "Kurt G\\\"odel", "Ren{\\'e} Descartes", "Marie Curie", "Pierre Curie", "Tim Berners-Lee", "Edsger W. Dijkstra",
    ]
    static let years = ["2001", "2005", "2010", "2015", "2019", "2020", "2021", "2023", "n.d.", "1850", "2100", "2020a", ""]

    /// A BibTeX corpus of 0–40 papers with 1–15 authors each.
    static func corpus(_ generator: inout Generator) -> String {
        let papers = generator.below(41)
        // A pool of 2 to 32 names per corpus, so that small graphs (compared with networkx) and
        // large ones both come up.
        let pool = (0..<(2 + generator.below(31))).map { _ in generator.pick(names) }
        var bib = ""
        for paper in 0..<papers {
            var authors = (0..<(1 + generator.below(15))).map { _ in generator.pick(pool) }
            if generator.below(10) == 0, let first = authors.first { authors.append(first) }  // an author twice
            let key = generator.below(12) == 0 && paper > 0 ? "p\(paper - 1)" : "p\(paper)"  // a repeated key
            let year = generator.pick(years)
            bib += "@article{\(key), author = {\(authors.joined(separator: " and "))}, title = {Paper \(paper)}"
            bib += year.isEmpty ? "}\n" : ", year = {\(year)}}\n"
        }
        return bib
    }

    @Test func everyCommandAndFormatHoldsItsInvariants() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = folder.appendingPathComponent("networkx")
        try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
        var generator = Generator(state: 15)
        var corpora = 0, runs = 0, compared = 0
        // Each command line is parsed once, with a stand-in input swapped for each corpus.
        var parsed: [[String]: any AnalysisCommand] = [:]
        for index in 0..<500 {
            let bib = Self.corpus(&generator)
            let file = folder.appendingPathComponent("c\(index).bib")
            try Data(bib.utf8).write(to: file)
            corpora += 1
            func run(_ arguments: [String]) -> InProcess {
                runs += 1
                var line = arguments + ["--quiet"]
                line[1] = "INPUT"
                if parsed[line] == nil {
                    parsed[line] = try? Coauthor.parseAsRoot(line) as? any AnalysisCommand
                }
                guard var command = parsed[line] else {
                    Issue.record("\(line) does not parse")
                    return InProcess(status: 64, stdout: "", stderr: "error: no parse")
                }
                command.inputs = [arguments[1]]
                let result = InProcess.run { command }
                #expect([0, 64, 65].contains(result.status), "corpus \(index): \(arguments) exited \(result.status)")
                if result.status != 0 {
                    #expect(result.stderr.contains("error:"), "corpus \(index): \(arguments) failed without saying why")
                }
                return result
            }
            let stats = run(["stats", file.path, "--format", "json"])
            guard stats.status == 0 else {
                #expect(stats.status == 65 && stats.stderr.contains("no publications"), "corpus \(index): \(stats.stderr)")
                continue
            }
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
            let authors = try #require(summary["authors"] as? Int), edges = try #require(summary["edges"] as? Int)
            #expect(run(["stats", file.path]).stdout.contains("assortativity"))

            let json = run(["export", file.path, "--format", "json"])
            let graph = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let nodes = try #require(graph["nodes"] as? [[String: Any]]), links = try #require(graph["edges"] as? [[String: Any]])
            #expect(nodes.count == authors && links.count == edges, "corpus \(index): export and stats disagree")
            let degrees = nodes.reduce(0) { $0 + ($1["degree"] as? Int ?? 0) }
            #expect(degrees == 2 * edges, "corpus \(index): degrees sum to \(degrees), not twice \(edges)")
            let pagerank = nodes.reduce(0.0) { $0 + ($1["pagerank"] as? Double ?? 0) }
            #expect(abs(pagerank - 1) < 1e-9, "corpus \(index): PageRank sums to \(pagerank)")
            if authors <= 25 {
                try Data(json.stdout.utf8).write(to: reference.appendingPathComponent("c\(index).json"))
                compared += 1
            }

            let rank = run(["rank", file.path, "--format", "csv", "--top", "0"])
            #expect(Self.csvRows(rank.stdout) == authors + 1, "corpus \(index): rank lists \(Self.csvRows(rank.stdout) - 1) of \(authors)")
            #expect(run(["timeline", file.path, "--format", "csv"]).stdout.hasPrefix("year,papers,coauthors"))
            // Every fifth corpus goes through every other format too.
            guard index % 5 == 0 else { continue }
            #expect(json.stdout == run(["export", file.path, "--format", "json"]).stdout, "corpus \(index): not the same bytes twice")
            _ = try JSONSerialization.jsonObject(with: Data(run(["rank", file.path, "--format", "json"]).stdout.utf8))
            #expect(!run(["rank", file.path, "--format", "markdown"]).stdout.isEmpty)
            _ = try JSONSerialization.jsonObject(with: Data(run(["timeline", file.path, "--corpus", "--format", "json"]).stdout.utf8))
            #expect(Self.parsesAsXML(run(["timeline", file.path, "--format", "svg"]).stdout))
            #expect(Self.csvRows(run(["timeline", file.path, "--ties", "--format", "csv"]).stdout) == edges + 1)
            _ = try JSONSerialization.jsonObject(with: Data(run(["names", file.path, "--format", "json"]).stdout.utf8))
            #expect(Self.parsesAsXML(run(["export", file.path, "--format", "graphml"]).stdout))
            #expect(Self.parsesAsXML(run(["export", file.path, "--format", "gexf", "--no-layout"]).stdout))
            _ = try JSONSerialization.jsonObject(with: Data(run(["export", file.path, "--format", "vosviewer-json", "--no-layout"]).stdout.utf8))
            #expect(run(["export", file.path, "--format", "dot", "--no-layout"]).stdout.hasPrefix("graph coauthors"))
            let csv = folder.appendingPathComponent("csv\(index)")
            #expect(run(["export", file.path, "--format", "csv", "-o", csv.path]).status == 0)
            #expect(Self.csvRows(try String(contentsOf: csv.appendingPathComponent("nodes.csv"), encoding: .utf8)) == authors + 1)
            if index % 25 == 0 {
                // Graphviz is slower: every 25th corpus is drawn.
                #expect(Self.parsesAsXML(run(["render", file.path, "--format", "svg"]).stdout), "corpus \(index): the map is not SVG")
            }
        }
        #expect(corpora == 500 && runs > 2500 && compared > 100, "\(corpora) corpora, \(runs) runs, \(compared) compared")

        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", InProcess.repository.appendingPathComponent("Scripts/property_check.py").path, reference.path]
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = pipe
        try python.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "networkx disagrees (the test command installs networkx in .venv): \(report)")
        #expect(report.contains("checked \(compared) graphs"), "\(report)")
    }

    /// Records of an RFC 4180 text (quoted fields may hold line breaks).
    static func csvRows(_ text: String) -> Int {
        var rows = 0, quoted = false, empty = true
        for character in text {
            if character == "\"" { quoted.toggle() }
            if (character == "\n" || character == "\r\n") && !quoted {
                if !empty { rows += 1 }
                empty = true
            } else {
                empty = false
            }
        }
        return rows + (empty ? 0 : 1)
    }

    static func parsesAsXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
