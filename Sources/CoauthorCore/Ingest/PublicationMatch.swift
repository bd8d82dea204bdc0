import Foundation

/// The same paper read from several sources (SPEC §2): matched by DOI (case- and
/// `https://doi.org/`-insensitive), PMID, Web of Science UT, Scopus EID or OpenAlex id, else by
/// normalised title, year and first author's surname; merged without inventing or duplicating
/// an author.
enum PublicationMatch {
    /// The keys under which `publication` is found, strongest first.
    /// - Complexity: O(length of the title).
    static func keys(_ publication: Publication) -> [String] {
        var keys: [String] = []
        // Only values of an identifier's shape are keys: a DOI starts with `10.`, a PMID is
        // digits (a placeholder such as `NA` or `n/a`, one value for every paper that has none,
        // would make them all one paper).
        if !publication.doi.isEmpty, let doi = doiKey(publication.doi) { keys.append("doi:" + doi) }
        if publication.hasExtras {
            let extras = publication.extras
            let pmid = ExportValues.pmid(extras.pmid)
            if !pmid.isEmpty { keys.append("pmid:" + pmid) }
            if !extras.ut.isEmpty { keys.append("ut:" + utNumber(extras.ut)) }
            if !extras.eid.isEmpty { keys.append("eid:" + extras.eid.lowercased()) }
            if !extras.openAlex.isEmpty { keys.append("openalex:" + extras.openAlex.uppercased()) }
        }
        let title = titleKey(publication.title)
        if !title.isEmpty {
            let first = publication.authors.first.map { NameKey.fold(surname($0)) } ?? ""
            keys.append("t:\(title)|\(publication.year ?? 0)|\(first)")
        }
        return keys
    }

    /// A title as its key's text: letters and digits folded (case, accents), `&` read as `and`,
    /// and Greek letters spelled out as MEDLINE and Web of Science spell them (`β-decay` is
    /// `beta-decay`): a user trial of session 60 found `Science & technology of β-decay` and
    /// `Science and technology of beta-decay.` counted as two papers.
    /// - Complexity: O(length of the title).
    static func titleKey(_ title: String) -> String {
        var text = title
        if title.unicodeScalars.contains(where: { $0 == "&" || $0 == "\u{B5}" || (0x370...0x3FF).contains($0.value) }) {
            var spelled = String.UnicodeScalarView()
            for scalar in title.unicodeScalars {
                if scalar == "&" {
                    spelled.append(contentsOf: " and ".unicodeScalars)
                } else if let name = greekNames[scalar] {
                    spelled.append(contentsOf: name.unicodeScalars)
                } else {
                    spelled.append(scalar)
                }
            }
            text = String(spelled)
        }
        return NameKey.fold(text.filter { $0.isLetter || $0.isNumber })
    }

    /// The Greek letters, both cases and the variant forms, by their English names.
    private static let greekNames: [Unicode.Scalar: String] = {
        let names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
                     "omicron", "pi", "rho", "", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        var table: [Unicode.Scalar: String] = [:]
        for (offset, name) in names.enumerated() where !name.isEmpty {
            table[Unicode.Scalar(0x391 + UInt32(offset))!] = name
            table[Unicode.Scalar(0x3B1 + UInt32(offset))!] = name
        }
        // Final sigma, the symbol forms of beta, theta, phi, pi, kappa, rho and epsilon, and the
        // micro sign (`µm`, which case folding made `μm`).
        for (value, name) in [(0xB5, "mu"), (0x3C2, "sigma"), (0x3D0, "beta"), (0x3D1, "theta"), (0x3D5, "phi"), (0x3D6, "pi"), (0x3F0, "kappa"),
                              (0x3F1, "rho"), (0x3F5, "epsilon")] as [(UInt32, String)] {
            table[Unicode.Scalar(value)!] = name
        }
        return table
    }()

