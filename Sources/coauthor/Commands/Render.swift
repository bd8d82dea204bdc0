import ArgumentParser
import CoauthorCore
import CoauthorRender
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a laid-out map of the network (SVG, or PNG/PDF where Graphviz has the renderer).")

    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var map: MapOptions
    @OptionGroup var byYear: ByYearOptions

    @Option(help: "The image format.")
    var format: MapFormat?

    @Option(name: .shortAndLong, help: "The file to write (its extension picks the format when --format is absent). Default: standard output.")
    var output: String?

    @Option(help: "Pixels per inch of PNG output (a map's size in inches grows with its number of authors).")
    var dpi: Double = 150

    /// Prints the time of each phase to standard error, for Scripts/bench_render.sh.
    @Flag(help: .hidden)
    var timing = false

    /// Renders the same map this many times (each must give the same bytes); with --timing the
    /// resident memory after the first and the last render is printed, for the leak test.
    @Option(help: .hidden)
    var repeatRenders = 1

    func validate() throws {
        guard dpi >= 10 && dpi <= 1200 else { throw ValidationError("--dpi must lie between 10 and 1200.") }
        guard repeatRenders >= 1 else { throw ValidationError("--repeat-renders must be at least 1.") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = try Pipeline.load(analysis)
        let loadedAt = clock.now
        let metrics = MapMaking.metrics(for: loaded, analysis: analysis, options: map)
        let computedAt = clock.now
        let chosen = format ?? output.flatMap { MapFormat(rawValue: ($0 as NSStringPath).pathExtensionLowercased) } ?? .svg
        if byYear.byYear && chosen == .html {
            throw ValidationError("--by-year draws one map per year as SVG, PNG or PDF; the HTML page has a year slider of its own: drop --by-year.")
        }
        if byYear.byYear {
            return try ByYearMaps.run(loaded, metrics: metrics, analysis: analysis, map: map, options: byYear, format: chosen, output: output)
        }
        let scene = MapMaking.scene(loaded, metrics: metrics, options: map)
        let builtAt = clock.now
        if chosen == .html {
            return try Pipeline.emit(HTMLPage.make(loaded, metrics: metrics, scene: scene, analysis: analysis, map: map,
                                                   mapOnly: true), to: output)
        }
        let bytes = try MapMaking.render(scene, options: map, format: chosen, dpi: dpi)
        let residentAfterFirst = Self.residentKilobytes()
        for round in 1..<repeatRenders where try MapMaking.render(scene, options: map, format: chosen, dpi: dpi) != bytes {
            Console.error("render \(round + 1) of \(repeatRenders) gave different bytes")
            throw ExitCode.failure
        }
        let renderedAt = clock.now
        try Pipeline.emit(bytes, to: output)
        if timing {
            func seconds(_ duration: Duration) -> String {
                let (whole, fraction) = duration.components
                return String(format: "%.3f", Double(whole) + Double(fraction) * 1e-18)
            }
            Console.err("timing: load \(seconds(loadedAt - started)) s, metrics \(seconds(computedAt - loadedAt)) s, "
                + "scene \(seconds(builtAt - computedAt)) s, render \(seconds(renderedAt - builtAt)) s, "
                + "write \(seconds(clock.now - renderedAt)) s, \(scene.nodes.count) nodes, \(scene.edges.count) edges, "
                + "\(bytes.count) bytes\n")
            if repeatRenders > 1 {
                Console.err("resident: \(residentAfterFirst) KB after the first render, \(Self.residentKilobytes()) KB after \(repeatRenders)\n")
            }
        }
    }

    /// The process's resident set size (VmRSS in /proc/self/status), 0 where unavailable.
    private static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// A tiny path helper that avoids bridging through NSString.
typealias NSStringPath = String

extension String {
    var pathExtensionLowercased: String {
        guard let dot = lastIndex(of: "."), !self[dot...].contains("/") else { return "" }
        return String(self[index(after: dot)...]).lowercased()
    }
}
