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
    /// An input that is no publication file: binary data (`/dev/zero`, a file compressed otherwise
    /// than gzip) or a network file (`network.graphml`); `reason` says which.
    case binary(String, reason: String)
    case noSupportedFiles(String)
    /// A folder with no publication file of its own, whose subfolders (named) hold some: a
    /// folder is read one level deep.
    case onlySubfolders(String, [String])
    /// A folder whose only would-be inputs are compressed otherwise than gzip (`x.bib.xz`): each
    /// file's name with its compression's name and the command that undoes it.
    case onlyOtherCompressions(String, [CompressedFile])
    case unsupportedFormat(String)
    /// A file named that holds nothing (no byte, or white space only): no format to tell, and no
    /// record to read.
    case empty(String)
    /// `-` (standard input) without `--input-format`: there is no extension to go by.
    case standardInputNeedsFormat

    /// A file of a folder compressed otherwise than gzip: its name, the compression's name, and
    /// the command that undoes it.
    public struct CompressedFile: Sendable, Equatable {
        public var name: String
        public var compression: String
        public var tool: String
    }

    public var path: String {
        switch self {
        case .notFound(let p), .unreadable(let p, _), .binary(let p, _), .noSupportedFiles(let p), .onlySubfolders(let p, _),
             .onlyOtherCompressions(let p, _), .unsupportedFormat(let p), .empty(let p): p
        case .standardInputNeedsFormat: "<stdin>"
        }
    }

    /// The fix is an option, not the data: an unknown file type or standard input without
    /// `--input-format` (exit status 64 at the command line, where the other input errors are 65).
    public var isUsageError: Bool {
        switch self {
        case .unsupportedFormat, .standardInputNeedsFormat: true
        case .notFound, .unreadable, .binary, .noSupportedFiles, .onlySubfolders, .onlyOtherCompressions, .empty: false
        }
    }

    public var description: String {
        switch self {
        case .notFound:
            "no such file or folder; give a publication file (BibTeX, DBLP XML, CSL-JSON, RIS, or a Web of Science, Scopus, PubMed, OpenAlex, Lens, Dimensions, IEEE or Crossref export) or a folder of them (with no input, coauthor reads Data/)"
        case .unreadable(_, let reason):
            "cannot read it (\(reason)); check the path and its permissions"
        case .binary(_, let reason):
            "not a publication file: \(reason)"
        case .noSupportedFiles:
            "the folder holds no publication files (.bib, .xml, .json, .ris, or database exports in .txt, .csv, .nbib, .isi, .ciw, .jsonl, any of them gzip-compressed as .gz); put your bibliography there or name the file"
        case .onlySubfolders(let path, let subfolders):
            "the folder holds no publication files itself, only subfolders that do (\(InputReader.listing(subfolders))), and a folder is read one level deep; name them: \((path as NSString).appendingPathComponent("*"))/"
        case .onlyOtherCompressions(_, let files):
            "the folder holds no publication files coauthor can read, only "
                + (files.count == 1 ? "\(files[0].name), which is \(files[0].compression)-compressed"
                    : "files compressed otherwise than gzip (\(InputReader.listing(files.map { "\($0.name): \($0.compression)" })))")
                + "; coauthor decompresses only gzip (.gz) itself, so decompress \(files.count == 1 ? "it" : "them") first: "
                + Array(Set(files.map(\.tool))).sorted().map { "\($0) FILE" }.joined(separator: ", ")
        case .unsupportedFormat:
            "unknown file type: neither its content nor its extension names a supported format; name its format to read it anyway"
        case .standardInputNeedsFormat:
            "reading standard input ('-') needs its format named"
        case .empty:
            "the file is empty; export the records again, or name the file that holds them"
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
        /// Why a folder's file cannot be read (permission denied, a dangling link): it is reported
        /// and counted as skipped, never left out unseen; its `format` is then only a guess.
        var unreadable: String? = nil
        /// The contents of a named pipe or device, read once to tell its format (a pipe's
        /// bytes cannot be read twice).
        var bytes: [UInt8]? = nil
    }

    /// The files a read of `paths` would read (a folder's publication files, by what they hold),
    /// for a caller that must not write over one; none where `paths` cannot be read.
    /// A pipe named as a file is listed, not read (its bytes are the read's alone).
    public static func filesRead(_ paths: [String], format: InputFormat?) -> [String] {
        ((try? inputFiles(paths, format: format, readingStreams: false))?.files ?? []).map(\.path).filter { $0 != "-" }
    }

    /// The files `paths` name, and a warning for each folder whose subfolders hold publication
    /// files that are not read (a folder is read one level deep).
    /// - Parameter readingStreams: whether a pipe or device named without a format is read here to
    ///   tell its format (else it is listed as of the format its extension names, or BibTeX).
    private static func inputFiles(_ paths: [String], format: InputFormat?,
                                   readingStreams: Bool = true) throws(InputError) -> (files: [InputFile], notes: [Diagnostic]) {
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
                // Files with an input's extension that hold no supported format (a README, a table
                // of something else, an empty export): not read, and said so (a user trial of
                // session 51 found them passed over unseen).
                var passedOver: [(name: String, isEmpty: Bool)] = []
                var compressed: [InputError.CompressedFile] = []
                var networks: [(name: String, kind: String)] = []
                var dataFiles: [String] = []
                let supported = entries.sorted().compactMap { name -> InputFile? in
                    let ext = (name as NSString).pathExtension.lowercased()
                    let full = (path as NSString).appendingPathComponent(name)
                    guard isListed(name) else {
                        // `refs.bib.xz`: not read, and said so with the command that undoes it (a
                        // folder of them was one "with no publication files": a trial of session 55).
                        if !name.hasPrefix("."), otherCompressionExtensions.contains(ext), let kind = otherCompression(of: full) {
                            compressed.append(.init(name: name, compression: kind.name, tool: kind.tool))
                        }
                        return nil
                    }
                    // What cannot be opened cannot be sniffed: reported when read, whatever it holds.
                    if let reason = unreadableReason(full) {
                        return InputFile(path: full, format: format ?? InputFormat(pathExtension: ext) ?? .wos, inFolder: true, unreadable: reason)
                    }
                    if let format, InputFormat(pathExtension: ext) != nil { return InputFile(path: full, format: format, inFolder: true) }
                    // A network written beside its bibliography (`export -o Data/network.json`) is no
                    // input. (Only JSON and XML are looked at: a folder's other files are opened once.)
                    if ["json", "jsonl", "xml"].contains(ext), let kind = InputFormat.networkFileKind(path: full) {
                        networks.append((name, kind))
                        return nil
                    }
                    if ext == "json", InputFormat.isJSONWithoutRecords(path: full) {
                        dataFiles.append(name)
                        return nil
                    }
                    // A folder's files are read by what they hold; a `.txt` or `.csv` that is no
                    // export (a README, a table of something else) is not an input. A FIFO or a
                    // folder with a bibliography's name is listed, and reported when read.
                    if let kind = InputFormat.detect(path: full) { return InputFile(path: full, format: format ?? kind, inFolder: true) }
                    guard let kind = InputFormat(pathExtension: ext) else {
                        var isDirectory: ObjCBool = false
                        if manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                            passedOver.append((name, isBlank(full)))
                            // (`x.bib.xz`: said so, with the command that undoes it.)
                            if let kind = otherCompression(of: full) { compressed.append(.init(name: name, compression: kind.name, tool: kind.tool)) }
                        }
                        return nil
                    }
                    return InputFile(path: full, format: format ?? kind, inFolder: true)
                }
                let unlisted = compressed.filter { file in !passedOver.contains { $0.name == file.name } }.count + networks.count + dataFiles.count
                if !passedOver.isEmpty || unlisted > 0, !supported.isEmpty {
                    let empty = passedOver.filter(\.isEmpty).map(\.name), other = passedOver.filter { !$0.isEmpty }.map(\.name)
                    var parts: [String] = []
                    if !empty.isEmpty { parts.append("\(listing(empty)) \(empty.count == 1 ? "is" : "are") empty") }
                    let packed = Set(compressed.map(\.name)), unknown = other.filter { !packed.contains($0) }
                    if !unknown.isEmpty { parts.append("\(listing(unknown)) \(unknown.count == 1 ? "holds" : "hold") no supported format") }
                    if !networks.isEmpty {
                        parts.append("\(listing(networks.map(\.name))) \(networks.count == 1 ? "is a network" : "are networks") (\(Set(networks.map(\.kind)).sorted().joined(separator: ", "))), not a bibliography")
                    }
                    if !dataFiles.isEmpty {
                        parts.append("\(listing(dataFiles)) \(dataFiles.count == 1 ? "is JSON" : "are JSON") with none of the fields of a bibliography's records")
                    }
                    for kind in Set(compressed.map(\.compression)).sorted() {
                        let files = compressed.filter { $0.compression == kind }
                        parts.append("\(listing(files.map(\.name))) \(files.count == 1 ? "is" : "are") \(kind)-compressed (decompress with \(files[0].tool))")
                    }
                    let total = passedOver.count + unlisted
                    let count = total == 1 ? "1 file" : "\(total) files"
                    notes.append(Diagnostic(.warning, at: .file(path), "\(count) of the folder \(total == 1 ? "is" : "are") not read: "
                                            + parts.joined(separator: "; ") + (other.isEmpty ? "" : "; to read one as an export, name it with its format (--input-format)")))
                }
                let subfolders = subfoldersWithInputs(of: path, entries: entries)
                if supported.isEmpty {
                    if subfolders.isEmpty, !compressed.isEmpty { throw .onlyOtherCompressions(path, compressed) }
                    throw subfolders.isEmpty ? .noSupportedFiles(path) : .onlySubfolders(path, subfolders)
                }
                if !subfolders.isEmpty {
                    notes.append(Diagnostic(.warning, at: .file(path), "its subfolders \(listing(subfolders)) hold publication files too, which are not read (a folder is read one level deep); name them to read them as well: \((path as NSString).appendingPathComponent("*"))/"))
                }
                files.append(contentsOf: supported)
            } else {
                // A file that cannot be opened is said to be so, not to be of an unknown type.
                if let reason = unreadableReason(path) { throw .unreadable(path, reason: reason) }
                // A pipe or device named without --input-format (`cat x.bib | coauthor stats
                // /dev/stdin`) is read here, once, and told by what it holds.
                var status = stat()
                if format == nil, stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG, !readingStreams {
                    files.append(InputFile(path: path, format: InputFormat(pathExtension: (path as NSString).pathExtension) ?? .bibtex, inFolder: false))
                    continue
                }
                if format == nil, stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
                    var contents: [UInt8]
                    switch readFile(path) {
                    case .success(let read): contents = read
                    case .failure(let failure): throw failure.isBinary ? .binary(path, reason: failure.reason) : .unreadable(path, reason: failure.reason)
                    }
                    // Compressed (`<(cat works.jsonl.gz)`): told and read by what it inflates to.
                    if Gzip.isCompressed(contents) {
                        switch Gzip.decompress(contents) {
                        case .success(let plain): contents = plain
                        case .failure(let failure) where failure.isBinary: throw .binary(path, reason: failure.reason)
                        case .failure: break
                        }
                    }
                    guard let kind = InputFormat.detect(head: Array(contents.prefix(InputFormat.sniffLength)),
                                                        pathExtension: (path as NSString).pathExtension) else {
                        throw .unsupportedFormat(path)
                    }
                    files.append(InputFile(path: path, format: kind, inFolder: false, bytes: contents))
                    continue
                }
                if format == nil, let kind = InputFormat.networkFileKind(path: path) {
                    throw .binary(path, reason: "it is a network in \(kind), as `coauthor export` writes it, not a bibliography; name the publications it was made from (or, if it is a bibliography, its format with --input-format)")
                }
                guard let kind = format ?? InputFormat.detect(path: path) else {
                    if let handle = FileHandle(forReadingAtPath: path), let head = try? handle.read(upToCount: 8),
                       let reason = InputFormat.otherCompression(head: head).flatMap({ _ in InputFormat.binaryReason(head: head) }) {
                        throw .binary(path, reason: reason)
                    }
                    throw isBlank(path) ? .empty(path) : .unsupportedFormat(path)
                }
                files.append(InputFile(path: path, format: kind, inFolder: false))
            }
        }
        // A file named twice (`stats a.bib a.bib`, a folder and a file in it, a link) is read
        // once: read twice, each record was a copy of itself, and the files were counted twice
        // (a user trial of session 52). Regular files are told apart by device and inode.
        var seen: [FileIdentity: String] = [:]
        var repeats: [(path: String, first: String)] = []
        files = files.filter { file in
            var status = stat()
            guard file.path != "-", file.bytes == nil, stat(file.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return true }
            let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            guard let first = seen[identity] else {
                seen[identity] = file.path
                return true
            }
            repeats.append((file.path, first))
            return false
        }
        // A folder named twice repeats every file of it: one line then, not one a file.
        if repeats.count > 3 {
            notes.append(Diagnostic(.warning, at: .file(repeats[0].path), "this file and \(repeats.count - 1) more are named more than once "
                                    + "(a folder named twice, or files named beside their folder); each is read once"))
        } else {
            for (path, first) in repeats {
                notes.append(Diagnostic(.warning, at: .file(path), first == path ? "named more than once; it is read once"
                                        : "the same file as \(first), named before (by another path or through its folder); it is read once"))
            }
        }
        return (files, notes)
    }

    /// A regular file, whatever path names it.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
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

    /// The extensions of the compressions other than gzip, whose files a folder's listing looks into.
    private static let otherCompressionExtensions: Set<String> = ["xz", "lzma", "bz2", "bzip2", "zst", "zstd", "zip", "7z"]

    /// The compression other than gzip a regular file starts with (`InputFormat.otherCompression`).
    private static func otherCompression(of path: String) -> (name: String, tool: String)? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return InputFormat.otherCompression(head: [UInt8]((try? handle.read(upToCount: 8)) ?? Data()))
    }

    /// Whether the regular file `path` holds nothing but white space (and a byte-order mark),
    /// judged on its first 64 kB (a file that long is no empty export).
    private static func isBlank(_ path: String) -> Bool {
        // A regular file only: opening a FIFO without a writer would wait for one.
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        guard head.count < 1 << 16 else { return false }
        return head.allSatisfy { isWhitespace($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
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

    /// Why the file `path` cannot be read: a dangling link, or a regular file that cannot be
    /// opened (permission denied); nil for anything else (a FIFO or folder is not opened here:
    /// opening a FIFO waits for a writer, and the reader reports both by their kind).
    /// - Complexity: O(1): a `stat` and an `open`.
    private static func unreadableReason(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return brokenLinkReason(path) ?? String(cString: strerror(errno)).lowercased() }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY)
        guard descriptor < 0 else {
            close(descriptor)
            return nil
        }
        return String(cString: strerror(errno)).lowercased()
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
    ///   - encoding: how the bytes are decoded (SPEC §2: UTF-8, or Latin-1 when asked, in every
    ///     format but DBLP XML, which follows its own declaration; a file that starts with UTF-8's
    ///     byte-order mark is UTF-8).
    ///   - keepingText: false lets a DBLP XML file read alone leave out keys, titles, venues, DOIs
    ///     and author names, and a Web of Science plain-text, MEDLINE or OpenAlex JSON Lines file
    ///     read alone by its path its titles, venues and DOIs (`AnalysisRequest.keepsPublicationText`;
    ///     standard input keeps them); with
    ///     several files they are kept, since the same paper is found across files by them.
    ///   - standardInput: supplies the bytes of `-`; by default the process's standard input is
    ///     read, and one that cannot be (closed, a folder) is an error naming why.
    /// - Throws: `InputError` only for paths that do not exist or folders without supported files.
    public static func read(_ paths: [String], format: InputFormat? = nil, encoding: BibTeXReader.TextEncoding = .utf8,
                            keepingText: Bool = true,
                            standardInput: (() -> [UInt8])? = nil) throws(InputError) -> Corpus {
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
            corpus.recordsWithoutAuthors = (corpus.recordsWithoutAuthors ?? 0) + part.withoutAuthors
            guard files.count > 1 else {
                corpus.publications = part.publications
                corpus.internedAuthors = part.internedAuthors
                continue
            }
            for publication in part.publications { joined.add(publication, file: corpus.files - 1, to: &corpus) }
        }
        if files.count > 1 { joined.join(in: &corpus) }
        return corpus
    }

    /// The same paper read from several files (SPEC §2), counted once. The copies are gathered,
    /// then joined in two passes, so that the result does not hang on which file came first:
    /// 1. copies that share a record key (DOI, PMID, UT, EID, OpenAlex id) are one paper, and so
    ///    are those that others link (Web of Science gives the DOI, PubMed the PMID, Scopus both:
    ///    the three are one in any order of the files); DOIs first, and a database ID whose
    ///    copies' papers carry two DOIs joins none of them;
    /// 2. then copies that share the title, year and first author join, unless the two papers
    ///    carry record keys of one kind (two DOIs: a preprint and its published version, a
    ///    conference paper and its journal version), which a database gives two papers: they stay
    ///    two, with a warning naming both keys.
    /// A paper never holds two copies of one file: within a file, records are distinct unless
    /// they repeat a key (`keepFirstOfRepeatedKeys`), and a key that two records of one file
    /// carry is no key. Each paper's later copies are merged into its first
    /// (`PublicationMatch.merge`), each with a warning naming the first and the key that joined it.
    private struct CrossFileCopies {
        /// The file of each publication gathered (the index of its file among those read).
        private var fileOf: [Int32] = []

        /// Adds `publication`, read from the file numbered `file`.
        mutating func add(_ publication: Publication, file: Int, to corpus: inout Corpus) {
            corpus.publications.append(publication)
            fileOf.append(Int32(file))
        }

        /// Joins the copies of each paper gathered (see the type) and leaves one publication per paper.
        /// - Complexity: O(P·k) expected for P publications with k keys each, plus O(c log c) per
        ///   warning about two papers of c copies that share a title.
        func join(in corpus: inout Corpus) {
            let count = corpus.publications.count
            // A record key that two records of one file carry names no one paper (DBLP gives some
            // papers their proceedings' DOI; the exports' repeats were dropped as one record read
            // twice): it neither joins copies nor tells papers apart.
            // Each record key's first copy, and the file of its last (files are read in order,
            // so a key's copies of one file come one after another).
            var firstOfKey: [String: (copy: Int, lastFile: Int32)] = [:]
            var ambiguous = Set<String>()
            var keys = corpus.publications.map(PublicationMatch.keys)
            for paper in 0..<count {
                for key in keys[paper] where !PublicationMatch.isTitleKey(key) {
                    guard let known = firstOfKey.index(forKey: key) else {
                        firstOfKey[key] = (paper, fileOf[paper])
                        continue
                    }
                    if firstOfKey.values[known].lastFile == fileOf[paper] { ambiguous.insert(key) }
                    firstOfKey.values[known].lastFile = fileOf[paper]
                }
            }
            if !ambiguous.isEmpty {
                for paper in 0..<count { keys[paper].removeAll { ambiguous.contains($0) } }
            }
            var papers = Papers(files: fileOf)
            for paper in 0..<count {
                papers.addKinds(of: keys[paper], to: paper)
                if let key = keys[paper].first, PublicationMatch.kind(of: key) == "doi" { papers.setDOI(key, of: paper) }
            }
            // 1. Record keys (every key but the title's, which is last): DOIs first, each copy
            // joining the first that carries it; then the databases' IDs, kind after kind (PMID,
            // UT, EID, OpenAlex id), each joining its copies unless their papers carry two DOIs: a
            // DOI names one paper, and a record that carries another paper's database ID (an
            // OpenAlex id given to two works) would otherwise make one paper of two, one side's
            // authors lost, and a copy with the ID alone would go to whichever came first. Such an
            // ID joins none of its copies, and a warning names it and two of the DOIs.
            for paper in 0..<count {
                guard let key = keys[paper].first, PublicationMatch.kind(of: key) == "doi" else { continue }
                if let first = firstOfKey[key]?.copy, first != paper { papers.join(first, paper, by: key) }
            }
            var carriers: [String: [Int]] = [:]
            for paper in 0..<count {
                for key in keys[paper] where !PublicationMatch.isTitleKey(key) && PublicationMatch.kind(of: key) != "doi" {
                    carriers[key, default: []].append(paper)
                }
            }
            // In an order of the keys themselves, not of the files.
            let rank: [Substring: Int] = ["pmid": 0, "ut": 1, "eid": 2, "openalex": 3]
            let ordered = carriers.keys.filter { carriers[$0]!.count > 1 }.sorted { a, b in
                let (x, y) = (rank[PublicationMatch.kind(of: a)] ?? rank.count, rank[PublicationMatch.kind(of: b)] ?? rank.count)
                return x != y ? x < y : a < b
            }
            for key in ordered {
                let copies = carriers[key]!
                // The first copy of each DOI among the papers of the key's copies.
                var holders: [String: Int] = [:]
                for copy in copies { if let doi = papers.doi(of: copy), holders[doi] == nil { holders[doi] = copy } }
                guard holders.count < 2 else {
                    let two = holders.values.sorted()
                    corpus.diagnostics.append(twoPapersWarning(two[1], two[0], kind: "doi", keys: keys, papers: papers, sharing: key, in: corpus))
                    continue
                }
                for copy in copies.dropFirst() { papers.join(copies[0], copy, by: key) }
            }
            // 2. Titles, between papers whose record keys of one kind do not differ (one warning
            // per two papers kept apart, whichever of their copies meet).
            // Each title's copies so far: a copy joins the first of them that can be its paper (one
            // warning per two papers kept apart, whichever of their copies meet, in either order).
            var seen: [String: [Int]] = [:]
            var warned = Set<[Int]>()
            for paper in 0..<count {
                guard let key = keys[paper].last, PublicationMatch.isTitleKey(key) else { continue }
                let holders = seen[key, default: []]
                seen[key, default: []].append(paper)
                var warning: Diagnostic? = nil
                for holder in holders {
                    // Within one file, records are distinct: no join, nothing to say.
                    guard !papers.shareAFile(holder, paper), papers.find(holder) != papers.find(paper) else { continue }
                    if let kind = papers.sharedKind(holder, paper) {
                        if warning == nil, warned.insert([papers.find(holder), papers.find(paper)].sorted()).inserted {
                            warning = twoPapersWarning(paper, holder, kind: kind, keys: keys, papers: papers, sharing: key, in: corpus)
                        }
                        continue
                    }
                    // A title match is one paper only where the shorter author list's every
                    // author is someone of the other's (`Editorial` of one year and first author
                    // in two journals was one paper, its second author gone: a user trial of
                    // session 53).
                    let (a, b) = (corpus.publications[holder], corpus.publications[paper])
                    let unmatched = PublicationMatch.unmatchedAuthors(a, b)
                    guard unmatched.isEmpty else {
                        if warning == nil, warned.insert([papers.find(holder), papers.find(paper)].sorted()).inserted {
                            warning = Diagnostic(.warning, at: b.location,
                                "'\(b.key)' has the title, year and first author of the record at \(a.location), but not its other authors "
                                + "(\(unmatched.joined(separator: ", "))): counted as two papers")
                        }
                        continue
                    }
                    papers.join(holder, paper, by: key)
                    warning = nil
                    break
                }
                if let warning { corpus.diagnostics.append(warning) }
            }
            // 3. Each paper's later copies merged into its first, in order.
            var kept: [Bool] = []
            kept.reserveCapacity(count)
            // The copies noted so far for each pair of files (the copy's, its first's), in the
            // order the pairs first came: beyond `notedCopies`, one line per pair says how many more.
            var pairs: [FilePair: Int] = [:]
            var pairOrder: [(pair: FilePair, copyPath: String, firstPath: String)] = []
            for paper in 0..<count {
                let first = papers.first(of: paper)
                kept.append(first == paper)
                guard first != paper else { continue }
                // Every copy but a paper's first was joined to it by a key (`Papers.join`).
                guard let link = papers.link[paper] else { preconditionFailure("copy \(paper) joined without a key") }
                let copy = corpus.publications[paper]
                let pair = FilePair(copy: fileOf[paper], first: fileOf[first])
                let noted = pairs[pair, default: 0]
                if noted == 0 { pairOrder.append((pair, copy.location.path, corpus.publications[first].location.path)) }
                pairs[pair] = noted + 1
                if noted < Self.notedCopies {
                    // Copies linked through others say through which (a user trial of session 60 read
                    // `same PMID` of a Web of Science record that has none, its Scopus copy's).
                    let (theirs, ours) = papers.linkedBy[paper]
                    let through = theirs == first && ours == paper ? ""
                        : ", which the records at \(corpus.publications[theirs].location) and \(corpus.publications[ours].location) share"
                    note(copy.location, copy.key, sameAs: corpus.publications[first].location, link, through: through, in: &corpus)
                } else {
                    corpus.duplicates += 1
                }
                PublicationMatch.merge(copy, into: &corpus.publications[first])
            }
            for (pair, copyPath, firstPath) in pairOrder where pairs[pair]! > Self.notedCopies {
                let more = pairs[pair]! - Self.notedCopies
                let (records, papers) = more == 1 ? ("record of this file is", "a paper") : ("records of this file are", "papers")
                // Copies of one file are never joined (`join`): the pair is two files.
                let whose = "of \(firstPath) too"
                corpus.diagnostics.append(Diagnostic(.warning, at: .file(copyPath),
                                                     "\(more) more \(records) \(papers) \(whose) (the first \(Self.notedCopies) are named above); "
                                                        + "each is counted once, with the IDs and fuller names of both"))
            }
            // The kept ones moved up in order, in place.
            var next = 0
            for paper in 0..<count where kept[paper] {
                if next != paper { corpus.publications.swapAt(next, paper) }
                next += 1
            }
            corpus.publications.removeLast(count - next)
        }

        /// The warning at copy `paper`, which shares `shared` (the title, year and first author, or
        /// a database ID) with copy `holder` but whose papers both carry record keys of kind
        /// `kind` that differ: each side's key named with the copy that holds it.
        private func twoPapersWarning(_ paper: Int, _ holder: Int, kind: Substring, keys: [[String]], papers: Papers,
                                      sharing shared: String, in corpus: Corpus) -> Diagnostic {
            // The first copy of each paper that holds a key of the kind (the paper's own, or one
            // joined to it).
            func holding(_ copy: Int) -> (copy: Int, key: String) {
                let candidates = [copy] + papers.copies(of: copy).filter { $0 != copy }.sorted()
                for candidate in candidates {
                    if let key = keys[candidate].first(where: { PublicationMatch.kind(of: $0) == kind }) { return (candidate, key) }
                }
                preconditionFailure("a paper with a kind of key holds a copy with it")
            }
            let (ours, theirs) = (holding(paper), holding(holder))
            let publications = corpus.publications
            let own = ours.copy == paper ? "it has" : "its copy at \(publications[ours.copy].location) has"
            let other = theirs.copy == holder ? "that record has" : "that record's copy at \(publications[theirs.copy].location) has"
            // A record keyed by the ID it shares is no more named by it (`'W2755950973' has the
            // OpenAlex id W2755950973 …`: a user trial of session 62).
            let key = publications[paper].key
            let subject = key.isEmpty || PublicationMatch.name(shared).hasSuffix(" " + key) ? "This record" : "'\(key)'"
            let start = "\(subject) has the \(PublicationMatch.name(shared)) of the record at \(publications[holder].location), "
                + "but \(own) \(PublicationMatch.name(ours.key)) and \(other) \(PublicationMatch.name(theirs.key)): counted as two papers, "
            guard PublicationMatch.isTitleKey(shared) else {
                return Diagnostic(.warning, at: publications[paper].location,
                                  start + "since a DOI names one paper and a database may give a record another's ID; check both records")
            }
            return Diagnostic(.warning, at: publications[paper].location,
                              start + "which a database tells apart by their keys (as a preprint and its published version, or a conference paper and its journal version)")
        }

        /// The copies of one pair of files named one by one (a folder of two databases' exports of
        /// one field shares thousands of papers: a line each flooded the terminal).
        static let notedCopies = 10

        /// The file of a paper's later copy and the file of its first.
        private struct FilePair: Hashable {
            var copy: Int32
            var first: Int32
        }

        /// - Parameter through: what follows the match's description (the copies sharing it).
        private func note(_ location: SourceLocation, _ key: String, sameAs first: SourceLocation, _ matched: String, through: String = "",
                          in corpus: inout Corpus) {
            corpus.duplicates += 1
            corpus.diagnostics.append(Diagnostic(.warning, at: location,
                                                 "'\(key)' is the same paper as the record at \(first); counted once (\(PublicationMatch.describe(matched))\(through); the IDs and fuller names of both are kept)"))
        }
    }

    /// The papers of `CrossFileCopies`: copies joined by union–find, each paper knowing its first
    /// copy, the files of its copies and the kinds of record key they carry.
    private struct Papers {
        private var parent: [Int]
        /// At each root: the paper's first copy, its copies' files and its kinds of key.
        private var firstCopy: [Int]
        private var files: [Set<Int32>]
        private var kinds: [Set<Substring>]
        private var dois: [String?]
        /// The key that joined each copy to the copies before it in its paper.
        private(set) var link: [String?]
        /// The two copies that share that key (the earlier paper's, then the copy's own paper's):
        /// other copies than the copy and its paper's first where a third copy links them.
        private(set) var linkedBy: [(Int, Int)]
        /// Each paper's copies as a list: from its root's `head`, each copy's `next` (-1 ends it).
        private var head: [Int], tail: [Int], next: [Int]

        init(files fileOf: [Int32]) {
            parent = Array(fileOf.indices)
            firstCopy = Array(fileOf.indices)
            files = fileOf.map { [$0] }
            kinds = Array(repeating: [], count: fileOf.count)
            dois = Array(repeating: nil, count: fileOf.count)
            link = Array(repeating: nil, count: fileOf.count)
            linkedBy = fileOf.indices.map { ($0, $0) }
            head = Array(fileOf.indices)
            tail = Array(fileOf.indices)
            next = Array(repeating: -1, count: fileOf.count)
        }

        /// The copies of `copy`'s paper (in the order they were joined).
        func copies(of copy: Int) -> [Int] {
            var list: [Int] = []
            var member = head[find(copy)]
            while member >= 0 {
                list.append(member)
                member = next[member]
            }
            return list
        }

        func find(_ copy: Int) -> Int {
            var root = copy
            while parent[root] != root { root = parent[root] }
            return root
        }

        /// The first copy of `copy`'s paper.
        func first(of copy: Int) -> Int { firstCopy[find(copy)] }

        /// Records the kinds of record key in `keys` for the paper of `copy`.
        mutating func addKinds(of keys: [String], to copy: Int) {
            let root = find(copy)
            for key in keys where !PublicationMatch.isTitleKey(key) { kinds[root].insert(PublicationMatch.kind(of: key)) }
        }

        /// A kind of record key that the papers of `a` and `b` both carry, if any.
        func sharedKind(_ a: Int, _ b: Int) -> Substring? {
            let (x, y) = (find(a), find(b))
            return x == y ? nil : kinds[x].sorted().first(where: kinds[y].contains)
        }

        /// The DOI key of `copy`'s paper, if one of its copies has one (a paper never holds two:
        /// DOIs join only copies that share one, and titles only papers without record keys of
        /// one kind that differ).
        func doi(of copy: Int) -> String? { dois[find(copy)] }

        /// Records `key`, the DOI key of `copy` (before any join).
        mutating func setDOI(_ key: String, of copy: Int) { dois[find(copy)] = key }

        /// Whether the papers of copies `a` and `b` are one, or hold copies of one file.
        func shareAFile(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (find(a), find(b))
            return x == y || !files[x].isDisjoint(with: files[y])
        }

        /// Joins the papers of copies `a` and `b` through `key`, unless they are one already or
        /// hold copies of one file.
        mutating func join(_ a: Int, _ b: Int, by key: String) {
            guard !shareAFile(a, b) else { return }
            var (x, y) = (find(a), find(b))
            var (ofX, ofY) = (a, b)
            // The paper whose first copy comes later is joined to the other; that first copy is
            // joined by this key.
            if firstCopy[y] < firstCopy[x] {
                swap(&x, &y)
                swap(&ofX, &ofY)
            }
            if link[firstCopy[y]] == nil {
                link[firstCopy[y]] = key
                linkedBy[firstCopy[y]] = (ofX, ofY)
            }
            parent[y] = x
            files[x].formUnion(files[y])
            kinds[x].formUnion(kinds[y])
            if dois[x] == nil { dois[x] = dois[y] }
            files[y] = []
            kinds[y] = []
            dois[y] = nil
            next[tail[x]] = head[y]
            tail[x] = tail[y]
            // Compress the path of the copies just joined.
            var copy = a
            while parent[copy] != x { (parent[copy], copy) = (x, parent[copy]) }
            copy = b
            while parent[copy] != x { (parent[copy], copy) = (x, parent[copy]) }
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
                                standardInput: (() -> [UInt8])?) -> Corpus {
        let path = file.path
        let name = path == "-" ? "<stdin>" : path
        func unreadable(_ reason: String) -> Corpus {
            LineBlocks.Failure.unopened(path: path, reason: reason)
        }
        if let reason = file.unreadable { return unreadable(reason) }
        if let bytes = file.bytes { return read(bytes: bytes, format: file.format, path: name, encoding: encoding) }
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
        // JSON Lines, Web of Science plain text and MEDLINE; read as Latin-1, read whole
        // (`read(bytes:format:path:encoding:)` transcodes them).
        // The readers that stream a file by its path read on through binary data (a line of
        // zeros has no end): such a file is refused by its first bytes, as `readFile` refuses it.
        if path != "-", [.dblp, .openalex, .wos, .medline].contains(file.format), let reason = InputFormat.binaryReason(path: path) {
            return unreadable(reason)
        }
        if file.format == .dblp && path != "-" { return DBLPXMLReader.read(path: path, keepingText: keepingText) }
        // (UTF-16 is looked for only in a file that would be streamed: the others are read whole,
        // and made UTF-8 there.)
        let streamed = [.openalex, .wos, .medline].contains(file.format) && path != "-" && (encoding == .utf8 || !readsLatin1(file.format))
            && !UTF16Text.fileHasByteOrderMark(path)
        if file.format == .openalex && streamed { return OpenAlexReader.readJSON(path: path, keepingText: keepingText) }
        if file.format == .wos && streamed { return WebOfScienceReader.readPlainText(path: path, keepingText: keepingText) }
        if file.format == .medline && streamed { return MedlineReader.read(path: path, keepingText: keepingText) }
        let bytes: [UInt8]
        if path == "-", let standardInput {
            bytes = standardInput()
        } else {
            // Standard input as a descriptor: one that is closed or a folder is an error that says
            // so (reading it as a file handle trapped: a hostile-input trial of session 55).
            switch path == "-" ? read(descriptor: 0) : readFile(path) {
            case .success(let contents): bytes = contents
            case .failure(let error) where path == "-" && error.inflated.isEmpty:
                return unreadable(error.code == EBADF ? "standard input is closed" : error.reason)
            case .failure(let error):
                return readBeforeFailure(error.inflated, whole: error.afterCompleteStream, reason: error.reason, format: file.format, path: name,
                                         encoding: encoding)
            }
        }
        return read(bytes: bytes, format: file.format, path: name, encoding: encoding)
    }

    /// What a compressed file whose rest could not be inflated (`reason`: truncated, corrupt)
    /// holds before it: the whole lines of `inflated` read as a file cut there would be, and an
    /// error at the first line not read, the file counted as skipped; the file unread where no
    /// whole line was inflated. Where the stream was `whole` (bytes follow its end), all it
    /// holds is read, its last line too, as `gunzip` writes it.
    private static func readBeforeFailure(_ inflated: [UInt8], whole: Bool, reason: String, format: InputFormat, path: String,
                                          encoding: BibTeXReader.TextEncoding) -> Corpus {
        var bytes = inflated
        if !whole {
            guard let lastLineFeed = bytes.lastIndex(of: 0x0A) else { return LineBlocks.Failure.unopened(path: path, reason: reason) }
            bytes.removeSubrange((lastLineFeed + 1)...)
        }
        // The line after the last one read (a last line without a line feed is one), as the
        // streamed readers say it.
        let lines = bytes.count { $0 == 0x0A } + (bytes.last.map { $0 == 0x0A } ?? true ? 0 : 1)
        var corpus = read(bytes: bytes, format: format, path: path, encoding: encoding)
        let after = whole ? "everything before it was read" : "the records before this line were read"
        corpus.diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: lines + 1, column: 1), "cannot read the rest of the file (\(reason)); \(after)"))
        corpus.skipped += 1
        return corpus
    }

    /// Reads bytes held in memory in one format: the one place a format meets its reader, used for
    /// standard input, for files once read, and by the fuzz targets (`Fuzz/FuzzReaders`), so a new
    /// reader is fuzzed as soon as it is listed here. Never throws: failures become diagnostics.
    /// - Parameters:
    ///   - path: the name the diagnostics give.
    ///   - encoding: how the bytes are decoded (`readsLatin1`): Latin-1 reads every byte as a
    ///     character in every format but DBLP XML, except in a file that starts with UTF-8's
    ///     byte-order mark.
    /// - Complexity: that of the format's reader, O(n) in the number of bytes for all of them.
    public static func read(bytes: [UInt8], format: InputFormat, path: String, encoding: BibTeXReader.TextEncoding = .utf8) -> Corpus {
        if Gzip.isCompressed(bytes) {
            switch Gzip.decompress(bytes) {
            case .success(let plain): return read(bytes: plain, format: format, path: path, encoding: encoding)
            case .failure(let failure):
                return readBeforeFailure(failure.inflated, whole: failure.afterCompleteStream, reason: failure.reason, format: format, path: path,
                                         encoding: encoding)
            }
        }
        // UTF-16 (with its byte-order mark) is made UTF-8, whatever `--encoding` says.
        if let utf8 = UTF16Text.utf8(bytes) { return read(bytes: utf8, format: format, path: path, encoding: .utf8) }
        // A file that starts with UTF-8's byte-order mark is UTF-8, whatever `--encoding` says
        // (a folder read as Latin-1 may hold such a file: its mark became `ï»¿`, and a Scopus
        // CSV lost its header: a review of session 52).
        if encoding == .latin1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return read(bytes: bytes, format: format, path: path, encoding: .utf8)
        }
        // Latin-1 asked for of a file that is UTF-8 with characters beyond ASCII: read as asked,
        // with a warning (`René` became `RenÃ©` in silence: a hostile-input trial of session 57).
        if encoding == .latin1 && readsLatin1(format) && bytes.contains(where: { $0 >= 0x80 }) && firstInvalidUTF8Offset(bytes) == nil {
            var corpus = readDecoded(bytes: bytes, format: format, path: path, encoding: .latin1)
            corpus.diagnostics.insert(Diagnostic(.warning, at: .file(path),
                                                 "this file is valid UTF-8, and --encoding latin1 reads its accented letters as two Latin-1 characters each ('é' as 'Ã©'); leave --encoding out unless the file is Latin-1"),
                                      at: 0)
            return corpus
        }
        return readDecoded(bytes: bytes, format: format, path: path, encoding: encoding)
    }

    /// `read(bytes:format:path:encoding:)` once compression, UTF-16 and a Latin-1 file that is
    /// UTF-8 are seen to: each format's reader.
    private static func readDecoded(bytes: [UInt8], format: InputFormat, path: String, encoding: BibTeXReader.TextEncoding) -> Corpus {
        // Latin-1 asked for (`--encoding latin1`): every format's bytes are made UTF-8 first but
        // BibTeX's and RIS's (whose readers decode them) and DBLP XML's (whose declaration says).
        if encoding == .latin1 && readsLatin1(format) && format != .bibtex && format != .ris {
            return read(bytes: BibTeXReader.latin1ToUTF8(bytes), format: format, path: path, encoding: .utf8)
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

    /// Whether `--encoding latin1` applies to `format`: every format but DBLP XML, whose XML
    /// declaration says its encoding.
    static func readsLatin1(_ format: InputFormat) -> Bool { format != .dblp }

    /// Why a file could not be read: the system's words for `errno`.
    struct FileReadError: Error {
        var reason: String
        /// What a compressed file inflated to before the failure (`Gzip.Failure.inflated`), and
        /// whether its stream was whole (`Gzip.Failure.afterCompleteStream`).
        var inflated: [UInt8] = []
        var afterCompleteStream = false

        init(errno code: Int32) {
            reason = String(cString: strerror(code)).lowercased()
            self.code = code
        }
        /// The `errno` of a failed system call, where that is the failure.
        var code: Int32? = nil
        init(_ failure: Gzip.Failure) {
            reason = failure.reason
            isBinary = failure.isBinary
            inflated = failure.inflated
            afterCompleteStream = failure.afterCompleteStream
        }
        init(_ reason: String) { self.reason = reason }
        /// Binary data (`InputFormat.binaryReason`), not a failure to read.
        var isBinary = false
        init(binary reason: String) {
            self.reason = reason
            isBinary = true
        }
    }

    /// The bytes of a file, read straight into one array (no intermediate `Data` copy of a
    /// large bibliography).
    /// - Complexity: O(size of the file).
    static func readFile(_ path: String) -> Result<[UInt8], FileReadError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(FileReadError(errno: errno)) }
        defer { close(descriptor) }
        return read(descriptor: descriptor)
    }

    /// The bytes of the open file `descriptor`, from its current offset (standard input's, 0,
    /// as it stands: a socket cannot be opened again by its `/dev/stdin` link).
    static func read(descriptor: Int32) -> Result<[UInt8], FileReadError> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(FileReadError(errno: errno)) }
        guard (status.st_mode & S_IFMT) != S_IFDIR else { return .failure(FileReadError("it is a folder")) }
        // A gzip file is inflated as it is read: the compressed bytes are never held whole.
        if (status.st_mode & S_IFMT) == S_IFREG {
            var magic: [UInt8] = [0, 0]
            if pread(descriptor, &magic, 2, 0) == 2, Gzip.isCompressed(magic) {
                return Gzip.decompress(descriptor: descriptor).mapError(FileReadError.init)
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
            // Binary data is told by its first bytes, before an endless device fills memory.
            if before < InputFormat.sniffLength, bytes.count >= InputFormat.sniffLength || got < chunk,
               let reason = InputFormat.binaryReason(head: bytes) {
                return .failure(FileReadError(binary: reason))
            }
            if got < chunk { return .success(bytes) }
            chunk = 1 << 20
        }
    }
}
