import CoauthorCore
import Foundation
import Testing
@testable import CoauthorRender

/// Names that each break some layer of Graphviz's text handling if passed
/// through unescaped: HTML and XML markup, entity look-alikes, Graphviz's own
/// backslash escapes, and scripts outside Latin.
private let hostileNames = [
    "<b>Bold</b> & \"Quoted\" 'Single'",
    "Tom &amp; Jerry &lt;tag&gt; &#65; &nbsp; &bogus;",
    #"Back\slash \N \G \E \T \H \L \n \l \r \\ end\"#,
    "O'Brien-Müller, Zoë Ø",
    "😀 Emoji 👩🏽‍🔬 🇺🇳",
    "李小龍 山田太郎 김민준",
    "محمد عبد الله",
    "שלום עליכם (RTL) mixed",
    "&",
    "]]> <!-- --> <![CDATA[x]]>",
]

@Suite struct HostileTextTests {
    private var scene: MapScene {
        let nodes = hostileNames.enumerated().map { index, name in
            MapScene.Node(id: "id \(index) " + name, label: name, showsLabel: true,
                          tooltip: name + " — tooltip", diameter: 0.3, fill: Scenes.blue, isFocus: index == 0)
        }
        let edges = (1..<nodes.count).map { index in
            MapScene.Edge(source: index - 1, target: index, penWidth: 1,
                          tooltip: hostileNames[index - 1] + " ↔ " + hostileNames[index],
                          color: Scenes.edgeGrey, strength: 1)
        }
        return MapScene(title: hostileNames[1] + " " + hostileNames[2], subtitle: hostileNames[0],
                        nodes: nodes, edges: edges,
                        legend: hostileNames.map { MapScene.LegendEntry(label: $0, color: Scenes.red) },
                        focus: 0)
    }

    @Test(arguments: [MapEngine.neato, .sfdp])
    func namesComeOutOfSVGExactlyAsWritten(engine: MapEngine) throws {
        let scene = scene
        let bytes = try MapRenderer.render(scene, options: RenderOptions(engine: engine))
        let svg = try #require(SVGDocument(bytes), "the SVG must be well-formed XML")

        for node in scene.nodes {
            #expect(svg.texts.contains(node.label.shortened(toWidth: MapScene.longestDrawnName)), "label \(node.label)")
            #expect(svg.linkTitles.contains(node.tooltip), "tooltip \(node.tooltip)")
            #expect(svg.ids.contains(node.id), "id \(node.id)")
        }
        for edge in scene.edges {
            #expect(svg.linkTitles.contains(edge.tooltip), "edge tooltip \(edge.tooltip)")
        }
        #expect(svg.texts.contains(scene.title))
        #expect(svg.texts.contains(scene.subtitle))
        // (A legend entry is padded with no-break spaces; the nodes' names are cut to 40 columns,
        // so that these are the legend's own texts.)
        let texts = Set(svg.texts.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{00A0}")) })
        for entry in scene.legend {
            #expect(texts.contains(entry.label), "legend \(entry.label)")
        }
    }

    @Test func controlCharactersBecomeSpaces() throws {
        var scene = Scenes.trianglePlusPendant
        // Noncharacters, which no XML carries, as control characters (a user trial of session
        // 53: `Ann E\u{FFFE}F` made every map fail).
        scene.nodes[1].label = "Line\nbreak\tand\u{0}nul\u{FFFE}\u{FFFF}end"
        scene.nodes[1].tooltip = "Tip\r\nnext"
        scene.title = "Title\nwith break"
        let svg = try #require(SVGDocument(try MapRenderer.render(scene, options: RenderOptions())))
        #expect(svg.texts.contains("Line break and nul end"), "\(svg.texts)")
        #expect(svg.linkTitles.contains("Tip next"))
        #expect(svg.texts.contains("Title with break"))
    }

    /// A name of hundreds of letters is drawn cut to 40 columns with `…`, its tooltip whole: the
    /// map was 4,831 points wide (a user trial of session 61).
    @Test func aVeryLongNameIsDrawnShortened() throws {
        var scene = Scenes.trianglePlusPendant
        let long = "Wolfe" + String(repeating: "schlegelstein", count: 40)
        scene.nodes[1].label = long
        scene.nodes[1].tooltip = long
        let bytes = try MapRenderer.render(scene, options: RenderOptions())
        let svg = try #require(SVGDocument(bytes))
        let drawn = long.shortened(toWidth: 40)
        #expect(drawn.count == 40 && drawn.hasSuffix("…"))
        #expect(svg.texts.contains(drawn) && !svg.texts.contains(long), "\(svg.texts)")
        #expect(svg.linkTitles.contains(long))
        let text = String(decoding: bytes, as: UTF8.self)
        let width = try #require(text.firstMatch(of: /<svg width="(\d+)pt"/)).1
        #expect(Int(width)! < 1500, "the map is \(width) points wide")
    }

    @Test func escapingFunctionsLeaveOrdinaryTextAlone() {
        #expect(GraphvizText.label("Ada Lovelace") == "Ada Lovelace")
        #expect(GraphvizText.tooltip("李小龍") == "李小龍")
        #expect(GraphvizText.html("a<b>&\"c\"") == "a&lt;b&gt;&amp;&quot;c&quot;")
        #expect(GraphvizText.label("a\r\n\tb") == "a b")
    }
}
