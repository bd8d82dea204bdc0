import Foundation

/// The publication formats the readers understand.
public enum InputFormat: String, Sendable, CaseIterable {
    case bibtex
    /// DBLP XML (`dblp.xml` and excerpts).
    case dblp
    /// CSL-JSON (Zotero, Mendeley, citeproc exports).
    case csl
    /// RIS (reference manager and database exports).
    case ris
    /// Web of Science plain text (`FN`/`VR` header, `PT` … `ER` records).
    case wos
    /// Web of Science tab-delimited (a header row of tags).
    case wosTab = "wos-tab"
    /// Scopus CSV.
    case scopus
    /// PubMed MEDLINE (`.nbib`, `.txt`).
    case medline
    /// OpenAlex JSON: an API list response, a single work, or JSON Lines.
    case openalex
    /// OpenAlex's web CSV export.
    case openalexCSV = "openalex-csv"
    /// Lens.org scholarly CSV.
    case lens
    /// Dimensions CSV.
    case dimensions
    /// IEEE Xplore CSV.
    case ieee
    /// Crossref REST API JSON (a work or a work-list).
    case crossref

    /// Whether this is a database's own export format. (The readers of BibTeX, DBLP XML, CSL-JSON
    /// and RIS keep the first of the records that repeat a key themselves, as they read.)
    var isDatabaseExport: Bool {
        switch self {
        case .bibtex, .dblp, .csl, .ris: false
        case .wos, .wosTab, .scopus, .medline, .openalex, .openalexCSV, .lens, .dimensions, .ieee, .crossref: true
        }
    }

    /// The format implied by a file name's extension, if supported; the content decides for the
    /// extensions several formats share (`InputFormat.detect`).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "bib", "bibtex", "biblatex": self = .bibtex
        case "xml": self = .dblp
        case "json": self = .csl
        case "ris": self = .ris
        case "isi", "ciw": self = .wos
        case "nbib": self = .medline
        case "jsonl": self = .openalex
        default: return nil
        }
    }

    /// Extensions whose files are looked at (sniffed) when a folder is read.
    static let sniffedExtensions: Set<String> = ["bib", "bibtex", "biblatex", "xml", "json", "ris", "txt", "csv", "nbib", "isi", "jsonl", "ciw", "tsv", "gz"]
}

/// A failure to read the inputs at all (as opposed to a bad record inside a file).
public enum InputError: Error, Sendable, CustomStringConvertible, Equatable {
    case notFound(String)
    case unreadable(String, reason: String)
    case noSupportedFiles(String)
    /// A folder with no publication file of its own, whose subfolders (named) hold some: a
    /// folder is read one level deep.
    case onlySubfolders(String, [String])
    case unsupportedFormat(String)
    /// `-` (standard input) without `--input-format`: there is no extension to go by.
    case standardInputNeedsFormat

    public var path: String {
        switch self {
        case .notFound(let p), .unreadable(let p, _), .noSupportedFiles(let p), .onlySubfolders(let p, _), .unsupportedFormat(let p): p
        case .standardInputNeedsFormat: "<stdin>"
        }
    }

    /// The fix is an option, not the data: an unknown file type or standard input without
    /// `--input-format` (exit status 64 at the command line, where the other input errors are 65).
    public var isUsageError: Bool {
        switch self {
        case .unsupportedFormat, .standardInputNeedsFormat: true
        case .notFound, .unreadable, .noSupportedFiles, .onlySubfolders: false
        }
    }

    public var description: String {
        switch self {
        case .notFound:
            "no such file or folder; give a publication file (BibTeX, DBLP XML, CSL-JSON, RIS, or a Web of Science, Scopus, PubMed, OpenAlex, Lens, Dimensions, IEEE or Crossref export) or a folder of them (with no input, coauthor reads Data/)"
        case .unreadable(_, let reason):
            "cannot read it (\(reason)); check the path and its permissions"
        case .noSupportedFiles:
            "the folder holds no publication files (.bib, .xml, .json, .ris, or database exports in .txt, .csv, .nbib, .isi, .ciw, .jsonl, any of them gzip-compressed as .gz); put your bibliography there or name the file"
        case .onlySubfolders(let path, let subfolders):
            "the folder holds no publication files itself, only subfolders that do (\(InputReader.listing(subfolders))), and a folder is read one level deep; name them: \((path as NSString).appendingPathComponent("*"))/"
        case .unsupportedFormat:
            "unknown file type: neither its content nor its extension names a supported format; name its format to read it anyway"
        case .standardInputNeedsFormat:
            "reading standard input ('-') needs its format named"
        }
    }
}

