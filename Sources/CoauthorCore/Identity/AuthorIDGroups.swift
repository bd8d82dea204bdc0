import CPrefetch
/// Identity by ID first (SPEC §3): authorships that share an identifier (ORCID, Scopus author ID,
/// OpenAlex author ID, ResearcherID, Dimensions ID) are one person whatever the spelling.
///
/// The resolver's name rules then run on the publications with every identified authorship
/// renamed to its person's display form, so that an ID-less name joins an identified person only
/// where the conservative rule finds that person unambiguous, or where it is that display form
/// written otherwise by that person alone (`displayFormsWrittenOtherwise`). Two people with different IDs of
/// the same kind are never joined: each display form carries the kinds of its person's IDs, and
/// the resolver joins no two names that carry one kind (`entriesWithIDs`). Where a name that
/// people with different IDs write (any of their spellings, up to case, accents and punctuation)
/// is one's display form, it carries its ID as a homonym mark (`Wei Wang [ORCID 0000-…]`), as
/// DBLP's numbers do, and the resolver joins no ID-less name to it (`writtenAlike`).
struct AuthorIDGroups {
    /// The authorships as a name table, every identified one under its person's display form.
    var interned: InternedAuthors
    /// Each group's person kinds of ID (`AuthorIDs.Kind` bits: ORCID, Scopus, OpenAlex,
    /// ResearcherID, Dimensions): two groups that share a kind are two people.
    var groupKinds: [UInt8] = []
    /// Each group's display form.
    var groupNames: [PersonName] = []
    /// Each group's entry in `interned.names` (its display form, under which its authorships are).
    var groupEntries: [Int32] = []
    /// Whether each group's display form is a name that people whose IDs conflict write alike
    /// (it is then marked with the group's ID): no ID-less name joins it by a name rule.
    var writtenAlike: [Bool] = []
    /// What each group's IDs and the evidence of the merges are made from (`Evidence.make()`):
    /// the resolver's name rules need neither, so they are made beside them.
    var evidence: Evidence
    /// Authorships that an ID would have joined to a person whose ID of one kind differs (an
    /// OpenAlex author ID given to two people with different ORCIDs), kept apart: one warning per
    /// ID, the first `conflictWarnings` of them, then a count of the rest.
    var conflicts: [Diagnostic] = []
    static let conflictWarnings = 20