    /// A DOI as a key: `ExportValues.doi`'s form in lower case, with what sources write around a
    /// DOI undone (`info:doi/`, `urn:doi:` or `doi ` before it, a period after it as at the end
    /// of a reference, a URL's percent-encoding such as `%2F`, TeX's `\_`), so that one DOI's
    /// spellings are one key. Nil for text that is no DOI (one that does not start with `10.`
    /// and name a suffix after a slash, such as a placeholder `NA`).
    static func doiKey(_ text: String) -> String? {
        var doi = ExportValues.doi(text).lowercased()
        for prefix in ["info:doi/", "urn:doi:", "doi "] where doi.hasPrefix(prefix) {
            doi = ExportValues.trimmed(doi.dropFirst(prefix.count))
        }
        if doi.contains("%"), let decoded = doi.removingPercentEncoding { doi = decoded.lowercased() }
        if doi.contains("\\") { doi = doi.replacingOccurrences(of: "\\_", with: "_") }
        while doi.hasSuffix(".") { doi.removeLast() }
        guard doi.hasPrefix("10."), let slash = doi.firstIndex(of: "/"), doi.index(after: slash) < doi.endIndex else { return nil }
        return doi
    }

    /// A Web of Science UT without its database prefix, upper case: `WOS:000123`, `ISI:000123`
    /// (older exports) and `000123` are one record.
    static func utNumber(_ ut: String) -> String {
        let upper = ut.uppercased()
        for prefix in ["WOS:", "ISI:"] where upper.hasPrefix(prefix) { return String(upper.dropFirst(prefix.count)) }
        return upper
    }

    /// How a key matched, for the note: `same DOI 10.1/x`.
    static func describe(_ key: String) -> String { "same " + name(key) }

    /// A record key as a note names it (`DOI 10.1/x`, `PMID 123`); the title's key as its rule.
    static func name(_ key: String) -> String {
        guard let colon = key.firstIndex(of: ":") else { return key }
        let value = key[key.index(after: colon)...]
        switch key[..<colon] {
        case "doi": return "DOI \(value)"
        case "pmid": return "PMID \(value)"
        case "ut": return "Web of Science UT \(value)"
        case "eid": return "Scopus EID \(value)"
        case "openalex": return "OpenAlex id \(value)"
        default: return "title, year and first author"
        }
    }

    /// The kind of a key: the text before its colon (`doi`, `pmid`, `ut`, `eid`, `openalex`, `t`).
    static func kind(of key: String) -> Substring {
        key[..<(key.firstIndex(of: ":") ?? key.endIndex)]
    }

    /// Whether `key` is the title's (normalised title, year and first author's surname), the
    /// last of `keys`: every other key is a record key, which a database gives one paper.
    static func isTitleKey(_ key: String) -> Bool { key.hasPrefix("t:") }

