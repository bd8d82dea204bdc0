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
    /// For each publication (same order as the input), its distinct author ids in printed order.
    public var authorsOfPublication: [[Int32]]
    public var merges: [Merge]
    public var nearMisses: [NearMiss]

    /// The id of the author whose display name (or any merged variant) is `name`.
    public func id(named name: String) -> Int32? {
        if let index = names.firstIndex(of: name) { return Int32(index) }
        let key = NameKey.exactKey(displayName: name)
        if let index = names.firstIndex(where: { NameKey.exactKey(displayName: $0) == key }) { return Int32(index) }
        if let merge = merges.first(where: { NameKey.exactKey(displayName: $0.variant) == key }),
           let index = names.firstIndex(of: merge.into) {
            return Int32(index)
        }
        return nil
    }
}

/// Normalised keys for name comparison.
enum NameKey {
    /// Given-name tokens: split on blanks, dots and hyphens (`R.H.` → `R H`, `Jy-yong` → `Jy yong`).
    static func givenTokens(_ given: String) -> [Substring] {
        given.split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "-" || $0 == "‐" })
    }

    /// The `exact` identity key of a parsed name.
    static func exactKey(_ name: PersonName) -> String {
        let given = name.first.split(whereSeparator: { $0.isWhitespace || $0 == "." }).joined(separator: " ")
        return [given, name.von, name.last, name.jr, name.homonym].joined(separator: "|")
    }

    /// The `exact` key of a display string (parsed the way a user would type it on the command line).
    static func exactKey(displayName: String) -> String {
        guard let parsed = NameParser.parseName(displayName) else { return displayName }
        return exactKey(parsed)
    }

    /// Case- and diacritic-insensitive form with hyphens, blanks, dots and apostrophes removed.
    static func fold(_ text: some StringProtocol) -> String {
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { !"-‐ .'’".unicodeScalars.contains($0) && !$0.properties.isWhitespace }
            .map(Character.init))
            .replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "ł", with: "l")
            .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "æ", with: "ae")
    }
}

/// Assigns author ids to the names of a corpus (SPEC §3).
public enum AuthorResolver {
    /// Resolves every author of `publications`.
    ///
    /// In `conservative` mode, names are grouped by folded surname (and homonym
    /// number); within a group a less specific variant (initials, missing middle
    /// name) joins a more specific one only when exactly one most-specific
    /// variant is compatible with it.
    /// - Complexity: O(A + Σ k²) for A authorships and k variants per surname and initial.
    public static func resolve(_ publications: [Publication], mode: IdentityMode) -> AuthorIndex {
        // 1. Exact variants.
        var variantIndex: [String: Int] = [:]
        var variantNames: [PersonName] = []
        var variantCounts: [[String: Int]] = []  // display form → occurrences
        var pubVariants: [[Int]] = []
        pubVariants.reserveCapacity(publications.count)
        for publication in publications {
            var ids: [Int] = []
            ids.reserveCapacity(publication.authors.count)
            for name in publication.authors {
                let key = NameKey.exactKey(name)
                let id: Int
                if let existing = variantIndex[key] {
                    id = existing
                } else {
                    id = variantNames.count
                    variantIndex[key] = id
                    variantNames.append(name)
                    variantCounts.append([:])
                }
                variantCounts[id][name.displayName, default: 0] += 1
                ids.append(id)
            }
            pubVariants.append(ids)
        }

        // 2. Clusters of variants (union into a representative).
        var parent = Array(0..<variantNames.count)
        var merges: [AuthorIndex.Merge] = []
        var nearMisses: [AuthorIndex.NearMiss] = []
        if mode == .conservative {
            mergeConservatively(variantNames, counts: variantCounts, parent: &parent, merges: &merges, nearMisses: &nearMisses)
        }

        // 3. Dense ids in order of first appearance, display names.
        var personOfVariant = [Int](repeating: -1, count: variantNames.count)
        var members: [[Int]] = []
        func root(_ v: Int) -> Int {
            var r = v
            while parent[r] != r { r = parent[r] }
            return r
        }
        var personOfRoot: [Int: Int] = [:]
        var authorsOfPublication: [[Int32]] = []
        authorsOfPublication.reserveCapacity(publications.count)
        for ids in pubVariants {
            var people: [Int32] = []
            people.reserveCapacity(ids.count)
            for variant in ids {
                if personOfVariant[variant] < 0 {
                    let r = root(variant)
                    if let person = personOfRoot[r] {
                        personOfVariant[variant] = person
                    } else {
                        personOfRoot[r] = members.count
                        personOfVariant[variant] = members.count
                        members.append([])
                    }
                    members[personOfVariant[variant]].append(variant)
                }
                let person = Int32(personOfVariant[variant])
                if !people.contains(person) { people.append(person) }
            }
            authorsOfPublication.append(people)
        }
        let names = members.map { displayName(of: $0, counts: variantCounts) }
        // Merges name the person's final display name.
        let finalMerges = merges.map { merge -> AuthorIndex.Merge in
            var m = merge
            if let variant = variantIndex[NameKey.exactKey(displayName: merge.variant)], personOfVariant[variant] >= 0 {
                m.into = names[personOfVariant[variant]]
            }
            return m
        }.filter { $0.variant != $0.into }
        return AuthorIndex(names: names, authorsOfPublication: authorsOfPublication,
                           merges: finalMerges, nearMisses: nearMisses)
    }

