import Dispatch
import Foundation

/// Which ranges of years the slices of SPEC §6 cover.
public enum SliceSpec: Sendable, Equatable {
    /// Graphs of years `[y, y + window − 1]` for y = first, first + step, …, until a window reaches
    /// the last year; the last ends with the last year.
    case sliding(window: Int, step: Int)
    /// Graphs of every year up to y, for y = first, first + step, …, and the last year.
    case cumulative(step: Int)

    /// The longest window and step: longer ones are this long.
    public static let maximumYears = 1000

    /// The inclusive year ranges of the slices over the years `first...last`.
    /// - Precondition: window and step are positive.
    /// - Complexity: O(number of slices).
    public func ranges(first: Int, last: Int) -> [ClosedRange<Int>] {
        guard first <= last else { return [] }
        var ranges: [ClosedRange<Int>] = []
        // Bounded so that no year overflows (`--window 9223372036854775807` crashed: a user trial
        // of session 53; the command line refuses more than `maximumYears`).
        let bound = Self.maximumYears
        switch self {
        case let .sliding(window, step):
            precondition(window > 0 && step > 0, "window and step must be positive")
            let (window, step) = (min(window, bound), min(step, bound))
            var start = first
            // (A step longer than the window can pass the last year: no slice starts after it.)
            while start <= last {
                // The last slice ends with the data (`2022–2025` on papers up to 2023 named two
                // years without data: a user trial of session 55).
                ranges.append(start...min(start + window - 1, last))
                if start + window - 1 >= last { break }
                start += step
            }
        case let .cumulative(step):
            precondition(step > 0, "step must be positive")
            let step = min(step, bound)
            var end = first
            while end < last {
                ranges.append(first...end)
                end += step
            }
            ranges.append(first...last)
        }
        return ranges
    }
}

/// The graph statistics of one time slice and the focus author's place in it (SPEC §6).
public struct SliceRow: Sendable, Equatable {
    public var from: Int
    public var to: Int
    public var nodes: Int
    public var edges: Int
    public var components: Int
    /// Share of the slice's authors in its largest connected component (0…1; 0 for an empty slice).
    public var largestComponent: Double
    /// The focus author's metrics, nil when the focus has no publication in the slice.
    public var focus: FocusPosition?

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(from: Int, to: Int, nodes: Int, edges: Int, components: Int, largestComponent: Double, focus: FocusPosition?) {
        self.from = from
        self.to = to
        self.nodes = nodes
        self.edges = edges
        self.components = components
        self.largestComponent = largestComponent
        self.focus = focus
    }
}

/// The focus author's node metrics in one slice and their rank positions (1 = highest),
/// ranked as `rank --by METRIC` would rank them: higher first, then by name.
public struct FocusPosition: Sendable, Equatable {
    public var degree: Int
    public var degreeRank: Int
    public var strength: Double
    public var strengthRank: Int
    /// Nil when the focus author's connected component is above the betweenness size limit.
    public var betweenness: Double?
    /// Nil when the slice is above the betweenness size limit (ranking needs every author's value).
    public var betweennessRank: Int?
    public var pagerank: Double
    public var pagerankRank: Int

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(degree: Int, degreeRank: Int, strength: Double, strengthRank: Int, betweenness: Double?,
                betweennessRank: Int?, pagerank: Double, pagerankRank: Int) {
        self.degree = degree
        self.degreeRank = degreeRank
        self.strength = strength
        self.strengthRank = strengthRank
        self.betweenness = betweenness
        self.betweennessRank = betweennessRank
        self.pagerank = pagerank
        self.pagerankRank = pagerankRank
    }
}

