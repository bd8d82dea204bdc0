import ArgumentParser
import CoauthorCore
import Foundation

/// The steps every analysis command shares: read, resolve, build.
struct Loaded {
    var corpus: Corpus
    var authors: AuthorIndex
    var network: CoauthorNetwork
    /// Names the input in titles: the file name, or the folder's.
    var label: String
}

enum Pipeline {
    /// Reads the inputs, prints diagnostics, resolves authors and builds the network.
    /// - Throws: `ExitCode` after printing what went wrong.
    static func load(_ options: AnalysisOptions) throws -> Loaded {
        let (corpus, paths) = try PhaseTimes.measure("read") { try readInputs(options) }
        let authors = try PhaseTimes.measure("resolve") { try resolveAuthors(corpus, options) }
        let built = PhaseTimes.measure("build") {
            Result { () throws(NetworkError) in
                try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options.networkOptions)
            }
        }
        let network: CoauthorNetwork
        do {
            network = try built.get()
        } catch {
            Console.error(error.description)
            throw ExitCode(64)
        }
        if network.nodeCount == 0 {
            Console.error("no authors are left after the filters; loosen --from/--to, --min-papers or --min-weight")
            throw ExitCode.dataError
        }
        if network.skippedLargePublications > 0 && !options.quiet {
            Console.err("note: \(network.skippedLargePublications) publications with more than \(options.maxAuthors) authors add no ties (--max-authors)\n")
        }
        let label = paths.count == 1 ? URL(fileURLWithPath: paths[0]).lastPathComponent : "\(paths.count) inputs"
        return Loaded(corpus: corpus, authors: authors, network: network, label: label)
    }

    /// Reads the inputs and prints their diagnostics and the closing summary line (SPEC §2).
    /// - Throws: `ExitCode.dataError` when nothing usable was read, or in strict mode after any input error.
    static func readInputs(_ options: AnalysisOptions) throws -> (Corpus, [String]) {
        let paths = options.inputs.isEmpty ? ["Data"] : options.inputs
        var corpus: Corpus
        do {
            corpus = try read(paths, format: options.inputFormat, encoding: options.encoding)
        } catch {
            Console.error(error.description, path: error.path)
            throw ExitCode.dataError
        }
        let errors = corpus.diagnostics.filter { $0.severity == .error }.count
        for diagnostic in corpus.diagnostics where diagnostic.severity == .error || !options.quiet {
            Console.report(diagnostic)
        }
        if options.strict && errors > 0 {
            Console.error("\(errors) input error\(errors == 1 ? "" : "s") in strict mode; fix them, or drop --strict to skip the bad records")
            throw ExitCode.dataError
        }
        if corpus.publications.isEmpty {
            Console.error("no publications with authors were read from \(paths.joined(separator: ", ")); check the input files")
            throw ExitCode.dataError
        }
        if !options.quiet { Console.err(corpus.summaryLine + "\n") }
        return (corpus, paths)
    }

    /// Resolves the corpus's author names to people (SPEC §3).
    /// - Throws: `ExitCode.dataError` when the alias file cannot be used.
    static func resolveAuthors(_ corpus: Corpus, _ options: AnalysisOptions) throws -> AuthorIndex {
        var aliases = AliasRules()
        if let path = options.aliases {
            do {
                aliases = try AliasFile.read(path)
            } catch {
                Console.report(Diagnostic(.error, at: error.location, error.message))
                throw ExitCode.dataError
            }
        }
        let index = AuthorResolver.resolve(corpus, mode: options.identity, aliases: aliases)
        if !options.quiet {
            for diagnostic in index.diagnostics { Console.report(diagnostic) }
        }
        return index
    }

    /// Reads the inputs; `-` is standard input, read whole by `InputReader` like a file named `<stdin>`.
    private static func read(_ paths: [String], format: InputFormat?, encoding: BibTeXReader.TextEncoding) throws(InputError) -> Corpus {
        try InputReader.read(paths, format: format, encoding: encoding)
    }

    /// Ends a successful command at once. The process is exiting anyway; tearing down the
    /// corpus and network first (hundreds of thousands of names, papers and ties freed one by
    /// one) would only delay the exit, by a tenth of a second at DBLP scale.
    static func finish() -> Never {
        exit(0)
    }

    /// Writes a result to `path`, or to stdout when `path` is nil.
    static func emit(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            Console.outBytes(bytes)
            return
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Console.error(error.description, path: error.path)
            throw ExitCode.failure
        }
    }
}
