/// The publications that time metrics read: those with a year within `--from`/`--to`,
/// in year order, each with its authors as nodes of one `CoauthorNetwork`.
///
/// Publications without a year are left out (SPEC §2: kept, counted, left out of time metrics only).
public struct DatedCorpus: Sendable {
    /// Year of each dated publication, ascending (input order within a year).
    public let years: [Int]
    /// Authors of each dated publication as network nodes, in printed order; authors the
    /// network left out (`--min-papers`, `--radius`) are absent.
    public let nodes: [[Int32]]
    /// All resolved authors of each dated publication, including those left out of the network
    /// (team sizes, `--max-authors` and fractional weights count them all, as the network does).
    public let authorCounts: [Int]
    /// The fewest authors each dated publication has (`Publication.teamSize`): `authorCounts`,
    /// one more where `and others` ended the list. Team sizes and solo papers read it.
    public let teamSizes: [Int]
    /// All distinct members (authors, or institutions or countries) of each dated publication,
    /// including those left out of the network: what fractional weights share among.
    public let memberCounts: [Int]
    /// Number of nodes in the network the authors refer to.
    public let nodeCount: Int
    /// Display name per node.
    public let names: [String]

    /// The distinct years of each node's publications, ascending, solo papers included.
    /// - Complexity: O(A) for A authorships of dated publications.
    public var activeYears: [[Int]] {
        var years = [[Int]](repeating: [], count: nodeCount)
        // Publications come in year order, so each node's list grows ascending.
        for index in 0..<self.years.count {
            let year = self.years[index]
            for node in nodes[index] where years[Int(node)].last != year { years[Int(node)].append(year) }
        }
        return years
    }

    /// Selects and orders the publications and maps their authors onto `network`'s nodes.
    ///
    /// Authors are matched to nodes by display name; authors sharing a display name are
    /// matched in id order, the order `NetworkBuilder` numbers nodes in.
    /// - Parameters:
    ///   - members: the units of each publication when the network's nodes are institutions or
    ///     countries; nil when they are `authors`.
    /// - Complexity: O(P + A) for P publications and A authorships, plus O(n) hashing.
    public init(publications: [Publication], authors: AuthorIndex, members: AuthorIndex? = nil,
                network: CoauthorNetwork, options: NetworkOptions) {
        let people = authors
        let authors = members ?? authors
        let nodeOfAuthor = network.nodes(of: authors)
        let low = options.fromYear ?? .min, high = options.toYear ?? .max
        var dated: [(year: Int, index: Int)] = []
        dated.reserveCapacity(publications.count)
        for (index, publication) in publications.enumerated() {
            if let year = publication.year, year >= low, year <= high { dated.append((year, index)) }
        }
        dated.sort { $0.year != $1.year ? $0.year < $1.year : $0.index < $1.index }
        years = dated.map(\.year)
        authorCounts = dated.map { people.authorsOfPublication[$0.index].count }
        teamSizes = dated.map { publications[$0.index].teamSize(listed: people.authorsOfPublication[$0.index].count) }
        memberCounts = members == nil ? authorCounts : dated.map { authors.authorsOfPublication[$0.index].count }
        nodes = dated.map { entry in
            authors.authorsOfPublication[entry.index].compactMap { id in
                let v = nodeOfAuthor[Int(id)]
                return v >= 0 ? v : nil
            }
        }
        nodeCount = network.nodeCount
        names = network.names
    }

    /// Builds a corpus directly from years and author lists (nodes `0..<nodeCount`), for tests and tools.
    /// - Precondition: `years` ascending; every author id below `nodeCount`.
    public init(years: [Int], authors: [[Int32]], names: [String]) {
        precondition(zip(years, years.dropFirst()).allSatisfy { $0 <= $1 }, "years must be ascending")
        self.years = years
        self.nodes = authors
        self.authorCounts = authors.map(\.count)
        self.teamSizes = authorCounts
        self.memberCounts = authorCounts
        self.nodeCount = names.count
        self.names = names
    }

    public var count: Int { years.count }

    /// Indices of the publications of `node`, in year order.
    /// - Complexity: O(A).
    public func publications(of node: Int) -> [Int] {
        let key = Int32(node)
        return nodes.indices.filter { nodes[$0].contains(key) }
    }

    /// The index range of the publications from `from` through `to`.
    /// - Complexity: O(log P).
    public func range(from: Int, to: Int) -> Range<Int> {
        lowerBound(from)..<lowerBound(to + 1)
    }

    private func lowerBound(_ year: Int) -> Int {
        var low = 0, high = years.count
        while low < high {
            let mid = (low + high) / 2
            if years[mid] < year { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension CoauthorNetwork {
    /// The node of each member of `members` (-1 for one the filters left out), matched by display
    /// name: the network lists its nodes in member order, so the k-th member of a name is the
    /// k-th node of that name.
    /// - Complexity: O(n + members) expected.
    func nodes(of members: AuthorIndex) -> [Int32] {
        var nodesByName: [String: [Int32]] = [:]
        for (v, name) in names.enumerated() { nodesByName[name, default: []].append(Int32(v)) }
        var nodeOf = [Int32](repeating: -1, count: members.names.count)
        var used: [String: Int] = [:]
        for (id, name) in members.names.enumerated() {
            guard let candidates = nodesByName[name] else { continue }
            let next = used[name, default: 0]
            guard next < candidates.count else { continue }
            nodeOf[id] = candidates[next]
            used[name] = next + 1
        }
        return nodeOf
    }
}