    /// Groups the identified authorships of `publications`; nil when no authorship has an ID.
    /// - Complexity: O(A) expected for A authorships, plus O(k²) per exact name shared by k identified people.
    init?(_ publications: [Publication]) {
        guard publications.contains(where: { !$0.authorIDs.isEmpty }) else { return nil }
        // 1. Union–find over identified authorships, joined by any shared ID. Each ID is read
        // once, in place, on all cores (`IdentifiedSlots`), and each authorship's name interned
        // there too; each distinct value gets its key once: its kind then its value in upper
        // case (NFC beyond ASCII, as String equality compares). Slots sharing a key are joined.
        let runs = publications.count < Parallelism.minimumRunItems ? 1 : max(1, Parallelism.workers)
        var parts = parallelRuns(runs) { k in
            IdentifiedSlots(publications, papers: (publications.count * k / runs)..<(publications.count * (k + 1) / runs))
        }
        // Taken out of the array: a copy would be copied again, whole, by the first append.
        var identified = take(&parts[0], leaving: IdentifiedSlots())
        for k in 1..<runs { identified.append(parts[k]) }
        let slotAuthorships = identified.authorships
        let authorshipEntries = identified.entries
        let slotCount = slotAuthorships.count
        let valueStarts = identified.valueStarts
        let slotValues = identified.values
        let valueKinds = identified.kinds
        let valueStrings = identified.strings
        var owner = [Int32](repeating: -1, count: valueStrings.count)
        var parent = Array(0..<Int32(slotCount))
        func find(_ x: Int32) -> Int32 {
            var root = x
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var node = x
            while parent[Int(node)] != root { (parent[Int(node)], node) = (root, parent[Int(node)]) }
            return root
        }
        // At each root, its person's value of each person kind (-1 for none): two different IDs
        // of one kind are never joined (SPEC §3) by a database's own author ID (one OpenAlex
        // author ID given to two people with different ORCIDs stays two people). An ORCID, which
        // its person keeps, joins whatever the other IDs say (a person OpenAlex split in two is
        // one). The slots are joined in file order, each through its IDs in the order of
        // `AuthorIDs.Kind` (ORCID first).
        let personKindCount = AuthorIDs.Kind.personCount
        var rootValue = [Int32](repeating: -1, count: slotCount * personKindCount)
        var refused: [(slot: Int, value: Int, kind: Int, theirs: Int32, ours: Int32)] = []
        var refusedValues = Set<Int>()
        // A database's author ID that authorships with different ORCIDs hold is given to people
        // whose IDs differ: it says of nobody who they are, and joins nobody, so that an authorship
        // with that ID alone (`J. Smith` with the OpenAlex ID two ORCIDs share) stays apart, as the
        // README says, whatever the order of the files (a user trial of session 51: it joined
        // whichever came first). Found before any join by that ID, from its holders' ORCIDs; each
        // is warned about once, at the first authorship whose ORCID differs from the first holder's.
        // (An array, not a set: asked of every ID of every identified authorship.)
        var ambiguous = [Bool](repeating: false, count: valueStrings.count)
        do {
            // An authorship holds one ORCID at most, and all authorships with one ORCID are one
            // person: each authorship's ORCID is its person's, with no join to make.
            let orcid = AuthorIDs.Kind.orcid.number
            var firstORCID = [Int32](repeating: -1, count: valueStrings.count)
            for slot in 0..<slotCount {
                let values = Int(valueStarts[slot])..<Int(valueStarts[slot + 1])
                guard let place = values.first(where: { valueKinds[Int(slotValues[$0])] == orcid }) else { continue }
                let ours = slotValues[place]
                for k in values where k != place {
                    let key = Int(slotValues[k])
                    if firstORCID[key] < 0 {
                        firstORCID[key] = ours
                    } else if firstORCID[key] != ours, !ambiguous[key] {
                        ambiguous[key] = true
                        refused.append((slot, key, Int(orcid), firstORCID[key], ours))
                    }
                }
            }
        }
        for slot in 0..<slotCount {
            let values = Int(valueStarts[slot])..<Int(valueStarts[slot + 1])
            for k in values where Int(valueKinds[Int(slotValues[k])]) < personKindCount {
                rootValue[slot * personKindCount + Int(valueKinds[Int(slotValues[k])])] = slotValues[k]
            }
            for k in values {
                let key = Int(slotValues[k])
                if owner[key] < 0 {
                    owner[key] = Int32(slot)
                    continue
                }
                guard !ambiguous[key] else { continue }
                let (a, b) = (Int(find(owner[key])), Int(find(Int32(slot))))
                guard a != b else { continue }
                if valueKinds[key] != AuthorIDs.Kind.orcid.number, let kind = (0..<personKindCount).first(where: { kind in
                    let (theirs, ours) = (rootValue[a * personKindCount + kind], rootValue[b * personKindCount + kind])
                    return theirs >= 0 && ours >= 0 && theirs != ours
                }) {
                    if refusedValues.insert(key).inserted {
                        refused.append((slot, key, kind, rootValue[a * personKindCount + kind], rootValue[b * personKindCount + kind]))
                    }
                    continue
                }
                parent[b] = Int32(a)
                for kind in 0..<personKindCount where rootValue[a * personKindCount + kind] < 0 {
                    rootValue[a * personKindCount + kind] = rootValue[b * personKindCount + kind]
                }
            }
        }
        // The warnings in file order (those found before the joins, then those found by them).
        refused.sort { $0.slot < $1.slot }
        // 2. Groups numbered in order of their first slot; each group's IDs, spellings with
        // their counts, and display form.
        var groupOfRoot = [Int32](repeating: -1, count: slotCount)
        var groupOfSlot = [Int32](repeating: 0, count: slotCount)
        var groupCount = 0
        for slot in 0..<slotCount {
            let root = Int(find(Int32(slot)))
            if groupOfRoot[root] < 0 {
                groupOfRoot[root] = Int32(groupCount)
                groupCount += 1
            }
            groupOfSlot[slot] = groupOfRoot[root]
        }
        // Each group's IDs: per kind, the first value in slot order (`AuthorIDs.fill` slot by
        // slot); `idKinds` has bit k set where the group has an ID of kind k. Kinds are numbered
        // by their place in `AuthorIDs.Kind.allCases`, as `IdentifiedSlots` reads them.
        let kindCount = AuthorIDs.Kind.allCases.count
        var groupValue = [Int32](repeating: -1, count: groupCount * kindCount)
        var idKinds = [UInt8](repeating: 0, count: groupCount)
        for slot in 0..<slotCount {
            let group = Int(groupOfSlot[slot])
            for k in Int(valueStarts[slot])..<Int(valueStarts[slot + 1]) {
                let value = Int(slotValues[k])
                let kind = Int(valueKinds[value])
                if groupValue[group * kindCount + kind] < 0 {
                    groupValue[group * kindCount + kind] = Int32(value)
                    idKinds[group] |= 1 << kind
                }
            }
        }
        // Each group's first ID, in the order of `AuthorIDs.Kind` (its `AuthorIDs.firstID`).
        func firstID(of group: Int) -> (kind: AuthorIDs.Kind, value: String)? {
            Evidence.firstID(of: group, groupValue: groupValue, valueStrings: valueStrings)
        }
        // Slot by slot, in file order: each group's spellings as a list in order of first
        // appearance, with counts. The slots' names are entries of one table of distinct names,
        // so a spelling is a (group, entry) pair, found without comparing names.
        let tableNames = identified.names.names
        // Each refusal as a warning at the paper of the authorship kept apart.
        let paperStarts = identified.starts
        func paper(ofAuthorship authorship: Int) -> Int {
            var (low, high) = (0, paperStarts.count - 1)
            while high - low > 1 {
                let middle = (low + high) / 2
                if paperStarts[middle] <= authorship { low = middle } else { high = middle }
            }
            return low
        }
        for (slot, value, kind, theirs, ours) in refused.prefix(Self.conflictWarnings) {
            let authorship = Int(slotAuthorships[slot])
            let name = tableNames[Int(authorshipEntries[authorship])].displayName
            let (valueKind, kindName) = (AuthorIDs.Kind(number: valueKinds[value]), AuthorIDs.Kind(number: UInt8(kind)).rawValue)
            conflicts.append(Diagnostic(.warning, at: publications[paper(ofAuthorship: authorship)].location,
                                        "\(name): \(valueKind.rawValue) \(valueStrings[value]) is also given to a person whose \(kindName) differs "
                                        + "(\(valueStrings[Int(theirs)]), here \(valueStrings[Int(ours)])); kept apart as two people, "
                                        + "since two different IDs of one kind are never one person"))
        }
        if refused.count > Self.conflictWarnings {
            conflicts.append(Diagnostic(.warning, at: nil, "\(refused.count - Self.conflictWarnings) more IDs are given to people whose IDs "
                                        + "of another kind differ; each time, the people were kept apart"))
        }
        var lists = SpellingLists(groupCount: groupCount, entryCount: tableNames.count)
        // Each spelling's evidence: an ID of its first authorship that another authorship of its
        // person holds too (where a chain of IDs joined them, the link that is this spelling's own),
        // -1 for none (its person's first ID is given instead).
        var holders = [Int32](repeating: 0, count: valueStrings.count)
        for value in slotValues { holders[Int(value)] += 1 }
        var spellingReasons: [Int32] = []
        for slot in 0..<slotCount {
            let spellings = lists.entries.count
            lists.add(Int(authorshipEntries[Int(slotAuthorships[slot])]), to: Int(groupOfSlot[slot]))
            guard lists.entries.count > spellings else { continue }
            // (Never an ID given to people whose IDs differ, which joined nobody.)
            let shared = (Int(valueStarts[slot])..<Int(valueStarts[slot + 1])).lazy.map { Int(slotValues[$0]) }.first { value in
                holders[value] > 1 && !ambiguous[value] && groupOfSlot[Int(owner[value])] == groupOfSlot[slot]
            }
            spellingReasons.append(shared.map(Int32.init) ?? -1)
        }
        let spellingNames = lists.entries.map { tableNames[Int($0)] }
        let spellingCounts = lists.counts
        let nextSpelling = lists.next
        let firstSpelling = lists.first
        var canonical: [PersonName] = []
        canonical.reserveCapacity(groupCount)
        // Each group's display form as a spelling (the place of `canonical[group]` in the lists).
        var bestSpellings: [Int32] = []
        bestSpellings.reserveCapacity(groupCount)
        var order: [Int] = []
        for group in 0..<groupCount {
            order.removeAll(keepingCapacity: true)
            var spelling = Int(firstSpelling[group])
            while spelling >= 0 {
                order.append(spelling)
                spelling = Int(nextSpelling[spelling])
            }
            guard order.count > 1 else {
                canonical.append(spellingNames[order[0]])
                bestSpellings.append(Int32(order[0]))
                continue
            }
            // The most frequent full form (first given name spelled out); ties: longest, then
            // mixed case, accents kept, alphabetical (`NameKey.isShownBefore`).
            let best = order.max { a, b in
                let (na, nb) = (spellingNames[a], spellingNames[b])
                let fa = (NameKey.givenTokens(na.first).first?.count ?? 0) > 1, fb = (NameKey.givenTokens(nb.first).first?.count ?? 0) > 1
                if fa != fb { return !fa }
                if spellingCounts[a] != spellingCounts[b] { return spellingCounts[a] < spellingCounts[b] }
                let (da, db) = (na.displayName, nb.displayName)
                if da.count != db.count { return da.count < db.count }
                return NameKey.isShownBefore(db, da)
            }!
            canonical.append(spellingNames[best])
            bestSpellings.append(Int32(best))
        }
        // 3. Names that people with conflicting IDs write alike. Two groups' IDs conflict where
        // both have an ID of the same person kind: being two groups, they have different keys
        // there, so different values. Every spelling counts, not only the display forms, and
        // names are compared as the resolver's rules compare them (case, accents, punctuation
        // folded): where person 1 writes `John Smith` and `J. Smith` and person 2 `J. Smith`,
        // an ID-less `J. Smith` could be either. A person whose display form is such a name
        // carries its ID as a homonym mark (`J. Smith [ORCID …]`): else the ID-less name would
        // join it as the same name before any rule. The resolver's rules, which see every
        // display form with its kinds of ID (marks aside), are told which are written alike
        // (`writtenAlike`), and join no ID-less name to them.
        let personKinds = UInt8(1 << personKindCount - 1)
        // Spellings bucketed by their folded keys; only buckets of several spellings are looked
        // at (most names are written by one person). A key is made once per distinct name, on
        // all cores: people written alike share a table entry (on generated corpora, 3.4 people
        // a name).
        let spellingGroups = lists.groups
        var keyOfEntry = [Int32](repeating: -1, count: tableNames.count)
        var keyedEntries: [Int32] = []
        for entry in lists.entries where keyOfEntry[Int(entry)] < 0 {
            keyOfEntry[Int(entry)] = 0
            keyedEntries.append(entry)
        }
        var keyCount = 0
        do {
            var keys = ByteKeyTable(expected: keyedEntries.count)
            for batch in Self.foldedKeys(keyedEntries.map { tableNames[Int($0)] }) {
                for local in 0..<batch.count {
                    let (key, isNew) = keys.findOrInsert(batch.key(local), hash: batch.hashes[local])
                    if isNew { keyCount += 1 }
                    keyOfEntry[Int(keyedEntries[batch.base + local])] = Int32(key)
                }
            }
        }
        let alike = Self.buckets(lists.entries.map { keyOfEntry[Int($0)] }, keyCount: keyCount)
        writtenAlike = [Bool](repeating: false, count: groupCount)
        var lastBucket = [Int32](repeating: -1, count: groupCount)
        var clashes: [[Int32]] = []
        for (bucket, spellings) in alike.enumerated() {
            // The bucket's groups clash where two of them have an ID of one person kind.
            var seen: UInt8 = 0
            var clash = false
            for spelling in spellings {
                let group = Int(spellingGroups[spelling])
                guard lastBucket[group] != Int32(bucket) else { continue }
                lastBucket[group] = Int32(bucket)
                clash = clash || seen & idKinds[group] & personKinds != 0
                seen |= idKinds[group] & personKinds
            }
            guard clash else { continue }
            for spelling in spellings where bestSpellings[Int(spellingGroups[spelling])] == Int32(spelling) {
                let group = Int(spellingGroups[spelling])
                guard !writtenAlike[group] else { continue }
                writtenAlike[group] = true
                let (kind, value) = firstID(of: group)!
                canonical[group].homonym = "[\(kind.rawValue) \(value)]"
            }
            clashes.append(spellings.map { spellingGroups[$0] })
        }
        groupKinds = idKinds.map { $0 & personKinds }
        // 4. The evidence for every other spelling, made later (`Evidence.make()`); the
        // authorships interned, each identified one under its group's display form (the table
        // `InternedAuthors` makes of the renamed publications, without renaming them).
        evidence = Evidence(groupValue: groupValue, valueStrings: valueStrings, valueKinds: valueKinds, firstSpelling: firstSpelling,
                            nextSpelling: nextSpelling, spellingNames: spellingNames, spellingEntries: lists.entries,
                            spellingReasons: spellingReasons, tableNames: tableNames, canonical: canonical, clashes: clashes)
        groupNames = canonical
        // 5. The table of the publications with every identified authorship renamed to its
        // group's display form: names in order of first appearance, a group's at its first
        // authorship (integers only: every authorship's name is an entry already).
        var groupOfAuthorship = [Int32](repeating: -1, count: authorshipEntries.count)
        for slot in 0..<slotCount { groupOfAuthorship[Int(slotAuthorships[slot])] = groupOfSlot[slot] }
        var renamed = [Int32](repeating: -1, count: tableNames.count)
        groupEntries = [Int32](repeating: -1, count: groupCount)
        var names: [PersonName] = []
        var ids: [Int32] = []
        ids.reserveCapacity(authorshipEntries.count)
        for (entry, group) in zip(authorshipEntries, groupOfAuthorship) {
            if group >= 0 {
                if groupEntries[Int(group)] < 0 {
                    groupEntries[Int(group)] = Int32(names.count)
                    names.append(canonical[Int(group)])
                }
                ids.append(groupEntries[Int(group)])
            } else {
                if renamed[Int(entry)] < 0 {
                    renamed[Int(entry)] = Int32(names.count)
                    names.append(tableNames[Int(entry)])
                }
                ids.append(renamed[Int(entry)])
            }
        }
        interned = InternedAuthors(names: names, ids: ids, starts: identified.starts)
    }

