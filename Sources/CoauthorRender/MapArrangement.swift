import CGraphviz
import CoauthorCore
import Glibc

/// Turns a Graphviz layout into the map's final positions: overlaps removed
/// by ``OverlapRemoval`` in each connected component, then the components
/// packed in rows below the largest.
///
/// The engine runs with `overlap=true` (no removal of its own) because
/// Graphviz's `prism` gives different last digits in different processes
/// (see ``OverlapRemoval``) and spends most of its time in GTS's triangulation.
/// Components are packed after their overlaps are gone, since opening up a
/// crowded component changes its size.
enum MapArrangement {
    /// Room left around each node, in points, for the gap between neighbours.
    static func margin(for options: RenderOptions) -> Double {
        options.fontSize / 2
    }

    /// Room between packed components, in points.
    static let componentGap = 8.0

    /// Reads the laid-out graph's node centres and sizes and returns the final
    /// centres (points, the drawing's lower left corner at the origin), in the order of `scene.nodes`.
    ///
    /// - Complexity: that of ``OverlapRemoval/separated(_:sizes:)`` on each component,
    ///   plus Graphviz's packing of *c* components.
    static func positions(of graph: UnsafeMutablePointer<Agraph_t>, scene: MapScene, options: RenderOptions,
                          engine: MapEngine, session: GraphvizSession) throws -> [LayoutPoint] {
        let margin = margin(for: options)
        var centres: [LayoutPoint] = []
        var sizes: [OverlapRemoval.HalfSize] = []
        centres.reserveCapacity(scene.nodes.count)
        sizes.reserveCapacity(scene.nodes.count)
        for index in scene.nodes.indices {
            let node = try withMutableCString(SceneGraphWriter.nodeName(index)) { name in
                try session.handle("finding node \(index)") { agnode(graph, name, 0) }
            }
            guard let record = node.pointee.base.data else {
                throw RenderError.graphviz(stage: "reading the layout", message: "node \(index) has no layout")
            }
            let info = UnsafeMutableRawPointer(record).assumingMemoryBound(to: Agnodeinfo_t.self).pointee
            // With fixedsize=shape the node's own size is the circle's; the
            // label (name band included) may be wider and taller.
            var width = info.width * 72, height = info.height * 72
            if let label = info.label {
                width = max(width, label.pointee.dimen.x)
                height = max(height, label.pointee.dimen.y)
            }
            centres.append(LayoutPoint(x: info.coord.x, y: info.coord.y))
            sizes.append(OverlapRemoval.HalfSize(width: width / 2 + margin, height: height / 2 + margin))
        }
        return arranged(centres, sizes: sizes, margin: margin, edges: scene.edges, uniformly: engine == .twopi)
    }

    /// Separates the boxes of each component (by scaling alone when
    /// `uniformly`, for `twopi`'s rings), packs the components and moves the
    /// drawing's lower left corner to the origin.
    static func arranged(_ centres: [LayoutPoint], sizes: [OverlapRemoval.HalfSize], margin: Double,
                         edges: [MapScene.Edge], uniformly: Bool = false) -> [LayoutPoint] {
        guard !centres.isEmpty else { return [] }
        let components = Self.components(count: centres.count, edges: edges)
        var result = centres
        var boxes: [Box] = []
        let ties = Self.ties(of: components, count: centres.count, edges: edges)
        for (component, members) in components.enumerated() {
            let removal = OverlapRemoval(scalesUniformly: uniformly)
            let moved = removal.separated(members.map { centres[$0] }, sizes: members.map { sizes[$0] },
                                                   ties: ties[component])
            var box = Box(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
            for (member, point) in zip(members, moved) {
                result[member] = point
                let size = sizes[member]
                box.minX = min(box.minX, point.x - size.width + margin)
                box.minY = min(box.minY, point.y - size.height + margin)
                box.maxX = max(box.maxX, point.x + size.width - margin)
                box.maxY = max(box.maxY, point.y + size.height - margin)
            }
            boxes.append(box)
        }
        let offsets = shelved(boxes)
        for (component, members) in components.enumerated() {
            for member in members {
                result[member].x += offsets[component].x
                result[member].y += offsets[component].y
            }
        }
        // Rounded to hundredths of a point: finer than any renderer draws, and
        // the text Graphviz is given then holds every digit of the number.
        let minX = zip(result, sizes).map { $0.x - $1.width }.min()!
        let minY = zip(result, sizes).map { $0.y - $1.height }.min()!
        return result.map { point in
            LayoutPoint(x: ((point.x - minX) * 100).rounded() / 100, y: ((point.y - minY) * 100).rounded() / 100)
        }
    }

    /// Each component's ties, as pairs of positions in its member list.
    ///
    /// - Complexity: O(*n* + *e*).
    private static func ties(of components: [[Int]], count: Int, edges: [MapScene.Edge]) -> [[OverlapRemoval.Pair]] {
        var component = [Int](repeating: 0, count: count)
        var position = [Int](repeating: 0, count: count)
        for (index, members) in components.enumerated() {
            for (offset, member) in members.enumerated() {
                component[member] = index
                position[member] = offset
            }
        }
        var ties = [[OverlapRemoval.Pair]](repeating: [], count: components.count)
        for edge in edges where edge.source != edge.target {
            ties[component[edge.source]].append(OverlapRemoval.Pair(position[edge.source], position[edge.target]))
        }
        return ties
    }

    /// A component's bounding box, in points.
    struct Box {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double
    }

    /// Offsets that put the boxes (largest component first) in rows from the
    /// top down, left to right, each row at most as wide as the widest box or
    /// the side of a square of their total area: the main network on top and
    /// the small teams in rows beneath it, in a fixed order.
    ///
    /// - Complexity: O(*c*) for *c* boxes.
    static func shelved(_ boxes: [Box]) -> [LayoutPoint] {
        let widths = boxes.map { $0.maxX - $0.minX + componentGap }
        let heights = boxes.map { $0.maxY - $0.minY + componentGap }
        let area = zip(widths, heights).map { $0 * $1 }.reduce(0, +)
        let rowWidth = max(widths.max() ?? 0, area.squareRoot())
        var offsets: [LayoutPoint] = []
        var (x, top, rowHeight) = (0.0, 0.0, 0.0)
        for (index, box) in boxes.enumerated() {
            if x > 0 && x + widths[index] > rowWidth {
                top -= rowHeight
                (x, rowHeight) = (0, 0)
            }
            // Place the box's upper left corner at (x, top).
            offsets.append(LayoutPoint(x: x - box.minX, y: top - box.maxY))
            x += widths[index]
            rowHeight = max(rowHeight, heights[index])
        }
        return offsets
    }

    /// The connected components, largest first (ties by smallest member), each
    /// listing its members in increasing order.
    ///
    /// - Complexity: O(*n* + *e* α(*n*)) plus sorting the components.
    static func components(count: Int, edges: [MapScene.Edge]) -> [[Int]] {
        var parent = Array(0..<count)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for edge in edges {
            let (a, b) = (root(edge.source), root(edge.target))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var slot = [Int](repeating: -1, count: count)
        var groups: [[Int]] = []
        for node in 0..<count {
            let top = root(node)
            if slot[top] < 0 {
                slot[top] = groups.count
                groups.append([])
            }
            groups[slot[top]].append(node)
        }
        return groups.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }
}