    /// Merges a later copy into the first: the union of the keys and IDs, the fuller form of each
    /// name. Authors are aligned by position where both lists agree on the people (`partners`),
    /// otherwise by surname and given names. A later copy that lists every author of the first, in
    /// order, and more gives the paper its longer list; otherwise an author of the later copy that
    /// matches none is not added (the first copy's list stands). So no author is ever invented or
    /// duplicated, and the list is the same whichever copy comes first.
    /// - Complexity: O(a²) for a authors (lists are short).
    static func merge(_ later: Publication, into first: inout Publication) {
        if first.doi.isEmpty { first.doi = later.doi }
        // The earlier year where the copies differ (an online-first year beside a print year):
        // the same year whichever copy comes first (a user trial of session 60 moved a paper
        // between years by the order of the files).
        if let year = later.year, first.year.map({ year < $0 }) ?? true { first.year = year }
        if first.title.isEmpty { first.title = later.title }
        if first.venue.isEmpty { first.venue = later.venue }
        guard later.hasExtras || first.hasExtras || !later.authors.isEmpty else { return }
        var extras = first.extras
        let other = later.extras
        if extras.pmid.isEmpty { extras.pmid = other.pmid }
        if extras.ut.isEmpty { extras.ut = other.ut }
        if extras.eid.isEmpty { extras.eid = other.eid }
        if extras.openAlex.isEmpty { extras.openAlex = other.openAlex }
        // The higher count (the later export, or the database that counts more): whichever copy
        // comes first, the same.
        if let count = other.citedBy, count > extras.citedBy ?? -1 { extras.citedBy = count }
        let partner = partners(first.authors, extras.authorIDs, later.authors, other.authorIDs)
        // Every author of the first copy is one of the later's, in order: the longer list is the
        // paper's (below), whichever copy comes first.
        let partneredInOrder = partner.allSatisfy({ $0 != nil }) && zip(partner, partner.dropFirst()).allSatisfy({ $0! < $1! })
        let takesLonger = partneredInOrder && later.authors.count > first.authors.count
        var ids = extras.authorIDs
        var affiliations = extras.affiliations
        // The affiliations come from one copy, the authors' lists and the paper's addresses alike:
        // two databases write one institution differently (`University of Trento`, `Univ Trento`),
        // and a paper given some of each would link the institution to itself (a user trial of
        // session 51: Scopus's paper-level address beside Web of Science's lists, or the longer
        // text author by author). The copy kept names the affiliations of more of the paper's
        // authors, then has addresses, then is preferred as `prefers` prefers a list (its lists and
        // addresses together); so the choice does not hang on which copy came first.
        let laterAffiliations: (Int) -> [Affiliation] = { $0 < other.affiliations.count ? other.affiliations[$0] : [] }
        // (The later copy's authors counted as they would stand on the paper: those aligned with
        // one of its authors, or all of them where its longer list becomes the paper's.)
        let laterNamed = takesLonger ? other.affiliations.count { !$0.isEmpty } : partner.count { $0.map { !laterAffiliations($0).isEmpty } ?? false }
        let firstNamed = affiliations.count { !$0.isEmpty }
        let laterKept = firstNamed != laterNamed ? laterNamed > firstNamed
            : extras.addresses.isEmpty != other.addresses.isEmpty ? !other.addresses.isEmpty
            : prefers(other.affiliations.flatMap { $0 } + other.addresses, to: affiliations.flatMap { $0 } + extras.addresses)
        // Authors the copy kept gives no affiliation take the other copy's, where it has one: the
        // paper keeps every institution and country either database names (a copy that names more
        // authors' affiliations can still miss some).
        let mine = { (index: Int) in index < affiliations.count ? affiliations[index] : [] }
        let theirs = { (index: Int) in partner[index].map(laterAffiliations) ?? [] }
        let filled = first.authors.indices.map { index in
            let (kept, other) = laterKept ? (theirs(index), mine(index)) : (mine(index), theirs(index))
            return kept.isEmpty ? other : kept
        }
        affiliations = filled.contains { !$0.isEmpty } ? filled : []
        if laterKept { extras.addresses = other.addresses }
        for (index, match) in partner.enumerated() {
            guard let match else { continue }
            if isFuller(later.authors[match], than: first.authors[index]) { first.authors[index] = later.authors[match] }
            if match < other.authorIDs.count, !other.authorIDs[match].isEmpty {
                if ids.count < first.authors.count { ids += Array(repeating: AuthorIDs(), count: first.authors.count - ids.count) }
                ids[index].fill(from: other.authorIDs[match])
            }
        }
        // A later copy that lists more authors, among them every author of the first in order,
        // gives the paper its list: the first copy's authors (their fuller forms and IDs merged
        // above) at their places, the others as the later copy writes them. The same list
        // whichever copy comes first (a user trial of session 60 lost an author whom only the
        // second copy listed, and found him with the files read the other way round), and no
        // author invented or duplicated: each is one copy's author, and each of the first's has
        // its partner. A BibTeX list that `and others` cut short is completed so.
        if takesLonger {
            var slot = [Int?](repeating: nil, count: later.authors.count)
            for (index, match) in partner.enumerated() { slot[match!] = index }
            var authors: [PersonName] = [], allIDs: [AuthorIDs] = [], allAffiliations: [[Affiliation]] = []
            for index in later.authors.indices {
                if let mine = slot[index] {
                    authors.append(first.authors[mine])
                    allIDs.append(mine < ids.count ? ids[mine] : AuthorIDs())
                    allAffiliations.append(mine < affiliations.count ? affiliations[mine] : [])
                } else {
                    authors.append(later.authors[index])
                    allIDs.append(index < other.authorIDs.count ? other.authorIDs[index] : AuthorIDs())
                    // Theirs, the one copy that names them (as an author the copy kept gives
                    // none takes the other's), whichever copy comes first.
                    allAffiliations.append(laterAffiliations(index))
                }
            }
            first.authors = authors
            ids = allIDs.contains { !$0.isEmpty } ? allIDs : []
            affiliations = allAffiliations.contains { !$0.isEmpty } ? allAffiliations : []
            first.hasTruncatedAuthors = later.hasTruncatedAuthors
        } else if partneredInOrder, later.authors.count == first.authors.count {
            // Lists of one length: cut short only where both say so (a complete copy settles it,
            // whichever comes first).
            first.hasTruncatedAuthors = first.hasTruncatedAuthors && later.hasTruncatedAuthors
        }
        extras.authorIDs = ids
        extras.affiliations = affiliations
        first.extras = extras
    }

