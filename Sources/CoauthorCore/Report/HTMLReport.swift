import Foundation

/// Writes the HTML report (SPEC §9): one self-contained page, styles, script and
/// data inline, that opens from `file://` without network access.
///
/// The data travels as JSON in a `<script type="application/json">` element,
/// with `<`, `>`, `&`, U+2028 and U+2029 escaped, so no name can end the element
/// or start markup; text in the markup is HTML-escaped. A Content Security Policy
/// forbids every fetch, so the page cannot reach the network even by mistake.
/// The same model gives the same bytes.
public enum HTMLReport {
    /// The page as UTF-8 bytes.
    /// - Complexity: O(n + m + size of the texts).
    public static func page(_ model: HTMLReportModel) -> [UInt8] {
        var out = ""
        out.reserveCapacity(4096 + model.authors.count * 120 + model.ties.count * 40)
        // The markup goes out a line at a time, here and in every section below: the runs of `out +=`
        // are alike in shape only (a duplicate finder pairs them), deliberately.
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        out += "script-src 'unsafe-inline'; img-src data:\">\n"
        out += "<meta name=\"generator\" content=\"coauthor \(escape(CoauthorVersion.current))\">\n"
        out += "<title>\(escape(model.title))</title>\n<style>\n\(HTMLReportAssets.style)</style>\n</head>\n<body>\n"
        // The page of the map alone has no tables to skip to (its link led nowhere: a user trial of session 52).
        if !model.mapOnly { out += "<a class=\"skip\" href=\"#dashboard\">Skip to the tables</a>\n" }
        out += "<header>\n<h1>\(escape(model.title))</h1>\n<p class=\"subtitle\">\(escape(model.subtitle))</p>\n"
        if let note = model.partNote { out += "<p class=\"part\" id=\"part-note\">\(escape(note))</p>\n" }
        if let note = model.estimateNote { out += "<p class=\"part\" id=\"estimate-note\">\(escape(note))</p>\n" }
        out += "</header>\n"
        out += HTMLReportAssets.mapMarkup(unit: model.unitWords[0], units: model.unitWords[1], withTables: !model.mapOnly)
        if !model.mapOnly { out += dashboard(model) }
        out += model.mapOnly ? "<noscript><p>The interactive map needs JavaScript.</p></noscript>\n"
            : "<noscript><p>The interactive map and the rankings need JavaScript; the summary, timeline and identity tables above are plain HTML.</p></noscript>\n"
        out += "<script type=\"application/json\" id=\"coauthor-data\">"
        out += data(model)
        out += "</script>\n<script>\n\(HTMLReportAssets.script)</script>\n</body>\n</html>\n"
        return Array(out.utf8)
    }

    // MARK: - The dashboard (static markup; the rankings table is filled by the script)

