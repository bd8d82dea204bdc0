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
        // Runs of publications on all cores, each interning into a table of its own; the tables
        // are put end to end. A name may then be listed once per run, which resolution joins (as
        // it joins the per-chunk tables of readers), and each name keeps the place of its first
        // authorship among the names new to the table.
        let runs = publications.count < Parallelism.minimumRunItems ? 1 : max(1, Parallelism.workers)
        let bounds = (0...runs).map { publications.count * $0 / runs }
        // The publications are read through a pointer: an element read from the array itself
        // may be copied whole (each of its references retained and released) to read one field.
        let parts = parallelRuns(runs) { run in
            var part = Run()
            publications.withUnsafeBufferPointer { papers in part.intern(papers, bounds[run]..<bounds[run + 1]) }
            return part
        }
        guard runs > 1 else {
            self.init(names: parts[0].names, ids: parts[0].ids, starts: parts[0].starts)
            return
        }
        var names: [PersonName] = []
        var ids: [Int32] = []
        var paperStarts: [Int] = [0]
        names.reserveCapacity(parts.reduce(0) { $0 + $1.names.count })
        ids.reserveCapacity(parts.reduce(0) { $0 + $1.ids.count })
        paperStarts.reserveCapacity(publications.count + 1)
        for part in parts {
            let base = Int32(names.count)
            let offset = ids.count
            names += part.names
            ids += part.ids.lazy.map { $0 + base }
            paperStarts += part.starts.dropFirst().lazy.map { $0 + offset }
        }
        self.init(names: names, ids: ids, starts: paperStarts)
    }

    /// The table of one run of publications (a struct, not variables a closure captures: those
    /// are checked for exclusive access at each use).
    private struct Run: Sendable {
        var index = HashIndex(expected: 1024)
        var names: [PersonName] = []
        var ids: [Int32] = []
        var starts: [Int] = [0]

        mutating func intern(_ name: PersonName) -> Int32 {
            let (id, isNew) = index.findOrInsert(hash: name.identityHash) { names[$0] == name }
            if isNew { names.append(name) }
            return Int32(id)
        }

        /// Interns the authors of `papers[range]`.
        mutating func intern(_ papers: UnsafeBufferPointer<Publication>, _ range: Range<Int>) {
            starts.reserveCapacity(range.count + 1)
            for paper in range {
                papers[paper].authors.withUnsafeBufferPointer { authors in
                    for author in authors { ids.append(intern(author)) }
                }
                starts.append(ids.count)
            }
        }
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
