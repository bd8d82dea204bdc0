import Foundation
import Testing

/// `coauthor export` for every format, run as a user would.
struct ExportCommandTests {
    static let golden = EndToEndTests.repository.appendingPathComponent("Tests/CoauthorCoreTests/Fixtures/export/golden")

    /// The command's files on Data/ are the golden files the formatters are held to.
    @Test(arguments: [
        (["--format", "graphml", "-o", "out/network.graphml"], [("out/network.graphml", "seed.graphml")]),
        (["--format", "gexf", "--no-layout", "-o", "out/network.gexf"], [("out/network.gexf", "seed.gexf")]),
        (["--format", "dot", "--no-layout", "-o", "out/network.dot"], [("out/network.dot", "seed.dot")]),
        (["--format", "json", "-o", "out/network.json"], [("out/network.json", "seed.json")]),
        (["--format", "csv", "-o", "out"], [("out/nodes.csv", "seed.nodes.csv"), ("out/edges.csv", "seed.edges.csv")]),
        (["--format", "pajek", "-o", "out/network.net"], [("out/network.net", "seed.net"), ("out/network.clu", "seed.clu")]),
        (["--format", "vosviewer", "-o", "out"],
         [("out/map.txt", "seed.vosviewer-map.txt"), ("out/network.txt", "seed.vosviewer-network.txt")]),
    ])
    func everyFormatWritesItsFiles(arguments: [String], files: [(String, String)]) throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["export"] + arguments, in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        for (written, golden) in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(written))
            let expected = try Data(contentsOf: Self.golden.appendingPathComponent(golden))
            #expect(bytes == expected, "\(written) differs from \(golden)")
        }
    }

    /// GEXF and DOT carry the rendered map's layout by default, so Gephi opens with our picture.
    @Test(arguments: [("gexf", "<viz:position x=\""), ("dot", "pos=\"")])
    func layoutIsCarriedByDefault(format: String, marker: String) throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["export", "--format", format, "--quiet"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.components(separatedBy: marker).count - 1 == 42, "one position per author")
        let again = try EndToEndTests.run(["export", "--format", format, "--quiet"], in: folder)
        #expect(again.stdout == result.stdout)
    }

    /// The VOSviewer map file takes `--layout` as `x` and `y` columns, the positions VOSviewer
    /// JSON carries (`--layout` was refused for it: a user trial of session 63); without the
    /// flag it has none, VOSviewer laying the network out itself.
    @Test func theVOSviewerMapFileTakesTheLayout() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let placed = try EndToEndTests.run(["export", "--format", "vosviewer", "-o", "placed", "--layout", "--quiet"], in: folder)
        #expect(placed.status == 0, "stderr: \(placed.stderr)")
        let plain = try EndToEndTests.run(["export", "--format", "vosviewer", "-o", "plain", "--quiet"], in: folder)
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        let json = try EndToEndTests.run(["export", "--format", "vosviewer-json", "--quiet"], in: folder)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let lines = try String(contentsOf: folder.appendingPathComponent("placed/map.txt"), encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(lines.first?.prefix(4) == ["id", "label", "x", "y"], "\(lines.first ?? [])")
        #expect(try !String(contentsOf: folder.appendingPathComponent("plain/map.txt"), encoding: .utf8).hasPrefix("id\tlabel\tx"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require((object["network"] as? [String: Any])?["items"] as? [[String: Any]])
        try #require(items.count == 42 && lines.count == 43)
        for item in items {
            let id = try #require(item["id"] as? Int)
            let row = lines[id]
            #expect(row[0] == String(id) && Double(row[2]) == item["x"] as? Double && Double(row[3]) == item["y"] as? Double, "\(row) \(item)")
        }
    }

    @Test func singleFileFormatsGoToStandardOutputWithoutO() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["export", "--format", "json", "--quiet"], in: folder)
        #expect(result.status == 0)
        let expected = try Data(contentsOf: Self.golden.appendingPathComponent("seed.json"))
        #expect(Data(result.stdout.utf8) == expected)
    }

    @Test(arguments: ["csv", "vosviewer"])
    func folderFormatsNeedO(format: String) throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try EndToEndTests.run(["export", "--format", format], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("-o FOLDER"))
    }

    @Test func metricsLimitWhatIsComputedAndWritten() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let none = try EndToEndTests.run(["export", "--metrics", "none", "--format", "csv", "-o", "none"], in: folder)
        #expect(none.status == 0, "stderr: \(none.stderr)")
        let header = try String(contentsOf: folder.appendingPathComponent("none/nodes.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").first
        #expect(header == "id,label,name,papers,first_year,last_year,component")
        let some = try EndToEndTests.run(["export", "--metrics", "pagerank, community", "--format", "csv", "-o", "some"], in: folder)
        #expect(some.status == 0, "stderr: \(some.stderr)")
        let second = try String(contentsOf: folder.appendingPathComponent("some/nodes.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").first
        #expect(second == "id,label,name,papers,first_year,last_year,pagerank,community,component")
        // The indicators by their word, with every graph metric; the h-index and citations of a
        // BibTeX corpus (no cited-by counts) are empty cells in every format, where converting
        // them to integers stopped the run (a user trial of session 52).
        let indicators = try EndToEndTests.run(["export", "--metrics", "all,indicators", "--format", "csv", "-o", "all"], in: folder)
        #expect(indicators.status == 0, "stderr: \(indicators.stderr)")
        let rows = try String(contentsOf: folder.appendingPathComponent("all/nodes.csv"), encoding: .utf8).components(separatedBy: "\r\n")
        let columns = rows[0].components(separatedBy: ",")
        #expect(["pagerank", "betweenness", "community", "collaboration_index", "international_share", "citations", "h_index"].allSatisfy(columns.contains),
                "\(columns)")
        let hIndex = try #require(columns.firstIndex(of: "h_index"))
        #expect(rows[1].components(separatedBy: ",")[hIndex].isEmpty, "\(rows[1])")
        for format in ["graphml", "gexf", "json", "dot", "pajek", "vosviewer-json"] {
            let result = try EndToEndTests.run(["export", "--metrics", "h_index,citations", "--format", format, "-o", "h.\(format)"], in: folder)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        // A folder format's -o that names a file (`nodes.csv`) is refused, not made a folder.
        let file = try EndToEndTests.run(["export", "--format", "csv", "-o", "nodes.csv"], in: folder)
        #expect(file.status == 64 && file.stderr.contains("-o nodes.csv names a file; name a folder instead, e.g. -o nodes"), "\(file.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nodes.csv").path))
        let bad = try EndToEndTests.run(["export", "--metrics", "fame"], in: folder)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'fame' is not a metric"))
    }

    /// Without `--format` the file's extension names the format (`-o network.gexf` wrote GraphML
    /// under that name), and a `--format` other than the extension's is refused, for `export` as
    /// for `render` (a hostile-input trial of session 55).
    @Test func theOutputsExtensionNamesTheFormat() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, start) in [("n.gexf", "<gexf"), ("n.gv", "graph"), ("n.net", "*Vertices"), ("n.json", "{"), ("n.graphml", "<graphml"), ("n.xml", "<graphml")] {
            let result = try EndToEndTests.run(["export", "-o", name, "--quiet"], in: folder)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains(start) && (start != "<graphml" || !text.contains("<gexf")), "\(name)")
        }
        let conflicting = try EndToEndTests.run(["export", "--format", "graphml", "-o", "c.gexf"], in: folder)
        #expect(conflicting.status == 64)
        #expect(conflicting.stderr.contains("-o c.gexf names a .gexf file, but --format graphml writes another format"), "\(conflicting.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.gexf").path))
        #expect(try EndToEndTests.run(["export", "--format", "vosviewer-json", "-o", "v.json", "--quiet"], in: folder).status == 0)
        for name in ["edges.csv", "net.paj", "n.txt"] {
            let unknown = try EndToEndTests.run(["export", "-o", name], in: folder)
            #expect(unknown.status == 64 && unknown.stderr.contains("-o \(name): export writes .graphml, .gexf"), "\(unknown.stderr)")
        }
        let map = try EndToEndTests.run(["render", "--format", "svg", "-o", "m.png"], in: folder)
        #expect(map.status == 64 && map.stderr.contains("-o m.png names a .png file, but --format svg draws another format"), "\(map.stderr)")
    }

    @Test func aFailedWriteLeavesTheEarlierFileIntact() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try EndToEndTests.run(["export", "--format", "dot", "-o", "network.dot"], in: folder)
        #expect(first.status == 0)
        let before = try Data(contentsOf: folder.appendingPathComponent("network.dot"))
        // A file where the folder should be: the csv export cannot be written there (refused
        // before anything is read since session 53).
        let failed = try EndToEndTests.run(["export", "--format", "csv", "-o", "network.dot"], in: folder)
        #expect(failed.status == 64)
        #expect(failed.stderr.contains("-o network.dot is a file"), "\(failed.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("network.dot")) == before)
    }
}
