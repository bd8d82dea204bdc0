@testable import CoauthorCore
import Foundation
import Testing

/// gzip-compressed inputs are read as what they hold (`gzip -n` of the fixtures beside them).
struct GzipInputTests {
    private static let folder = Paths.fixtures.appendingPathComponent("gzip")
    private static let exports = Paths.fixtures.appendingPathComponent("exports")

    private func path(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }

    @Test func aCompressedFileReadsAsItsPlainText() throws {
        let compressed = try InputReader.read([path("wos-quirks.txt.gz")])
        let plain = try InputReader.read([Self.exports.appendingPathComponent("wos-quirks.txt").path])
        #expect(compressed.records == 4 && compressed.skipped == 0)
        var relocated = compressed.publications
        for index in relocated.indices { relocated[index].location.path = plain.publications[index].location.path }
        #expect(relocated == plain.publications)
        #expect(compressed.publications.first?.location.path.hasSuffix("wos-quirks.txt.gz") == true)
    }

    @Test func theFormatIsDetectedFromTheDecompressedContent() {
        #expect(InputFormat.detect(path: path("wos-quirks.txt.gz")) == .wos)
        #expect(InputFormat.detect(path: path("openalex-two-members.jsonl.gz")) == .openalex)
        // An OpenAlex snapshot part's name says nothing; this one holds MEDLINE.
        #expect(InputFormat.detect(path: path("part_000.gz")) == .medline)
    }

    @Test func everyMemberOfAMultiMemberFileIsRead() throws {
        let corpus = try InputReader.read([path("openalex-two-members.jsonl.gz")])
        let first = try InputReader.read([Paths.fixtures.appendingPathComponent("openalex/openalex-tricky.jsonl").path])
        let second = try InputReader.read([Self.exports.appendingPathComponent("openalex-work.jsonl").path])
        #expect(corpus.records == first.records + second.records)
        #expect(corpus.publications.count == first.publications.count + second.publications.count)
        #expect(corpus.skipped == first.skipped + second.skipped)
    }

    @Test(arguments: [("corrupt.txt.gz", "corrupt gzip data"), ("truncated.txt.gz", "truncated")])
    func aDamagedFileIsOneErrorNamingIt(name: String, reason: String) throws {
        let corpus = try InputReader.read([path(name)], format: .wos)
        #expect(corpus.skipped == 1 && corpus.publications.isEmpty)
        let error = try #require(corpus.diagnostics.first { $0.severity == .error })
        #expect(error.location?.path == path(name))
        #expect(error.message.contains(reason))
    }

    @Test func compressedBytesFromStandardInputAreInflatedToo() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("part_000.gz")))
        let corpus = try InputReader.read(["-"], format: .medline, standardInput: { bytes })
        #expect(corpus.records == 3 && corpus.publications.count == 2)
        let garbage = InputReader.read(bytes: bytes + Array("tail".utf8), format: .medline, path: "<stdin>")
        #expect(garbage.skipped == 1 && garbage.diagnostics.first?.message.contains("after the end of the compressed stream") == true)
    }

    @Test func aFolderFindsCompressedInputs() throws {
        let corpus = try InputReader.read([Self.folder.path])
        // corrupt and truncated are reported, the others read.
        #expect(corpus.files == 5)
        #expect(corpus.skipped >= 2)
        #expect(corpus.publications.count > 4)
    }
}
