import Foundation

/// A ranking of authors or of one author's collaborators, with typed columns,
/// that can be written as an aligned table, Markdown, CSV or JSON (SPEC §1 `rank`).
public struct RankingTable: Sendable {
    public enum Value: Sendable, Equatable {
        case integer(Int?)
        case real(Double?)
        case text(String)
    }

    public var columns: [String]
    public var rows: [[Value]] = []
    /// The columns of the nodes' IDs (`orcid`, `ror`, `country_code`, …, named as the exports
    /// name them), written by `csv()` and `json()` only: a ranking at country level had no ISO
    /// code to join it to other data by (a user trial of session 61), and a terminal table of
    /// ORCIDs would be too wide to read.
    public var idColumns: Set<String> = []

    public init(columns: [String]) { self.columns = columns }

    /// The columns of a collaborator ranking that are tie metrics (SPEC §6).
    public static var tieColumns: [String] { TieMetric.allCases.map(\.rawValue) }

    /// Ranks every author of `network` by `metric`.
    /// - Parameters:
    ///   - top: at most this many rows (0 = all).
    /// - Complexity: O(n log n).
    public static func authors(_ network: CoauthorNetwork, metrics: MetricTable, by metric: Metric, top: Int) -> RankingTable {
        let others = metrics.metrics.filter { $0 != metric }
        let kinds = idKinds(network)
        var table = RankingTable(columns: ["rank", "name"] + kinds.map(\.attribute) + metricColumns([metric] + others, metrics))
        table.idColumns = Set(kinds.map(\.attribute))
        let order = metrics.ranking(by: metric, names: network.names)
        let keys = metrics[metric].map { values in order.map { rankingKey(values[$0]) } } ?? []
        let ranks = sharedRanks(keys)
        for (index, v) in order.prefix(top > 0 ? top : order.count).enumerated() {
            var row: [Value] = [.integer(ranks[index]), .text(network.names[v])]
            for kind in kinds { row.append(.text(network.ids[v].value(of: kind))) }
            appendMetrics([metric] + others, of: v, metrics, to: &row)
            table.rows.append(row)
        }
        return table
    }

    /// The kinds of ID some node of `network` has, in the order of `AuthorIDs.Kind`.
    private static func idKinds(_ network: CoauthorNetwork) -> [AuthorIDs.Kind] {
        var present = Set<UInt8>()
        for ids in network.ids { ids.forEachID { kind, _ in present.insert(kind) } }
        return AuthorIDs.Kind.allCases.filter { present.contains($0.number) }
    }

    /// The columns of `shown`, then, after them all (SPEC §1's order first), one for each metric
    /// estimated by sampling: its error bound (`betweenness_error`: every value within ± it of the
    /// exact one with probability `errorConfidence`), empty where its guarantee gives none in its
    /// units (closeness). The estimates' files say they are estimates (a user trial of session 53
    /// found a CSV of sampled betweenness that looked exact; the guarantee was only on standard error).
    private static func metricColumns(_ shown: [Metric], _ metrics: MetricTable) -> [String] {
        shown.map(\.rawValue) + shown.filter(metrics.estimated.contains).map { $0.rawValue + "_error" }
    }

    private static func appendMetrics(_ shown: [Metric], of node: Int, _ metrics: MetricTable, to row: inout [Value]) {
        for m in shown { row.append(value(metrics[m]![node], integer: m.isInteger)) }
        for m in shown where metrics.estimated.contains(m) { row.append(.real(metrics.nodeErrorBounds[m]?[node] ?? metrics.errorBounds[m])) }
    }

