import Foundation

/// What to read and how to turn it into a network: the inputs, the identity rules and the
/// network's filters. Every command of the executable fills one of these; a Swift program can too.
public struct AnalysisRequest: Sendable {
    /// Files, folders, or `-` for standard input (which needs `format`). Empty means `Data/`.
    public var inputs: [String]
    /// Read every input in this format whatever its extension.
    public var format: InputFormat?
    /// How BibTeX and RIS bytes are decoded.
    public var encoding: BibTeXReader.TextEncoding = .utf8
    /// How name variants are matched.
    public var identity: IdentityMode = .conservative
    /// Forced merges and forbidden ones.
    public var aliases = AliasRules()
    /// Any record that cannot be used fails the whole analysis.
    public var strict = false
    /// Weighting and filters of the network.
    public var network = NetworkOptions()
    /// Whether every publication keeps its key, title, venue, DOI and author names. The HTML
    /// report lists papers by them; every other output reads only years, numbers of authors,
    /// IDs, affiliations and citations. When this is clear, a reader that can leave the text out
    /// does: a DBLP XML file read alone (not in a folder with others, whose papers are matched
    /// by title and DOI) keeps year, type, location and the number of authors, about 300 bytes
    /// less per publication, and its authors reach the resolution through their name table.
    /// `Publication.authors` is then empty and `authorCount` counts the authors. A Web of
    /// Science plain-text, MEDLINE or OpenAlex JSON Lines file read alone leaves out its titles,
    /// venues and DOIs (the authors, their IDs and affiliations are kept).
    public var keepsPublicationText = true

    public init(inputs: [String] = [], format: InputFormat? = nil, network: NetworkOptions = NetworkOptions()) {
        self.inputs = inputs
        self.format = format
        self.network = network
    }

    /// How people were told apart, where that is not the default (conservative rules, no alias
    /// file), for the record of how a network was made (the exports' `filters`, `stats`): a user
    /// trial of session 56 found `--identity exact` and `--aliases` in no output. Empty at the
    /// defaults, and at the institution and country levels, whose nodes are no people.
    var identityDescription: String {
        guard network.level == .author else {
            let merges = aliases.institutionMerges.count
            guard network.level == .institution, merges > 0 else { return "" }
            return "alias file (\(merges) institution \(merges == 1 ? "merge" : "merges"))"
        }
        var parts: [String] = []
        if identity != .conservative { parts.append("\(identity.rawValue) name identity") }
        if !aliases.merges.isEmpty || !aliases.distinct.isEmpty {
            // (No ", " inside: the filters are a list joined by it, which the map's heading splits.)
            let merges = aliases.merges.count, distinct = aliases.distinct.count
            let rules = [merges == 0 ? nil : "\(merges) \(merges == 1 ? "merge" : "merges")",
                         distinct == 0 ? nil : "\(distinct) distinct \(distinct == 1 ? "pair" : "pairs")"]
            parts.append("alias file (\(rules.compactMap { $0 }.joined(separator: "; ")))")
        }
        return parts.joined(separator: ", ")
    }

    /// The paths actually read: `inputs`, or `Data` when there are none.
    public var paths: [String] { inputs.isEmpty ? ["Data"] : inputs }

    /// Names the input in titles: the file name, or the number of inputs.
    public var label: String {
        paths.count == 1 ? URL(fileURLWithPath: paths[0]).lastPathComponent : "\(paths.count) inputs"
    }
}

/// Why an analysis could not produce a network. Each case carries what a front end needs to
/// say what went wrong and what to do; none of them names a command-line option.
public enum AnalysisError: Error, Sendable, Equatable {
    /// An input path could not be read at all.
    case input(InputError)
    /// Strict mode saw this many input errors.
    case strict(errors: Int)
    /// No record with an author was read from these paths.
    case noPublications(paths: [String])
    /// The focus author is not in the corpus.
    case network(NetworkError)
    /// The filters removed every author.
    case noAuthorsLeft
    /// At institution or country level: no publication's affiliations name a unit of that level.
    case noUnits(NetworkLevel)
    /// At institution or country level: publications name units, but the filters (`--from`,
    /// `--to`, `--min-papers`) left none.
    case noUnitsLeft(NetworkLevel)

    /// Whether the input data is at fault (exit status 65) rather than how it was asked for.
    public var isDataError: Bool {
        switch self {
        case .input(let input): !input.isUsageError
        case .strict, .noPublications, .noAuthorsLeft, .noUnits, .noUnitsLeft: true
        case .network: false
        }
    }
}

/// What an analysis reports while it runs, in order, so that a front end can show each
/// diagnostic as it comes (the library itself never prints).
public enum AnalysisEvent: Sendable {
    /// A reader or the identity resolution found something worth saying.
    case diagnostic(Diagnostic)
    /// Reading finished: the closing line of SPEC §2 (`read 16 publications from 1 file …`).
    case read(summary: String)
    /// A phase of the pipeline took this long (read, resolve, build, and later ones).
    case phase(String, seconds: Double)
    /// Publications that add no ties because they have more authors than the network allows.
    case largePublicationsSkipped(count: Int, maxAuthors: Int)
    /// Publications without a year, which a year filter (`--from`, `--to`) leaves out.
    case yearlessLeftOut(count: Int)
    /// Publications whose author list `and others` (`et al.`) ended: their team sizes are the
    /// fewest they can be (`Publication.teamSize`).
    case truncatedAuthorLists(count: Int)
    /// At institution or country level: publications whose affiliations name no unit (of which
    /// `withoutAffiliations` have no affiliation at all); they are nodes of no network.
    case withoutUnits(count: Int, withoutAffiliations: Int, level: NetworkLevel)
    /// At institution or country level: publications with an affiliation that names no unit
    /// (`UnitIndex.withUnplacedAffiliations`), the first such affiliation and its place.
    case unplacedAffiliations(count: Int, example: String, at: SourceLocation, level: NetworkLevel)
}

/// Receives the events of an analysis; called on the thread that runs the analysis.
public typealias AnalysisEvents = (AnalysisEvent) -> Void