    /// What each group's IDs and the evidence of the merges by ID are made from.
    struct Evidence: Sendable {
        /// Per group and kind (`groupValue[group * kinds + kind]`), the group's first value of
        /// that kind in slot order (an index of `valueStrings`), or -1.
        let groupValue: [Int32]
        let valueStrings: [String]
        /// Each value's kind (its number in `AuthorIDs.Kind`).
        let valueKinds: [UInt8]
        /// Each group's spellings as a list (`SpellingLists`): its first, and each one's next.
        let firstSpelling: [Int32]
        let nextSpelling: [Int32]
        let spellingNames: [PersonName]
        let spellingEntries: [Int32]
        /// Each spelling's own evidence: a value its first authorship shares with another
        /// authorship of its person, or -1.
        let spellingReasons: [Int32]
        /// The distinct names, by entry; each group's display form, marked.
        let tableNames: [PersonName]
        let canonical: [PersonName]
        /// The groups of each bucket of spellings written alike by people whose IDs clash.
        let clashes: [[Int32]]

        private static let kindCount = AuthorIDs.Kind.allCases.count

        /// The first ID of group `group` in the order of `AuthorIDs.Kind` (its IDs' `firstID`).
        static func firstID(of group: Int, groupValue: [Int32], valueStrings: [String]) -> (kind: AuthorIDs.Kind, value: String)? {
            for kind in 0..<kindCount {
                let value = groupValue[group * kindCount + kind]
                if value >= 0 { return (AuthorIDs.Kind(number: UInt8(kind)), valueStrings[Int(value)]) }
            }
            return nil
        }

