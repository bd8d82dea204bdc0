import CoauthorCore
import Foundation
import Testing
@testable import CoauthorRender

@Suite struct MapRendererTests {
    private let scene = Scenes.trianglePlusPendant

    @Test func smallSceneBecomesSVGWithEveryTooltipLabelAndHeading() throws {
        let svg = try #require(SVGDocument(try MapRenderer.render(scene, options: RenderOptions())))

        for node in scene.nodes {
            #expect(svg.linkTitles.contains(node.tooltip), "tooltip of \(node.label)")
            #expect(svg.ids.contains(node.id), "id of \(node.label)")
            #expect(svg.texts.contains(node.label) == node.showsLabel, "label of \(node.label)")
        }
        for edge in scene.edges {
            #expect(svg.linkTitles.contains(edge.tooltip))
        }
        #expect(svg.texts.contains(scene.title))
        #expect(svg.texts.contains(scene.subtitle))
        // Each legend text is followed by no-break spaces, room before its swatch.
        for entry in scene.legend {
            #expect(svg.texts.contains { $0.hasPrefix(entry.label) && $0.dropFirst(entry.label.count).allSatisfy { $0 == "\u{A0}" } && $0.count > entry.label.count },
                    "legend \(entry.label): \(svg.texts)")
        }
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let available = try MapRenderer.availableFormats()
        for options in [RenderOptions(), RenderOptions(engine: .sfdp, seed: 7), RenderOptions(format: .png),
                        RenderOptions(format: .pdf)] where available.contains(options.format) {
            let first = try MapRenderer.render(scene, options: options)
            let second = try MapRenderer.render(scene, options: options)
            #expect(first == second, "\(options.engine) \(options.format)")
        }
    }

    @Test(arguments: [MapEngine.neato, .sfdp])
    func anotherSeedGivesAnotherLayout(engine: MapEngine) throws {
        let scene = Scenes.random(nodes: 60)
        let one = try MapRenderer.render(scene, options: RenderOptions(engine: engine, seed: 1))
        let two = try MapRenderer.render(scene, options: RenderOptions(engine: engine, seed: 2))
        #expect(one != two)
    }

    @Test func autoChoosesTwopiForEgoNeatoForSmallSfdpForLarge() {
        #expect(MapRenderer.resolvedEngine(for: Scenes.ego(coauthors: 7), requested: .auto) == .twopi)
        #expect(MapRenderer.resolvedEngine(for: Scenes.ego(coauthors: 11), requested: .auto) == .twopi)
        // An even number of co-authors, two of them tied: twopi may draw their tie through the
        // focus (they face each other); without ties between co-authors it draws a star.
        for count in [2, 6, 12] {
            #expect(MapRenderer.resolvedEngine(for: Scenes.ego(coauthors: count), requested: .auto) == .neato, "\(count)")
            var star = Scenes.ego(coauthors: count)
            star.edges.removeLast()
            #expect(MapRenderer.resolvedEngine(for: star, requested: .auto) == .twopi, "\(count)")
        }
        // A larger circle is laid out by its own ties, not on one ring that grows with every name.
        #expect(MapRenderer.resolvedEngine(for: Scenes.ego(coauthors: 13), requested: .auto) == .neato)
        #expect(MapRenderer.resolvedEngine(for: Scenes.ego(coauthors: 599), requested: .auto) == .neato)
        #expect(MapRenderer.resolvedEngine(for: Scenes.ego(coauthors: 600), requested: .auto) == .sfdp)
        #expect(MapRenderer.resolvedEngine(for: scene, requested: .auto) == .neato)
        #expect(MapRenderer.resolvedEngine(for: Scenes.random(nodes: 400), requested: .auto) == .sfdp)
        #expect(MapRenderer.resolvedEngine(for: Scenes.random(nodes: 300), requested: .auto) == .neato)
        #expect(MapRenderer.resolvedEngine(for: scene, requested: .circo) == .circo)
    }

    @Test func twopiPutsTheFocusAtTheCentreOfTheEgoNetwork() throws {
        let ego = Scenes.ego(coauthors: 9)
        let svg = try #require(SVGDocument(try MapRenderer.render(ego, options: RenderOptions())))
        let focus = try #require(svg.centres[ego.nodes[0].id])
        let radii = try ego.nodes.dropFirst().map { node in
            let centre = try #require(svg.centres[node.id])
            return ((centre.x - focus.x) * (centre.x - focus.x) + (centre.y - focus.y) * (centre.y - focus.y)).squareRoot()
        }
        // twopi puts the root's neighbours on one ring; anything else would scatter the radii.
        let shortest = try #require(radii.min()), longest = try #require(radii.max())
        #expect(shortest > 10)
        #expect(longest - shortest < 1, "radii \(radii)")
    }

    @Test(arguments: MapEngine.allCases)
    func everyEngineDrawsEveryNode(engine: MapEngine) throws {
        let scene = Scenes.random(nodes: 40)
        let svg = try #require(SVGDocument(try MapRenderer.render(scene, options: RenderOptions(engine: engine))))
        #expect(scene.nodes.allSatisfy { svg.ids.contains($0.id) })
    }

    @Test func sfdpDrawsTwoHundredNodes() throws {
        let scene = Scenes.random(nodes: 200)
        let bytes = try MapRenderer.render(scene, options: RenderOptions(engine: .sfdp))
        let svg = try #require(SVGDocument(bytes))
        #expect(scene.nodes.allSatisfy { svg.ids.contains($0.id) })
        #expect(Set(svg.linkTitles).isSuperset(of: scene.edges.map(\.tooltip)))
    }

    @Test func slowEnginesRefuseHugeMapsAndSuggestSfdp() throws {
        let huge = MapScene(title: "", subtitle: "", nodes: (0...MapEngine.quadraticEngineNodeLimit).map {
            Scenes.node($0, "n\($0)")
        }, edges: [], legend: [], focus: nil)
        #expect(MapRenderer.resolvedEngine(for: huge, requested: .auto) == .sfdp)
        for engine in [MapEngine.neato, .fdp, .circo] {
            let error = #expect(throws: RenderError.self) {
                try MapRenderer.render(huge, options: RenderOptions(engine: engine))
            }
            #expect(error == .tooManyNodes(engine: engine, nodeCount: huge.nodes.count,
                                           limit: MapEngine.quadraticEngineNodeLimit))
            #expect(error?.description.contains("sfdp") == true)
        }
    }

    @Test func seedsOutsideTheRangeOfSrandAreRefused() {
        #expect(throws: RenderError.invalidSeed(-1)) {
            try MapRenderer.render(scene, options: RenderOptions(seed: -1))
        }
        #expect(throws: RenderError.invalidSeed(Int(Int32.max) + 1)) {
            try MapRenderer.render(scene, options: RenderOptions(seed: Int(Int32.max) + 1))
        }
    }

    @Test func anUnknownFormatIsAClearErrorAndLeavesGraphvizUsable() throws {
        let error = #expect(throws: RenderError.self) {
            try MapRenderer.render(scene, options: RenderOptions(), engine: .neato, layout: "neato",
                                  graphvizFormat: "no-such-format")
        }
        guard case let .unsupportedFormat(format, available) = error else {
            Issue.record("expected unsupportedFormat, got \(String(describing: error))")
            return
        }
        #expect(format == "no-such-format")
        #expect(available.contains("svg"))
        #expect(error?.description.contains("cannot write no-such-format") == true)
        // Graphviz's error counter is cumulative; a render after a failure must still succeed.
        #expect(SVGDocument(try MapRenderer.render(scene, options: RenderOptions())) != nil)
    }

    @Test func graphvizErrorsCarryItsWordsAndLeaveItUsable() throws {
        let error = #expect(throws: RenderError.self) {
            try MapRenderer.render(scene, options: RenderOptions(), engine: .neato, layout: "no-such-layout",
                                   graphvizFormat: "svg")
        }
        guard case let .layoutFailed(_, message) = error else {
            Issue.record("expected layoutFailed, got \(String(describing: error))")
            return
        }
        #expect(message.contains("no-such-layout"))
        #expect(message.contains("neato"), "Graphviz lists the layouts it knows")
        let first = try MapRenderer.render(scene, options: RenderOptions())
        let second = try MapRenderer.render(scene, options: RenderOptions())
        #expect(SVGDocument(first) != nil)
        #expect(first == second)
    }

    @Test func rasterAndPrintFormatsWriteTheirSignatures() throws {
        let available = try MapRenderer.availableFormats()
        #expect(available.contains(.svg))
        if available.contains(.png) {
            let png = try MapRenderer.render(scene, options: RenderOptions(format: .png))
            #expect(png.starts(with: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        } else {
            #expect(throws: RenderError.self) { try MapRenderer.render(scene, options: RenderOptions(format: .png)) }
        }
        if available.contains(.pdf) {
            let pdf = try MapRenderer.render(scene, options: RenderOptions(format: .pdf))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:19700101000000"))
        }
    }

    @Test func pdfCreationDatesAreFixedWithoutMovingAnyByte() {
        let pdf = Array("1 0 obj << /CreationDate (D:20261129030810Z) /ModDate (D:2026) >>".utf8)
        let normalized = PDFTimestamp.normalized(pdf)
        #expect(String(decoding: normalized, as: UTF8.self)
            == "1 0 obj << /CreationDate (D:19700101000000Z) /ModDate (D:2026) >>")
    }

    @Test func concurrentRendersWaitForEachOtherAndAgree() async throws {
        let scene = self.scene
        let expected = try MapRenderer.render(scene, options: RenderOptions())
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 {
                group.addTask { try MapRenderer.render(scene, options: RenderOptions()) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func anEmptySceneStillRenders() throws {
        let empty = MapScene(title: "", subtitle: "", nodes: [], edges: [], legend: [], focus: nil)
        #expect(SVGDocument(try MapRenderer.render(empty, options: RenderOptions())) != nil)
    }
}
