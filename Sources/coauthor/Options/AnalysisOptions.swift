import ArgumentParser
import Foundation
import CoauthorCore
import CoauthorRender

/// Which of the shared options a command's help lists: those it always refuses are hidden
/// (`names --help` listed `--level`, `--exact`, `--communities` … each of which it refuses: a
/// hostile-input trial of session 57); they are still parsed, and refused with the reason.
protocol ShownOptions {
    /// The network's options: level, weighting, years, filters, focus and radius.
    static var network: ArgumentVisibility { get }
    /// `--approximate` and `--budget`.
    static var sampling: ArgumentVisibility { get }
    static var exact: ArgumentVisibility { get }
    /// `--communities`, `--quality`, `--resolution`, `--normalize`.
    static var communities: ArgumentVisibility { get }
    /// `--level`: as the network's other options, unless a command takes it alone (`names`).
    static var level: ArgumentVisibility { get }
    /// What the help says `--level` does.
    static var levelHelp: String { get }
}

extension ShownOptions {
    static var level: ArgumentVisibility { network }
    static var levelHelp: String {
        "What a node is: an author, an institution (ROR id, else its normalised name) or a country (ISO code), from the authors' affiliations."
    }
}

/// Every shared option listed (`report`, `render`, `export`).
enum EveryOption: ShownOptions {
    static let network = ArgumentVisibility.default, sampling = ArgumentVisibility.default
    static let exact = ArgumentVisibility.default, communities = ArgumentVisibility.default
}

/// Options shared by every analysis command, listed in its help as `Shown` says.
struct AnalysisOptions<Shown: ShownOptions>: ParsableArguments {
    @Argument(help: "Publication files or folders: BibTeX, RIS, CSL-JSON, DBLP XML, and the exports of Web of Science (plain text, tab-delimited), Scopus (CSV), PubMed (MEDLINE, .nbib), OpenAlex (JSON, JSON Lines, CSV), Lens, Dimensions and IEEE Xplore (CSV) and Crossref (JSON), plain or gzip-compressed, each recognised by its content; a folder means every such file in it. '-' reads standard input (with --input-format). Default: Data/.")
    var inputs: [String] = []

    @Option(help: ArgumentHelp(Shown.levelHelp, visibility: Shown.level))
    var level: NetworkLevel = .author

    @Option(help: ArgumentHelp("How ties are weighted: count (joint papers) or fractional (Newman 2001; at institution and country level each paper shares 1 among its pairs).", visibility: Shown.network))
    var weight: Weighting = .count

    @Option(name: .customLong("from"), parsing: .unconditional, help: ArgumentHelp("Keep publications from this year on (inclusive).", visibility: Shown.network))
    var fromYear: Int?

    @Option(name: .customLong("to"), parsing: .unconditional, help: ArgumentHelp("Keep publications up to this year (inclusive).", visibility: Shown.network))
    var toYear: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Publications with more authors than this add no ties; they are reported.", visibility: Shown.network))
    var maxAuthors: Int = OptionRules.defaultMaxAuthors

    @Option(parsing: .unconditional, help: ArgumentHelp("Drop ties whose weight is below this value.", visibility: Shown.network))
    var minWeight: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Drop authors with fewer publications than this.", visibility: Shown.network))
    var minPapers: Int?

    @Option(help: ArgumentHelp("The author at the centre of the analysis. Default: the author with the most papers.", visibility: Shown.network))
    var focus: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --focus, keep only authors within this many hops of the focus author.", visibility: Shown.network))
    var radius: Int?

    @Option(help: "How name variants are matched: exact or conservative.")
    var identity: IdentityMode = .conservative

    @Flag(help: "Fail (exit 65) if any record in the input cannot be used.")
    var strict = false

    @Option(help: ArgumentHelp("A YAML file of names to merge ('merge': canonical name → variants), pairs never to merge ('distinct') and institutions to join at institution level ('institutions': canonical name → spellings or ROR ids).", valueName: "FILE"))
    var aliases: String?

    @Option(help: "Read inputs in this format whatever their extension (required with '-').")
    var inputFormat: InputFormat?

    @Option(help: "How input bytes are decoded: utf8 (invalid bytes are an error naming their offset) or latin1.")
    var encoding: BibTeXReader.TextEncoding = .utf8

