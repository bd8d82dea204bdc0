import ArgumentParser
import CoauthorCore
import CoauthorRender
import Foundation

struct Render: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a laid-out map of the network (SVG, PNG or PDF where Graphviz has the renderer, or an interactive HTML page).")

    @OptionGroup var analysis: AnalysisOptions<EveryOption>
    @OptionGroup var map: MapOptions
    @OptionGroup var byYear: ByYearOptions

    @Option(help: "The image format.")
    var format: MapFormat?

    @Option(name: .shortAndLong, help: "The file to write (its extension picks the format when --format is absent). Default: standard output.")
    var output: String?

    @Option(parsing: .unconditional, help: "Pixels per inch of PNG output (a map's size in inches grows with its number of authors).")
    var dpi: Double = 150

    /// Prints the time of each phase to standard error, for Scripts/bench_render.sh.
    @Flag(help: .hidden)
    var timing = false

    /// Renders the same map this many times (each must give the same bytes); with --timing the
    /// resident memory after the first and the last render is printed, for the leak test.
    @Option(parsing: .unconditional, help: .hidden)
    var repeatRenders = 1

    func validate() throws {
        try analysis.refuseOverwritingInputs(with: output)
        try analysis.refuseUnwritable(output, folder: false)
        guard dpi >= 10 && dpi <= 1200 else { throw ValidationError("--dpi must lie between 10 and 1200.") }
        guard repeatRenders >= 1 else { throw ValidationError("--repeat-renders must be at least 1.") }
        // The extension picks the format: one that names none is refused, not drawn as SVG under
        // its name (`-o map.jpg` wrote an SVG file: a user trial of session 51).
        if format == nil, let output, output != "-" {
            let ext = URL(fileURLWithPath: output).pathExtension
            if !ext.isEmpty, MapFormat(rawValue: ext.lowercased()) == nil {
                throw ValidationError("'\(output)': a map is drawn as \(MapFormat.allCases.map { "." + $0.fileExtension }.joined(separator: ", ")); "
                                      + "name the file with one of these extensions, or choose the format with --format.")
            }
        }
        // A file named for one format and drawn in another (`-o map.png --format svg` wrote SVG
        // under a PNG name: a hostile-input trial of session 55).
        if let format, let output, output != "-", let named = MapFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()), named != format {
            throw ValidationError("-o \(output) names a .\(URL(fileURLWithPath: output).pathExtension) file, but --format \(format.rawValue) draws another format; "
                                  + "name the file for its format, or leave --format out to draw what the name says.")
        }
        // `--dpi` sizes PNG pixels only (accepted with an SVG, it changed nothing and said nothing:
        // a hostile-input trial of session 57).
        let drawn = format ?? output.flatMap { MapFormat(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) } ?? .svg
        if dpi != 150 && drawn != .png {
            throw ValidationError("--dpi sets the pixels per inch of PNG maps; this map is \(drawn.rawValue.uppercased()): drop --dpi, or draw a .png.")
        }
        if byYear.byYear && (format == .html || output?.hasSuffix(".html") == true) {
            throw ValidationError("--by-year draws one map per year as SVG, PNG or PDF; the HTML page has a year slider of its own: drop --by-year.")
        }
        // A browser shows no PDF in the page's picture: the page stepped through broken images (a
        // user trial of session 62).
        if byYear.frames && drawn == .pdf {
            throw ValidationError("--frames writes a page that shows the maps in a browser, which shows SVG and PNG maps, not PDF: draw the frames as .svg or .png, or drop --frames.")
        }
        if byYear.byYear && output == "-" {
            throw ValidationError("--by-year writes several files, not standard output; name the first with -o, e.g. -o maps/network.svg")
        }
        // PNG and PDF bytes on a terminal are noise that can upset it (a user trial of session 60
        // got an escaped byte stream, exit 0); a pipe or a file takes them.
        if (drawn == .png || drawn == .pdf) && (output == nil || output == "-") && Console.stdoutIsTerminal && Console.capture == nil {
            throw ValidationError("a \(drawn.rawValue.uppercased()) map is binary, and standard output is a terminal; name a file with -o, e.g. -o network.\(drawn.fileExtension), or pipe the output")
        }
        if byYear.byYear && output == nil {
            throw ValidationError("--by-year writes several files; name the first with -o, e.g. -o maps/network.svg (then maps/network-2019.svg, …)")
        }
    }

    func run() throws {
        var stopwatch = Stopwatch()
        let loaded = try Session.analysis(analysis)
        stopwatch.lap("load")
        let chosen = format ?? output.flatMap { MapFormat(rawValue: URL(fileURLWithPath: $0).pathExtension.lowercased()) } ?? .svg
        // The page's panel gives every metric that costs little, with its rank (it gave the size
        // metric alone: a user trial of session 54); the path-based ones when they size the map.
        let panel = chosen == .html ? Set(Metric.graphCases.filter { !$0.isPathBased }) : []
        var request = map.metricRequest(extra: panel, sampling: analysis.sampling(seed: map.seed))
        // The page colours by communities whatever the map's first colouring.
        if chosen == .html { request.communitySeed = UInt64(max(0, map.seed)) }
        let metrics = analysis.metrics(request, of: loaded, seed: map.seed)
        if !analysis.quiet { Session.noteWithoutData(map.sizeBy, in: metrics, doing: "sizing the nodes") }
        stopwatch.lap("metrics")
        let options = map.renderOptions(format: chosen, dpi: dpi)
        if chosen == .html {
            do {
                return try Session.write(loaded.htmlMapPage(metrics: metrics, style: map.style, options: options), to: output)
            } catch let error as RenderError {
                throw Session.fail(error, doing: "lay the map out")
            }
        }
        if byYear.byYear, let output {
            return try drawByYear(loaded, metrics: metrics, options: options, output: output)
        }
        let scene = loaded.mapScene(metrics: metrics, style: map.style)
        stopwatch.lap("scene")
        let bytes: [UInt8]
        let residentAfterFirst: Int
        do {
            bytes = try MapRenderer.render(scene, options: options)
            residentAfterFirst = Self.residentKilobytes()
            for round in 1..<repeatRenders where try MapRenderer.render(scene, options: options) != bytes {
                Console.error("render \(round + 1) of \(repeatRenders) gave different bytes")
                throw ExitCode.failure
            }
        } catch let error as RenderError {
            throw Session.fail(error, doing: "draw the map")
        }
        stopwatch.lap("render")
        try Session.write(bytes, to: output)
        stopwatch.lap("write")
        if timing {
            Console.err("timing: \(stopwatch.summary), \(scene.nodes.count) nodes, \(scene.edges.count) edges, \(bytes.count) bytes\n")
            if repeatRenders > 1 {
                Console.err("resident: \(residentAfterFirst) KB after the first render, \(Self.residentKilobytes()) KB after \(repeatRenders)\n")
            }
        }
    }

    /// The most maps `--by-year` draws.
    static let maximumFrames = 200

    /// `render --by-year`: one map per year or slice, every author at the same place.
    private func drawByYear(_ loaded: Analysis, metrics: MetricTable, options: RenderOptions, output: String) throws {
        // Hundreds of maps are a year typed wrong, most likely (`year = 3000` beside 2019 made
        // 2,982 files: a hostile-input trial of session 57): said before any is drawn.
        let network = loaded.network
        if let first = network.firstYear.compactMap({ $0 }).min(), let last = network.lastYear.compactMap({ $0 }).max() {
            let count = byYear.spec.ranges(first: first, last: last).count
            if count > Self.maximumFrames {
                Console.error("--by-year would draw \(count) maps, for the years \(first) to \(last) (is a year typed wrong? the warnings name it); "
                              + "choose the years with --from and --to, or fewer maps with --step, at most \(Self.maximumFrames)")
                throw ExitCode.validationFailure
            }
        }
        let maps: [YearMap]
        do {
            maps = try loaded.mapsByYear(metrics: metrics, style: map.style, options: options, spec: byYear.spec)
        } catch let error as RenderError {
            throw Session.fail(error, doing: "draw the maps")
        } catch {
            Console.error("no publication has a year, so there is nothing to draw year by year")
            throw ExitCode.dataError
        }
        var files = zip(maps, YearMap.fileLabels(maps)).map { OutputFile(path: ByYearOptions.framePath(output, $1), bytes: $0.bytes) }
        if byYear.frames {
            let title = loaded.mapScene(metrics: metrics, style: map.style).title
            let frames = zip(files, maps).map { (URL(fileURLWithPath: $0.path!).lastPathComponent, $1.label) }
            files.append(OutputFile(path: ByYearOptions.htmlPath(output), text: FramesPage.html(title: title, frames: frames)))
        }
        // Every frame is made before any is written, so a failure leaves earlier maps intact.
        try analysis.refuseOverwritingInputs(withFiles: files)
        try Session.write(files)
        if !analysis.quiet, let first = files.first?.path, let last = files[maps.count - 1].path {
            Console.err("wrote \(maps.count) maps, \(first) … \(last)\(byYear.frames ? ", and \(ByYearOptions.htmlPath(output))" : "")\n")
        }
    }

    /// The process's resident set size (VmRSS in /proc/self/status), 0 where unavailable.
    private static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// Options of `render --by-year`: one map per year or per slice, every author at the same position.
