import Foundation

/// Reads Crossref REST API JSON (SPEC §2): a `work` response (`{"message-type": "work",
/// "message": {…}}`), a `work-list` (`"message": {"items": […]}`), or bare work objects (one, or
/// an array). Authors from `author[]` (`given`, `family`, `ORCID`, `affiliation[].name`; a `name`
/// alone is an organisation, not a person), `title[0]`, `container-title[0]`, the year of
/// `issued` (else `published-print`, `published-online`), `DOI`, `is-referenced-by-count`.
public enum CrossrefReader {
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        var result = ExportCorpus()
        let lines = LineIndex(bytes: bytes, path: path)
        if let bad = firstInvalidUTF8Offset(bytes) {
            result.error(lines.location(of: bad), "invalid UTF-8 at byte offset \(bad); Crossref JSON is UTF-8")
            return result.corpus
        }
        guard let document = try? JSONSerialization.jsonObject(with: Data(bytes), options: []) else {
            let failure = JSONScanner.firstFailure(in: bytes)
            result.error(lines.location(of: failure?.offset ?? JSONOutline.firstSyntaxError(bytes) ?? 0),
                         "not valid JSON here\(failure.map { " (\($0.message))" } ?? ""); the file is not read (a Crossref file is a work or a work-list response)")
            return result.corpus
        }
        // A work-list response keeps its works in message.items, a single work is the message.
        let works = JSONOutline.works(in: document) { object in
            object["message"].map { message in ((message as? [String: Any])?["items"] as? [Any]) ?? [message] }
        }
        var searchFrom = 0
        // Works in file order: their locations read the file once, also when it is one line.
        var cursor = LineIndex.Cursor(lines)
        // As in OpenAlexReader: one DOI not found verbatim ends the search for the rest.
        var locating = true
        for (index, value) in works.enumerated() {
            guard let work = value as? [String: Any] else {
                result.corpus.records += 1
                result.error(lines.location(of: 0), "item \(index) is not a work object; it is skipped")
                continue
            }
            var record = ExportRecord(location: lines.location(of: 0))
            record.doi = ExportValues.doi(work["DOI"] as? String ?? "")
            if locating, !record.doi.isEmpty {
                if let offset = find("\"\(record.doi)\"", in: bytes, from: searchFrom) {
                    searchFrom = offset
                    record.location = cursor.location(of: offset)
                } else {
                    locating = false
                }
            }
            record.key = record.doi.isEmpty ? "item \(index)" : record.doi
            record.title = LaTeX.collapseWhitespace((work["title"] as? [String])?.first ?? work["title"] as? String ?? "")
            record.venue = LaTeX.collapseWhitespace((work["container-title"] as? [String])?.first ?? "")
            record.year = ["issued", "published", "published-print", "published-online", "created"].lazy.compactMap { key -> Int? in
                guard let parts = (work[key] as? [String: Any])?["date-parts"] as? [[Any]], let year = parts.first?.first as? Int else { return nil }
                // A year as the other readers take it (four digits at most): any JSON integer may stand here.
                return (0...9999).contains(year) ? year : nil
            }.first
            record.extras.citedBy = work["is-referenced-by-count"] as? Int
            record.type = OpenAlexReader.workType(work["type"] as? String ?? "")
            for case let author as [String: Any] in (work["author"] as? [Any]) ?? [] {
                let family = LaTeX.collapseWhitespace(author["family"] as? String ?? "")
                guard !family.isEmpty else { continue }
                let name = PersonName(first: LaTeX.collapseWhitespace(author["given"] as? String ?? ""), last: family).precomposed
                let affiliations = ((author["affiliation"] as? [Any]) ?? []).compactMap { ($0 as? [String: Any])?["name"] as? String }
                    .map { Affiliation(raw: $0) }
                let (orcid, warning) = ExportValues.checkedORCID(author["ORCID"] as? String ?? "", author: name.displayName)
                if let warning { record.warnings.append(warning) }
                record.addAuthor(name, ids: AuthorIDs(orcid: orcid), affiliations: affiliations)
            }
            result.add(record)
        }
        return result.corpus
    }

    private static func find(_ text: String, in bytes: [UInt8], from start: Int) -> Int? {
        let needle = Array(text.utf8)
        guard needle.count > 2 else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
