import CoauthorCore
import Glibc

/// The reader this process fuzzes: `COAUTHOR_FUZZ_READER` names an `InputFormat` (`bibtex`, `dblp`,
/// `csl`, `ris`, …), so every reader listed in `InputReader.read(bytes:format:path:encoding:)` has a
/// target without a line here; `Scripts/fuzz.sh` sets it from the corpus folder's name. `names`
/// is the differential target of the name parsers (`fuzzNames`), and has no format.
let targetName = getenv("COAUTHOR_FUZZ_READER").map { String(cString: $0) } ?? ""
let fuzzedFormat = InputFormat(rawValue: targetName)

/// Stops with a message when `COAUTHOR_FUZZ_READER` names neither a format nor `names`.
func checkTarget() {
    if fuzzedFormat == nil && targetName != "names" {
        let known = (InputFormat.allCases.map(\.rawValue) + ["names"]).joined(separator: ", ")
        let message = Array("FuzzReaders: set COAUTHOR_FUZZ_READER to one of: \(known)\n".utf8)
        _ = write(STDERR_FILENO, message, message.count)
        exit(64)
    }
}

/// libFuzzer entry point: every input must be read without a crash, a hang or a sanitizer report,
/// whatever bytes it holds, in both text encodings (so the Latin-1 paths of BibTeX and RIS see
/// arbitrary bytes too), and what is read must go through identity resolution and keep the
/// corpus's own accounting: never more publications than records. What is read and resolved
/// must not depend on how the work is cut: the checks below read and resolve again in runs on
/// two threads and compare.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // One thread for the reading the checks compare against; each check that cuts the work into
    // runs asks for two threads itself.
    Parallelism.$workers.withValue(1) {
        if let format = fuzzedFormat { read(bytes, as: format) } else { fuzzNames(bytes) }
    }
    return 0
}

private func read(_ bytes: [UInt8], as format: InputFormat) {
    for encoding in [BibTeXReader.TextEncoding.utf8, .latin1] {
        let corpus = InputReader.read(bytes: bytes, format: format, path: "fuzz", encoding: encoding)
        check(corpus.publications.count <= corpus.records, "more publications than records")
        check(corpus.publications.allSatisfy { !$0.authors.isEmpty }, "a publication without authors")
        if !corpus.publications.isEmpty {
            // On one core, and cut into runs on two (the threshold lowered so that a few papers are
            // cut too): the same people, papers, evidence and IDs, in both modes.
            for mode in IdentityMode.allCases {
                let one = resolution(AuthorResolver.resolve(corpus.publications, mode: mode))
                let runs = Parallelism.$workers.withValue(2) {
                    Parallelism.$minimumRunItems.withValue(1) { resolution(AuthorResolver.resolve(corpus.publications, mode: mode)) }
                }
                check(runs == one, "resolved in runs: \(runs); on one core: \(one)")
            }
        }
        // BibTeX read in two halves on two cores (the threshold lowered so that a small input is
        // split too) must give what one pass gives.
        if format == .bibtex {
            let halves = Parallelism.$workers.withValue(2) {
                Parallelism.$minimumRunBytes.withValue(8) { InputReader.read(bytes: bytes, format: format, path: "fuzz", encoding: encoding) }
            }
            check(halves.records == corpus.records && halves.skipped == corpus.skipped && halves.duplicates == corpus.duplicates,
                         "in two halves: \(halves.records) records, \(halves.skipped) skipped; one pass: \(corpus.records), \(corpus.skipped)")
            check(halves.diagnostics.map(\.description) == corpus.diagnostics.map(\.description), "in two halves: other messages")
            check(halves.publications == corpus.publications, "in two halves: other publications")
        }
    }
    if [.wos, .medline, .openalex, .dblp].contains(format) { readStreamed(bytes, as: format) }
}

/// Stops the process with `message` when `condition` fails. Unlike `precondition`, whose message
/// an optimised build leaves out, the message reaches the fuzzer's log, which names the finding.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// What a resolution found, line by line: people, each paper's people, merges with their evidence,
/// near misses, each person's IDs.
private func resolution(_ index: AuthorIndex) -> [String] {
    index.names + index.authorsOfPublication.map { $0.map(String.init).joined(separator: ",") }
        + index.merges.map { "\($0.variant) → \($0.into): \($0.reason)" } + index.nearMisses.map { "\($0.variant) ~ \($0.candidates)" }
        + index.ids.map { $0.all.map { "\($0.kind) \($0.value)" }.joined(separator: " ") }
}

