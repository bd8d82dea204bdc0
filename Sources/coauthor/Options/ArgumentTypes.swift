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

