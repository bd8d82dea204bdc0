/// A file format the renderer can write.
public enum MapFormat: String, CaseIterable, Sendable {
    /// Scalable vector graphics with tooltips and element ids, for browsers.
    case svg
    /// A raster image; needs Graphviz's cairo plugin.
    case png
    /// A vector document for print; needs Graphviz's cairo plugin.
    case pdf
    /// A self-contained interactive page (SPEC §9), made by the command line from the
    /// layout; Graphviz has no such renderer, so ``MapRenderer/render(_:options:)`` refuses it.
    case html

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }
}