    /// Ranks the collaborators of `focus` by a tie metric (`papers`, `weight`, `first_year`, …) or a node metric.
    /// - Precondition: `metrics` holds the node metric ranked by, if any.
    /// - Complexity: O(d log d) for d collaborators.
    public static func collaborators(of focus: Int, in network: CoauthorNetwork, metrics: MetricTable,
                                     ties: [TieMetrics], by order: CollaboratorOrder, top: Int) -> RankingTable {
        let nodeMetric: Metric?
        if case .metric(let metric) = order, metric != .papers {
            precondition(metrics[metric] != nil, "collaborators ranked by \(metric.rawValue), which was not computed")
            nodeMetric = metric
        } else {
            nodeMetric = nil
        }
        let nodeColumns = (nodeMetric.map { [$0] } ?? []) + metrics.metrics.filter { $0 != .papers && $0 != nodeMetric }
        let kinds = idKinds(network)
        var table = RankingTable(columns: ["rank", "name"] + kinds.map(\.attribute) + tieColumns + metricColumns(nodeColumns, metrics))
        table.idColumns = Set(kinds.map(\.attribute))
        func sortKey(_ tie: TieMetrics) -> Double {
            switch order {
            case .tie(.papers), .metric(.papers): Double(tie.papers)
            case .tie(.weight): rankingKey(tie.weight)
            // Earlier collaborations first for first_year; later ones first for last_year.
            case .tie(.firstYear): -Double(tie.firstYear ?? Int.max)
            case .tie(.lastYear): Double(tie.lastYear ?? Int.min)
            case .tie(.span): Double(tie.span ?? 0)
            case .tie(.activeYears): Double(tie.activeYears)
            case .tie(.recency): rankingKey(tie.recency)
            case .metric(let metric): rankingKey(metrics[metric]![tie.coauthor])
            }
        }
        let sorted = ties.sorted { a, b in
            let x = sortKey(a), y = sortKey(b)
            if x != y, !x.isNaN, !y.isNaN { return x > y }
            if x.isNaN != y.isNaN { return y.isNaN }
            return network.names[a.coauthor] < network.names[b.coauthor]
        }
        let ranks = sharedRanks(sorted.map(sortKey))
        for (index, tie) in sorted.prefix(top > 0 ? top : sorted.count).enumerated() {
            var row: [Value] = [.integer(ranks[index]), .text(network.names[tie.coauthor])]
            for kind in kinds { row.append(.text(network.ids[tie.coauthor].value(of: kind))) }
            row += [.integer(tie.papers), .real(tie.weight), .integer(tie.firstYear), .integer(tie.lastYear),
                                .integer(tie.span), .integer(tie.activeYears), .real(tie.recency)]
            appendMetrics(nodeColumns, of: tie.coauthor, metrics, to: &row)
            table.rows.append(row)
        }
        return table
    }

    /// The rank of each row of a ranking given its keys in ranked order: equal keys share the
    /// first one's rank (1, 1, 3), as do the rows without a value at the end; the order among
    /// them stays by name (a user trial of session 56 read a tie as a lower position).
    static func sharedRanks(_ keys: [Double]) -> [Int] {
        var ranks: [Int] = []
        ranks.reserveCapacity(keys.count)
        for index in keys.indices {
            let same = index > 0 && (keys[index] == keys[index - 1] || keys[index].isNaN && keys[index - 1].isNaN)
            ranks.append(same ? ranks[index - 1] : index + 1)
        }
        return ranks
    }

    private static func value(_ x: Double, integer: Bool) -> Value {
        integer ? .integer(wholeNumber(x)) : .real(x.isNaN ? nil : x)
    }

    /// Keeps only the given columns, in the given order.
    /// - Precondition: the table has every column named.
    public func selecting(_ wanted: [RankingColumn]) -> RankingTable {
        let indices = wanted.map { column in
            guard let index = columns.firstIndex(of: column.title) else {
                preconditionFailure("the table has no column '\(column.title)'; it has \(columns)")
            }
            return index
        }
        var table = RankingTable(columns: indices.map { columns[$0] })
        table.rows = rows.map { row in indices.map { row[$0] } }
        return table
    }

    /// The first `count` rows.
    public func prefix(_ count: Int) -> RankingTable {
        var table = self
        table.rows = Array(rows.prefix(count))
        return table
    }

    /// An aligned text table (numbers right-aligned, reals to 4 significant decimals).
    public func textTable() -> TextTable {
        guard idColumns.isEmpty else {
            // (The IDs are for the files that other tools read: `idColumns`.)
            var shown = self
            let kept = columns.indices.filter { !idColumns.contains(columns[$0]) }
            shown.columns = kept.map { columns[$0] }
            shown.rows = rows.map { row in kept.map { row[$0] } }
            shown.idColumns = []
            return shown.textTable()
        }
        var table = TextTable(headers: columns, alignments: columns.indices.map { column in
            if case .text = rows.first?[column] { return .left }
            return .right
        })
        // One number of decimals per column, for its largest value (a column printed `658.0`
        // above `76.0000`: a user trial of session 52).
        let decimals = columns.indices.map { column in
            Self.decimals(largest: rows.reduce(0.0) { largest, row in
                if case .real(let d?) = row[column], d.isFinite { max(largest, abs(d)) } else { largest }
            })
        }
        for row in rows { table.append(row.indices.map { Self.display(row[$0], precise: false, decimals: decimals[$0]) }) }
        return table
    }

