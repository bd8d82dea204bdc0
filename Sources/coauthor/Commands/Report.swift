import ArgumentParser
import CoauthorCore
import CoauthorRender
import Foundation

struct Report: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: a map, an HTML report, GraphML and GEXF files and collaborator rankings (the default command).",
        discussion: """
            Writes network.svg, network.graphml, collaborators.md, timeline.csv, timeline.svg, network.gexf, nodes.csv, \
            edges.csv and report.html (a page to explore the network in a browser, offline) into the output folder and prints \
            the focus author's collaborators ranked by joint papers and the most central authors by PageRank \
            (--no-exports leaves out the GraphML, GEXF and CSV files). \
            Nothing is written unless every output could be made.
            """
    )

    @OptionGroup var analysis: AnalysisOptions<EveryOption>
    @OptionGroup var map: MapOptions

    @Option(name: [.short, .customLong("output")], help: "The folder the output files go to.")
    var output = "Output"

    @Option(parsing: .unconditional, help: "How many collaborators and central authors to print.")
    var top = 15

    @Flag(help: "Leave out network.graphml, network.gexf, nodes.csv and edges.csv (most of the output on a large network; `export` writes them on their own).")
    var noExports = false

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 (all) or more.") }
        if output == "-" { throw ValidationError("the report writes several files; name their folder with -o FOLDER (standard output takes one).") }
        try analysis.refuseUnwritable(output, folder: true)
    }

    func run() throws {
        let loaded = try Session.analysis(analysis, listingPapers: true)
        // The author with the most papers may have written them alone (an export of a book's
        // chapters: a user trial of session 59 got an empty table of collaborators, unexplained).
        if analysis.focus == nil, !analysis.quiet, let focus = loaded.network.focus,
           loaded.network.graph.degree(focus) == 0, loaded.network.graph.edgeCount > 0 {
            let unit = loaded.level.unitName
            Console.note("\(loaded.network.names[focus]), the \(unit) with the most papers and the report's focus, has no "
                         + (loaded.level == .author ? "co-authors" : "partners")
                         + ", so the report's table of closest collaborators is empty; --focus NAME picks another "
                         + "(`coauthor rank --by degree` lists the best connected)")
        }
        let display = ProgressDisplay.make(for: analysis)
        let report: MainReport
        do {
            report = try MainReport(loaded, style: map.style, options: map.renderOptions(), folder: output, top: top,
                                    request: analysis.budgeted(MetricRequest([], sampling: analysis.sampling(seed: map.seed)),
                                                               seed: map.seed),
                                    exports: !noExports, progress: display?.handler,
                                    decided: { analysis.noteBudget($0, display: display) })
        } catch let error as RenderError {
            display?.finish()
            throw Session.fail(error, doing: "draw the map")
        }
        display?.finish()
        analysis.noteEstimates(report.metrics)
        // Every output is made before any is written, so a failure leaves Output/ as it was.
        try analysis.refuseOverwritingInputs(withFiles: report.files)
        try Session.write(report.files)
        let written = report.files.compactMap(\.path).map { URL(fileURLWithPath: $0).relativePathForDisplay }
        Console.out(report.summary + "wrote " + written.joined(separator: ", ") + "\n")
    }
}

extension URL {
    /// The path relative to the working folder when it lies inside it.
    var relativePathForDisplay: String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
