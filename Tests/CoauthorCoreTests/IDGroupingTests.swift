@testable import CoauthorCore
import Foundation
import Testing

/// Identity by ID on a corpus large enough to be read on several cores (`AuthorIDGroups`): the
/// same groups, names and evidence on any number of cores, and groups that are exactly those a
/// plain union–find over the IDs (upper-cased, NFC) gives.
struct IDGroupingTests {
    /// A person: names as the papers spell them, and IDs.
    private struct Person {
        var spellings: [String]
        var orcid: String
        var scopus: String
        var researcherID: String
    }

    /// `count` papers of seeded random people, each authorship with some of the person's IDs
    /// (the ResearcherID written in upper or lower case). Each person's first authorship
    /// carries all three, so every group holds all three kinds.
    /// Names come from small pools: people share names (homonyms) and initials.
    private func corpus(count: Int, people: Int, seed: UInt64) -> [Publication] {
        var random = SplitMix64(seed: seed)
        let surnames = (0..<120).map { "Surname\($0)" } + ["Müller", "Lévy", "Øster"]
        let givens = ["Anna", "Anne", "Bo", "Carl", "Chloé", "Dan", "Dana", "Eve", "Jan", "Jana", "Li", "Ming"]
        var everyone: [Person] = []
        for p in 0..<people {
            let last = surnames[Int(random.next() % UInt64(surnames.count))]
            let first = givens[Int(random.next() % UInt64(givens.count))]
            let middle = random.next() % 3 == 0 ? " " + givens[Int(random.next() % UInt64(givens.count))] : ""
            let initial = String(first.first!)
            let spellings = ["\(last), \(first)\(middle)", "\(last), \(initial).", "\(first)\(middle) \(last)"]
            let digits = String(format: "%012d", p)
            // One in 50 ResearcherIDs has a non-ASCII letter (its key is made on the slow path).
            let letter = p % 50 == 0 ? "É" : "K"
            everyone.append(Person(spellings: spellings,
                                   orcid: "0000-\(digits.prefix(4))-\(digits.dropFirst(4).prefix(4))-\(digits.suffix(4))",
                                   scopus: "57\(p)", researcherID: "\(letter)-\(p)-2014"))
        }
        var seen = Set<Int>()
        var papers: [Publication] = []
        for k in 0..<count {
            let size = 1 + Int(random.next() % 5)
            var chosen: [Int] = []
            while chosen.count < size {
                let p = Int(random.next() % UInt64(people))
                if !chosen.contains(p) { chosen.append(p) }
            }
            var names: [PersonName] = []
            var ids: [AuthorIDs] = []
            for p in chosen {
                let person = everyone[p]
                let first = seen.insert(p).inserted
                names.append(NameParser.parsePlainName(person.spellings[Int(random.next() % 3)])!)
                let researcherID = random.next() % 2 == 0 ? person.researcherID : person.researcherID.lowercased()
                // Later authorships carry the ORCID, all three, the Scopus ID alone or the
                // ResearcherID alone: those without an ORCID join their person only through a
                // key of another kind (the ResearcherID's in either case).
                switch first ? 1 : random.next() % 4 {
                case 0: ids.append(AuthorIDs(orcid: person.orcid))
                case 1: ids.append(AuthorIDs(orcid: person.orcid, scopus: person.scopus, researcherID: researcherID))
                case 2: ids.append(AuthorIDs(scopus: person.scopus))
                default: ids.append(AuthorIDs(researcherID: researcherID))
                }
            }
            var publication = Publication(key: "p\(k)", type: "article", title: "T\(k)", venue: "", year: 2000 + k % 20,
                                          authors: names, location: SourceLocation(path: "t", line: k + 1, column: 1))
            publication.extras.authorIDs = ids
            papers.append(publication)
        }
        return papers
    }

