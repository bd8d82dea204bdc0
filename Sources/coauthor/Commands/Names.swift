import ArgumentParser
import CoauthorCore

/// `coauthor names`: which name variants were merged into whom, and which look alike but were kept apart.
struct Names: AnalysisCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report author identity: every merge of name variants with its evidence, and every near-miss kept apart with the reason.",
        discussion: "With --level institution: every institution read in the affiliations, with the spellings it was read under.")

    // Each command declares its own options (format, output, seed …), as ArgumentParser wants:
    // the declarations are alike in shape from command to command, deliberately.
    /// The shared options listed in the help: those of reading and identity, and `--level`
    /// (it builds no network of authors).
    enum Shown: ShownOptions {
        static let network = ArgumentVisibility.hidden, sampling = ArgumentVisibility.hidden
        static let exact = ArgumentVisibility.hidden, communities = ArgumentVisibility.hidden
        static let level = ArgumentVisibility.default
        static let levelHelp = "What the names are of: authors (merges, and names kept apart) or institutions (the spellings each was read under). Countries are found by name or code, not joined from spellings: names --level country is refused (rank --level country lists them)."
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
        // `--level institution` lists the institutions' spellings; countries are found by name or
        // code, never joined from spellings (a user trial of session 61 found `--level` refused).
        if analysis.level == .country {
            throw ValidationError("names lists the spellings read as one author or, with --level institution, one institution; a country is found by its name or code, not joined from spellings: rank --level country lists the countries.")
        }
        try OptionRules.refuse(analysis.givenNetworkOptions.filter { $0 != "--level" } + analysis.givenPathMetricOptions + analysis.givenCommunityOptions,
                               by: "names", because: "lists how every name read was resolved: it builds no network and computes no metric")
    }

    func run() throws {
        if analysis.level == .institution {
            // The units are found as a network of institutions finds them (its notes on papers
            // without an institution, an alias file's `institutions` and their warnings).
            let units = try Session.analysis(analysis, readingTieYears: false).units!
            let report = InstitutionNamesReport(units)
            try Session.write(format == .json ? report.json() : report.text(), to: output)
            return
        }
        let report = IdentityReport(try Session.resolved(analysis))
        try Session.write(format == .json ? report.json() : report.text(), to: output)
    }
}

/// Output formats of `names`.
enum NamesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
