import CoauthorCore
import Glibc

/// The reader this process fuzzes: `COAUTHOR_FUZZ_READER` names an `InputFormat` (`bibtex`, `dblp`,
/// `csl`, `ris`, …), so every reader listed in `InputReader.read(bytes:format:path:encoding:)` has a
/// target without a line here; `Scripts/fuzz.sh` sets it from the corpus folder's name.
let fuzzedFormat: InputFormat = {
    guard let name = getenv("COAUTHOR_FUZZ_READER").map({ String(cString: $0) }), let format = InputFormat(rawValue: name) else {
        let known = InputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        let message = Array("FuzzReaders: set COAUTHOR_FUZZ_READER to one of: \(known)\n".utf8)
        _ = write(STDERR_FILENO, message, message.count)
        exit(64)
    }
    return format
}()

/// libFuzzer entry point: every input must be read without a crash, a hang or a sanitizer report,
/// whatever bytes it holds, in both text encodings (so the Latin-1 paths of BibTeX and RIS see
/// arbitrary bytes too), and what is read must go through identity resolution and keep the
/// corpus's own accounting: never more publications than records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // One thread: a fuzz input is far below the sizes the readers split across cores, and waking
    // worker threads for every input would cost more than reading it.
    Parallelism.$workers.withValue(1) { read(bytes) }
    return 0
}

private func read(_ bytes: [UInt8]) {
    for encoding in [BibTeXReader.TextEncoding.utf8, .latin1] {
        let corpus = InputReader.read(bytes: bytes, format: fuzzedFormat, path: "fuzz", encoding: encoding)
        precondition(corpus.publications.count <= corpus.records, "more publications than records")
        precondition(corpus.publications.allSatisfy { !$0.authors.isEmpty }, "a publication without authors")
        if !corpus.publications.isEmpty {
            _ = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        }
    }
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
    _ = fuzzedFormat
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzReader)
}
