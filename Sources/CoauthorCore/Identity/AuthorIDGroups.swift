/// Identity by ID first (SPEC §3): authorships that share an identifier (ORCID, Scopus author ID,
/// OpenAlex author ID, ResearcherID, Dimensions ID) are one person whatever the spelling.
///
/// The resolver's name rules then run on the publications with every identified authorship
/// renamed to its person's display form, so that an ID-less name joins an identified person only
/// where the conservative rule finds that person unambiguous. Two people with different IDs of
/// the same kind are never joined: their names are a forbidden pair, and where they are written
/// alike each carries its ID as a homonym mark (`Wei Wang [ORCID 0000-…]`), as DBLP's numbers do.
struct AuthorIDGroups {
    /// One identifier: its kind and its value in upper case.
    private struct IDKey: Hashable {
        var kind: AuthorIDs.Kind
        var value: String
    }

    /// The publications with identified authorships renamed.
    var publications: [Publication]
    /// Spellings joined because they share an ID, with the evidence.
    var merges: [AuthorIndex.Merge] = []
    /// Names of people whose IDs of one kind differ: never to be merged.
    var forbidden: [(PersonName, PersonName)] = []
    /// The IDs of each identified person, by the name it was renamed to.
    var idsOfName: [PersonName: AuthorIDs] = [:]

