import Foundation

/// Whether the exact path-based metrics (betweenness, closeness, harmonic) fit a time budget,
/// and, where they do not, the sampling error bound that does.
///
/// The costs are predicted from counts that depend on the graph alone, never from a clock, so
/// that the same input and options give the same bound, and so the same bytes, run after run
/// (SPEC §7; measured times made the bound ±0.014 in one run and ±0.015 in the next: a user
/// trial of session 55). The counts: the searches the exact betweenness makes (after its
/// shattering into blocks and twins) and those of the distance sums (one per twin class, leaves
/// folded into their co-author), the work of one search (the nodes and twice the ties of
/// its source's component, averaged over the sources), and the nodes a sample of
/// Riondato–Kornaropoulos's bidirectional searches settles and the ties it scans (a seeded probe
/// at ε = 0.2, whose sample size grows as 1/ε²). They become seconds at the rates measured on a 2-core machine of
/// the kind this project runs on (`BENCHMARKS.md`, session 55), divided among the worker
/// threads: a faster machine finishes sooner, a slower one later, with the same values.
public struct PathMetricBudget: Sendable, Equatable {
    /// The predicted wall time of the exact computation, in seconds (0 when the graph is too
    /// small to be worth predicting).
    public var exactSeconds: Double
    /// The budget, in seconds.
    public var budget: Double
    /// The error bound whose sampling fits the budget (the coarser of the two kinds'); nil when
    /// the exact computation does.
    public var epsilon: Double?
    /// Each kind's own bound, where it is wanted and sampled: betweenness's sampled paths and
    /// closeness and harmonic's sampled sources cost differently, and each has half the budget.
    public var betweennessEpsilon: Double?
    public var distanceEpsilon: Double?
    /// The predicted wall time of the estimates at those bounds, in seconds, where sampling was
    /// weighed (the exact computation over the budget); nil otherwise. Not below `exactSeconds`
    /// when sampling was declined for costing more than the exact computation.
    public var sampledSeconds: Double?
    /// The path-based metrics the prediction is for, in `Metric`'s order.
    public var metrics: [Metric] = []

    /// Whether the exact computation was kept although it exceeds the budget, because the
    /// estimates at the bounds the budget allows would take longer still (a network whose exact
    /// betweenness shattering and twins make cheap, while its sampled paths scan hubs).
    public var exactDespiteBudget: Bool { epsilon == nil && exactSeconds > budget }

    /// The largest error bound used: above it, the estimates say too little to be worth a
    /// shorter wait, and the budget is exceeded instead.
    public static let coarsestEpsilon = 0.05
    /// The finest bound chosen: below it, the sample is as costly as exact work on most graphs.
    public static let finestEpsilon = 0.001

    /// n·(n + m) below which the exact computation is taken to fit any budget without predicting.
    static let unmeasuredWork = 2e9

    /// Core-seconds per unit of an exact search's work (a node or a tie's side of its component),
    /// and wall seconds per node or tie of the exact computation's setup: dblp-2016-topvenues and
    /// acl-anthology-2021 gave 1.6–2.6·10⁻⁸ and 4–6·10⁻⁷ (session 55).
    static let exactSecondsPerWork = 2.2e-8
    static let exactSetupSecondsPerItem = 6e-7
    /// The exact distance sums' searches cost about half as much per unit of work (distances
    /// alone, no path counts or dependencies): acl-anthology-2021's exact closeness took 1 min
    /// 37 s where the betweenness rate predicted 3 min 19 s (session 58).
    static let exactDistanceShare = 0.5
    /// Core-seconds per node a sampled bidirectional search settles and per tie it scans, and wall
    /// seconds per node or tie of the sampler's setup. The ties scanned are most of the work where
    /// searches settle hubs: on a 200,000-paper synthetic corpus a search settled 11 authors and
    /// scanned 51,000 ties, and a rate per settled author alone predicted a 60th of the time
    /// (session 58). Fitted on dblp-2016-topvenues (309 settled, 12,600 scanned a search),
    /// acl-anthology-2021 (151, 8,000) and that corpus (11, 51,000): 3.2·10⁻⁴, 1.1·10⁻⁴ and
    /// 8.4·10⁻⁴ core-seconds a search, which these rates give within 0.96–1.6 times.
    static let sampledSecondsPerSettled = 3e-7
    static let sampledSecondsPerScanned = 1.7e-8
    static let sampledSetupSecondsPerItem = 2e-7

    /// Predicts and decides.
    /// - Parameters:
    ///   - metrics: the path-based metrics wanted (others are ignored).
    ///   - budget: seconds the path-based metrics may take.
    /// - Complexity: O(n + m) and a probe of about 100 sampled searches.
    public init(_ graph: WeightedGraph, metrics: Set<Metric>, budget: Double) {
        self.init(graph, metrics: metrics, budget: budget, unmeasuredWork: Self.unmeasuredWork)
    }

