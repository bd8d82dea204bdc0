@testable import CoauthorCore
import Testing

/// The time budget of the path-based metrics: predicted from counts, and sampling chosen only above it.
struct PathMetricBudgetTests {
    @Test func smallGraphsAreExactWithoutMeasuring() throws {
        let fixture = try GraphFixture(named: "random_weighted")
        let plan = PathMetricBudget(fixture.graph, metrics: [.betweenness, .closeness], budget: 60)
        #expect(plan.exactSeconds == 0 && plan.epsilon == nil)
    }

    @Test func aGenerousBudgetKeepsTheExactComputation() throws {
        let fixture = try GraphFixture(named: "synthetic_3000")
        let plan = PathMetricBudget(fixture.graph, metrics: [.betweenness], budget: 3600, unmeasuredWork: 0)
        #expect(plan.exactSeconds > 0 && plan.exactSeconds < 3600)
        #expect(plan.epsilon == nil)
    }

    @Test func aTinyBudgetChoosesABoundWithinItsLimits() throws {
        let fixture = try GraphFixture(named: "synthetic_3000")
        for metrics: Set<Metric> in [[.betweenness], [.closeness], [.betweenness, .harmonic]] {
            let plan = PathMetricBudget(fixture.graph, metrics: metrics, budget: 1e-4, unmeasuredWork: 0)
            let epsilon = try #require(plan.epsilon, "\(metrics): no bound chosen above the budget")
            #expect(epsilon >= PathMetricBudget.finestEpsilon && epsilon <= PathMetricBudget.coarsestEpsilon)
        }
    }

    /// The decision depends on the graph, the metrics, the budget and the threads alone: the
    /// same bounds run after run (bounds chosen from timings moved from run to run: a user trial
    /// of session 55), and each kind its own where both are sampled, betweenness the finer where
    /// the distance sums cost more. A budget twice as large gives finer bounds.
    @Test func theDecisionIsTheSameRunAfterRun() throws {
        let fixture = try GraphFixture(named: "synthetic_3000")
        let metrics: Set<Metric> = [.betweenness, .closeness, .harmonic]
        let exact = PathMetricBudget(fixture.graph, metrics: metrics, budget: 1e9, unmeasuredWork: 0).exactSeconds
        try #require(exact > 0)
        let plans = (0..<3).map { _ in PathMetricBudget(fixture.graph, metrics: metrics, budget: exact / 8, unmeasuredWork: 0) }
        #expect(plans.allSatisfy { $0 == plans[0] })
        let first = plans[0]
        let betweenness = try #require(first.betweennessEpsilon), distances = try #require(first.distanceEpsilon)
        #expect(first.epsilon == max(betweenness, distances))
        let wider = PathMetricBudget(fixture.graph, metrics: metrics, budget: exact / 2, unmeasuredWork: 0)
        #expect(try #require(wider.betweennessEpsilon) <= betweenness && (wider.distanceEpsilon ?? 1) <= distances, "\(first) \(wider)")
        #expect(wider.betweennessEpsilon! < betweenness || wider.distanceEpsilon! < distances)
        // One thread: the same work takes twice as long.
        let alone = Parallelism.$workers.withValue(1) { PathMetricBudget(fixture.graph, metrics: metrics, budget: exact / 8, unmeasuredWork: 0) }
        #expect(Parallelism.workers == 1 || abs(alone.exactSeconds - first.exactSeconds * Double(Parallelism.workers)) < 0.5 * alone.exactSeconds)
    }

    @Test func metricsWithoutPathSearchesNeverMeasure() throws {
        let fixture = try GraphFixture(named: "synthetic_3000")
        let plan = PathMetricBudget(fixture.graph, metrics: [.pagerank, .degree], budget: 1e-4, unmeasuredWork: 0)
        #expect(plan.exactSeconds == 0 && plan.epsilon == nil)
    }
}