    /// Everything `AuthorIDGroups` gives, in a form that compares (the kinds of ID per display
    /// form as a set; the name table as each authorship's name: on several cores it is one table per run of
    /// papers, put end to end, which may list a name more than once).
    private func summary(_ groups: AuthorIDGroups) -> [String] {
        var lines = groups.interned.ids.map { groups.interned.names[Int($0)].displayName }
        lines.append(groups.interned.starts.map(String.init).joined(separator: ","))
        lines += mergeLines(groups)
        lines += groups.entriesWithIDs.map { "\(groups.interned.names[Int($0.entry)].displayName) carries \($0.kinds)" }.sorted()
        // The IDs of each display form (groups written alike with no conflict share one).
        var idsOfName: [PersonName: AuthorIDs] = [:]
        let groupIDs = groups.evidence.make().groupIDs
        for group in groupIDs.indices { idsOfName[groups.groupNames[group], default: AuthorIDs()].fill(from: groupIDs[group]) }
        lines += idsOfName.map { "\($0.key.displayName): \($0.value.all.map { "\($0.kind) \($0.value)" })" }.sorted()
        return lines
    }

    /// Each merge as `variant → display form: reason` (the grouping leaves a merge's target to
    /// the resolver; here it is the group's display form).
    private func mergeLines(_ groups: AuthorIDGroups) -> [String] {
        let made = groups.evidence.make()
        return zip(made.merges, made.mergeGroups).map { "\($0.variant) → \(groups.groupNames[Int($1)].displayName): \($0.reason)" }
    }

    /// `AuthorIDGroups` numbers the kinds of ID by their place here, and takes the first five
    /// as the kinds of person ID that may conflict.
    @Test func theKindsOfIDAreInTheOrderTheGroupingNumbersThem() {
        #expect(AuthorIDs.Kind.allCases == [.orcid, .scopus, .openAlex, .researcherID, .dimensions, .ror, .country])
        #expect(AuthorIDs.Kind.allCases.filter(\.isPerson) == [.orcid, .scopus, .openAlex, .researcherID, .dimensions])
    }

    /// `firstID` (what marks and evidence name) is the first of `all`, for every set of kinds.
    @Test func theFirstIDIsTheFirstOfAll() {
        let kinds = AuthorIDs.Kind.allCases
        for subset in 0..<(1 << kinds.count) {
            var ids = AuthorIDs()
            for (bit, kind) in kinds.enumerated() where subset & (1 << bit) != 0 {
                let value = "v\(bit)"
                switch kind {
                case .orcid: ids.orcid = value
                case .scopus: ids.scopus = value
                case .openAlex: ids.openAlex = value
                case .researcherID: ids.researcherID = value
                case .dimensions: ids.dimensions = value
                case .ror: ids.ror = value
                case .country: ids.country = value
                }
            }
            #expect(ids.firstID.map { "\($0.kind) \($0.value)" } == ids.all.first.map { "\($0.kind) \($0.value)" }, "kinds \(subset)")
        }
    }

    /// Names are looked up by their bits first (`NameTable`), then by value: one spelling made
    /// three times with storage of its own (as on three reader cores) counts three times, so it,
    /// not the spelling written twice with one storage, is the person's display form. (Counted
    /// by bits alone, each copy would count once, and the other spelling would win 2 to 1.)
    @Test func spellingsAreCountedByValueWhateverTheirStorage() throws {
        let long = "Carberry-Featherstonehaugh, Josiah Stinkney"
        let copies = (0..<3).map { _ in NameParser.parsePlainName(String(decoding: Array(long.utf8), as: UTF8.self))! }
        func storage(_ name: PersonName) -> UInt64 { unsafeBitCast(name.last, to: (UInt64, UInt64).self).1 }
        try #require(Set(copies.map(storage)).count == 3, "three surnames with storage of their own")
        let other = NameParser.parsePlainName("Carberry-Featherstonehaugh, Josiah Samuel")!
        let orcid = "0000-0002-1825-0097"
        var papers: [Publication] = []
        for (k, name) in (copies + [other, other]).enumerated() {
            var paper = Publication(key: "p\(k)", type: "article", title: "T\(k)", venue: "", year: 2000,
                                    authors: [name], location: SourceLocation(path: "t", line: k + 1, column: 1))
            paper.extras.authorIDs = [AuthorIDs(orcid: orcid)]
            papers.append(paper)
        }
        let groups = try #require(AuthorIDGroups(papers))
        #expect(groups.groupNames.map(\.displayName) == ["Josiah Stinkney Carberry-Featherstonehaugh"])
        #expect(groups.interned.names.count == 1 && groups.interned.ids == [0, 0, 0, 0, 0])
    }