    @Flag(help: "Print only errors and results.")
    var quiet = false

    @Flag(help: "Never show progress on stderr.")
    var noProgress = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Estimate betweenness, closeness and harmonic by sampling, each value within ±EPSILON with probability 0.9 (for large graphs).", valueName: "EPSILON", visibility: Shown.sampling))
    var approximate: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds that exact betweenness, closeness and harmonic may take; above it they are estimated by sampling, at the error bound that fits, and the output says so.", valueName: "SECONDS", visibility: Shown.sampling))
    var budget: Double = OptionRules.defaultBudget

    @Flag(help: ArgumentHelp("Compute betweenness, closeness and harmonic exactly, however long it takes.", visibility: Shown.exact))
    var exact = false

    @Option(help: ArgumentHelp("How communities are found: leiden (Traag et al. 2019; every community connected) or louvain.", visibility: Shown.communities))
    var communities: CommunityMethod = .leiden

    @Option(help: ArgumentHelp("What Leiden optimises: modularity or cpm (the constant Potts model).", visibility: Shown.communities))
    var quality: CommunityQuality = .modularity

    @Option(parsing: .unconditional, help: ArgumentHelp("The resolution γ of modularity or CPM: higher finds more, smaller communities.", valueName: "γ", visibility: Shown.communities))
    var resolution: Double = 1

    @Option(help: ArgumentHelp("Normalise tie weights before finding communities: none, association (strength), fractional, cosine, jaccard or inclusion.", visibility: Shown.communities))
    var normalize: TieNormalization = .none

    /// The options of the path metrics (betweenness, closeness, harmonic) given other than their
    /// defaults (ArgumentParser does not tell an option given as its default from one left out;
    /// such an option changes nothing anywhere).
    var givenPathMetricOptions: [String] {
        [approximate != nil ? "--approximate" : nil, budget != OptionRules.defaultBudget ? "--budget" : nil, exact ? "--exact" : nil].compactMap { $0 }
    }

    /// The options of the network (its nodes, ties and filters) given other than their defaults.
    var givenNetworkOptions: [String] {
        [level != .author ? "--level" : nil, weight != .count ? "--weight" : nil, fromYear != nil ? "--from" : nil, toYear != nil ? "--to" : nil,
         maxAuthors != OptionRules.defaultMaxAuthors ? "--max-authors" : nil, minWeight != nil ? "--min-weight" : nil,
         minPapers != nil ? "--min-papers" : nil, focus != nil ? "--focus" : nil, radius != nil ? "--radius" : nil].compactMap { $0 }
    }

    /// The options of community detection given other than their defaults.
    var givenCommunityOptions: [String] {
        [communities != .leiden ? "--communities" : nil, quality != .modularity ? "--quality" : nil, resolution != 1 ? "--resolution" : nil,
         normalize != .none ? "--normalize" : nil].compactMap { $0 }
    }

    func validate() throws {
        if !(budget > 0) || !budget.isFinite { throw ValidationError("--budget takes a positive number of seconds, e.g. 60.") }
        if !(resolution >= 0) || !resolution.isFinite { throw ValidationError("--resolution takes a number of 0 or more, e.g. 1.") }
        if communities == .louvain && (quality != .modularity || resolution != 1) {
            throw ValidationError("Louvain optimises modularity at resolution 1 only; use --communities leiden for --quality cpm or another --resolution.")
        }
        if exact && approximate != nil { throw ValidationError("--exact and --approximate contradict each other; choose one.") }
        if radius != nil && focus == nil {
            throw ValidationError("--radius needs --focus NAME: the radius is counted from the focus author.")
        }
        if let radius, radius < 0 { throw ValidationError("--radius must be 0 or more.") }
        if let minWeight, !minWeight.isFinite { throw ValidationError("--min-weight takes a number, e.g. 2.") }
        // A bound below every value drops nothing (a user trial of session 54 saw `--min-weight -1`
        // accepted): a sign typed by mistake.
        if let minWeight, minWeight < 0 { throw ValidationError("--min-weight must be 0 or more: every tie weighs more than 0.") }
        if let minPapers, minPapers < 0 { throw ValidationError("--min-papers must be 0 or more.") }
        // A year of four digits at most, as the readers read them (`--from -5` ranked "within
        // years -5–…": a hostile-input trial of session 57).
        for (name, year) in [("--from", fromYear), ("--to", toYear)] {
            if let year, !(0...9999).contains(year) { throw ValidationError("\(name) must be a year from 0 to 9999.") }
        }
        if let fromYear, let toYear, fromYear > toYear {
            throw ValidationError("--from \(fromYear) is after --to \(toYear); swap them.")
        }
        if maxAuthors < 2 { throw ValidationError("--max-authors must be at least 2, or no paper could make a tie.") }
        if let approximate, !(approximate > 0 && approximate < 1) {
            throw ValidationError("--approximate takes an error bound between 0 and 1, e.g. 0.01.")
        }
        if inputs.count(where: { $0 == "-" }) > 1 {
            throw ValidationError("standard input ('-') can be read once; name it once.")
        }
        if inputs.contains("-") && inputFormat == nil {
            throw ValidationError("reading standard input ('-') needs --input-format, e.g. --input-format bibtex.")
        }
    }

