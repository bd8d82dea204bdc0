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
        self.init(publications) { _, _ in nil }
    }

    /// Interns the authors of `publications`, each written as `renamed(paper, position)` says
    /// where it gives a name: the table of the publications so renamed.
    /// - Complexity: O(A) expected for A authorships.
    init(_ publications: [Publication], renamed: (Int, Int) -> PersonName?) {
        var index = HashIndex(expected: 1024)
        var names: [PersonName] = []
        var ids: [Int32] = []
        var starts: [Int] = [0]
        starts.reserveCapacity(publications.count + 1)
        for paper in publications.indices {
            let authors = publications[paper].authors
            for position in authors.indices {
                let name = renamed(paper, position) ?? authors[position]
                let (id, isNew) = index.findOrInsert(hash: name.identityHash) { names[$0] == name }
                if isNew { names.append(name) }
                ids.append(Int32(id))
            }
            starts.append(ids.count)
        }
        self.init(names: names, ids: ids, starts: starts)
    }

    /// Whether this describes `publications` (same number of papers and of authors on each).
    /// - Complexity: O(P).
    func matches(_ publications: [Publication]) -> Bool {
        guard publicationCount == publications.count else { return false }
        for paper in publications.indices where starts[paper + 1] - starts[paper] != publications[paper].authors.count {
            return false
        }
        return true
    }
}
