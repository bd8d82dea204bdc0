import CoauthorCore
import Foundation
import Testing
@testable import CoauthorRender

/// What a reader of the map sees: names clear of each other and of every
/// node, the font that was asked for.
@Suite struct MapLookTests {
    /// Every node labelled, on a graph dense enough that outside labels collided.
    private static func crowded(nodes: Int) -> MapScene {
        var scene = Scenes.random(nodes: nodes, state: 7)
        for index in scene.nodes.indices {
            scene.nodes[index].showsLabel = true
            scene.nodes[index].labelScale = 1 + Double(index % 3) * 0.3
        }
        return scene
    }

    @Test(arguments: [MapEngine.neato, .sfdp, .twopi])
    func noLabelCoversAnotherLabelOrNode(engine: MapEngine) throws {
        let scene = Self.crowded(nodes: 80)
        let svg = try #require(SVGDocument(try MapRenderer.render(scene, options: RenderOptions(engine: engine))))
        #expect(svg.labelBoxes.count == scene.nodes.count)
        let ids = scene.nodes.map(\.id)
        for (index, id) in ids.enumerated() {
            let box = try #require(svg.labelBoxes[id], "label of \(id)")
            let centre = try #require(svg.centres[id]), radius = try #require(svg.radii[id])
            // The name sits just below its own circle.
            #expect(box.minY >= centre.y + radius - 1 && box.minY <= centre.y + radius + 3, "\(id) label at \(box.minY)")
            #expect(abs((box.minX + box.maxX) / 2 - centre.x) < 1, "\(id) label centred")
            for other in ids[(index + 1)...] {
                #expect(!box.overlaps(try #require(svg.labelBoxes[other])), "labels of \(id) and \(other) overlap")
            }
            for other in ids where other != id {
                let otherCentre = try #require(svg.centres[other]), otherRadius = try #require(svg.radii[other])
                #expect(!box.overlaps(circle: otherCentre, radius: otherRadius), "label of \(id) covers node \(other)")
            }
        }
    }

    @Test func largerScaleMeansLargerNames() throws {
        var scene = Scenes.trianglePlusPendant
        scene.nodes[1].labelScale = 2
        scene.textScale = 1.5
        let svg = try #require(SVGDocument(try MapRenderer.render(scene, options: RenderOptions())))
        let plain = try #require(svg.labelBoxes[scene.nodes[2].id]), large = try #require(svg.labelBoxes[scene.nodes[1].id])
        // "Grace Hopper" and "Alan Turing" are about as long; at twice the size one is about twice as wide.
        #expect(large.width > 1.6 * plain.width)
    }

    /// Graphviz measures text through pango with the named font, or, without
    /// pango, with built-in metrics for a few PostScript fonts only; a name
    /// it cannot resolve falls back without a word. DejaVu Sans and DejaVu
    /// Serif have different widths, so equal widths would mean the font
    /// named was not the font measured.
    @Test func labelsAreMeasuredInTheNamedFont() throws {
        func width(_ font: String) throws -> (Double, Set<String>) {
            let svg = try #require(SVGDocument(try MapRenderer.render(Scenes.trianglePlusPendant,
                                                                      options: RenderOptions(fontName: font))))
            return (try #require(svg.labelBoxes[Scenes.trianglePlusPendant.nodes[0].id]).width, svg.fontFamilies)
        }
        let (sans, sansFamilies) = try width("DejaVu Sans")
        let (serif, serifFamilies) = try width("DejaVu Serif")
        #expect(sansFamilies == ["DejaVu Sans"])
        #expect(serifFamilies == ["DejaVu Serif"])
        #expect(abs(sans - serif) > 2, "DejaVu Sans \(sans) pt, DejaVu Serif \(serif) pt")
    }
}