    private static func dashboard(_ model: HTMLReportModel) -> String {
        var out = "<div id=\"dashboard\" class=\"dashboard\">\n"
        if !model.statistics.isEmpty {
            out += "<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">Corpus summary</h2>\n"
            out += "<table class=\"stats\"><tbody>\n"
            for row in model.statistics {
                out += "<tr><th scope=\"row\">\(escape(row.name))</th><td>\(escape(row.value))</td></tr>\n"
            }
            out += "</tbody></table></section>\n"
        }
        out += """
            <section aria-labelledby="h-rank"><h2 id="h-rank">Rankings</h2>
            <p><label for="rank-metric">Rank \(model.unitWords[1]) by</label> <select id="rank-metric"></select>
            <span class="hint">Select a column heading to sort by it; select a name to show the \(model.unitWords[0]) on the map.</span></p>
            <div class="scroll"><table id="rank-table" class="rank"><caption class="sr">\(capitalisingFirst(model.unitWords[1])) ranked by the chosen metric</caption>
            <thead></thead><tbody></tbody></table></div>
            <p><button type="button" id="rank-more">Show more</button> <span id="rank-count"></span></p>
            </section>

            """
        if !model.timeline.isEmpty {
            out += "<section aria-labelledby=\"h-timeline\"><h2 id=\"h-timeline\">Collaborations over time</h2>\n"
            if let chart = model.timelineChart {
                out += "<figure class=\"chart\" role=\"img\" aria-labelledby=\"timeline-caption\">\(inlineSVG(chart))"
                let (unit, partners) = (model.unitWords[0], model.neighbourWords[1])
                out += "<figcaption id=\"timeline-caption\">The focus \(escape(unit))'s papers, \(escape(partners)) and new \(escape(partners)) per year "
                out += "(the table below gives the same numbers).</figcaption></figure>\n"
            }
            out += "<details><summary>The numbers per year</summary><div class=\"scroll\"><table class=\"timeline\">\n"
            out += "<thead><tr><th scope=\"col\">year</th><th scope=\"col\">papers</th><th scope=\"col\">\(escape(model.neighbourWords[1]))</th>"
            out += "<th scope=\"col\">new</th><th scope=\"col\">returning</th><th scope=\"col\">cumulative</th>"
            out += "<th scope=\"col\">solo</th><th scope=\"col\">team</th></tr></thead><tbody>\n"
            for row in model.timeline {
                out += "<tr><td>\(row.year)</td><td>\(row.papers)</td><td>\(row.coauthors)</td><td>\(row.new)</td>"
                out += "<td>\(row.returning)</td><td>\(row.cumulative)</td><td>\(row.solo)</td>"
                out += "<td>\(row.team.map { RankingTable.fixed($0, decimals: 2) } ?? "–")</td></tr>\n"
            }
            out += "</tbody></table></div></details></section>\n"
        }
        out += "<section aria-labelledby=\"h-names\"><h2 id=\"h-names\">Identity decisions</h2>\n"
        let (merged, kept) = (model.merges.count, model.keptApart.count)
        // At institution and country level the nodes are not people: the authors' decisions are
        // said to be the authors' (a user trial of session 61 read them as the countries'), and
        // the institutions read under several spellings are listed.
        let isAuthors = model.unitWords[0] == "author"
        if model.unitWords[0] == "institution" {
            let count = model.unitSpellings.count
            out += "<p>\(count) institution\(count == 1 ? " was" : "s were") read under more than one spelling of their affiliations.</p>\n"
            if !model.unitSpellings.isEmpty {
                out += "<details\(count <= 40 ? " open" : "")><summary>Institutions and their spellings</summary><div class=\"scroll\">"
                out += "<table class=\"names\"><thead><tr><th scope=\"col\">institution</th><th scope=\"col\">spellings read as it</th></tr></thead><tbody>\n"
                for unit in model.unitSpellings {
                    out += "<tr><td>\(escape(unit.unit))</td><td>\(escape(unit.spellings.joined(separator: "; ")))</td></tr>\n"
                }
                out += "</tbody></table></div></details>\n"
            }
        }
        out += "<p>\(isAuthors ? "" : "Authors: ")\(merged) name variant\(merged == 1 ? "" : "s") merged into another spelling; \(kept) look-alike\(kept == 1 ? "" : "s") kept apart.</p>\n"
        if !model.merges.isEmpty {
            out += "<details\(model.merges.count <= 40 ? " open" : "")><summary>Merged variants</summary><div class=\"scroll\">"
            out += "<table class=\"names\"><thead><tr><th scope=\"col\">variant</th><th scope=\"col\">merged into</th>"
            out += "<th scope=\"col\">evidence</th></tr></thead><tbody>\n"
            for merge in model.merges {
                out += "<tr><td>\(escape(merge.variant))</td><td>\(escape(merge.into))</td><td>\(escape(merge.reason))</td></tr>\n"
            }
            out += "</tbody></table></div></details>\n"
        }
        if !model.keptApart.isEmpty {
            out += "<details\(model.keptApart.count <= 40 ? " open" : "")><summary>Kept apart</summary><div class=\"scroll\">"
            out += "<table class=\"names\"><thead><tr><th scope=\"col\">name</th><th scope=\"col\">looks like</th>"
            out += "<th scope=\"col\">why kept apart</th></tr></thead><tbody>\n"
            for miss in model.keptApart {
                out += "<tr><td>\(escape(miss.variant))</td><td>\(escape(miss.candidates.joined(separator: ", ")))</td>"
                out += "<td>\(escape(miss.reason))</td></tr>\n"
            }
            out += "</tbody></table></div></details>\n"
        }
        out += "</section>\n"
        if !model.downloads.isEmpty {
            out += "<section aria-labelledby=\"h-files\"><h2 id=\"h-files\">Files written beside this page</h2><ul class=\"files\">\n"
            for file in model.downloads {
                out += "<li><a href=\"\(escape(file.href))\" download>\(escape(file.label))</a></li>\n"
            }
            out += "</ul></section>\n"
        }
        out += "</div>\n"
        return out
    }