    /// IDs are looked up by the bits of their strings first (`SeenStrings`): one ORCID made as
    /// strings of their own (each with its own storage, as on two reader cores) is still one
    /// person, and an ID string emptied in place (its bits not those of "", so the bits alone do
    /// not tell it is empty) is no ID. (Copies of one ID given separate values would still be
    /// joined by their text in the grouping's key table; the emptied string is what a mistake in
    /// the lookup by bits fails.)
    @Test func idsAreMatchedByValueWhateverTheirStorage() throws {
        let orcid = "0000-0002-1825-0097"
        func copy(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
        let copies = [copy(orcid), copy(orcid), copy(orcid)]
        func bits(_ text: String) -> [UInt64] {
            let pair = unsafeBitCast(text, to: (UInt64, UInt64).self)
            return [pair.0, pair.1]
        }
        try #require(Set(copies.map(bits)).count == 3, "three strings of one ORCID with storage of their own")
        var emptied = String(repeating: "K", count: 40)
        emptied.removeAll(keepingCapacity: true)
        try #require(emptied.isEmpty && bits(emptied) != bits(""), "an empty string whose bits are not those of \"\"")
        let spellings = ["Carberry, Josiah", "Carberry, J.", "J. S. Carberry"]
        var papers: [Publication] = []
        for k in 0..<3 {
            var paper = Publication(key: "p\(k)", type: "article", title: "T\(k)", venue: "", year: 2000,
                                    authors: [NameParser.parsePlainName(spellings[k])!, NameParser.parsePlainName("Other, Ann")!],
                                    location: SourceLocation(path: "t", line: k + 1, column: 1))
            paper.extras.authorIDs = [AuthorIDs(orcid: copies[k]), AuthorIDs(researcherID: emptied)]
            papers.append(paper)
        }
        let groups = try #require(AuthorIDGroups(papers))
        #expect(groups.evidence.make().groupIDs.map(\.orcid) == [orcid], "one person, the ORCID's; Ann Other has no ID")
        #expect(mergeLines(groups).sorted()
                == ["J. Carberry → Josiah Carberry: same ORCID \(orcid)", "J. S. Carberry → Josiah Carberry: same ORCID \(orcid)"].sorted())
    }

    @Test func theSameGroupsOnAnyNumberOfCores() throws {
        let papers = corpus(count: Parallelism.minimumRunItems + 3_000, people: 4_000, seed: 7)
        let one = try #require(Parallelism.$workers.withValue(1) { AuthorIDGroups(papers) })
        let reference = summary(one)
        // Each person's first authorship carries its ORCID, Scopus ID and ResearcherID (kinds 0, 1 and 3).
        let merges = one.evidence.make().merges
        #expect(merges.count > 1_000 && Set(one.groupKinds) == [0b1011], "\(merges.count) merges, kinds \(Set(one.groupKinds))")
        for workers in [2, 3, 8] {
            let many = try #require(Parallelism.$workers.withValue(workers) { AuthorIDGroups(papers) })
            let lines = summary(many)
            #expect(lines.count == reference.count, "\(workers) cores")
            #expect(lines == reference, "\(workers) cores: first difference at line \(zip(lines, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1)")
        }
    }