        /// Each group's IDs (per kind, the first value in file order); the spellings joined
        /// because they share an ID, with the evidence (their `into` left empty: the resolver
        /// names the person by its final display name), and the group each was made for.
        func make() -> (groupIDs: [AuthorIDs], merges: [AuthorIndex.Merge], mergeGroups: [Int32], keptApart: KeptApartByIDs?) {
            let groupCount = canonical.count
            var groupIDs = [AuthorIDs](repeating: AuthorIDs(), count: groupCount)
            for group in 0..<groupCount {
                func string(_ kind: Int) -> String {
                    let value = groupValue[group * Self.kindCount + kind]
                    return value < 0 ? "" : valueStrings[Int(value)]
                }
                groupIDs[group] = AuthorIDs(orcid: string(0), scopus: string(1), openAlex: string(2), researcherID: string(3),
                                            dimensions: string(4), ror: string(5), country: string(6))
            }
            var merges: [AuthorIndex.Merge] = []
            var mergeGroups: [Int32] = []
            var canonicalKey: [UInt8] = [], spellingKey: [UInt8] = []
            // Each spelling's name as shown, made once per name of the table (people written alike
            // share it: on generated corpora, thousands of them).
            var displayOfEntry = [String?](repeating: nil, count: tableNames.count)
            func display(_ spelling: Int) -> String {
                let entry = Int(spellingEntries[spelling])
                if let shown = displayOfEntry[entry] { return shown }
                let shown = tableNames[entry].displayName
                displayOfEntry[entry] = shown
                return shown
            }
            for group in 0..<groupCount {
                // (The evidence is written only for a merge.)
                var evidence: String? = nil
                func reason() -> String {
                    if let evidence { return evidence }
                    let made = groupIDs[group].firstID.map { "same \($0.kind.rawValue) \($0.value)" } ?? "same ID"
                    evidence = made
                    return made
                }
                // The group's spellings are read from their list in place (an array of them per
                // group was a copy of every name).
                let head = Int(firstSpelling[group])
                // A person of one spelling merged none: its display form is that spelling, marked
                // with its ID where people written alike made it so (the kept-apart lines below
                // say why), which no merge is.
                guard nextSpelling[head] >= 0 else { continue }
                var unmarked = canonical[group]
                if NameKey.isIDMark(unmarked.homonym) { unmarked.homonym = "" }
                // The keys' bytes go to two buffers, not to a string and an array per spelling (an
                // exact key is never empty: it has its separators).
                canonicalKey.removeAll(keepingCapacity: true)
                var spelling = head
                while spelling >= 0 {
                    defer { spelling = Int(nextSpelling[spelling]) }
                    guard spellingNames[spelling] != canonical[group], spellingNames[spelling] != unmarked else { continue }
                    if canonicalKey.isEmpty { NameKey.appendExactKey(canonical[group], to: &canonicalKey) }
                    spellingKey.removeAll(keepingCapacity: true)
                    NameKey.appendExactKey(spellingNames[spelling], to: &spellingKey)
                    guard spellingKey != canonicalKey else { continue }
                    let own = Int(spellingReasons[spelling])
                    let evidence = own < 0 ? reason() : "same \(AuthorIDs.Kind(number: valueKinds[own]).rawValue) \(valueStrings[own])"
                    merges.append(.init(variant: display(spelling), into: "", reason: evidence))
                    mergeGroups.append(Int32(group))
                }
            }
            return (groupIDs, merges, mergeGroups, keptApart())
        }

