/// Every authorship of a corpus as an index into a table of names: what author resolution
/// works on, so that its per-name work (keys, folding, grouping) runs once per distinct
/// name instead of once per authorship.
///
/// The table may list one name more than once (readers intern by the bytes a name was written
/// with, and per chunk of a file); resolution joins equal names.
public struct InternedAuthors: Sendable {
    /// The table of names.
    public var names: [PersonName]
    /// Indices into `names`, publication after publication, in printed order.
    public var ids: [Int32]
    /// Publication `p`'s authors are `ids[starts[p]..<starts[p + 1]]`.
    public var starts: [Int]

    /// The number of publications.
    public var publicationCount: Int { starts.count - 1 }

    init(names: [PersonName], ids: [Int32], starts: [Int]) {
        self.names = names
        self.ids = ids
        self.starts = starts
    }

    /// Interns the authors of `publications`, one table entry per distinct name.
    /// - Complexity: O(A) expected for A authorships.
    public init(_ publications: [Publication]) {
        self.init(publications, groupOfAuthorship: [], groupNames: [])
    }

    /// Interns the authors of `publications`, each authorship of a group written as its group's
    /// name: authorship `k` (counted over all publications in order) belongs to group
    /// `groupOfAuthorship[k]`, or to none where that is negative (or the list is empty). The
    /// table is that of the publications so renamed; a group's name is looked up once, at its
    /// first authorship, not hashed again for each of them.
    /// - Complexity: O(A) expected for A authorships.
    init(_ publications: [Publication], groupOfAuthorship: [Int32], groupNames: [PersonName]) {
        var index = HashIndex(expected: 1024)
        var names: [PersonName] = []
        var ids: [Int32] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(publications.count + 1)
        var idOfGroup = [Int32](repeating: -1, count: groupNames.count)
        func intern(_ name: PersonName) -> Int32 {
            let (id, isNew) = index.findOrInsert(hash: name.identityHash) { names[$0] == name }
            if isNew { names.append(name) }
            return Int32(id)
        }
        for paper in publications.indices {
            let authors = publications[paper].authors
            for position in authors.indices {
                let group = groupOfAuthorship.isEmpty ? -1 : Int(groupOfAuthorship[ids.count])
                if group < 0 {
                    ids.append(intern(authors[position]))
                } else {
                    if idOfGroup[group] < 0 { idOfGroup[group] = intern(groupNames[group]) }
                    ids.append(idOfGroup[group])
                }
            }
            starts.append(ids.count)
        }
        self.init(names: names, ids: ids, starts: starts)
    }

    /// Whether this describes `publications` (same number of papers and of authors on each).
    /// - Complexity: O(P).
    func matches(_ publications: [Publication]) -> Bool {
        guard publicationCount == publications.count else { return false }
        for paper in publications.indices where starts[paper + 1] - starts[paper] != publications[paper].authorCount {
            return false
        }
        return true
    }
}
