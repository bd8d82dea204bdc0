import CoauthorCore
import Foundation

extension Analysis {
    /// The map of the network drawn through Graphviz (SPEC §8).
    /// - Precondition: `metrics` holds `style.sizeBy`, and communities when colouring by them.
    /// - Throws: ``RenderError`` when Graphviz cannot lay out or write the map.
    public func map(metrics: MetricTable, style: MapStyle, options: RenderOptions) throws -> [UInt8] {
        try MapRenderer.render(mapScene(metrics: metrics, style: style), options: options)
    }

    /// Where the rendered map places each author: what GEXF, DOT and Pajek exports carry. Above
    /// `style.maxNodes` only the strongest part is drawn, and the other authors have no placement.
    /// - Throws: ``RenderError`` when Graphviz cannot lay the map out.
    public func mapLayout(metrics: MetricTable, style: MapStyle, seed: Int) throws -> MapLayout {
        let scene = mapScene(metrics: metrics, style: style)
        let points = try MapRenderer.layout(scene, options: RenderOptions(seed: seed))
        return MapLayout(scene: scene, centres: points.map { ($0.x, $0.y) }, nodeCount: network.nodeCount)
    }

    /// One map per range of years (`render --by-year`): the whole network is laid out once and
    /// each frame draws the authors and ties of its years at those positions, so every author
    /// keeps its place and every frame has the same size.
    /// - Throws: `TimelineError.noYears` when no publication has a year; ``RenderError`` from Graphviz.
    public func mapsByYear(metrics: MetricTable, style: MapStyle, options: RenderOptions,
                           spec: SliceSpec) throws -> [YearMap] {
        let scene = mapScene(metrics: metrics, style: style)
        let (graphs, node) = sliceGraphs()
        guard let first = graphs.firstYear, let last = graphs.lastYear else { throw TimelineError.noYears }
        let positions = try MapRenderer.layout(scene, options: options)
        return try spec.ranges(first: first, last: last).map { range in
            let slice = graphs.slice(from: range.lowerBound, to: range.upperBound)
            let label = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            func present(_ sceneNode: Int) -> Int32? {
                guard let v = scene.nodes[sceneNode].networkNode, slice.local[node[v]] >= 0 else { return nil }
                return slice.local[node[v]]
            }
            var frame = scene
            let visible = scene.nodes.indices.map { present($0) != nil }
            // Each tie drawn as wide as its weight in the frame's years, on the whole map's scale,
            // and said so on hover: the whole period's widths made a tie of one paper in 2021 the
            // widest line of that year (a user trial of session 57).
            frame.edges = scene.edges.compactMap { edge in
                guard let a = present(edge.source), let b = present(edge.target), let e = slice.graph.edge(Int(a), Int(b)) else { return nil }
                var drawn = edge
                let weight = slice.graph.weight[e]
                if edge.strength > 0 { drawn.penWidth = max(0.6, edge.penWidth * weight / edge.strength) }
                let amount = network.weighting == .count ? (weight == 1 ? "1 joint paper" : "\(Int(weight)) joint papers") : "weight \(weight.formatted(.number.precision(.significantDigits(1...3))))"
                drawn.tooltip += "; \(amount) in \(label)"
                return drawn
            }
            // The legend counts the authors the frame shows (it counted all years': a user trial of
            // session 54 read "12 authors" beside the 7 of 2019).
            // Groups absent from the frame are left out of its legend (`(0 authors)`: a
            // hostile-input trial of session 57).
            frame.legend = scene.legend.compactMap { entry in
                let count = scene.nodes.indices.count { visible[$0] && scene.nodes[$0].fill == entry.color }
                return entry.counted != nil && count == 0 ? nil : entry.recounted(count)
            }
            // The names are the frame's most central authors', not the whole network's (a user
            // trial of session 56 found 2 of 2019's 7 authors named): `--labels` of them by size,
            // and the focus besides, as the whole map names them.
            let shown = scene.nodes.indices.filter { visible[$0] }
            // And the authors the legend names its groups after, as on the whole map (a review of
            // session 57).
            let legendNames = Set(frame.legend.compactMap(\.counted?.words))
            let central = shown.filter { !scene.nodes[$0].isFocus }.sorted { a, b in
                let x = scene.nodes[a].labelScale, y = scene.nodes[b].labelScale
                return x != y ? x > y : a < b
            }.prefix(style.labels)
            let legendNamed = style.labels > 0 ? shown.filter { index in
                ["community of ", "component of "].contains { legendNames.contains($0 + scene.nodes[index].label.shortened(toWidth: MapScene.longestDrawnName)) }
            } : []
            // The focus first, then the authors the legend names, then the most central; each name
            // only where it stays clear of those before it and of the frame's other discs (the
            // whole map cleared the names it draws, not those a frame draws in their place: a user
            // trial of session 62 saw `Gumbart` run into `E. Tajkhorshid` in 2005's map).
            let named = Self.clearOfEachOther(shown.filter { scene.nodes[$0].isFocus } + legendNamed + central, among: shown, scene: scene,
                                              at: positions, fontSize: options.fontSize * scene.textScale)
            for index in frame.nodes.indices { frame.nodes[index].showsLabel = named.contains(index) }
            frame.title = scene.title + " — " + label
            // In the level's words, one in the singular; the focus outlined only where it is drawn.
            let shownCount = visible.count { $0 }
            let units = shownCount == 1 ? level.unitName : level.plural
            let ties = frame.edges.count == 1 ? "1 tie" : "\(frame.edges.count) ties"
            // (The whole network's counts, the subtitle's first two parts, give way to the frame's.)
            var parts = Array(scene.subtitle.components(separatedBy: " · ").dropFirst(2))
            if let focus = scene.focus, !visible[focus] { parts.removeAll { $0.hasPrefix("outlined: ") } }
            // The nodes keep the whole period's sizes, frame to frame, and the legend says so (a
            // user trial of session 60 read 2021's four equal authors drawn unequal as that year's).
            let period = first == last ? "\(first)" : "\(first)–\(last)"
            parts = parts.map { $0.hasPrefix("node area: ") ? $0 + " over \(period)" : $0 }
            frame.subtitle = "\(shownCount) \(units), \(ties) in \(label) · " + parts.joined(separator: " · ")
            let bytes = try MapRenderer.render(frame, pinnedAt: positions, visible: visible, options: options)
            return YearMap(years: range, label: label, bytes: bytes)
        }
    }
}

