import Foundation

/// What every export records about how it was made, and the rendered map it may carry.
public struct ExportSettings: Sendable, Equatable {
    /// The version recorded in the file.
    public var toolVersion: String
    /// Maximum authors per paper that still made ties (recorded with the weighting and filters).
    public var maxAuthors: Int
    /// Positions, sizes and colours of a rendered map, for the formats that carry them.
    public var layout: MapLayout?
    /// The mean publication year of each author (nil where none is dated), for the formats
    /// that score it (VOSviewer JSON).
    public var averageYears: [Double?]?
    /// What the nodes are: authors, institutions or countries (the words VOSviewer shows).
    public var level: NetworkLevel
    /// The years with a publication of each author, ascending, solo papers included, for the
    /// formats that give authors spells (GEXF); without it, the years the network's ties and
    /// first and last years show.
    public var activeYears: [[Int]]?

    public init(toolVersion: String = CoauthorVersion.current, maxAuthors: Int = 50, layout: MapLayout? = nil,
                averageYears: [Double?]? = nil, level: NetworkLevel = .author) {
        self.toolVersion = toolVersion
        self.maxAuthors = maxAuthors
        self.layout = layout
        self.averageYears = averageYears
        self.level = level
    }

    /// The weighting, filters and tool of `network`, as the formats write them.
    /// - Precondition: `layout`, if given, has one entry per node of `network`.
    func provenance(_ network: CoauthorNetwork, metrics: MetricTable) -> ExportProvenance {
        precondition(layout == nil || layout!.placements.count == network.nodeCount, "one placement per node")
        return ExportProvenance(network, metrics: metrics, toolVersion: toolVersion, maxAuthors: maxAuthors)
    }
}

/// One file of an export, and where it goes relative to the destination the user named.
public struct FormattedFile: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        /// The destination itself (standard output when there is none).
        case destination
        /// A file of this name inside the destination folder.
        case inFolder(String)
        /// Beside the destination, named like it with a `.net` extension replaced by this one (or
        /// this one appended); left out without a destination.
        case besideNet(extension: String)
    }

    public var place: Place
    public var bytes: [UInt8]

    public init(_ place: Place, _ bytes: [UInt8]) {
        self.place = place
        self.bytes = bytes
    }
}

/// An export format: a network and its metrics in, files out (SPEC §7). One type per format.
public protocol NetworkFormatter: Sendable {
    init(_ settings: ExportSettings)
    /// The format's files, made in memory; the same network gives the same bytes.
    func files(_ network: CoauthorNetwork, metrics: MetricTable) -> [FormattedFile]
}

extension ExportFormat {
    /// The formatter of this format.
    public var formatter: any NetworkFormatter.Type {
        switch self {
        case .graphml: GraphMLFormatter.self
        case .gexf: GEXFFormatter.self
        case .dot: DOTFormatter.self
        case .json: NodeLinkJSONFormatter.self
        case .csv: CSVFormatter.self
        case .pajek: PajekFormatter.self
        case .vosviewer: VOSviewerFormatter.self
        case .vosviewerJSON: VOSviewerJSONFormatter.self
        }
    }
}

extension FormattedFile.Place {
    /// The path this place names for `destination` (nil: standard output); nil when the file
    /// has no place without a destination.
    func path(for destination: String?) -> String?? {
        switch self {
        case .destination:
            return .some(destination)
        case .inFolder(let name):
            return .some(URL(fileURLWithPath: destination ?? ".").appendingPathComponent(name).path)
        case .besideNet(let newExtension):
            guard let destination else { return nil }
            let base = destination.hasSuffix(".net") ? String(destination.dropLast(4)) : destination
            return .some(base + "." + newExtension)
        }
    }
}
