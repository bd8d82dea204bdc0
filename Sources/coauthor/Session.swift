import ArgumentParser
import CoauthorCore
import CoauthorRender
import Foundation

/// What every command does around its one call to the library: load the analysis while
/// showing what it reports, turn library errors into messages and exit codes, and write
/// the files made.
enum Session {
    /// Reads, resolves and builds the network the options ask for.
    /// - Parameter listingPapers: the output lists papers by key and title (the report): the
    ///   corpus keeps them. Otherwise a reader that can leaves them out
    ///   (`AnalysisRequest.keepsPublicationText`).
    /// - Parameter keepingAlive: keep the analysis to the exit (freeing it would only cost time);
    ///   false for a caller that frees parts of it on the way.
    /// - Parameter readingTieYears: the output reads the ties' years (time lines, recency, maps,
    ///   exports); false when it reads none (`NetworkOptions.keepsTieYears`).
    /// - Throws: `ExitCode` after reporting what went wrong.
    static func analysis<Shown>(_ options: AnalysisOptions<Shown>, listingPapers: Bool = false, keepingAlive: Bool = true,
                         readingTieYears: Bool = true) throws -> Analysis {
        try load(options, listingPapers: listingPapers, keepingAlive: keepingAlive) { (request, events, input) throws(AnalysisError) in
            var request = request
            request.network.keepsTieYears = readingTieYears
            return try Analysis(request, events: events, standardInput: input)
        }
    }

    /// Reads and resolves the inputs without building the network (`names`).
    static func resolved<Shown>(_ options: AnalysisOptions<Shown>) throws -> ResolvedCorpus {
        try load(options, listingPapers: false, keepingAlive: true) { (request, events, input) throws(AnalysisError) in
            try ResolvedCorpus(request, events: events, standardInput: input)
        }
    }

    /// Makes `make`'s value from the options' request, reporting events as they come; the value
    /// is kept alive to the exit when `keepingAlive` says so.
    private static func load<Value, Shown>(
        _ options: AnalysisOptions<Shown>, listingPapers: Bool, keepingAlive: Bool,
        _ make: (AnalysisRequest, @escaping AnalysisEvents, (() -> [UInt8])?) throws(AnalysisError) -> Value
    ) throws -> Value {
        var request = try options.request()
        request.keepsPublicationText = listingPapers
        do {
            let value = try make(request, printer(options), Console.capturedInput)
            if keepingAlive { Lifetime.keep(value) }
            return value
        } catch {
            throw fail(error)
        }
    }

    /// Prints what the library reports: errors always, warnings and notes unless --quiet,
    /// phase times when `COAUTHOR_TIMING=1`.
    private static func printer<Shown>(_ options: AnalysisOptions<Shown>) -> AnalysisEvents {
        { event in
            switch event {
            case .diagnostic(let diagnostic):
                if diagnostic.severity == .error || !options.quiet { Console.report(diagnostic) }
            case .read(let summary):
                if !options.quiet { Console.err(summary + "\n") }
            case .phase(let name, let seconds):
                if Stopwatch.phasesWanted { Console.err("timing: \(name) \(Stopwatch.seconds(seconds)) s\n") }
            case .largePublicationsSkipped(let count, let maxAuthors):
                if !options.quiet { Console.note("\(count) \(count == 1 ? "publication" : "publications") with more than \(maxAuthors) authors \(count == 1 ? "adds" : "add") no ties (--max-authors)") }
            case .yearlessLeftOut(let count):
                if !options.quiet {
                    Console.note("\(count) \(count == 1 ? "publication has" : "publications have") no year, so --from/--to leave\(count == 1 ? "s it" : " them") out")
                }
            case .truncatedAuthorLists(let count):
                if !options.quiet {
                    let lists = count == 1 ? "publication ends its author list" : "publications end their author lists"
                    Console.note("\(count) \(lists) with 'and others' or 'et al.': the authors not listed are unknown, so \(count == 1 ? "it counts" : "they count") as multi-author papers with one more author than listed (team sizes, solo papers, collaboration indicators); ties are among the listed authors")
                }
            case .withoutUnits(let count, let withoutAffiliations, let level):
                if !options.quiet {
                    let papers = count == 1 ? "publication names" : "publications name"
                    Console.note("\(count) \(papers) no \(level.unitName) in the affiliations (of which \(withoutAffiliations) with no affiliation at all); they are in no node of the \(level.unitName) network")
                }
            case .unplacedAffiliations(let count, let example, let location, let level):
                if !options.quiet {
                    // (Said plainly: "naming no country coauthor knows (those naming none at all
                    // among them)" read as a puzzle to a user trial of session 57, whose OpenAlex
                    // work gave its institution no country code.)
                    let papers = count == 1 ? "publication has an affiliation" : "publications have affiliations"
                    let why = level == .country ? "no country code it knows is given, and its text ends with no country's name it knows"
                        : "its text names no institution"
                    Console.note("\(count) \(papers) in which coauthor finds no \(level.unitName) (\(why)), first '\(example)' at \(location); "
                                 + "such an affiliation is in no node, while its paper's other affiliations still count")
                }
            }
        }
    }

