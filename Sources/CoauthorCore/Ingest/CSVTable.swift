/// A byte-level reader of delimited text (RFC 4180 CSV, and the tab-delimited exports of Web of
/// Science): one row at a time, shared by every table-shaped export reader.
///
/// Quoted fields may hold delimiters, doubled quotes and line breaks; rows end in LF, CRLF or a
/// lone CR; a UTF-8 byte-order mark is skipped where it starts the file or a row (files joined
/// into one). A quote that is never closed is an error
/// at the quote: that row is given up and reading resumes on the line after the quote, so one
/// stray quote costs one row, not the rest of the file.
struct CSVScanner {
    let bytes: [UInt8]
    let delimiter: UInt8
    /// Tab-delimited Web of Science files do not quote: a `"` there is a character.
    let quoting: Bool
    private(set) var position: Int
    /// The last unclosed quote met, as (offset of the row, offset of the quote).
    private(set) var unclosedQuote: (row: Int, quote: Int)? = nil

    init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true, from start: Int = 0) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.quoting = quoting
        var start = start
        if start == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        self.position = start
    }

    struct Row {
        var fields: [String]
        /// Byte offset of the row's first byte.
        var offset: Int
    }

    /// The next row, or nil at the end; blank lines are skipped. After a row whose quote was never
    /// closed, `unclosedQuote` names it and the row returned is nil-free: the scanner has moved on.
    /// - Complexity: O(length of the row).
    mutating func next() -> Row? {
        unclosedQuote = nil
        while position < bytes.count, bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\r") {
            position += 1
        }
        guard position < bytes.count else { return nil }
        let rowStart = position
        // Files joined into one (`cat`) put the next one's byte-order mark before its header.
        position += ByteOrderMark.length(in: bytes, at: position, end: bytes.count)
        var fields: [String] = []
        var field: [UInt8] = []
        let count = bytes.count
        while true {
            // At the start of a field.
            if quoting, position < count, bytes[position] == UInt8(ascii: "\"") {
                let quote = position
                position += 1
                var closed = false
                while position < count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "\"") {
                        if position + 1 < count, bytes[position + 1] == UInt8(ascii: "\"") {
                            field.append(byte)
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    field.append(byte)
                    position += 1
                }
                if !closed {
                    unclosedQuote = (rowStart, quote)
                    position = quote + 1
                    while position < count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") { position += 1 }
                    return nil
                }
            }
            // Unquoted text, or what follows a closing quote (kept, as lenient readers do).
            while position < count {
                let byte = bytes[position]
                if byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                field.append(byte)
                position += 1
            }
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if position < count, bytes[position] == delimiter {
                position += 1
                continue
            }
            if position < count, bytes[position] == UInt8(ascii: "\r") { position += 1 }
            if position < count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
            return Row(fields: fields, offset: rowStart)
        }
    }
}

/// A header row: the column of each name (trimmed, compared case-insensitively).
struct CSVHeader {
    let names: [String]
    private let columns: [String: Int]

    init(_ fields: [String]) {
        names = fields.map { ExportValues.trimmed($0) }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() where columns[name.lowercased()] == nil { columns[name.lowercased()] = index }
        self.columns = columns
    }

    func column(_ name: String) -> Int? { columns[name.lowercased()] }

    /// The value of the first of `names` that the header has, in `row` ("" when absent).
    func value(_ row: [String], _ names: String...) -> String {
        for name in names {
            if let index = columns[name.lowercased()], index < row.count { return row[index] }
        }
        return ""
    }

    func has(_ name: String) -> Bool { columns[name.lowercased()] != nil }

    /// Whether `fields` make a header naming every one of `required` (the header of an export).
    static func isHeader(_ fields: [String], naming required: [String]) -> Bool {
        let header = CSVHeader(fields)
        return required.allSatisfy(header.has)
    }

    /// How many fields `fields` has as this header reads them: empty fields past its columns
    /// aside (a trailing delimiter, as Scopus ends rows with, adds one).
    func width(of fields: [String]) -> Int {
        fields.count > names.count && fields[names.count...].allSatisfy({ $0.isEmpty }) ? names.count : fields.count
    }

    /// Whether `fields` name the header's columns again, as they are named here (exports joined
    /// into one file repeat their header).
    func isRepeated(in fields: [String]) -> Bool {
        width(of: fields) == names.count && zip(fields, names).allSatisfy { ExportValues.trimmed($0) == $1 }
    }
}

/// Reads a table-shaped export: the header (the first row naming the required columns), then
/// one record per row through `makeRecord`. Rows with an unclosed quote are errors and skipped;
/// rows with more or fewer fields than the header are read as far as they go, with a warning.
///
/// Exports joined into one file (`cat`) repeat their header, and the line before it where the
/// format has one (Dimensions): the header's rows again are read as a header, not as records,
/// with one warning; so is a row of a single field just before one. Fields are separated by `,`,
/// or by `;` in a file Excel saved again where that is its list separator (`commaOrSemicolon`).
enum CSVExport {
    /// `,`, or `;` where only `;` cuts one of the first rows into a header naming the `required`
    /// columns. Excel saves CSV with `;` between fields where the decimal mark is a comma (in
    /// Germany, France, Brazil, …), and people open exports in it and save them again.
    static func commaOrSemicolon(_ bytes: [UInt8], required: [String]) -> UInt8 {
        func cutsAHeader(_ delimiter: UInt8) -> Bool {
            var scanner = CSVScanner(bytes: bytes, delimiter: delimiter)
            for _ in 0..<headerSearchRows {
                let row = scanner.next()
                if scanner.unclosedQuote != nil { continue }
                guard let row else { return false }
                if CSVHeader.isHeader(row.fields, naming: required) { return true }
            }
            return false
        }
        let (comma, semicolon) = (UInt8(ascii: ","), UInt8(ascii: ";"))
        return cutsAHeader(comma) || !cutsAHeader(semicolon) ? comma : semicolon
    }

