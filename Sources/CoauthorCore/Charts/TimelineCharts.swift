/// The charts of `coauthor timeline --format svg` (SPEC §6).
public enum TimelineCharts {
    /// Okabe & Ito's colour-blind-safe palette, as on the maps.
    static let blue = "#0072b2", orange = "#e69f00", green = "#009e73", purple = "#cc79a7"

    /// The focus author's years: papers as bars; co-authors and new collaborators as
    /// lines; cumulative collaborators, dashed, on the right axis.
    /// - Complexity: O(rows).
    public static func focus(_ rows: [FocusYear], author: String, corpus: String) -> YearChart {
        let first = rows.first?.year, last = rows.last?.year
        var subtitle = corpus.isEmpty ? "" : corpus
        if let first, let last {
            let papers = rows.reduce(0) { $0 + $1.papers }
            let people = rows.last?.cumulative ?? 0
            subtitle += (subtitle.isEmpty ? "" : " · ") + "\(papers) papers and \(people) collaborators, \(first)–\(last)"
        }
        return YearChart(
            title: "Collaboration over time: \(author)",
            subtitle: subtitle,
            years: rows.map(\.year),
            leftAxisLabel: "papers, co-authors per year",
            rightAxisLabel: "collaborators so far",
            // Each chart lists its own series (here the focus author's, in `corpus` the corpus's): alike in
            // shape only, deliberately.
            series: [
                .init(name: "papers", values: rows.map { Double($0.papers) }, color: blue, axis: .left, mark: .bars),
                .init(name: "co-authors", values: rows.map { Double($0.coauthors) }, color: orange, axis: .left, mark: .line),
                .init(name: "new collaborators", values: rows.map { Double($0.new) }, color: green, axis: .left, mark: .line),
                .init(name: "cumulative collaborators", values: rows.map { Double($0.cumulative) }, color: purple,
                      axis: .right, mark: .dashedLine),
            ])
    }

    /// The whole corpus's years: papers as bars; active and new authors as lines; new ties on the right axis.
    /// - Complexity: O(rows).
    public static func corpus(_ rows: [CorpusYear], corpus: String) -> YearChart {
        YearChart(
            title: "Publications and authors per year" + (corpus.isEmpty ? "" : ": \(corpus)"),
            subtitle: rows.first.map { "\(rows.reduce(0) { $0 + $1.papers }) papers, \($0.year)–\(rows.last!.year)" } ?? "",
            years: rows.map(\.year),
            leftAxisLabel: "papers, authors per year",
            rightAxisLabel: "new ties per year",
            series: [
                .init(name: "papers", values: rows.map { Double($0.papers) }, color: blue, axis: .left, mark: .bars),
                .init(name: "active authors", values: rows.map { Double($0.activeAuthors) }, color: orange, axis: .left, mark: .line),
                .init(name: "new authors", values: rows.map { Double($0.newAuthors) }, color: green, axis: .left, mark: .line),
                .init(name: "new ties", values: rows.map { Double($0.newTies) }, color: purple, axis: .right, mark: .dashedLine),
            ])
    }
}
