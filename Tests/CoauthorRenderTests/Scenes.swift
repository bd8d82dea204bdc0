import CoauthorCore

/// Small scenes whose expected drawings can be checked by reading them.
enum Scenes {
    static let blue = MapScene.Color(red: 0x44, green: 0x77, blue: 0xaa)
    static let red = MapScene.Color(red: 0xee, green: 0x66, blue: 0x77)
    static let grey = MapScene.Color(red: 0xbb, green: 0xbb, blue: 0xbb)
    static let edgeGrey = MapScene.Color(red: 0x55, green: 0x55, blue: 0x55, alpha: 0x80)

    static func node(_ index: Int, _ name: String, shows: Bool = true, focus: Bool = false,
                     fill: MapScene.Color = blue) -> MapScene.Node {
        MapScene.Node(id: "author-\(index)", label: name, showsLabel: shows,
                      tooltip: "\(name): \(index + 1) papers", diameter: 0.2 + 0.05 * Double(index % 5),
                      fill: fill, isFocus: focus)
    }

    static func edge(_ source: Int, _ target: Int, names: [String], strength: Double = 1) -> MapScene.Edge {
        MapScene.Edge(source: source, target: target, penWidth: 0.5 + strength,
                      tooltip: "\(names[source]) – \(names[target]): \(Int(strength)) joint papers",
                      color: edgeGrey, strength: strength)
    }

    /// A triangle (Ada, Grace, Alan) with a pendant (Edsger) hanging off Alan;
    /// Ada is the focus but not everyone's co-author, so it is no ego network.
    static let trianglePlusPendant: MapScene = {
        let names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra"]
        return MapScene(
            title: "Computing pioneers",
            subtitle: "node area: papers · edge width: joint papers",
            nodes: [
                node(0, names[0], focus: true, fill: red),
                node(1, names[1]),
                node(2, names[2]),
                node(3, names[3], shows: false, fill: grey),
            ],
            edges: [
                edge(0, 1, names: names, strength: 3),
                edge(1, 2, names: names),
                edge(0, 2, names: names, strength: 2),
                edge(2, 3, names: names),
            ],
            legend: [
                MapScene.LegendEntry(label: "community 1", color: blue),
                MapScene.LegendEntry(label: "small communities", color: grey),
            ],
            focus: 0)
    }()

    /// The focus and co-authors who are all tied to it.
    static func ego(coauthors: Int) -> MapScene {
        let names = ["Focus"] + (1...coauthors).map { "Co-author \($0)" }
        var edges = (1...coauthors).map { edge(0, $0, names: names) }
        edges.append(edge(1, 2, names: names))
        return MapScene(title: "Ego", subtitle: "", nodes: names.indices.map { node($0, names[$0], focus: $0 == 0) },
                        edges: edges, legend: [], focus: 0)
    }

    /// `count` nodes with about `2 * count` edges drawn by a fixed linear
    /// congruential generator, so every run sees the same graph.
    static func random(nodes count: Int, state seed: UInt64 = 42) -> MapScene {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let names = (0..<count).map { "Author \($0)" }
        var edges: [MapScene.Edge] = []
        for target in 1..<count {
            edges.append(edge(next(target), target, names: names, strength: Double(1 + next(4))))
        }
        for _ in 0..<count {
            let source = next(count), target = next(count)
            if source != target { edges.append(edge(source, target, names: names)) }
        }
        return MapScene(title: "Random \(count)", subtitle: "", nodes: names.indices.map {
            node($0, names[$0], shows: $0 % 10 == 0)
        }, edges: edges, legend: [], focus: nil)
    }
}