    /// The analysis these options ask for; the alias file is read here.
    /// - Throws: `ExitCode.dataError` after reporting an alias file that cannot be used.
    func request() throws -> AnalysisRequest {
        var request = AnalysisRequest(inputs: inputs, format: inputFormat, network: networkOptions)
        request.encoding = encoding
        request.identity = identity
        request.strict = strict
        if let aliases {
            do {
                request.aliases = try AliasFile.read(aliases)
            } catch {
                Console.report(Diagnostic(.error, at: error.location, error.message))
                throw ExitCode.dataError
            }
        }
        return request
    }

    /// Sampling of the path-based metrics when `--approximate` asks for it.
    func sampling(seed: Int = 1) -> MetricRequest.Sampling? {
        approximate.map { MetricRequest.Sampling(epsilon: $0, seed: UInt64(max(0, seed))) }
    }

    /// How communities are found, from these options.
    var communityOptions: CommunityOptions {
        CommunityOptions(method: communities, quality: quality, resolution: resolution)
    }

    /// `request` with the community method and normalisation of these options, and their time
    /// budget (none with --exact or --approximate).
    func budgeted(_ request: MetricRequest, seed: Int = 1) -> MetricRequest {
        var request = request
        request.communities = communityOptions
        request.normalization = normalize
        if !exact && request.sampling == nil {
            request.budget = budget
            request.budgetSamplingSeed = UInt64(max(0, seed))
        }
        return request
    }

    /// Computes `request` (within the time budget) on the analysis, with progress on a terminal
    /// and the budget's decision and the sampling guarantee noted on stderr unless --quiet.
    func metrics(_ request: MetricRequest, of analysis: Analysis, seed: Int = 1) -> MetricTable {
        let display = ProgressDisplay.make(for: self)
        let table = analysis.metrics(budgeted(request, seed: seed), progress: display?.handler,
                                     decided: { noteBudget($0, display: display) })
        display?.finish()
        noteEstimates(table)
        return table
    }

    /// Says on stderr (unless --quiet), as soon as the time budget is decided and before the wait,
    /// that the exact path metrics would exceed it and what is done instead, with its predicted time.
    func noteBudget(_ plan: PathMetricBudget, display: ProgressDisplay?) {
        guard !quiet, plan.exactSeconds > plan.budget, let sampled = plan.sampledSeconds else { return }
        let threads = Parallelism.workers
        let names = plan.metrics.map(\.rawValue)
        let (pronoun, verb, object) = names.count > 1 ? ("they", "are", "them") : ("it", "is", "it")
        let exact = "exact \(OptionRules.listed(names)) would take about " + ProgressDisplay.duration(plan.exactSeconds)
            + " on \(threads) \(threads == 1 ? "thread" : "threads") (predicted from the network's size), over the budget of "
            + ProgressDisplay.duration(plan.budget)
        let message = plan.exactDespiteBudget
            ? exact + "; estimating \(object) would take longer still (about \(ProgressDisplay.duration(sampled))), "
                + "so \(pronoun) \(verb) computed exactly (--approximate EPSILON estimates \(object) at a bound of your choice)"
            : exact + "; \(pronoun) \(verb) estimated instead, in about \(ProgressDisplay.duration(sampled)) "
                + "(--exact computes \(object) exactly, --budget SECONDS raises the limit)"
        if let display { display.note(message) } else { Console.note(message) }
    }

