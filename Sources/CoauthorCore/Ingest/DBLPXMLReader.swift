import Foundation

/// Reads DBLP XML (`dblp.xml` and excerpts of it) into publications (SPEC §2).
///
/// The file is streamed in chunks through a byte-level tag scanner (`DBLPXMLScanner`), so
/// memory holds one chunk and one record, whatever the size of the file (the full dump is
/// about 4 GB). Record elements `article`, `inproceedings`, `proceedings`, `book`,
/// `incollection`, `phdthesis`, `mastersthesis` are records; those with an `<author>` are
/// publications. `www` person records are not publications: their names become
/// `PersonRecord`s (identity evidence). Entities of `dblp.dtd` are resolved from an embedded
/// table, never from the network.
public enum DBLPXMLReader {
    /// Bytes read from the file per step.
    public static let defaultChunkSize = 1 << 20

    /// Reads the file at `path` chunk by chunk.
    ///
    /// Malformed records are skipped and reported once each, with line and column; a file that
    /// cannot be opened becomes one error diagnostic.
    /// - Complexity: O(n) time in the size of the file; memory O(chunk + largest record) besides the result.
    public static func read(path: String, chunkSize: Int = defaultChunkSize) -> Corpus {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var corpus = Corpus(files: 1, diagnostics: [Diagnostic(.error, at: .file(path), "cannot read the file; check that it exists and is readable")])
            corpus.skipped = 1
            return corpus
        }
        defer { try? handle.close() }
        var scanner = DBLPXMLScanner(path: path)
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: max(chunkSize, 16)) ?? Data()
            } catch {
                scanner.failRead(reason: "\(error.localizedDescription)")
                break
            }
            if chunk.isEmpty { break }
            scanner.feed(chunk)
        }
        return scanner.finish()
    }

    /// Reads XML held in memory (standard input, tests) with the same scanner.
    /// - Complexity: O(n) in the number of bytes.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        var scanner = DBLPXMLScanner(path: path)
        scanner.feed(bytes)
        return scanner.finish()
    }

    /// Element names of the records that are publications when they have an author.
    static let recordElements: Set<String> = ["article", "inproceedings", "proceedings", "book", "incollection", "phdthesis", "mastersthesis"]

    /// A DBLP author string as a name: `Wei Wang 0001` keeps its homonym number (DBLP writes
    /// four digits; longer numbers are accepted as well), the rest is split the way BibTeX splits
    /// `First von Last`, so that the same person read from DBLP's BibTeX export is the same name.
    static func personName(_ text: String) -> PersonName? {
        var words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var homonym = ""
        if words.count > 1, let tail = words.last, tail.count >= 4, tail.allSatisfy({ $0.isASCII && $0.isNumber }) {
            homonym = tail
            words.removeLast()
        }
        guard !words.isEmpty else { return nil }
        let plain = words.joined(separator: " ")
        let parsed: PersonName?
        if plain.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}")
            && $0 != UInt8(ascii: "$") && $0 != UInt8(ascii: "~") }) {
            // Plain ASCII: nothing to decode or normalise; the byte-level BibTeX name parser is exact here.
            parsed = NameParser.parseName(utf8: Array(plain.utf8)[...])
        } else {
            parsed = NameParser.parsePlainName(plain)
        }
        guard var name = parsed else { return nil }
        if !homonym.isEmpty { name.homonym = homonym }
        return name
    }
}

extension PersonName {
    /// Every part in Unicode NFC.
    var precomposed: PersonName {
        PersonName(first: first.precomposedStringWithCanonicalMapping, von: von.precomposedStringWithCanonicalMapping,
                   last: last.precomposedStringWithCanonicalMapping, jr: jr.precomposedStringWithCanonicalMapping, homonym: homonym)
    }
}
