import ArgumentParser
import CoauthorCore
import CoauthorRender

/// Builds and renders the map for `render` and `report`.
enum MapMaking {
    static func render(_ loaded: Loaded, metrics: MetricTable, options: MapOptions, format: MapFormat) throws -> [UInt8] {
        try render(scene(loaded, metrics: metrics, options: options), options: options, format: format)
    }

    /// The drawing-ready scene: sizes, colours, labels, legend and title.
    static func scene(_ loaded: Loaded, metrics: MetricTable, options: MapOptions) -> MapScene {
        var style = MapStyle()
        style.sizeBy = options.sizeBy
        style.coloring = options.colorBy
        style.labels = options.labels
        style.maxNodes = options.maxNodes
        style.corpusName = loaded.label
        return MapSceneBuilder.scene(for: loaded.network, metrics: metrics, style: style)
    }

    /// Lays out and draws `scene`; a Graphviz failure is reported and exits with status 1.
    static func render(_ scene: MapScene, options: MapOptions, format: MapFormat, dpi: Double = 150) throws -> [UInt8] {
        do {
            return try MapRenderer.render(scene, options: RenderOptions(engine: options.engine, format: format,
                                                                        seed: options.seed, dpi: dpi))
        } catch {
            Console.error("cannot draw the map: \(error)")
            throw ExitCode.failure
        }
    }

    /// The metrics a map needs: its size metric, plus communities when colouring by them.
    static func metrics(for loaded: Loaded, analysis: AnalysisOptions, options: MapOptions, extra: Set<Metric> = []) -> MetricTable {
        analysis.metricTable(for: loaded.network, metrics: extra.union([options.sizeBy]),
                             communitySeed: options.colorBy == .community ? UInt64(max(0, options.seed)) : nil)
    }
}