    /// The most frequent full form (first given name spelled out), ties: longest, then alphabetical.
    private static func displayName(of variants: [Int], counts: [[String: Int]]) -> String {
        var tally: [String: Int] = [:]
        for v in variants { for (form, n) in counts[v] { tally[form, default: 0] += n } }
        func isFull(_ form: String) -> Bool {
            guard let parsed = NameParser.parseName(form), let firstToken = NameKey.givenTokens(parsed.first).first else { return false }
            return firstToken.count > 1
        }
        let full = tally.filter { isFull($0.key) }
        let pool = full.isEmpty ? tally : full
        return pool.max { a, b in
            if a.value != b.value { return a.value < b.value }
            if a.key.count != b.key.count { return a.key.count < b.key.count }
            return a.key > b.key
        }!.key
    }

    private struct FoldedVariant {
        var tokens: [String]
        var variants: [Int]
        var display: String
    }

    private static func mergeConservatively(_ names: [PersonName], counts: [[String: Int]], parent: inout [Int],
                                            merges: inout [AuthorIndex.Merge], nearMisses: inout [AuthorIndex.NearMiss]) {
        // Group by folded surname + jr + homonym + the initial of the first given name.
        var groups: [String: [String: FoldedVariant]] = [:]
        for (index, name) in names.enumerated() {
            let tokens = NameKey.givenTokens(name.first).map { NameKey.fold($0) }.filter { !$0.isEmpty }
            guard let initial = tokens.first?.first else { continue }
            let surname = NameKey.fold(name.von + name.last) + "|" + NameKey.fold(name.jr) + "|" + name.homonym
            let groupKey = surname + "|" + String(initial)
            let tokenKey = tokens.joined(separator: " ")
            let display = counts[index].max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
            groups[groupKey, default: [:]][tokenKey, default: FoldedVariant(tokens: tokens, variants: [], display: display)].variants.append(index)
        }
        for groupKey in groups.keys.sorted() {
            let group = groups[groupKey]!.sorted { $0.key < $1.key }.map(\.value)
            // Spelling variants that fold to the same tokens are one person (case, accents, hyphens).
            for folded in group where folded.variants.count > 1 {
                for v in folded.variants.dropFirst() {
                    parent[v] = folded.variants[0]
                    merges.append(.init(variant: names[v].displayName, into: names[folded.variants[0]].displayName,
                                        reason: "same name up to case, accents and punctuation"))
                }
            }
            guard group.count > 1 else { continue }
            let maximal = group.indices.filter { i in
                !group.indices.contains { j in j != i && subsumes(group[j].tokens, group[i].tokens) && group[j].tokens != group[i].tokens }
            }
            for i in group.indices where !maximal.contains(i) {
                let candidates = maximal.filter { subsumes(group[$0].tokens, group[i].tokens) }
                if candidates.count == 1 {
                    let target = group[candidates[0]]
                    parent[group[i].variants[0]] = target.variants[0]
                    merges.append(.init(variant: group[i].display, into: target.display,
                                        reason: "the only fuller form of these given names with this surname"))
                } else if candidates.count > 1 {
                    nearMisses.append(.init(variant: group[i].display, candidates: candidates.map { group[$0].display },
                                            reason: "ambiguous: \(candidates.count) fuller forms are compatible"))
                }
            }
        }
    }

    /// Whether the given-name tokens `fuller` are compatible with `shorter` and at least as
    /// specific: first names match (an initial matches a name starting with it), the rest of
    /// `shorter` matches an in-order subsequence of the rest of `fuller`, and no aligned token of
    /// `fuller` is shorter than its partner.
    static func subsumes(_ fuller: [String], _ shorter: [String]) -> Bool {
        guard fuller.count >= shorter.count, let f0 = fuller.first, let s0 = shorter.first else { return false }
        guard tokenMatches(f0, s0), f0.count >= s0.count else { return false }
        var k = 1
        for token in shorter.dropFirst() {
            while k < fuller.count, !(tokenMatches(fuller[k], token) && fuller[k].count >= token.count) { k += 1 }
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
