import CoauthorCore
@testable import CoauthorRender
import Testing

/// `render --by-year` draws every frame from one layout: each author must sit at the same
/// place in every frame, and frames must have the same size.
struct PinnedFramesTests {
    @Test func layoutGivesOnePositionPerNode() throws {
        let scene = Scenes.trianglePlusPendant
        let points = try MapRenderer.layout(scene, options: RenderOptions(engine: .neato))
        #expect(points.count == scene.nodes.count)
        #expect(Set(points.map { "\($0.x),\($0.y)" }).count == scene.nodes.count)
        #expect(try MapRenderer.layout(scene, options: RenderOptions(engine: .neato)) == points)
    }

    @Test func authorsKeepTheirPositionAcrossFrames() throws {
        let scene = Scenes.trianglePlusPendant
        let options = RenderOptions(engine: .neato)
        let points = try MapRenderer.layout(scene, options: options)
        let visibilities: [[Bool]] = [[true, true, false, false], [true, true, true, false], [true, true, true, true], [false, true, true, true]]
        var frames: [SVGDocument] = []
        var heads: [String] = []
        for visible in visibilities {
            var frame = scene
            frame.edges = scene.edges.filter { visible[$0.source] && visible[$0.target] }
            let bytes = try MapRenderer.render(frame, pinnedAt: points, visible: visible, options: options)
            frames.append(try #require(SVGDocument(bytes)))
            let text = String(decoding: bytes, as: UTF8.self)
            heads.append(text.split(separator: "\n").filter { $0.hasPrefix("<svg") || $0.contains("class=\"graph\"") }.joined())
        }
        // Same canvas and the same translation in every frame.
        #expect(Set(heads).count == 1)
        var seen: [String: (x: Double, y: Double)] = [:]
        for (frame, visible) in zip(frames, visibilities) {
            for (index, node) in scene.nodes.enumerated() {
                let centre = frame.centres[node.id]
                #expect((centre != nil) == visible[index], "node \(node.id) drawn: \(centre != nil), visible: \(visible[index])")
                guard let centre else { continue }
                if let earlier = seen[node.id] {
                    #expect(abs(earlier.x - centre.x) < 1e-9 && abs(earlier.y - centre.y) < 1e-9, "\(node.id) moved")
                } else {
                    seen[node.id] = centre
                }
            }
        }
        #expect(seen.count == scene.nodes.count)
        // The drawn centre is the laid-out one (SVG's y grows downwards).
        for (index, node) in scene.nodes.enumerated() {
            #expect(abs(seen[node.id]!.x - points[index].x) < 0.01 && abs(seen[node.id]!.y + points[index].y) < 0.01)
        }
    }
}
