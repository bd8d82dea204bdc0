/// A file format the renderer can write.
public enum MapFormat: String, CaseIterable, Sendable {
    /// Scalable vector graphics with tooltips and element ids, for browsers.
    case svg
    /// A raster image; needs Graphviz's cairo plugin.
    case png
    /// A vector document for print; needs Graphviz's cairo plugin.
    case pdf

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }
}
