import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs the built `coauthor` binary as a user would and checks stdout, stderr, exit codes and files.
struct EndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `coauthor` executable built beside this test bundle.
    static let binary: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The bundle may be a folder (…/coauthorPackageTests.xctest/…) on some platforms.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("coauthor").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("coauthor")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A child that exits before reading its input (a usage error) would end this test process
    /// with SIGPIPE when the input is written: the write fails with EPIPE instead.
    static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// - Parameter standardOutput: where the child writes its output instead of a pipe read here
    ///   (`stdout` is then empty).
    static func run(_ arguments: [String], in folder: URL, stdin: Data? = nil, executable: URL? = nil,
                    standardOutput: FileHandle? = nil, environment: [String: String] = [:]) throws -> Result {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = standardOutput ?? out
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        // Standard input is written and both outputs are drained at the same time, each on its
        // own thread, so that no pipe fills up while the child waits for another one.
        let group = DispatchGroup()
        let errData = Collected()
        DispatchQueue.global().async(group: group) {
            // A child that exits without reading (a usage error) closes the pipe: EPIPE, ignored.
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// Bytes handed over from a reading thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = Data()
        func set(_ data: Data) { lock.withLock { stored = data } }
        var data: Data { lock.withLock { stored } }
    }

    /// Standard input that cannot be read (closed, or a folder) is an error that says so (reading
    /// it trapped: a hostile-input trial of session 55); piped, it is read.
    @Test func unreadableStandardInputIsAnError() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shell = URL(fileURLWithPath: "/bin/sh")
        let closed = try Self.run(["-c", "exec \"$0\" stats --input-format bibtex - <&-", Self.binary.path], in: folder, executable: shell)
        #expect(closed.status == 65)
        #expect(closed.stderr.contains("-: error: cannot read the file (standard input is closed)"), "\(closed.stderr)")
        #expect(!closed.stderr.contains("Fatal error"))
        let directory = try Self.run(["-c", "exec \"$0\" stats --input-format bibtex - < .", Self.binary.path], in: folder, executable: shell)
        #expect(directory.status == 65)
        #expect(directory.stderr.contains("(it is a folder)"), "\(directory.stderr)")
        let piped = try Self.run(["stats", "--input-format", "bibtex", "-"], in: folder,
                                 stdin: Data("@article{a, author = {Ann Lee and Bo Chan}, title = {T}, year = 2020}\n".utf8))
        #expect(piped.status == 0 && piped.stdout.contains("publications"), "\(piped.stderr)")
        // A socket (inetd, some job runners) is read as it stands: it has no path to open again.
        var ends: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        let bib = Array("@article{a, author = {Ann Lee and Bo Chan}, title = {T}, year = 2020}\n".utf8)
        #expect(write(ends[0], bib, bib.count) == bib.count)
        shutdown(ends[0], Int32(SHUT_WR))
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["stats", "--input-format", "bibtex", "-", "--quiet"]
        process.standardInput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        close(ends[0])
        #expect(process.terminationStatus == 0 && String(decoding: printed, as: UTF8.self).contains("publications"))
    }

    /// A report whose folder has the sticky bit and one of whose files is another user's writes
    /// nothing (it replaced the files before that one, and left the rest old: a hostile-input
    /// trial of session 55), and says why. Run as `nobody` where the tests run as root.
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
    func aReportThatCannotReplaceOneFileReplacesNone() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sticky = folder.appendingPathComponent("sticky")
        try FileManager.default.createDirectory(at: sticky, withIntermediateDirectories: false)
        #expect(chmod(sticky.path, 0o1777) == 0 && chmod(folder.path, 0o755) == 0)
        let first = try Self.run(["report", "Data", "-o", "sticky", "--quiet"], in: folder)
        try #require(first.status == 0, "\(first.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: sticky.path).sorted()
        try #require(names.count == 9)
        let before = try names.map { try Data(contentsOf: sticky.appendingPathComponent($0)) }
        // Each file is nobody's but one, which stays root's.
        var nobody = passwd(), result: UnsafeMutablePointer<passwd>? = nil
        var buffer = [CChar](repeating: 0, count: 1024)
        try #require(getpwnam_r("nobody", &nobody, &buffer, buffer.count, &result) == 0 && result != nil)
        for name in names where name != "timeline.svg" { #expect(chown(sticky.appendingPathComponent(name).path, nobody.pw_uid, nobody.pw_gid) == 0) }
        let asNobody = try Self.run(["--reuid=nobody", "--regid=nogroup", "--clear-groups", Self.binary.path, "report", "Data", "-o", "sticky",
                                     "--quiet", "--seed", "7"], in: folder, executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(asNobody.status != 0)
        #expect(asNobody.stderr.contains("timeline.svg belongs to another user"), "\(asNobody.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sticky.path).sorted() == names, "a temporary file was left")
        #expect(try names.map { try Data(contentsOf: sticky.appendingPathComponent($0)) } == before, "a file was replaced")
    }

    /// An output whose name is near the file system's 255 bytes is written (its temporary file's
    /// longer name was refused: a hostile-input trial of session 55).
    @Test func anOutputWithALongNameIsWritten() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "n", count: 247) + ".graphml"
        let result = try Self.run(["export", "Data", "--format", "graphml", "-o", name, "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
    }

    /// `-o /dev/stdout` writes into the pipe, and into a file standard output is appended to (a
    /// review of session 54: the link to the pipe was followed to `pipe:[N]`, no file, and a
    /// redirected file was replaced).
    @Test func standardOutputNamedAsAFileIsWrittenThrough() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let piped = try Self.run(["export", "Data", "--format", "json", "-o", "/dev/stdout", "--quiet"], in: folder)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(piped.stdout.utf8))) != nil, "\(piped.stdout.prefix(200))")
        let log = folder.appendingPathComponent("log.txt")
        try "earlier\n".write(to: log, atomically: true, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        let appended = try Self.run(["export", "Data", "--format", "json", "-o", "/dev/stdout", "--quiet"], in: folder, standardOutput: handle)
        try handle.close()
        #expect(appended.status == 0, "\(appended.stderr)")
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.hasPrefix("earlier\n{") && text.dropFirst(8) == piped.stdout, "\(text.prefix(100))")
    }

    /// What a user trial of session 50 found crashing or destroying data: standard output on a
    /// full disk (a crash report, exit 132), negative counts (a crash), `-o` naming the input
    /// (the bibliography replaced by the ranking), `--min-weight nan` (every tie dropped). Each is
    /// now an error with its exit code, and the input is untouched.
    @Test func outputsThatCannotBeWrittenAndBadCountsAreErrorsNotCrashes() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
            Issue.record("/dev/full cannot be opened")
            return
        }
        let onFullDisk = try Self.run(["rank", "Data", "--top", "3"], in: folder, standardOutput: full)
        #expect(onFullDisk.status == 1, "\(onFullDisk.stderr)")
        #expect(onFullDisk.stderr.contains("coauthor: error: cannot write to standard output (No space left on device)")
                && !onFullDisk.stderr.contains("Fatal error"), "\(onFullDisk.stderr)")
        let bib = folder.appendingPathComponent("Data/publications.bib")
        let before = try Data(contentsOf: bib)
        // The input named, reached by another path, in a folder, by default (`Data/`), or hard-linked.
        #expect(link(folder.appendingPathComponent("Data/publications.bib").path, folder.appendingPathComponent("Data/linked.bib").path) == 0)
        for arguments in [["rank", "Data/publications.bib", "-o", "Data/publications.bib"],
                          ["stats", "Data/publications.bib", "-o", "Data/../Data/publications.bib"],
                          ["rank", "Data", "-o", "Data/publications.bib"], ["names", "-o", "Data/publications.bib"],
                          ["rank", "Data/publications.bib", "-o", "Data/linked.bib"],
                          ["render", "Data", "--labels=-1", "-o", "m.svg"], ["render", "Data", "--max-nodes=-1", "-o", "m.svg"],
                          ["report", "Data", "--top=-1", "-o", "r"], ["stats", "Data", "--min-weight", "nan"],
                          ["render", "Data", "--by-year", "-o", "-"], ["stats", "-", "-", "--input-format", "bibtex"]] {
            let result = try Self.run(arguments, in: folder)
            #expect(result.status == 64 && result.stderr.hasPrefix("Error: "), "\(arguments): \(result.status) \(result.stderr)")
        }
        // A negative number after a space is the option's value, refused by its own rule (it was
        // taken for an option: "Missing value for '--half-life'"), and a map's seed is refused
        // before anything is read (Graphviz's range, found only when drawing).
        for (arguments, message) in [(["rank", "Data", "--focus", "Bob", "--half-life", "-1"], "--half-life must be a positive number of years"),
                                     (["render", "Data", "--labels", "-1", "-o", "m.svg"], "--labels must be 0"),
                                     (["rank", "Data", "--top", "-3"], "--top must be 0 (all) or more"),
                                     (["render", "Data", "--seed", "-2", "-o", "m.svg"], "--seed must be a whole number from 0 to 2147483647"),
                                     (["export", "Data", "--format", "gexf", "--seed", "-1", "-o", "n.gexf"], "--seed must be a whole number from 0"),
                                     (["stats", "Data", "--seed", "-5"], "--seed must be a whole number from 0"),
                                     // A bound below every value, a sign typed by mistake (a user trial of session 54).
                                     (["export", "Data", "--min-weight", "-1", "-o", "n.graphml"], "--min-weight must be 0 or more"),
                                     (["stats", "Data", "--min-papers", "-2"], "--min-papers must be 0 or more"),
                                     (["report", "Data", "--seed", "4294967296", "-o", "r"], "--seed must be a whole number from 0 to 2147483647"),
                                     // Several files cannot go to standard output (`-o -` made a folder `-`).
                                     (["report", "Data", "-o", "-"], "the report writes several files"),
                                     (["export", "Data", "--format", "csv", "-o", "-"], "--format csv writes several files"),
                                     // Outputs that cannot be written, found before anything is read (they were found
                                     // after all the work: a user trial of session 53).
                                     (["report", "Data", "-o", "Data/publications.bib"], "-o Data/publications.bib is a file, and this writes several files"),
                                     (["rank", "Data", "-o", "Data/publications.bib/r.csv"], "-o Data/publications.bib/r.csv: Data/publications.bib is a file, not a folder"),
                                     (["rank", "Data", "-o", ""], "-o needs a path"),
                                     (["export", "Data", "--format", "graphml", "-o", "Data"], "-o Data is a folder"),
                                     // Options that changed nothing (a user trial of session 53).
                                     (["rank", "Data", "--normalize", "association", "--resolution", "2"], "--resolution and --normalize change nothing in 'rank'"),
                                     (["stats", "Data", "--focus", "Shashank Rajput"], "--focus changes nothing in 'stats' without --radius K"),
                                     // Years beyond any corpus crashed (an overflow: a user trial of session 53).
                                     (["timeline", "Data", "--window", "9223372036854775807"], "--window must be from 1 to 1000 years"),
                                     (["render", "Data", "--by-year", "--window", "3", "--step", "9223372036854775807", "-o", "y.svg"],
                                      "--step must be from 1 to 1000 years")] {
            let result = try Self.run(arguments, in: folder)
            #expect(result.status == 64 && result.stderr.hasPrefix("Error: \(message)"), "\(arguments): \(result.status) \(result.stderr)")
        }
        #expect(try Data(contentsOf: bib) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Data"], "nothing written")
    }

    /// Files written into or beside `-o` (a report's folder, a CSV export's, a Pajek partition, a
    /// map's frames) that are files the run reads are refused before anything is written (each
    /// replaced the input: a user trial of session 53).
    @Test func filesWrittenBesideTheOutputNeverReplaceAnInput() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = try Data(contentsOf: folder.appendingPathComponent("Data/publications.bib"))
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("in"), withIntermediateDirectories: true)
        for name in ["in/edges.csv", "in/nodes.csv", "pj.clu", "fr-2019.svg"] {
            try bib.write(to: folder.appendingPathComponent(name))
        }
        for arguments in [["report", "in", "--input-format", "bibtex", "-o", "in"], ["export", "in", "--input-format", "bibtex", "--format", "csv", "-o", "in"],
                          ["export", "pj.clu", "--input-format", "bibtex", "--format", "pajek", "-o", "pj.net"],
                          ["render", "fr-2019.svg", "--input-format", "bibtex", "--by-year", "-o", "fr.svg"]] {
            let result = try Self.run(arguments, in: folder)
            #expect(result.status == 64 && result.stderr.contains("would replace the input file"), "\(arguments): \(result.status) \(result.stderr)")
        }
        for name in ["in/edges.csv", "in/nodes.csv", "pj.clu", "fr-2019.svg"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == bib, "\(name) replaced")
        }
        #expect(try manager.contentsOfDirectory(atPath: folder.appendingPathComponent("in").path).sorted() == ["edges.csv", "nodes.csv"])
        #expect(!manager.fileExists(atPath: folder.appendingPathComponent("pj.net").path))
    }

    /// `-o -` is standard output, as `-` is standard input (it wrote a file named `-`), and a
    /// mistyped command read as an input names the command meant (a user trial of session 53).
    @Test func dashIsStandardOutputAndAMistypedCommandIsNamed() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rank = try Self.run(["rank", "Data", "--top", "2", "--format", "csv", "-o", "-"], in: folder)
        #expect(rank.status == 0 && rank.stdout.hasPrefix("rank,name,"), "\(rank.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        let typo = try Self.run(["stat", "Data"], in: folder)
        #expect(typo.status == 64 && typo.stderr.contains("did you mean 'coauthor stats'?"), "\(typo.stderr)")
        // `help` of a command that is none (it printed the general help, status 0).
        let help = try Self.run(["help", "rnak"], in: folder)
        #expect(help.status == 64 && help.stdout.isEmpty
                && help.stderr.contains("error: 'rnak' is no command: did you mean 'rank'? (the commands are report, render, rank"), "\(help.stderr)")
    }

    /// `COAUTHOR_THREADS` that is no count of threads is refused (a typo ran on every core in
    /// silence: a hostile-input trial of session 55); a count, or nothing, runs.
    @Test func aThreadCountThatIsNoNumberIsRefused() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for bad in ["abc", "0", "-2", "1.5"] {
            let result = try Self.run(["stats", "Data", "--quiet"], in: folder, environment: ["COAUTHOR_THREADS": bad])
            #expect(result.status == 64 && result.stdout.isEmpty, "\(bad): \(result.stderr)")
            #expect(result.stderr.contains("error: COAUTHOR_THREADS is '\(bad)', which is no number of threads"), "\(result.stderr)")
        }
        for good in ["1", " 2 ", ""] {
            let result = try Self.run(["stats", "Data", "--quiet"], in: folder, environment: ["COAUTHOR_THREADS": good])
            #expect(result.status == 0 && result.stdout.contains("publications"), "\(good): \(result.stderr)")
        }
        // Help and the version need no threads: printed whatever the setting.
        for asking in [["--help"], ["stats", "-h"], ["help", "rank"], ["help"], ["--version"]] {
            let result = try Self.run(asking, in: folder, environment: ["COAUTHOR_THREADS": "abc"])
            #expect(result.status == 0 && !result.stdout.isEmpty && !result.stderr.contains("COAUTHOR_THREADS"), "\(asking): \(result.stderr)")
        }
    }

    /// An `-o` in a folder this run may not write in fails with exit 1, as a full disk does, not
    /// 64 ("usage error": a hostile-input trial of session 57), before anything is read.
    @Test func anOutputInAFolderThatCannotBeWrittenExitsOne() throws {
        // (`/proc/self` takes no file, not even root's: where it does, there is nothing to try.)
        guard access("/proc/self", W_OK) != 0 else { return }
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["export", "Data", "-o", "/proc/self/net.graphml"], in: folder)
        #expect(result.status == 1 && result.stderr.contains("error: -o /proc/self/net.graphml: cannot write in /proc/self ("), "\(result.status) \(result.stderr)")
        #expect(!result.stderr.contains("read 16 publications"), "refused before reading")
    }

    /// A file whose name starts with `-` is said to be one, with the way to name it (`stats
    /// -refs.bib` printed the help: -h among its letters; a hostile-input trial of session 55).
    @Test func aFileNamedLikeOptionsIsSaidToBeOne() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("Data/publications.bib"), to: folder.appendingPathComponent("-hrefs.bib"))
        let dashed = try Self.run(["stats", "-hrefs.bib"], in: folder)
        #expect(dashed.status == 64 && dashed.stdout.isEmpty, "\(dashed.stdout)")
        #expect(dashed.stderr.contains("error: '-hrefs.bib' is a file, but an argument starting with '-' is read as options; name it ./-hrefs.bib"),
                "\(dashed.stderr)")
        for named in [["./-hrefs.bib"], ["--", "-hrefs.bib"]] {
            let read = try Self.run(["stats"] + named + ["--quiet"].filter { _ in named.count == 1 }, in: folder)
            #expect(read.status == 0 && read.stdout.contains("publications"), "\(named): \(read.stderr)")
        }
    }

    /// Cited-by counts whose sum passes `Int.max` are summed to `Int.max` (the sum overflowed: a
    /// crash, exit 132, in `stats`, `rank --by citations` and the exports; a user trial of session 53).
    @Test func citationCountsBeyondAWholeNumberAreNoCrash() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = "@article{a, author={John Smith and Alice Doe}, title={A}, year=2020, note={Cited by: 9223372036854775807}}\n"
            + "@article{b, author={John Smith and Bob Roe}, title={B}, year=2021, note={Cited by: 1}}\n"
        try bib.write(to: folder.appendingPathComponent("cite.bib"), atomically: true, encoding: .utf8)
        let stats = try Self.run(["stats", "cite.bib", "--format", "json"], in: folder)
        #expect(stats.status == 0, "\(stats.status) \(stats.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["citations"] as? Int == Int.max && object["h_index"] as? Int == 1, "\(object)")
        let rank = try Self.run(["rank", "cite.bib", "--by", "citations", "--format", "csv"], in: folder)
        #expect(rank.status == 0 && rank.stdout.contains("John Smith,9223372036854775807"), "\(rank.status) \(rank.stdout)")
    }

    /// A pipe named as a file (`cat x.bib | coauthor stats /dev/stdin`) is read once and told by
    /// what it holds (a user trial of session 50: "unknown file type").
    @Test func aPipeNamedAsAFileIsReadByWhatItHolds() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run(["/bin/sh", "-c", "cat Data/publications.bib | '\(Self.binary.path)' stats /dev/stdin --format json --quiet"],
                                  in: folder, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"publications\": 16"), "\(result.stdout)")
        // With an existing output file (looked at against the inputs), the pipe is still read once.
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("stats.json").path, contents: Data("old".utf8)))
        let written = try Self.run(["/bin/sh", "-c", "cat Data/publications.bib | '\(Self.binary.path)' stats /dev/stdin --format json --quiet -o stats.json"],
                                   in: folder, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("stats.json"), encoding: .utf8).contains("\"publications\": 16"))
    }

    /// A fresh folder holding a copy of Data/.
    static func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Data"), to: folder.appendingPathComponent("Data"))
        return folder
    }

    static func parseXML(_ url: URL) throws -> XMLCollector {
        let collector = XMLCollector()
        let parser = try #require(XMLParser(contentsOf: url))
        parser.delegate = collector
        #expect(parser.parse(), "\(url.lastPathComponent) is not well-formed XML: \(String(describing: parser.parserError))")
        return collector
    }

    /// `report --top 0` lists every collaborator, as `rank` does (it printed the heading over no
    /// rows: a hostile-input trial of session 57), and `--top 3` three.
    @Test func reportTopZeroListsEveryCollaborator() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (top, rows) in [("0", 41), ("3", 3)] {
            let result = try Self.run(["report", "Data", "-o", "Out" + top, "--top", top, "--no-exports", "--quiet"], in: folder)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let start = try #require(lines.firstIndex { $0.hasPrefix("Closest collaborators of Shashank Rajput") })
            let section = lines[(start + 1)...].prefix { !$0.isEmpty }
            #expect(section.count { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true } == rows, "--top \(top): \(section)")
        }
    }

    @Test func defaultRunWritesTheMapGraphMLAndRankings() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.run([], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("read 16 publications from 1 file (0 skipped, 0 without year)"))
        #expect(result.stdout.contains("Shashank Rajput: 16 papers, 41 co-authors, 2019–2023"))
        #expect(result.stdout.contains("Closest collaborators of Shashank Rajput"))
        #expect(result.stdout.contains("Most central authors (PageRank)"))
        let papailiopoulos = result.stdout.split(separator: "\n").first { $0.contains("Dimitris Papailiopoulos") && $0.hasSuffix("2023") }
        #expect(papailiopoulos.map { $0.split(separator: " ").suffix(3) == ["14", "2019", "2023"] } == true)

        let output = folder.appendingPathComponent("Output")
        let svg = try Self.parseXML(output.appendingPathComponent("network.svg"))
        #expect(svg.elements["svg"] == 1)
        // A tooltip (SVG <title> or xlink:title) for every one of the 42 authors.
        let people = ["Shashank Rajput", "Dimitris Papailiopoulos", "Stephen Wright", "Raghunandan H. Keshavan", "Po-Ling Loh"]
        for person in people {
            #expect(svg.titles.contains { $0.hasPrefix(person + " — ") }, "no tooltip for \(person)")
        }
        #expect(svg.titles.filter { $0.contains(" papers, ") || $0.contains(" paper, ") }.count >= 42)

        let graphml = try Self.parseXML(output.appendingPathComponent("network.graphml"))
        #expect(graphml.elements["node"] == 42)
        #expect(graphml.elements["edge"] == 202)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("collaborators.md").path))
    }

    @Test func graphMLLoadsInNetworkxWithConsistentValues() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try Self.run(["export", "--format", "graphml", "-o", "net.graphml"], in: folder)
        #expect(export.status == 0, "stderr: \(export.stderr)")
        let script = """
            import math, sys
            import networkx as nx
            G = nx.read_graphml(sys.argv[1])
            assert G.number_of_nodes() == 42 and G.number_of_edges() == 202, (G.number_of_nodes(), G.number_of_edges())
            names = {d["name"] for _, d in G.nodes(data=True)}
            assert "Shashank Rajput" in names
            for _, d in G.nodes(data=True):
                assert d["label"] == d["name"] and isinstance(d["papers"], int)
                for key in ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "clustering", "core", "constraint", "community", "component"]:
                    assert key in d, key
            H = nx.Graph()
            H.add_nodes_from(G.nodes())
            for u, v, d in G.edges(data=True):
                assert isinstance(d["papers"], int) and d["first_year"] <= d["last_year"]
                assert abs(d["distance"] - 1 / d["weight"]) < 1e-12
                H.add_edge(u, v, weight=d["weight"], distance=d["distance"])
            checks = {
                "pagerank": (nx.pagerank(H, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000), 1e-6),
                "betweenness": (nx.betweenness_centrality(H, weight="distance", normalized=True), 1e-9),
                "closeness": (nx.closeness_centrality(H, distance="distance", wf_improved=True), 1e-9),
                "strength": (dict(H.degree(weight="weight")), 1e-12),
                "degree": (dict(H.degree()), 0),
            }
            for key, (reference, tol) in checks.items():
                for v, d in G.nodes(data=True):
                    a, b = d[key], reference[v]
                    assert abs(a - b) <= tol * max(abs(a), abs(b), 1e-300) or abs(a - b) < 1e-15, (key, d["name"], a, b)
            print("ok", G.number_of_nodes(), G.number_of_edges())
            """
        let scriptURL = folder.appendingPathComponent("check.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", scriptURL.path, folder.appendingPathComponent("net.graphml").path]
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = pipe
        try python.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "networkx check failed (the test command installs networkx): \(text)")
        #expect(text.contains("ok 42 202"))
    }

    @Test func strictModeFailsOnABadEntryAndWritesNothing() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = "@article{good, author = {A One and B Two}, year = 2001}\n@article{bad, author = {C Three}\n  title = {T}, year = 2002}\n"
        try bad.write(to: folder.appendingPathComponent("Data/broken.bib"), atomically: true, encoding: .utf8)
        let strict = try Self.run(["--strict"], in: folder)
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("Data/broken.bib:3:3: error: expected ',' or '}' after the field 'author'"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))

        // Lenient by default: the bad entry is reported and skipped, the rest is used.
        let lenient = try Self.run(["-o", "Lenient"], in: folder)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("Data/broken.bib:3:3: error:"))
        #expect(lenient.stderr.contains("read 17 publications from 2 files (1 skipped, 0 without year)"))
    }

    @Test func missingAndUndecodableInputsAreLocatedErrors() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Self.run(["report", "nowhere.bib", "-o", "Out"], in: folder)
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("nowhere.bib: error: no such file or folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))

        var bytes = Array("@article{k, author = {A One}}\n@article{m, author = {M".utf8)
        bytes.append(0xFC)
        bytes += Array("ller}}\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("latin1.bib"))
        let invalid = try Self.run(["stats", "latin1.bib"], in: folder)
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("latin1.bib:2:24: error: invalid UTF-8 at byte offset 53"), "\(invalid.stderr)")
    }

    @Test func rankStatsRenderAndExportSubcommands() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.run(["rank", "--by", "betweenness", "--top", "3", "--format", "csv"], in: folder)
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("rank,name,betweenness,papers,degree,strength"))
        #expect(lines[1].hasPrefix("1,Shashank Rajput,"))

        let focus = try Self.run(["rank", "--focus", "Dimitris Papailiopoulos", "--format", "json", "--top", "0"], in: folder)
        #expect(focus.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(focus.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 27)
        #expect(rows[0]["name"] as? String == "Shashank Rajput")
        #expect(rows[0]["papers"] as? Int == 14)

        let stats = try Self.run(["stats", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        for key in ["records", "publications", "authorships", "authors", "edges", "skipped", "duplicates", "without_year", "years",
                    "per_year", "components", "largest_component", "isolated", "density", "mean_degree", "average_clustering",
                    "transitivity", "assortativity", "modularity", "diameter", "average_path_length"] {
            #expect(object[key] != nil, "stats lacks \(key)")
        }
        #expect(object["publications"] as? Int == 16 && object["authors"] as? Int == 42 && object["edges"] as? Int == 202)
        #expect((object["per_year"] as? [String: Int]) == ["2019": 3, "2020": 3, "2021": 1, "2022": 6, "2023": 3])

        let render = try Self.run(["render", "--focus", "Shashank Rajput", "--radius", "1", "-o", "ego.svg"], in: folder)
        #expect(render.status == 0, "\(render.stderr)")
        _ = try Self.parseXML(folder.appendingPathComponent("ego.svg"))

        let export = try Self.run(["export", "--format", "graphml"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("<?xml"))

        let usage = try Self.run(["rank", "--by", "fame"], in: folder)
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("unknown metric 'fame'"))

        let unknown = try Self.run(["rank", "--focus", "Nobody Atall"], in: folder)
        #expect(unknown.status == 64)
    }

    /// A PNG or PDF map is not poured onto a terminal (a user trial of session 60 got an escaped
    /// byte stream and exit 0): refused with the way out; a pipe still takes it. The terminal is
    /// `script`'s pseudo-terminal (util-linux), where that is installed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script (util-linux)"))
    func aBinaryMapIsNotWrittenToATerminal() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = "'\(Self.binary.path)' render Data --format png --quiet"
        let terminal = try Self.run(["-qec", command, "/dev/null"], in: folder, executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(terminal.status == 64 && terminal.stdout.contains("a PNG map is binary, and standard output is a terminal"),
                "\(terminal.status) \(terminal.stdout.prefix(300)) \(terminal.stderr)")
        let piped = try Self.run(["render", "Data", "--format", "png", "--quiet"], in: folder)
        #expect(piped.status == 0 && piped.stdout.dropFirst().hasPrefix("PNG"), "\(piped.stderr)")  // (0x89 decodes as U+FFFD)
    }

    @Test func readsStandardInput() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bib = "@article{k, author = {Zoë Ñandú and Bob Smith}, year = 2020}"
        let result = try Self.run(["rank", "-", "--input-format", "bibtex", "--by", "degree", "--format", "csv"], in: folder, stdin: Data(bib.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Zoë Ñandú"))
    }
}

/// Counts elements and collects tooltip texts (`<title>` contents and `xlink:title` attributes).
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var titles: [String] = []
    private var text: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if let title = attributes["xlink:title"] { titles.append(title) }
        if name == "title" { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", let text { titles.append(text) }
        if name == "title" { text = nil }
    }
}
