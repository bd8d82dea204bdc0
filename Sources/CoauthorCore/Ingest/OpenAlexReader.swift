import Foundation

/// Reads OpenAlex works (SPEC §2): an API list response (`{"meta": …, "results": [work…]}`), a
/// single work, a JSON array of works, the snapshot's JSON Lines (one work per line), and the
/// web interface's CSV export (`|`-separated `authorships.*` columns).
///
/// Authors come from `authorships[].author` (`id`, `display_name`, `orcid`; `raw_author_name`
/// when the display name is missing); institutions give the affiliation's name, ROR id and
/// `country_code`, `raw_affiliation_strings` its raw text. Compressed snapshot files (`.gz`) are
/// not read here: the package uses no compression library (decompress them with `gunzip` first).
public enum OpenAlexReader {
    /// JSON: the whole document, or one work per line.
    /// - Complexity: O(n) in the size of the file.
    public static func readJSON(bytes: [UInt8], path: String) -> Corpus {
        var result = ExportCorpus()
        let lines = LineIndex(bytes: bytes, path: path)
        if bytes.starts(with: [0x1F, 0x8B]) {
            result.error(.file(path), "this is a gzip-compressed file; decompress it first (gunzip \(path)) and read the .jsonl")
            return result.corpus
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            result.error(lines.location(of: bad), "invalid UTF-8 at byte offset \(bad); OpenAlex JSON is UTF-8")
            return result.corpus
        }
        if let document = try? JSONSerialization.jsonObject(with: Data(bytes), options: []) {
            // An API list response keeps its works in results.
            let works = JSONOutline.works(in: document) { $0["results"] as? [Any] }
            var searchFrom = 0
            // After one id is not found verbatim (escaped slashes), later ones are not searched
            // for either: each search would scan to the end of the file.
            var locating = true
            for (index, value) in works.enumerated() {
                guard let work = value as? [String: Any] else {
                    result.error(lines.location(of: 0), "result \(index) is not a work object; it is skipped")
                    result.corpus.records += 1
                    continue
                }
                // Each work's place: where its OpenAlex id first appears after the previous one's.
                let found = locating ? offsetOf(work["id"] as? String, in: bytes, from: searchFrom) : nil
                if found == nil, work["id"] is String { locating = false }
                let offset = found ?? searchFrom
                searchFrom = offset
                add(work, at: lines.location(of: offset), to: &result)
            }
            return result.corpus
        }
        // JSON Lines: each non-blank line is one work.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var parsedAny = false
        var failures = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = bytes[start..<end]
            let lineStart = start
            start = end + 1
            guard line.contains(where: { !isWhitespace($0) }) else { continue }
            if let work = (try? JSONSerialization.jsonObject(with: Data(line), options: [])) as? [String: Any] {
                parsedAny = true
                add(work, at: lines.location(of: lineStart), to: &result)
            } else {
                failures += 1
                let bad = JSONOutline.firstSyntaxError(Array(line)).map { lineStart + $0 } ?? lineStart
                result.corpus.records += 1
                result.error(lines.location(of: bad), "this line is not a JSON work object; the line is skipped (JSON Lines hold one work per line)")
            }
        }
        if !parsedAny, failures > 0 {
            // Not JSON Lines either: one error for the file, not one per line.
            let offset = JSONOutline.firstSyntaxError(bytes) ?? 0
            var corpus = ExportCorpus()
            corpus.error(lines.location(of: offset), "not valid JSON here; the file is not read (an OpenAlex file is a work, a list response or JSON Lines)")
            return corpus.corpus
        }
        return result.corpus
    }

    /// The web CSV export: `id`, `display_name`, `publication_year`, `doi`, `cited_by_count`, and the
    /// `authorships.*` columns, each a `|`-separated list aligned by author.
    /// - Complexity: O(n) in the size of the file.
    public static func readCSV(bytes: [UInt8], path: String) -> Corpus {
        CSVExport.read(bytes: bytes, path: path, format: "OpenAlex CSV", required: ["id", "authorships.author.display_name"]) { header, row, location in
            var record = ExportRecord(location: location)
            record.extras.openAlex = ExportValues.lastComponent(header.value(row, "id"))
            record.key = record.extras.openAlex.isEmpty ? "row at line \(location.line)" : record.extras.openAlex
            record.title = LaTeX.collapseWhitespace(header.value(row, "display_name", "title"))
            record.year = BibTeXReader.firstYear(header.value(row, "publication_year"))
            record.doi = ExportValues.doi(header.value(row, "doi"))
            record.venue = LaTeX.collapseWhitespace(header.value(row, "primary_location.source.display_name"))
            record.extras.citedBy = ExportValues.int(header.value(row, "cited_by_count"))
            record.extras.pmid = ExportValues.lastComponent(header.value(row, "ids.pmid"))
            record.type = workType(header.value(row, "type"))
            func column(_ name: String) -> [String] {
                let value = header.value(row, name)
                return value.isEmpty ? [] : value.split(separator: "|", omittingEmptySubsequences: false).map { ExportValues.trimmed($0) }
            }
            let names = column("authorships.author.display_name")
            let ids = column("authorships.author.id")
            let orcids = column("authorships.author.orcid")
            let countries = column("authorships.countries")
            let institutions = column("authorships.institutions.display_name")
            for (index, name) in names.enumerated() {
                guard let parsed = ExportValues.name(name) else { continue }
                let authorIDs = AuthorIDs(orcid: index < orcids.count ? ExportValues.orcid(orcids[index]) : "",
                                          openAlex: index < ids.count ? ExportValues.lastComponent(ids[index]) : "")
                var affiliations: [Affiliation] = []
                // The institution and country columns align by author only when they have one entry each.
                if institutions.count == names.count, !institutions[index].isEmpty {
                    affiliations.append(Affiliation(institution: institutions[index],
                                                    country: countries.count == names.count ? countries[index] : ""))
                } else if countries.count == names.count, !countries[index].isEmpty {
                    // Authors with several institutions unalign those, not the countries (one entry per author).
                    affiliations.append(Affiliation(country: countries[index]))
                }
                record.addAuthor(parsed, ids: authorIDs, affiliations: affiliations)
            }
            return record
        }
    }

    private static func add(_ work: [String: Any], at location: SourceLocation, to result: inout ExportCorpus) {
        var record = ExportRecord(location: location)
        record.extras.openAlex = ExportValues.lastComponent(work["id"] as? String ?? "")
        record.key = record.extras.openAlex.isEmpty ? "work at line \(location.line)" : record.extras.openAlex
        record.title = LaTeX.collapseWhitespace(work["title"] as? String ?? work["display_name"] as? String ?? "")
        record.year = (work["publication_year"] as? Int) ?? BibTeXReader.firstYear(work["publication_date"] as? String ?? "")
        record.doi = ExportValues.doi(work["doi"] as? String ?? "")
        record.extras.citedBy = work["cited_by_count"] as? Int
        if let ids = work["ids"] as? [String: Any], let pmid = ids["pmid"] as? String { record.extras.pmid = ExportValues.lastComponent(pmid) }
        record.type = workType(work["type"] as? String ?? "")
        let source = ((work["primary_location"] as? [String: Any])?["source"] as? [String: Any])?["display_name"] as? String
        record.venue = source ?? ((work["host_venue"] as? [String: Any])?["display_name"] as? String) ?? ""
        for (index, value) in ((work["authorships"] as? [Any]) ?? []).enumerated() {
            let authorship = value as? [String: Any] ?? [:]
            let author = authorship["author"] as? [String: Any] ?? [:]
            let display = (author["display_name"] as? String) ?? (authorship["raw_author_name"] as? String) ?? ""
            guard let name = ExportValues.name(display) else {
                result.warning(location, "authorship \(index) of \(record.key) has no author name; it is left out")
                continue
            }
            let ids = AuthorIDs(orcid: ExportValues.orcid(author["orcid"] as? String ?? ""),
                                openAlex: ExportValues.lastComponent(author["id"] as? String ?? ""))
            let raws = (authorship["raw_affiliation_strings"] as? [String]) ?? []
            var affiliations: [Affiliation] = []
            for case let institution as [String: Any] in (authorship["institutions"] as? [Any]) ?? [] {
                affiliations.append(Affiliation(raw: raws.count == 1 ? raws[0] : "",
                                                institution: institution["display_name"] as? String ?? "",
                                                ror: ExportValues.lastComponent(institution["ror"] as? String ?? ""),
                                                country: institution["country_code"] as? String ?? ""))
            }
            if affiliations.isEmpty { affiliations = raws.map { Affiliation(raw: $0) } }
            record.addAuthor(name, ids: ids, affiliations: affiliations)
        }
        result.add(record)
    }

    /// OpenAlex work types as the BibTeX entry types people know.
    static func workType(_ type: String) -> String {
        switch type.lowercased() {
        case "", "article", "journal-article", "review", "letter", "editorial", "erratum": "article"
        case "proceedings-article": "inproceedings"
        case "book": "book"
        case "book-chapter": "incollection"
        case "dissertation": "phdthesis"
        default: type.lowercased()
        }
    }

    private static func offsetOf(_ text: String?, in bytes: [UInt8], from start: Int) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