    /// Resolution on any number of cores gives the same people, papers, evidence and IDs, with
    /// IDs (`AuthorIDGroups`) and without (the name table alone), in both modes.
    @Test(arguments: IdentityMode.allCases)
    func theSameResolutionOnAnyNumberOfCores(mode: IdentityMode) {
        let identified = corpus(count: Parallelism.minimumRunItems + 2_000, people: 4_000, seed: 5)
        let plain = identified.map { paper in
            var copy = paper
            copy.extras.authorIDs = []
            return copy
        }
        for papers in [identified, plain] {
            func resolved(_ workers: Int) -> [String] {
                resolutionLines(Parallelism.$workers.withValue(workers) { AuthorResolver.resolve(papers, mode: mode) })
            }
            let one = resolved(1)
            #expect(one.count > 20_000)
            for workers in [2, 3] {
                let many = resolved(workers)
                #expect(many.count == one.count && many == one,
                        "\(workers) cores: first difference at line \(zip(many, one).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1)")
            }
        }
    }

    /// With `Parallelism.minimumRunItems` lowered, a corpus of a few dozen papers is cut into runs
    /// as a large one is (what the fuzz target checks on arbitrary inputs): every seed of the fuzz
    /// corpus (each reader's seeds and findings) and every export fixture, with its IDs and without,
    /// resolves on two and three cores to what one core gives.
    @Test(arguments: IdentityMode.allCases)
    func smallCorporaCutIntoRunsResolveAsOnOneCore(mode: IdentityMode) throws {
        var papers = 0
        var identifiedPapers = 0
        let exports = Paths.fixtures.appendingPathComponent("exports")
        let fixtures: [(InputFormat, String)] = [
            (.wos, "wos-quirks.txt"), (.wosTab, "wos-tab.txt"), (.medline, "pubmed.nbib"), (.openalex, "openalex-work.jsonl"),
            (.openalex, "openalex-list.json"), (.openalexCSV, "openalex.csv"), (.scopus, "scopus-full-names.csv"),
            (.scopus, "scopus-ids-only.csv"), (.scopus, "scopus-names-only.csv"), (.crossref, "crossref-list.json"),
            (.dimensions, "dimensions.csv"), (.ieee, "ieee.csv"), (.lens, "lens.csv"),
        ]
        var corpora: [(name: String, publications: [Publication])] = []
        for (format, file) in FuzzRegressionTests.seeds + fixtures.map({ ($0.0, exports.appendingPathComponent($0.1)) }) {
            corpora.append((file.lastPathComponent, InputReader.read(bytes: try [UInt8](Data(contentsOf: file)), format: format, path: file.lastPathComponent).publications))
        }
        // The databases' own exports, where ../shared/datasets is at hand: most of their authors have IDs.
        for relative in ExportDatasets.available ? ExportDatasets.files : [] {
            let path = ExportDatasets.folder.appendingPathComponent(relative).path
            guard let corpus = try? InputReader.read([path]) else { continue }
            corpora.append((relative, corpus.publications))
        }
        for (name, identified) in corpora {
            identifiedPapers += identified.count { !$0.authorIDs.isEmpty }
            let plain = identified.map { paper in
                var copy = paper
                copy.extras.authorIDs = []
                return copy
            }
            papers += identified.count
            for publications in [identified, plain] where publications.count > 1 {
                func resolved(_ workers: Int) -> [String] {
                    resolutionLines(Parallelism.$workers.withValue(workers) {
                        Parallelism.$minimumRunItems.withValue(1) { AuthorResolver.resolve(publications, mode: mode) }
                    })
                }
                let one = resolved(1)
                for workers in [2, 3] {
                    #expect(resolved(workers) == one, "\(name), \(workers) cores")
                }
            }
        }
        // 90 papers (24 with IDs) in the seeds and fixtures, 383 (169) with the shared exports.
        let (least, leastIdentified) = ExportDatasets.available ? (300, 150) : (80, 20)
        #expect(papers >= least && identifiedPapers >= leastIdentified, "\(papers) papers in the seeds, \(identifiedPapers) with IDs")
    }

    /// The groups against a union–find written here: authorships share a person exactly when a
    /// chain of shared IDs (compared upper-cased, NFC) joins them.
    @Test func groupsAreThoseOfAPlainUnionFindOverTheIDs() throws {
        let papers = corpus(count: Parallelism.minimumRunItems + 1_000, people: 3_000, seed: 11)
        let groups = try #require(AuthorIDGroups(papers))
        var parent: [Int] = []
        var owner: [String: Int] = [:]
        func find(_ x: Int) -> Int { parent[x] == x ? x : find(parent[x]) }
        // Each authorship's name in the table (several cores list a name once per run of papers).
        var internedID: [PersonName] = []
        for (p, paper) in papers.enumerated() {
            for (position, ids) in paper.authorIDs.enumerated() {
                let slot = parent.count
                parent.append(slot)
                internedID.append(groups.interned.names[Int(groups.interned.ids[groups.interned.starts[p] + position])])
                for (kind, value) in ids.all {
                    let key = "\(kind.rawValue)|\(value.uppercased().precomposedStringWithCanonicalMapping)"
                    if let first = owner[key] {
                        let (a, b) = (find(first), find(slot))
                        if a != b { parent[b] = a }
                    } else {
                        owner[key] = slot
                    }
                }
            }
        }
        #expect(internedID.count == groups.interned.ids.count, "every authorship is identified")
        // Same reference group ⇔ same name in the table (every group has an ORCID, so people
        // written alike carry their IDs as marks and never share a name).
        var nameOfGroup: [Int: PersonName] = [:]
        var groupOfName: [PersonName: Int] = [:]
        var mismatches = 0
        for slot in parent.indices {
            let root = find(slot)
            if nameOfGroup[root, default: internedID[slot]] != internedID[slot] { mismatches += 1 }
            if groupOfName[internedID[slot], default: root] != root { mismatches += 1 }
            nameOfGroup[root] = internedID[slot]
            groupOfName[internedID[slot]] = root
        }
        #expect(mismatches == 0)
        #expect(nameOfGroup.count > 2_500 && nameOfGroup.count <= 3_000, "\(nameOfGroup.count) people")
        // The joins through the other kinds of ID were exercised.
        let withoutORCID = papers.reduce(0) { $0 + $1.authorIDs.filter(\.orcid.isEmpty).count }
        #expect(withoutORCID > 5_000, "\(withoutORCID) authorships without an ORCID")
    }

    /// `PersonLookup` (which `id(named:)` uses) against the linear searches it replaces, written
    /// out here: display name, then exact key, then the first merge of a variant with that key,
    /// then (where that finds no display name) the one name equal up to case, accents and
    /// punctuation, else the one with the surname whose given names the asked initials begin
    /// (nil where none or several are).
    @Test func personLookupFindsWhatTheLinearSearchesFind() {
        var random = SplitMix64(seed: 5)
        let lasts = ["Aria", "ARIA", "Müller", "Mueller", "Wang", "Lévy"]
        let firsts = ["Massimo", "M.", "M", "Wei", "W.", "Anna", "A"]
        func name() -> String { "\(firsts[Int(random.next() % 7)]) \(lasts[Int(random.next() % 6)])" }
        for round in 0..<40 {
            let names = (0..<(3 + Int(random.next() % 12))).map { _ in name() }
            let merges = (0..<Int(random.next() % 8)).map { _ in
                // Some targets are no display name of the index.
                AuthorIndex.Merge(variant: name(), into: random.next() % 4 == 0 ? "Nobody \(round)" : names[Int(random.next() % UInt64(names.count))], reason: "r")
            }
            let index = AuthorIndex(names: names, authorsOfPublication: PackedLists<Int32>(), merges: merges, nearMisses: [])
            func linear(_ name: String) -> Int? {
                if let exact = names.firstIndex(of: name) { return exact }
                let key = NameKey.exactKey(displayName: name)
                if let same = names.firstIndex(where: { NameKey.exactKey(displayName: $0) == key }) { return same }
                func folded() -> Int? {
                    let matches = names.indices.filter { NameKey.fold(NameKey.exactKey(displayName: names[$0])) == NameKey.fold(key) }
                    return matches.count == 1 ? matches[0] : initialed()
                }
                // The one name with the surname whose given names the asked name's begin.
                func initialed() -> Int? {
                    guard let asked = NameParser.parsePlainName(name), !asked.last.isEmpty else { return nil }
                    let initials = NameKey.givenTokens(asked.first).map { NameKey.fold($0) }
                    guard !initials.isEmpty else { return nil }
                    let matches = names.indices.filter { index in
                        guard let other = NameParser.parsePlainName(names[index]),
                              NameKey.fold(other.von + other.last) == NameKey.fold(asked.von + asked.last) else { return false }
                        let given = NameKey.givenTokens(other.first).map { NameKey.fold($0) }
                        return given.count >= initials.count && zip(initials, given).allSatisfy { $0.count == 1 ? $1.hasPrefix($0) : $1 == $0 }
                    }
                    return matches.count == 1 ? matches[0] : nil
                }
                guard let merge = merges.first(where: { NameKey.exactKey(displayName: $0.variant) == key }) else { return folded() }
                return names.firstIndex(of: merge.into) ?? folded()
            }
            var lookup = PersonLookup(index)
            var found = 0
            for _ in 0..<30 {
                let asked = name()
                let expected = linear(asked)
                #expect(lookup.person(named: asked) == expected, "round \(round): \(asked)")
                #expect(index.id(named: asked).map(Int.init) == expected, "round \(round): \(asked)")
                if expected != nil { found += 1 }
            }
            #expect(found > 0, "round \(round) finds someone")
        }
    }
}