        /// What `coauthor names`' kept-apart lines for people only their IDs tell apart are made
        /// from (`KeptApartByIDs`), or nil when no people written alike have IDs that clash.
        private func keptApart() -> KeptApartByIDs? {
            guard !clashes.isEmpty else { return nil }
            var place: [Int32: Int32] = [:]
            var clashing = KeptApartByIDs()
            for groups in clashes {
                var bucket: [Int32] = []
                for group in groups {
                    let known = place[group] ?? {
                        let made = Int32(clashing.names.count)
                        place[group] = made
                        clashing.names.append(canonical[Int(group)])
                        for kind in 0..<AuthorIDs.Kind.personCount { clashing.values.append(groupValue[Int(group) * Self.kindCount + kind]) }
                        return made
                    }()
                    if !bucket.contains(known) { bucket.append(known) }
                }
                clashing.buckets.append(bucket)
            }
            return clashing
        }
    }

    /// Each person's entry in `interned.names` with the kinds of person ID it carries and whether
    /// people whose IDs conflict write it alike, for the resolver.
    var entriesWithIDs: [(entry: Int32, kinds: UInt8, writtenAlike: Bool)] {
        groupEntries.indices.map { (groupEntries[$0], groupKinds[$0], writtenAlike[$0]) }
    }

    /// Each person's spellings that are its display form written otherwise: the same words, up
    /// to case, accents and punctuation, with the surname cut elsewhere (`José Ignacio Peláez`
    /// beside a display form `Jose Ignacio Pelaez`, Web of Science's `Ignacio Pelaez, Jose`), by
    /// the person's place in `entriesWithIDs`; none for people written alike by people whose IDs
    /// clash. An ID-less name written so is that person (`AuthorResolver`): the authorships with
    /// the ID are all renamed to the display form, which the rules would otherwise compare alone.
    /// A spelling with other words (`John Smith` beside `John A. Smith`) is left to the rules,
    /// which weigh it against every other person who could write it.
    /// - Complexity: O(spellings), one folding per spelling of a person with several.
    var displayFormsWrittenOtherwise: [(person: Int, spelling: Int32)] {
        let evidence = evidence
        var spellings: [(person: Int, spelling: Int32)] = []
        for group in groupEntries.indices where !writtenAlike[group] {
            let head = Int(evidence.firstSpelling[group])
            guard evidence.nextSpelling[head] >= 0 else { continue }
            let display = evidence.canonical[group]
            let words = NameKey.foldedWords(of: display)
            var spelling = head
            while spelling >= 0 {
                defer { spelling = Int(evidence.nextSpelling[spelling]) }
                let name = evidence.spellingNames[spelling]
                guard name != display, NameKey.foldedWords(of: name) == words else { continue }
                spellings.append((group, Int32(spelling)))
            }
        }
        return spellings
    }

