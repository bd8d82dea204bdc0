import Foundation
@testable import CoauthorCore
import Testing

/// Web of Science plain text, MEDLINE and OpenAlex JSON Lines read a large block in one run per
/// core, cut where a record starts. Whatever the file holds around the cuts, the records and the
/// messages (with their lines and columns) must be those of one run in order: the same file is
/// read with one worker and with four, and the corpora compared whole.
struct ParallelRunTests {
    /// A fixture with all its quirks (broken records, stray tags, byte-order marks and headers in
    /// the middle once repeated) written back to back until the file is about 5 MB, with `noise`
    /// (lines the reader complains about) after every fifth copy.
    private static func repeated(_ fixture: String, noise: String) throws -> URL {
        let bytes = try Data(contentsOf: Paths.fixtures.appendingPathComponent("exports/\(fixture)"))
        var file = Data()
        var copy = 0
        while file.count < 5 << 20 {
            file.append(bytes)
            // Vary what falls where the cuts are: a blank line after every seventh copy.
            if copy % 7 == 3 { file.append(contentsOf: Array("\n".utf8)) }
            if copy % 5 == 1 { file.append(contentsOf: Array(noise.utf8)) }
            copy += 1
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coauthor-runs-\(UUID().uuidString)-\(fixture)")
        try file.write(to: url)
        return url
    }

    private static func read(_ url: URL, workers: Int, _ reader: (String) -> Corpus) -> Corpus {
        Parallelism.$workers.withValue(workers) { reader(url.path) }
    }

    @Test(arguments: ["wos-quirks.txt", "pubmed.nbib", "openalex-work.jsonl"])
    func runsOnFourCoresReadAsOne(fixture: String) throws {
        let noise = fixture == "pubmed.nbib" ? "\nnot a MEDLINE line\n\n" : "XX stray text\n"
        let url = try Self.repeated(fixture, noise: noise)
        defer { try? FileManager.default.removeItem(at: url) }
        let format: InputFormat = switch fixture {
        case "wos-quirks.txt": .wos
        case "pubmed.nbib": .medline
        default: .openalex
        }
        let reader: (String) -> Corpus = { StreamedReading.read(format, path: $0) }
        // The branch under test runs: a block of this file is cut into several runs (for Web of
        // Science at a `PT` line, where the reader also asks for an `ER` just before: each copy has one).
        let bytes = try [UInt8](Data(contentsOf: url))
        let block = Array(bytes.prefix(LineBlocks.defaultBlockSize))
        let starts = StreamedReading.runStart(format, in: block)
        let cuts = Parallelism.$workers.withValue(4) { block.withUnsafeBufferPointer { LineBlocks.cuts($0, from: 0, runStart: starts) } }
        try #require(cuts.count > 2, "\(fixture): the file makes \(cuts.count - 1) run(s)")

        let one = Self.read(url, workers: 1, reader)
        let four = Self.read(url, workers: 4, reader)
        #expect(one.publications.count > 1_000, "\(fixture): \(one.publications.count) publications")
        #expect(!one.diagnostics.isEmpty, "\(fixture): the quirks give messages")
        #expect(four.records == one.records && four.skipped == one.skipped)
        try #require(four.publications.count == one.publications.count)
        for (a, b) in zip(four.publications, one.publications) where a != b {
            Issue.record("\(fixture): \(a.key) at \(a.location) differs from \(b.key) at \(b.location)")
            break
        }
        try #require(four.diagnostics.count == one.diagnostics.count, "\(fixture): \(four.diagnostics.count) messages, one run \(one.diagnostics.count)")
        for (a, b) in zip(four.diagnostics, one.diagnostics) where a != b {
            Issue.record("\(fixture): \(a) differs from \(b)")
            break
        }
    }
}

extension ParallelRunTests {
    /// With `Parallelism.minimumRunBytes` lowered, a small file is cut into runs as a large one is:
    /// every fixture and shared sample, read in blocks of every size on three workers, gives the
    /// records and messages of one worker reading it whole (what the fuzz target checks on
    /// arbitrary bytes). The runs are checked to happen: each file makes several.
    @Test(arguments: [("exports/wos-quirks.txt", InputFormat.wos), ("exports/pubmed.nbib", .medline), ("exports/openalex-work.jsonl", .openalex)])
    func smallFilesCutIntoRunsReadAsWhole(fixture: String, format: InputFormat) throws {
        var urls = [Paths.fixtures.appendingPathComponent(fixture)]
        let shared: [InputFormat: [String]] = [.wos: ["wos-plaintext/bibliometrix-wos_sample.txt", "wos-plaintext/metaknowledge-savedrecs.txt"],
                                               .medline: ["pubmed/pybibx-mcda_pubmed.txt"]]
        for name in shared[format] ?? [] where ExportDatasets.available {
            urls.append(ExportDatasets.folder.appendingPathComponent(name))
        }
        for url in urls {
            let bytes = try [UInt8](Data(contentsOf: url))
            let whole = Parallelism.$workers.withValue(1) { InputReader.read(bytes: bytes, format: format, path: url.path) }
            #expect(whole.records > 1, "\(url.lastPathComponent)")
            let minimum = 64
            let starts = StreamedReading.runStart(format, in: bytes)
            let cuts = Parallelism.$workers.withValue(3) {
                Parallelism.$minimumRunBytes.withValue(minimum) { bytes.withUnsafeBufferPointer { LineBlocks.cuts($0, from: 0, runStart: starts) } }
            }
            try #require(cuts.count > 2, "\(url.lastPathComponent): \(cuts.count - 1) run(s)")
            for blockSize in [300, 4096, LineBlocks.defaultBlockSize] {
                let streamed = Parallelism.$workers.withValue(3) {
                    Parallelism.$minimumRunBytes.withValue(minimum) { StreamedReading.read(format, path: url.path, blockSize: blockSize) }
                }
                let label = "\(url.lastPathComponent), blocks of \(blockSize)"
                #expect(streamed.records == whole.records && streamed.skipped == whole.skipped, "\(label)")
                #expect(streamed.publications == whole.publications, "\(label)")
                #expect(streamed.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(label)")
            }
        }
    }

