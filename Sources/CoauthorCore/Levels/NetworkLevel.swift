/// What a node of the network stands for (SPEC §4, levels).
public enum NetworkLevel: String, Sendable, CaseIterable {
    /// A resolved author (SPEC §3).
    case author
    /// An institution: its ROR id where the source gives one, else its normalised name.
    case institution
    /// A country, by its ISO 3166-1 alpha-2 code.
    case country

    /// The word for one node, for messages and titles.
    public var unitName: String { rawValue }

    /// `text` (a metric's summary, written of authors) said of this level's units: `distinct
    /// co-authors` of institutions are `distinct partners`, the `author` of a path an `institution`.
    public func describing(_ text: String) -> String {
        guard self != .author else { return text }
        return text.replacingOccurrences(of: "co-authors", with: "partners").replacingOccurrences(of: "the author", with: "the \(unitName)")
    }

    /// The word for several nodes.
    public var plural: String {
        switch self {
        case .author: "authors"
        case .institution: "institutions"
        case .country: "countries"
        }
    }
}

/// `word` with its first letter in upper case (`countries` → `Countries`), for titles and labels.
func capitalisingFirst(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

/// `a` or `an` before the unit's name `word` (`an author`, `an institution`, `a country`).
func indefiniteArticle(_ word: String) -> String { word.first.map { "aeiou".contains($0) } ?? false ? "an" : "a" }

/// The institutions or countries of each publication, found in its authors' affiliations: the
/// nodes of a network at institution or country level (SPEC §4).
///
/// A publication's units are the distinct units of all its authors' affiliations, in the order
/// authors and their affiliations are listed. Publications whose affiliations name no unit are
/// counted in `withoutUnits`, never guessed.
public struct UnitIndex: Sendable {
    public let level: NetworkLevel
    /// Per unit: `ror:<id>`, the normalised institution name (`Institutions.key`), or the country code.
    public let keys: [String]
    /// Per unit, the label nodes show: an institution's most common spelling (ties: the
    /// alphabetically first), a country's English short name.
    public let names: [String]
    /// For each publication (input order), its distinct units.
    public let unitsOfPublication: [[Int32]]
    /// Publications none of whose authors has an affiliation naming a unit of this level (of
    /// those `counting` selects: the network's years).
    public let withoutUnits: Int
    /// Publications with no affiliation at all (a subset of `withoutUnits`).
    public let withoutAffiliations: Int
    /// At institution level, per unit, the keys (`Institutions.key`) of the spellings it was read
    /// as: a unit with a ROR id is found by any of them (`label(matching:)`).
    private let spellingKeys: [Set<String>]

    /// Finds the units of every publication.
    /// - Precondition: `level` is `.institution` or `.country`.
    /// - Complexity: O(total length of the affiliations).
    /// - Parameter counting: which publications `withoutUnits` and `withoutAffiliations` count
    ///   (by index): those of the network's years (`NetworkOptions.includes(year:)`); a paper
    ///   outside them is in no network, so its lack of units is nothing to report.
    public init(publications: [Publication], level: NetworkLevel, counting: (Int) -> Bool = { _ in true }) {
        precondition(level != .author, "authors are resolved by AuthorResolver, not found in affiliations")
        var idOf: [String: Int32] = [:]
        var keys: [String] = []
        var spellings: [[String: Int]] = []
        var without = 0, withoutAny = 0
        var units: [[Int32]] = []
        // At institution level, the countries each unit's affiliations name (a name joins the ROR
        // institution of that name only in its country, `joinNamesToTheirROR`).
        var countries: [Set<String>] = []
        var countryOf: [Affiliation: String?] = [:]
        units.reserveCapacity(publications.count)
        // The same affiliation comes back on paper after paper: each is looked up once.
        var known: [Affiliation: (key: String, spelling: String)?] = [:]
        for index in publications.indices {
            let extras = publications[index].extras
            let affiliations = extras.affiliations
            var mine: [Int32] = []
            for author in affiliations + [extras.addresses] {
                for affiliation in author {
                    let found: (key: String, spelling: String)?
                    if let cached = known[affiliation] {
                        found = cached
                    } else {
                        switch level {
                        case .institution: found = Institutions.unit(of: affiliation)
                        case .country: found = Countries.code(of: affiliation).map { ($0, $0) }
                        case .author: found = nil
                        }
                        known[affiliation] = found
                    }
                    guard let found else { continue }
                    let id: Int32
                    if let known = idOf[found.key] {
                        id = known
                    } else {
                        id = Int32(keys.count)
                        idOf[found.key] = id
                        keys.append(found.key)
                        spellings.append([:])
                        countries.append([])
                    }
                    if level == .institution {
                        let country = countryOf[affiliation] ?? Countries.code(of: affiliation)
                        countryOf[affiliation] = country
                        if let country { countries[Int(id)].insert(country) }
                    }
                    spellings[Int(id)][found.spelling, default: 0] += 1
                    if !mine.contains(id) { mine.append(id) }
                }
            }
            if mine.isEmpty, counting(index) {
                without += 1
                if affiliations.allSatisfy(\.isEmpty) && extras.addresses.isEmpty { withoutAny += 1 }
            }
            units.append(mine)
        }
        if level == .institution {
            Self.joinNamesToTheirROR(keys: &keys, spellings: &spellings, countries: countries, units: &units)
        }
        self.level = level
        self.keys = keys
        names = keys.indices.map { u in
            if level == .country { return Countries.name(of: keys[u]) ?? keys[u] }
            return spellings[u].min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }!.key
        }
        unitsOfPublication = units
        withoutUnits = without
        withoutAffiliations = withoutAny
        spellingKeys = level == .institution ? spellings.map { Set($0.keys.lazy.map(Institutions.key)) } : []
    }

    /// An institution known by its name alone (a MEDLINE or Web of Science address) is the one
    /// with a ROR id (OpenAlex) that the corpus names so, where exactly one does, and in its
    /// country where both name one (`Universidad Nacional, Bogotá, Colombia` is not Costa Rica's):
    /// read together, the two were two nodes labelled alike (`University of Washington`), each
    /// with part of its papers. Units are renumbered in order, each publication's kept distinct.
    /// - Complexity: O(units + spellings + Σ units per publication).
    private static func joinNamesToTheirROR(keys: inout [String], spellings: inout [[String: Int]], countries: [Set<String>],
                                            units: inout [[Int32]]) {
        var rorOfName: [String: Int] = [:]
        for (unit, key) in keys.enumerated() where key.hasPrefix("ror:") {
            for spelling in spellings[unit].keys {
                let name = Institutions.key(spelling)
                guard !name.isEmpty else { continue }
                rorOfName[name] = rorOfName[name].map { $0 == unit ? unit : -1 } ?? unit
            }
        }
        var into = Array(keys.indices)
        var joined = false
        for (unit, key) in keys.enumerated() where !key.hasPrefix("ror:") {
            if let ror = rorOfName[key], ror >= 0, countries[unit].isEmpty || countries[ror].isEmpty || countries[unit].isSubset(of: countries[ror]) {
                into[unit] = ror
                joined = true
            }
        }
        guard joined else { return }
        // Renumbered in order, the joined units' spellings counted with their ROR unit's.
        var number = [Int32](repeating: -1, count: keys.count)
        var newKeys: [String] = []
        var newSpellings: [[String: Int]] = []
        for unit in keys.indices where into[unit] == unit {
            number[unit] = Int32(newKeys.count)
            newKeys.append(keys[unit])
            newSpellings.append(spellings[unit])
        }
        for unit in keys.indices where into[unit] != unit {
            number[unit] = number[into[unit]]
            newSpellings[Int(number[unit])].merge(spellings[unit], uniquingKeysWith: +)
        }
        units = units.map { list in
            var mapped: [Int32] = []
            for unit in list where !mapped.contains(number[Int(unit)]) { mapped.append(number[Int(unit)]) }
            return mapped
        }
        keys = newKeys
        spellings = newSpellings
    }

    /// The units as an author index (one "author" per unit), the form `NetworkBuilder` reads.
    /// Each unit carries its code as an identifier (`ror` or `country_code` in exports); an
    /// institution known by its name alone has none.
    public var memberIndex: AuthorIndex {
        var index = AuthorIndex(names: names, authorsOfPublication: PackedLists(unitsOfPublication), merges: [], nearMisses: [])
        index.ids = keys.map { key in
            switch level {
            case .country: AuthorIDs(country: key)
            case .institution: key.hasPrefix("ror:") ? AuthorIDs(ror: String(key.dropFirst(4))) : AuthorIDs()
            case .author: AuthorIDs()
            }
        }
        return index
    }

    /// The label of the unit `text` names: its label, its key or code (`US`, `ror:…`, the
    /// ROR id alone), or a spelling that normalises to its key (`Peoples R China`); nil for none.
    public func label(matching text: String) -> String? {
        if let u = names.firstIndex(of: text) { return names[u] }
        let lowered = text.lowercased()
        if let u = names.firstIndex(where: { $0.lowercased() == lowered }) { return names[u] }
        let candidates: [String] = switch level {
        case .country: [text.uppercased(), Countries.code(forName: text) ?? ""]
        case .institution: ["ror:" + text, text, Institutions.key(text)]
        case .author: []
        }
        for candidate in candidates where !candidate.isEmpty {
            if let u = keys.firstIndex(of: candidate) { return names[u] }
        }
        // A spelling of a unit known by its ROR id (`Univ Washington` for the node labelled
        // `University of Washington`), where one unit was read so (a user trial of session 52).
        if level == .institution {
            let key = Institutions.key(text)
            let found = spellingKeys.indices.filter { spellingKeys[$0].contains(key) }
            if found.count == 1 { return names[found[0]] }
        }
        return nil
    }
}