    /// The folded keys of `names` (`NameKey.appendFoldedKey`), in one batch per core for large
    /// counts, each core with its own table of folded parts; batches in name order.
    private static func foldedKeys(_ names: [PersonName]) -> [KeyBatch] {
        let runs = names.count >= Parallelism.minimumRunItems ? max(1, min(2, Parallelism.workers)) : 1
        return parallelRuns(runs) { run in
            let range = (names.count * run / runs)..<(names.count * (run + 1) / runs)
            var batch = KeyBatch(base: range.lowerBound)
            var key: [UInt8] = []
            var folded: [String: [UInt8]] = [:]
            for name in names[range] {
                key.removeAll(keepingCapacity: true)
                NameKey.appendFoldedKey(name, to: &key, folded: &folded)
                batch.append(key)
            }
            return batch
        }
    }

    /// The buckets of items that share a key (`keyOfItem`, keys numbered `0..<keyCount`), for
    /// keys of several items: each bucket's items in order, the buckets in order of their first item.
    /// - Complexity: O(items + keys).
    private static func buckets(_ keyOfItem: [Int32], keyCount: Int) -> [[Int]] {
        var sizes = [Int32](repeating: 0, count: keyCount)
        for key in keyOfItem { sizes[Int(key)] += 1 }
        var bucketOfKey = [Int32](repeating: -1, count: keyCount)
        var buckets: [[Int]] = []
        for (item, key) in keyOfItem.enumerated() where sizes[Int(key)] > 1 {
            if bucketOfKey[Int(key)] < 0 {
                bucketOfKey[Int(key)] = Int32(buckets.count)
                buckets.append([])
            }
            buckets[Int(bucketOfKey[Int(key)])].append(item)
        }
        return buckets
    }
}

/// Each group's spellings as a list in order of first appearance, with their counts: a spelling
/// is a name (an entry of the table of distinct names) some authorship of the group writes.
private struct SpellingLists {
    /// Each spelling's name, group and count.
    var entries: [Int32] = []
    var groups: [Int32] = []
    var counts: [Int] = []
    /// The spelling after each in its group's list, or -1.
    var next: [Int32] = []
    /// Each group's first and last spelling.
    var first: [Int32]
    var last: [Int32]
    /// The first spelling made of each entry: most names are written by one person only, so
    /// their spelling is found there; others (one name, people with different IDs) by `pairs`.
    private var spellingOfEntry: [Int32]
    private var pairs = HashIndex(expected: 256)
    private var pairKeys: [UInt64] = []
    private var pairSpellings: [Int32] = []

    init(groupCount: Int, entryCount: Int) {
        first = [Int32](repeating: -1, count: groupCount)
        last = [Int32](repeating: -1, count: groupCount)
        spellingOfEntry = [Int32](repeating: -1, count: entryCount)
    }

    /// Counts the name `entry` among the spellings of group `group`.
    mutating func add(_ entry: Int, to group: Int) {
        let known = Int(spellingOfEntry[entry])
        if known >= 0 && groups[known] == Int32(group) {
            counts[known] += 1
            return
        }
        let added = Int32(entries.count)
        if known >= 0 {
            // The name has a spelling in another group: this group's is found by the pair.
            let key = UInt64(group) << 32 | UInt64(entry)
            let (id, isNew) = pairs.findOrInsert(hash: WordHash.mix(key)) { pairKeys[$0] == key }
            guard isNew else {
                counts[Int(pairSpellings[id])] += 1
                return
            }
            pairKeys.append(key)
            pairSpellings.append(added)
        } else {
            spellingOfEntry[entry] = added
        }
        entries.append(Int32(entry))
        groups.append(Int32(group))
        counts.append(1)
        next.append(-1)
        if last[group] >= 0 { next[Int(last[group])] = added } else { first[group] = added }
        last[group] = added
    }
}

/// The identified authorships of a run of publications, with their IDs each interned by kind
/// and exact bytes (a "value"), and the name of every authorship as an entry of a table of
/// distinct names.
private struct IdentifiedSlots: Sendable {
    /// Each identified authorship's place among the run's authorships (`entries`).
    var authorships: [Int32] = []
    /// Slot `s`'s values are `values[valueStarts[s]..<valueStarts[s + 1]]`, in kind order.
    var valueStarts: [Int32] = [0]
    var values: [Int32] = []
    /// The distinct values, by id: the kind's number then the ID's bytes in upper case in the
    /// table (`intern`), and the ID as first written and its kind's number (the order of
    /// `AuthorIDs.Kind`) in `strings` and `kinds`.
    var table = ByteKeyTable(expected: 4096)
    var strings: [String] = []
    var kinds: [UInt8] = []
    /// Every authorship's name, as its entry in `names`, publication after publication (those of
    /// publication `p` of the run at `starts[p]..<starts[p + 1]`).
    var entries: [Int32] = []
    var starts: [Int] = [0]
    var names = NameTable()

    /// No authorship.
    init() {}