    /// The authors of the shorter list of `a` and `b` (either where they are as long) that are no
    /// one of the other's (`partners`), as displayed: none where the two lists can be one paper's.
    /// - Complexity: O(a²) for a authors.
    static func unmatchedAuthors(_ a: Publication, _ b: Publication) -> [String] {
        let (short, long) = a.authors.count <= b.authors.count ? (a, b) : (b, a)
        let shortIDs = short.hasExtras ? short.extras.authorIDs : []
        let longIDs = long.hasExtras ? long.extras.authorIDs : []
        let partner = partners(short.authors, shortIDs, long.authors, longIDs)
        return short.authors.indices.filter { partner[$0] == nil }.map { short.authors[$0].displayName }
    }

    /// For each author of the first copy, its author in the later copy, if any: where both lists
    /// name the same people in the same order, by position; otherwise each author takes an author
    /// of the later copy with its surname who can be the same person (`Likeness`): given names
    /// compatible as the conservative rule compares them (`Aria, M.` and `Massimo Aria`) before
    /// names that only share their initial (`Eun-ji` and `Eunji`), the same position first, then
    /// the earlier. Two surnames alike are not enough (`Li, Xin` and `Li, Yan`), nor is a name
    /// whose ID of one kind differs: aligned, their IDs would go to the wrong person.
    /// - Complexity: O(a²) for a authors.
    static func partners(_ authors: [PersonName], _ ids: [AuthorIDs], _ laterAuthors: [PersonName], _ laterIDs: [AuthorIDs]) -> [Int?] {
        var scratch: [UInt8] = []
        // The whole name folded in its natural order: one written name that two databases cut
        // into surname and given names differently (Web of Science's `Ignacio Pelaez, Jose`,
        // Scopus's `Peláez, José Ignacio`) is one.
        func person(_ name: PersonName) -> (surname: String, given: [String], whole: [String]) {
            (NameKey.fold(surname(name)), NameKey.foldedGivenTokens(name.first, scratch: &scratch), NameKey.foldedWords(of: name))
        }
        let people = authors.map(person), laterPeople = laterAuthors.map(person)
        // Umlauts spelled out (`Mueller, Juergen` for `Müller, Jürgen`, as Web of Science writes
        // them): asked only of two names that differ otherwise (a user trial of session 60 found
        // the one author unaligned, the copy read first deciding the name and IDs kept).
        func umlautsSpelledOut(_ folded: String) -> String {
            guard folded.contains("e") else { return folded }
            return folded.replacingOccurrences(of: "ae", with: "a").replacingOccurrences(of: "oe", with: "o").replacingOccurrences(of: "ue", with: "u")
        }
        func likeness(_ a: Int, _ b: Int) -> Likeness {
            if a < ids.count, b < laterIDs.count, ids[a].conflicts(with: laterIDs[b]) { return .none }
            let spelledOut = people[a].surname != laterPeople[b].surname
            if spelledOut, umlautsSpelledOut(people[a].surname) != umlautsSpelledOut(laterPeople[b].surname) {
                return people[a].whole == laterPeople[b].whole && !people[a].whole.isEmpty ? .compatible : .none
            }
            var (given, laterGiven) = (people[a].given, laterPeople[b].given)
            if spelledOut { (given, laterGiven) = (given.map(umlautsSpelledOut), laterGiven.map(umlautsSpelledOut)) }
            guard let initial = given.first?.first, let laterInitial = laterGiven.first?.first else { return .compatible }
            if AuthorResolver.subsumes(given, laterGiven) || AuthorResolver.subsumes(laterGiven, given) { return .compatible }
            return initial == laterInitial ? .initial : .none
        }
        if authors.count == laterAuthors.count, authors.indices.allSatisfy({ likeness($0, $0) == .compatible }) {
            return authors.indices.map { $0 }
        }
        var partner = [Int?](repeating: nil, count: authors.count)
        var used = [Bool](repeating: false, count: laterAuthors.count)
        for wanted in [Likeness.compatible, .initial] {
            for index in authors.indices where partner[index] == nil {
                let matches = laterAuthors.indices.filter { !used[$0] && likeness(index, $0) == wanted }
                if let match = matches.first(where: { $0 == index }) ?? matches.first {
                    partner[index] = match
                    used[match] = true
                }
            }
        }
        return partner
    }

