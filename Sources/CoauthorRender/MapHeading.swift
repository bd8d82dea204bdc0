import CoauthorCore

/// The map's title, subtitle and legend as one HTML-like Graphviz label.
///
/// A single graph label keeps them together above the map and lets Graphviz
/// size the drawing around them; HTML is the only label form with bold text,
/// several font sizes and coloured cells.
enum MapHeading {
    /// The label's HTML, or nil when the scene has nothing to put in it
    /// (Graphviz rejects an empty table).
    ///
    /// - Complexity: O(*t*) in the total length of the texts.
    static func html(for scene: MapScene, fontSize: Double) -> String? {
        var rows: [String] = []
        if !scene.title.isEmpty {
            rows.append(cell("<FONT POINT-SIZE=\"\(points(fontSize * 1.6))\"><B>"
                + GraphvizText.html(scene.title) + "</B></FONT>"))
        }
        if !scene.subtitle.isEmpty {
            rows.append(cell("<FONT POINT-SIZE=\"\(points(fontSize * 1.1))\" COLOR=\"#444444\">"
                + GraphvizText.html(scene.subtitle) + "</FONT>"))
        }
        if !scene.legend.isEmpty {
            rows.append("<TR><TD>" + legendTable(scene.legend, fontSize: fontSize) + "</TD></TR>")
        }
        guard !rows.isEmpty else { return nil }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">"
            + rows.joined() + "</TABLE>"
    }

    /// A nested table, so the legend's rows line up with each other rather
    /// than with the title. Graphviz 2.42 spreads a wide heading's spare width
    /// over every column and centres fixed-size cells, so the text is
    /// right-aligned against a left-aligned swatch to keep each pair together.
    ///
    /// Graphviz places the text by its own estimate of the font's widths, which a browser's
    /// DejaVu Sans exceeds by a few per cent: no-break spaces after the text, part of the same
    /// estimate, leave it room before the swatch (a user trial of session 54 found the closing
    /// bracket of `(20 authors)` under the swatch; a spacer cell of its own was given a share of a
    /// wide heading's spare width).
    private static func legendTable(_ legend: [MapScene.LegendEntry], fontSize: Double) -> String {
        let swatch = points(fontSize)
        let rows = legend.map { entry in
            "<TR><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"\(points(fontSize))\">"
                + GraphvizText.html(entry.label) + String(repeating: "&#160;", count: 2 + entry.label.count / 20) + "</FONT></TD>"
                + "<TD WIDTH=\"\(swatch)\" HEIGHT=\"\(swatch)\" FIXEDSIZE=\"TRUE\" ALIGN=\"LEFT\" "
                + "BGCOLOR=\"\(entry.color.hex)\"></TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
            + rows.joined() + "</TABLE>"
    }

    private static func cell(_ content: String) -> String {
        "<TR><TD>" + content + "</TD></TR>"
    }

    /// Whole points: `WIDTH` and `HEIGHT` must be integers, and whole font
    /// sizes keep the markup short.
    private static func points(_ value: Double) -> Int {
        max(1, Int(value.rounded()))
    }
}