    /// Groups the identified authorships of `publications`; nil when no authorship has an ID.
    /// - Complexity: O(A) expected for A authorships, plus O(k²) per surname shared by k identified people.
    init?(_ publications: [Publication]) {
        guard publications.contains(where: { !$0.authorIDs.isEmpty }) else { return nil }
        // 1. Union–find over identified authorships (paper, position), joined by any shared ID.
        var slots: [(paper: Int, position: Int)] = []
        var parent: [Int] = []
        // Keyed by kind and upper-cased value: no string is built per ID (most values are
        // upper case already and are used as they are).
        var owner: [IDKey: Int] = [:]
        func find(_ x: Int) -> Int {
            var root = x
            while parent[root] != root { root = parent[root] }
            var node = x
            while parent[node] != root { (parent[node], node) = (root, parent[node]) }
            return root
        }
        for paper in publications.indices {
            let ids = publications[paper].authorIDs
            let authorCount = publications[paper].authors.count
            for position in ids.indices where position < authorCount && !ids[position].isEmpty {
                let slot = slots.count
                slots.append((paper, position))
                parent.append(slot)
                for kind in AuthorIDs.Kind.allCases {
                    let value = ids[position].value(of: kind)
                    guard !value.isEmpty else { continue }
                    let key = IDKey(kind: kind, value: value.utf8.contains { $0 >= 0x80 || ($0 >= 0x61 && $0 <= 0x7A) } ? value.uppercased() : value)
                    if let other = owner[key] {
                        let (a, b) = (find(other), find(slot))
                        if a != b { parent[b] = a }
                    } else {
                        owner[key] = slot
                    }
                }
            }
        }
        // 2. Each group's IDs, spellings with their counts, and display form.
        var groupOfRoot: [Int: Int] = [:]
        var members: [[Int]] = []
        for slot in slots.indices {
            let root = find(slot)
            if let group = groupOfRoot[root] { members[group].append(slot) } else {
                groupOfRoot[root] = members.count
                members.append([slot])
            }
        }
        var groupIDs: [AuthorIDs] = []
        var canonical: [PersonName] = []
        var spellings: [[PersonName]] = []
        for group in members {
            var ids = AuthorIDs()
            var counts: [PersonName: Int] = [:]
            var order: [PersonName] = []
            for slot in group {
                let (paper, position) = slots[slot]
                ids.fill(from: publications[paper].authorIDs[position])
                let name = publications[paper].authors[position]
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
            groupIDs.append(ids)
            spellings.append(order)
            // The most frequent full form (first given name spelled out); ties: longest, then alphabetical.
            canonical.append(order.max { a, b in
                let fa = (NameKey.givenTokens(a.first).first?.count ?? 0) > 1, fb = (NameKey.givenTokens(b.first).first?.count ?? 0) > 1
                if fa != fb { return !fa }
                if counts[a]! != counts[b]! { return counts[a]! < counts[b]! }
                let (da, db) = (a.displayName, b.displayName)
                if da.count != db.count { return da.count < db.count }
                return da > db
            }!)
        }
        // 3. People written alike whose IDs conflict carry their ID as a homonym mark.
        func conflict(_ a: AuthorIDs, _ b: AuthorIDs) -> Bool {
            (!a.orcid.isEmpty && !b.orcid.isEmpty && a.orcid != b.orcid)
                || (!a.scopus.isEmpty && !b.scopus.isEmpty && a.scopus != b.scopus)
                || (!a.openAlex.isEmpty && !b.openAlex.isEmpty && a.openAlex != b.openAlex)
                || (!a.researcherID.isEmpty && !b.researcherID.isEmpty && a.researcherID != b.researcherID)
                || (!a.dimensions.isEmpty && !b.dimensions.isEmpty && a.dimensions != b.dimensions)
        }
        var byKey: [String: [Int]] = [:]
        var bySurname: [String: [Int]] = [:]
        // Each display form's exact key, computed once (step 4 compares every spelling with it).
        var canonicalKey = canonical.map { NameKey.exactKey($0) }
        for group in canonical.indices {
            byKey[canonicalKey[group], default: []].append(group)
            let initial = NameKey.fold(canonical[group].first).first.map { String($0) } ?? ""
            bySurname[NameKey.fold(canonical[group].von + canonical[group].last) + "|" + initial, default: []].append(group)
        }
        for (_, groups) in byKey where groups.count > 1 {
            let clash = groups.contains { a in groups.contains { b in a < b && conflict(groupIDs[a], groupIDs[b]) } }
            guard clash else { continue }
            for group in groups {
                let (kind, value) = groupIDs[group].all[0]
                canonical[group].homonym = "[\(kind.rawValue) \(value)]"
                canonicalKey[group] = NameKey.exactKey(canonical[group])
            }
        }
        // Only names the conservative rule could join need a rule: one surname and initial, given
        // names one of which subsumes the other (names written alike were marked above).
        var scratch: [UInt8] = []
        for (_, groups) in bySurname where groups.count > 1 {
            let tokens = groups.map { NameKey.foldedGivenTokens(canonical[$0].first, scratch: &scratch) }
            // A name can be joined to another only if it is less specific: it has an initial, or
            // fewer given names than the longest. Only those are compared with the rest, so a
            // bucket of k spelled-out names costs O(k), not O(k²).
            let longest = tokens.map(\.count).max() ?? 0
            for i in groups.indices where tokens[i].count < longest || tokens[i].contains(where: { $0.count == 1 }) {
                for j in groups.indices where j != i && AuthorResolver.subsumes(tokens[j], tokens[i]) {
                    let (a, b) = (groups[i], groups[j])
                    guard canonical[a].homonym == canonical[b].homonym, conflict(groupIDs[a], groupIDs[b]) else { continue }
                    forbidden.append((canonical[a], canonical[b]))
                }
            }
        }
        // 4. Rename, and record the evidence for every other spelling.
        var renamed = publications
        for (group, slotsOfGroup) in members.enumerated() {
            for slot in slotsOfGroup {
                let (paper, position) = slots[slot]
                renamed[paper].authors[position] = canonical[group]
            }
            let evidence = groupIDs[group].all.first.map { "same \($0.kind.rawValue) \($0.value)" } ?? "same ID"
            for spelling in spellings[group] where spelling != canonical[group] && NameKey.exactKey(spelling) != canonicalKey[group] {
                merges.append(.init(variant: spelling.displayName, into: canonical[group].displayName, reason: evidence))
            }
            idsOfName[canonical[group], default: AuthorIDs()].fill(from: groupIDs[group])
        }
        self.publications = renamed
    }
}
