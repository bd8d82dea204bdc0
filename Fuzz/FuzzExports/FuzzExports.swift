import CoauthorCore

/// libFuzzer entry point for the database-export readers: every input goes through every reader
/// (Web of Science plain text and tab-delimited, Scopus, MEDLINE, OpenAlex JSON and CSV, Lens,
/// Dimensions, IEEE, Crossref), through format detection, and the records through identity by ID.
/// Each must finish without a crash, a hang or a sanitizer report, and never count more
/// publications than records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExports(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = InputFormat.detect(head: bytes, pathExtension: "txt")
    let readers: [([UInt8], String) -> Corpus] = [
        WebOfScienceReader.readPlainText, WebOfScienceReader.readTabDelimited, ScopusCSVReader.read, MedlineReader.read,
        OpenAlexReader.readJSON, OpenAlexReader.readCSV, LensCSVReader.read, DimensionsCSVReader.read, IEEECSVReader.read,
        CrossrefReader.read,
    ]
    for read in readers {
        let corpus = read(bytes, "fuzz")
        precondition(corpus.publications.count <= corpus.records, "more publications than records")
        if !corpus.publications.isEmpty {
            _ = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        }
    }
    return 0
}

/// libFuzzer's driver, called from our own entry point (see FuzzBibTeX).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzExports_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzExports)
}
