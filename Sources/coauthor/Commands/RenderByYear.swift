import ArgumentParser
import CoauthorCore
import CoauthorRender
import Foundation

/// Options of `render --by-year`: one map per year or per slice, every author at the same place.
struct ByYearOptions: ParsableArguments {
    @Flag(help: "Draw one map per year (or per slice with --window/--cumulative), every author at the same position; writes NAME-YEAR.svg beside -o NAME.svg.")
    var byYear = false

    @Option(name: .customLong("window"), help: "With --by-year: years per map, [y, y+W−1].")
    var window: Int?

    @Option(name: .customLong("step"), help: "With --by-year: years between the first years of consecutive maps.")
    var step = 1

    @Flag(name: .customLong("cumulative"), help: "With --by-year: each map shows every year up to its own, so the network grows.")
    var cumulative = false

    @Flag(help: "With --by-year: also write NAME.html, a page that steps through the maps.")
    var frames = false

    func validate() throws {
        if !byYear && (window != nil || cumulative || frames) {
            throw ValidationError("--window, --cumulative and --frames belong to --by-year.")
        }
        if window != nil && cumulative { throw ValidationError("--window and --cumulative are two kinds of slices; choose one.") }
        if let window, window < 1 { throw ValidationError("--window must be at least 1 year.") }
        if step < 1 { throw ValidationError("--step must be at least 1 year.") }
    }

    var spec: SliceSpec { cumulative ? .cumulative(step: step) : .sliding(window: window ?? 1, step: step) }
}

/// `render --by-year`: lays out the whole network once, then draws each slice's authors
/// and ties at those positions, so the frames differ only in what is present.
enum ByYearMaps {
    static func run(_ loaded: Loaded, metrics: MetricTable, analysis: AnalysisOptions, map: MapOptions, options: ByYearOptions,
                    format: MapFormat, output: String?) throws {
        guard let output else {
            Console.error("--by-year writes several files; name the first with -o, e.g. -o maps/network.svg (then maps/network-2019.svg, …)")
            throw ExitCode(64)
        }
        let network = loaded.network
        var style = MapStyle()
        style.sizeBy = map.sizeBy
        style.coloring = map.colorBy
        style.labels = map.labels
        style.maxNodes = map.maxNodes
        style.corpusName = loaded.label
        let scene = MapSceneBuilder.scene(for: network, metrics: metrics, style: style)
        // Scene ids are "a<node>", which is how each drawn author is found in every slice.
        let sceneNodes = scene.nodes.map { node -> Int in
            Int(node.id.dropFirst()) ?? network.node(named: node.label) ?? -1
        }
        let renderOptions = RenderOptions(engine: map.engine, format: format, seed: map.seed)
        let dated = DatedCorpus(publications: loaded.corpus.publications, authors: loaded.authors, network: network,
                                options: analysis.networkOptions)
        let graphs = SliceGraphs(corpus: dated, weighting: analysis.weight, maxAuthors: analysis.maxAuthors,
                                 minWeight: analysis.minWeight)
        guard let first = graphs.firstYear, let last = graphs.lastYear else {
            Console.error("no publication has a year, so there is nothing to draw year by year")
            throw ExitCode.dataError
        }

        var files: [(path: String, label: String, bytes: [UInt8])] = []
        do {
            let positions = try MapRenderer.layout(scene, options: renderOptions)
            for range in options.spec.ranges(first: first, last: last) {
                let slice = graphs.slice(from: range.lowerBound, to: range.upperBound)
                let label = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
                var frame = scene
                let visible = sceneNodes.map { $0 >= 0 && slice.local[$0] >= 0 }
                frame.edges = scene.edges.filter { edge in
                    let a = sceneNodes[edge.source], b = sceneNodes[edge.target]
                    guard a >= 0, b >= 0, slice.local[a] >= 0, slice.local[b] >= 0 else { return false }
                    return slice.graph.edge(Int(slice.local[a]), Int(slice.local[b])) != nil
                }
                frame.title = scene.title + " — " + label
                frame.subtitle = "\(visible.filter { $0 }.count) authors, \(frame.edges.count) ties in \(label) · " + scene.subtitle
                let bytes = try MapRenderer.render(frame, pinnedAt: positions, visible: visible, options: renderOptions)
                let fileLabel = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
                files.append((framePath(output, fileLabel), label, bytes))
            }
        } catch let error as RenderError {
            Console.error("cannot draw the maps: \(error)")
            throw ExitCode.failure
        }
        var all = files.map { ($0.path, $0.bytes) }
        if options.frames {
            let html = FramesPage.html(title: scene.title, frames: files.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.label) })
            all.append((htmlPath(output), Array(html.utf8)))
        }
        // Every frame is made before any is written, so a failure leaves earlier maps intact.
        for (path, bytes) in all { try Pipeline.emit(bytes, to: path) }
        if !analysis.quiet {
            Console.err("wrote \(files.count) maps, \(files.first!.path) … \(files.last!.path)\(options.frames ? ", and \(htmlPath(output))" : "")\n")
        }
    }

    /// `maps/network.svg` → `maps/network-2019.svg`.
    static func framePath(_ output: String, _ label: String) -> String {
        let url = URL(fileURLWithPath: output)
        let ext = url.pathExtension
        let base = url.deletingPathExtension().path
        return base + "-" + label + (ext.isEmpty ? "" : "." + ext)
    }

    static func htmlPath(_ output: String) -> String {
        URL(fileURLWithPath: output).deletingPathExtension().path + ".html"
    }
}

/// A self-contained HTML page that shows one map at a time, with a slider, buttons and arrow keys.
enum FramesPage {
    static func html(title: String, frames: [(file: String, label: String)]) -> String {
        let list = frames.map { "[" + jsString($0.file) + ", " + jsString($0.label) + "]" }.joined(separator: ",\n  ")
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
        img { max-width: 100%; height: auto; border: 1px solid #ddd; }
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

    /// A JavaScript string literal safe inside a `<script>` element.
    private static func jsString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
