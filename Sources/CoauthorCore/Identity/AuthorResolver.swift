import CPrefetch
import Foundation

/// How author names are matched to people (SPEC §3).
public enum IdentityMode: String, Sendable, CaseIterable {
    /// Names equal after LaTeX decoding, NFC, white space and initials punctuation normalisation.
    case exact
    /// `exact`, plus variants that can only be one person in this corpus.
    case conservative
}

/// Resolved authors: compact integer ids, one per person, and each publication's authors as ids.
public struct AuthorIndex: Sendable {
    /// A name variant that was merged into another person's name, with the evidence.
    public struct Merge: Sendable, Hashable {
        public var variant: String
        public var into: String
        public var reason: String
    }

    /// A name variant kept apart although it looks like others, with the reason.
    public struct NearMiss: Sendable, Hashable {
        public var variant: String
        public var candidates: [String]
        public var reason: String
    }

    /// Display name per author id.
    public var names: [String]
    /// For each publication (same order as the input), its distinct author ids in printed order;
    /// back to back, not one array each (a DBLP-size corpus has millions of publications).
    public var authorsOfPublication: PackedLists<Int32>
    public var merges: [Merge]
    /// Names kept apart, with the reason: people only their IDs tell apart first (made when read:
    /// `KeptApartByIDs`), then those the name rules kept apart.
    /// - Complexity: O(Σ k²) for buckets of k people written alike with IDs that clash, at each read.
    public var nearMisses: [NearMiss] {
        get {
            (keptApartByIDs?.lines() ?? []) + nearMissesByName.map { line in
                let made = line.map(\.text)
                return NearMiss(variant: made.variant, candidates: made.candidates, reason: made.reason)
            }
        }
        set {
            nearMissesByName = newValue.map { KeptApartLine(variant: $0.variant, candidates: $0.candidates, reason: $0.reason).map(KeptApartName.text) }
            keptApartByIDs = nil
        }
    }
    /// A name of a line the name rules kept apart: its text, or the name it is written from,
    /// made into text when the lines are read (few runs read them: `names`, the report).
    enum KeptApartName: Sendable {
        case text(String)
        case written(PersonName)

        var text: String {
            switch self {
            case .text(let text): text
            case .written(let name): name.displayName
            }
        }
    }
    /// A line the name rules kept apart, its names as the rules found them (`Name`: variants
    /// while they run, `KeptApartName`s in the index), made into text when read (`nearMisses`).
    struct KeptApartLine<Name> {
        var variant: Name
        var candidates: [Name]
        var reason: String

        /// The line with each name changed by `change`.
        func map<Other>(_ change: (Name) -> Other) -> KeptApartLine<Other> {
            KeptApartLine<Other>(variant: change(variant), candidates: candidates.map(change), reason: reason)
        }
    }
    private var nearMissesByName: [KeptApartLine<KeptApartName>]
    /// What the kept-apart lines of people only their IDs tell apart are made from.
    var keptApartByIDs: KeptApartByIDs? = nil
    /// The names read before any merging: the distinct names as the identity mode reads them
    /// (`exact` keys: `A.B. Smith` and `A. B. Smith` are one), and each spelling that identity by
    /// ID gave its person's name. Each merge listed joins one of them into a person, so there are
    /// as many as people and merges together (a user trial of session 51 counted written forms,
    /// the ID's spellings left out), but for the line of each alias-file canonical name that no
    /// input writes, which renames a person rather than joining a name read.
    public var variantCount = 0
    /// Problems with the alias rules (names that occur nowhere in the input, contradictions).
    public var diagnostics: [Diagnostic] = []
    /// Each person's identifiers (the union over their authorships), or empty when no input
    /// record gave any.
    public var ids: [AuthorIDs] = []

    init(names: [String], authorsOfPublication: PackedLists<Int32>, merges: [Merge], nearMisses: [NearMiss]) {
        self.names = names
        self.authorsOfPublication = authorsOfPublication
        self.merges = merges
        nearMissesByName = []
        self.nearMisses = nearMisses
    }

    /// As `init(names:authorsOfPublication:merges:nearMisses:)`, with the name rules' lines as
    /// they were found (their names made into text when read).
    init(names: [String], authorsOfPublication: PackedLists<Int32>, merges: [Merge], keptApart: [KeptApartLine<KeptApartName>]) {
        self.names = names
        self.authorsOfPublication = authorsOfPublication
        self.merges = merges
        nearMissesByName = keptApart
    }

    /// Whether any person has an identifier.
    public var hasIDs: Bool { ids.contains { !$0.isEmpty } }

    /// The id of the author whose display name (or any merged variant) is `name`.
    /// The first exact match wins; then the first name with the same exact key; then the person
    /// named by the first merge of a variant with that key.
    /// - Complexity: O(N + M) for N names and M merges (`PersonLookup` answers many at once).
    public func id(named name: String) -> Int32? {
        var lookup = PersonLookup(self)
        return lookup.person(named: name).map { Int32($0) }
    }
}

extension AuthorIndex.KeptApartLine: Sendable where Name: Sendable {}

/// `AuthorIndex.id(named:)` for many names at once: tables made once (the exact keys of every
/// name and merge only when a name asked for is not a display name), instead of searches that
/// parse every name of the index for each name asked for.
struct PersonLookup {
    private let names: [String]
    private let merges: [AuthorIndex.Merge]
    /// Each display name's first person.
    private var byName: [String: Int] = [:]
    /// Each exact key's first person, and each merged variant's first merge target.
    private var byKey: [String: Int]? = nil
    private var intoByKey: [String: String] = [:]

    init(_ index: AuthorIndex) {
        names = index.names
        merges = index.merges
        for (person, name) in names.enumerated() where byName[name] == nil { byName[name] = person }
    }

    /// The person `index.id(named: name)` finds.
    /// - Complexity: O(1) expected, after O(N + M) name parses the first time a name is not a
    ///   display name.
    mutating func person(named name: String) -> Int? {
        if let person = byName[name] { return person }
        if byKey == nil {
            var keys: [String: Int] = [:]
            for (person, name) in names.enumerated() {
                let key = NameKey.exactKey(displayName: name)
                if keys[key] == nil { keys[key] = person }
            }
            byKey = keys
            for merge in merges {
                let key = NameKey.exactKey(displayName: merge.variant)
                if intoByKey[key] == nil { intoByKey[key] = merge.into }
            }
        }
        let key = NameKey.exactKey(displayName: name)
        if let person = byKey![key] { return person }
        // The first merge of a variant with this key, if its target is a display name.
        if let person = intoByKey[key].flatMap({ byName[$0] }) { return person }
        return person(foldedLike: name)
    }

    /// Each display name's folded exact key (case, accents and separators aside) and its person,
    /// -1 where two people's names fold alike.
    private var byFoldedKey: [String: Int]? = nil

    /// The one person whose name is `name` up to case, accents and punctuation (`kou, gang` for
    /// `Gang Kou`), or written surname first before its initials without a comma, as Scopus's
    /// `Authors` column writes it (`Barjis I.` for `I. Barjis`), or with initials for given names
    /// (`D. Papailiopoulos`); nil where none, or several, are (a user trial of session 51:
    /// `--focus` found `Kou, Gang` but not `kou, gang`).
    /// - Complexity: O(N) folds of the display names, and a parse of those holding the surname.
    private mutating func person(foldedLike name: String) -> Int? {
        if byFoldedKey == nil {
            var keys: [String: Int] = [:]
            for (person, shown) in names.enumerated() {
                let key = NameKey.fold(NameKey.exactKey(displayName: shown))
                keys[key] = keys[key].map { $0 == person ? person : -1 } ?? person
            }
            byFoldedKey = keys
        }
        var candidates = [name]
        let words = name.split(separator: " ")
        if !name.contains(","), words.count >= 2, let last = words.last,
           Array(last.utf8).withUnsafeBufferPointer({ ExportValues.isASCIIInitials($0) }) {
            candidates.append(([last] + words.dropLast()).joined(separator: " "))
        }
        for candidate in candidates {
            if let person = byFoldedKey![NameKey.fold(NameKey.exactKey(displayName: candidate))], person >= 0 { return person }
        }
        // Initials for given names (`Papailiopoulos D.`, `D. Papailiopoulos`): the one person with
        // that surname whose given names those initials begin.
        for candidate in candidates {
            guard let asked = NameParser.parsePlainName(candidate), !asked.last.isEmpty else { continue }
            let surname = NameKey.fold(asked.von + asked.last)
            let initials = NameKey.givenTokens(asked.first).map { NameKey.fold($0) }
            guard !initials.isEmpty else { continue }
            var found: Int? = nil
            for (person, shown) in names.enumerated() where NameKey.fold(shown).contains(surname) {
                guard let name = NameParser.parsePlainName(shown), NameKey.fold(name.von + name.last) == surname else { continue }
                // An initial stands for any given name it begins; a whole given name for itself
                // (`Wei Wang` is not `Weimin Wang`).
                let given = NameKey.givenTokens(name.first).map { NameKey.fold($0) }
                guard given.count >= initials.count,
                      zip(initials, given).allSatisfy({ $0.count == 1 ? $1.hasPrefix($0) : $1 == $0 }) else { continue }
                if found != nil && found != person { return nil }
                found = person
            }
            if let found { return found }
        }
        return nil
    }
}

