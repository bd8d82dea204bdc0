import ArgumentParser
import CoauthorCore
import CoauthorRender

extension Weighting: ExpressibleByArgument {}
extension NetworkLevel: ExpressibleByArgument {}
extension IdentityMode: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension BibTeXReader.TextEncoding: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}
extension MapColoring: ExpressibleByArgument {}
extension MapEngine: ExpressibleByArgument {}
extension MapFormat: ExpressibleByArgument {}

extension TableFormat: ExpressibleByArgument {}
extension CommunityMethod: ExpressibleByArgument {}
extension CommunityQuality: ExpressibleByArgument {}
extension TieNormalization: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// Output formats of `stats`.
enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// The output format that an `-o` file's extension names, for the commands that write one file
/// of text (`rank`, `stats`, `timeline`, `names`): `rank -o top.json` wrote a text table into
/// `top.json` (a hostile-input trial of session 57), where `export` and `render` read the
/// extension.
enum OutputExtension {
    /// What each extension names (`.txt`: plain text, whichever the command calls it). Pictures,
    /// pages and network files are named too, though no text command writes them: `timeline -o
    /// growth.png` wrote a text table into a file called a picture (a user trial of session 62).
    private static let formats = ["csv": "csv", "json": "json", "md": "markdown", "markdown": "markdown", "svg": "svg", "txt": "plain", "text": "plain",
                                  "png": "png", "pdf": "pdf", "jpg": "jpeg", "jpeg": "jpeg", "html": "html", "htm": "html", "graphml": "graphml",
                                  "gexf": "gexf", "gml": "gml", "net": "pajek", "dot": "dot", "gv": "dot"]

    /// What people call each format in a message.
    private static let spoken = ["csv": "CSV", "json": "JSON", "markdown": "Markdown", "svg": "SVG", "png": "PNG", "pdf": "PDF", "jpeg": "JPEG",
                                 "html": "HTML", "graphml": "GraphML", "gexf": "GEXF", "gml": "GML", "pajek": "Pajek", "dot": "DOT"]

    /// `an SVG file`, `an HTML file`, `a PNG file`: as the names are spoken.
    private static func article(_ format: String) -> String { ["svg", "html"].contains(format) ? "an" : "a" }

    /// The format `output`'s extension names ("plain" for `.txt`), nil for none or another.
    static func named(by output: String?) -> String? {
        guard let output, output != "-", let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return nil }
        return formats[output[output.index(after: dot)...].lowercased()]
    }

    /// The format to write: `given`, else the one `output`'s extension names, else `plain` (a
    /// `.txt` file, or one the extension says nothing of, is plain text).
    /// - Throws: `ValidationError` for an extension that names a format the command does not
    ///   write, or another format than `given` (`.txt` goes with any).
    static func choose<Format: RawRepresentable<String> & CaseIterable>(_ given: Format?, output: String?, plain: Format,
                                                                          command: String) throws -> Format {
        guard let named = named(by: output), named != "plain" else { return given ?? plain }
        let all = Format.allCases.map(\.rawValue)
        // A format the command does not write is refused whatever --format says (`timeline
        // --format csv -o t.png` wrote CSV into a file called a picture).
        guard let format = Format(rawValue: named) else {
            // (In a fixed order: a dictionary's changes from run to run, a review of session 57.)
            let endings = all.compactMap { raw in ["csv", "json", "md", "svg"].first { formats[$0] == raw }.map { "." + $0 } }
            // (Pointed to where the other command writes that format: `render` draws no JPEG, `export` writes no GML.)
            let elsewhere = ["png", "pdf", "html"].contains(named) ? "; 'coauthor render' draws maps"
                : ["graphml", "gexf", "pajek", "dot"].contains(named) ? "; 'coauthor export' writes network files" : ""
            throw ValidationError("-o \(output!) names \(article(named)) \(spoken[named] ?? named) file, which '\(command)' does not write (--format \(all.joined(separator: ", "))\(elsewhere)): "
                                  + "name it \((endings + [".txt"]).joined(separator: " or ")).")
        }
        if let given, given != format {
            throw ValidationError("-o \(output!) names \(article(named)) \(spoken[named] ?? named) file, but --format is \(given.rawValue): leave one out, or make them agree.")
        }
        return format
    }
}
