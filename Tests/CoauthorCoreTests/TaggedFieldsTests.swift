@testable import CoauthorCore
import Testing

/// The Web of Science and MEDLINE readers keep a record's values as bytes (`TaggedFields`) and
/// work on them where the characters allow it: each byte path must answer as the string path
/// it replaces.
struct TaggedFieldsTests {
    /// Seeded random values over blanks, tabs, white space beyond ASCII (NBSP, EM SPACE, NEL),
    /// combining marks and letters: collapsed by the fields as `LaTeX.collapseWhitespace` collapses them.
    @Test func valuesCollapseAsTheStringFunctionCollapses() {
        let pieces = ["a", "b", " ", "  ", "\t", "\r", "\u{00A0}", "\u{2003}", "\u{0085}", "e\u{0301}", " \u{0301}", "é", ";", "\u{3000}", "x"]
        var random = SplitMix64(seed: 11)
        var values: [String] = []
        for _ in 0..<3000 {
            let length = Int(random.next() % 9)
            values.append((0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
        }
        #expect(values.count == 3000)
        #expect(values.contains { $0.utf8.contains(0xC2) } && values.contains { $0.contains("  ") })
        var fields = TaggedFields()
        for (index, value) in values.enumerated() {
            var value = value
            value.withUTF8 { bytes in
                if index % 3 == 0 { fields.addCollapsed(UInt64(index), bytes) } else { fields.appendCollapsed(bytes) }
            }
        }
        #expect(fields.count == 1000)
        for (index, value) in values.enumerated() {
            let stored = Array(fields.bytes[fields.range(of: index)])
            #expect(stored == Array(LaTeX.collapseWhitespace(value).utf8), "\(value.debugDescription)")
        }
        // A field's values are those up to the next field.
        #expect(fields.values(ofField: 0) == 0..<3)
        #expect(fields.values(3) == 3..<6 && fields.code(ofField: 1) == 3)
        #expect(fields.values(ofField: 999) == 2997..<3000)
        #expect(fields.values(5) == nil)
    }

    /// For ASCII values the test for values that need no collapsing is the plain rule (no
    /// control byte, no two blanks in a row); and values with and without it collapse, in the
    /// fields and through `collapseASCIIWhitespace`, as the string function collapses them.
    @Test func plainASCIIValuesCollapseAsTheStringFunctionCollapses() {
        let pieces = ["a", "bc", " ", "  ", "\t", "\n", "\u{1}", "\u{7F}", "é", "\u{00A0}", "xyzw"]
        var random = SplitMix64(seed: 23)
        var fields = TaggedFields()
        var values: [String] = []
        var plain = 0
        for _ in 0..<4000 {
            // Mostly letters and single blanks, so that many are plain; some with a rarer piece.
            let length = Int(random.next() % 40)
            let value = (0..<length).map { _ in
                random.next() % 6 == 0 ? pieces[Int(random.next() % UInt64(pieces.count))] : (random.next() % 3 == 0 ? " " : "q")
            }.joined()
            let bytes = Array(value.utf8)
            var naive = true
            for (k, byte) in bytes.enumerated() where byte >= 0x80 || byte < 0x20 || (byte == 0x20 && k > 0 && bytes[k - 1] == 0x20) { naive = false }
            if !bytes.contains(where: { $0 >= 0x80 }) {
                #expect(bytes.withUnsafeBufferPointer { ByteWord.isSingleSpacedText($0) } == naive, "\(value.debugDescription)")
            }
            if naive { plain += 1 }
            values.append(value)
            bytes.withUnsafeBufferPointer { fields.addCollapsed(0, $0) }
        }
        #expect(plain > 500 && plain < 3500, "\(plain) plain values")
        for (index, value) in values.enumerated() {
            #expect(Array(fields.bytes[fields.range(of: index)]) == Array(LaTeX.collapseWhitespace(value).utf8), "\(value.debugDescription)")
            var copy = value
            let collapsed = copy.withUTF8 { LaTeX.collapseASCIIWhitespace($0) }
            if !value.utf8.contains(where: { $0 >= 0x80 }) { #expect(collapsed == LaTeX.collapseWhitespace(value), "\(value.debugDescription)") }
        }
    }

    /// The sixteen-bytes-a-step test for values that need no collapsing, ASCII or not (no
    /// control byte, no two blanks in a row, no byte that can lead white space beyond ASCII)
    /// answers as a byte-by-byte one, for two blanks across a vector's end and in the last,
    /// overlapping vector too; and what it passes, trimmed, is its own white space collapsed.
    @Test func singleSpacedTextIsFoundSixteenBytesAStep() {
        // Letters of one to four bytes, allowed or not: é (C3), © and NBSP (C2), EM SPACE (E2),
        // a Devanagari letter (E0), 中 (E4), IDEOGRAPHIC SPACE (E3).
        let pieces = ["a", "bc", " ", "  ", "\t", "\n", "\u{1}", "\u{7F}", "é", "©", "\u{00A0}", "\u{2003}", "\u{0905}", "中", "\u{3000}", "\u{1F600}"]
        var random = SplitMix64(seed: 29)
        var values: [String] = []
        for _ in 0..<6000 {
            let length = Int(random.next() % 72)
            // Half the values have rare pieces and blanks, so that long ones pass too.
            let (pieceRate, blankRate) = random.next() % 2 == 0 ? (UInt64(8), UInt64(3)) : (60, 9)
            values.append((0..<length).map { _ in
                random.next() % pieceRate == 0 ? pieces[Int(random.next() % UInt64(pieces.count))] : (random.next() % blankRate == 0 ? " " : "q")
            }.joined())
        }
        // Two blanks across the first vector's end, at the start of the last (overlapping or
        // not), and at the text's very end.
        let q15 = String(repeating: "q", count: 15), q31 = String(repeating: "q", count: 31)
        // And in texts of eight to fifteen bytes, judged as two words that meet or overlap.
        values += [q15 + "  " + q15, q31 + "  q", q31 + " q", q15 + "q  " + q15 + "q", q31 + "  ", q15 + " ", String(repeating: "q ", count: 16),
                   "qqqqqqq  ", "qqqqqqq  qqqqqq", "q q q q q", "qqqqqqqq\u{1}"]
        var passed = 0, long = 0
        for value in values {
            let bytes = Array(value.utf8)
            var naive = true
            for (k, byte) in bytes.enumerated()
            where byte < 0x20 || byte == 0xC2 || (0xE0...0xE3).contains(byte) || (byte == 0x20 && k > 0 && bytes[k - 1] == 0x20) {
                naive = false
            }
            let fast = bytes.withUnsafeBufferPointer { ByteWord.isSingleSpacedText($0) }
            #expect(fast == naive, "\(value.debugDescription)")
            guard fast else { continue }
            passed += 1
            if bytes.count >= 16 { long += 1 }
            let trimmed = bytes.withUnsafeBufferPointer { Array(LaTeX.trimmingBlanks($0)) }
            #expect(trimmed == Array(LaTeX.collapseWhitespace(value).utf8), "\(value.debugDescription)")
        }
        #expect(passed > 600 && passed < 5000 && long > 200, "\(passed) passed, \(long) of sixteen bytes or more")
        #expect(values.suffix(11).map { value in Array(value.utf8).withUnsafeBufferPointer { ByteWord.isSingleSpacedText($0) } }
                == [false, false, true, false, false, true, true, false, false, true, false])
    }

    /// `RI`/`OI` lists are split on bytes when `;` and `/` are characters of their own and the
    /// IDs are ASCII, else on characters: both ways give each author the same IDs.
    @Test func researcherIDListsReadOnBytesAsOnCharacters() {
        let authors = "AU Müller, J\n   Smith, J\nAF Müller, Jörg\n   Smith, John\n"
        let ids = "RI Müller, Jörg/A-1234-2010; Smith,\n   John/B-2222-2011\nOI Smith, John/0000-0002-1825-0097\n"
        // The same record with an entry whose ID is not ASCII (no author's): read by characters.
        let odd = "RI Müller, Jörg/A-1234-2010; Smith,\n   John/B-2222-2011; Nobody, N/C-1é\nOI Smith, John/0000-0002-1825-0097\n"
        // And one with a slash after a scalar from U+0600 on (which could join it): read by characters.
        let joined = "RI Müller, Jörg/A-1234-2010; Smith,\n   John/B-2222-2011; Nobody, N\u{0627}/D-1\nOI Smith, John/0000-0002-1825-0097\n"
        let text = "FN Clarivate\nVR 1.0\n" + [ids, odd, joined].enumerated().map { "PT J\n" + authors + $1 + "UT WOS:\($0)\nER\n" }.joined() + "EF\n"
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.txt")
        #expect(corpus.records == 3 && corpus.publications.count == 3)
        for publication in corpus.publications {
            #expect(publication.authorIDs.map(\.researcherID) == ["A-1234-2010", "B-2222-2011"], "\(publication.key)")
            #expect(publication.authorIDs.map(\.orcid) == ["", "0000-0002-1825-0097"], "\(publication.key)")
        }
    }

    /// An `RI`/`OI` entry or a `C1` line's name written as in the list of authors is matched
    /// through the name read there; it gets the author a name written otherwise gets, by the same rules:
    /// the first author with that folded name, a name without a comma read as a plain name, and
    /// beyond 64 authors the look-up by bytes.
    @Test func idListNamesWrittenAsTheAuthorsAreMatchedAsAnyOtherSpelling() {
        // `WANG, LI` and `Wang, Li` fold alike: an address line for either goes to the first, and
        // one ID list entry for the two is no one's (`ExportRecord.setIDs`: the list does not say
        // whose). `Aria M` is surname and initials in the list of authors, but given name and
        // surname read plain: an entry `Aria M` is `M, Aria`'s.
        let authors = ["WANG, LI", "Wang, Li", "Aria M", "M, Aria", "Costa, Ana"] + (0..<70).map { "Extra\($0), Person" }
        func record(_ id: Int, authors: [String], ids: [(String, String)], orcids: [(String, String)]) -> String {
            let list = { (entries: [(String, String)]) in entries.map { "\($0.0)/\($0.1)" }.joined(separator: "; ") }
            // The names of the IDs' entries again, in brackets on an address line.
            let bracketed = "[" + ids.map(\.0).joined(separator: "; ") + "] Univ Naples, Naples, Italy."
            return "PT J\nAF " + authors.joined(separator: "\n   ") + "\nC1 " + bracketed + "\nRI " + list(ids) + "\nOI " + list(orcids)
                + "\nUT WOS:\(id)\nER\n"
        }
        let orcid = "0000-0002-1825-0097"
        var text = "FN Clarivate\nVR 1.0\n"
        for count in [5, authors.count] {
            let listed = Array(authors.prefix(count))
            let last = listed[count - 1]
            // As the list writes them, then in other bytes (other capitals) that name the same.
            text += record(count, authors: listed, ids: [("Wang, Li", "A-1111-2011"), ("Aria M", "B-2222-2012"), (last, "C-3333-2013")],
                           orcids: [("Costa, Ana", orcid)])
            text += record(count + 1000, authors: listed, ids: [("Wang, LI", "A-1111-2011"), ("ARIA M", "B-2222-2012"), (last.uppercased(), "C-3333-2013")],
                           orcids: [("COSTA, ANA", orcid)])
        }
        text += "EF\n"
        let corpus = WebOfScienceReader.readPlainText(bytes: Array(text.utf8), path: "w.txt")
        #expect(corpus.records == 4 && corpus.publications.count == 4)
        guard corpus.publications.count == 4 else { return }
        for pair in [(0, 1), (2, 3)] {
            let (asListed, otherwise) = (corpus.publications[pair.0], corpus.publications[pair.1])
            #expect(asListed.authorIDs.map(\.researcherID) == otherwise.authorIDs.map(\.researcherID), "\(asListed.key)")
            #expect(asListed.authorIDs.map(\.orcid) == otherwise.authorIDs.map(\.orcid), "\(asListed.key)")
            #expect(asListed.authorIDs.first?.researcherID == "" && asListed.authorIDs[1].researcherID.isEmpty)
            #expect(asListed.authorIDs[2].researcherID.isEmpty && asListed.authorIDs[3].researcherID == "B-2222-2012")
            #expect(asListed.authorIDs[4].orcid == orcid && asListed.authorIDs.last?.researcherID == "C-3333-2013")
            let affiliated = { (publication: Publication) in publication.extras.affiliations.map { !$0.isEmpty } }
            #expect(affiliated(asListed) == affiliated(otherwise), "\(asListed.key)")
            #expect(affiliated(asListed).first == true)
            #expect(Array(affiliated(asListed).dropFirst()) == asListed.authorIDs.dropFirst().map { !$0.researcherID.isEmpty }, "\(asListed.key)")
        }
    }

    /// A `C1` line `[names] address` is read on its bytes when its brackets and `;` are
    /// characters of their own and its names single-spaced, else as text. Seeded records are
    /// written twice: as plain text, whose lines the reader collapses (the byte path, but for
    /// lines with a `;` that a combining mark joins), and tab-delimited with a second blank after
    /// every `;` between the brackets (the text path). Each author gets the same affiliations.
    @Test func bracketedAddressLinesReadOnBytesAsAsText() {
        let pool = ["Aria, Massimo", "Cuccurullo, Corrado", "Müller, Jörg", "Wang, Li", "WANG, LI", "Aria M", "Costa, Ana",
                    "García-López, José", "O'Neil, Sean", "Silva, S"]
        // Each name as the author list writes it, and others that may name the same author or none.
        func spellings(_ name: String) -> [String] {
            let surname = name.split(separator: ",").first.map(String.init) ?? name
            return [name, name, name.uppercased(), surname + ", " + String(name.last!), "Nobody, N"]
        }
        let addresses = ["Univ Naples Federico II, Naples, Italy.", "ETH Zurich, Zurich, Switzerland", "Dept X,, Rome, Italy.",
                         "Tsinghua Univ, Beijing, Peoples R China.", "Lone Address", "Inst e\u{0301}tudes ,\u{0301} Paris, France.", ",Odd,"]
        var random = SplitMix64(seed: 43)
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        var plain = "FN Clarivate\nVR 1.0\n"
        var tab = "PT\tAU\tAF\tC1\tUT\n"
        var joined = 0, spaced = 0
        for record in 0..<400 {
            var authors: [String] = []
            for _ in 0..<(1 + Int(random.next() % 5)) { authors.append(pick(pool)) }
            var lines: [(names: [String], address: String, joinedSeparator: Bool)] = []
            for _ in 0..<(1 + Int(random.next() % 3)) {
                if random.next() % 8 == 0 {
                    // Joined separators: read as text, the line names one person (nobody of the record).
                    lines.append((["Nobody, N", pick(authors)], pick(addresses), true))
                } else {
                    lines.append(((0..<(1 + Int(random.next() % 3))).map { _ in pick(spellings(pick(authors))) }, pick(addresses), false))
                }
            }
            // A `;` joined to a combining mark after it, or to a prepended mark (U+0600) before it;
            // `blanks` after each `;`.
            let text = { (line: (names: [String], address: String, joinedSeparator: Bool), blanks: String) in
                let separator = line.joinedSeparator ? (line.names[1].count % 2 == 0 ? ";\u{0301}" : "\u{0600};") : ";"
                return "[" + line.names.joined(separator: separator + blanks) + "] " + line.address
            }
            plain += "PT J\nAF " + authors.joined(separator: "\n   ") + "\nC1 " + lines.map { text($0, " ") }.joined(separator: "\n   ")
                + "\nUT WOS:\(record)\nER\n"
            let cells = lines.map { text($0, "  ") }
            tab += "J\t" + Array(repeating: authors.joined(separator: "; "), count: 2).joined(separator: "\t") + "\t" + cells.joined(separator: "; ") + "\tWOS:\(record)\n"
            joined += lines.filter(\.joinedSeparator).count
            spaced += cells.filter { $0.contains(";  ") || $0.contains(";\u{0301}  ") }.count
        }
        plain += "EF\n"
        #expect(joined > 20 && spaced > 200, "\(joined) lines with a joined separator, \(spaced) with doubled blanks")
        let bytePath = WebOfScienceReader.readPlainText(bytes: Array(plain.utf8), path: "w.txt").publications
        let textPath = WebOfScienceReader.readTabDelimited(bytes: Array(tab.utf8), path: "w.tab").publications
        #expect(bytePath.count == 400 && textPath.count == 400)
        guard bytePath.count == 400 && textPath.count == 400 else { return }
        var affiliated = 0
        for (a, b) in zip(bytePath, textPath) {
            #expect(a.key == b.key && a.authors == b.authors)
            #expect(a.extras.affiliations == b.extras.affiliations, "\(a.key)")
            affiliated += a.extras.affiliations.filter { !$0.isEmpty }.count
        }
        // Most authors are named on a line; some lines name nobody of the record.
        #expect(affiliated > 400, "\(affiliated) authorships with an affiliation")
        #expect(bytePath.contains { $0.extras.affiliations.contains { $0.count > 1 } })
        #expect(bytePath.contains { $0.extras.affiliations.contains { $0.isEmpty } })
    }

    /// How a name of an author list matches when the same bytes name someone in a list of IDs or
    /// affiliations (`ExportNameCache.plainMatch`): no name, the same key as the author's, or
    /// another plain name. Names of the plain shape with a comma skip the second parse; every
    /// name must match as parsing it both ways says.
    @Test func plainMatchesOfAuthorNamesAreThoseOfBothParses() {
        let words = ["Aria", "Massimo", "van", "der", "Berg", "M", "J.", "Müller", "Jörg", "Ébert", "de", "la", "Cruz", "0001",
                     "O'Neil", "García-López", "Liu", "F.", "Jr.", "WANG", "li", "{\\\"o}", "X", ""]
        var random = SplitMix64(seed: 5)
        var names = ["Aria, Massimo", "Aria M", "van der Berg, Jan", "Ébert, Ana", ",", "Smith,", ", John", "Smith, J., Jr.",
                     "Zhang, Wei 0001", "Liu F.", "Wang Li", "A, B", " Aria, Massimo", "Aria,  Massimo", "", " ", ", ", "{}"]
        for _ in 0..<600 {
            var parts = (0..<(1 + Int(random.next() % 4))).map { _ in words[Int(random.next() % UInt64(words.count))] }
            if random.next() % 2 == 0 { parts.insert(",", at: Int(random.next() % UInt64(parts.count + 1))) }
            names.append(parts.joined(separator: " ").replacingOccurrences(of: " ,", with: ","))
        }
        var cache = ExportNameCache()
        var counts = [0, 0, 0]
        for name in names {
            var text = name
            let (id, _) = text.withUTF8 { cache.keyedName(bytes: $0) }
            let keyed = ExportValues.name(name).map(ExportValues.matchKey)
            let plain = ExportValues.plainName(name).map(ExportValues.matchKey)
            let match = cache.plainMatch(ofKeyedName: id)
            if plain == nil {
                #expect(match == .noName, "\(name.debugDescription)")
                counts[0] += 1
            } else if let keyed, let plain, keyed.last == plain.last, keyed.first == plain.first {
                #expect(match == .sameKey, "\(name.debugDescription)")
                counts[1] += 1
            } else {
                if case .plain = match {} else { Issue.record("\(name.debugDescription): \(match)") }
                counts[2] += 1
            }
        }
        #expect(counts[0] > 8 && counts[1] > 100 && counts[2] > 20, "\(counts) no name, same key, other")
    }

    /// MEDLINE values over several lines are joined and collapsed; `[doi]` is found on bytes
    /// unless a character beyond ASCII could join the bracket; addresses are read once each.
    @Test func medlineValuesJoinLinesAndFindTheDOIMarkAsCharactersDo() {
        let prepended = "10.1/x\u{0600}[doi]"
        let text = """
            PMID- 1
            LID - \(prepended)
            LID - 10.1/y [doi]
            FAU - Smith,
                  John\u{00A0} Paul
            AD  - Univ   Naples,
                  Naples, Italy.
            FAU - Doe, Jane
            AD  - Univ   Naples,
                  Naples, Italy.

            PMID- 2
            LID - 10.2/z [doi]
            FAU - Roe, Richard

            """
        let corpus = MedlineReader.read(bytes: Array(text.utf8), path: "m.nbib")
        #expect(corpus.publications.count == 2)
        guard corpus.publications.count == 2 else { return }
        let first = corpus.publications[0]
        #expect(first.authors.map(\.displayName) == ["John Paul Smith", "Jane Doe"])
        #expect(first.doi == (prepended.hasSuffix("[doi]") ? "10.1/x\u{0600}" : "10.1/y"))
        #expect(first.doi == "10.1/y", "U+0600 joins the bracket into one character: no [doi] mark there")
        #expect(first.extras.affiliations.map { $0.map(\.raw) } == [["Univ Naples, Naples, Italy."], ["Univ Naples, Naples, Italy."]])
        #expect(first.extras.affiliations.map { $0.map(\.country) } == [["Italy"], ["Italy"]])
        #expect(corpus.publications[1].doi == "10.2/z")
    }
}

extension TaggedFieldsTests {
    /// Keys of every length from 0 to 40 bytes (the hash reads eight bytes a step, then a tail),
    /// sharing prefixes and differing in one byte or in a trailing zero: each keeps its own value.
    @Test func byteMemoKeepsOneValuePerDistinctKey() {
        var keys: [[UInt8]] = []
        for length in 0...40 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 65) }
            keys.append(base)
            if length > 0 {
                var changed = base
                changed[length - 1] ^= 1
                keys.append(changed)
            }
            keys.append(base + [0])
        }
        #expect(Set(keys).count == keys.count)
        var memo = ByteMemo<Int>()
        var made = 0
        for (index, key) in keys.enumerated() {
            let value = key.withUnsafeBufferPointer { bytes in memo.value(bytes) { made += 1; return index } }
            #expect(value == index)
        }
        for (index, key) in keys.enumerated() {
            #expect(key.withUnsafeBufferPointer { bytes in memo.value(bytes) { -1 } } == index)
        }
        #expect(made == keys.count)
    }

    /// The two-step use (`slot`, then `append` of a value made with other tables at hand) keeps
    /// ids and values in step with the one-step `value`, the memo's own value made for each new
    /// key only.
    @Test func slotsAndAppendedValuesStayInStep() {
        var memo = ByteMemo<String>()
        let words = ["Aria, M", "Cuccurullo, C", "Aria, M", "", "Aria, Massimo", "Cuccurullo, C", ""]
        var ids: [Int] = []
        for (k, word) in words.enumerated() {
            var utf8 = word
            let id = utf8.withUTF8 { bytes -> Int in
                // Every other word through `value`, the rest through `slot` and `append`.
                if k % 2 == 0 {
                    _ = memo.value(bytes) { "made \(word)" }
                    return memo.slot(bytes).id
                }
                let (id, isNew) = memo.slot(bytes)
                if isNew { memo.append("made \(word)") }
                return id
            }
            ids.append(id)
        }
        #expect(ids == [0, 1, 0, 2, 3, 1, 2])
        #expect(ids.map { memo.withValue(at: $0) { $0 } } == words.map { "made \($0)" })
    }
}
