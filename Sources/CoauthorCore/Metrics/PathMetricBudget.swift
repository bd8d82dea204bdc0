import Foundation

/// Whether the exact path-based metrics (betweenness, closeness, harmonic) fit a time budget,
/// and, where they do not, the sampling error bound that does.
///
/// The exact cost is measured, not guessed: the exact betweenness computation is run with a
/// few of its searches (evenly spread over its sources, on all cores) and the time per search
/// extrapolated to all of them, with the setup (blocks, twins, layout) measured apart, as the
/// benchmark suite does. The sampled cost is measured the same way: one small sample for
/// betweenness (Riondato–Kornaropoulos's sample size grows as 1/ε²) and the per-search time for
/// closeness and harmonic (Eppstein–Wang's k = ln(2n/δ)/(2ε²) searches).
public struct PathMetricBudget: Sendable, Equatable {
    /// The estimated wall time of the exact computation, in seconds (0 when the graph is too
    /// small to be worth measuring).
    public var exactSeconds: Double
    /// The budget, in seconds.
    public var budget: Double
    /// The error bound whose sampling fits the budget; nil when the exact computation does.
    public var epsilon: Double?

    /// The largest error bound used: above it, the estimates say too little to be worth a
    /// shorter wait, and the budget is exceeded instead.
    public static let coarsestEpsilon = 0.05
    /// The finest bound chosen: below it, the sample is as costly as exact work on most graphs.
    public static let finestEpsilon = 0.001

    /// n·(n + m) below which the exact computation is taken to fit any budget without measuring.
    static let unmeasuredWork = 2e9

    /// Measures and decides.
    /// - Parameters:
    ///   - metrics: the path-based metrics wanted (others are ignored).
    ///   - budget: seconds the path-based metrics may take.
    /// - Complexity: a fraction of a second of searches on large graphs, O(n + m) setup.
    public init(_ graph: WeightedGraph, metrics: Set<Metric>, budget: Double) {
        self.init(graph, metrics: metrics, budget: budget, unmeasuredWork: Self.unmeasuredWork)
    }

    /// `unmeasuredWork`: n·(n + m) below which nothing is measured (tests lower it).
    init(_ graph: WeightedGraph, metrics: Set<Metric>, budget: Double, unmeasuredWork: Double) {
        precondition(budget > 0, "a budget of some seconds")
        self.budget = budget
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
        let (setup, perSearch, sources) = measuredSearchCost(graph, probe: 64)
        exactSeconds = setup + perSearch * Double(sources)
        guard exactSeconds > budget else {
            epsilon = nil
            return
        }
        // The sampled costs are extrapolated from small probes: aim at 60% of the budget, and
        // give half of that to each kind when both are wanted.
        let target = 0.6 * budget
        let share = wantsBetweenness && wantsDistances ? target / 2 : target
        var bound = Self.finestEpsilon
        if wantsBetweenness {
            let coarse = 0.2
            let probeSeconds = measuredSeconds { _ = approximateBetweenness(graph, epsilon: coarse, seed: 1) }
            // Sample size, and so time, grows as 1/ε².
            bound = max(bound, coarse * (probeSeconds / share).squareRoot())
        }
        if wantsDistances {
            let delta = 0.1
            let affordable = max(1, share / max(perSearch, 1e-9))
            bound = max(bound, (log(2 * Double(n) / delta) / (2 * affordable)).squareRoot())
        }
        // Two significant digits, rounded up so that the estimate stays within the budget.
        let scale = pow(10, floor(log10(bound)) - 1)
        epsilon = min(Self.coarsestEpsilon, (bound / scale).rounded(.up) * scale)
    }
}
