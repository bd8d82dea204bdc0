import ArgumentParser
import CoauthorCore
import CoauthorRender

extension Weighting: ExpressibleByArgument {}
extension IdentityMode: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension BibTeXReader.TextEncoding: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}
extension MapColoring: ExpressibleByArgument {}
extension MapEngine: ExpressibleByArgument {}
extension MapFormat: ExpressibleByArgument {}

/// Output formats of `rank`.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
}

/// Output formats of `stats`.
enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Formats of `export` (SPEC §7).
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf, dot, json, csv, pajek, vosviewer
    case vosviewerJSON = "vosviewer-json"

    /// Whether `-o` names a folder that receives several files rather than one file.
    var writesFolder: Bool {
        switch self {
        case .csv, .vosviewer: true
        default: false
        }
    }
}
