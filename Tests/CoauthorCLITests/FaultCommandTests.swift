@testable import coauthor
import Foundation
import Testing

/// Exit statuses and messages of the faults in `Scripts/chaos.sh` that a command meets in-process.
@Suite struct FaultCommandTests {
    @Test func standardInputWithoutAFormatIsAUsageError() {
        for input in ["-", "/dev/stdin"] {
            let result = InProcess.run(["names", input], stdin: "@article{k, author = {A One and B Two}}\n")
            #expect(result.status == 64, "\(input): \(result.stderr)")
            #expect(result.stderr.contains("--input-format"), "\(input): \(result.stderr)")
        }
    }

    @Test func standardInputWithItsFormatIsRead() {
        let result = InProcess.run(["names", "-", "--input-format", "bibtex"], stdin: "@article{k, author = {A One and B Two}}\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("read 1 publication"), "\(result.stderr)")
    }

    @Test func aLoopOfSymbolicLinksIsNamedAsSuch() throws {
        let folder = try InProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loop = folder.appendingPathComponent("loop.bib").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.bib")
        let result = InProcess.run(["names", loop])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(loop): error: cannot read it (a loop of symbolic links)"), "\(result.stderr)")
    }

    @Test func anOutputThatIsADeviceStaysADevice() {
        let result = InProcess.run(["export", InProcess.data, "--format", "json", "--metrics", "none", "--quiet", "-o", "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }
}