/// Normalised keys for name comparison.
enum NameKey {
    /// Given-name tokens: split on blanks, dots and hyphens (`R.H.` → `R H`, `Jy-yong` → `Jy yong`).
    static func givenTokens(_ given: String) -> [Substring] {
        let utf8 = given.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return given.split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "-" || $0 == "‐" })
        }
        // ASCII (nearly every name): the same split on bytes, without grapheme breaking.
        var tokens: [Substring] = []
        var start: String.Index? = nil
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if isWhitespace(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                if let open = start { tokens.append(given[open..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            utf8.formIndex(after: &index)
        }
        if let open = start { tokens.append(given[open..<utf8.endIndex]) }
        return tokens
    }

    /// The `exact` identity key of a parsed name.
    static func exactKey(_ name: PersonName) -> String {
        var key: [UInt8] = []
        appendExactKey(name, to: &key)
        return String(decoding: key, as: UTF8.self)
    }

    /// Appends the UTF-8 of `exactKey(name)` to `key` (no string is built): the name as written
    /// in its natural order (given names with their initials normalised, von part, surname),
    /// then its suffix and homonym mark. Two parses of one written name are one exact name:
    /// Web of Science writes some people `Antonio Gomez-Ruiz, Jose` (the given name in the
    /// surname) where other records write `Gomez-Ruiz, Jose Antonio`; both are the written name
    /// `Jose Antonio Gomez-Ruiz`, and were two people under one label.
    static func appendExactKey(_ name: PersonName, to key: inout [UInt8]) {
        // (Most names have no suffix: they are read as they are, not copied.)
        if mayHaveGeneration(name) {
            appendExactKeyOfParts(generationalNormalized(name), to: &key)
        } else {
            appendExactKeyOfParts(name, to: &key)
        }
    }

    private static func appendExactKeyOfParts(_ name: PersonName, to key: inout [UInt8]) {
        let start = key.count
        appendWords(name.first, to: &key, start: start)
        // The surname's initials and periods as the given names' (`R. Schwer, Sylviane`, an
        // initial read into the surname, is `Schwer, Sylviane R.` written otherwise: two people
        // under one label in the ACL Anthology, a user trial of session 53).
        if !name.von.isEmpty { appendWords(name.von, to: &key, start: start) }
        if !name.last.isEmpty {
            if name.last.utf8.contains(UInt8(ascii: ".")) || name.last.utf8.contains(where: isWhitespace) {
                appendWords(name.last, to: &key, start: start)
            } else {
                if key.count > start { key.append(0x20) }
                key.append(contentsOf: name.last.utf8)
            }
        }
        key.append(UInt8(ascii: "|"))
        key.append(contentsOf: name.jr.utf8)
        key.append(UInt8(ascii: "|"))
        key.append(contentsOf: name.homonym.utf8)
    }

    /// A generational suffix's one spelling (`Jr.`, `junior` → `Jr`; `3rd`, `iii` → `III`), nil for
    /// a word that is none.
    static func generation(_ word: Substring) -> String? {
        var folded = word.lowercased()
        while folded.hasSuffix(".") { folded.removeLast() }
        switch folded {
        case "jr", "junior": return "Jr"
        case "sr", "senior": return "Sr"
        case "ii", "2nd": return "II"
        case "iii", "3rd": return "III"
        case "iv", "4th": return "IV"
        default: return nil
        }
    }

    /// `name` with its generational suffix, wherever a source wrote it, as its `jr` in one spelling:
    /// `Nyberg, 3rd, Eric H.`, `Nyberg 3rd, Eric H.` (in the surname), `Eric H. Nyberg 3rd` (read
    /// as the surname), `Nyberg, Eric H., III` (in the given names' place) and `Nyberg, III, Eric
    /// H.` are one name (four people in the ACL Anthology: a user trial of session 53). A name
    /// with a suffix and one without stay two names (a father and a son).
    static func generationalNormalized(_ name: PersonName) -> PersonName {
        guard mayHaveGeneration(name) else { return name }
        var n = name
        if !n.jr.isEmpty, let suffix = generation(n.jr[...]) { n.jr = suffix }
        // The given names where the suffix goes (`Last, Jr, First` written `Last, First, Jr`).
        if let suffix = generation(n.first[...]), !n.jr.isEmpty, generation(n.jr[...]) == nil {
            (n.first, n.jr) = (n.jr, suffix)
        }
        guard n.jr.isEmpty else { return n }
        // At the end of the given names (`Smith, John Jr.`).
        let firstWords = n.first.split(separator: " ")
        if firstWords.count >= 2, let suffix = generation(firstWords.last!) {
            n.first = firstWords.dropLast().joined(separator: " ")
            n.jr = suffix
            return n
        }
        let lastWords = n.last.split(separator: " ")
        if lastWords.count >= 2, let suffix = generation(lastWords.last!) {
            n.last = lastWords.dropLast().joined(separator: " ")
            n.jr = suffix
        } else if lastWords.count == 1, let suffix = generation(lastWords[0]), !["senior", "junior", "ii", "sr"].contains(lastWords[0].lowercased()) {
            // (`Senior`, `Junior`, `Ii` and `Sr` alone are surnames too: `Andrew W. Senior`.)
            guard firstWords.count >= 2 else { return n }
            n.last = String(firstWords.last!)
            n.first = firstWords.dropLast().joined(separator: " ")
            n.jr = suffix
        }
        return n
    }

    /// Whether `name` has a suffix, or a word that may be one where suffixes are written: asked of
    /// every name, the common case (none) is told from a few bytes.
    @inline(__always) private static func mayHaveGeneration(_ name: PersonName) -> Bool {
        !name.jr.isEmpty || endsWithGenerationWord(name.last) || endsWithGenerationWord(name.first)
    }

    /// Whether the last word of `text` (after its last blank) is a generational suffix.
    private static func endsWithGenerationWord(_ text: String) -> Bool {
        let utf8 = text.utf8
        // The last byte of every suffix (`jr`, `Sr.`, `III`, `3rd`, `4th`, `IV`, `junior`).
        guard let end = utf8.last, "rRiIdDhHvV.".utf8.contains(end) else { return false }
        var index = utf8.endIndex
        var length = 0
        while index != utf8.startIndex {
            let before = utf8.index(before: index)
            if utf8[before] == 0x20 { break }
            index = before
            length += 1
            if length > 7 { return false }
        }
        // Only a word that starts as a suffix does is folded (asked of every name).
        guard length > 0, let lead = text.utf8[index...].first, "jJsSiI234".utf8.contains(lead) else { return false }
        return generation(text[index...]) != nil
    }

    /// Appends `text`'s words, split at blanks and periods, each after one blank unless the key
    /// is still empty from `start` (`R.H.` → `R H`).
    private static func appendWords(_ text: String, to key: inout [UInt8], start: Int) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var pending = key.count > start
            var any = false
            for byte in text.utf8 {
                if isWhitespace(byte) || byte == UInt8(ascii: ".") {
                    pending = pending || any
                } else {
                    if pending { key.append(0x20) }
                    pending = false
                    any = true
                    key.append(byte)
                }
            }
        } else {
            let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "." })
            guard !words.isEmpty else { return }
            if key.count > start { key.append(0x20) }
            key.append(contentsOf: words.joined(separator: " ").utf8)
        }
    }

    /// The `exact` key of a display string (parsed the way a user would type it on the command line).
    static func exactKey(displayName: String) -> String {
        guard let parsed = NameParser.parseName(displayName) else { return displayName }
        return exactKey(parsed)
    }

    /// For each token of `foldedGivenTokens(given)`, whether a hyphen joins it to the token
    /// before as a part of one compound given name (`Ting-Wei` → false, true; `T.-W.` → false,
    /// true; `Ting Wei` → false, false). An initial after a spelled-out part is no such part
    /// (`Antonio-L.`, the hyphen a slip for a blank).
    static func givenTokenJoins(_ given: String) -> [Bool] {
        var joins: [Bool] = []
        var hyphen = false, inToken = false, letters = 0, previousLetters = 0
        func close() {
            if inToken && letters > 0 {
                joins.append(hyphen && !joins.isEmpty && (letters > 1 || previousLetters == 1))
                previousLetters = letters
            }
            if inToken { hyphen = false }
            inToken = false
            letters = 0
        }
        for character in given {
            if character == "-" || character == "‐" {
                close()
                hyphen = true
            } else if character.isWhitespace {
                close()
                hyphen = false
            } else if character == "." {
                close()
            } else {
                if !inToken { inToken = true }
                if character != "'" && character != "’" { letters += 1 }
            }
        }
        close()
        return joins
    }

    /// `givenTokens(given)` each folded, empty ones dropped; `scratch` is reused working space.
    static func foldedGivenTokens(_ given: String, scratch: inout [UInt8]) -> [String] {
        let utf8 = given.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return givenTokens(given).map { fold($0) }.filter { !$0.isEmpty }
        }
        var tokens: [String] = []
        scratch.removeAll(keepingCapacity: true)
        for byte in utf8 {
            if isWhitespace(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                if !scratch.isEmpty { tokens.append(String(decoding: scratch, as: UTF8.self)) }
                scratch.removeAll(keepingCapacity: true)
            } else if byte != UInt8(ascii: "'") {
                scratch.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
        }
        if !scratch.isEmpty { tokens.append(String(decoding: scratch, as: UTF8.self)) }
        return tokens
    }

    /// Appends the UTF-8 of `foldedGivenTokens(given)`, each token followed by a blank, to
    /// `bytes` (no strings are built); returns the first token's first character, nil when
    /// there is no token.
    static func appendFoldedGivenTokens(_ given: String, to bytes: inout [UInt8]) -> Character? {
        guard given.utf8.allSatisfy({ $0 < 0x80 }) else {
            var scratch: [UInt8] = []
            let tokens = foldedGivenTokens(given, scratch: &scratch)
            for token in tokens {
                bytes.append(contentsOf: token.utf8)
                bytes.append(0x20)
            }
            return tokens.first?.first
        }
        var initial: UInt8? = nil
        var length = 0
        for byte in given.utf8 {
            if isWhitespace(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                if length > 0 { bytes.append(0x20) }
                length = 0
            } else if byte != UInt8(ascii: "'") {
                let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if initial == nil { initial = folded }
                bytes.append(folded)
                length += 1
            }
        }
        if length > 0 { bytes.append(0x20) }
        return initial.map { Character(UnicodeScalar($0)) }
    }

    /// Appends a key that two names share when the resolver's rules read them as the same name
    /// (`same name up to case, accents and punctuation`): the folded given-name tokens, the
    /// folded surname with its particle, the folded suffix, the homonym number. Parts beyond
    /// ASCII are folded once each (Foundation's folding costs microseconds): `folded` keeps them.
    static func appendFoldedKey(_ name: PersonName, to bytes: inout [UInt8], folded: inout [String: [UInt8]]) {
        func append(_ part: String, _ fold: (String, inout [UInt8]) -> Void) {
            if part.utf8.allSatisfy({ $0 < 0x80 }) {
                fold(part, &bytes)
            } else if let known = folded[part] {
                bytes.append(contentsOf: known)
            } else {
                var made: [UInt8] = []
                fold(part, &made)
                folded[part] = made
                bytes.append(contentsOf: made)
            }
        }
        append(name.first) { _ = appendFoldedGivenTokens($0, to: &$1) }
        bytes.append(UInt8(ascii: "|"))
        append(name.von) { appendFolded($0, to: &$1) }
        append(name.last) { appendFolded($0, to: &$1) }
        bytes.append(UInt8(ascii: "|"))
        append(name.jr) { appendFolded($0, to: &$1) }
        bytes.append(UInt8(ascii: "|"))
        bytes.append(contentsOf: name.homonym.utf8)
    }

    /// Whether a name's homonym part is a person's ID set there as a mark (`[ORCID 0000-…]`,
    /// `AuthorIDGroups`), not a DBLP homonym number.
    static func isIDMark(_ homonym: String) -> Bool { homonym.utf8.first == UInt8(ascii: "[") }

    /// A name's words in their natural order, each folded (`fold`), hyphens as blanks:
    /// `Ignacio Pelaez, Jose` and `Peláez, José Ignacio` are the same words; `Ali, Ann` and
    /// `Li, Anna` are not.
    static func foldedWords(of name: PersonName) -> [String] {
        [name.first, name.von, name.last, name.jr].joined(separator: " ")
            .split(whereSeparator: { $0.isWhitespace || $0 == "-" }).map(fold).filter { !$0.isEmpty }
    }

    /// Whether display form `a` is shown before `b` where the two are as frequent and as long:
    /// mixed case before capitals, then the form with more letters beyond ASCII (its accents kept:
    /// `José Ignacio Peláez`, not `Jose Ignacio Pelaez`), then the first in alphabetical order. A
    /// merged copy of a paper keeps the same forms (`PublicationMatch.isFuller`).
    static func isShownBefore(_ a: String, _ b: String) -> Bool {
        let (capitalsA, capitalsB) = (a == a.uppercased(), b == b.uppercased())
        if capitalsA != capitalsB { return capitalsB }
        let (accentsA, accentsB) = (a.unicodeScalars.count { $0.value >= 0x80 }, b.unicodeScalars.count { $0.value >= 0x80 })
        if accentsA != accentsB { return accentsA > accentsB }
        return a < b
    }

    /// Appends the UTF-8 of `fold(text)` to `bytes`.
    static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            bytes.append(contentsOf: fold(text).utf8)
            return
        }
        for byte in text.utf8 where !(isWhitespace(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'")) {
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
    }

    /// Case- and diacritic-insensitive form with hyphens, blanks, dots and apostrophes removed.
    static func fold(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 where !(isWhitespace(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "'")) {
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // One pass: separators dropped, and the letters folding keeps apart spelled as their
        // usual transliterations (ø → o, ł → l, ß → ss, æ → ae).
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "-", "\u{2010}", " ", ".", "'", "\u{2019}": continue
            case "ø": out.append("o")
            case "ł": out.append("l")
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            default: if !scalar.properties.isWhitespace { out.append(scalar) }
            }
        }
        return String(out)
    }
}