    /// Says on stderr (unless --quiet) how sure the estimates are (`noteBudget` said why they were made).
    func noteEstimates(_ table: MetricTable) {
        guard !quiet else { return }
        for approximation in table.approximations { Console.note(approximation.statement) }
    }

    var networkOptions: NetworkOptions {
        // One option per line into its library value, as `MapOptions.style` does: alike in shape only,
        // deliberately.
        var options = NetworkOptions()
        options.level = level
        options.weighting = weight
        options.fromYear = fromYear
        options.toYear = toYear
        options.maxAuthors = maxAuthors
        options.minWeight = minWeight
        options.minPapers = minPapers
        options.focus = focus
        options.radius = radius
        return options
    }
}

extension AnalysisOptions {
    /// Refuses an output file that is one of the files the run reads (`coauthor rank pub.bib -o
    /// pub.bib` replaced the bibliography with the ranking), however it is named: a folder's file,
    /// the default `Data/`'s, a link. Files are compared by device and inode; an output that does
    /// not exist yet, or is a folder, replaces nothing read.
    func refuseOverwritingInputs(with output: String?) throws {
        guard let output, output != "-", let input = inputReplaced(by: [output]) else { return }
        throw ValidationError("-o \(output) is the input file \(input.input): writing there would replace the publications; choose another output file.")
    }

    /// Refuses an `-o` that cannot be written, before any input is read: an empty path, a file
    /// where a folder of files goes (`report -o notes.txt`) or a folder where a file goes, a
    /// folder under a file, one that cannot be written in (these were found after all the work:
    /// 105 s on a field's bibliography, a user trial of session 53).
    func refuseUnwritable(_ output: String?, folder: Bool) throws {
        guard let output, output != "-" else { return }
        guard !output.isEmpty else { throw ValidationError("-o needs a path: name a \(folder ? "folder" : "file"), or leave -o out.") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) {
            if folder && !isFolder.boolValue {
                throw ValidationError("-o \(output) is a file, and this writes several files into a folder: name a folder.")
            }
            if !folder && isFolder.boolValue { throw ValidationError("-o \(output) is a folder: name a file (in it, \(output)/…).") }
        }
        // The nearest part of the path that exists must be a folder this run can write in (the
        // folders after it are made).
        // (Its parents by hand: Foundation's `deletingLastPathComponent` stops the run on a path of
        // one character, `-o c`.)
        func parent(_ path: String) -> String {
            var path = Substring(path)
            while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return slash == path.startIndex ? "/" : String(path[..<slash])
        }
        if !folder && output.hasSuffix("/") { throw ValidationError("-o \(output) names a folder: name a file (in it, \(output)…).") }
        var place = folder ? output : parent(output)
        while !FileManager.default.fileExists(atPath: place, isDirectory: &isFolder) {
            let up = parent(place)
            // (A working folder that no longer exists: nothing to find above it.)
            guard up != place else { return }
            place = up
        }
        if !isFolder.boolValue { throw ValidationError("-o \(output): \(place) is a file, not a folder; choose another path.") }
        // No usage error: the path is a place to write, which this run may not (exit 1, as a
        // full disk; a hostile-input trial of session 57 got 64, "usage error").
        if access(place, W_OK) != 0 {
            Console.error("-o \(output): cannot write in \(place) (\(String(cString: strerror(errno)))); choose another path")
            throw ExitCode.failure
        }
    }

    /// Refuses files a command writes beside or inside its `-o` (a report's or a CSV export's
    /// folder, a Pajek partition, a map's frames) that are files the run read: checked when the
    /// files are known, before any is written (`coauthor report data -o data` replaced a Scopus
    /// export named `edges.csv`: a user trial of session 53).
    func refuseOverwritingInputs(withFiles files: [OutputFile]) throws {
        guard let found = inputReplaced(by: files.compactMap(\.path)) else { return }
        throw ValidationError("writing \(found.output) would replace the input file \(found.input); nothing was written: choose another output.")
    }