    /// The identified authorships of `publications[range]`, in order.
    init(_ publications: [Publication], papers range: Range<Int>) {
        var bytes: [UInt8] = []
        // Where an `AuthorIDs` keeps its first two IDs and their kinds' numbers (the places in
        // `AuthorIDs.Kind`, as `intern` numbers kinds: `IDGroupingTests` checks the order).
        let layout = AuthorIDs.inlineLayout
        var seen = SeenStrings()
        starts.reserveCapacity(range.count + 1)
        // Through pointers: calling a method on an element of the array would copy the whole
        // publication (every reference in it retained and released).
        publications.withUnsafeBufferPointer { publications in
            for paper in range {
                // Each paper's lists are allocations of their own: asked for a few papers ahead.
                if paper + 8 < range.upperBound { Publication.prefetchAuthorsAndIDs(at: publications.baseAddress! + paper + 8, stage: 1) }
                if paper + 4 < range.upperBound { Publication.prefetchAuthorsAndIDs(at: publications.baseAddress! + paper + 4, stage: 2) }
                let authorCount = publications[paper].authors.count
                let first = entries.count
                publications[paper].authors.withUnsafeBufferPointer { authors in
                    for position in authors.indices { entries.append(names.entry(of: authors.baseAddress! + position)) }
                }
                starts.append(entries.count)
                Publication.withAuthorIDs(at: publications.baseAddress! + paper) { ids in
                    guard let base = ids.baseAddress else { return }
                    for position in 0..<min(ids.count, authorCount) {
                        let fields = UnsafeRawPointer(base + position)
                        // An authorship without an ID (in a record where others have one) is told
                        // by one byte; a value's IDs are never empty.
                        guard fields.load(fromByteOffset: layout.kind0, as: UInt8.self) != AuthorIDs.noKind else { continue }
                        authorships.append(Int32(first + position))
                        // The two places in turn (an array of them was made for every authorship).
                        for place in 0..<2 {
                            let (kindOffset, valueOffset) = place == 0 ? (layout.kind0, layout.value0) : (layout.kind1, layout.value1)
                            let kind = Int(fields.load(fromByteOffset: kindOffset, as: UInt8.self))
                            guard kind != Int(AuthorIDs.noKind) else { break }
                            // Each ID's string is first looked up by its bits: the readers make
                            // one string per distinct ID, so most IDs are found without their
                            // bytes being read (a cache miss each) or hashed, nor the string
                            // retained. A string not seen is read once (`intern`).
                            let field = fields + valueOffset
                            let bits = field.loadUnaligned(as: SeenStrings.Bits.self)
                            var value = seen.value(of: bits, kind: kind)
                            if value == SeenStrings.unseen {
                                value = Int32(intern(field.assumingMemoryBound(to: String.self).pointee, kind: kind, bytes: &bytes))
                                seen.record(bits, kind: kind, value: value)
                            }
                            values.append(value)
                        }
                        // A third ID and more (rare): by value.
                        ids[position].forEachIDBeyondTheFirstTwo { kind, id in
                            values.append(Int32(intern(id, kind: Int(kind), bytes: &bytes)))
                        }
                        valueStarts.append(Int32(values.count))
                    }
                }
            }
        }
    }

    /// The value id of the ID `value` (not empty) of kind number `kind`: IDs are one value when
    /// their kinds are and their texts are in upper case (NFC beyond ASCII, as String equality
    /// compares), and each value keeps the text it was first seen with.
    private mutating func intern(_ value: String, kind: Int, bytes: inout [UInt8]) -> Int {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(kind))
        // The bytes are looked at where the string keeps them (iterating a string's UTF-8 view
        // costs some thirty instructions a byte).
        var value = value
        value.withUTF8 { utf8 in
            if let base = utf8.baseAddress, coauthor_ascii_prefix(base, utf8.count) < utf8.count {
                bytes.append(contentsOf: String(decoding: utf8, as: UTF8.self).uppercased().precomposedStringWithCanonicalMapping.utf8)
            } else {
                // ASCII: upper case is a byte's own, made in place after one copy (appending byte by
                // byte checked the array's uniqueness at every byte).
                bytes.append(contentsOf: utf8)
                bytes.withUnsafeMutableBufferPointer { key in
                    for k in 1..<key.count where key[k] >= 0x61 && key[k] <= 0x7A { key[k] -= 0x20 }
                }
            }
        }
        let (id, isNew) = bytes.withUnsafeBufferPointer { table.findOrInsert($0) }
        if isNew {
            strings.append(value)
            kinds.append(UInt8(kind))
        }
        return id
    }

    /// Adds the slots of `later` (read from the publications after these), its values and
    /// names interned in these tables.
    mutating func append(_ later: IdentifiedSlots) {
        var ids: [Int32] = []
        ids.reserveCapacity(later.strings.count)
        for value in later.strings.indices {
            let (id, isNew) = table.findOrInsert(later.table.key(value))
            if isNew {
                strings.append(later.strings[value])
                kinds.append(later.kinds[value])
            }
            ids.append(Int32(id))
        }
        let entryOf = later.names.names.map { names.entry(of: $0) }
        let base = Int32(values.count)
        let authorshipBase = Int32(entries.count)
        let startBase = entries.count
        authorships += later.authorships.lazy.map { $0 + authorshipBase }
        valueStarts += later.valueStarts.dropFirst().lazy.map { $0 + base }
        values += later.values.lazy.map { ids[Int($0)] }
        entries += later.entries.lazy.map { entryOf[Int($0)] }
        starts += later.starts.dropFirst().lazy.map { $0 + startBase }
    }
}

