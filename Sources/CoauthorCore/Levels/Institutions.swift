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
    public static func institution(fromAddress address: String) -> String {
        let parts = address.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "."))) }
            .filter { !$0.isEmpty }
        let keys = parts.map(key)
        if let i = keys.firstIndex(where: { $0.contains("univ") }) { return parts[i] }
        if let i = keys.firstIndex(where: { key in organisationWords.contains { (" " + key + " ").contains($0) } }) {
            return parts[i]
        }
        return parts.first ?? ""
    }

    /// Stems (and, between blanks, abbreviations) that mark an organisation's name, folded as `key` folds.
    static let organisationWords = [
        "institut", " inst ", "college", " coll ", "hospital", " hosp ", "academ", " acad ", "school", " sch ",
        "centre", "center", " ctr ", "laborator", " lab ", "foundation", " fdn ", "council", "ministry", " minist ",
        "agency", "company", "corporation", " corp ", "polytechn", "politecn", "museum", "library", "observator",
        " cnrs ", " inserm ", " gmbh ", " ltd ", " inc ",
    ]
}
