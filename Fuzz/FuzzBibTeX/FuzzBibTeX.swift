import CoauthorCore

/// libFuzzer entry point: every input must be read without a crash, a hang or a sanitizer report,
/// whatever bytes it holds (invalid UTF-8 is a thrown error, which is fine). Both encodings are
/// exercised, so the Latin-1 path reaches the parser with arbitrary bytes too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBibTeX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? BibTeXReader.read(bytes: bytes, path: "fuzz.bib")
    if let corpus = try? BibTeXReader.read(bytes: bytes, path: "fuzz.bib", encoding: .latin1) {
        _ = AuthorResolver.resolve(corpus.publications, mode: .conservative)
    }
    return 0
}

/// libFuzzer's driver, called from our own entry point: SwiftPM links an executable target's
/// `main` to `<Target>_main`, so the target provides that symbol and hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzBibTeX_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzBibTeX)
}