extension Analysis {
    /// Of `candidates` (scene nodes, in order of precedence), those whose names, drawn below their
    /// discs as `NodeLabel` draws them, overlap no name kept before them and the middle of no
    /// disc of `shown` but their own. The focus and the names the whole map draws are kept first,
    /// whatever they overlap (the whole map's layout cleared its names of every disc and name).
    /// A name's width is estimated from its columns (0.55 of the font size each, wide characters
    /// two: DejaVu Sans's names measure 0.45 to 0.6 with the band's padding), its height is the
    /// band `NodeLabel` draws.
    /// - Complexity: O(c × (c + s)) for c candidates and s nodes shown (a frame names at most
    ///   `--labels` authors, the focus and the legend's).
    static func clearOfEachOther(_ candidates: [Int], among shown: [Int], scene: MapScene, at positions: [LayoutPoint],
                                 fontSize: Double) -> Set<Int> {
        struct Box {
            var left, right, bottom, top: Double
            func overlaps(_ other: Box) -> Bool {
                left < other.right && other.left < right && bottom < other.top && other.bottom < top
            }
        }
        // A disc's middle, half its width: a name's white band over a disc's rim leaves the disc
        // seen (the whole map's names touch discs so), over its middle it hides it.
        func disc(_ i: Int) -> Box {
            let r = scene.nodes[i].diameter * 72 / 4, p = positions[i]
            return Box(left: p.x - r, right: p.x + r, bottom: p.y - r, top: p.y + r)
        }
        func name(_ i: Int) -> Box {
            let node = scene.nodes[i], p = positions[i]
            // (Sizes rounded as `NodeLabel.html` rounds them.)
            let size = max(1, (fontSize * node.labelScale).rounded()), padding = max(1, (size / 8).rounded(.down))
            let band = (1.2 * size).rounded(.up) + 2 * padding
            let width = 0.55 * size * Double(TextTable.displayWidth(node.label.shortened(toWidth: MapScene.longestDrawnName))) + 2 * padding
            // (Graphviz's y grows upwards: the name's band is below the disc.)
            let middle = p.y - ((node.diameter * 72).rounded(.up) + 2) / 2 - band / 2
            return Box(left: p.x - width / 2, right: p.x + width / 2, bottom: middle - band / 2, top: middle + band / 2)
        }
        var seen = Set<Int>()
        let ordered = candidates.filter { seen.insert($0).inserted }
        let trusted = ordered.filter { scene.nodes[$0].isFocus || scene.nodes[$0].showsLabel }
        var kept = trusted.map { (node: $0, box: name($0)) }
        for candidate in ordered where !trusted.contains(candidate) {
            let box = name(candidate)
            if !kept.contains(where: { $0.box.overlaps(box) }) && !shown.contains(where: { $0 != candidate && disc($0).overlaps(box) }) {
                kept.append((candidate, box))
            }
        }
        return Set(kept.map(\.node))
    }
}