    public func plain() -> String { textTable().plain() }
    public func markdown() -> String { textTable().markdown() }

    /// CSV with full-precision numbers; empty fields for missing values.
    public func csv() -> String {
        var table = TextTable(headers: columns, alignments: columns.map { _ in .left })
        for row in rows { table.append(row.map { Self.display($0, precise: true) }) }
        return table.csv()
    }

    /// A JSON array of objects with the columns as keys, in column order.
    public func json() -> String {
        JSONValue.array(rows.map { row in
            .object(zip(columns, row).map { name, value in
                switch value {
                case .integer(let i): (name, .integer(i))
                case .real(let d): (name, .number(d))
                // (A node without an ID of a kind others have: null, as a missing metric.)
                case .text(let s): (name, s.isEmpty && idColumns.contains(name) ? .null : .string(s))
                }
            })
        }).text() + "\n"
    }

    private static func display(_ value: Value, precise: Bool, decimals: Int = 4) -> String {
        switch value {
        case .integer(let i): return i.map(String.init) ?? (precise ? "" : "–")
        case .text(let s): return s
        case .real(let d):
            guard let d else { return precise ? "" : "–" }
            if precise { return "\(d)" }
            return fixed(d, decimals: decimals)
        }
    }

    /// The decimals a column of numbers up to `largest` is printed with: 1 where it reaches 100,
    /// 4 down to 0.1, and below that enough for three significant digits of it (PageRanks of
    /// 0.0008 to 0.0012 on a field's network all printed `0.0010`: a user trial of session 56).
    public static func decimals(largest: Double) -> Int {
        guard largest.isFinite else { return 4 }
        if largest >= 100 { return 1 }
        guard largest > 0, largest < 0.1 else { return 4 }
        return min(12, max(4, 2 - Int(log10(largest).rounded(.down))))
    }

    /// `d` rounded to `decimals` places, without Foundation's locale-dependent formatting.
    /// NaN is `–` (a missing value, as JSON's `null`), infinities `∞` and `-∞`; magnitudes
    /// beyond what the rounding can hold exactly are written in Swift's shortest form.
    public static func fixed(_ d: Double, decimals: Int) -> String {
        precondition((0...15).contains(decimals), "between 0 and 15 decimals")
        if d.isNaN { return "–" }
        if d.isInfinite { return d < 0 ? "-∞" : "∞" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(d) * scale).rounded()
        guard rounded < 9e15 else { return "\(d)" }
        let whole = Int(rounded / scale)
        var fraction = String(Int(rounded - Double(whole) * scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        let sign = d < 0 && rounded != 0 ? "-" : ""
        return decimals == 0 ? sign + String(whole) : sign + String(whole) + "." + fraction
    }
}

/// The tie metrics of SPEC §6, as ranking keys and column names.
public enum TieMetric: String, Sendable, CaseIterable, Hashable {
    case papers, weight
    case firstYear = "first_year"
    case lastYear = "last_year"
    case span
    case activeYears = "active_years"
    case recency
}

/// How a focus author's collaborators are ranked: by a tie metric, or by the collaborator's node metric.
public enum CollaboratorOrder: Sendable, Hashable {
    case tie(TieMetric)
    case metric(Metric)

    /// A tie metric's name first (`papers` is the joint papers), then a node metric's.
    public init?(name: String) {
        if let tie = TieMetric(rawValue: name) {
            self = .tie(tie)
        } else if let metric = Metric(rawValue: name) {
            self = .metric(metric)
        } else {
            return nil
        }
    }

    public var name: String {
        switch self {
        case .tie(let tie): tie.rawValue
        case .metric(let metric): metric.rawValue
        }
    }
}

/// A column of a ranking table.
public enum RankingColumn: Sendable, Hashable {
    case rank, name
    case metric(Metric)
    case tie(TieMetric)
    /// The error bound of an estimated metric (`betweenness_error`), beside the estimates.
    case error(Metric)

    /// The column's header.
    public var title: String {
        switch self {
        case .rank: "rank"
        case .name: "name"
        case .metric(let metric): metric.rawValue
        case .tie(let tie): tie.rawValue
        case .error(let metric): metric.rawValue + "_error"
        }
    }
}
