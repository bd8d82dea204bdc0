/// The same paper read from several sources (SPEC §2): matched by DOI (case- and
/// `https://doi.org/`-insensitive), PMID, Web of Science UT, Scopus EID or OpenAlex id, else by
/// normalised title, year and first author's surname; merged without inventing or duplicating
/// an author.
enum PublicationMatch {
    /// The keys under which `publication` is found, strongest first.
    /// - Complexity: O(length of the title).
    static func keys(_ publication: Publication) -> [String] {
        var keys: [String] = []
        if !publication.doi.isEmpty {
            keys.append("doi:" + ExportValues.doi(publication.doi).lowercased())
        }
        if publication.hasExtras {
            let extras = publication.extras
            if !extras.pmid.isEmpty { keys.append("pmid:" + extras.pmid) }
            if !extras.ut.isEmpty { keys.append("ut:" + extras.ut.uppercased().replacingOccurrences(of: "WOS:", with: "")) }
            if !extras.eid.isEmpty { keys.append("eid:" + extras.eid.lowercased()) }
            if !extras.openAlex.isEmpty { keys.append("openalex:" + extras.openAlex.uppercased()) }
        }
        let title = NameKey.fold(publication.title.filter { $0.isLetter || $0.isNumber })
        if !title.isEmpty {
            let first = publication.authors.first.map { NameKey.fold($0.von + $0.last) } ?? ""
            keys.append("t:\(title)|\(publication.year ?? 0)|\(first)")
        }
        return keys
    }

    /// How a key matched, for the note: `same DOI 10.1/x`.
    static func describe(_ key: String) -> String {
        guard let colon = key.firstIndex(of: ":") else { return key }
        let value = key[key.index(after: colon)...]
        switch key[..<colon] {
        case "doi": return "same DOI \(value)"
        case "pmid": return "same PMID \(value)"
        case "ut": return "same Web of Science UT \(value)"
        case "eid": return "same Scopus EID \(value)"
        case "openalex": return "same OpenAlex id \(value)"
        default: return "same title, year and first author"
        }
    }

    /// Merges a later copy into the first: the union of the keys and IDs, the fuller form of each
    /// name. Authors are aligned by position where both lists agree on the surnames, otherwise by
    /// surname; an author of the later copy that matches none is not added (the first copy's list
    /// stands), so no author is ever invented or duplicated.
    /// - Complexity: O(a²) for a authors (lists are short).
    static func merge(_ later: Publication, into first: inout Publication) {
        if first.doi.isEmpty { first.doi = later.doi }
        if first.year == nil { first.year = later.year }
        if first.title.isEmpty { first.title = later.title }
        if first.venue.isEmpty { first.venue = later.venue }
        guard later.hasExtras || first.hasExtras || !later.authors.isEmpty else { return }
        var extras = first.extras
        let other = later.extras
        if extras.pmid.isEmpty { extras.pmid = other.pmid }
        if extras.ut.isEmpty { extras.ut = other.ut }
        if extras.eid.isEmpty { extras.eid = other.eid }
        if extras.openAlex.isEmpty { extras.openAlex = other.openAlex }
        if extras.citedBy == nil { extras.citedBy = other.citedBy }
        if extras.addresses.isEmpty { extras.addresses = other.addresses }
        let surnames = first.authors.map { NameKey.fold($0.von + $0.last) }
        let laterSurnames = later.authors.map { NameKey.fold($0.von + $0.last) }
        var partner = [Int?](repeating: nil, count: first.authors.count)
        if surnames == laterSurnames {
            for index in partner.indices { partner[index] = index }
        } else {
            var used = Set<Int>()
            for index in surnames.indices {
                let matches = laterSurnames.indices.filter { !used.contains($0) && laterSurnames[$0] == surnames[index] }
                if let match = matches.first(where: { $0 == index }) ?? matches.first {
                    partner[index] = match
                    used.insert(match)
                }
            }
        }
        var ids = extras.authorIDs
        var affiliations = extras.affiliations
        for (index, match) in partner.enumerated() {
            guard let match else { continue }
            if isFuller(later.authors[match], than: first.authors[index]) { first.authors[index] = later.authors[match] }
            if match < other.authorIDs.count, !other.authorIDs[match].isEmpty {
                if ids.count < first.authors.count { ids += Array(repeating: AuthorIDs(), count: first.authors.count - ids.count) }
                ids[index].fill(from: other.authorIDs[match])
            }
            if match < other.affiliations.count, !other.affiliations[match].isEmpty {
                if affiliations.count < first.authors.count { affiliations += Array(repeating: [], count: first.authors.count - affiliations.count) }
                if affiliations[index].isEmpty { affiliations[index] = other.affiliations[match] }
            }
        }
        extras.authorIDs = ids
        extras.affiliations = affiliations
        first.extras = extras
    }

    /// A spelled-out first given name beats an initial; then the longer given name; then mixed case beats capitals.
    private static func isFuller(_ a: PersonName, than b: PersonName) -> Bool {
        let fullA = (NameKey.givenTokens(a.first).first?.count ?? 0) > 1
        let fullB = (NameKey.givenTokens(b.first).first?.count ?? 0) > 1
        if fullA != fullB { return fullA }
        if a.first.count != b.first.count { return a.first.count > b.first.count }
        let capitalsA = a.last == a.last.uppercased(), capitalsB = b.last == b.last.uppercased()
        return capitalsB && !capitalsA
    }
}
