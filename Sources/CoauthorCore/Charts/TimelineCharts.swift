/// The charts of `coauthor timeline --format svg` (SPEC §6).
public enum TimelineCharts {
    /// Okabe & Ito's colour-blind-safe palette, as on the maps.
    static let blue = "#0072b2", orange = "#e69f00", green = "#009e73", purple = "#cc79a7"

    /// The focus author's years: papers as bars; co-authors and new collaborators as
    /// lines; cumulative collaborators, dashed, on the right axis.
    /// - Complexity: O(rows).
    /// At institution and country level the collaborators are partner units, and the chart says so.
    public static func focus(_ rows: [FocusYear], author: String, corpus: String, level: NetworkLevel = .author) -> YearChart {
        let (coauthors, collaborators) = level == .author ? ("co-authors", "collaborators") : ("partners", "partners")
        let first = rows.first?.year, last = rows.last?.year
        var subtitle = corpus.isEmpty ? "" : corpus
        if let first, let last {
            let papers = rows.reduce(0) { $0 + $1.papers }
            let people = rows.last?.cumulative ?? 0
            // ("1 paper", not "1 papers"; one year, not `2020–2020`: a user trial of session 56.)
            let years = first == last ? "\(first)" : "\(first)–\(last)"
            subtitle += (subtitle.isEmpty ? "" : " · ") + "\(papers) \(papers == 1 ? "paper" : "papers") and \(people) "
                + "\(people == 1 ? String(collaborators.dropLast()) : collaborators), \(years)"
        }
        return YearChart(
            title: "Collaboration over time: \(author)",
            subtitle: subtitle,
            years: rows.map(\.year),
            leftAxisLabel: "papers, \(coauthors) per year",
            rightAxisLabel: "\(collaborators) so far",
            // Each chart lists its own series (here the focus author's, in `corpus` the corpus's): alike in
            // shape only, deliberately.
            series: [
                .init(name: "papers", values: rows.map { Double($0.papers) }, color: blue, axis: .left, mark: .bars),
                .init(name: coauthors, values: rows.map { Double($0.coauthors) }, color: orange, axis: .left, mark: .line),
                .init(name: "new \(collaborators)", values: rows.map { Double($0.new) }, color: green, axis: .left, mark: .line),
                .init(name: "cumulative \(collaborators)", values: rows.map { Double($0.cumulative) }, color: purple,
                      axis: .right, mark: .dashedLine),
            ])
    }

    /// The whole corpus's years: papers as bars; active and new authors as lines; new ties on the right axis.
    /// - Complexity: O(rows).
    /// At institution and country level the active and new nodes are units, and the chart says so.
    public static func corpus(_ rows: [CorpusYear], corpus: String, level: NetworkLevel = .author) -> YearChart {
        let units = level.plural
        return YearChart(
            title: "Publications and \(units) per year" + (corpus.isEmpty ? "" : ": \(corpus)"),
            subtitle: rows.first.map { first in
                let papers = rows.reduce(0) { $0 + $1.papers }, last = rows.last!.year
                return "\(papers) \(papers == 1 ? "paper" : "papers"), " + (first.year == last ? "\(last)" : "\(first.year)–\(last)")
            } ?? "",
            years: rows.map(\.year),
            leftAxisLabel: "papers, \(units) per year",
            rightAxisLabel: "new ties per year",
            series: [
                .init(name: "papers", values: rows.map { Double($0.papers) }, color: blue, axis: .left, mark: .bars),
                .init(name: "active \(units)", values: rows.map { Double($0.activeAuthors) }, color: orange, axis: .left, mark: .line),
                .init(name: "new \(units)", values: rows.map { Double($0.newAuthors) }, color: green, axis: .left, mark: .line),
                .init(name: "new ties", values: rows.map { Double($0.newTies) }, color: purple, axis: .right, mark: .dashedLine),
            ])
    }
}