/// Distinct names (by value), each an entry numbered in order of first appearance, looked up
/// by the bits of the name first: the readers make one name per distinct spelling they read
/// (and per core), so most authorships are found without their strings being read or hashed.
/// Equal bits are equal names, for as long as the names looked up are alive (`SeenStrings`).
private struct NameTable {
    private(set) var names: [PersonName] = []
    private var byValue = HashIndex(expected: 1024)
    private var byBits = HashIndex(expected: 1024)
    /// The bits of each name looked up by them, `bitWords` words a name, and its entry.
    private var bitKeys: [UInt64] = []
    private var bitEntries: [Int32] = []
    private static let bitWords = MemoryLayout<PersonName>.size / 8
    /// Whether a name is whole words (it is: two strings and an array).
    private static let byBitsUsable = MemoryLayout<PersonName>.size % 8 == 0

    /// The entry of the name at `name` (added when new): the name is read in place, and copied
    /// only when new to the table.
    mutating func entry(of name: UnsafePointer<PersonName>) -> Int32 {
        guard Self.byBitsUsable else { return entry(of: name.pointee) }
        let raw = UnsafeRawPointer(name)
        let hash = WordHash.hash(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: MemoryLayout<PersonName>.size))
        let words = Self.bitWords
        let (slot, isNew) = bitKeys.withUnsafeBufferPointer { keys in
            byBits.findOrInsert(hash: hash) { id in
                for k in 0..<words where keys[id * words + k] != raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self) { return false }
                return true
            }
        }
        guard isNew else { return bitEntries[slot] }
        for k in 0..<words { bitKeys.append(raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
        let found = entry(of: name.pointee)
        bitEntries.append(found)
        return found
    }

    /// The entry of `name` (added when new), found by its value.
    mutating func entry(of name: PersonName) -> Int32 {
        let (id, isNew) = byValue.findOrInsert(hash: name.identityHash) { names[$0] == name }
        if isNew { names.append(name) }
        return Int32(id)
    }
}

/// The value ids of ID strings by their bits and kind. Equal bits are equal strings: a small
/// string holds its bytes in its bits, and a larger one the address of its storage, which no
/// other string has while it is alive (every string looked up is held by the publications for
/// the whole pass). Equal strings may differ in bits (each reader's core makes its own), and
/// are then found by their bytes, once per copy.
private struct SeenStrings {
    typealias Bits = (UInt64, UInt64)
    static let unseen: Int32 = -1

    private var index = HashIndex(expected: 4096)
    private var keys: [(bits: Bits, kind: Int)] = []
    private var values: [Int32] = []

    @inline(__always) private static func hash(_ bits: Bits, kind: Int) -> UInt64 {
        WordHash.mix(bits.0 ^ (bits.1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(kind))
    }

    /// The value id recorded for these bits, or `unseen`.
    @inline(__always) func value(of bits: Bits, kind: Int) -> Int32 {
        index.find(hash: Self.hash(bits, kind: kind)) { keys[$0].bits == bits && keys[$0].kind == kind }.map { values[$0] } ?? Self.unseen
    }

    /// Records the value id of bits not seen before (a second probe, on the few strings not seen:
    /// one `findOrInsert` with the value made in a closure measured slower on the hits).
    mutating func record(_ bits: Bits, kind: Int, value: Int32) {
        let (id, isNew) = index.findOrInsert(hash: Self.hash(bits, kind: kind)) { keys[$0].bits == bits && keys[$0].kind == kind }
        precondition(isNew && id == values.count, "bits recorded once")
        keys.append((bits, kind))
        values.append(value)
    }
}

/// The people of each bucket of spellings written alike whose IDs of one person kind differ:
/// the kept-apart lines of `coauthor names` and the report (`lines`), made when asked for. A
/// bucket of k namesakes lists each against the earlier ones, about k²/2 names: on a generated
/// export of thousands of namesakes, a sixth of the resolution, which no other output reads.
struct KeptApartByIDs: Sendable {
    /// Each person's display form, marked (`AuthorIDGroups.Evidence.canonical`).
    var names: [PersonName] = []
    /// Per person and person kind (`values[person * personCount + kind]`), its ID's value id, or -1.
    var values: [Int32] = []
    /// The people of each bucket, in order, each once.
    var buckets: [[Int32]] = []

    /// Each person of a bucket listed against the earlier ones whose IDs of one person kind
    /// differ from its own (named by display forms, marks and all), each such line once.
    /// - Complexity: O(Σ k²) for buckets of k people.
    func lines() -> [AuthorIndex.NearMiss] {
        let kinds = AuthorIDs.Kind.personCount
        var lines: [AuthorIndex.NearMiss] = []
        var listed = Set<[Int32]>()
        var shown = [String?](repeating: nil, count: names.count)
        func display(_ person: Int32) -> String {
            if let name = shown[Int(person)] { return name }
            let name = names[Int(person)].displayName
            shown[Int(person)] = name
            return name
        }
        for people in buckets {
            for (place, person) in people.enumerated() where place > 0 {
                let rivals = people[..<place].filter { other in
                    (0..<kinds).contains { kind in
                        let (ours, theirs) = (values[Int(person) * kinds + kind], values[Int(other) * kinds + kind])
                        return ours >= 0 && theirs >= 0 && ours != theirs
                    }
                }
                guard !rivals.isEmpty, listed.insert([person] + rivals).inserted else { continue }
                lines.append(AuthorIndex.NearMiss(variant: display(person), candidates: rivals.map(display),
                                                  reason: "written alike by people whose IDs of one kind differ"))
            }
        }
        return lines
    }
}
