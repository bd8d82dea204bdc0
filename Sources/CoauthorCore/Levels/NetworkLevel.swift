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
    /// Publications (of those `counting` selects) with an affiliation that names no unit of this
    /// level although it says something (`BORIS KIDRIC INST, BELGRADE, YUGOSLAVIA` before the
    /// table knew Yugoslavia), whether or not their other affiliations name one; and the first
    /// such affiliation with its publication's place. A paper partly placed was in no message (a
    /// user trial of session 55).
    public let withUnplacedAffiliations: Int
    public let unplacedExample: (affiliation: String, location: SourceLocation)?
    /// Warnings about an alias file's `institutions`: a name no affiliation is read as.
    public let diagnostics: [Diagnostic]
    /// At institution level, per unit, the spellings it was read as: a unit is found by any of
    /// them (`label(matching:)`), a unit with a ROR id or joined by its abbreviated name too.
    private let spellings: [[String]]
    /// Beside each of `spellings`, the affiliations read as it.
    private let spellingCounts: [[Int]]
    /// At institution level, per unit, the code of the one country its affiliations name, or ""
    /// (none, or several: an alias file's join across countries, an institution of one name
    /// in two countries read as one where no address said which).
    private let countryCodes: [String]

    /// Finds the units of every publication.
    /// - Precondition: `level` is `.institution` or `.country`.
    /// - Complexity: O(total length of the affiliations).
    /// - Parameter counting: which publications `withoutUnits` and `withoutAffiliations` count
    ///   (by index): those of the network's years (`NetworkOptions.includes(year:)`); a paper
    ///   outside them is in no network, so its lack of units is nothing to report.
    /// - Parameter merges: an alias file's `institutions` (`AliasRules.institutionMerges`),
    ///   applied at institution level after the joins coauthor makes itself.
    public init(publications: [Publication], level: NetworkLevel, merges: [AliasRules.Merge] = [],
                counting: (Int) -> Bool = { _ in true }) {
        precondition(level != .author, "authors are resolved by AuthorResolver, not found in affiliations")
        var idOf: [String: Int32] = [:]
        var keys: [String] = []
        var spellings: [[String: Int]] = []
        var without = 0, withoutAny = 0, unplaced = 0
        var unplacedExample: (affiliation: String, location: SourceLocation)? = nil
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
            var placedAll = true
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
                    guard let found else {
                        // An affiliation of a country alone names no institution by design: OpenAlex's
                        // web CSV gives each author a country where its institutions do not align
                        // with the authors (the paper keeps them), and the note named `IN` as an
                        // affiliation in which no institution was found (a user trial of session 59).
                        let named = !affiliation.raw.isEmpty || !affiliation.institution.isEmpty
                            || (level == .country && !affiliation.country.isEmpty)
                        if placedAll, named {
                            placedAll = false
                            if unplacedExample == nil, counting(index) {
                                let text = [affiliation.raw, affiliation.institution, affiliation.country].first { !$0.isEmpty }!
                                unplacedExample = (text.withoutControlCharacters, publications[index].location)
                            }
                        }
                        continue
                    }
                    // An institution known by its name is one unit per country its addresses name
                    // (`Natl Inst Technol` in India and in Japan are two: a user trial of session 53
                    // found them one node, their joint paper no tie); `joinCountriesOfOneName`
                    // joins those of a name that only one country names.
                    var country: String? = nil
                    if level == .institution {
                        if let known = countryOf[affiliation] {
                            country = known
                        } else {
                            country = Countries.code(of: affiliation)
                            countryOf[affiliation] = country
                        }
                    }
                    let unitKey = level == .institution && !found.key.hasPrefix("ror:") ? found.key + "\u{0}" + (country ?? "") : found.key
                    let id: Int32
                    if let known = idOf[unitKey] {
                        id = known
                    } else {
                        id = Int32(keys.count)
                        idOf[unitKey] = id
                        keys.append(found.key)
                        spellings.append([:])
                        countries.append([])
                    }
                    if let country { countries[Int(id)].insert(country) }
                    spellings[Int(id)][found.spelling, default: 0] += 1
                    if !mine.contains(id) { mine.append(id) }
                }
            }
            if !placedAll, counting(index) { unplaced += 1 }
            if mine.isEmpty, counting(index) {
                without += 1
                if affiliations.allSatisfy(\.isEmpty) && extras.addresses.isEmpty { withoutAny += 1 }
            }
            units.append(mine)
        }
        if level == .institution {
            Self.joinCountriesOfOneName(keys: &keys, spellings: &spellings, countries: &countries, units: &units)
            Self.joinNamesToTheirROR(keys: &keys, spellings: &spellings, countries: &countries, units: &units)
            Self.joinAbbreviatedNames(keys: &keys, spellings: &spellings, countries: &countries, units: &units)
        }
        var labels: [(unit: Int, label: String)] = []
        var diagnostics: [Diagnostic] = []
        if level == .institution, !merges.isEmpty {
            labels = Self.joinAliases(merges, keys: &keys, spellings: &spellings, countries: &countries, units: &units, diagnostics: &diagnostics)
        }
        var names = keys.indices.map { u in
            if level == .country { return Countries.name(of: keys[u]) ?? keys[u] }
            return spellings[u].min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }!.key.withoutControlCharacters
        }
        // The institutions of one name in several countries: each key says their codes, and each
        // label shared with another says their names.
        if level == .institution {
            func shared(_ texts: [String]) -> [Int] { Dictionary(grouping: texts.indices, by: { texts[$0] }).values.filter { $0.count > 1 }.flatMap { $0 } }
            for u in shared(keys) { keys[u] += " (\(countries[u].sorted().joined(separator: ",")))" }
            for u in shared(names) {
                let places = countries[u].sorted().map { Countries.name(of: $0) ?? $0 }
                names[u] += places.isEmpty ? " (no country)" : " (\(places.joined(separator: ", ")))"
            }
        }
        // An alias file's canonical names label their institutions.
        for (unit, label) in labels { names[unit] = label }
        self.level = level
        self.keys = keys
        self.names = names
        self.diagnostics = diagnostics
        unitsOfPublication = units
        withoutUnits = without
        withoutAffiliations = withoutAny
        withUnplacedAffiliations = unplaced
        self.unplacedExample = unplacedExample
        // Most frequent first, then alphabetically: a dictionary's order is no order.
        let sorted = level == .institution ? spellings.map { $0.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key } } : []
        self.spellings = sorted.map { $0.map(\.key) }
        spellingCounts = sorted.map { $0.map(\.value) }
        countryCodes = level == .institution ? countries.map { $0.count == 1 ? $0.first! : "" } : []
    }

    /// At institution level, the spellings unit `unit` was read as, most frequent first (its
    /// name among them, unless it is the name of its ROR id alone); empty at country level.
    public func spellings(ofUnit unit: Int) -> [String] { spellings.isEmpty ? [] : spellings[unit] }

    /// `spellings(ofUnit:)`, each with the number of affiliations (an author's on a paper, or a
    /// paper's address) read as it.
    public func spellingsWithCounts(ofUnit unit: Int) -> [(spelling: String, affiliations: Int)] {
        spellings.isEmpty ? [] : zip(spellings[unit], spellingCounts[unit]).map { ($0, $1) }
    }

    /// The institutions an alias file's `institutions` merges are one (SPEC §3's forced merges, at
    /// institution level): each rule's canonical name and spellings find the units read as them
    /// (`Institutions.key`: case, accents and punctuation aside) or, for a ROR id or its URL, the
    /// unit of that id; the units found are joined, whatever their countries. A name that finds
    /// none is warned about.
    /// A unit that two rules find goes to the first, with a warning at the second (as a name that
    /// two `merge` rules list).
    /// - Returns: for each rule that found a unit, that unit (as numbered after the joins) and the
    ///   label it takes.
    /// - Complexity: O(rules × spellings).
    private static func joinAliases(_ merges: [AliasRules.Merge], keys: inout [String], spellings: inout [[String: Int]],
                                    countries: inout [Set<String>], units: inout [[Int32]],
                                    diagnostics: inout [Diagnostic]) -> [(unit: Int, label: String)] {
        var unitsOfKey: [String: [Int]] = [:]
        for unit in keys.indices {
            for spelling in spellings[unit].keys { unitsOfKey[Institutions.key(spelling), default: []].append(unit) }
            if keys[unit].hasPrefix("ror:") { unitsOfKey[keys[unit], default: []].append(unit) }
        }
        func found(_ name: AliasRules.Name) -> [Int] {
            let text = name.text.trimmingCharacters(in: .whitespaces)
            return Array(Set((unitsOfKey[Institutions.key(text)] ?? []) + (unitsOfKey["ror:" + Institutions.rorID(text)] ?? []))).sorted()
        }
        var parent = Array(keys.indices)
        func root(_ u: Int) -> Int {
            var u = u
            while parent[u] != u { u = parent[u] }
            return u
        }
        var labels: [(unit: Int, label: String)] = []
        // The rule that found each unit first.
        var claimedBy: [Int: AliasRules.Name] = [:]
        for rule in merges {
            var members: [Int] = []
            for name in [rule.canonical] + rule.variants {
                let units = found(name)
                if units.isEmpty, name != rule.canonical {
                    diagnostics.append(Diagnostic(.warning, at: name.location,
                                                  "the alias file's institutions name '\(name.text)', which no affiliation is read as; check the spelling "
                                                    + "(`coauthor rank --level institution --top 0` lists the institutions; the report lists their spellings)"))
                }
                for unit in units where !members.contains(unit) {
                    if let first = claimedBy[unit], first.text != rule.canonical.text {
                        diagnostics.append(Diagnostic(.warning, at: name.location,
                                                      "the alias file's institutions list '\(name.text)' under '\(first.text)'\(first.location.map { " (line \($0.line))" } ?? "") "
                                                        + "and under '\(rule.canonical.text)'; it is merged into '\(first.text)' only"))
                        continue
                    }
                    claimedBy[unit] = rule.canonical
                    members.append(unit)
                }
            }
            guard let first = members.first else { continue }
            for unit in members.dropFirst() {
                let (a, b) = (root(first), root(unit))
                guard a != b else { continue }
                // A unit of a ROR id keeps it where it joins one known by its name alone (the
                // earlier unit's key won, and the joined institution lost its ROR id in `names`
                // and the exports: a review of session 62); else the earlier unit stays.
                let (aROR, bROR) = (keys[a].hasPrefix("ror:"), keys[b].hasPrefix("ror:"))
                let kept = aROR != bROR ? (aROR ? a : b) : min(a, b)
                parent[kept == a ? b : a] = kept
            }
            labels.append((first, rule.canonical.text.trimmingCharacters(in: .whitespaces)))
        }
        let number = join(keys.indices.map(root), keys: &keys, spellings: &spellings, countries: &countries, units: &units)
        return labels.map { (Int(number[root($0.unit)]), $0.label) }
    }

    /// The units of one name (an institution known by its name alone) in one country or none are
    /// one unit, where only one country names that name: one institution, some of whose
    /// addresses omit their country. Where two or more countries do, each country's is an
    /// institution of its own, and the addresses without a country join none of them.
    /// - Complexity: O(units + Σ units per publication).
    private static func joinCountriesOfOneName(keys: inout [String], spellings: inout [[String: Int]], countries: inout [Set<String>],
                                               units: inout [[Int32]]) {
        var unitsOfKey: [String: [Int]] = [:]
        for (unit, key) in keys.enumerated() where !key.hasPrefix("ror:") { unitsOfKey[key, default: []].append(unit) }
        var into = Array(keys.indices)
        for (_, named) in unitsOfKey where named.count > 1 && named.count(where: { !countries[$0].isEmpty }) <= 1 {
            for unit in named.dropFirst() { into[unit] = named[0] }
        }
        join(into, keys: &keys, spellings: &spellings, countries: &countries, units: &units)
    }

    /// An institution known by its name alone (a MEDLINE or Web of Science address) is the one
    /// with a ROR id (OpenAlex) that the corpus names so, where exactly one does, and in its
    /// country where both name one (`Universidad Nacional, Bogotá, Colombia` is not Costa Rica's):
    /// read together, the two were two nodes labelled alike (`University of Washington`), each
    /// with part of its papers. Units are renumbered in order, each publication's kept distinct.
    /// - Complexity: O(units + spellings + Σ units per publication).
    private static func joinNamesToTheirROR(keys: inout [String], spellings: inout [[String: Int]], countries: inout [Set<String>],
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
        for (unit, key) in keys.enumerated() where !key.hasPrefix("ror:") {
            if let ror = rorOfName[key], ror >= 0, sameCountry(countries[unit], countries[ror]) { into[unit] = ror }
        }
        join(into, keys: &keys, spellings: &spellings, countries: &countries, units: &units)
    }

    /// Institutions whose names differ only as databases write one name (Web of Science's
    /// abbreviations against the words written out, linking words, punctuation and case:
    /// `Univ Trento` and `University of Trento`, `The University of Manchester` and `University
    /// of Manchester`, `Lawrence Berkeley National Lab` and `… Laboratory`) are one: read
    /// together, a Web of Science and a Scopus or OpenAlex export made two nodes of one
    /// university (a user trial of session 51). Two such names are joined where both name their
    /// countries and one's are the other's; a name whose addresses name no country joins the one
    /// institution written so, where exactly one is. Words that abbreviate alike but are not one
    /// another's abbreviation keep names apart (`Institute`/`Institutes`, `Physical`/`Physics`),
    /// as do countries (`Universidad La Salle` in Mexico, `Universidad de La Salle` in Colombia),
    /// and two ROR ids are two institutions (a review of session 52 found such pairs made one).
    /// - Complexity: O(spellings + Σ g² over the groups of g spellings sharing an abbreviated name).
    private static func joinAbbreviatedNames(keys: inout [String], spellings: inout [[String: Int]], countries: inout [Set<String>],
                                             units: inout [[Int32]]) {
        // Each unit's distinct spellings, as their significant words, by abbreviated name.
        var groups: [String: [(unit: Int, words: [Substring])]] = [:]
        var wordsOfUnit: [Int: [[Substring]]] = [:]
        for unit in keys.indices {
            var seen = Set<String>()
            for spelling in spellings[unit].keys.sorted() where seen.insert(Institutions.key(spelling)).inserted {
                let key = Institutions.abbreviatedKey(spelling)
                guard !key.isEmpty else { continue }
                let words = Institutions.significantWords(spelling)
                groups[key, default: []].append((unit, words))
                wordsOfUnit[unit, default: []].append(words)
            }
        }
        let sharing = groups.keys.sorted().map { groups[$0]! }.filter { group in group.contains { $0.unit != group[0].unit } }
        guard !sharing.isEmpty else { return }
        let isROR = keys.map { $0.hasPrefix("ror:") }
        /// Whether some spelling of `u` and some of `v` are one name.
        func oneName(_ u: Int, _ v: Int) -> Bool {
            wordsOfUnit[u, default: []].contains { a in wordsOfUnit[v, default: []].contains { b in Institutions.areOneName(a, b) } }
        }
        /// Whether `members` may be one institution: every two are one name in countries one of
        /// which names the other's (where both name some), and at most one has a ROR id (a name
        /// between two others that are not one, or in two countries, joins neither: a review of
        /// session 52 found `Univ La Salle` in Mexico and Colombia joining the two).
        func consistent(_ members: [Int]) -> Bool {
            guard members.count(where: { isROR[$0] }) <= 1 else { return false }
            for i in members.indices {
                for j in members.indices where j > i {
                    let (a, b) = (countries[members[i]], countries[members[j]])
                    guard a.isEmpty || b.isEmpty || a.isSubset(of: b) || b.isSubset(of: a), oneName(members[i], members[j]) else { return false }
                }
            }
            return true
        }
        /// The root of `u` in the union–find forest `forest` (halving its path).
        func root(_ u: Int, in forest: inout [Int]) -> Int {
            var u = u
            while forest[u] != u {
                forest[u] = forest[forest[u]]
                u = forest[u]
            }
            return u
        }
        // The joins made, as a forest of units.
        var parent = Array(keys.indices)
        func find(_ u: Int) -> Int { root(u, in: &parent) }
        // Names with countries on both sides, one's the other's, each set of them joined where it
        // is consistent (a name between two others that are not one name joins neither).
        var linked: [(Int, Int)] = []
        for group in sharing {
            for i in group.indices {
                for j in group.indices where j > i && group[i].unit != group[j].unit {
                    let (u, v) = (group[i].unit, group[j].unit)
                    guard !countries[u].isEmpty, !countries[v].isEmpty,
                          countries[u].isSubset(of: countries[v]) || countries[v].isSubset(of: countries[u]),
                          Institutions.areOneName(group[i].words, group[j].words) else { continue }
                    linked.append((u, v))
                }
            }
        }
        // The sets the links make, each judged whole before any of it joins.
        var linkedSets = Array(keys.indices)
        for (u, v) in linked {
            let (a, b) = (root(u, in: &linkedSets), root(v, in: &linkedSets))
            if a != b { linkedSets[b] = a }
        }
        var members: [Int: [Int]] = [:]
        for unit in Set(linked.flatMap { [$0.0, $0.1] }).sorted() { members[root(unit, in: &linkedSets), default: []].append(unit) }
        for (_, component) in members.sorted(by: { $0.key < $1.key }) where consistent(component) {
            for unit in component.dropFirst() { parent[find(unit)] = find(component[0]) }
        }
        // Names without a country, to the one institution written so (the components as they
        // stand after the first joins: each name is judged against them alone).
        var componentOf: [Int: [Int]] = [:]
        for group in sharing {
            for entry in group where !(componentOf[find(entry.unit)]?.contains(entry.unit) ?? false) {
                componentOf[find(entry.unit), default: []].append(entry.unit)
            }
        }
        // Each institution with the names without a country that would join it, judged together
        // (two such names that are not one name join neither: a review of session 52).
        var joining: [Int: [Int]] = [:]
        for group in sharing {
            for entry in group where countries[entry.unit].isEmpty && !isROR[entry.unit] {
                // Only to an institution placed in a country or known by its ROR id (a chain of names
                // without countries would join names never compared with each other).
                let placed = group.filter { $0.unit != entry.unit && (!countries[$0.unit].isEmpty || isROR[$0.unit]) }
                let others = Set(placed.filter { Institutions.areOneName(entry.words, $0.words) }.map { find($0.unit) })
                guard others.count == 1, let other = others.first, find(entry.unit) != other,
                      !(joining[other]?.contains(entry.unit) ?? false) else { continue }
                joining[other, default: []].append(entry.unit)
            }
        }
        for (other, names) in joining.sorted(by: { $0.key < $1.key }) where consistent((componentOf[other] ?? [other]) + names) {
            for unit in names where find(unit) != find(other) { parent[find(unit)] = find(other) }
        }
        // Each component joins its ROR institution, else its first unit.
        var representative = [Int](repeating: -1, count: keys.count)
        for unit in keys.indices {
            let root = find(unit)
            if representative[root] < 0 || (isROR[unit] && !isROR[representative[root]]) { representative[root] = unit }
        }
        join(keys.indices.map { representative[find($0)] }, keys: &keys, spellings: &spellings, countries: &countries, units: &units)
    }

    /// Whether a unit named in the countries `part` may be one in `whole`: either names none, or
    /// `whole` names every one of `part`'s.
    private static func sameCountry(_ part: Set<String>, _ whole: Set<String>) -> Bool {
        part.isEmpty || whole.isEmpty || part.isSubset(of: whole)
    }

    /// Joins each unit `u` into the unit `into[u]` (itself where it stays; a unit joined into
    /// stays), renumbering the units in order: their spellings and countries are counted with the
    /// unit they join, each publication's units kept distinct.
    /// - Returns: the new number of each unit.
    @discardableResult
    private static func join(_ into: [Int], keys: inout [String], spellings: inout [[String: Int]], countries: inout [Set<String>],
                             units: inout [[Int32]]) -> [Int32] {
        guard into.indices.contains(where: { into[$0] != $0 }) else { return keys.indices.map(Int32.init) }
        var number = [Int32](repeating: -1, count: keys.count)
        var newKeys: [String] = []
        var newSpellings: [[String: Int]] = []
        var newCountries: [Set<String>] = []
        for unit in keys.indices where into[unit] == unit {
            number[unit] = Int32(newKeys.count)
            newKeys.append(keys[unit])
            newSpellings.append(spellings[unit])
            newCountries.append(countries[unit])
        }
        for unit in keys.indices where into[unit] != unit {
            precondition(into[into[unit]] == into[unit], "a unit joined into is kept")
            number[unit] = number[into[unit]]
            newSpellings[Int(number[unit])].merge(spellings[unit], uniquingKeysWith: +)
            newCountries[Int(number[unit])].formUnion(countries[unit])
        }
        units = units.map { list in
            var mapped: [Int32] = []
            for unit in list where !mapped.contains(number[Int(unit)]) { mapped.append(number[Int(unit)]) }
            return mapped
        }
        keys = newKeys
        spellings = newSpellings
        countries = newCountries
        return number
    }

    /// The units as an author index (one "author" per unit), the form `NetworkBuilder` reads.
    /// Each unit carries its code as an identifier (`ror` or `country_code` in exports); an
    /// institution known by its name alone has no `ror`, and an institution carries the code of
    /// its country where its affiliations name one (institution nodes had no country: a user
    /// trial of session 63).
    public var memberIndex: AuthorIndex {
        var index = AuthorIndex(names: names, authorsOfPublication: PackedLists(unitsOfPublication), merges: [], nearMisses: [])
        index.ids = keys.indices.map { unit in
            let key = keys[unit]
            switch level {
            case .country: return AuthorIDs(country: key)
            case .institution: return AuthorIDs(ror: key.hasPrefix("ror:") ? String(key.dropFirst(4)) : "", country: countryCodes[unit])
            case .author: return AuthorIDs()
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
        // (A ROR id also as the URL OpenAlex writes, `https://ror.org/00cvxb145`: a user trial of session 61.)
        case .institution: ["ror:" + text, text, Institutions.key(text), "ror:" + Institutions.rorID(text)]
        case .author: []
        }
        for candidate in candidates where !candidate.isEmpty {
            if let u = keys.firstIndex(of: candidate) { return names[u] }
        }
        // A spelling a unit was read as (`Univ Washington` for the node with a ROR id labelled
        // `University of Washington`: a user trial of session 52), where one unit was read so;
        // else a unit's abbreviated name (`University of Trento` for `Univ Trento`), where one has it.
        if level == .institution {
            let key = Institutions.key(text)
            let found = spellings.indices.filter { u in spellings[u].contains { Institutions.key($0) == key } }
            if found.count == 1 { return names[found[0]] }
            // One name as databases write it (`areOneName`), not merely abbreviated alike.
            let words = Institutions.significantWords(text)
            let alike = spellings.indices.filter { u in spellings[u].contains { Institutions.areOneName(Institutions.significantWords($0), words) } }
            if alike.count == 1 { return names[alike[0]] }
        }
        return nil
    }
}
