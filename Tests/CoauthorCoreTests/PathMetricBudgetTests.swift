@testable import CoauthorCore
import Testing

/// The time budget of the path-based metrics: measured, and sampling chosen only above it.
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

    @Test func metricsWithoutPathSearchesNeverMeasure() throws {
        let fixture = try GraphFixture(named: "synthetic_3000")
        let plan = PathMetricBudget(fixture.graph, metrics: [.pagerank, .degree], budget: 1e-4, unmeasuredWork: 0)
        #expect(plan.exactSeconds == 0 && plan.epsilon == nil)
    }
}
