import CoauthorCore
import Testing

/// Sampled estimates stay within their stated bounds of the exact values.
struct ApproximationTests {
    @Test(arguments: ["two_cliques_bridge", "random_weighted", "seed"])
    func betweennessWithinItsBound(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let exact = betweennessCentrality(fixture.graph)
        let (estimate, guarantee) = approximateBetweenness(fixture.graph, epsilon: 0.05, seed: 3)
        #expect(guarantee.samples > 0)
        let worst = zip(exact, estimate).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= guarantee.epsilon, "\(name): worst error \(worst) above the bound \(guarantee.epsilon)")
        // Same seed, same estimate.
        #expect(approximateBetweenness(fixture.graph, epsilon: 0.05, seed: 3).values == estimate)
    }

    @Test func starCentreIsFoundExactly() {
        let star = WeightedGraph(nodeCount: 8, edges: (1..<8).map { (0, $0, 1.0) })
        let (estimate, _) = approximateBetweenness(star, epsilon: 0.1, seed: 1)
        #expect(abs(estimate[0] - 1) < 0.1)
        #expect(estimate[1...].allSatisfy { $0 == 0 })
    }

    @Test(arguments: ["random_weighted", "seed"])
    func closenessAndHarmonicWithinTheirBounds(name: String) throws {
        let fixture = try GraphFixture(named: name)
        let n = Double(fixture.graph.nodeCount)
        let exactHarmonic = harmonicCentrality(fixture.graph)
        let (_, harmonic, guarantee) = approximateCloseness(fixture.graph, epsilon: 0.2, seed: 5)
        let maxWeight = fixture.graph.weight.max() ?? 1
        if guarantee.epsilon > 0 {
            for (a, b) in zip(exactHarmonic, harmonic) {
                #expect(abs(a - b) / (n - 1) <= guarantee.epsilon * maxWeight)
            }
        } else {
            #expect(harmonic == exactHarmonic)
        }
    }
}