    /// `unmeasuredWork`: n·(n + m) below which nothing is predicted (tests lower it).
    init(_ graph: WeightedGraph, metrics: Set<Metric>, budget: Double, unmeasuredWork: Double) {
        precondition(budget > 0, "a budget of some seconds")
        self.budget = budget
        self.metrics = Metric.allCases.filter { $0.isPathBased && metrics.contains($0) }
        let n = graph.nodeCount
        let wantsBetweenness = metrics.contains(.betweenness)
        let wantsDistances = metrics.contains(.closeness) || metrics.contains(.harmonic)
        // Below about 2·10⁹ steps of n searches over n + m, the exact work takes seconds on any
        // machine: not worth measuring.
        guard n > 2, wantsBetweenness || wantsDistances, Double(n) * Double(n + graph.edgeCount) > unmeasuredWork else {
            exactSeconds = 0
            epsilon = nil
            return
        }
        let workers = Double(max(1, Parallelism.workers))
        let items = Double(n + graph.edgeCount)
        let perSearch = Self.searchSeconds(graph)
        // The exact searches: betweenness's after shattering and twins, the distance sums' from
        // each twin class not folded into a co-author (a pass of their own: `pathMetrics`).
        let betweennessSearches = wantsBetweenness ? sampledBetweennessSearches(graph, sampledSources: 0).sources : 0
        let distanceSearches = wantsDistances ? distanceSumSources(graph).sources.count : 0
        exactSeconds = items * Self.exactSetupSecondsPerItem
            + perSearch * (Double(betweennessSearches) + Self.exactDistanceShare * Double(distanceSearches))
        guard exactSeconds > budget else {
            epsilon = nil
            return
        }
        // Aim at 60% of the budget: closeness and harmonic at most half of it when betweenness is
        // wanted too, and betweenness what they leave (a quarter at least, where their coarsest
        // bound costs more than their half).
        let target = 0.6 * budget
        var left = target
        var sampled = 0.0
        if wantsDistances {
            let delta = 0.1
            let share = wantsBetweenness ? target / 2 : target
            let affordable = max(1, share / max(perSearch, 1e-12))
            let bound = Self.rounded((log(2 * Double(n) / delta) / (2 * affordable)).squareRoot())
            distanceEpsilon = bound
            let sources = min(Double(n), (log(2 * Double(n) / delta) / (2 * bound * bound)).rounded(.up))
            sampled += Self.sampledDistanceSeconds(items: items, sources: sources, perSearch: perSearch)
            left = max(target - sources * perSearch, target / 4)
        }
        if wantsBetweenness {
            let coarse = 0.2
            let probe = approximateBetweennessWithWork(graph, epsilon: coarse, seed: 1)
            let probeSeconds = (Double(probe.settled) * Self.sampledSecondsPerSettled
                + Double(probe.scanned) * Self.sampledSecondsPerScanned) / workers
            // The nodes settled and ties scanned, and so the time beyond the setup, grow as 1/ε².
            let searching = max(left - items * Self.sampledSetupSecondsPerItem, 0.1 * left)
            let bound = Self.rounded(coarse * (probeSeconds / searching).squareRoot())
            betweennessEpsilon = bound
            sampled += items * Self.sampledSetupSecondsPerItem + probeSeconds * (coarse / bound) * (coarse / bound)
        }
        sampledSeconds = sampled
        // Estimates can cost more than the exact values: shattering and twins can leave the exact
        // searches few while every sampled path scans a hub's thousands of ties, and the distance
        // sums' sample searches from sources that twins and leaves spare the exact pass. The
        // exact values then, over the budget.
        guard sampled < exactSeconds else {
            betweennessEpsilon = nil
            distanceEpsilon = nil
            epsilon = nil
            return
        }
        epsilon = max(betweennessEpsilon ?? 0, distanceEpsilon ?? 0)
    }

    /// The predicted wall seconds of one exact betweenness search from an author, divided among
    /// the worker threads: the work of a search (its component's nodes and twice its ties),
    /// averaged over the authors, at `exactSecondsPerWork`.
    /// - Complexity: O(n + m).
    static func searchSeconds(_ graph: WeightedGraph) -> Double {
        let n = graph.nodeCount
        guard n > 0 else { return 0 }
        let component = connectedComponents(graph)
        var nodes = [Double](repeating: 0, count: n), ties = [Double](repeating: 0, count: n)
        for v in 0..<n { nodes[component[v]] += 1 }
        for e in 0..<graph.edgeCount { ties[component[Int(graph.source[e])]] += 1 }
        var work = 0.0
        for c in 0..<n where nodes[c] > 0 { work += nodes[c] * (nodes[c] + 2 * ties[c]) }
        return work / Double(n) * Self.exactSecondsPerWork / Double(max(1, Parallelism.workers))
    }

    /// The seconds the budget predicts for sampled closeness and harmonic from `sources` sources
    /// (the benchmark compares them with the time taken).
    /// - Complexity: O(n + m).
    @_spi(Benchmarks) public static func sampledDistanceSeconds(_ graph: WeightedGraph, sources: Int) -> Double {
        sampledDistanceSeconds(items: Double(graph.nodeCount + graph.edgeCount), sources: Double(sources), perSearch: searchSeconds(graph))
    }

    /// The setup over `items` nodes and ties, then `sources` searches at `perSearch` seconds each:
    /// the price of sampled closeness and harmonic, as the budget weighs it.
    private static func sampledDistanceSeconds(items: Double, sources: Double, perSearch: Double) -> Double {
        items * exactSetupSecondsPerItem + sources * perSearch
    }

    /// `bound` within the finest and coarsest bounds, to two significant digits rounded up (so
    /// that the estimate stays within the budget).
    private static func rounded(_ bound: Double) -> Double {
        let bound = max(finestEpsilon, bound)
        let scale = pow(10, floor(log10(bound)) - 1)
        return min(coarsestEpsilon, (bound / scale).rounded(.up) * scale)
    }
}
