/// A table of text cells rendered as aligned columns for a terminal, as a
/// Markdown table, or as RFC 4180 CSV.
///
/// Column widths count terminal cells, not characters: East Asian wide and
/// full-width characters and emoji take two cells, combining marks none.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        precondition(headers.count == alignments.count)
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "row has \(row.count) cells, table has \(headers.count) columns")
        rows.append(row)
    }

    /// Aligned plain text: a header, a rule, the rows; columns two spaces apart.
    public func plain() -> String {
        // (Cells wider than `plainCellWidth` are cut: `String.shortened(toWidth:)`.)
        guard !rows.contains(where: { $0.contains { Self.displayWidth($0) > Self.plainCellWidth } }) else {
            var shown = self
            shown.rows = rows.map { $0.map { $0.shortened(toWidth: Self.plainCellWidth) } }
            return shown.plain()
        }
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(Self.displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - Self.displayWidth(cell))
                let isLast = column == cells.count - 1
                switch alignments[column] {
                case .left: parts.append(isLast ? cell : cell + padding)
                case .right: parts.append(padding + cell)
                }
            }
            return parts.joined(separator: "  ")
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// A GitHub-flavoured Markdown table (pipes and line breaks in cells escaped).
    public func markdown() -> String {
        func escape(_ cell: String) -> String {
            cell.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
        }
        // A cell's own text, not Markdown: `Star *Bold*` was set in italics and `[x](y)` became a
        // link (a user trial of session 56). CommonMark's backslash escapes, before the pipe's.
        func literal(_ cell: String) -> String {
            var out = ""
            for character in cell {
                if "\\`*_[]<>#!~".contains(character) { out.append("\\") }
                out.append(character)
            }
            return escape(out)
        }
        var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(literal).joined(separator: " | ") + " |\n" }
        return out
    }

    /// RFC 4180 CSV with CRLF-free LF line ends; fields quoted when they hold a comma, quote or line break.
    public func csv() -> String {
        ([headers] + rows).map { $0.map(CSVField.escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// Terminal cells taken by `text`.
    /// The widest a cell of `plain()` is drawn, in terminal columns.
    public static let plainCellWidth = 80

    public static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
                || value == 0x200B || value == 0x200D || (0xFE00...0xFE0F).contains(value) {
                continue
            }
            if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value) {
                width += 2
            } else {
                width += 1
            }
        }
        return width
    }
}

/// RFC 4180 field escaping.
public enum CSVField {
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