    /// `parallelRunsOnThreads` gives each run's result in run order, each run once, on any number
    /// of workers, and inside another parallel part (where it starts threads of its own) as well.
    @Test func runsOnThreadsGiveEveryResultInOrder() {
        for workers in [1, 2, 3, 8] {
            let plain = Parallelism.$workers.withValue(workers) { parallelRunsOnThreads(37) { $0 * $0 } }
            #expect(plain == (0..<37).map { $0 * $0 }, "\(workers) workers")
            let nested = Parallelism.$workers.withValue(workers) {
                parallelRuns(3) { outer in parallelRunsOnThreads(11) { outer * 100 + $0 } }
            }
            #expect(nested == (0..<3).map { outer in (0..<11).map { outer * 100 + $0 } }, "\(workers) workers, nested")
        }
        #expect(parallelRunsOnThreads(0) { $0 }.isEmpty)
    }

    /// `runBeside` gives both results; on several cores `here` runs on the calling thread while
    /// `beside` runs (beside waits for a signal that only `here` gives), on one core both run
    /// there, one after the other.
    @Test func runBesideOverlapsTheTwoPartsOnTwoCores() {
        let caller = pthread_self()
        for workers in [1, 2, 4] {
            let started = DispatchSemaphore(value: 0)
            let overlapped = DispatchSemaphore(value: 0)
            let concurrent = workers > 1
            var hereThread = pthread_self()
            let (beside, here) = Parallelism.$workers.withValue(workers) {
                runBeside({ () -> [Int] in
                    if concurrent {
                        started.signal()
                        // Released by `here` only while both run.
                        guard overlapped.wait(timeout: .now() + 10) == .success else { return [] }
                    }
                    return (0..<10).map { $0 * 3 }
                }, here: { () -> String in
                    hereThread = pthread_self()
                    if concurrent {
                        _ = started.wait(timeout: .now() + 10)
                        overlapped.signal()
                    }
                    return "here"
                })
            }
            #expect(beside == (0..<10).map { $0 * 3 }, "\(workers) workers")
            #expect(here == "here")
            #expect(pthread_equal(hereThread, caller) != 0, "`here` runs on the calling thread (\(workers) workers)")
        }
    }
}

extension ParallelRunTests {
    /// `balancedRuns` cuts items into runs in order, every item in one run, each run's work within
    /// one item of an even share.
    @Test func balancedRunsShareTheWorkInOrder() {
        var random = SplitMix64(seed: 31)
        for trial in 0..<200 {
            let items = Int(random.next() % 50)
            var starts = [0]
            for _ in 0..<items { starts.append(starts.last! + Int(random.next() % 20)) }
            let runs = 1 + Int(random.next() % 6)
            let firsts = balancedRuns(runs, starts: starts)
            #expect(firsts.count == runs + 1 && firsts.first == 0 && firsts.last == items, "trial \(trial)")
            #expect(zip(firsts, firsts.dropFirst()).allSatisfy { $0 <= $1 }, "trial \(trial)")
            let largest = zip(starts, starts.dropFirst()).map { $1 - $0 }.max() ?? 0
            for run in 0..<runs {
                let work = starts[firsts[run + 1]] - starts[firsts[run]]
                #expect(work <= starts[items] / runs + 2 * largest + 1, "trial \(trial), run \(run): \(work)")
            }
        }
    }
}
