import Foundation

/// Institutions as network units: the ROR id where the source gives one, else the normalised name.
public enum Institutions {
    /// The unit an affiliation names: `ror:<id>` for a ROR id, else its institution's normalised
    /// name (`key`); with the spelling the source used. Nil when it names no institution.
    ///
    /// Sources that give only an address (Scopus, PubMed, Crossref) name the institution by the
    /// part of the address that `institution(fromAddress:)` picks.
    public static func unit(of affiliation: Affiliation) -> (key: String, spelling: String)? {
        let institution = affiliation.institution.trimmingCharacters(in: .whitespacesAndNewlines)
        if !affiliation.ror.isEmpty { return ("ror:" + affiliation.ror, institution.isEmpty ? affiliation.ror : institution) }
        let name = institution.isEmpty ? Self.institution(fromAddress: affiliation.raw) : institution
        let key = self.key(name)
        return key.isEmpty ? nil : (key, name)
    }

    /// An institution's name case-folded, diacritics removed, and every run of punctuation and
    /// blanks made one blank: `Univ. of  Naples–Federico II` → `univ of naples federico ii`.
    public static func key(_ name: String) -> String {
        foldedWords(name)
    }

    /// The institution an address names: its first part naming a university, else its first part
    /// naming another organisation (an institute, hospital, college, academy, centre, laboratory,
    /// …), else its first part, which is where Web of Science puts the organisation.
    ///
    /// `Department of Urology, Qingdao Central Hospital, University of Health and Rehabilitation
    /// Sciences, Qingdao, 266042, China` → `University of Health and Rehabilitation Sciences`.
    /// A part's commas inside brackets are its own (`Cancer Research Center (CiC-IBMCC,
    /// CSIC/USAL)`).
    ///
    /// A company's legal form after a comma belongs to its name (`Taiwan Flux Technology Co.,
    /// Ltd., Taipei, Taiwan` → `Taiwan Flux Technology Co., Ltd`), not a part of its own, which
    /// the organisation words (`ltd`) would take for the institution.
    public static func institution(fromAddress address: String) -> String {
        let trim = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "."))
        // The commas inside brackets are the name's (`Cancer Research Center (CiC-IBMCC,
        // CSIC/USAL), Salamanca, Spain`), unless a bracket is never closed: then every comma cuts.
        func split(keepingBrackets: Bool) -> (pieces: [Substring], open: Bool) {
            var pieces: [Substring] = []
            // Whether the last piece has a bracket still open.
            var open = false
            for piece in address.split(separator: ",") {
                if let last = pieces.last, (keepingBrackets && open) || legalForms.contains(key(String(piece))) {
                    pieces[pieces.count - 1] = address[last.startIndex..<piece.endIndex]
                } else {
                    pieces.append(piece)
                }
                let whole = pieces[pieces.count - 1]
                open = whole.count { $0 == "(" } > whole.count { $0 == ")" }
            }
            return (pieces, open)
        }
        var (pieces, unclosed) = split(keepingBrackets: true)
        if unclosed { pieces = split(keepingBrackets: false).pieces }
        let parts = pieces.map { $0.trimmingCharacters(in: trim) }.filter { !$0.isEmpty }
        let keys = parts.map(key)
        if let i = keys.firstIndex(where: { $0.contains("univ") }) { return parts[i] }
        if let i = keys.firstIndex(where: { key in organisationWords.contains { (" " + key + " ").contains($0) } }) {
            return parts[i]
        }
        return parts.first ?? ""
    }

    /// Companies' legal forms, folded as `key` folds, that addresses write after a comma. (`SA`,
    /// `AS`, `Co` and `NV` are left out: they are Australian and US states' abbreviations too.)
    static let legalForms: Set<String> = ["ltd", "co ltd", "inc", "llc", "llp", "lp", "corp", "gmbh", "ag", "bv", "b v", "n v",
                                          "plc", "pty ltd", "pty", "limited", "srl", "s r l", "spa", "s p a", "s a", "sas", "kg", "oy"]

    /// Stems (and, between blanks, abbreviations) that mark an organisation's name, folded as `key` folds.
    static let organisationWords = [
        "institut", " inst ", "college", " coll ", "hospital", " hosp ", "academ", " acad ", "school", " sch ",
        "centre", "center", " ctr ", "laborator", " lab ", "foundation", " fdn ", "council", "ministry", " minist ",
        "agency", "company", "corporation", " corp ", "polytechn", "politecn", "museum", "library", "observator",
        " cnrs ", " inserm ", " gmbh ", " ltd ", " inc ",
    ]
}
