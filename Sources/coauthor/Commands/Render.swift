import ArgumentParser
import CoauthorCore
import CoauthorRender

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

    func run() throws {
        let loaded = try Pipeline.load(analysis)
        let metrics = MapMaking.metrics(for: loaded, analysis: analysis, options: map)
        let chosen = format ?? output.flatMap { MapFormat(rawValue: ($0 as NSStringPath).pathExtensionLowercased) } ?? .svg
        if byYear.byYear {
            return try ByYearMaps.run(loaded, metrics: metrics, analysis: analysis, map: map, options: byYear, format: chosen, output: output)
        }
        let bytes = try MapMaking.render(loaded, metrics: metrics, options: map, format: chosen)
        try Pipeline.emit(bytes, to: output)
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