struct ByYearOptions: ParsableArguments {
    @Flag(help: "Draw one map per year (or per slice with --window/--cumulative), every author at the same position; writes NAME-YEAR.svg beside -o NAME.svg.")
    var byYear = false

    @Option(name: .customLong("window"), parsing: .unconditional, help: "With --by-year: years per map, [y, y+W−1].")
    var window: Int?

    @Option(name: .customLong("step"), parsing: .unconditional, help: "With --by-year: years between the first years of consecutive maps.")
    var step = 1

    @Flag(name: .customLong("cumulative"), help: "With --by-year: each map shows every year up to its own, so the network grows.")
    var cumulative = false

    @Flag(help: "With --by-year: also write NAME.html, a page that steps through the maps.")
    var frames = false

    func validate() throws {
        if !byYear && (window != nil || cumulative || frames || step != 1) {
            throw ValidationError("--window, --step, --cumulative and --frames belong to --by-year.")
        }
        if window != nil && cumulative { throw ValidationError("--window and --cumulative are two kinds of slices; choose one.") }
        if let window, !(1...SliceSpec.maximumYears).contains(window) { throw ValidationError("--window must be from 1 to \(SliceSpec.maximumYears) years.") }
        if !(1...SliceSpec.maximumYears).contains(step) { throw ValidationError("--step must be from 1 to \(SliceSpec.maximumYears) years.") }
    }

    var spec: SliceSpec { cumulative ? .cumulative(step: step) : .sliding(window: window ?? 1, step: step) }

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
