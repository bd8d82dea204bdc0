import ArgumentParser
import CoauthorCore

/// `coauthor names`: which name variants were merged into whom, and which look alike but were kept apart.
struct Names: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report author identity: every merge of name variants with its evidence, and every near-miss kept apart with the reason (SPEC §3).")

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format.")
    var format: NamesFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let (corpus, _) = try PhaseTimes.measure("read") { try Pipeline.readInputs(analysis) }
        let index = try PhaseTimes.measure("resolve") { try Pipeline.resolveAuthors(corpus, analysis) }
        let variants = index.variantCount
        let text: String
        switch format {
        case .json:
            let merges = index.merges.map { merge in
                JSONValue.object([("variant", .string(merge.variant)), ("into", .string(merge.into)), ("reason", .string(merge.reason))])
            }
            let nearMisses = index.nearMisses.map { miss in
                JSONValue.object([("variant", .string(miss.variant)), ("candidates", .array(miss.candidates.map { .string($0) })),
                                  ("reason", .string(miss.reason))])
            }
            text = JSONValue.object([
                ("identity", .string(analysis.identity.rawValue)),
                ("name_variants", .integer(variants)),
                ("people", .integer(index.names.count)),
                ("names", .array(index.names.map { .string($0) })),
                ("merges", .array(merges)),
                ("kept_apart", .array(nearMisses)),
            ]).text() + "\n"
        case .text:
            var lines: [String] = []
            lines.append("\(variants) name variants, \(index.names.count) people (identity: \(analysis.identity.rawValue))")
            lines.append("")
            lines.append("Merged (\(index.merges.count)):")
            for merge in index.merges.sorted(by: { ($0.into, $0.variant) < ($1.into, $1.variant) }) {
                lines.append("  \(merge.variant) → \(merge.into)  [\(merge.reason)]")
            }
            lines.append("")
            lines.append("Kept apart (\(index.nearMisses.count)):")
            for miss in index.nearMisses.sorted(by: { $0.variant < $1.variant }) {
                lines.append("  \(miss.variant) ≠ \(miss.candidates.joined(separator: ", "))  [\(miss.reason)]")
            }
            text = lines.joined(separator: "\n") + "\n"
        }
        try Pipeline.emit(Array(text.utf8), to: output)
        // Kept alive to the exit, which then frees nothing (see `Pipeline.finish`).
        withExtendedLifetime((corpus, index)) { Pipeline.finish() }
    }
}

/// Output formats of `names`.
enum NamesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
