import ArgumentParser
import CoauthorCore

/// `coauthor names`: which name variants were merged into whom, and which look alike but were kept apart.
struct Names: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report author identity: every merge of name variants with its evidence, and every near-miss kept apart with the reason.")

    // Each command declares its own options (format, output, seed …), as ArgumentParser wants:
    // the declarations are alike in shape from command to command, deliberately.
    /// The shared options listed in the help: those of reading and identity alone (it builds no network).
    enum Shown: ShownOptions {
        static let network = ArgumentVisibility.hidden, sampling = ArgumentVisibility.hidden
        static let exact = ArgumentVisibility.hidden, communities = ArgumentVisibility.hidden
    }

    @OptionGroup var analysis: AnalysisOptions<Names.Shown>

    @Option(name: .customLong("format"), help: "Output format (default: the one -o's extension names, .json; else text).")
    var givenFormat: NamesFormat?

    /// `--format`, else the one `-o`'s extension names, else text (checked by `validate`).
    var format: NamesFormat { (try? OutputExtension.choose(givenFormat, output: output, plain: .text, command: "names")) ?? .text }

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        _ = try OutputExtension.choose(givenFormat, output: output, plain: NamesFormat.text, command: "names")
        try analysis.refuseOverwritingInputs(with: output)
        try analysis.refuseUnwritable(output, folder: false)
        try OptionRules.refuse(analysis.givenNetworkOptions + analysis.givenPathMetricOptions + analysis.givenCommunityOptions, by: "names",
                                   because: "lists how every name read was resolved: it builds no network and computes no metric")
    }

    func run() throws {
        let report = IdentityReport(try Session.resolved(analysis))
        try Session.write(format == .json ? report.json() : report.text(), to: output)
    }
}

/// Output formats of `names`.
enum NamesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
