import Testing

@testable import coauthor

/// The line the terminal shows while a long phase runs.
struct ProgressDisplayTests {
    @Test func aShareDoneGivesTheTimeLeftAndAnUnknownShareTheTimeSpent() {
        #expect(ProgressDisplay.line(phase: "betweenness", fraction: 0.25, elapsed: 10) == "betweenness: 25% done, about 30 s left")
        #expect(ProgressDisplay.line(phase: "betweenness", fraction: 0, elapsed: 3) == "betweenness: 0% done")
        #expect(ProgressDisplay.line(phase: "map layout", fraction: -1, elapsed: 75) == "map layout: 1 min 15 s")
        #expect(ProgressDisplay.line(phase: "exports", fraction: 1, elapsed: 2) == "exports: 100% done, about 0 s left")
    }
}