    /// An SVG document as an inline element: without the XML declaration and doctype.
    private static func inlineSVG(_ document: String) -> String {
        guard let start = document.range(of: "<svg") else { return "" }
        return String(document[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Data

    /// The model as compact JSON, column by column (an array per attribute keeps a 5,000-author page small).
    static func data(_ model: HTMLReportModel) -> String {
        var json = JSONWriter()
        json.open("{")
        json.key("title"); json.string(model.title)
        json.key("subtitle"); json.string(model.subtitle)
        json.key("part"); model.partNote.map { json.string($0) } ?? json.raw("null")
        json.key("focus"); model.focus.map { json.int($0) } ?? json.raw("null")
        json.key("size"); json.string(model.sizeMetric)
        json.key("weightName"); json.string(model.weightName)
        json.key("mapOnly"); json.raw(model.mapOnly ? "true" : "false")
        json.key("neighbours"); json.array(model.neighbourWords) { json, word in json.string(word) }
        json.key("units"); json.array(model.unitWords) { json, word in json.string(word) }
        json.key("names"); json.array(model.authors) { json, author in json.string(author.name) }
        json.key("variants"); json.open("{")
        for (v, author) in model.authors.enumerated() where !author.variants.isEmpty {
            json.key(String(v)); json.array(author.variants) { json, name in json.string(name) }
        }
        json.close("}")
        json.key("aliases"); json.open("{")
        for (v, author) in model.authors.enumerated() where !author.aliases.isEmpty {
            json.key(String(v)); json.array(author.aliases) { json, name in json.string(name) }
        }
        json.close("}")
        json.key("papers"); json.array(model.authors) { json, author in json.int(author.papers) }
        json.key("years"); json.array(model.authors) { json, author in json.array(author.years) { $0.int($1) } }
        json.key("x"); json.array(model.authors) { json, author in json.fixed(author.x, decimals: 1) }
        json.key("y"); json.array(model.authors) { json, author in json.fixed(author.y, decimals: 1) }
        json.key("d"); json.array(model.authors) { json, author in json.fixed(author.diameter, decimals: 2) }
        json.key("ties"); json.open("{")
        json.key("s"); json.array(model.ties) { json, tie in json.int(tie.source) }
        json.key("t"); json.array(model.ties) { json, tie in json.int(tie.target) }
        json.key("p"); json.array(model.ties) { json, tie in json.int(tie.papers) }
        json.key("w"); json.array(model.ties) { json, tie in json.significant(tie.weight) }
        json.key("f"); json.array(model.ties) { json, tie in tie.firstYear.map { json.int($0) } ?? json.raw("null") }
        json.key("l"); json.array(model.ties) { json, tie in tie.lastYear.map { json.int($0) } ?? json.raw("null") }
        json.key("y"); json.array(model.ties) { json, tie in json.array(tie.years) { $0.int($1) } }
        json.key("r"); json.array(model.ties) { json, tie in json.significant(tie.recency, digits: 4) }
        json.close("}")
        json.key("colorings"); json.array(model.colorings) { json, coloring in
            json.open("{")
            json.key("key"); json.string(coloring.key)
            json.key("title"); json.string(coloring.title)
            json.key("legend"); json.array(coloring.legend) { $0.string($1) }
            json.key("colors"); json.array(coloring.colors) { $0.string($1) }
            json.key("group"); json.array(coloring.group) { $0.int($1) }
            json.close("}")
        }
        json.key("defaultColoring"); json.int(model.defaultColoring)
        json.key("metrics"); json.array(model.metrics) { json, column in
            json.open("{")
            json.key("key"); json.string(column.key)
            json.key("summary"); json.string(column.summary)
            json.key("integer"); json.raw(column.isInteger ? "true" : "false")
            if let estimate = column.estimate { json.key("estimate"); json.string(estimate) }
            // Bounds to four significant digits: the panel shows them beside the rounded value.
            if let bound = column.bound { json.key("bound"); json.significant(bound, digits: 4) }
            if let bounds = column.bounds {
                json.key("bounds"); json.array(bounds) { json, value in json.significant(value, digits: 4) }
            }
            // Twelve significant digits: the page rounds them again to show them (six made
            // 0.63684959 show as 0.6369 beside `rank`'s 0.6368: a user trial of session 54), and
            // ranks them, as `rank` ranks them rounded to twelve (`rankingKey`).
            json.key("values"); json.array(column.values) { json, value in
                guard let value else { return json.raw("null") }
                column.isInteger ? json.int(wholeNumber(value) ?? 0) : json.significant(value, digits: 12)
            }
            json.close("}")
        }
        json.key("hasTimeline"); json.raw(model.timeline.isEmpty ? "false" : "true")
        json.close("}")
        return json.text
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in HTML text.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Compact JSON that is safe inside a `<script>` element.
struct JSONWriter {
    private(set) var text = ""
    /// Whether the next value in the current container needs a comma before it.
    private var needsComma = false

    mutating func open(_ bracket: String) {
        separate()
        text += bracket
        needsComma = false
    }

    mutating func close(_ bracket: String) {
        text += bracket
        needsComma = true
    }

    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        text += ":"
        needsComma = false
    }

    mutating func raw(_ value: String) {
        separate()
        text += value
        needsComma = true
    }

    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    mutating func int(_ value: Int) { raw(String(value)) }

    mutating func fixed(_ value: Double?, decimals: Int) {
        guard let value, value.isFinite else { return raw("null") }
        var digits = RankingTable.fixed(value, decimals: decimals)
        if digits.contains(".") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        raw(digits == "-0" ? "0" : digits)
    }

    /// `digits` significant digits, the shortest form JSON allows.
    mutating func significant(_ value: Double, digits: Int = 6) {
        guard value.isFinite else { return raw("null") }
        if value == value.rounded(), abs(value) < 1e15 { return raw(String(Int(value))) }
        var text = String(format: "%.\(digits)g", value)
        if let e = text.firstIndex(of: "e") {
            var mantissa = String(text[..<e])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            text = mantissa + text[e...]
        } else if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        raw(text)
    }

    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        open("[")
        for item in items { body(&self, item) }
        close("]")
    }

    private mutating func separate() {
        if needsComma { text += "," }
    }

    private mutating func appendQuoted(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            // Nothing in a name may close the script element or open markup.
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = Array("0123456789abcdef")
                    text += "\\u00" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 15)])
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
