import CoauthorCore
import Testing
@testable import CoauthorRender

/// The map's own overlap removal and component packing (``OverlapRemoval``,
/// ``MapArrangement``): no two boxes overlap afterwards, and the same input
/// always gives the same numbers.
@Suite struct OverlapRemovalTests {
    /// `count` boxes of varied sizes crowded into a small square by a fixed
    /// linear congruential generator, a few of them wide like a name.
    private static func crowd(_ count: Int) -> ([LayoutPoint], [OverlapRemoval.HalfSize]) {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let side = Double(count).squareRoot() * 4
        let centres = (0..<count).map { _ in LayoutPoint(x: next() * side, y: next() * side) }
        let sizes = (0..<count).map { index in
            OverlapRemoval.HalfSize(width: index % 17 == 0 ? 40 : 3 + next() * 6, height: 3 + next() * 6)
        }
        return (centres, sizes)
    }

    private static func overlapCount(_ points: [LayoutPoint], _ sizes: [OverlapRemoval.HalfSize]) -> Int {
        var count = 0
        for a in points.indices {
            for b in points.indices where b > a {
                if abs(points[a].x - points[b].x) < sizes[a].width + sizes[b].width
                    && abs(points[a].y - points[b].y) < sizes[a].height + sizes[b].height {
                    count += 1
                }
            }
        }
        return count
    }

    @Test func crowdedBoxesEndWithoutAnyOverlap() {
        let (centres, sizes) = Self.crowd(400)
        #expect(Self.overlapCount(centres, sizes) > 100, "the input must be crowded for the test to mean anything")
        let moved = OverlapRemoval().separated(centres, sizes: sizes)
        #expect(Self.overlapCount(moved, sizes) == 0)
    }

    @Test func boxesThatDoNotOverlapStayWhereTheyAre() {
        let centres = (0..<20).map { LayoutPoint(x: Double($0 % 5) * 30, y: Double($0 / 5) * 30) }
        let sizes = [OverlapRemoval.HalfSize](repeating: .init(width: 10, height: 10), count: 20)
        #expect(OverlapRemoval().separated(centres, sizes: sizes) == centres)
    }

    @Test func coincidentCentresAreSeparated() {
        let centres = [LayoutPoint](repeating: LayoutPoint(x: 5, y: 5), count: 6)
        let sizes = [OverlapRemoval.HalfSize](repeating: .init(width: 4, height: 4), count: 6)
        #expect(Self.overlapCount(OverlapRemoval().separated(centres, sizes: sizes), sizes) == 0)
    }

    @Test func theSameInputGivesTheSameNumbers() {
        let (centres, sizes) = Self.crowd(300)
        let first = OverlapRemoval().separated(centres, sizes: sizes)
        // Memory in use changes between the runs, as it does between processes.
        let ballast = (0..<1000).map { [Int](repeating: $0, count: 1 + $0 % 97) }
        let second = OverlapRemoval().separated(centres, sizes: sizes)
        #expect(ballast.count == 1000)
        #expect(first == second)
    }

    /// The sweep may start from the order of an earlier call (re-sorted by
    /// insertion, or from scratch when the boxes were shuffled); the pairs
    /// must be the same as a fresh sweep's, in the same order.
    @Test func sweepFromAnEarlierOrderFindsTheSamePairs() {
        let (centres, sizes) = Self.crowd(300)
        var x = centres.map(\.x), y = centres.map(\.y)
        var order: [Int] = []
        let first = OverlapRemoval.overlappingPairs(x, y, sizes, order: &order)
        #expect(first.count == Self.overlapCount(centres, sizes))
        for index in x.indices {
            x[index] += Double(index % 7) - 3
            y[index] -= Double(index % 5)
        }
        var fresh: [Int] = []
        let nudged = OverlapRemoval.overlappingPairs(x, y, sizes, order: &order)
        #expect(nudged == OverlapRemoval.overlappingPairs(x, y, sizes, order: &fresh))
        #expect(order == fresh)
        x.reverse()
        fresh = []
        let shuffled = OverlapRemoval.overlappingPairs(x, y, sizes, order: &order)
        #expect(shuffled == OverlapRemoval.overlappingPairs(x, y, sizes, order: &fresh))
        #expect(order == fresh)
        let moved = zip(x, y).map { LayoutPoint(x: $0, y: $1) }
        #expect(shuffled.count == Self.overlapCount(moved, sizes))
    }

    @Test func componentsAreFoundLargestFirst() {
        let names = (0..<7).map { "A\($0)" }
        let edges = [Scenes.edge(5, 6, names: names), Scenes.edge(0, 3, names: names), Scenes.edge(3, 4, names: names)]
        #expect(MapArrangement.components(count: 7, edges: edges) == [[0, 3, 4], [5, 6], [1], [2]])
    }

    /// Many components of several sizes, the case where Graphviz's prism and
    /// packing gave different coordinates from run to run.
    private static func archipelago() -> MapScene {
        var nodes: [MapScene.Node] = []
        var edges: [MapScene.Edge] = []
        let main = Scenes.random(nodes: 120)
        nodes = main.nodes
        edges = main.edges
        for island in 0..<40 {
            let size = 2 + island % 5
            let first = nodes.count
            let names = (0..<(first + size)).map { "Author \($0)" }
            for member in 0..<size {
                nodes.append(Scenes.node(first + member, names[first + member], shows: member == 0 && island % 4 == 0))
                if member > 0 { edges.append(Scenes.edge(first + member - 1, first + member, names: names)) }
            }
        }
        return MapScene(title: "Islands", subtitle: "", nodes: nodes, edges: edges, legend: [], focus: nil)
    }

    @Test func aMapOfManyComponentsIsByteIdenticalAndFreeOfOverlaps() throws {
        let scene = Self.archipelago()
        let options = RenderOptions(engine: .sfdp)
        let first = try MapRenderer.render(scene, options: options)
        let ballast = (0..<1000).map { [UInt8](repeating: UInt8($0 % 251), count: 1 + $0 % 509) }
        let second = try MapRenderer.render(scene, options: options)
        #expect(ballast.count == 1000)
        #expect(first == second)

        let svg = try #require(SVGDocument(first))
        let circles = scene.nodes.compactMap { node -> (x: Double, y: Double, r: Double)? in
            guard let centre = svg.centres[node.id], let radius = svg.radii[node.id] else { return nil }
            return (centre.x, centre.y, radius)
        }
        #expect(circles.count == scene.nodes.count)
        for a in circles.indices {
            for b in circles.indices where b > a {
                let dx = circles[a].x - circles[b].x, dy = circles[a].y - circles[b].y
                #expect((dx * dx + dy * dy).squareRoot() >= circles[a].r + circles[b].r, "nodes \(a) and \(b) overlap")
            }
        }
    }
}