/// Time slices of the network (SPEC §6).
public enum TimeSlices {
    /// The statistics of every slice.
    ///
    /// Exact betweenness takes O(n·m) per slice, minutes on slices of 10⁵ authors, so it is
    /// bounded: the focus author's value is computed exactly on its own connected component
    /// (shortest paths never leave it; the value is normalised by the whole slice's
    /// (n−1)(n−2)) when that component has at most `betweennessNodeLimit` authors, and its
    /// rank, which needs every author's value, when the whole slice has at most that many.
    /// Otherwise they are nil. A limit of nil means no limit.
    /// - Parameters:
    ///   - focus: the focus author's node in the network `graphs` was built from.
    /// Slices are computed in parallel; the result does not depend on the number of cores.
    /// - Complexity: per slice O(E_r log E_r + k·m_r) for its tie-years and PageRank's k iterations,
    ///   plus O(n_c·m_c + n_c² log n_c) for betweenness within the limit.
    public static func rows(_ graphs: SliceGraphs, spec: SliceSpec, focus: Int?, betweennessNodeLimit: Int? = 5000) -> [SliceRow] {
        guard let first = graphs.firstYear, let last = graphs.lastYear else { return [] }
        let ranges = spec.ranges(first: first, last: last)
        // Slices are independent, so they run side by side.
        return parallelRuns(ranges.count) { index in
            let slice = graphs.slice(from: ranges[index].lowerBound, to: ranges[index].upperBound)
            return row(slice, focus: focus, limit: betweennessNodeLimit ?? .max)
        }
    }

    static func row(_ slice: SliceGraphs.Slice, focus: Int?, limit: Int) -> SliceRow {
        let graph = slice.graph
        let n = graph.nodeCount
        let component = connectedComponents(graph)
        let components = (component.max() ?? -1) + 1
        let largest = component.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        var position: FocusPosition?
        if let focus, slice.local[focus] >= 0 {
            let f = Int(slice.local[focus])
            let degree = degreeCentrality(graph)
            let strength = strengthCentrality(graph)
            let pagerank = pageRank(graph)
            var betweenness: Double?
            var betweennessRank: Int?
            if n <= limit {
                let all = betweennessCentrality(graph)
                betweenness = all[f]
                betweennessRank = rankPosition(of: f, in: all)
            } else {
                let members = component.map { $0 == component[f] }
                let size = members.reduce(0) { $0 + ($1 ? 1 : 0) }
                if size <= limit { betweenness = componentBetweenness(graph, members: members, focus: f) }
            }
            position = FocusPosition(
                degree: graph.degree(f), degreeRank: rankPosition(of: f, in: degree),
                strength: strength[f], strengthRank: rankPosition(of: f, in: strength),
                betweenness: betweenness, betweennessRank: betweennessRank,
                pagerank: pagerank[f], pagerankRank: rankPosition(of: f, in: pagerank))
        }
        return SliceRow(from: slice.from, to: slice.to, nodes: n, edges: graph.edgeCount, components: components,
                        largestComponent: n > 0 ? Double(largest) / Double(n) : 0, focus: position)
    }

    /// The focus author's betweenness in the whole graph, from its component alone:
    /// Brandes' sums only involve pairs joined by a path, and the normalisation is rescaled
    /// from the component's (c−1)(c−2) to the graph's (n−1)(n−2).
    private static func componentBetweenness(_ graph: WeightedGraph, members: [Bool], focus: Int) -> Double {
        let n = graph.nodeCount
        let (sub, nodes, _) = graph.induced(keeping: members)
        let c = sub.nodeCount
        guard c > 2, n > 2, let local = nodes.firstIndex(of: focus) else { return 0 }
        let value = betweennessCentrality(sub)[local]
        return value * (Double(c - 1) * Double(c - 2)) / (Double(n - 1) * Double(n - 2))
    }

    /// 1 + the number of nodes with a higher value: equal values share a rank, as in `rank --by
    /// METRIC` (a user trial of session 56 read the focus author's rank 2, tied with the first,
    /// as second place).
    /// - Complexity: O(n).
    static func rankPosition(of v: Int, in values: [Double]) -> Int {
        let x = rankingKey(values[v])
        return 1 + values.indices.reduce(0) { $0 + (rankingKey(values[$1]) > x ? 1 : 0) }
    }
}
