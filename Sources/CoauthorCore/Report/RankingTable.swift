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

    public init(columns: [String]) { self.columns = columns }

    /// The columns of a collaborator ranking that are tie metrics (SPEC §6).
    public static let tieColumns = ["papers", "weight", "first_year", "last_year", "span", "active_years", "recency"]

    /// Ranks every author of `network` by `metric`.
    /// - Parameters:
    ///   - top: at most this many rows (0 = all).
    /// - Complexity: O(n log n).
    public static func authors(_ network: CoauthorNetwork, metrics: MetricTable, by metric: Metric, top: Int) -> RankingTable {
        let others = metrics.metrics.filter { $0 != metric }
        var table = RankingTable(columns: ["rank", "name", metric.rawValue] + others.map(\.rawValue))
        let order = metrics.ranking(by: metric, names: network.names)
        for (index, v) in order.prefix(top > 0 ? top : order.count).enumerated() {
            var row: [Value] = [.integer(index + 1), .text(network.names[v])]
            for m in [metric] + others { row.append(value(metrics[m]![v], integer: m.isInteger)) }
            table.rows.append(row)
        }
        return table
    }

    /// Ranks the collaborators of `focus` by a tie metric (`papers`, `weight`, `first_year`, …) or a node metric.
    /// - Complexity: O(d log d) for d collaborators.
    public static func collaborators(of focus: Int, in network: CoauthorNetwork, metrics: MetricTable,
                                     ties: [TieMetrics], by key: String, top: Int) -> RankingTable {
        let nodeMetric = Metric(rawValue: key).flatMap { $0 == .papers ? nil : $0 }
        let nodeColumns = (nodeMetric.map { [$0] } ?? []) + metrics.metrics.filter { $0 != .papers && $0 != nodeMetric }
        var table = RankingTable(columns: ["rank", "name"] + tieColumns + nodeColumns.map(\.rawValue))
        func sortKey(_ tie: TieMetrics) -> Double {
            switch key {
            case "papers": Double(tie.papers)
            case "weight": tie.weight
            // Earlier collaborations first for first_year; later ones first for last_year.
            case "first_year": -Double(tie.firstYear ?? Int.max)
            case "last_year": Double(tie.lastYear ?? Int.min)
            case "span": Double(tie.span ?? 0)
            case "active_years": Double(tie.activeYears)
            case "recency": tie.recency
            default: nodeMetric.flatMap { metrics[$0]?[tie.coauthor] } ?? 0
            }
        }
        let sorted = ties.sorted { a, b in
            let x = sortKey(a), y = sortKey(b)
            if x != y, !x.isNaN, !y.isNaN { return x > y }
            if x.isNaN != y.isNaN { return y.isNaN }
            return network.names[a.coauthor] < network.names[b.coauthor]
        }
        for (index, tie) in sorted.prefix(top > 0 ? top : sorted.count).enumerated() {
            var row: [Value] = [.integer(index + 1), .text(network.names[tie.coauthor]),
                                .integer(tie.papers), .real(tie.weight), .integer(tie.firstYear), .integer(tie.lastYear),
                                .integer(tie.span), .integer(tie.activeYears), .real(tie.recency)]
            for m in nodeColumns { row.append(value(metrics[m]![tie.coauthor], integer: m.isInteger)) }
            table.rows.append(row)
        }
        return table
    }

    /// Whether `key` can rank collaborators.
    public static func isCollaboratorKey(_ key: String) -> Bool {
        tieColumns.contains(key) || Metric(rawValue: key) != nil
    }

    private static func value(_ x: Double, integer: Bool) -> Value {
        integer ? .integer(x.isFinite ? Int(x) : nil) : .real(x.isNaN ? nil : x)
    }

    /// Keeps only the named columns, in the given order.
    public func selecting(_ names: [String]) -> RankingTable {
        let indices = names.compactMap { columns.firstIndex(of: $0) }
        var table = RankingTable(columns: indices.map { columns[$0] })
        table.rows = rows.map { row in indices.map { row[$0] } }
        return table
    }

    /// An aligned text table (numbers right-aligned, reals to 4 significant decimals).
    public func textTable() -> TextTable {
        var table = TextTable(headers: columns, alignments: columns.indices.map { column in
            if case .text = rows.first?[column] { return .left }
            return .right
        })
        for row in rows { table.append(row.map { Self.display($0, precise: false) }) }
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
                case .text(let s): (name, .string(s))
                }
            })
        }).text() + "\n"
    }

    private static func display(_ value: Value, precise: Bool) -> String {
        switch value {
        case .integer(let i): return i.map(String.init) ?? (precise ? "" : "–")
        case .text(let s): return s
        case .real(let d):
            guard let d else { return precise ? "" : "–" }
            if precise { return "\(d)" }
            return fixed(d, decimals: abs(d) >= 100 ? 1 : 4)
        }
    }

    /// `d` rounded to `decimals` places, without Foundation's locale-dependent formatting.
    public static func fixed(_ d: Double, decimals: Int) -> String {
        // An undefined measure (assortativity of a graph without edges) is NaN: say so, never trap.
        guard d.isFinite else { return d.isNaN ? "nan" : d < 0 ? "-inf" : "inf" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(d) * scale).rounded()
        let whole = Int(rounded / scale)
        var fraction = String(Int(rounded - Double(whole) * scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        let sign = d < 0 && rounded != 0 ? "-" : ""
        return decimals == 0 ? sign + String(whole) : sign + String(whole) + "." + fraction
    }
}