    /// The rows looked at for a header when choosing the delimiter (Dimensions puts a line before its header).
    static let headerSearchRows = 10

    /// - Parameters:
    ///   - required: the columns whose header row starts the records.
    ///   - expected: columns the records' values come from (`Year`: "years"), each warned about
    ///     once, at the header, where the header lacks it (a user trial of session 60 removed
    ///     `Year` and read every paper as yearless, in silence).
    static func read(bytes: [UInt8], path: String, delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true,
                     format: String, required: [String], expected: [(column: String, gives: String)] = [],
                     makeRecord: (CSVHeader, [String], SourceLocation) -> ExportRecord) -> Corpus {
        var result = ExportCorpus()
        let lines = LineIndex(bytes: bytes, path: path)
        if let bad = firstInvalidUTF8Offset(bytes) {
            result.error(lines.location(of: bad), "invalid UTF-8 at byte offset \(bad); \(format) exports are UTF-8: export the file again, or read it as Latin-1",
                         remedy: .readAsLatin1)
            return result.corpus
        }
        let delimiter = quoting && delimiter == UInt8(ascii: ",") ? commaOrSemicolon(bytes, required: required) : delimiter
        var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, quoting: quoting)
        var header: CSVHeader? = nil
        // The first row whose width differs from the header's gets the warning (its place among
        // the diagnostics), which counts the others at the end.
        var widthWarning: Int? = nil
        var otherWidths = 0
        var shortRows = 0
        var repeatWarned = false
        // A row of one field under a header of several, read once the next row shows whether it
        // is the line a joined export puts before its header again.
        var held: CSVScanner.Row? = nil
        // Before the header: the first row that names some of the required columns and lacks the
        // others, for the error where no row names them all.
        var partial: (offset: Int, missing: [String])? = nil
        var rowsBeforeHeader = 0
        func record(_ row: CSVScanner.Row, _ known: CSVHeader) {
            let location = lines.location(of: row.offset)
            // A trailing delimiter is not worth a word (`width(of:)`).
            // A row short of fields is read only in part: `--strict` fails on it.
            if known.width(of: row.fields) < known.names.count { shortRows += 1 }
            if known.width(of: row.fields) != known.names.count {
                if widthWarning == nil {
                    widthWarning = result.corpus.diagnostics.count
                    result.warning(location, "this row has \(row.fields.count) fields where the header has \(known.names.count); it is read as far as its fields go")
                } else {
                    otherWidths += 1
                }
            }
            result.add(makeRecord(known, row.fields, location))
        }
        while true {
            let row = scanner.next()
            if let bad = scanner.unclosedQuote {
                if let row = held.take() { record(row, header!) }
                result.error(lines.location(of: bad.quote), "a quote opened here is never closed; the row at line \(lines.location(of: bad.row).line) is skipped (check the file was exported whole)")
                if header != nil { result.corpus.records += 1 }
                continue
            }
            guard let row else { break }
            guard let known = header else {
                // The header is the first row naming a required column (Dimensions puts a line before it).
                let named = CSVHeader(row.fields)
                if required.allSatisfy(named.has) {
                    header = named
                    // (`PY|EA|PD`: any of the columns gives the value.)
                    let missing = expected.filter { !$0.column.split(separator: "|").contains { named.has(String($0)) } }
                    if !missing.isEmpty {
                        let columns = missing.map { $0.column.split(separator: "|").map { "'\($0)'" }.joined(separator: " or ") }
                        result.warning(lines.location(of: row.offset),
                                       "the header names no \(columns.joined(separator: ", ")) column: every record's \(missing.map(\.gives).joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") unknown (export the file again with \(missing.count == 1 ? "it" : "them"))")
                    }
                } else if partial == nil, rowsBeforeHeader < Self.headerSearchRows, row.fields.count >= 3, required.contains(where: named.has) {
                    partial = (row.offset, required.filter { !named.has($0) })
                }
                rowsBeforeHeader += 1
                continue
            }
            if known.isRepeated(in: row.fields) {
                if !repeatWarned {
                    repeatWarned = true
                    let before = held != nil ? " (and the line before it)" : ""
                    result.warning(lines.location(of: row.offset), "the header row again, as where exports are joined into one file; it\(before) is read as a header, not as a record")
                }
                held = nil
                continue
            }
            if let row = held.take() { record(row, known) }
            if row.fields.count == 1, known.names.count > 1 {
                held = row
                continue
            }
            record(row, known)
        }
        if let row = held.take() { record(row, header!) }
        if let widthWarning, shortRows > 0 { result.corpus.diagnostics[widthWarning].failsStrict = true }
        if let widthWarning, otherWidths > 0 {
            result.corpus.diagnostics[widthWarning].message += ", as are \(otherWidths) more \(otherWidths == 1 ? "row" : "rows") whose fields are not the header's in number"
        }
        if header == nil, let partial {
            let missing = partial.missing.map { "'\($0)'" }.joined(separator: ", ")
            let article = format.first.map { "AEIOU".contains($0) } == true ? "an" : "a"
            result.error(lines.location(of: partial.offset), "this header row names no \(missing) column, which \(format) records need: is this \(article) \(format) file? If it is, export it again with \(partial.missing.count == 1 ? "that column" : "those columns") (no record is read)")
        } else if header == nil {
            result.error(.file(path), "no \(format) header row (one naming \(required.map { "'\($0)'" }.joined(separator: ", "))) found: this is not \(format.first.map { "AEIOU".contains($0) } == true ? "an" : "a") \(format) file (without --input-format, a file's format is recognised from its content)")
        }
        return result.corpus
    }
}
