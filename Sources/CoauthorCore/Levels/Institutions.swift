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

    /// The ROR id `text` names: itself in lower case, or the last component of a ROR URL
    /// (`https://ror.org/00cvxb145/`, also with a query or fragment, as OpenAlex and browsers
    /// write it: a trailing slash made it empty, a review of session 61).
    static func rorID(_ text: String) -> String {
        var id = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard id.contains("ror.org/") else { return id }
        if let cut = id.firstIndex(where: { $0 == "?" || $0 == "#" }) { id = String(id[..<cut]) }
        while id.hasSuffix("/") { id.removeLast() }
        return ExportValues.lastComponent(id)
    }

    /// An institution's name case-folded, diacritics removed, `&` read as `and`, and every run of
    /// punctuation and blanks made one blank: `Univ. of  Naples–Federico II` → `univ of naples
    /// federico ii`, `University of Science & Technology` → `university of science and technology`.
    public static func key(_ name: String) -> String {
        foldedWords(name, dropping: apostrophes, ampersandAsAnd: true)
    }

    /// Dropped from institution names, as from country names: `King's College London` is Web of
    /// Science's `Kings Coll London` (a user trial of session 53 found them two nodes).
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]

    /// `key(name)` with its words abbreviated as Web of Science abbreviates them and its linking
    /// words dropped: `University of Naples–Federico II` → `univ naples federico ii`, the
    /// abbreviated key of Web of Science's `Univ Naples Federico II` too. Word order is kept:
    /// `Tsinghua University` is `Tsinghua Univ` there. Different institutions may share one
    /// (`National Institute(s) of Health` in the US and in Pakistan): `UnitIndex` joins only
    /// names of one key that are one name (`areOneName`) in one country.
    public static func abbreviatedKey(_ name: String) -> String {
        let words = key(name).split(separator: " ")
        var key = ""
        for word in words where !linkingWords.contains(word) {
            if !key.isEmpty { key += " " }
            key += abbreviation[word]?.short ?? String(word)
        }
        // A name of linking words alone (`The`) keeps them.
        return key.isEmpty ? words.joined(separator: " ") : key
    }

    /// The words of `key(name)` but the linking words (`University of Trento` → `university
    /// trento`), the words `areOneName` compares.
    static func significantWords(_ name: String) -> [Substring] {
        key(name).split(separator: " ").filter { !linkingWords.contains($0) }
    }

    /// Whether two names' significant words are one name as databases write it: word for word
    /// the same, one the other's abbreviation (`univ` and `university`, `lab` and `laboratory`),
    /// or the same word in two languages (`university` and `universita`). Words that abbreviate
    /// alike without being one another's abbreviation or translation are two names (`institute`
    /// and `institutes`, `physical` and `physics`).
    static func areOneName(_ a: [Substring], _ b: [Substring]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let (ax, ay) = (abbreviation[x], abbreviation[y])
            guard ax?.short == String(y) || ay?.short == String(x) || (ax != nil && ax?.meaning == ay?.meaning) else { return false }
        }
        return true
    }

    /// Words that link an institution's name, in the languages of most affiliations (folded as
    /// `foldedWords` folds): Web of Science leaves them out (`Univ Sci & Technol China` for the
    /// University of Science and Technology of China: `&` is no letter).
    static let linkingWords: Set<Substring> = ["of", "the", "and", "for", "at", "in", "de", "del", "della", "degli", "dei", "di", "des", "du",
                                               "da", "do", "dos", "das", "la", "le", "les", "el", "y", "e", "et", "und", "der", "fur", "van", "voor"]

    /// Web of Science's abbreviations of the words of institutions' names (from its export's
    /// addresses: `Univ`, `Inst`, `Natl`, `Technol`, `Sci`, `Hosp`, `Ctr`, …), each with the words
    /// it stands for in groups of one meaning (the same word in the languages that write it so),
    /// folded as `foldedWords` folds. Both sides of a comparison go through the table, so a word it
    /// conflates (`electronic`, `electrical`: `elect`) is conflated as Web of Science conflates it
    /// in `abbreviatedKey`; `areOneName` tells the groups apart.
    static let abbreviationTable: [(short: String, meanings: [[Substring]])] = [
        ("univ", [["university", "universidad", "universidade", "universite", "universita", "universitat", "universiteit", "universitet",
                   "universitesi", "uniwersytet", "univerzita", "universitatea"], ["universities"]]),
        ("inst", [["institute", "institut", "instituto", "istituto", "institutet", "instytut", "institutt"], ["institutes"], ["institution"]]),
        ("natl", [["national", "nacional", "nazionale", "nationale"]]),
        ("technol", [["technology", "tecnologia", "technologie"], ["technologies"], ["technological"]]),
        ("tech", [["technical", "technische"], ["technion"]]),
        ("sci", [["science", "sciences", "ciencias", "scienze"], ["scientific"]]),
        ("res", [["research"]]),
        ("ctr", [["center", "centre", "centro", "centrum"]]),
        ("hosp", [["hospital", "hopital", "ospedale"], ["hospitals"]]),
        ("med", [["medical"], ["medicine"]]),
        ("dept", [["department"]]),
        ("lab", [["laboratory", "laboratorio", "laboratoire"], ["laboratories"]]),
        ("acad", [["academy", "academia", "academie", "akademie"]]),
        ("coll", [["college"]]),
        ("sch", [["school"]]),
        ("engn", [["engineering"]]),
        ("fdn", [["foundation", "fundacion", "fondazione"]]),
        ("polytech", [["polytechnic", "polytechnique", "politecnico", "politecnica"]]),
        ("int", [["international"]]),
        ("environm", [["environmental"], ["environment"]]),
        ("agr", [["agricultural"], ["agriculture"]]),
        ("fed", [["federal", "federale"]]),
        ("hlth", [["health"]]),
        ("phys", [["physics"], ["physical"]]),
        ("chem", [["chemistry"], ["chemical"]]),
        ("biol", [["biology"], ["biological"]]),
        ("math", [["mathematics"], ["mathematical"]]),
        ("comp", [["computer"], ["computing"]]),
        ("informat", [["information"], ["informatics"]]),
        ("econ", [["economics"], ["economic"]]),
        ("educ", [["education"], ["educational"]]),
        ("appl", [["applied"]]),
        ("dev", [["development"]]),
        ("govt", [["government"]]),
        ("minist", [["ministry"]]),
        ("soc", [["society"]]),
        ("calif", [["california"]]),
        ("elect", [["electronic", "electronics"], ["electrical"]]),
        ("mech", [["mechanical"], ["mechanics"]]),
        ("amer", [["american"]]),
        ("gen", [["general"]]),
        ("cent", [["central"]]),
        ("publ", [["public"]]),
        ("org", [["organization", "organisation"]]),
        ("div", [["division"]]),
        ("fac", [["faculty"]]),
        ("grad", [["graduate"]]),
        ("syst", [["systems"]]),
        ("adv", [["advanced"]]),
        ("nucl", [["nuclear"]]),
        ("ind", [["industrial"], ["industry"]]),
        ("psychol", [["psychology"]]),
        ("clin", [["clinical"], ["clinic", "clinics"]]),
        ("canc", [["cancer"]]),
        ("pharmaceut", [["pharmaceutical"]]),
        ("vet", [["veterinary"]]),
        ("mil", [["military"]]),
        ("observ", [["observatory"]]),
        ("commiss", [["commission"]]),
        ("assoc", [["association"]]),
        ("corp", [["corporation"]]),
        // Words of departments and institutes' names (`Max Planck Inst Biochem`, `Natl Inst Stand &
        // Technol`, `Consejo Super Invest Cient`): a user trial of session 53.
        ("biochem", [["biochemistry"], ["biochemical"]]),
        ("biotechnol", [["biotechnology"]]),
        ("mol", [["molecular"]]),
        ("genet", [["genetics"]]),
        ("microbiol", [["microbiology"]]),
        ("immunol", [["immunology"]]),
        ("pathol", [["pathology"]]),
        ("physiol", [["physiology"]]),
        ("pharmacol", [["pharmacology"]]),
        ("pharm", [["pharmacy"]]),
        ("neurosci", [["neuroscience", "neurosciences"]]),
        ("psychiat", [["psychiatry"]]),
        ("surg", [["surgery"]]),
        ("pediat", [["pediatrics"]]),
        ("radiol", [["radiology"]]),
        ("oncol", [["oncology"]]),
        ("epidemiol", [["epidemiology"]]),
        ("nutr", [["nutrition"]]),
        ("stat", [["statistics"]]),
        ("geol", [["geology"], ["geological"]]),
        ("geophys", [["geophysics"]]),
        ("oceanog", [["oceanography"]]),
        ("meteorol", [["meteorology"]]),
        ("astron", [["astronomy"]]),
        ("astrophys", [["astrophysics"]]),
        ("mat", [["materials"]]),
        ("automat", [["automation"]]),
        ("aerosp", [["aerospace"]]),
        ("mem", [["memorial"]]),
        ("stand", [["standards"]]),
        ("super", [["superior", "superiore", "superieure", "superieur"]]),
        ("invest", [["investigation", "investigacion", "investigaciones"]]),
        ("cient", [["cientifica", "cientificas", "cientifico", "cientificos"]]),
        ("co", [["company"]]),
    ]

    /// Each word of `abbreviationTable` with its abbreviation and the number of its group of one meaning.
    static let abbreviation: [Substring: (short: String, meaning: Int)] = {
        var table: [Substring: (short: String, meaning: Int)] = [:]
        var meaning = 0
        for (short, groups) in abbreviationTable {
            for group in groups {
                for word in group { table[word] = (short, meaning) }
                meaning += 1
            }
        }
        return table
    }()

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
                if let last = pieces.last, (keepingBrackets && open) || legalForms.contains(foldedWords(String(piece))) {
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
        let keys = parts.map { foldedWords($0) }
        if let i = keys.firstIndex(where: { key in universityWords.contains { key.contains($0) } }) {
            // A campus of a university system is its own institution (`University of California,
            // Berkeley`: Web of Science's `Univ Calif Berkeley`; a user trial of session 53 found
            // every campus one node).
            if universitySystems.contains(keys[i]), i + 1 < parts.count, isCampus(keys[i + 1], parts[i + 1]) {
                return parts[i] + ", " + parts[i + 1]
            }
            return parts[i]
        }
        // The departments, divisions and groups an address starts with are no institution where a
        // name follows them, then a city (`Department of Computer Science, ETH Zürich, Zurich,
        // Switzerland` is ETH Zürich; the fallback to the first part made it, EPFL's and every
        // other such department one node: a user trial of session 57). Only there: a part after
        // the departments that a state's code, a country or a postal code follows is the city
        // (`Department of Physics, Cambridge, MA, USA`; `Group Health Research Institute,
        // Seattle, WA, USA`), and the rules read from the first part, as before (a review of
        // session 57 found cities made institutions where the place was read from the end).
        var start = 0
        while start < parts.count, isDepartment(keys[start]) { start += 1 }
        if start == 0 || start + 2 >= parts.count || !isName(parts[start]) || !isCity(parts[start + 1]) { start = 0 }
        func naming(_ words: [String]) -> Int? {
            keys[start...].firstIndex { key in words.contains { (" " + key + " ").contains($0) } }
        }
        // An organisation before its schools, centres and laboratories (`School of Physics,
        // Georgia Institute of Technology`; `Laboratory of Molecular Biology, National Institutes
        // of Health`: a user trial of session 53 found departments of different institutions one node).
        if let i = naming(organisationWords) ?? naming(subUnitWords) { return parts[i] }
        return parts.isEmpty ? "" : parts[start]
    }

    /// Whether an address part, folded, names a department, division, faculty or group (in the
    /// languages addresses are written in, and as Web of Science abbreviates them): `Department
    /// of Physics`, `Computer Science Dept`, `NASA Adv. Supercomput. Div.`, `Dipartimento di
    /// Medicina`, `Abteilung Kardiologie`.
    /// - Complexity: O(length of `key`).
    static func isDepartment(_ key: String) -> Bool {
        let words = key.split(separator: " ")
        guard let first = words.first, let last = words.last else { return false }
        return departmentWords.contains(first) || (words.count > 1 && departmentEndings.contains(last))
    }

    /// Whether an address part can be an organisation's name: no digit (a street, a postal code),
    /// no country, no state's code.
    /// - Complexity: O(length of `part`).
    private static func isName(_ part: String) -> Bool {
        !part.contains(where: \.isNumber) && !isStateCode(part) && Countries.code(forName: part) == nil
    }

    /// Whether an address part can be a city: words, with a postal code or none (`Zurich`,
    /// `8093 Zurich`, `London WC2A 2AE`), not a country, nor a state's code with or without its
    /// ZIP code (`MA`, `CA 94305`).
    /// - Complexity: O(length of `part`).
    private static func isCity(_ part: String) -> Bool {
        let words = part.split(separator: " ")
        guard words.contains(where: { $0.count > 2 && $0.allSatisfy(\.isLetter) }) else { return false }
        if let first = words.first, isStateCode(String(first)), words.dropFirst().allSatisfy({ $0.allSatisfy(\.isNumber) }) { return false }
        return Countries.code(forName: part) == nil
    }

    /// `MA`, `ZH`: two capital letters.
    private static func isStateCode(_ part: String) -> Bool {
        part.count == 2 && part.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// The words, folded, that end a department's name (`Computer Science Dept`); fewer than
    /// start one: `National Weather Service` and `MRC Biostatistics Unit` are institutions.
    static let departmentEndings: Set<Substring> = ["department", "dept", "div", "division", "faculty", "fac", "section", "sect"]

    /// The words, folded, that start a department's name: `isDepartment`. (Not `groupe`:
    /// `Groupe Hospitalier Pitié-Salpêtrière` is a hospital.)
    static let departmentWords: Set<Substring> = [
        "department", "departments", "dept", "depts", "departement", "departament", "departamento", "dipartimento", "departamentul",
        "division", "div", "divis", "faculty", "fac", "facultad", "faculdade", "faculte", "facolta", "fakultat", "fakultet",
        "section", "sect", "chair", "unit", "group", "grp", "gruppo", "grupo", "arbeitsgruppe", "abteilung", "lehrstuhl",
        "service", "program", "programme", "programa", "team", "equipe", "zaklad", "katedra", "institutionen",
    ]

    /// Universities of several campuses, folded, whose addresses name the campus in the next part
    /// and which Web of Science names with the campus (`Univ Calif Berkeley`, `Univ Texas Austin`).
    /// (Not those it names without: `Univ Michigan` is Scopus's `University of Michigan, Ann Arbor`.)
    static let universitySystems: Set<String> = ["university of california", "university of texas"]

    /// Whether an address part after a university system's name is a campus (`Berkeley`, `Los
    /// Angeles`, `College Park`): a place of a few words, no number, no country, no department.
    private static func isCampus(_ key: String, _ part: String) -> Bool {
        let words = key.split(separator: " ")
        guard (1...4).contains(words.count), !key.contains(where: \.isNumber), Countries.code(forName: part) == nil else { return false }
        return !["department", "dept", "faculty", "school", "institute", "division", "center", "centre", "laborator", "program", "graduate",
                 "college of", "hospital", "medical", "health", "clinic"].contains { key.contains($0) }
    }

    /// Stems that mark a university, folded as `foldedWords` folds: `univ` in every language
    /// that writes it so, and the German-speaking countries' `Hochschule` (`Technische Hochschule
    /// Mittelhessen`, ETH's `Eidgenössische Technische Hochschule`: a user trial of session 55
    /// found a competence centre's name the institution).
    static let universityWords = ["univ", "hochschule"]

    /// Companies' legal forms, folded as `foldedWords` folds, that addresses write after a comma. (`SA`,
    /// `AS`, `Co` and `NV` are left out: they are Australian and US states' abbreviations too.)
    static let legalForms: Set<String> = ["ltd", "co ltd", "inc", "llc", "llp", "lp", "corp", "gmbh", "ag", "bv", "b v", "n v",
                                          "plc", "pty ltd", "pty", "limited", "srl", "s r l", "spa", "s p a", "s a", "sas", "kg", "oy"]

    /// Stems (and, between blanks, abbreviations) that mark a school, centre or laboratory, folded
    /// as `foldedWords` folds: an organisation's part where the address names no other.
    static let subUnitWords = ["school", " sch ", "centre", "center", " ctr ", "laborator", " lab ", "zentrum", " centro ", "centrum"]

    /// Stems (and, between blanks, abbreviations) that mark an organisation's name, folded as `foldedWords` folds.
    static let organisationWords = [
        "institut", " inst ", "college", " coll ", "hospital", " hosp ", "academ", " acad ",
        "foundation", " fdn ", "council", "ministry", " minist ",
        // The same in the languages addresses are written in: `Istituto`, `Instytut`, `Akademie`,
        // `Hôpital`, `Ospedale`, `Klinikum`, `Fundación`, `Fondazione`, `Stiftung`, `École`,
        // `Scuola`, `Escuela`, `Escola`.
        "istitut", "instytut", "akadem", "hopital", "ospedal", "klinik", "krankenhaus", "fundac", "fondaz", "stiftung",
        " ecole ", " scuola ", " escuela ", " escola ",
        "agency", "company", "corporation", " corp ", "polytechn", "politecn", "museum", "library", "observator",
        " cnrs ", " inserm ", " gmbh ", " ltd ", " inc ",
        // Research organisations known by their acronym or name alone, which an address may put
        // after a team's or department's name (Scopus: `Projet Contraintes, INRIA Rocquencourt,
        // Le Chesnay, France` named the team: a user trial of session 51).
        " inria ", " csic ", " cnr ", " cea ", " inra ", " inrae ", " csiro ", " riken ", " nasa ", " max planck ", " fraunhofer ",
        " helmholtz ", " embl ", " cern ", " infn ", " nih ", " ird ", " cirad ", " tno ",
    ]
}
