import CoauthorCore

/// A node's name drawn just below its circle, as an HTML-like label that is
/// part of the node.
///
/// Graphviz's outside labels (`xlabel`) are placed after the layout, and
/// with `forcelabels` they land on top of other nodes and labels whenever
/// the map is dense. A label inside the node instead counts for overlap
/// removal: with `fixedsize=shape` the circle keeps its size while the node
/// occupies the union of circle and label, so `overlap` keeps every label
/// clear of every other node and label.
///
/// The label is centred on the node, so it is a table of three rows: an
/// empty row as tall as the name, an empty row as tall as the circle, and
/// the name. The circle then sits in the middle row and the name right below
/// it, on a translucent white band that keeps it readable over edges.
enum NodeLabel {
    /// The label's HTML for `name` under a circle `diameter` inches across,
    /// in a font of `fontSize` points.
    ///
    /// - Complexity: O(*n*) in the length of `name`.
    static func html(_ name: String, diameter: Double, fontSize: Double) -> String {
        let size = max(1, Int(fontSize.rounded()))
        // Graphviz sets one line of text at 1.2 times the font size; the
        // padding gives the white band a little air around the letters.
        let padding = max(1, size / 8)
        let band = Int((1.2 * Double(size)).rounded(.up)) + 2 * padding
        let circle = Int((diameter * 72).rounded(.up)) + 2
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
            + "<TR><TD HEIGHT=\"\(band)\"></TD></TR>"
            + "<TR><TD HEIGHT=\"\(circle)\"></TD></TR>"
            + "<TR><TD HEIGHT=\"\(band)\" CELLPADDING=\"\(padding)\" BGCOLOR=\"#ffffffc0\">"
            + "<FONT POINT-SIZE=\"\(size)\">" + GraphvizText.html(name.shortened(toWidth: MapScene.longestDrawnName)) + "</FONT></TD></TR></TABLE>"
    }

}