/// Assigns author ids to the names of a corpus (SPEC §3).
public enum AuthorResolver {
    /// Surname particles that a capital turns into given names in BibTeX's reading (`De La Cruz`).
    static let particles: Set<String> = ["de", "la", "le", "del", "della", "di", "da", "das", "dos", "du", "van", "von", "der", "den", "ten", "ter"]
    /// `particles`, each as its bytes packed in a word, first byte highest (`particlesLowered`).
    private static let packedParticles = Set(particles.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    /// `name` written with its capitalised particles in lower case and read again (`Mary De La
    /// Cruz`, given names `Mary De La`, is `Mary de la Cruz`), or nil where it has none: only
    /// words between the first given name and the surname count.
    static func particlesLowered(_ name: PersonName) -> PersonName? {
        guard name.von.isEmpty, !name.last.isEmpty else { return nil }
        // Asked of every variant: most are told apart by the given names' last word alone, read
        // where the string keeps its bytes (a particle is an upper-case ASCII letter and one to
        // four more ASCII letters, looked up packed in a word: many middle names are that short).
        var first = name.first
        let mayEndInParticle = first.withUTF8 { bytes -> Bool in
            var space = bytes.count - 1
            while space >= 0, bytes[space] != 0x20 { space -= 1 }
            let tail = bytes.count - space - 1
            guard space > 0 && tail >= 2 && tail <= 5 && bytes[space + 1] >= 0x41 && bytes[space + 1] <= 0x5A else { return false }
            var packed: UInt64 = 0
            for byte in bytes[(space + 1)...] {
                // ASCII letters only; lower case is a letter's own with bit 5 set.
                guard (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A else { return false }
                packed = packed << 8 | UInt64(byte | 0x20)
            }
            return packedParticles.contains(packed)
        }
        guard mayEndInParticle else { return nil }
        let given = name.first.split(separator: " ")
        guard given.count >= 2, let tail = given.last, particles.contains(tail.lowercased()),
              tail.first?.isUppercase == true else { return nil }
        var words = Array(given)
        var k = words.count - 1
        while k >= 1, particles.contains(words[k].lowercased()) {
            words[k] = Substring(words[k].lowercased())
            k -= 1
        }
        var lowered = name
        lowered.first = words[...k].joined(separator: " ")
        lowered.von = words[(k + 1)...].joined(separator: " ")
        return lowered
    }

    /// The reason of a less specific name joined to the one fuller form compatible with it.
    static let onlyFullerForm = "the only fuller form of these given names with this surname"
    /// The same merge listed from the fuller form, where the person is shown by another spelling
    /// (written more often, or the alias file's).
    static let shownByAShorterForm = "its fuller form, the only one of these given names with this surname (the person is shown by another spelling)"

    /// Resolves every author of `publications`.
    ///
    /// Alias-file merges are applied first, in both modes. In `conservative` mode, the names of
    /// one person record (DBLP `www`) are merged next; then names are grouped by folded surname
    /// (and homonym number), and within a group a less specific variant (initials, missing
    /// middle name) joins a more specific one only when exactly one most-specific variant is
    /// compatible with it. A `distinct` pair of the alias file is never joined by any rule.
    /// - Parameters:
    ///   - aliases: forced merges and forbidden ones; names absent from the input are reported in `diagnostics`.
    ///   - personRecords: identity evidence from the input (used in `conservative` mode only).
    /// - Complexity: O(A + Σ k² + M·D) for A authorships, k variants per surname and initial,
    ///   M merges and D distinct pairs.
    public static func resolve(_ publications: [Publication], mode: IdentityMode,
                               aliases: AliasRules = AliasRules(), personRecords: [PersonRecord] = []) -> AuthorIndex {
        if let identified = AuthorIDGroups(publications) {
            return resolve(identified, mode: mode, aliases: aliases, personRecords: personRecords, publications: publications)
        }
        var table = InternedAuthors(publications)
        return resolve(emptying: &table, mode: mode, aliases: aliases, personRecords: personRecords, identified: [],
                       publications: publications).index
    }

    /// Resolves publications whose identified authorships were grouped by ID (SPEC §3: IDs first,
    /// in both modes), and gives each person the union of its IDs.
    private static func resolve(_ identified: consuming AuthorIDGroups, mode: IdentityMode, aliases: AliasRules,
                                personRecords: [PersonRecord], publications: [Publication]) -> AuthorIndex {
        // The table is handed over, so that the resolution frees its parts as it is done with them.
        var table = take(&identified.interned, leaving: InternedAuthors(names: [], ids: [], starts: [0]))
        let entries = identified.entriesWithIDs
        let spellings = identified.displayFormsWrittenOtherwise.map { ($0.person, identified.evidence.spellingNames[Int($0.spelling)]) }
        // The groups' IDs and the evidence are made beside the name rules, which run on one core.
        let evidence = identified.evidence
        let (made, resolved) = runBeside({ evidence.make() }, here: {
            resolve(emptying: &table, mode: mode, aliases: aliases, personRecords: personRecords, identified: entries, spellings: spellings,
                    publications: publications)
        })
        var index = resolved.index
        let personOfGroup = resolved.persons
        // Each group's person is that of its display form's entry, under which all its
        // authorships are.
        var ids = [AuthorIDs](repeating: AuthorIDs(), count: index.names.count)
        for group in made.groupIDs.indices where personOfGroup[group] >= 0 {
            ids[personOfGroup[group]].fill(from: made.groupIDs[group])
        }
        index.ids = ids
        // The evidence names each person by its final display name.
        let byID = zip(made.merges, made.mergeGroups).map { merge, group in
            var m = merge
            let person = personOfGroup[Int(group)]
            m.into = person >= 0 ? index.names[person] : identified.groupNames[Int(group)].displayName
            return m
        }.filter { $0.variant != $0.into }
        // A spelling that some authorships carry with the person's ID and others without is one
        // line, the ID's (a user trial of session 50: `José Ignacio Peláez → Jose Ignacio Pelaez`
        // was listed twice, by its ORCID and as written so by the identified person).
        let listed = Set(byID.lazy.map { [$0.variant, $0.into] })
        let byRules = index.merges.filter { !listed.contains([$0.variant, $0.into]) }
        // A spelling renamed by its ID is no name of the rules: counted by its line, unless the
        // rules' list had it too (written without the ID as well).
        index.variantCount += byID.count - (index.merges.count - byRules.count)
        index.merges = byID + byRules
        index.keptApartByIDs = made.keptApart
        index.diagnostics = identified.conflicts + index.diagnostics
        return index
    }

    /// Resolves every author of `corpus` (its person records are the identity evidence), using
    /// the name table its reader built when there is one.
    /// - Complexity: as `resolve(_:mode:aliases:personRecords:)`.
    public static func resolve(_ corpus: Corpus, mode: IdentityMode, aliases: AliasRules = AliasRules()) -> AuthorIndex {
        var table = corpus.internedAuthors
        return resolve(corpus, emptying: &table, mode: mode, aliases: aliases)
    }

    /// `resolve(_:mode:aliases:)` with the reader's name table handed over in `table` (not in the
    /// corpus): its parts are freed as the resolution is done with them, and nil is left.
    static func resolve(_ corpus: Corpus, emptying table: inout InternedAuthors?, mode: IdentityMode,
                        aliases: AliasRules) -> AuthorIndex {
        defer { table = nil }
        if let identified = AuthorIDGroups(corpus.publications) {
            return resolve(identified, mode: mode, aliases: aliases, personRecords: corpus.personRecords, publications: corpus.publications)
        }
        if !(table?.matches(corpus.publications) ?? false) { table = InternedAuthors(corpus.publications) }
        return resolve(emptying: &table!, mode: mode, aliases: aliases, personRecords: corpus.personRecords, identified: [],
                       publications: corpus.publications).index
    }

    /// Resolves interned authorships (see `resolve(_:mode:aliases:personRecords:)`).
    /// - Complexity: O(A + N + Σ k² + M·D) for A authorships and N table names.
    public static func resolve(_ interned: InternedAuthors, mode: IdentityMode,
                               aliases: AliasRules = AliasRules(), personRecords: [PersonRecord] = []) -> AuthorIndex {
        resolve(interned, mode: mode, aliases: aliases, personRecords: personRecords, identified: []).index
    }

    /// As the public form, with the table entries of people identified by ID and the kinds of
    /// person ID each carries (`AuthorIDs.Kind` bits): no rule joins two names that carry one
    /// kind. Also gives the person of each of those entries (-1 for none).
    static func resolve(_ interned: InternedAuthors, mode: IdentityMode, aliases: AliasRules, personRecords: [PersonRecord],
                        identified: [(entry: Int32, kinds: UInt8, writtenAlike: Bool)]) -> (index: AuthorIndex, persons: [Int]) {
        var table = interned
        return resolve(emptying: &table, mode: mode, aliases: aliases, personRecords: personRecords, identified: identified)
    }

    /// As `resolve(_:mode:aliases:personRecords:identified:)`, emptying `interned` on the way: a
    /// caller that holds the only copy sees the reader's names and authorships freed as soon as
    /// they are done with (on DBLP, 60 MB a million papers before the merging, the resolution's
    /// peak).
    /// - Parameter spellings: identified people's display forms written otherwise
    ///   (`AuthorIDGroups.displayFormsWrittenOtherwise`), by place in `identified`: an ID-less
    ///   name written as one of them, by one person only, is that person.
    private static func resolve(emptying interned: inout InternedAuthors, mode: IdentityMode, aliases: AliasRules, personRecords: [PersonRecord],
                                identified: [(entry: Int32, kinds: UInt8, writtenAlike: Bool)],
                                spellings: [(person: Int, name: PersonName)] = [],
                                publications: [Publication]? = nil) -> (index: AuthorIndex, persons: [Int]) {
        // 1. Distinct written forms, then exact variants (forms with the same exact key).
        var occurrences = occurrenceCounts(of: interned.ids, below: interned.names.count)
        // Exact keys are made on all cores; table entries with one key are one variant.
        let tableNames = interned.names
        var exactKeys = { [tableNames] in
            KeyBatch.make(count: tableNames.count) { entry, bytes in NameKey.appendExactKey(tableNames[entry], to: &bytes) }
        }()
        // Variants numbered in order of first appearance, their keys found on all cores.
        var variantKeys = { [occurrences] in DistinctKeys(exactKeys, including: { occurrences[$0] > 0 }) }()
        var variantOfName = variantKeys.takeNumbers()
        // Room for every variant at once: grown by doubling, the variants' names were copied into a
        // new buffer again and again, each one's pages new to the process (in a profile of 8M DBLP
        // papers, half a second on one core, most of it the kernel clearing those pages).
        var variantNames: [PersonName] = []
        variantNames.reserveCapacity(variantKeys.count)
        // Each variant's table entries as a linked list, in table order.
        var firstEntry: [Int32] = []
        var lastEntry: [Int32] = []
        firstEntry.reserveCapacity(variantKeys.count)
        lastEntry.reserveCapacity(variantKeys.count)
        var nextEntry = [Int32](repeating: -1, count: interned.names.count)
        for entry in variantOfName.indices where variantOfName[entry] >= 0 {
            let variant = Int(variantOfName[entry])
            if variant == variantNames.count {
                variantNames.append(NameKey.generationalNormalized(tableNames[entry]))
                firstEntry.append(Int32(entry))
                lastEntry.append(Int32(entry))
            } else {
                nextEntry[Int(lastEntry[variant])] = Int32(entry)
                lastEntry[variant] = Int32(entry)
            }
        }
        // The table holds the keys now (on DBLP, 40 bytes a name that the merging below would hold too).
        exactKeys = []
        // Distinct written forms within each variant (the table may hold a name twice); each
        // variant's forms are consecutive, `formStarts[v]..<formStarts[v + 1]`.
        var forms: [Form] = []
        forms.reserveCapacity(variantNames.count)
        var formStarts: [Int] = [0]
        formStarts.reserveCapacity(variantNames.count + 1)
        for variant in variantNames.indices {
            var entry = Int(firstEntry[variant])
            let own = forms.count
            while entry >= 0 {
                if let same = (own..<forms.count).first(where: { tableNames[Int(forms[$0].entry)] == tableNames[entry] }) {
                    forms[same].count += Int(occurrences[entry])
                } else {
                    forms.append(Form(entry: Int32(entry), count: Int(occurrences[entry])))
                }
                entry = Int(nextEntry[entry])
            }
            formStarts.append(forms.count)
            // A variant written in several forms is one written name read several ways
            // (`Paetzold, Gustavo Henrique` and `Henrique Paetzold, Gustavo`); the name rules read
            // its most frequent form (ties: the shortest surname), not the first met, which put
            // it among another surname's names (a user trial of session 53: `Sadid Hasan` stayed
            // apart from `Sadid A. Hasan`, first met as `A. Hasan, Sadid`).
            if forms.count - own > 1 {
                let best = (own..<forms.count).max { a, b in
                    let (x, y) = (tableNames[Int(forms[a].entry)], tableNames[Int(forms[b].entry)])
                    return forms[a].count != forms[b].count ? forms[a].count < forms[b].count : x.last.count > y.last.count
                }!
                variantNames[variant] = NameKey.generationalNormalized(tableNames[Int(forms[best].entry)])
            }
        }
        // The forms name their table entries (a copy of each name, 40 bytes with its references
        // counted, made the forms' buffer four times larger, all of it pages new to the process:
        // on 8M DBLP papers about a second on one core). The table's names stay (`tableNames`);
        // the interner's reference to them and the entry lists go.
        interned.names = []
        occurrences = []
        nextEntry = []
        firstEntry = []
        lastEntry = []
        func formsOfVariant(_ variant: Int) -> Range<Int> { formStarts[variant]..<formStarts[variant + 1] }
        func variantIndex(_ key: String) -> Int? { variantKeys.find(Array(key.utf8)[...]) }
        // A parsed name's variant, its exact key made in one reused buffer.
        var keyBytes: [UInt8] = []
        func variant(of name: PersonName) -> Int? {
            keyBytes.removeAll(keepingCapacity: true)
            NameKey.appendExactKey(name, to: &keyBytes)
            return variantKeys.find(keyBytes[...])
        }
        // Each publication's variants, back to back; the variant of each identified entry.
        let pubVariants = { [variantOfName] in parallelMap(interned.ids) { variantOfName[Int($0)] } }()
        let identifiedVariants = identified.map { Int(variantOfName[Int($0.entry)]) }
        interned.ids = []
        variantOfName = []
        let pubStarts = interned.starts
        let publicationCount = interned.publicationCount

        // 2. Clusters of variants (union into a representative).
        var clusters = Clusters(count: variantNames.count)
        // Each merge with the variant it moved (whose person names it at the end).
        var merges: [(merge: AuthorIndex.Merge, variant: Int)] = []
        var nearMisses: [AuthorIndex.KeptApartLine<PendingName>] = []
        var diagnostics: [Diagnostic] = []
        // A variant's display form: its most frequent form (ties: the alphabetically first). The
        // rules below ask for the few they name; every variant's comes beside the per-paper pass.
        func display(of variant: Int) -> String {
            let members = formsOfVariant(variant)
            func shown(_ form: Int) -> String { tableNames[Int(forms[form].entry)].displayName }
            return members.count == 1 ? shown(members.lowerBound) : shown(members.max { forms[$0].count < forms[$1].count || (forms[$0].count == forms[$1].count && shown($0) > shown($1)) }!)
        }
        for (variant, (_, kinds, writtenAlike)) in zip(identifiedVariants, identified) where kinds != 0 {
            clusters.carry(kinds, at: variant)
            if writtenAlike { clusters.markWrittenAlike(variant) }
        }
        // The names the alias file gives its merges' people, at a variant of each.
        var aliasNames: [(variant: Int, name: String)] = []
        if !aliases.isEmpty {
            // A name the alias file writes in another case or without its accents (`alex dimakis`
            // for `Alex Dimakis`) is every variant written so: the index is made only when a name
            // is not found as written.
            var foldedVariants: [String: [Int]]? = nil
            func variants(foldedLike key: String) -> [Int] {
                if foldedVariants == nil {
                    foldedVariants = Dictionary(grouping: variantNames.indices) { Self.aliasFolded(NameKey.exactKey(variantNames[$0])) }
                }
                return foldedVariants?[Self.aliasFolded(key)] ?? []
            }
            aliasNames = applyAliases(aliases, variantIndex: variantIndex, variantsFoldedLike: variants(foldedLike:), display: display(of:),
                                      clusters: &clusters, merges: &merges, diagnostics: &diagnostics)
        }
        // An ID-less name written as an identified person writes its display form otherwise on
        // another paper (by that person alone) is that person, in both modes, after the alias
        // file (whose `distinct` pairs no rule joins): the person's authorships were all renamed
        // to its display form (`Jose Ignacio Pelaez`), and `José Ignacio Peláez` without an ID
        // would otherwise stay apart from the person who writes it.
        if !spellings.isEmpty {
            var personOfVariant: [Int: Int] = [:]
            for (person, name) in spellings {
                guard let found = variant(of: name), found != identifiedVariants[person], clusters.idKinds(of: found) == 0 else { continue }
                let known = personOfVariant[found]
                personOfVariant[found] = known == nil || known == person ? person : -1
            }
            for (found, person) in personOfVariant.sorted(by: { $0.key < $1.key }) where person >= 0 {
                let into = identifiedVariants[person]
                guard clusters.find(found) != clusters.find(into), clusters.union(into, found) else { continue }
                merges.append((.init(variant: display(of: found), into: display(of: into),
                                     reason: "written so by this identified person on another paper"), found))
            }
        }
        if mode == .conservative {
            for record in personRecords {
                let present = record.names.compactMap { variant(of: $0) }
                guard let first = present.first else { continue }
                for variant in present.dropFirst() where clusters.find(variant) != clusters.find(first) {
                    if clusters.union(first, variant) {
                        merges.append((.init(variant: display(of: variant), into: display(of: first), reason: "DBLP person record at \(record.location)"), variant))
                    }
                }
            }
            // A particle written with a capital (`Mary De La Cruz`) makes BibTeX read it as a given
            // name, so the name falls in another surname's group than `Mary de la Cruz`: the same
            // name up to case, joined here (a user trial of session 51 found them apart, unlisted).
            for written in variantNames.indices {
                guard let lowered = Self.particlesLowered(variantNames[written]), let same = variant(of: lowered), same != written,
                      clusters.find(same) != clusters.find(written), clusters.union(same, written) else { continue }
                merges.append((.init(variant: display(of: written), into: display(of: same), reason: "same name up to case, accents and punctuation"), written))
            }
            // The affiliations' countries, where the publications are at hand (not when a table
            // of names alone is resolved) and describe the table.
            var countries = publications.flatMap { publications in
                publications.count == publicationCount && pubStarts.last == pubVariants.count
                    ? VariantCountries(publications: publications, names: variantNames, pubVariants: pubVariants, pubStarts: pubStarts)
                    : nil
            }
            mergeConservatively(variantNames, display: display(of:), clusters: &clusters, merges: &merges, nearMisses: &nearMisses,
                                countries: &countries, pubVariants: pubVariants, pubStarts: pubStarts)
        }
        let parent = clusters.roots()

        // 3. Dense ids in order of first appearance, and every variant's display form: the
        // per-paper pass on a thread of its own, into buffers made here, and the display strings
        // here (on the calling thread, so that they come from the heap the rest of the run uses:
        // made on another thread they raised the 1M-paper peak by 12 MB).
        let pass = PersonPass(variantCount: variantNames.count, publicationCount: publicationCount,
                              authorshipCount: pubVariants.count)
        let displays = runBeside({ [pubVariants, pubStarts, parent] in
            pass.run(pubVariants: pubVariants, pubStarts: pubStarts, parent: parent)
        }, here: {
            variantNames.indices.map(display(of:))
        }).1
        let personOfVariant = pass.personOfVariant
        let firstVariant = pass.firstVariant
        let moreVariants = pass.moreVariants
        let authorsOfPublication = pass.authorsOfPublication
        // A person an alias file's merge names is shown by that name (the first rule's, where
        // the rules' people became one).
        var aliasNameOfRoot: [Int: String] = [:]
        for (variant, name) in aliasNames where aliasNameOfRoot[parent[variant]] == nil { aliasNameOfRoot[parent[variant]] = name }
        let names = firstVariant.indices.map { person in
            if !aliasNameOfRoot.isEmpty, let name = aliasNameOfRoot[parent[firstVariant[person]]] { return name }
            guard let more = moreVariants[person] else {
                let variant = firstVariant[person]
                return formsOfVariant(variant).count == 1 ? displays[variant] : displayName(of: Array(formsOfVariant(variant)), forms: forms, names: tableNames)
            }
            return displayName(of: ([firstVariant[person]] + more).flatMap { formsOfVariant($0) }, forms: forms, names: tableNames)
        }
        // Merges name the person's final display name.
        // When the moved variant's spelling became the person's name, the line shows the other
        // side of the merge, so that every merge stays listed.
        let finalMerges = merges.map { merge, variant -> AuthorIndex.Merge in
            var m = merge
            guard personOfVariant[variant] >= 0 else { return m }
            let name = names[personOfVariant[variant]]
            if m.variant == name {
                m.variant = m.into
                // The line now reads from the fuller form to the spelling the person is shown by
                // (`Alan David Fekete → Alan Fekete`): the reason says so, not that the shown
                // spelling is the fuller form (a user trial of session 51).
                if m.reason.hasPrefix(Self.onlyFullerForm) { m.reason = Self.shownByAShorterForm + m.reason.dropFirst(Self.onlyFullerForm.count) }
            }
            m.into = name
            return m
        }.filter { $0.variant != $0.into }
        // The lines' names: a variant's by its display form (made above for every variant).
        func made(_ name: PendingName) -> AuthorIndex.KeptApartName {
            switch name {
            case .variant(let variant): .text(displays[variant])
            case .written(let name): .written(name)
            }
        }
        var keptApart = nearMisses.map { $0.map(made) }
        nearMisses = []
        // A line keeping a name apart from names an alias file has made one person with it is
        // dropped: the file decided (a user trial saw `W. Wang → Wei Wang [alias file]` listed
        // and `W. Wang ≠ Wei Wang, Wen Wang` kept apart beside it). Only alias files merge
        // across the name rules' own lines, so only their runs look.
        if !keptApart.isEmpty, merges.contains(where: { $0.merge.reason == Self.aliasFileReason }) {
            var named: [String: Set<Int>] = [:]
            for line in keptApart {
                named[line.variant.text] = []
                for candidate in line.candidates { named[candidate.text] = [] }
            }
            for variant in variantNames.indices where personOfVariant[variant] >= 0 && named[displays[variant]] != nil {
                named[displays[variant]]!.insert(personOfVariant[variant])
            }
            keptApart.removeAll { line in
                let people = named[line.variant.text] ?? []
                return line.candidates.contains { !(named[$0.text] ?? []).isDisjoint(with: people) }
            }
        }
        var index = AuthorIndex(names: names, authorsOfPublication: authorsOfPublication,
                                merges: finalMerges, keptApart: keptApart)
        index.variantCount = variantNames.count
        index.diagnostics = diagnostics
        return (index, identifiedVariants.map { personOfVariant[$0] })
    }

    /// The per-paper pass of the resolution: each authorship's person, numbered in order of first
    /// appearance, and each paper's people, a person named twice on one paper listed once. Its
    /// buffers are made with the pass (on the thread that makes it) and filled by `run` (on
    /// another): the pass allocates nothing but the few lists of people with several variants.
    /// Unchecked: `run` is called once, and the results are read after it returned.
    private final class PersonPass: @unchecked Sendable {
        /// Each variant's person (-1 before its first authorship).
        private(set) var personOfVariant: [Int]
        /// Each person's variants in order of appearance: the first, and the rest for the few
        /// people with several (one array per person would be hundreds of thousands of arrays).
        private(set) var firstVariant: [Int] = []
        private(set) var moreVariants: [Int: [Int]] = [:]
        private(set) var authorsOfPublication = PackedLists<Int32>()
        private var personOfRoot: [Int]
        /// The last paper that listed each person: a person named twice on one paper counts
        /// once, in O(1) (a search of the paper's list was quadratic: 3 s for 100,000 authors).
        private var listedOn: [Int]
        private var people: [Int32] = []

        init(variantCount: Int, publicationCount: Int, authorshipCount: Int) {
            personOfVariant = [Int](repeating: -1, count: variantCount)
            personOfRoot = [Int](repeating: -1, count: variantCount)
            listedOn = [Int](repeating: -1, count: variantCount)
            firstVariant.reserveCapacity(variantCount)
            authorsOfPublication.reserveCapacity(lists: publicationCount, values: authorshipCount)
            people.reserveCapacity(256)
        }

        /// Fills the pass's results from each authorship's variant (`pubVariants`, paper `p`'s at
        /// `pubStarts[p]..<pubStarts[p + 1]`) and each variant's cluster representative chain (`parent`).
        /// - Complexity: O(A) for A authorships, plus the chains' lengths.
        func run(pubVariants: [Int32], pubStarts: [Int], parent: [Int]) {
            // The buffers are taken out for the loop: a class's arrays are checked for exclusive
            // access at every use.
            var personOfVariant = take(&self.personOfVariant, leaving: []), personOfRoot = take(&self.personOfRoot, leaving: [])
            var listedOn = take(&self.listedOn, leaving: []), firstVariant = take(&self.firstVariant, leaving: [])
            var moreVariants = take(&self.moreVariants, leaving: [:]), people = take(&self.people, leaving: [])
            var authorsOfPublication = take(&self.authorsOfPublication, leaving: PackedLists())
            defer {
                self.personOfVariant = personOfVariant
                self.firstVariant = firstVariant
                self.moreVariants = moreVariants
                self.authorsOfPublication = authorsOfPublication
            }
            func root(_ v: Int) -> Int {
                var r = v
                while parent[r] != r { r = parent[r] }
                return r
            }
            let lastAuthorship = pubVariants.count - 1
            for paper in 0..<(pubStarts.count - 1) {
                people.removeAll(keepingCapacity: true)
                for k in pubStarts[paper]..<pubStarts[paper + 1] {
                    let variant = Int(pubVariants[k])
                    // Both lookups below are cache misses on a large corpus: the person of the
                    // authorship sixteen on, and the last paper of the person eight on (-1, harmless
                    // to prefetch, when that variant has no person yet).
                    personOfVariant.withUnsafeBufferPointer {
                        coauthor_prefetch($0.baseAddress! + Int(pubVariants[min(k + 16, lastAuthorship)]))
                    }
                    let soon = personOfVariant[Int(pubVariants[min(k + 8, lastAuthorship)])]
                    listedOn.withUnsafeBufferPointer { coauthor_prefetch($0.baseAddress! + soon) }
                    if personOfVariant[variant] < 0 {
                        let r = root(variant)
                        if personOfRoot[r] >= 0 {
                            personOfVariant[variant] = personOfRoot[r]
                            moreVariants[personOfRoot[r], default: []].append(variant)
                        } else {
                            personOfRoot[r] = firstVariant.count
                            personOfVariant[variant] = firstVariant.count
                            firstVariant.append(variant)
                        }
                    }
                    let person = personOfVariant[variant]
                    if listedOn[person] != paper {
                        listedOn[person] = paper
                        people.append(Int32(person))
                    }
                }
                authorsOfPublication.append(people)
            }
        }
    }

    /// Forced merges and forbidden pairs of an alias file. Names are matched by their `exact` key.
    /// Gives the name of each merge's person (its canonical name, which no input need write:
    /// `"Olivier Costa de Beauregard": ["COSTADEB.O", "BEAUREGA.OC"]`) at one of its variants.
    private static func applyAliases(_ aliases: AliasRules, variantIndex: (String) -> Int?, variantsFoldedLike: (String) -> [Int],
                                     display: (Int) -> String, clusters: inout Clusters, merges: inout [(merge: AuthorIndex.Merge, variant: Int)],
                                     diagnostics: inout [Diagnostic]) -> [(variant: Int, name: String)] {
        /// The variants an alias file's name is: the one written so, else every one written so up
        /// to case and accents (none: the name occurs nowhere).
        func find(_ name: AliasRules.Name) -> [Int] {
            let key = NameParser.parseName(name.text).map { NameKey.exactKey($0) } ?? name.text
            if let variant = variantIndex(key) { return [variant] }
            return variantsFoldedLike(key)
        }
        func isWritten(_ name: AliasRules.Name) -> Bool {
            variantIndex(NameParser.parseName(name.text).map { NameKey.exactKey($0) } ?? name.text) != nil
        }
        func lookup(_ name: AliasRules.Name) -> [Int] {
            let found = find(name)
            if found.isEmpty {
                diagnostics.append(Diagnostic(.warning, at: name.location,
                                              "the alias file names '\(name.text)', which no input record has as an author; check the spelling (the rule is ignored for it)"))
            }
            return found
        }
        for pair in aliases.distinct {
            let (first, second) = (lookup(pair.first), lookup(pair.second))
            // One name to the resolution: two spellings alike up to case and accents, or one that
            // an ID gave its person's name (a user trial of session 52: the pair was ignored unsaid).
            if first.contains(where: { a in second.contains { clusters.find($0) == clusters.find(a) } }) {
                diagnostics.append(Diagnostic(.warning, at: pair.second.location,
                                              "the alias file lists '\(pair.first.text)' and '\(pair.second.text)' as distinct, but the inputs give them as one name "
                                                + "(written alike up to case and accents, or joined by an ID they share); they cannot be kept apart"))
                continue
            }
            for a in first {
                for b in second { clusters.forbid(a, b) }
            }
        }
        var names: [(variant: Int, name: String)] = []
        // The rule that listed each variant first: a name listed under two canonical names goes
        // to the first (a user trial of session 50: `Bob Baker` under `Ann Able` and `Cid Cole`
        // made the three one person, named `Bob Baker`).
        var listedBy: [Int: AliasRules.Name] = [:]
        for rule in aliases.merges {
            // The canonical name's other variants (written so up to case) are merged as its variants are.
            let canonicals = find(rule.canonical)
            let listed = canonicals.dropFirst().map { (rule.canonical, $0) } + rule.variants.flatMap { name in lookup(name).map { (name, $0) } }
            let variants = listed.filter { name, variant in
                guard let first = listedBy[variant], first.text != rule.canonical.text else {
                    listedBy[variant] = rule.canonical
                    return true
                }
                diagnostics.append(Diagnostic(.warning, at: name.location,
                                              "the alias file lists '\(name.text)' under '\(first.text)'\(first.location.map { " (line \($0.line))" } ?? "") and under '\(rule.canonical.text)'; it is merged into '\(first.text)' only"))
                return false
            }
            let canonical = canonicals.first
            guard let anchor = canonical ?? variants.first?.1 else {
                if canonical == nil { _ = lookup(rule.canonical) }
                continue
            }
            // Found up to case (`alexandros g. dimakis`), the person is shown as the inputs write
            // it; written by no input, as the file writes it, each word capitalised where the file
            // writes it all in lower case (`satoru miyano`: a user trial of session 52).
            let typed = NameParser.parseName(rule.canonical.text)?.displayName ?? rule.canonical.text
            let shown = canonical == nil ? Self.capitalisedIfLowerCase(typed) : isWritten(rule.canonical) ? typed : display(anchor)
            if canonical == nil {
                let found = variants.count == 1 ? "'\(display(anchor))', the one name of its list found, is" : "the \(variants.count) names of its list found are one person,"
                diagnostics.append(Diagnostic(.warning, at: rule.canonical.location,
                                              "the alias file names '\(rule.canonical.text)', which no input record has as an author; \(found) shown as '\(shown)'"))
            }
            names.append((anchor, shown))
            // The first name found stands for the canonical one, which it is listed as merged into.
            if canonical == nil { merges.append((.init(variant: display(anchor), into: shown, reason: Self.aliasFileReason), anchor)) }
            for (name, variant) in variants where clusters.find(variant) != clusters.find(anchor) {
                if clusters.union(anchor, variant) {
                    merges.append((.init(variant: display(variant), into: display(anchor), reason: Self.aliasFileReason), variant))
                } else if clusters.lastRefusalByID {
                    diagnostics.append(Diagnostic(.warning, at: name.location,
                                                  "the alias file merges '\(name.text)' into '\(rule.canonical.text)', but their IDs of one kind differ; they are kept apart"))
                } else {
                    diagnostics.append(Diagnostic(.warning, at: name.location,
                                                  "the alias file merges '\(name.text)' into '\(rule.canonical.text)' but also lists them as distinct; they are kept apart"))
                }
            }
        }
        return names
    }

    /// The reason `names` gives for a merge an alias file asks for.
    static let aliasFileReason = "alias file"

    /// `name` with each word's first letter, and each letter after a hyphen or an apostrophe, in
    /// upper case where `name` has no upper-case letter (`jean-pierre o'neil` → `Jean-Pierre
    /// O'Neil`); else `name` as it is.
    static func capitalisedIfLowerCase(_ name: String) -> String {
        guard !name.contains(where: \.isUppercase) else { return name }
        var out = ""
        var startsWord = true
        for character in name {
            out += startsWord ? character.uppercased() : String(character)
            startsWord = character == " " || character == "-" || character == "'" || character == "\u{2019}"
        }
        return out
    }

    /// An exact key with its case and accents folded and its name's words split at blanks and
    /// periods (`alex dimakis||` for `Alex Dimakis||`): how an alias file's name not found as written
    /// is looked for. A name typed in lower case parses its given names as a von part, whose
    /// periods the exact key keeps (`alexandros g. dimakis`).
    static func aliasFolded(_ key: String) -> String {
        let folded = key.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard let bar = folded.firstIndex(of: "|") else { return folded }
        return folded[..<bar].split(whereSeparator: { $0.isWhitespace || $0 == "." }).joined(separator: " ") + folded[bar...]
    }

    /// Union–find over name variants, with pairs that must never end up in one cluster: the
    /// alias file's distinct pairs, and any two clusters that carry IDs of one kind.
    struct Clusters {
        private var parent: [Int]
        /// For each cluster root, the variants it must never join (their clusters, found through `find`).
        /// Only the few clusters with such a rule have an entry, so a union costs the size of the
        /// two clusters' lists, not the number of rules.
        private var forbidden: [Int: [Int]] = [:]
        /// At each cluster root, the kinds of person ID its variants carry (bit k for kind k of
        /// `AuthorIDs.Kind`). Two clusters that carry one kind are two people: their IDs of that
        /// kind differ, since the authorships that share an ID were joined before any name rule.
        private var idKinds: [UInt8]
        /// Whether the last refused union was refused by the IDs (else by the alias file).
        private(set) var lastRefusalByID = false
        /// Whether any variant carries an ID (most corpora have none: DBLP, BibTeX).
        private(set) var carriesIDs = false

        init(count: Int) {
            parent = Array(0..<count)
            idKinds = [UInt8](repeating: 0, count: count)
        }

        /// Per variant, whether people whose IDs conflict write it alike (`AuthorIDGroups.writtenAlike`):
        /// no ID-less name joins them. Empty where none is. (A flag per variant, not a set: the
        /// rules ask it of every name of a group, and a set's hashing was a tenth of their time
        /// on the generated MEDLINE file.)
        private var writtenAlike: [Bool] = []

        /// Records that people whose IDs conflict write variant `v` alike.
        mutating func markWrittenAlike(_ v: Int) {
            if writtenAlike.isEmpty { writtenAlike = [Bool](repeating: false, count: parent.count) }
            writtenAlike[v] = true
        }

        /// Whether people whose IDs conflict write variant `v` alike.
        func isWrittenAlike(_ v: Int) -> Bool { !writtenAlike.isEmpty && writtenAlike[v] }

        /// Records that variant `v` is written by people with IDs of `kinds`.
        mutating func carry(_ kinds: UInt8, at v: Int) {
            let root = find(v)
            idKinds[root] |= kinds
            carriesIDs = carriesIDs || kinds != 0
        }

        /// The kinds of person ID the cluster of `v` carries.
        mutating func idKinds(of v: Int) -> UInt8 {
            idKinds[find(v)]
        }

        mutating func find(_ v: Int) -> Int {
            var root = v
            while parent[root] != root { root = parent[root] }
            var node = v
            while parent[node] != root {
                let next = parent[node]
                parent[node] = root
                node = next
            }
            return root
        }

        /// Forbids `a` and `b` ever to be in one cluster.
        mutating func forbid(_ a: Int, _ b: Int) {
            forbidden[find(a), default: []].append(b)
            forbidden[find(b), default: []].append(a)
        }

        /// Joins the clusters of `a` and `b` (the root of `a` stays the root) unless that would
        /// put a forbidden pair, or two IDs of one kind, in one cluster.
        /// - Returns: whether the clusters are now one.
        @discardableResult
        mutating func union(_ a: Int, _ b: Int) -> Bool {
            let ra = find(a)
            let rb = find(b)
            if ra == rb { return true }
            if idKinds[ra] & idKinds[rb] != 0 {
                lastRefusalByID = true
                return false
            }
            lastRefusalByID = false
            let enemiesA = forbidden[ra] ?? []
            let enemiesB = forbidden[rb] ?? []
            if enemiesA.count <= enemiesB.count {
                if enemiesA.contains(where: { find($0) == rb }) { return false }
            } else {
                if enemiesB.contains(where: { find($0) == ra }) { return false }
            }
            parent[rb] = ra
            idKinds[ra] |= idKinds[rb]
            if !enemiesB.isEmpty {
                forbidden[ra, default: []].append(contentsOf: enemiesB)
                forbidden[rb] = nil
            }
            return true
        }

        /// The root of every element (the cluster representative).
        mutating func roots() -> [Int] {
            (0..<parent.count).map { find($0) }
        }
    }

    /// A distinct written form: its entry in the name table, and how many authorships write it.
    private struct Form {
        var entry: Int32
        var count: Int
    }

    /// The most frequent full form (first given name spelled out), ties: longest, then alphabetical.
    /// `names` is the name table the forms' entries index.
    private static func displayName(of members: [Int], forms: [Form], names: [PersonName]) -> String {
        if members.count == 1 { return names[Int(forms[members[0]].entry)].displayName }
        var tally: [String: (count: Int, full: Bool)] = [:]
        for form in members {
            let name = names[Int(forms[form].entry)]
            // The first given name is spelled out (not an initial).
            let isFull = (NameKey.givenTokens(name.first).first?.count ?? 0) > 1
            tally[name.displayName, default: (0, isFull)].count += forms[form].count
        }
        let full = tally.filter { $0.value.full }
        let pool = full.isEmpty ? tally : full
        return pool.max { a, b in
            if a.value.count != b.value.count { return a.value.count < b.value.count }
            if a.key.count != b.key.count { return a.key.count < b.key.count }
            return NameKey.isShownBefore(b.key, a.key)
        }!.key
    }

    /// A name of a line the rules keep apart, as the rules find it: a variant (shown by its
    /// display form, which the resolution makes for every variant at its end) or a name written
    /// so (shown by its `displayName` when the lines are read).
    private enum PendingName {
        case variant(Int)
        case written(PersonName)
    }

    private struct FoldedVariant {
        var tokens: [String]
        /// Each token's length in characters (the rules compare them pair by pair, and counting
        /// a string's characters walks it: over half the time of `subsumes` on generated MEDLINE).
        let lengths: [Int]
        var variants: [Int]
        /// Per token, whether a hyphen joins it to the one before (`Ting-Wei`: false, true): the
        /// parts of a compound given name, one name (`NameKey.givenTokenJoins`); empty when none is.
        var joined: [Bool]

        init(tokens: [String], variants: [Int], given: String) {
            self.tokens = tokens
            lengths = tokens.map(\.count)
            self.variants = variants
            // (Most given names have no hyphen: nothing to look for, no list made.)
            let joins = Self.mayHaveCompound(given) ? NameKey.givenTokenJoins(given) : []
            joined = joins.count == tokens.count && joins.contains(true) ? joins : []
            hasCompound = !joined.isEmpty
        }

        /// Whether a hyphen joins any two of the tokens (`joined` is empty otherwise).
        var hasCompound: Bool

        static func mayHaveCompound(_ given: String) -> Bool {
            // A hyphen-minus, or the first byte of U+2010's UTF-8 (E2 80 90).
            given.utf8.contains { $0 == UInt8(ascii: "-") || $0 == 0xE2 }
        }

        /// Adds a variant written alike up to case, accents and punctuation: a compound any of them
        /// writes with its hyphen is one (`Ting Wei` and `Ting-Wei` are the same given name), so
        /// which spelling comes first does not decide.
        mutating func add(_ variant: Int, given: String) {
            variants.append(variant)
            guard Self.mayHaveCompound(given) else { return }
            let joins = NameKey.givenTokenJoins(given)
            guard joins.count == tokens.count, joins.contains(true) else { return }
            if joined.isEmpty { joined = joins } else { for k in joins.indices where joins[k] { joined[k] = true } }
            hasCompound = true
        }
    }

    /// Per name: whether it has a given name (without one it joins no group) and its group key
    /// (folded surname, jr, homonym, initial). Made on all cores, in batches in name order.
    /// (The folded key, the group key and the folded given-name tokens, is made later and only
    /// for the names of groups of several: most names are alone in theirs.)
    private struct GroupingKeys: Sendable {
        var hasGiven: [Bool] = []
        var groups = KeyBatch()
    }

    private static func groupingKeys(_ names: [PersonName]) -> [GroupingKeys] {
        let runs = names.count >= Parallelism.minimumRunItems ? max(1, min(2, Parallelism.workers)) : 1
        return parallelRuns(runs) { run in
            let lower = names.count * run / runs
            let upper = names.count * (run + 1) / runs
            var keys = GroupingKeys()
            keys.groups.base = lower
            // The folded given names are made for their first letter, the group's initial.
            var tokens: [UInt8] = []
            var key: [UInt8] = []
            // Surnames beyond ASCII folded once each (Foundation's folding costs microseconds,
            // and a surname recurs in the names of many people).
            var foldedSurnames: [String: [UInt8]] = [:]
            for name in names[lower..<upper] {
                tokens.removeAll(keepingCapacity: true)
                let initial = NameKey.appendFoldedGivenTokens(name.first, to: &tokens)
                key.removeAll(keepingCapacity: true)
                if let initial {
                    if name.von.utf8.allSatisfy({ $0 < 0x80 }) && name.last.utf8.allSatisfy({ $0 < 0x80 }) {
                        NameKey.appendFolded(name.von, to: &key)
                        NameKey.appendFolded(name.last, to: &key)
                    } else if name.von.isEmpty {
                        if let folded = foldedSurnames[name.last] {
                            key.append(contentsOf: folded)
                        } else {
                            let folded = Array(NameKey.fold(name.last).utf8)
                            foldedSurnames[name.last] = folded
                            key.append(contentsOf: folded)
                        }
                    } else {
                        key.append(contentsOf: NameKey.fold(name.von + name.last).utf8)
                    }
                    key.append(UInt8(ascii: "|"))
                    NameKey.appendFolded(name.jr, to: &key)
                    key.append(UInt8(ascii: "|"))
                    // A person's ID as a mark (`AuthorIDGroups`) keeps the name's exact key apart,
                    // not its group: the rules see the person among the names it could be.
                    if !NameKey.isIDMark(name.homonym) { key.append(contentsOf: name.homonym.utf8) }
                    key.append(UInt8(ascii: "|"))
                    key.append(contentsOf: String(initial).utf8)
                }
                keys.hasGiven.append(initial != nil)
                keys.groups.append(key)
            }
            return keys
        }
    }

    private static func mergeConservatively(_ names: [PersonName], display: (Int) -> String, clusters: inout Clusters,
                                            merges: inout [(merge: AuthorIndex.Merge, variant: Int)], nearMisses: inout [AuthorIndex.KeptApartLine<PendingName>],
                                            countries: inout VariantCountries?, pubVariants: [Int32] = [], pubStarts: [Int] = [0]) {
        // Group by folded surname + jr + homonym + the initial of the first given name.
        // Groups in order of first appearance; within a group, one entry per folded given name.
        var keys = groupingKeys(names)
        // Groups first: a name alone in its group (most names) can merge with nothing, so it
        // gets no further work.
        // (On all cores: the table of the groups' keys, 40 to 60 MB on DBLP, goes at once.)
        let hasGiven = keys.flatMap(\.hasGiven)
        let (groupOf, groupCount) = { [keys] in
            let distinct = DistinctKeys(keys.map(\.groups), including: { hasGiven[$0] })
            return (distinct.numberOfItem, distinct.count)
        }()
        var groupSize = [Int32](repeating: 0, count: groupCount)
        for group in groupOf where group >= 0 { groupSize[Int(group)] += 1 }
        let together = Self.namesOnOnePaper(groupOf: groupOf, groupSize: groupSize, pubVariants: pubVariants, pubStarts: pubStarts)
        var groups = [[FoldedVariant]](repeating: [], count: groupSize.count)
        var foldedIndex = ByteKeyTable(expected: 1024)
        var positionOfFolded: [Int32] = []
        var scratch: [UInt8] = []
        var foldedKey: [UInt8] = []
        for batch in keys {
            for local in 0..<batch.groups.count {
                let index = batch.groups.base + local
                guard groupOf[index] >= 0, groupSize[Int(groupOf[index])] > 1 else { continue }
                let group = Int(groupOf[index])
                // The folded given names within the group, found by key rather than by scanning
                // the group (which is quadratic in large groups): the group key, a 0, the tokens.
                foldedKey.removeAll(keepingCapacity: true)
                foldedKey.append(contentsOf: batch.groups.key(local))
                foldedKey.append(0)
                _ = NameKey.appendFoldedGivenTokens(names[index].first, to: &foldedKey)
                let (folded, isNewFolded) = foldedKey.withUnsafeBufferPointer { foldedIndex.findOrInsert($0) }
                if isNewFolded {
                    positionOfFolded.append(Int32(groups[group].count))
                    groups[group].append(FoldedVariant(tokens: NameKey.foldedGivenTokens(names[index].first, scratch: &scratch),
                                                       variants: [index], given: names[index].first))
                } else {
                    groups[group][Int(positionOfFolded[folded])].add(index, given: names[index].first)
                }
            }
        }
        keys = []
        foldedIndex = ByteKeyTable(expected: 0)
        for group in groups {
            // Whether people identified by ID are among the group's names: then a name that
            // several of them could be, or that could be one of them or another person, joins
            // none (without IDs, the rules below find at most one person per name anyway).
            let identified = clusters.carriesIDs && group.contains { $0.variants.contains { clusters.idKinds(of: $0) != 0 } }
            // Forms that people with different IDs of one kind write alike (up to case, accents
            // and punctuation): several people, so their spellings stay apart.
            // Also forms that such people write among their other spellings (`isWrittenAlike`).
            var shared = [Bool](repeating: false, count: identified ? group.count : 0)
            if identified {
                for (f, folded) in group.enumerated() where folded.variants.contains(where: { clusters.isWrittenAlike($0) }) { shared[f] = true }
            }
            // Spelling variants that fold to the same tokens are one person (case, accents, hyphens).
            for (f, folded) in group.enumerated() where folded.variants.count > 1 {
                let first = folded.variants[0]
                if identified && (shared[f] || Self.carryDifferentIDs(folded.variants, clusters: &clusters)) {
                    shared[f] = true
                    // Each name not marked with an ID is listed once, against the names before it
                    // and every marked one (people marked with their IDs are not listed against
                    // each other: their marks show them apart).
                    for (place, v) in folded.variants.enumerated() where !clusters.isWrittenAlike(v) {
                        let others = folded.variants.enumerated().filter { other in
                            (other.offset < place || clusters.isWrittenAlike(other.element)) && clusters.find(other.element) != clusters.find(v)
                        }.map(\.element)
                        guard !others.isEmpty else { continue }
                        let byID = others.contains { clusters.idKinds(of: $0) & clusters.idKinds(of: v) != 0 }
                        nearMisses.append(.init(variant: .written(names[v]), candidates: others.map { .written(names[$0]) },
                                                reason: byID ? Self.differentIDs : Self.identifiedRivals))
                    }
                    continue
                }
                for v in folded.variants.dropFirst() where clusters.find(v) != clusters.find(first) {
                    if clusters.union(first, v) {
                        merges.append((.init(variant: names[v].displayName, into: names[first].displayName,
                                             reason: "same name up to case, accents and punctuation"), v))
                    } else {
                        nearMisses.append(.init(variant: .written(names[v]), candidates: [.written(names[first])],
                                                reason: clusters.lastRefusalByID ? Self.differentIDs : "kept apart by the alias file (distinct)"))
                    }
                }
            }
            guard group.count > 1 else { continue }
            // A spelled-out first given name can only be subsumed by the same first name; an
            // initial by any variant of the group (they all share it). Comparing within those
            // rivals keeps large groups (`Wang` with `W…`: hundreds of variants) near-linear.
            var byFirst: [String: [Int]] = [:]
            for i in group.indices { byFirst[group[i].tokens[0], default: []].append(i) }
            let everyone = Array(group.indices)
            func rivals(_ i: Int) -> [Int] {
                group[i].tokens[0].count > 1 ? byFirst[group[i].tokens[0]]! : everyone
            }
            // The names of the group each fuller form's person holds so far (itself, and the
            // shorter names joined to it): no two of them are written on one paper.
            var holds: [Int: [Int]] = [:]
            // (Only the groups with such a pair look for them: most have none.)
            let hasPairs = !together.pairs.isEmpty && group.contains { $0.variants.contains { together.names.contains($0) } }
            func sharesAPaper(_ i: Int, _ j: Int) -> Bool {
                hasPairs && group[j].variants.contains { a in group[i].variants.contains { b in together.pairs.contains(Self.pairKey(a, b)) } }
            }
            func sharesAPaper(_ i: Int, _ person: [Int]) -> Bool { hasPairs && person.contains { sharesAPaper(i, $0) } }
            // A fuller form that one paper lists beside a name is not that name's (Josef Psutka
            // and Josef V. Psutka, father and son, on one paper of the ACL Anthology): both are
            // people a shorter name could be.
            func compatible(_ j: Int, _ i: Int) -> Bool { subsumes(group, j, i) && !sharesAPaper(i, j) }
            if hasPairs {
                for i in group.indices {
                    let beside = rivals(i).filter { j in j != i && group[j].tokens != group[i].tokens && subsumes(group, j, i) && sharesAPaper(i, j) }
                    if !beside.isEmpty {
                        nearMisses.append(.init(variant: .variant(group[i].variants[0]), candidates: beside.map { .variant(group[$0].variants[0]) },
                                                reason: Self.onOnePaper))
                    }
                }
            }
            let isMaximal = group.indices.map { i in
                !rivals(i).contains { j in j != i && compatible(j, i) && group[j].tokens != group[i].tokens }
            }
            // A name that would be a compound's but for the compound (`Ting Liu` and `Ting-Wei
            // Liu`) is listed apart from it with the reason, as every near miss is (a user trial
            // of session 59 saw the two unexplained).
            if group.contains(where: \.hasCompound) {
                for i in group.indices {
                    let compounds = rivals(i).filter { j in
                        j != i && group[j].hasCompound && group[j].tokens != group[i].tokens && subsumes(group[j].tokens, group[i].tokens)
                            && !keepsCompoundsWhole(group[j].tokens, joined: group[j].joined, group[i].tokens)
                    }
                    if !compounds.isEmpty {
                        nearMisses.append(.init(variant: .variant(group[i].variants[0]), candidates: compounds.map { .variant(group[$0].variants[0]) },
                                                reason: Self.partOfACompound))
                    }
                }
            }
            // A name written alike by people with different IDs, each marked with their ID, joins
            // no fuller form (its people are told apart by their marks): it is looked at only as
            // the fuller form others could join.
            let candidates = group.indices.map { i in
                isMaximal[i] || (identified && group[i].variants.allSatisfy { clusters.isWrittenAlike($0) }) ? []
                    : rivals(i).filter { isMaximal[$0] && compatible($0, i) }
            }
            // With identified people in the group, the names that may not join their one fuller
            // form, and why.
            let keptApart = identified
                ? Self.keptApartByIDs(group, candidates: candidates, shared: shared, clusters: &clusters)
                : [:]
            // Two names of one paper that fit one fuller form alone: neither joins it, whichever
            // comes first (`Lee, A.` and `Lee, Ann B.` on one paper, `Ann Beth Lee` on another).
            var besideOnOnePaper: [Int: Int] = [:]
            if hasPairs {
                var byTarget: [Int: [Int]] = [:]
                for i in group.indices where !isMaximal[i] && candidates[i].count == 1 { byTarget[candidates[i][0], default: []].append(i) }
                for names in byTarget.values where names.count > 1 {
                    for a in names {
                        if let b = names.first(where: { $0 != a && sharesAPaper(a, $0) }) { besideOnOnePaper[a] = b }
                    }
                }
            }
            for i in group.indices where !isMaximal[i] {
                if candidates[i].count == 1 {
                    let target = group[candidates[i][0]]
                    guard clusters.find(target.variants[0]) != clusters.find(group[i].variants[0]) else { continue }
                    let person = holds[candidates[i][0]] ?? [candidates[i][0]]
                    // The countries of the papers, asked only of a name the rules would join.
                    let judged = keptApart[i] == nil ? countries?.judge(group[i].variants, target.variants) : nil
                    var apart = keptApart[i], bridge = ""
                    if apart == nil, let other = besideOnOnePaper[i] {
                        apart = "kept apart: a paper lists it beside \(display(group[other].variants[0])), which this fuller form fits too"
                    }
                    if apart == nil, sharesAPaper(i, person) { apart = Self.onOnePaper }
                    switch judged {
                    case .apart(let reason): apart = reason
                    case .bridged(let note): bridge = "; " + note
                    case nil: break
                    }
                    if let reason = apart {
                        nearMisses.append(.init(variant: .variant(group[i].variants[0]), candidates: [.variant(target.variants[0])], reason: reason))
                    } else if clusters.union(target.variants[0], group[i].variants[0]) {
                        holds[candidates[i][0]] = person + [i]
                        merges.append((.init(variant: display(group[i].variants[0]), into: display(target.variants[0]),
                                             reason: Self.onlyFullerForm + bridge), group[i].variants[0]))
                    } else {
                        nearMisses.append(.init(variant: .variant(group[i].variants[0]), candidates: [.variant(target.variants[0])],
                                                reason: clusters.lastRefusalByID ? Self.differentIDs : "kept apart by the alias file (distinct)"))
                    }
                } else if candidates[i].count > 1 {
                    nearMisses.append(.init(variant: .variant(group[i].variants[0]), candidates: candidates[i].map { .variant(group[$0].variants[0]) },
                                            reason: "ambiguous: \(candidates[i].count) fuller forms are compatible"))
                }
            }
        }
    }

    /// Why `coauthor names` lists a name apart from a fuller form whose hyphenated given name it
    /// spells only a part of (`Ting Liu`, `Ting-Wei Liu`).
    static let partOfACompound = "kept apart: a hyphenated given name is one name, not its first part alone"

    /// Why `coauthor names` lists a name apart from its one fuller form: a paper lists both.
    static let onOnePaper = "kept apart: a paper lists both as its authors"

    /// The pairs of names of one group (`pairKey`) that one paper lists both (`Doe, J.` and
    /// `Doe, John` as co-authors), and the names in them: two people, whom the rules never join (a
    /// user trial of session 59 found one of them lost so). Only groups of more than one name are
    /// looked at.
    /// - Complexity: O(A + Σ k log k) for A authorships, k of a paper's names in such groups.
    static func namesOnOnePaper(groupOf: [Int32], groupSize: [Int32], pubVariants: [Int32], pubStarts: [Int])
        -> (pairs: Set<UInt64>, names: NameFlags) {
        var together = Set<UInt64>()
        var names = NameFlags(count: groupOf.count)
        var onPaper: [(group: Int32, variant: Int32)] = []
        for paper in 0..<max(0, pubStarts.count - 1) where pubStarts[paper + 1] - pubStarts[paper] > 1 {
            onPaper.removeAll(keepingCapacity: true)
            for k in pubStarts[paper]..<pubStarts[paper + 1] {
                let variant = pubVariants[k]
                guard variant >= 0 else { continue }
                let group = groupOf[Int(variant)]
                if group >= 0, groupSize[Int(group)] > 1 { onPaper.append((group, variant)) }
            }
            guard onPaper.count > 1 else { continue }
            onPaper.sort { ($0.group, $0.variant) < ($1.group, $1.variant) }
            for a in onPaper.indices {
                var b = a + 1
                while b < onPaper.count, onPaper[b].group == onPaper[a].group {
                    if onPaper[b].variant != onPaper[a].variant {
                        together.insert(pairKey(Int(onPaper[a].variant), Int(onPaper[b].variant)))
                        names.insert(Int(onPaper[a].variant))
                        names.insert(Int(onPaper[b].variant))
                    }
                    b += 1
                }
            }
        }
        return (together, names)
    }

    /// Names marked among `count` (a flag each: asked of every name of a group), the flags made
    /// at the first mark (most corpora have no two names of one group on a paper).
    struct NameFlags {
        private let count: Int
        private var flags: [Bool] = []
        init(count: Int) { self.count = count }
        mutating func insert(_ name: Int) {
            if flags.isEmpty { flags = [Bool](repeating: false, count: count) }
            flags[name] = true
        }
        func contains(_ name: Int) -> Bool { !flags.isEmpty && flags[name] }
    }

    /// One key for the unordered pair of names `a`, `b`.
    static func pairKey(_ a: Int, _ b: Int) -> UInt64 { UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b))) }

    /// Why `coauthor names` lists a name apart: its IDs and the fuller form's differ; or several
    /// people with different IDs could each be its person.
    private static let differentIDs = "kept apart: their IDs of one kind differ"
    private static let otherKindsOfID = "kept apart: both carry IDs, and none they share (name rules join names without IDs)"
    private static let identifiedRivals = "ambiguous: people whose IDs of one kind differ are compatible"

    /// Whether the clusters of `variants` carry different IDs of one kind (two distinct clusters
    /// carry one kind).
    private static func carryDifferentIDs(_ variants: [Int], clusters: inout Clusters) -> Bool {
        var roots: [Int] = []
        var seen: UInt8 = 0
        for v in variants {
            let root = clusters.find(v)
            guard !roots.contains(root) else { continue }
            roots.append(root)
            let kinds = clusters.idKinds(of: root)
            if seen & kinds != 0 { return true }
            seen |= kinds
        }
        return false
    }

    /// In a group with identified people, the names (by place in the group) that do not join
    /// their one fuller form, each with its reason (SPEC §3: an ID-less name joins an identified
    /// person only where that person is unambiguous; different IDs of one kind never join):
    /// - a name whose IDs differ from the fuller form's;
    /// - a name with IDs of other kinds than the fuller form's (name rules join names without IDs);
    /// - identified names whose IDs of one kind differ and share one fuller form: it could be
    ///   the person of either, so none joins it;
    /// - names whose fuller form, or themselves, several identified people write (`shared`);
    /// - a name that any of those subsumes: it could be that person as well as the fuller form's.
    private static func keptApartByIDs(_ group: [FoldedVariant], candidates: [[Int]], shared: [Bool],
                                       clusters: inout Clusters) -> [Int: String] {
        var keptApart: [Int: String] = [:]
        var sources: [Int: [Int]] = [:]
        for i in group.indices where candidates[i].count == 1 { sources[candidates[i][0], default: []].append(i) }
        for (target, names) in sources {
            if shared[target] {
                for i in names { keptApart[i] = identifiedRivals }
                continue
            }
            let targetKinds = clusters.idKinds(of: group[target].variants[0])
            // The identified names that may join the fuller form by their own IDs.
            var identified: [Int] = []
            for i in names {
                let kinds = clusters.idKinds(of: group[i].variants[0])
                if shared[i] {
                    keptApart[i] = identifiedRivals
                } else if kinds & targetKinds != 0 {
                    keptApart[i] = differentIDs
                } else if kinds != 0 && targetKinds != 0 {
                    // IDs of different kinds (a Scopus author ID, an ORCID) that no authorship
                    // joined: name rules apply only where a side has none (SPEC §3), or the one
                    // would take the other's IDs (`J. Qin`'s Scopus ID on `Jiahu Qin`, another
                    // man in another field).
                    keptApart[i] = otherKindsOfID
                } else if kinds != 0 {
                    identified.append(i)
                }
            }
            if carryDifferentIDs(identified.map { group[$0].variants[0] }, clusters: &clusters) {
                for i in identified { keptApart[i] = identifiedRivals }
            }
        }
        // Subsumption is transitive: a name below one kept apart is found from that one directly.
        let apart = Array(keptApart.keys)
        for i in group.indices where candidates[i].count == 1 && keptApart[i] == nil {
            if apart.contains(where: { j in j != i && subsumes(group, j, i) }) { keptApart[i] = identifiedRivals }
        }
        return keptApart
    }

    /// Whether the given-name tokens `fuller` are compatible with `shorter` and at least as
    /// specific: first names match (an initial matches a name starting with it), the rest of
    /// `shorter` matches an in-order subsequence of the rest of `fuller`, and no aligned token of
    /// `fuller` is shorter than its partner.
    static func subsumes(_ fuller: [String], _ shorter: [String]) -> Bool {
        subsumes(fuller, shorter, length: \.count, matches: tokenMatches)
    }

    /// `subsumes(group[j].tokens, group[i].tokens)`, where a compound given name of `group[j]`
    /// (`Ting-Wei`, `Jean-Pierre`: parts joined by hyphens) is one name: `shorter` gives it whole
    /// (each part by an initial or in full: `T.-W.`, `Ting W.`), by the initial of its first part
    /// (`T.`), or not at all (a missing middle name), but a spelled-out part alone is another
    /// name (`Ting Liu` is not `Ting-Wei Liu`, nor `Jean Dupont` `Jean-Pierre Dupont`: a user
    /// trial of session 59 found 87 such merges in the ACL Anthology, which DBLP keeps apart).
    /// (By indices into `group`, read in place: the rules ask it of every pair of rivals, and a
    /// copy of each variant retained its three lists, 12% more time resolving dblp-2016-topvenues.)
    private static func subsumes(_ group: [FoldedVariant], _ j: Int, _ i: Int) -> Bool {
        guard subsumes(group[j].tokens, lengths: group[j].lengths, group[i].tokens, lengths: group[i].lengths) else { return false }
        guard group[j].hasCompound else { return true }
        return keepsCompoundsWhole(group[j].tokens, joined: group[j].joined, group[i].tokens)
    }

    /// `subsumes(fuller, shorter)` with each token's length in characters given.
    static func subsumes(_ fuller: [String], lengths fullerLengths: [Int], _ shorter: [String], lengths shorterLengths: [Int]) -> Bool {
        guard fuller.count >= shorter.count, !shorter.isEmpty else { return false }
        // `tokenMatches` where the fuller token is at least as long: equal, or the shorter one an
        // initial the fuller starts with (an initial against a longer name never matches so).
        func matches(_ f: Int, _ s: Int) -> Bool {
            let length = shorterLengths[s]
            guard fullerLengths[f] >= length else { return false }
            return length == 1 ? fuller[f].hasPrefix(shorter[s]) : fuller[f] == shorter[s]
        }
        guard matches(0, 0) else { return false }
        var k = 1
        for s in shorter.indices.dropFirst() {
            while k < fuller.count, !matches(k, s) { k += 1 }
            if k == fuller.count { return false }
            k += 1
        }
        return true
    }

    /// Whether `shorter`, aligned with `fuller` as `subsumes` aligns them (the first tokens, then
    /// each later one with the next match), gives each compound of `fuller` whole, by the initial
    /// of its first part, or not at all.
    /// - Precondition: `subsumes(fuller, shorter)`; `joined` has one flag per token of `fuller`.
    static func keepsCompoundsWhole(_ fuller: [String], joined: [Bool], _ shorter: [String]) -> Bool {
        // The token of `fuller` each token of `shorter` is aligned with.
        var aligned = [Int](repeating: -1, count: fuller.count)
        aligned[0] = 0
        var k = 1
        for (s, token) in shorter.enumerated().dropFirst() {
            while k < fuller.count, !(tokenMatches(fuller[k], token) && fuller[k].count >= token.count) { k += 1 }
            guard k < fuller.count else { return true }
            aligned[k] = s
            k += 1
        }
        var start = 0
        while start < fuller.count {
            var end = start + 1
            while end < fuller.count, joined[end] { end += 1 }
            if end - start > 1 {
                let parts = start..<end
                let given = parts.filter { aligned[$0] >= 0 }
                let whole = given.count == parts.count
                let firstInitial = given == [start] && shorter[aligned[start]].count == 1
                if !given.isEmpty && !whole && !firstInitial { return false }
            }
            start = end
        }
        return true
    }

    /// `subsumes` for tokens of any form, given each token's length in characters and whether
    /// two tokens match (equal, or one an initial that the other starts with).
    @inline(__always)
    static func subsumes<Token>(_ fuller: [Token], _ shorter: [Token], length: (Token) -> Int, matches: (Token, Token) -> Bool) -> Bool {
        guard fuller.count >= shorter.count, let f0 = fuller.first, let s0 = shorter.first else { return false }
        guard matches(f0, s0), length(f0) >= length(s0) else { return false }
        var k = 1
        for token in shorter.dropFirst() {
            while k < fuller.count, !(matches(fuller[k], token) && length(fuller[k]) >= length(token)) { k += 1 }
            if k == fuller.count { return false }
            k += 1
        }
        return true
    }

    private static func tokenMatches(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if a.count == 1 { return b.hasPrefix(a) }
        if b.count == 1 { return a.hasPrefix(b) }
        return false
    }
}