    /// The first of `outputs` that is a file the run reads (by device and inode: however named,
    /// a link too), with that input; nil when none is (an output that does not exist yet, or is a
    /// folder, replaces nothing read).
    private func inputReplaced(by outputs: [String]) -> (output: String, input: String)? {
        var targets: [(output: String, device: UInt64, inode: UInt64)] = []
        for output in outputs where output != "-" {
            var target = stat()
            guard stat(output, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG else { continue }
            targets.append((output, UInt64(target.st_dev), UInt64(target.st_ino)))
        }
        guard !targets.isEmpty else { return nil }
        let paths = inputs.isEmpty ? ["Data"] : inputs
        for input in InputReader.filesRead(paths, format: inputFormat) {
            var status = stat()
            guard stat(input, &status) == 0 else { continue }
            if let target = targets.first(where: { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) }) {
                return (target.output, input)
            }
        }
        return nil
    }
}

/// Options of commands that draw a map.
struct MapOptions: ParsableArguments {
    @Option(help: "Layout engine: auto picks twopi for an ego network of up to 12 co-authors, neato for small graphs (and larger ego networks), sfdp beyond.")
    var engine: MapEngine = .auto

    @Option(help: "Node area is proportional to this metric.")
    var sizeBy: Metric = .pagerank

    @Option(help: "What node colour shows.")
    var colorBy: MapColoring = .community

    @Option(parsing: .unconditional, help: "Label this many of the most central authors (the focus author is always labelled, and unless this is 0, the authors the legend names its groups after).")
    var labels: Int = 30

    @Option(parsing: .unconditional, help: "Above this many authors, draw only the strongest part of the network.")
    var maxNodes: Int = 2000

    @Option(parsing: .unconditional, help: "Seed for the layout and for community detection (same seed, same picture).")
    var seed: Int = 1

    func validate() throws {
        if labels < 0 { throw ValidationError("--labels must be 0 (none but the focus author) or more.") }
        if maxNodes < 1 { throw ValidationError("--max-nodes must be 1 or more.") }
        try OptionRules.refuseSeed(seed)
    }

    /// The visual choices of these options.
    var style: MapStyle {
        var style = MapStyle()
        style.sizeBy = sizeBy
        style.coloring = colorBy
        style.labels = labels
        style.maxNodes = maxNodes
        return style
    }

    /// How Graphviz lays out and writes the map.
    func renderOptions(format: MapFormat = .svg, dpi: Double = 150) -> RenderOptions {
        RenderOptions(engine: engine, format: format, seed: seed, dpi: dpi)
    }

    /// What the map needs computed (and `extra`).
    func metricRequest(extra: Set<Metric> = [], sampling: MetricRequest.Sampling?) -> MetricRequest {
        Analysis.metricRequest(for: style, seed: seed, extra: extra, sampling: sampling)
    }
}

/// A command that analyses publications: every subcommand. Tests that run many inputs through
/// one command line parse it once and swap the inputs.
protocol AnalysisCommand: ParsableCommand {
    associatedtype Shown: ShownOptions
    var analysis: AnalysisOptions<Shown> { get set }
}

extension AnalysisCommand {
    /// The inputs, which tests that run many through one command line swap.
    var inputs: [String] {
        get { analysis.inputs }
        set { analysis.inputs = newValue }
    }
}

/// The defaults and checks of the shared options that do not depend on which are shown.
enum OptionRules {
    static let defaultBudget = 60.0
    static let defaultMaxAuthors = 50

    /// `a`, `a and b`, `a, b and c`: words listed in a sentence.
    static func listed(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Refuses the options `given` (`givenPathMetricOptions`, `givenCommunityOptions`), which
    /// `command` computes nothing with, for the reason `reason`: accepted, they would change
    /// nothing and say nothing (a user trial of session 51: `names --exact`).
    static func refuse(_ given: [String], by command: String, because reason: String) throws {
        guard !given.isEmpty else { return }
        throw ValidationError("\(listed(given)) \(given.count == 1 ? "changes" : "change") nothing in '\(command)', which \(reason); leave \(given.count == 1 ? "it" : "them") out.")
    }

    /// Refuses a seed outside 0…Int32.max, before any input is read: Graphviz takes a layout seed
    /// in that range (`export --seed -1` stopped the run at the layout), and a negative seed was
    /// seed 0 for communities and sampling (a review of session 53).
    static func refuseSeed(_ seed: Int) throws {
        if !(0...Int(Int32.max)).contains(seed) { throw ValidationError("--seed must be a whole number from 0 to \(Int32.max).") }
    }
}