    /// Reports `error` and returns the exit code to end with.
    static func fail(_ error: AnalysisError) -> ExitCode {
        switch error {
        case .input(let input):
            Console.error(message(input), path: input.path)
        case .strict(let errors):
            Console.error("\(errors) input error\(errors == 1 ? "" : "s") (or records read only in part) in strict mode; fix them, or drop --strict (bad records are then skipped and the others read, those cut short as far as they go)")
        case .noPublications(let paths):
            Console.error("no publications with authors were read from \(paths.joined(separator: ", ")); check the input files")
        case .network(.unknownFocus(let name, let suggestions)):
            let hint = suggestions.isEmpty ? "run `coauthor rank --top 0` to list the authors"
                : NetworkError.didYouMean(suggestions)
            Console.error("no author named '\(name)' in the network; \(hint)")
        case .network(.focusLeftOut(let name, let filters)):
            Console.error(NetworkError.focusLeftOut(name, filters: filters).description)
        case .network(.unknownFocusUnit(let name, let level, let suggestions)):
            let hint = suggestions.isEmpty ? "run `coauthor rank --level \(level.rawValue) --top 0` to list them"
                : NetworkError.didYouMean(suggestions)
            Console.error("no \(level.unitName) named '\(name)' in the network; \(hint)")
        case .noUnits(let level):
            Console.error("no publication names a\(level == .institution ? "n" : "") \(level.unitName) in its affiliations; --level \(level.rawValue) needs database exports with affiliations (Web of Science, Scopus, OpenAlex, …)")
        case .noAuthorsLeft:
            Console.error("no authors are left after the filters; loosen --from/--to or --min-papers")
        case .noUnitsLeft(let level):
            Console.error("no \(level.plural) are left after the filters (the papers that name some are of other years, or have too few papers); loosen --from/--to or --min-papers")
        }
        // A mistyped command is a usage error, as the README's exit codes say (a user trial of
        // session 56 found `coauthor stat x.bib` ending with 65, the status of bad data).
        if case .input(.notFound(let path)) = error, nearestCommand(to: path) != nil { return .usage }
        return error.isDataError ? .dataError : .usage
    }

    private static let formats = InputFormat.allCases.map(\.rawValue).joined(separator: "|")

    static let commandNames = Coauthor.configuration.subcommands.map { $0._commandName }

    /// Says so where a metric that only database exports give (cited-by counts, countries) has
    /// no value for anyone: `rank --by citations` of a BibTeX file ranked everyone first with
    /// `–`, and `render --size-by citations` drew every node alike, without a word (a
    /// hostile-input trial of session 57).
    static func noteWithoutData(_ metric: Metric, in metrics: MetricTable, doing what: String) {
        guard let values = metrics[metric], !values.isEmpty, values.allSatisfy(\.isNaN) else { return }
        let source = switch metric {
        case .citations, .hIndex: "no paper read carries a cited-by count (database exports do; BibTeX, RIS, CSL-JSON and DBLP do not)"
        case .internationalShare: "no paper read names a country among its affiliations"
        default: "no author has a value of \(metric.rawValue)"
        }
        Console.note("\(source), so \(what) by \(metric.rawValue) tells no one apart")
    }

    /// The command `word` (no path: no `/` or `.`) is likely a misspelling of: one edit or
    /// transposition away, or a prefix of one command alone; nil for none.
    static func nearestCommand(to word: String) -> String? {
        guard !word.contains("/"), !word.contains(".") else { return nil }
        return nearest(to: word, among: commandNames)
    }

    /// The one of `names` that `word` is likely a misspelling of (as `nearestCommand`): a
    /// command, a metric (`--by betweennes`).
    static func nearest(to word: String, among names: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        let close = names.filter { EditDistance.distance(typed, Array($0), limit: typed.count > 3 ? 2 : 1) != nil }
        if close.count == 1 { return close[0] }
        let prefixed = names.filter { typed.count >= 2 && $0.hasPrefix(String(typed)) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    private static func message(_ error: InputError) -> String {
        switch error {
        case .unsupportedFormat:
            "unknown file type: neither its content nor its extension names a supported format; name it with --input-format \(formats)"
        case .standardInputNeedsFormat:
            "reading standard input ('-') needs --input-format \(formats)"
        case .notFound(let path):
            // A mistyped command is read as an input of the default `report` (`coauthor stat x.bib`:
            // a user trial of session 53).
            if let command = nearestCommand(to: path) {
                "no such file or folder, nor a command: did you mean 'coauthor \(command)'? (the commands are \(commandNames.joined(separator: ", ")))"
            } else {
                error.description
            }
        default:
            error.description
        }
    }

    /// Reports a map that Graphviz could not make and returns the exit code to end with.
    static func fail(_ error: RenderError, doing what: String) -> ExitCode {
        Console.error("cannot \(what): \(error)")
        return .failure
    }

    /// Writes every file; a nil path is standard output.
    /// - Throws: `ExitCode.failure` after reporting a file that cannot be written.
    /// Writes `files` as one (`AtomicFile.write(files:)`: a failure or an interruption leaves
    /// every earlier file as it was), then what goes to standard output.
    static func write(_ files: [OutputFile]) throws {
        guard Cluster.isRoot else { return }
        // `-o -` is standard output, as `-` is standard input (it wrote a file named `-`: a user
        // trial of session 53).
        let files = files.map { $0.path == "-" ? OutputFile(path: nil, bytes: $0.bytes) : $0 }
        do {
            try AtomicFile.write(files: files.compactMap { file in file.path.map { ($0, file.bytes) } })
        } catch {
            Console.error(error.description, path: error.path)
            throw ExitCode.failure
        }
        for file in files where file.path == nil { Console.outBytes(file.bytes) }
    }

    /// Writes `bytes` to `path` atomically, or to standard output when `path` is nil; in an MPI
    /// job, rank 0 alone writes.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard Cluster.isRoot else { return }
        guard let path, path != "-" else { return Console.outBytes(bytes) }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Console.error(error.description, path: error.path)
            throw ExitCode.failure
        }
    }

    static func write(_ text: String, to path: String?) throws {
        try write(Array(text.utf8), to: path)
    }
}