/// One frame of `Analysis.mapsByYear`.
public struct YearMap: Sendable {
    public var years: ClosedRange<Int>
    /// The years as people read them: `2019` or `2017–2019`.
    public var label: String
    public var bytes: [UInt8]

    /// The years as a file name part: `2019` or `2017-2019`.
    public var fileLabel: String {
        years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)-\(years.upperBound)"
    }

    /// Each map's file name part, in one form for all: `2019-2019` beside `2019-2020` where a
    /// map spans several years, so that the files sort in the maps' order (the first cumulative
    /// map was `n-2019.svg`, after `n-2019-2022.svg`: a user trial of session 62).
    public static func fileLabels(_ maps: [YearMap]) -> [String] {
        guard maps.contains(where: { $0.years.count > 1 }) else { return maps.map(\.fileLabel) }
        return maps.map { "\($0.years.lowerBound)-\($0.years.upperBound)" }
    }
}

/// A self-contained HTML page that shows one map at a time, with a slider, buttons and arrow keys.
public enum FramesPage {
    /// - Parameter frames: each frame's file (relative to the page) and its label.
    public static func html(title: String, frames: [(file: String, label: String)]) -> String {
        let list = frames.map {
            "[" + JSONEscaping.quoted($0.file, scriptSafe: true) + ", " + JSONEscaping.quoted($0.label, scriptSafe: true) + "]"
        }.joined(separator: ",\n  ")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(XMLText.escape(title))</title>
        <style>
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 1em; }
        #controls { display: flex; gap: 0.8em; align-items: center; margin-bottom: 0.6em; }
        #label { font-weight: bold; min-width: 7em; }
        /* The whole frame on the screen, however large the map (a user trial of session 56
           scrolled through each). */
        img { max-width: 100%; max-height: calc(100vh - 4.5em); width: auto; height: auto; border: 1px solid #ddd; }
        </style>
        </head>
        <body>
        <div id="controls">
        <button id="previous" type="button">◀</button>
        <button id="play" type="button">play</button>
        <button id="next" type="button">▶</button>
        <input id="slider" type="range" min="0" max="\(max(0, frames.count - 1))" value="0">
        <span id="label"></span>
        </div>
        <img id="frame" alt="map">
        <script>
        const frames = [
          \(list)
        ];
        let index = 0, timer = null;
        const img = document.getElementById("frame"), slider = document.getElementById("slider"),
              label = document.getElementById("label"), play = document.getElementById("play");
        function show(i) {
          index = (i + frames.length) % frames.length;
          img.src = frames[index][0];
          label.textContent = frames[index][1];
          slider.value = index;
        }
        document.getElementById("previous").onclick = () => show(index - 1);
        document.getElementById("next").onclick = () => show(index + 1);
        slider.oninput = () => show(Number(slider.value));
        play.onclick = () => {
          if (timer) { clearInterval(timer); timer = null; play.textContent = "play"; return; }
          play.textContent = "pause";
          timer = setInterval(() => show(index + 1), 1200);
        };
        document.onkeydown = (e) => {
          if (e.key === "ArrowLeft") show(index - 1);
          if (e.key === "ArrowRight") show(index + 1);
        };
        show(0);
        </script>
        </body>
        </html>

        """
    }
}
