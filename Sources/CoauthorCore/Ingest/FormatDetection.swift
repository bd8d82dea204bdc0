import Foundation

extension InputFormat {
    /// How many leading bytes `detect` looks at.
    static let sniffLength = 16 << 10

    /// The format of the file at `path`, from its first bytes (SPEC §2: formats are detected by
    /// content, the extension is a hint); nil when neither the content nor the extension names one.
    /// - Complexity: O(1): reads at most `sniffLength` bytes.
    public static func detect(path: String) -> InputFormat? {
        let ext = (path as NSString).pathExtension
        // Only regular files are sniffed: opening a FIFO with no writer would wait forever, and a
        // folder or device has no content to go by (the reader reports them by their kind).
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return InputFormat(pathExtension: ext) }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: sniffLength)) ?? Data())
        if Gzip.isCompressed(head) {
            // Judged by what it holds: `x.txt.gz` by its text, the inner extension as the hint.
            let inner = ext.lowercased() == "gz" ? ((path as NSString).deletingPathExtension as NSString).pathExtension : ext
            guard let plain = Gzip.head(path: path, count: sniffLength) else { return InputFormat(pathExtension: inner) ?? (ext.lowercased() == "gz" ? .openalex : nil) }
            return detect(head: plain, pathExtension: inner) ?? (ext.lowercased() == "gz" && inner.isEmpty ? .openalex : nil)
        }
        return detect(head: head, pathExtension: ext)
    }

    /// What network file the regular file at `path` is, where it is one rather than a
    /// bibliography (`networkFileKind(head:)`); nil otherwise, and for anything but a regular file.
    /// - Complexity: O(1): reads at most `sniffLength` bytes.
    static func networkFileKind(path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return networkFileKind(head: [UInt8]((try? handle.read(upToCount: sniffLength)) ?? Data()))
    }

    /// The kind of network file `head` starts (`node-link JSON`, `VOSviewer JSON`, `GraphML`,
    /// `GEXF`), as `coauthor export` and other tools write them: a network, not a bibliography.
    /// `coauthor export -o Data/network.json` put one beside the bibliography it came from, and
    /// the next run read it as CSL-JSON, a record without authors (a user trial of session 55).
    /// JSON is told by its structure, not by words anywhere in it (an OpenAlex abstract's
    /// inverted index has every word of the abstract as a key): node-link JSON by top-level
    /// `directed` (a boolean) and `nodes` (an array), VOSviewer's by a top-level `network`
    /// object holding `items`.
    static func networkFileKind(head: [UInt8]) -> String? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.firstIndex(where: { !isJSONSpace($0) }) else { return nil }
        if bytes[first] == UInt8(ascii: "{") {
            let keys = jsonObjectKeys(bytes[first...], inside: "network")
            if keys.top["directed"] == UInt8(ascii: "t") || keys.top["directed"] == UInt8(ascii: "f"),
               keys.top["nodes"] == UInt8(ascii: "[") { return "node-link JSON" }
            if keys.top["network"] == UInt8(ascii: "{"), keys.inner.contains("items") { return "VOSviewer JSON" }
            return nil
        }
        guard bytes[first] == UInt8(ascii: "<") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("<graphml") { return "GraphML" }
        if text.contains("<gexf") { return "GEXF" }
        return nil
    }

    /// Whether the regular file at `path` is a JSON object with none of the top-level fields of a
    /// record or a list of records that a JSON reader reads (`isJSONWithoutRecords(head:)`).
    /// - Complexity: O(1): reads at most `sniffLength` bytes.
    static func isJSONWithoutRecords(path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return isJSONWithoutRecords(head: [UInt8]((try? handle.read(upToCount: sniffLength)) ?? Data()))
    }

    /// Whether `head` starts a JSON object none of whose top-level keys a CSL-JSON item, an
    /// OpenAlex work or list, or a Crossref message has (`expected_counts.json` beside the
    /// exports it counts, keyed by file name, was read as a CSL-JSON item without authors, and a
    /// folder of it and subfolders of exports read nothing: a user trial of session 61).
    static func isJSONWithoutRecords(head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.firstIndex(where: { !isJSONSpace($0) }), bytes[first] == UInt8(ascii: "{") else { return false }
        let keys = jsonObjectKeys(bytes[first...], inside: "").top.keys
        return !keys.isEmpty && !keys.contains(where: recordKeys.contains)
    }

    /// Top-level keys of the JSON documents the readers read: CSL-JSON items, OpenAlex works and
    /// lists, Crossref messages.
    private static let recordKeys: Set<String> = [
        "id", "type", "title", "author", "editor", "issued", "DOI", "doi", "URL", "container-title", "authorships",
        "display_name", "publication_year", "publication_date", "meta", "results", "message", "message-type", "status", "items", "ids",
    ]

    private static func isJSONSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The keys of the JSON object `object` starts, as far as it goes, each with the first byte of
    /// its value; and the keys of the object that is the value of its key `nested`.
    /// - Complexity: O(length of `object`).
    static func jsonObjectKeys(_ object: ArraySlice<UInt8>, inside nested: String) -> (top: [String: UInt8], inner: Set<String>) {
        var top: [String: UInt8] = [:], inner: Set<String> = []
        // Per open container: whether it is an object, and whether it is `nested`'s value.
        var stack: [(isObject: Bool, isNested: Bool)] = []
        var index = object.startIndex, lastKey: String? = nil
        while index < object.endIndex {
            let byte = object[index]
            switch byte {
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < object.endIndex && object[end] != UInt8(ascii: "\"") { end += object[end] == UInt8(ascii: "\\") ? 2 : 1 }
                guard end < object.endIndex else { return (top, inner) }
                let string = String(decoding: object[(index + 1)..<end], as: UTF8.self)
                var next = end + 1
                while next < object.endIndex && isJSONSpace(object[next]) { next += 1 }
                if next < object.endIndex, object[next] == UInt8(ascii: ":"), let container = stack.last, container.isObject {
                    if stack.count == 2 && container.isNested { inner.insert(string) }
                    lastKey = string
                    index = next + 1
                    // The value's first byte, for a key of the top level.
                    while index < object.endIndex && isJSONSpace(object[index]) { index += 1 }
                    if stack.count == 1, index < object.endIndex { top[string] = object[index] }
                    continue
                }
                index = end + 1
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isNested = stack.count == 1 && lastKey == nested && byte == UInt8(ascii: "{")
                stack.append((byte == UInt8(ascii: "{"), isNested))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                stack.removeLast()
                if stack.isEmpty { return (top, inner) }
            default:
                break
            }
            index += 1
        }
        return (top, inner)
    }

    /// Why the regular file at `path` is binary data (`binaryReason`), judged by its first
    /// `sniffLength` bytes, inflated where it is gzip-compressed; nil for text, or for a path
    /// that is no regular file (a pipe is not read here: its bytes cannot be read twice). Asked
    /// before the readers that stream a file by its path, whose lines of zeros have no end.
    static func binaryReason(path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: sniffLength)) ?? Data())
        if Gzip.isCompressed(head) {
            return Gzip.head(path: path, count: sniffLength).flatMap(binaryReason(head:)).map { "once inflated, " + $0 }
        }
        return binaryReason(head: head)
    }

    /// The format of a file that starts with `head`; `pathExtension` decides only where the
    /// content does not (a `.bib` with no entry yet, a `.json` that could be CSL-JSON).
    public static func detect(head: [UInt8], pathExtension: String) -> InputFormat? {
        if let utf8 = UTF16Text.utf8(head) { return detect(head: utf8, pathExtension: pathExtension) }
        let hint = InputFormat(pathExtension: pathExtension)
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0x1F, 0x8B]) { return pathExtension.lowercased() == "gz" || hint == .openalex ? .openalex : hint }
        // Decoding a cut-off prefix may end in half a character: that only affects the last one.
        let text = String(decoding: bytes, as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace }
        let lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let firstLine = lines.first.map(String.init) ?? ""
        // A file whose extension names a text format and whose content is that format stays it,
        // whatever its abstracts or notes quote of another.
        if hint == .bibtex && startsBibTeXEntry(lines) { return .bibtex }
        if hint == .ris && lines.prefix(400).contains(where: { $0.hasPrefix("TY  -") }) { return .ris }
        if trimmed.hasPrefix("FN ") || trimmed.hasPrefix("VR ") || trimmed.hasPrefix("PT ") { return .wos }
        if trimmed.hasPrefix("PT\t") || firstLine.hasPrefix("PT\tAU\t") { return .wosTab }
        if trimmed.hasPrefix("PMID-") || text.contains("\nPMID- ") { return .medline }
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<dblp") || trimmed.hasPrefix("<!DOCTYPE dblp") { return .dblp }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            if text.contains("\"message-type\"") || text.contains("\"is-referenced-by-count\"") { return .crossref }
            if text.contains("openalex.org/W") || text.contains("\"authorships\"") { return .openalex }
            return hint == .openalex ? .openalex : .csl
        }
        if lines.prefix(400).contains(where: { $0.hasPrefix("TY  -") || $0.hasPrefix("TY -") }) { return .ris }
        if startsBibTeXEntry(lines) { return .bibtex }
        // Tables: the header, or (Dimensions) the line after a preamble; before the extension, so
        // that an export renamed `.bib` without an entry's `@type{` is read as what it holds (a
        // Scopus CSV was read as BibTeX and failed at an e-mail address's `@`).
        for line in lines.prefix(2) {
            let header = String(line)
            if header.contains("authorships.author.display_name") || header.contains("authorships.author.id") { return .openalexCSV }
            if header.contains("Lens ID") && header.contains("Author/s") { return .lens }
            if header.contains("Document Title") && header.contains("Authors") { return .ieee }
            if header.contains("Publication ID") && header.contains("Authors") { return .dimensions }
            if header.contains("Author(s) ID") || header.contains("Author full names")
                || (header.contains("Authors") && header.contains("Source title") && header.contains("EID")) { return .scopus }
        }
        return hint
    }

    /// Why `head`, a file's first bytes (up to `sniffLength`), is binary data and no text any
    /// reader reads; nil for text. Binary is more than one byte in a hundred (and at least 16)
    /// that is NUL or a
    /// control character no text file holds (all but tab, line feed, vertical tab, form feed,
    /// carriage return and escape): a stray NUL in a text file is an error at its place, but
    /// `/dev/zero`, `/dev/urandom` or a gzip bomb of zeros were read on without end (a
    /// hostile-input trial of session 55). UTF-16 with its byte-order mark is text.
    /// - Complexity: O(`head.count`).
    static func binaryReason(head: some Collection<UInt8>) -> String? {
        if let kind = otherCompression(head: head) {
            return "it is \(kind.name)-compressed; coauthor decompresses only gzip (.gz) itself, so decompress it first: \(kind.tool) FILE"
        }
        // (gzip data is judged by what it inflates to.)
        guard !head.isEmpty, !UTF16Text.hasByteOrderMark(head), !Gzip.isCompressed(head) else { return nil }
        var controls = 0, firstNUL: Int? = nil
        for (offset, byte) in head.prefix(sniffLength).enumerated() where byte < 0x20 && !(0x09...0x0D).contains(byte) && byte != 0x1B {
            controls += 1
            if byte == 0, firstNUL == nil { firstNUL = offset }
        }
        // (A few in a short file are errors at their places, as in a long one.)
        let looked = min(head.count, sniffLength)
        guard controls * 100 > looked, controls >= 16 else { return nil }
        let first = firstNUL.map { "a NUL byte at offset \($0); " } ?? ""
        return "it holds binary data (\(first)\(controls) of its first \(looked) bytes are control characters); "
            + "a UTF-16 file needs its byte-order mark"
    }

    /// The compression other than gzip whose magic number `head` starts with (xz, bzip2, zstd,
    /// zip, 7z), with the tool that undoes it: `dblp2016-topvenues.bib.xz` was an unknown file
    /// type, and with `--input-format bibtex` invalid UTF-8 to be read as Latin-1 (a user trial of
    /// session 55).
    static func otherCompression(head: some Collection<UInt8>) -> (name: String, tool: String)? {
        let kinds: [([UInt8], String, String)] = [
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "xz -d"), ([0x42, 0x5A, 0x68], "bzip2", "bunzip2"),
            ([0x28, 0xB5, 0x2F, 0xFD], "zstd", "zstd -d"), ([0x50, 0x4B, 0x03, 0x04], "zip", "unzip"),
            ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z", "7z x"),
        ]
        return kinds.first { head.starts(with: $0.0) }.map { ($0.1, $0.2) }
    }

    /// Whether some line starts a BibTeX entry (`@type{` or `@type(`).
    private static func startsBibTeXEntry(_ lines: [Substring]) -> Bool {
        lines.prefix(400).contains { line in
            let body = line.drop { $0 == " " || $0 == "\t" }
            guard body.first == "@" else { return false }
            let name = body.dropFirst().prefix { $0.isLetter }
            guard !name.isEmpty else { return false }
            let after = body.dropFirst(1 + name.count).drop { $0 == " " }
            return after.first == "{" || after.first == "("
        }
    }
}