/// Finds input files and reads them into one corpus (SPEC §1, §2).
public enum InputReader {
    /// Expands files and folders (a folder means every supported file in it, sorted by name).
    /// - Throws: `InputError` for a path that does not exist or a folder without supported files.
    public static func discover(_ paths: [String], format: InputFormat?) throws(InputError) -> [(path: String, format: InputFormat)] {
        try inputFiles(paths, format: format).files.map { ($0.path, $0.format) }
    }

    /// One file to read, and whether a folder listing found it (rather than the user naming it).
    struct InputFile {
        var path: String
        var format: InputFormat
        var inFolder: Bool
    }

    /// The files `paths` name, and a warning for each folder whose subfolders hold publication
    /// files that are not read (a folder is read one level deep).
    private static func inputFiles(_ paths: [String], format: InputFormat?) throws(InputError) -> (files: [InputFile], notes: [Diagnostic]) {
        var files: [InputFile] = []
        var notes: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                guard let format else { throw .standardInputNeedsFormat }
                files.append(InputFile(path: path, format: format, inFolder: false))
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A link that leads nowhere (dangling, or a loop) is there but cannot be read: say why.
                if let reason = brokenLinkReason(path) { throw .unreadable(path, reason: reason) }
                throw .notFound(path)
            }
            if isDirectory.boolValue {
                let entries: [String]
                do {
                    entries = try manager.contentsOfDirectory(atPath: path)
                } catch {
                    throw .unreadable(path, reason: "the folder cannot be listed")
                }
                let supported = entries.sorted().compactMap { name -> InputFile? in
                    guard isListed(name) else { return nil }
                    let ext = (name as NSString).pathExtension.lowercased()
                    let full = (path as NSString).appendingPathComponent(name)
                    if let format, InputFormat(pathExtension: ext) != nil { return InputFile(path: full, format: format, inFolder: true) }
                    // A folder's files are read by what they hold; a `.txt` or `.csv` that is no
                    // export (a README, a table of something else) is not an input. A FIFO or a
                    // folder with a bibliography's name is listed, and reported when read.
                    if let kind = InputFormat.detect(path: full) { return InputFile(path: full, format: format ?? kind, inFolder: true) }
                    guard let kind = InputFormat(pathExtension: ext) else { return nil }
                    return InputFile(path: full, format: format ?? kind, inFolder: true)
                }
                let subfolders = subfoldersWithInputs(of: path, entries: entries)
                if supported.isEmpty { throw subfolders.isEmpty ? .noSupportedFiles(path) : .onlySubfolders(path, subfolders) }
                if !subfolders.isEmpty {
                    notes.append(Diagnostic(.warning, at: .file(path), "its subfolders \(listing(subfolders)) hold publication files too, which are not read (a folder is read one level deep); name them to read them as well: \((path as NSString).appendingPathComponent("*"))/"))
                }
                files.append(contentsOf: supported)
            } else {
                guard let kind = format ?? InputFormat.detect(path: path) else {
                    throw .unsupportedFormat(path)
                }
                files.append(InputFile(path: path, format: kind, inFolder: false))
            }
        }
        return (files, notes)
    }

    /// The subfolders among `entries` of the folder `path` that hold a file with an extension a
    /// folder's listing looks at, sorted by name (hidden ones aside, and those named like an input,
    /// `x.bib/`, which the listing takes as a file and reports).
    private static func subfoldersWithInputs(of path: String, entries: [String]) -> [String] {
        let manager = FileManager.default
        return entries.sorted().filter { name in
            guard !name.hasPrefix("."), !isListed(name) else { return false }
            let full = (path as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue,
                  let inside = try? manager.contentsOfDirectory(atPath: full) else { return false }
            return inside.contains(where: isListed)
        }
    }

    /// Whether a folder's listing looks at the entry `name`: not hidden, with an extension of an input.
    private static func isListed(_ name: String) -> Bool {
        !name.hasPrefix(".") && InputFormat.sniffedExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// `a, b, c and 4 more`: folder names for a message.
    static func listing(_ names: [String]) -> String {
        let shown = names.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 3 ? "\(shown) and \(names.count - 3) more" : shown
    }

    /// Why `path`, a symbolic link, cannot be followed (a loop, or a target that does not exist);
    /// nil when `path` is not a link at all.
    private static func brokenLinkReason(_ path: String) -> String? {
        var link = stat()
        guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return nil }
        var target = stat()
        guard stat(path, &target) != 0 else { return nil }
        return errno == ELOOP ? "a loop of symbolic links" : "a symbolic link to \(String(cString: strerror(errno)).lowercased())"
    }

    /// Reads every input into one corpus. Files that cannot be read, and records
    /// that cannot be used, become error diagnostics; the same paper in two files counts once
    /// (the later one is reported with a warning that names both places).
    /// - Parameters:
    ///   - paths: files, folders, or `-` for standard input (which needs `format`).
    ///   - encoding: how BibTeX and RIS bytes are decoded (SPEC §2: UTF-8, or Latin-1 when asked);
    ///     DBLP XML follows its own declaration, CSL-JSON is always UTF-8.
    ///   - keepingText: false lets a DBLP XML file read alone leave out keys, titles, venues, DOIs
    ///     and author names, and a Web of Science plain-text, MEDLINE or OpenAlex JSON Lines file
    ///     read alone by its path its titles, venues and DOIs (`AnalysisRequest.keepsPublicationText`;
    ///     standard input keeps them); with
    ///     several files they are kept, since the same paper is found across files by them.
    ///   - standardInput: supplies the bytes of `-` (the process's standard input by default).
    /// - Throws: `InputError` only for paths that do not exist or folders without supported files.
    public static func read(_ paths: [String], format: InputFormat? = nil, encoding: BibTeXReader.TextEncoding = .utf8,
                            keepingText: Bool = true,
                            standardInput: () -> [UInt8] = { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }) throws(InputError) -> Corpus {
        let (files, notes) = try inputFiles(paths, format: format)
        var corpus = Corpus()
        corpus.diagnostics = notes
        var joined = CrossFileCopies()
        for file in files {
            var part = readOne(file, encoding: encoding, keepingText: keepingText || files.count > 1, standardInput: standardInput)
            if file.format.isDatabaseExport { keepFirstOfRepeatedKeys(in: &part) }
            corpus.files += 1
            corpus.records += part.records
            corpus.skipped += part.skipped
            corpus.duplicates += part.duplicates
            corpus.diagnostics += part.diagnostics
            corpus.personRecords += part.personRecords
            corpus.droppedNames += part.droppedNames
            guard files.count > 1 else {
                corpus.publications = part.publications
                corpus.internedAuthors = part.internedAuthors
                continue
            }
            for publication in part.publications { joined.add(publication, to: &corpus) }
        }
        joined.removeMerged(from: &corpus)
        return corpus
    }

    /// The same paper read from several files (SPEC §2), counted once: each publication is
    /// looked up by its keys (`PublicationMatch.keys`) among those kept so far. A match in another
    /// file is merged into the first copy (the union of IDs, the fuller form of each name), and
    /// the merged record's new keys are looked up in turn: Web of Science gives the DOI, PubMed
    /// the PMID, Scopus both, so the Scopus copy joins the other two whatever the files' order.
    /// Within one file, records are distinct unless they repeat a key.
    private struct CrossFileCopies {
        /// Each key's kept publication (its first, or the one it was merged into: `survivor`).
        private var seen: [String: Int] = [:]
        /// Each kept publication merged into an earlier one since: that one's index; else -1.
        private var mergedInto: [Int] = []

        /// The publication that `index`, or what it was merged into, is now.
        private func survivor(_ index: Int) -> Int {
            var index = index
            while mergedInto[index] >= 0 { index = mergedInto[index] }
            return index
        }

        /// Adds `publication`, merged into the copy of the same paper kept from another file if
        /// there is one (`register`).
        mutating func add(_ publication: Publication, to corpus: inout Corpus) {
            corpus.publications.append(publication)
            mergedInto.append(-1)
            register(corpus.publications.count - 1, in: &corpus)
        }

        /// Registers the keys of kept publication `index` (one just added, or one a merge gave new
        /// keys): a key that another kept copy, first read from another file, holds makes them
        /// one (the later merged into the earlier, whose keys are registered in turn).
        private mutating func register(_ index: Int, in corpus: inout Corpus) {
            var pending = [index]
            while let current = pending.popLast() {
                guard mergedInto[current] < 0 else { continue }
                let keys = PublicationMatch.keys(corpus.publications[current])
                for key in keys {
                    guard let holder = seen[key].map(survivor) else {
                        seen[key] = current
                        continue
                    }
                    guard holder != current, corpus.publications[holder].location.path != corpus.publications[current].location.path else { continue }
                    // The title's key is the last: the two share no record key. Where they carry
                    // keys of one kind that differ, a database tells them apart: two papers.
                    if key.hasPrefix("t:"),
                       let (ours, theirs) = PublicationMatch.conflict(keys, PublicationMatch.keys(corpus.publications[holder])) {
                        let (first, second) = holder < current ? (holder, current) : (current, holder)
                        let (named, other) = holder < current ? (ours, theirs) : (theirs, ours)
                        corpus.diagnostics.append(Diagnostic(.warning, at: corpus.publications[second].location,
                            "'\(corpus.publications[second].key)' has the title, year and first author of the record at \(corpus.publications[first].location) but another \(named) (there \(other)): counted as two papers, which a database tells apart by their keys (as a preprint and its published version, or a conference paper and its journal version)"))
                        continue
                    }
                    let (kept, later) = (min(holder, current), max(holder, current))
                    let copy = corpus.publications[later]
                    note(copy.location, copy.key, sameAs: corpus.publications[kept].location, key, in: &corpus)
                    PublicationMatch.merge(copy, into: &corpus.publications[kept])
                    mergedInto[later] = kept
                    pending.append(kept)
                    break
                }
            }
        }

        private func note(_ location: SourceLocation, _ key: String, sameAs first: SourceLocation, _ matched: String, in corpus: inout Corpus) {
            corpus.duplicates += 1
            corpus.diagnostics.append(Diagnostic(.warning, at: location,
                                                 "'\(key)' is the same paper as the record at \(first); counted once (\(PublicationMatch.describe(matched)); the IDs and fuller names of both are kept)"))
        }

        /// Takes out the publications merged into others (their keys now lead to those).
        func removeMerged(from corpus: inout Corpus) {
            guard mergedInto.contains(where: { $0 >= 0 }) else { return }
            // The kept ones moved up in order, in place.
            var kept = 0
            for index in corpus.publications.indices where mergedInto[index] < 0 {
                if kept != index { corpus.publications.swapAt(kept, index) }
                kept += 1
            }
            corpus.publications.removeLast(corpus.publications.count - kept)
        }
    }

    /// Keeps the first of the publications of one database export that repeat a record key
    /// (its UT, PMID, EID, OpenAlex, Lens or Dimensions id; the DOI in IEEE and Crossref files):
    /// the same record exported twice, as when exports are joined into one file (SPEC §2: within
    /// a file, records that repeat a key are one; the first wins). Each repeat is counted as a
    /// duplicate, with a warning naming the first. (Keys a reader makes from a record's line
    /// never repeat.)
    /// - Complexity: O(P) expected for P publications.
    static func keepFirstOfRepeatedKeys(in corpus: inout Corpus) {
        let count = corpus.publications.count
        var index = HashIndex(expected: count)
        var firstOfSlot: [Int] = []
        firstOfSlot.reserveCapacity(count)
        var repeats: [(paper: Int, first: Int)] = []
        // Through a pointer: an element read from the array itself may be copied whole.
        corpus.publications.withUnsafeBufferPointer { papers in
            // The keys' hashes on all cores (reading each key is a cache miss), then the table
            // in order, which compares keys only where hashes are equal.
            let runs = count < Parallelism.minimumRunItems ? 1 : max(1, Parallelism.workers)
            let shared = SharedBuffer(reading: papers)
            let hashes = [UInt64](unsafeUninitializedCapacity: count) { result, filled in
                let out = SharedBuffer(result)
                _ = parallelRuns(runs) { run in
                    for paper in (count * run / runs)..<(count * (run + 1) / runs) {
                        var key = shared.buffer[paper].key
                        out.buffer[paper] = key.withUTF8 { WordHash.hash($0) }
                    }
                    return true
                }
                filled = count
            }
            for paper in papers.indices {
                let hash = hashes[paper]
                let (slot, isNew) = index.findOrInsert(hash: hash) { papers[firstOfSlot[$0]].key == papers[paper].key }
                if isNew { firstOfSlot.append(paper) } else { repeats.append((paper, firstOfSlot[slot])) }
            }
        }
        guard !repeats.isEmpty else { return }
        var dropped = [Bool](repeating: false, count: corpus.publications.count)
        for (paper, first) in repeats {
            dropped[paper] = true
            let publication = corpus.publications[paper]
            let kept = corpus.publications[first].location
            corpus.diagnostics.append(Diagnostic(.warning, at: publication.location,
                                                 "'\(publication.key)' repeats the record at line \(kept.line); the first is kept and the paper counted once (the same record exported twice, as when exports are joined into one file)"))
        }
        corpus.duplicates += repeats.count
        corpus.publications = corpus.publications.indices.filter { !dropped[$0] }.map { corpus.publications[$0] }
    }

    /// One input file (or standard input) in its format; never throws: failures become diagnostics.
    /// A FIFO, socket or device that a folder listing found is reported and not opened: opening a
    /// FIFO blocks until something writes to it, which may be never.
    private static func readOne(_ file: InputFile, encoding: BibTeXReader.TextEncoding, keepingText: Bool,
                                standardInput: () -> [UInt8]) -> Corpus {
        let path = file.path
        let name = path == "-" ? "<stdin>" : path
        func unreadable(_ reason: String) -> Corpus {
            LineBlocks.Failure.unopened(path: path, reason: reason)
        }
        if path != "-" {
            var status = stat()
            if stat(path, &status) != 0 {
                return unreadable(brokenLinkReason(path) ?? String(cString: strerror(errno)).lowercased())
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                return unreadable("it is a folder")
            case S_IFREG:
                break
            default:
                if file.inFolder { return unreadable("not a regular file but a FIFO, socket or device; name it to read it") }
            }
        }
        // Streamed by path: DBLP XML (plain or gzip-compressed, inflated block by block), OpenAlex
        // JSON Lines, Web of Science plain text and MEDLINE.
        if file.format == .dblp && path != "-" { return DBLPXMLReader.read(path: path, keepingText: keepingText) }
        if file.format == .openalex && path != "-" { return OpenAlexReader.readJSON(path: path, keepingText: keepingText) }
        if file.format == .wos && path != "-" { return WebOfScienceReader.readPlainText(path: path, keepingText: keepingText) }
        if file.format == .medline && path != "-" { return MedlineReader.read(path: path, keepingText: keepingText) }
        let bytes: [UInt8]
        if path == "-" {
            bytes = standardInput()
        } else {
            switch readFile(path) {
            case .success(let contents): bytes = contents
            case .failure(let error): return unreadable(error.reason)
            }
        }
        return read(bytes: bytes, format: file.format, path: name, encoding: encoding)
    }

    /// Reads bytes held in memory in one format: the one place a format meets its reader, used for
    /// standard input, for files once read, and by the fuzz targets (`Fuzz/FuzzReaders`), so a new
    /// reader is fuzzed as soon as it is listed here. Never throws: failures become diagnostics.
    /// - Parameters:
    ///   - path: the name the diagnostics give.
    ///   - encoding: how BibTeX and RIS bytes are decoded; the other formats carry their own.
    /// - Complexity: that of the format's reader, O(n) in the number of bytes for all of them.
    public static func read(bytes: [UInt8], format: InputFormat, path: String, encoding: BibTeXReader.TextEncoding = .utf8) -> Corpus {
        if Gzip.isCompressed(bytes) {
            switch Gzip.decompress(bytes) {
            case .success(let plain): return read(bytes: plain, format: format, path: path, encoding: encoding)
            case .failure(let failure): return LineBlocks.Failure.unopened(path: path, reason: failure.reason)
            }
        }
        // One case per format, alike in shape, deliberately: the dispatch is the list of readers.
        switch format {
        case .bibtex:
            do {
                return try BibTeXReader.read(bytes: bytes, path: path, encoding: encoding)
            } catch {
                return Corpus(skipped: 1, files: 1, diagnostics: [Diagnostic(.error, at: error.location, error.description,
                                                                             remedy: .readAsLatin1)])
            }
        case .dblp:
            return DBLPXMLReader.read(bytes: bytes, path: path)
        case .csl:
            return CSLJSONReader.read(bytes: bytes, path: path)
        case .ris:
            return RISReader.read(bytes: bytes, path: path, encoding: encoding)
        case .wos:
            return WebOfScienceReader.readPlainText(bytes: bytes, path: path)
        case .wosTab:
            return WebOfScienceReader.readTabDelimited(bytes: bytes, path: path)
        case .scopus:
            return ScopusCSVReader.read(bytes: bytes, path: path)
        case .medline:
            return MedlineReader.read(bytes: bytes, path: path)
        case .openalex:
            return OpenAlexReader.readJSON(bytes: bytes, path: path)
        case .openalexCSV:
            return OpenAlexReader.readCSV(bytes: bytes, path: path)
        case .lens:
            return LensCSVReader.read(bytes: bytes, path: path)
        case .dimensions:
            return DimensionsCSVReader.read(bytes: bytes, path: path)
        case .ieee:
            return IEEECSVReader.read(bytes: bytes, path: path)
        case .crossref:
            return CrossrefReader.read(bytes: bytes, path: path)
        }
    }

    /// Why a file could not be read: the system's words for `errno`.
    struct FileReadError: Error {
        var reason: String

        init(errno code: Int32) { reason = String(cString: strerror(code)).lowercased() }
        init(_ reason: String) { self.reason = reason }
    }

    /// The bytes of a file, read straight into one array (no intermediate `Data` copy of a
    /// large bibliography).
    /// - Complexity: O(size of the file).
    static func readFile(_ path: String) -> Result<[UInt8], FileReadError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(FileReadError(errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(FileReadError(errno: errno)) }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { return .failure(FileReadError("it is a folder")) }
        // A gzip file is inflated as it is read: the compressed bytes are never held whole.
        if (status.st_mode & S_IFMT) == S_IFREG {
            var magic: [UInt8] = [0, 0]
            if pread(descriptor, &magic, 2, 0) == 2, Gzip.isCompressed(magic) {
                return Gzip.decompress(descriptor: descriptor).mapError { FileReadError($0.reason) }
            }
        }
        // The size is a hint (pipes and special files report 0): read on until the end.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var chunk = max(1 << 16, Int(status.st_size) + 1)
        while true {
            let before = bytes.count
            var failure: Int32 = 0
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let got = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                var total = 0
                while total < chunk {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + before + total, chunk - total)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno }
                    if n <= 0 { break }
                    total += n
                }
                return total
            }
            bytes.removeLast(chunk - got)
            if failure != 0 { return .failure(FileReadError(errno: failure)) }
            if got < chunk { return .success(bytes) }
            chunk = 1 << 20
        }
    }
}
