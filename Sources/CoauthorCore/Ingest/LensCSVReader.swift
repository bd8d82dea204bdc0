/// Reads Lens.org scholarly CSV exports (SPEC §2): `Author/s` (`;`-separated, given name first),
/// `Title`, `Publication Year`, `Source Title`, `DOI`, `PMID`, `Lens ID`, `Citing Works Count`.
public enum LensCSVReader {
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        CSVExport.read(bytes: bytes, path: path, format: "Lens CSV", required: ["Lens ID", "Author/s"]) { header, row, location in
            var record = ExportRecord(location: location)
            let lensID = ExportValues.trimmed(header.value(row, "Lens ID"))
            record.key = lensID.isEmpty ? "row at line \(location.line)" : "lens:" + lensID
            record.title = LaTeX.collapseWhitespace(header.value(row, "Title"))
            record.venue = LaTeX.collapseWhitespace(header.value(row, "Source Title"))
            record.year = BibTeXReader.firstYear(header.value(row, "Publication Year", "Date Published"))
            record.doi = ExportValues.doi(header.value(row, "DOI"))
            record.extras.pmid = ExportValues.pmid(header.value(row, "PMID"))
            record.extras.citedBy = ExportValues.int(header.value(row, "Citing Works Count"))
            record.type = ScopusCSVReader.documentType(header.value(row, "Publication Type").replacingOccurrences(of: "journal article", with: "article"))
            for name in ExportValues.list(header.value(row, "Author/s")) {
                if let parsed = ExportValues.name(name) { record.addAuthor(parsed) }
            }
            return record
        }
    }
}