    /// Whether the affiliations `a` are kept rather than `b` (one copy's list for an author, or
    /// for the paper): a list over none; then more ROR ids; then more institutions named; then
    /// the longer text; then the first in code-point order of their texts, so that the list kept
    /// does not hang on which copy came first.
    static func prefers(_ a: [Affiliation], to b: [Affiliation]) -> Bool {
        if a.isEmpty || b.isEmpty { return !a.isEmpty }
        func count(_ list: [Affiliation], _ has: (Affiliation) -> Bool) -> Int { list.count(where: has) }
        let (rorA, rorB) = (count(a) { !$0.ror.isEmpty }, count(b) { !$0.ror.isEmpty })
        if rorA != rorB { return rorA > rorB }
        let (namedA, namedB) = (count(a) { !$0.institution.isEmpty }, count(b) { !$0.institution.isEmpty })
        if namedA != namedB { return namedA > namedB }
        // The fuller text (`Drexel University, …` over `Drexel Univ, …`), then code points.
        func text(_ list: [Affiliation]) -> [String] { list.map { [$0.raw, $0.institution, $0.ror, $0.country].joined(separator: "\u{1}") } }
        let (textA, textB) = (text(a), text(b))
        let (lengthA, lengthB) = (textA.reduce(0) { $0 + $1.unicodeScalars.count }, textB.reduce(0) { $0 + $1.unicodeScalars.count })
        if lengthA != lengthB { return lengthA > lengthB }
        return textA.lexicographicallyPrecedes(textB) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// A name's particle and surname, without a generational suffix that a BibTeX export leaves
    /// in it (Scopus's `Carmone Jr., Frank J.` is `Carmone, FJ` of Web of Science).
    private static func surname(_ name: PersonName) -> String {
        let whole = name.von + name.last
        guard let blank = whole.lastIndex(of: " "), ExportValues.isGenerationalSuffix(String(whole[whole.index(after: blank)...])) else { return whole }
        return String(whole[..<blank])
    }

    /// How far an author of one copy can be an author of the other (`partners`).
    enum Likeness {
        /// Different surnames, different initials, or different IDs of one kind.
        case none
        /// Given names compatible (or one copy gives none).
        case compatible
        /// Only the given names' initials agree.
        case initial
    }

    /// A spelled-out first given name beats an initial; then the longer given name; then mixed
    /// case beats capitals; then the name with more letters beyond ASCII (its accents kept:
    /// `Kułakowski`, not `Kulakowski`); then, between names alike in all of these, the first in
    /// code-point order of their parts, so that the form kept does not hang on which copy came first.
    static func isFuller(_ a: PersonName, than b: PersonName) -> Bool {
        let fullA = (NameKey.givenTokens(a.first).first?.count ?? 0) > 1
        let fullB = (NameKey.givenTokens(b.first).first?.count ?? 0) > 1
        if fullA != fullB { return fullA }
        if a.first.count != b.first.count { return a.first.count > b.first.count }
        let capitalsA = a.last == a.last.uppercased(), capitalsB = b.last == b.last.uppercased()
        if capitalsA != capitalsB { return capitalsB }
        func accented(_ name: PersonName) -> Int { (name.first + name.von + name.last).unicodeScalars.count { $0.value >= 0x80 } }
        let (accentsA, accentsB) = (accented(a), accented(b))
        if accentsA != accentsB { return accentsA > accentsB }
        for (x, y) in [(a.first, b.first), (a.von, b.von), (a.last, b.last), (a.jr, b.jr), (a.homonym, b.homonym)] where x != y {
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        }
        return false
    }
}
