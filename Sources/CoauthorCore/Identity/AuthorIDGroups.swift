/// Identity by ID first (SPEC §3): authorships that share an identifier (ORCID, Scopus author ID,
/// OpenAlex author ID, ResearcherID, Dimensions ID) are one person whatever the spelling.
///
/// The resolver's name rules then run on the publications with every identified authorship
/// renamed to its person's display form, so that an ID-less name joins an identified person only
/// where the conservative rule finds that person unambiguous. Two people with different IDs of
/// the same kind are never joined: their names are a forbidden pair, and where they are written
/// alike each carries its ID as a homonym mark (`Wei Wang [ORCID 0000-…]`), as DBLP's numbers do.
struct AuthorIDGroups {
    /// The authorships as a name table, every identified one under its person's display form.
    var interned: InternedAuthors
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
        // Each ID as bytes, its kind then its value in upper case (NFC beyond ASCII, as String
        // equality compares): its first slot, by the key's id in the table.
        var keys = ByteKeyTable(expected: 4096)
        var owner: [Int] = []
        var key: [UInt8] = []
        func find(_ x: Int) -> Int {
            var root = x
            while parent[root] != root { root = parent[root] }
            var node = x
            while parent[node] != root { (parent[node], node) = (root, parent[node]) }
            return root
        }
        // (`allCases` makes a new array at each use: once, not once per authorship.)
        let kinds = Array(AuthorIDs.Kind.allCases.enumerated())
        for paper in publications.indices {
            let ids = publications[paper].authorIDs
            guard !ids.isEmpty else { continue }
            let authorCount = publications[paper].authors.count
            for position in ids.indices where position < authorCount && !ids[position].isEmpty {
                let slot = slots.count
                slots.append((paper, position))
                parent.append(slot)
                for (number, kind) in kinds {
                    let value = ids[position].value(of: kind)
                    guard !value.isEmpty else { continue }
                    key.removeAll(keepingCapacity: true)
                    key.append(UInt8(number))
                    if value.utf8.contains(where: { $0 >= 0x80 }) {
                        key.append(contentsOf: value.uppercased().precomposedStringWithCanonicalMapping.utf8)
                    } else if value.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) {
                        key.append(contentsOf: value.uppercased().utf8)
                    } else {
                        key.append(contentsOf: value.utf8)
                    }
                    let (id, isNew) = key.withUnsafeBufferPointer { keys.findOrInsert($0) }
                    if isNew {
                        owner.append(slot)
                    } else {
                        let (a, b) = (find(owner[id]), find(slot))
                        if a != b { parent[b] = a }
                    }
                }
            }
        }
        // 2. Each group's IDs, spellings with their counts, and display form; a group's slots
        // in slot order, `members[memberStarts[g]..<memberStarts[g + 1]]`.
        var groupOfRoot = [Int32](repeating: -1, count: slots.count)
        var groupOfSlot = [Int32](repeating: 0, count: slots.count)
        var groupCount = 0
        for slot in slots.indices {
            let root = find(slot)
            if groupOfRoot[root] < 0 {
                groupOfRoot[root] = Int32(groupCount)
                groupCount += 1
            }
            groupOfSlot[slot] = groupOfRoot[root]
        }
        // Slot by slot, in file order (each record's IDs and names are read where they lie, not
        // fetched group by group from all over memory): each group's IDs, and its spellings as
        // a list in order of first appearance, with counts.
        var groupIDs = [AuthorIDs](repeating: AuthorIDs(), count: groupCount)
        var spellingNames: [PersonName] = []
        var spellingCounts: [Int] = []
        var nextSpelling: [Int32] = []
        var firstSpelling = [Int32](repeating: -1, count: groupCount)
        var lastSpelling = [Int32](repeating: -1, count: groupCount)
        var spellingsOfGroup = [Int32](repeating: 0, count: groupCount)
        // A group's list is searched in order while short (a person has a few spellings); past
        // `shortList` (an ID a file gives to thousands of names) a dictionary finds them, so
        // the work stays linear.
        let shortList = 8
        var longLists: [Int: [PersonName: Int32]] = [:]
        // A paper's ID and name lists fetched once for all its slots (slots are in paper order),
        // not once per slot: `authorIDs` is read through the publication's extras.
        var listsPaper = -1
        var paperIDs: [AuthorIDs] = []
        var paperAuthors: [PersonName] = []
        for (slot, (paper, position)) in slots.enumerated() {
            let group = Int(groupOfSlot[slot])
            if paper != listsPaper {
                listsPaper = paper
                paperIDs = publications[paper].authorIDs
                paperAuthors = publications[paper].authors
            }
            groupIDs[group].fill(from: paperIDs[position])
            let name = paperAuthors[position]
            var spelling = -1
            if spellingsOfGroup[group] <= shortList {
                spelling = Int(firstSpelling[group])
                while spelling >= 0 && spellingNames[spelling] != name { spelling = Int(nextSpelling[spelling]) }
            } else if let found = longLists[group]![name] {
                spelling = Int(found)
            }
            if spelling >= 0 {
                spellingCounts[spelling] += 1
                continue
            }
            let added = Int32(spellingNames.count)
            spellingNames.append(name)
            spellingCounts.append(1)
            nextSpelling.append(-1)
            if lastSpelling[group] >= 0 { nextSpelling[Int(lastSpelling[group])] = added } else { firstSpelling[group] = added }
            lastSpelling[group] = added
            spellingsOfGroup[group] += 1
            if spellingsOfGroup[group] == shortList + 1 {
                var index: [PersonName: Int32] = [:]
                var k = Int(firstSpelling[group])
                while k >= 0 {
                    index[spellingNames[k]] = Int32(k)
                    k = Int(nextSpelling[k])
                }
                longLists[group] = index
            } else if spellingsOfGroup[group] > shortList + 1 {
                longLists[group]![name] = added
            }
        }
        var canonical: [PersonName] = []
        var spellings: [[PersonName]] = []
        canonical.reserveCapacity(groupCount)
        spellings.reserveCapacity(groupCount)
        var order: [Int] = []
        for group in 0..<groupCount {
            order.removeAll(keepingCapacity: true)
            var spelling = Int(firstSpelling[group])
            while spelling >= 0 {
                order.append(spelling)
                spelling = Int(nextSpelling[spelling])
            }
            spellings.append(order.map { spellingNames[$0] })
            guard order.count > 1 else {
                canonical.append(spellingNames[order[0]])
                continue
            }
            // The most frequent full form (first given name spelled out); ties: longest, then alphabetical.
            let best = order.max { a, b in
                let (na, nb) = (spellingNames[a], spellingNames[b])
                let fa = (NameKey.givenTokens(na.first).first?.count ?? 0) > 1, fb = (NameKey.givenTokens(nb.first).first?.count ?? 0) > 1
                if fa != fb { return !fa }
                if spellingCounts[a] != spellingCounts[b] { return spellingCounts[a] < spellingCounts[b] }
                let (da, db) = (na.displayName, nb.displayName)
                if da.count != db.count { return da.count < db.count }
                return da > db
            }!
            canonical.append(spellingNames[best])
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
        // 4. The evidence for every other spelling; the authorships interned, each identified
        // one under its group's display form (the table `InternedAuthors` makes of the renamed
        // publications, without renaming them).
        for group in 0..<groupCount {
            // (The evidence is written only for a merge. A person of one spelling has one when
            // step 3 marked the display form with its ID.)
            var evidence: String? = nil
            for spelling in spellings[group] where spelling != canonical[group] && NameKey.exactKey(spelling) != canonicalKey[group] {
                if evidence == nil { evidence = groupIDs[group].all.first.map { "same \($0.kind.rawValue) \($0.value)" } ?? "same ID" }
                merges.append(.init(variant: spelling.displayName, into: canonical[group].displayName, reason: evidence!))
            }
            idsOfName[canonical[group], default: AuthorIDs()].fill(from: groupIDs[group])
        }
        var paperStarts = [Int](repeating: 0, count: publications.count + 1)
        for paper in publications.indices { paperStarts[paper + 1] = paperStarts[paper] + publications[paper].authors.count }
        var groupOfAuthorship = [Int32](repeating: -1, count: paperStarts[publications.count])
        for (slot, (paper, position)) in slots.enumerated() { groupOfAuthorship[paperStarts[paper] + position] = groupOfSlot[slot] }
        interned = InternedAuthors(publications, groupOfAuthorship: groupOfAuthorship, groupNames: canonical)
    }
}
