import Foundation
import Testing

/// The README's library example is `Examples/LibraryExample/main.swift`, word for word, and it runs.
struct LibraryExampleTests {
    static let example = InProcess.repository.appendingPathComponent("Examples/LibraryExample/main.swift")

    @Test func readmeShowsTheExampleThatIsBuilt() throws {
        let readme = try String(contentsOf: InProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: Self.example, encoding: .utf8)
        #expect(readme.contains("```swift\n" + source + "```\n"), "README.md's library example differs from \(Self.example.path)")
        #expect(source.split(separator: "\n").count <= 16)
    }

    @Test func theExampleRanksAndWritesGraphML() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = EndToEndTests.binary.deletingLastPathComponent().appendingPathComponent("coauthor-library-example")
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 12, "a header, a rule and ten authors: \(output)")
        #expect(lines.first?.hasPrefix("rank") == true && lines.first?.contains("betweenness") == true)
        let graphml = try String(contentsOf: folder.appendingPathComponent("network.graphml"), encoding: .utf8)
        #expect(graphml.contains("attr.name=\"betweenness\""))
        #expect(graphml.components(separatedBy: "<node ").count - 1 == 42)
    }
}
