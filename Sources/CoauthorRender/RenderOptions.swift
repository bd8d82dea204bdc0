/// How ``MapRenderer`` lays out and writes a ``CoauthorCore/MapScene``.
public struct RenderOptions: Sendable, Equatable {
    /// The layout engine; `auto` chooses from the scene.
    public var engine: MapEngine
    /// The output format.
    public var format: MapFormat
    /// The random seed of the layout: the same scene and seed give the same
    /// bytes. Must lie in `0...Int32.max`, because Graphviz hands it to `srand`.
    public var seed: Int
    /// The font family for every label, as fontconfig names it.
    public var fontName: String
    /// The point size of node labels; the title and legend are sized relative to it.
    public var fontSize: Double
    /// Pixels per inch of PNG output; vector formats ignore it.
    public var dpi: Double

    /// Creates options; the defaults give a deterministic SVG laid out by the `auto` engine.
    public init(engine: MapEngine = .auto, format: MapFormat = .svg, seed: Int = 1,
                fontName: String = "DejaVu Sans", fontSize: Double = 10, dpi: Double = 150) {
        self.engine = engine
        self.format = format
        self.seed = seed
        self.fontName = fontName
        self.fontSize = fontSize
        self.dpi = dpi
    }
}
