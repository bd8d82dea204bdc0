/// The tables of `coauthor timeline`, as typed tables that print as aligned text, CSV or JSON.
public enum TimelineTables {
    /// SPEC §6's columns of the focus author's table, in CSV header order.
    public static let focusColumns = ["year", "papers", "coauthors", "new", "returning", "cumulative", "solo", "team"]
    /// Columns of the whole corpus's table.
    public static let corpusColumns = ["year", "papers", "active_authors", "new_authors", "new_ties", "team", "multi_author_share"]
    /// Columns of the slice table.
    public static let sliceColumns = ["from", "to", "nodes", "edges", "components", "largest_component",
                                      "degree", "degree_rank", "strength", "strength_rank",
                                      "betweenness", "betweenness_rank", "pagerank", "pagerank_rank"]

    /// - Complexity: O(rows).
    public static func focus(_ rows: [FocusYear]) -> RankingTable {
        var table = RankingTable(columns: focusColumns)
        table.rows = rows.map { r in
            [.integer(r.year), .integer(r.papers), .integer(r.coauthors), .integer(r.new), .integer(r.returning),
             .integer(r.cumulative), .integer(r.solo), .real(r.team)]
        }
        return table
    }

    /// - Complexity: O(rows).
    public static func corpus(_ rows: [CorpusYear]) -> RankingTable {
        var table = RankingTable(columns: corpusColumns)
        table.rows = rows.map { r in
            [.integer(r.year), .integer(r.papers), .integer(r.activeAuthors), .integer(r.newAuthors), .integer(r.newTies),
             .real(r.team), .real(r.multiAuthorShare)]
        }
        return table
    }

    /// Columns the corpus table gains with the collaboration indicators of each year.
    public static let corpusIndicatorColumns = ["collaboration_index", "degree_of_collaboration", "collaborative_coefficient",
                                                "modified_collaborative_coefficient", "international_share", "citations"]

    /// The corpus table with each year's collaboration indicators, international share and
    /// citations after SPEC §6's columns (empty where undefined or, for a year without papers, absent).
    /// At institution and country level the active and new nodes are units, and their columns
    /// say so (`active_countries`, `new_countries`: a user trial of session 52 read countries
    /// as authors).
    /// - Complexity: O(rows + years).
    public static func corpus(_ rows: [CorpusYear], indicators: [(year: Int, totals: NodeIndicators.Totals)],
                              level: NetworkLevel = .author) -> RankingTable {
        var table = corpus(rows)
        if level != .author {
            table.columns = table.columns.map { $0 == "active_authors" ? "active_\(level.plural)" : $0 == "new_authors" ? "new_\(level.plural)" : $0 }
        }
        table.columns += corpusIndicatorColumns
        let byYear = Dictionary(indicators.map { ($0.year, $0.totals) }, uniquingKeysWith: { first, _ in first })
        func real(_ x: Double?) -> RankingTable.Value { .real(x.flatMap { $0.isNaN ? nil : $0 }) }
        for (i, row) in rows.enumerated() {
            let totals = byYear[row.year]
            let c = totals?.collaboration
            table.rows[i] += [real(c?.collaborationIndex), real(c?.degreeOfCollaboration), real(c?.collaborativeCoefficient),
                              real(c?.modifiedCollaborativeCoefficient), real(totals?.internationalShare),
                              .integer(totals?.citations)]
        }
        return table
    }

    /// Slices without the focus author leave its columns empty.
    /// - Complexity: O(rows).
    public static func slices(_ rows: [SliceRow]) -> RankingTable {
        var table = RankingTable(columns: sliceColumns)
        table.rows = rows.map { r in
            let f = r.focus
            return [.integer(r.from), .integer(r.to), .integer(r.nodes), .integer(r.edges), .integer(r.components),
                    // A share of no nodes is none (an empty slice read 0.0, its other columns empty: a user
                    // trial of session 62).
                    .real(r.nodes > 0 ? r.largestComponent : nil),
                    .integer(f?.degree), .integer(f?.degreeRank), .real(f?.strength), .integer(f?.strengthRank),
                    .real(f?.betweenness), .integer(f?.betweennessRank), .real(f?.pagerank), .integer(f?.pagerankRank)]
        }
        return table
    }

    /// Every tie of the network with its history: the two authors, then SPEC §6's tie metrics.
    /// - Parameter ties: from `TieMetrics.edges(of:referenceYear:halfLife:)`, one per edge.
    /// - Complexity: O(m).
    public static func edges(_ network: CoauthorNetwork, ties: [TieMetrics]) -> RankingTable {
        var table = RankingTable(columns: ["source", "target"] + RankingTable.tieColumns)
        table.rows = ties.enumerated().map { e, tie in
            [.text(network.names[Int(network.graph.source[e])]), .text(network.names[tie.coauthor]),
             .integer(tie.papers), .real(tie.weight), .integer(tie.firstYear), .integer(tie.lastYear),
             .integer(tie.span), .integer(tie.activeYears), .real(tie.recency)]
        }
        return table
    }
}
