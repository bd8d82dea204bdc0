import CoauthorCore

extension MapScene {
    /// Whether every node other than the focus is a co-author of the focus:
    /// the shape `twopi` draws best, with the focus at the centre.
    ///
    /// - Complexity: O(*n* + *e*) for *n* nodes and *e* edges.
    var isEgoNetwork: Bool {
        guard let focus else { return false }
        var adjacent = [Bool](repeating: false, count: nodes.count)
        adjacent[focus] = true
        for edge in edges {
            if edge.source == focus { adjacent[edge.target] = true }
            if edge.target == focus { adjacent[edge.source] = true }
        }
        return !adjacent.contains(false)
    }
}