/// The readers that stream a file by its path (Web of Science plain text, MEDLINE, OpenAlex
/// JSON Lines, DBLP XML) must read exactly what they read from the same bytes whole: the same
/// records, publications and messages, in blocks (DBLP XML: chunks) of any size on two threads, each
/// block cut into runs (`Parallelism.minimumRunBytes` lowered to 32, 64 or 128 so that a small
/// input is cut too: DBLP XML then reads blocks of 512 bytes to 2 KB of whole records, each cut
/// into two record runs). DBLP XML read without its text (what `stats` asks for), in the same
/// blocks and runs, must keep the same records, years and numbers of authors, and resolve to the
/// same people paper by paper.
private func readStreamed(_ bytes: [UInt8], as format: InputFormat) {
    var template = Array("/tmp/coauthor-fuzz-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    check(descriptor >= 0, "cannot make a temporary file")
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    let written = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    check(written == bytes.count, "cannot write the temporary file")
    let whole = InputReader.read(bytes: bytes, format: format, path: path)
    // Block and chunk sizes, and the runs' threshold, from the input's length, so that the corpus
    // tries many of them.
    let blockSize = 16 + bytes.count % 331
    let minimumRunBytes = 32 << (bytes.count % 3)
    let streamed = Parallelism.$workers.withValue(2) {
        Parallelism.$minimumRunBytes.withValue(minimumRunBytes) { () -> Corpus in
            switch format {
            case .wos: WebOfScienceReader.readPlainText(path: path, blockSize: blockSize)
            case .medline: MedlineReader.read(path: path, blockSize: blockSize)
            case .openalex: OpenAlexReader.readJSON(path: path, blockSize: blockSize)
            default: DBLPXMLReader.read(path: path, chunkSize: blockSize)
            }
        }
    }
    func same(_ a: Corpus, _ b: Corpus, _ what: String) {
        check(a.records == b.records && a.skipped == b.skipped && a.duplicates == b.duplicates,
                     "\(what): \(a.records) records, \(a.skipped) skipped, \(a.duplicates) duplicates; whole: \(b.records), \(b.skipped), \(b.duplicates)")
        check(a.diagnostics.map(\.description) == b.diagnostics.map(\.description),
                     "\(what): messages \(a.diagnostics.map(\.description)); whole: \(b.diagnostics.map(\.description))")
    }
    same(streamed, whole, "streamed in blocks of \(blockSize)")
    check(streamed.publications == whole.publications, "streamed in blocks of \(blockSize): other publications")
    guard format == .dblp else { return }
    let lean = Parallelism.$workers.withValue(2) {
        Parallelism.$minimumRunBytes.withValue(minimumRunBytes) { DBLPXMLReader.read(path: path, chunkSize: blockSize, keepingText: false) }
    }
    same(lean, whole, "without the text")
    check(lean.publications.map(\.year) == whole.publications.map(\.year), "without the text: other years")
    check(lean.publications.map(\.authorCount) == whole.publications.map(\.authorCount), "without the text: other numbers of authors")
    guard !whole.publications.isEmpty else { return }
    func people(_ corpus: Corpus) -> [[String]] {
        let index = AuthorResolver.resolve(corpus, mode: .conservative)
        return (0..<corpus.publications.count).map { paper in index.authorsOfPublication[paper].map { index.names[Int($0)] } }
    }
    check(people(lean) == people(whole), "without the text: other people")
}

/// The differential target of the name parsers: one plainly written name (no LaTeX, no `and`,
/// no line breaks) must be the same `PersonName` read as BibTeX (the byte-level list parser with
/// its name table), as DBLP XML (its ASCII fast path or the Unicode path) and, but for a
/// generational suffix the exports read (`NameParser.parseExportedName`), as RIS, since the same
/// person exported by two databases must be one author.
private func fuzzNames(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self), !text.isEmpty,
          text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !"\\{}$~<>&\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }),
          // Words split at the scalar level, as BibTeX splits bytes: "and" followed by a blank and a
          // combining mark is still a separate word to BibTeX (one Character " ́" to Swift).
          !text.lowercased().unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" })
            .contains(where: { String(String.UnicodeScalarView($0)) == "and" })
    else { return }
    // DBLP reads a last word of four or more digits as a homonym number; the others do not. Words
    // split at every Unicode blank, as DBLP splits them (`e<U+00A0>8888` ends in such a word).
    let words = text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace })
    if words.count > 1, let last = words.last, last.count >= 4, last.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) { return }
    func first(_ corpus: Corpus) -> PersonName? {
        guard let publication = corpus.publications.first, publication.authors.count == 2 else { return nil }
        return publication.authors[0]
    }
    let bibtex = (try? BibTeXReader.read(bytes: Array("@misc{k, author = {\(text) and Other Person}}\n".utf8), path: "n.bib")).flatMap(first)
    let ris = first(RISReader.read(bytes: Array("TY  - JOUR\nAU  - \(text)\nAU  - Other Person\nER  - \n".utf8), path: "n.ris"))
    let dblp = first(DBLPXMLReader.read(bytes: Array("<dblp><article key=\"k\"><author>\(text)</author><author>Other Person</author></article></dblp>".utf8), path: "n.xml"))
    let plain = NameParser.parsePlainName(text)
    // RIS, as the exports, reads a generational suffix as the name's `jr` (BibTeX and DBLP have
    // rules of their own for it); a name without one is read alike.
    let exported = NameParser.parseExportedName(text)
    check(ris == exported, "RIS \(String(describing: ris)) ≠ parseExportedName \(String(describing: exported)) for \(text.debugDescription)")
    check(exported == plain || !(exported?.jr.isEmpty ?? true), "parseExportedName \(String(describing: exported)) ≠ parsePlainName \(String(describing: plain)) without a suffix read, for \(text.debugDescription)")
    check(dblp == plain, "DBLP \(String(describing: dblp)) ≠ parsePlainName \(String(describing: plain)) for \(text.debugDescription)")
    check(bibtex == plain, "BibTeX \(String(describing: bibtex)) ≠ parsePlainName \(String(describing: plain)) for \(text.debugDescription)")
}

/// libFuzzer's driver, called from our own entry point: SwiftPM links an executable target's
/// `main` to `<Target>_main`, so the target provides that symbol and hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzReaders_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    checkTarget()
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzReader)
}
