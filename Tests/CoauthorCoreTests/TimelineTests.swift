import CoauthorCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Collaboration over time (SPEC §6): the seed checked by hand against the CV, and
/// hand-built corpora whose answers are obvious.
struct TimelineTests {
    static func load(_ corpus: Corpus, options: NetworkOptions = NetworkOptions(), identity: IdentityMode = .conservative)
        throws -> (CoauthorNetwork, DatedCorpus) {
        let authors = AuthorResolver.resolve(corpus.publications, mode: identity)
        let network = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options)
        return (network, DatedCorpus(publications: corpus.publications, authors: authors, network: network, options: options))
    }

    /// Counted by hand from the CV's publication list (../shared/seed), year by year:
    /// 2019: DETOX (+Wang, Charles, Papailiopoulos), Data Augmentation (+Feng, Charles, Loh, Papailiopoulos),
    ///       the arXiv preprint (+Charles, Wright, Papailiopoulos): 3 papers of 4, 5, 4 authors, 6 people, all new.
    /// 2020: Lottery Tickets (5 authors), Closing the Gap (3), Attack of the Tails (8): 10 people, of whom
    ///       Wang and Papailiopoulos return; 8 new (Pensia, Nagle, Vishwakarma, Gupta, Sreenivasan, Agarwal, Sohn, K. Lee).
    /// 2021: Exponential Improvement (+Sreenivasan, Papailiopoulos, Karbasi): Karbasi is new.
    /// 2022: Permutation (3 authors), Minibatch (3), LIFT (9), Bilingual Alignment (8), Random Binary Networks (4),
    ///       Super Seeds (7): 17 people; K. Lee, Papailiopoulos, Sohn, Sreenivasan, Wang return; 12 new.
    /// 2023: Generative Retrieval (13 authors), Looped Transformers (6), Norm Layers (3): 17 people; Sohn, K. Lee,
    ///       Papailiopoulos return; 14 new (the 12 Google co-authors, Giannou, J. D. Lee). 41 in all.
    @Test func seedFocusTableMatchesTheCV() throws {
        let (network, dated) = try Self.load(try InputReader.read([Paths.data.path]))
        let focus = try #require(network.node(named: "Shashank Rajput"))
        let rows = FocusTimeline.rows(focus: focus, network: network, corpus: dated)
        #expect(rows == [
            FocusYear(year: 2019, papers: 3, coauthors: 6, new: 6, returning: 0, cumulative: 6, solo: 0, team: 13.0 / 3),
            FocusYear(year: 2020, papers: 3, coauthors: 10, new: 8, returning: 2, cumulative: 14, solo: 0, team: 16.0 / 3),
            FocusYear(year: 2021, papers: 1, coauthors: 3, new: 1, returning: 2, cumulative: 15, solo: 0, team: 4),
            FocusYear(year: 2022, papers: 6, coauthors: 17, new: 12, returning: 5, cumulative: 27, solo: 0, team: 34.0 / 6),
            FocusYear(year: 2023, papers: 3, coauthors: 17, new: 14, returning: 3, cumulative: 41, solo: 0, team: 22.0 / 3),
        ])
        #expect(TimelineTables.focus(rows).csv().hasPrefix("year,papers,coauthors,new,returning,cumulative,solo,team\n2019,3,6,6,0,6,0,4.33"))
    }

    /// Ann works with Bob 2010–2011 (the tie stops), with Cat from 2013 (a late start),
    /// publishes alone in 2011, and nothing in 2012 (a gap year).
    static let handBuilt = """
        @article{a, author = {Ann Able and Bob Best}, title = {A}, year = 2010}
        @article{b, author = {Ann Able and Bob Best}, title = {B}, year = 2011}
        @article{c, author = {Ann Able}, title = {C}, year = 2011}
        @article{d, author = {Ann Able and Cat Cole and Dan Dunn}, title = {D}, year = 2013}
        @article{e, author = {Ann Able and Cat Cole}, title = {E}, year = 2014}
        @article{f, author = {Ann Able and Cat Cole}, title = {F}, year = 2014}
        @article{g, author = {Cat Cole and Dan Dunn}, title = {G}, year = 2015}
        @article{h, author = {Eve Eng and Dan Dunn}, title = {H}, year = 2015}
        """

    @Test func focusTableWithAStoppedTieALateTieAndAGapYear() throws {
        let (network, dated) = try Self.load(try readBibTeX(Self.handBuilt))
        let ann = try #require(network.node(named: "Ann Able"))
        #expect(FocusTimeline.rows(focus: ann, network: network, corpus: dated) == [
            FocusYear(year: 2010, papers: 1, coauthors: 1, new: 1, returning: 0, cumulative: 1, solo: 0, team: 2),
            FocusYear(year: 2011, papers: 2, coauthors: 1, new: 0, returning: 1, cumulative: 1, solo: 1, team: 1.5),
            FocusYear(year: 2012, papers: 0, coauthors: 0, new: 0, returning: 0, cumulative: 1, solo: 0, team: nil),
            FocusYear(year: 2013, papers: 1, coauthors: 2, new: 2, returning: 0, cumulative: 3, solo: 0, team: 3),
            FocusYear(year: 2014, papers: 2, coauthors: 1, new: 0, returning: 1, cumulative: 3, solo: 0, team: 2),
        ])
        // A year without papers is an empty field in CSV, null in JSON.
        #expect(TimelineTables.focus(FocusTimeline.rows(focus: ann, network: network, corpus: dated)).csv()
            .contains("\n2012,0,0,0,0,1,0,\n"))
    }

    /// Y of a tie's recency is the last year of the corpus within `--from`/`--to` (SPEC §6), not
    /// the last year of the nodes shown: an ego network (a user trial of session 50: `--radius 2`
    /// changed a tie's recency from 0.24 to 2.40) or `--min-papers` leaves it as it is.
    @Test func recencyCountsFromTheCorpusLastYearWhicheverNodesAreShown() throws {
        let corpus = try readBibTeX(Self.handBuilt)
        let (whole, _) = try Self.load(corpus)
        #expect(whole.referenceYear == 2015)
        var options = NetworkOptions()
        options.focus = "Bob Best"
        options.radius = 1
        let (ego, _) = try Self.load(corpus, options: options)
        #expect(Set(ego.names) == ["Bob Best", "Ann Able"])
        // The nodes shown were last active in 2014, a year before the corpus's last.
        #expect(ego.lastYear.compactMap { $0 }.max() == 2014)
        #expect(ego.referenceYear == 2015)
        let tie = { (network: CoauthorNetwork) -> Double in
            let (ann, bob) = (network.node(named: "Ann Able")!, network.node(named: "Bob Best")!)
            return TieMetrics.ties(of: bob, in: network, referenceYear: network.referenceYear).first { $0.coauthor == ann }!.recency
        }
        #expect(abs(tie(ego) - tie(whole)) < 1e-15 && abs(tie(ego) - (pow(2, -5.0 / 3) + pow(2, -4.0 / 3))) < 1e-12)
        options = NetworkOptions()
        options.minPapers = 3
        #expect(try Self.load(corpus, options: options).0.referenceYear == 2015)
        // The year filters do bound it.
        options = NetworkOptions()
        options.toYear = 2013
        #expect(try Self.load(corpus, options: options).0.referenceYear == 2013)
    }

    @Test func tieMetricsOfAStoppedAndALateTie() throws {
        let (network, _) = try Self.load(try readBibTeX(Self.handBuilt))
        let ann = try #require(network.node(named: "Ann Able"))
        let ties = TieMetrics.ties(of: ann, in: network, referenceYear: 2015, halfLife: 2)
        let bob = try #require(ties.first { network.names[$0.coauthor] == "Bob Best" })
        let cat = try #require(ties.first { network.names[$0.coauthor] == "Cat Cole" })
        #expect(bob.papers == 2 && bob.firstYear == 2010 && bob.lastYear == 2011 && bob.span == 2 && bob.activeYears == 2)
        #expect(cat.papers == 3 && cat.firstYear == 2013 && cat.lastYear == 2014 && cat.span == 2 && cat.activeYears == 2)
        // 2^(−5/2) + 2^(−4/2) for Bob; 2^(−2/2) + 2 · 2^(−1/2) for Cat.
        #expect(abs(bob.recency - (pow(2, -2.5) + 0.25)) < 1e-12)
        #expect(abs(cat.recency - (0.5 + 2 * pow(2, -0.5))) < 1e-12)
        // Every edge of the graph, not only the focus's: Cat–Dan spans 2013–2015.
        let edges = TieMetrics.edges(of: network, referenceYear: 2015)
        let catDan = try #require(network.graph.edge(network.node(named: "Cat Cole")!, network.node(named: "Dan Dunn")!))
        #expect(edges[catDan].firstYear == 2013 && edges[catDan].lastYear == 2015 && edges[catDan].span == 3 && edges[catDan].activeYears == 2)
    }

    @Test func corpusTable() throws {
        let (network, dated) = try Self.load(try readBibTeX(Self.handBuilt))
        let rows = CorpusTimeline.rows(corpus: dated, network: network)
        #expect(rows.map(\.year) == Array(2010...2015))
        #expect(rows.map(\.papers) == [1, 2, 0, 1, 2, 2])
        #expect(rows.map(\.activeAuthors) == [2, 2, 0, 3, 2, 3])
        #expect(rows.map(\.newAuthors) == [2, 0, 0, 2, 0, 1])
        // Ties: Ann–Bob 2010; Ann–Cat, Ann–Dan, Cat–Dan 2013; Eve–Dan 2015.
        #expect(rows.map(\.newTies) == [1, 0, 0, 3, 0, 1])
        #expect(rows[1].team == 1.5 && rows[1].multiAuthorShare == 0.5 && rows[2].team == nil)
    }

    @Test func sliceRanges() {
        // The last slice ends with the data's last year, not beyond it.
        #expect(SliceSpec.sliding(window: 3, step: 2).ranges(first: 2010, last: 2015) == [2010...2012, 2012...2014, 2014...2015])
        #expect(SliceSpec.sliding(window: 10, step: 1).ranges(first: 2010, last: 2012) == [2010...2012])
        #expect(SliceSpec.sliding(window: 3, step: 3).ranges(first: 2010, last: 2015) == [2010...2012, 2013...2015])
        // A step longer than the window: no slice starts after the last year (a review of session
        // 56 found the clamped range 2016...2015 would trap).
        #expect(SliceSpec.sliding(window: 2, step: 3).ranges(first: 2010, last: 2015) == [2010...2011, 2013...2014])
        #expect(SliceSpec.sliding(window: 1, step: 2).ranges(first: 2019, last: 2022) == [2019...2019, 2021...2021])
        #expect(SliceSpec.sliding(window: 1, step: 1).ranges(first: 2019, last: 2019) == [2019...2019])
        #expect(SliceSpec.cumulative(step: 2).ranges(first: 2010, last: 2015) == [2010...2010, 2010...2012, 2010...2014, 2010...2015])
    }

    /// Each slice's graph must equal the network built with --from/--to over the same years.
    @Test(arguments: [(2010, 2011), (2011, 2013), (2012, 2012), (2013, 2015), (2010, 2015)])
    func sliceGraphsMatchTheYearFilter(from: Int, to: Int) throws {
        let corpus = try readBibTeX(Self.handBuilt)
        let (network, dated) = try Self.load(corpus)
        let slice = SliceGraphs(corpus: dated, weighting: .fractional, maxAuthors: 50).slice(from: from, to: to)
        var options = NetworkOptions()
        options.fromYear = from
        options.toYear = to
        options.weighting = .fractional
        let authors = AuthorResolver.resolve(corpus.publications, mode: .conservative)
        let filtered = try NetworkBuilder.build(publications: corpus.publications, authors: authors, options: options)
        #expect(slice.nodes.map { network.names[$0] } == filtered.names)
        func ties(_ graph: WeightedGraph, _ names: [String]) -> [String: Double] {
            var out: [String: Double] = [:]
            for e in 0..<graph.edgeCount { out[names[Int(graph.source[e])] + "|" + names[Int(graph.target[e])]] = graph.weight[e] }
            return out
        }
        #expect(ties(slice.graph, slice.nodes.map { network.names[$0] }) == ties(filtered.graph, filtered.names))
    }

    @Test func slicesFollowTheFocusAuthor() throws {
        let (network, dated) = try Self.load(try readBibTeX(Self.handBuilt))
        let ann = try #require(network.node(named: "Ann Able"))
        let graphs = SliceGraphs(corpus: dated, weighting: .count, maxAuthors: 50)
        let rows = TimeSlices.rows(graphs, spec: .sliding(window: 2, step: 2), focus: ann)
        #expect(rows.map { "\($0.from)-\($0.to)" } == ["2010-2011", "2012-2013", "2014-2015"])
        // 2010–11: Ann–Bob only. 2012–13: the triangle Ann, Cat, Dan. 2014–15: Ann–Cat, Cat–Dan, Dan–Eve (a path).
        #expect(rows.map(\.nodes) == [2, 3, 4])
        #expect(rows.map(\.edges) == [1, 3, 3])
        #expect(rows.map(\.components) == [1, 1, 1])
        let last = try #require(rows[2].focus)
        #expect(last.degree == 1 && last.strength == 2 && last.betweenness == 0)
        // Cat and Dan (degree 2) come before Ann; Ann and Eve (same degree) share the third rank.
        #expect(last.degreeRank == 3 && last.betweennessRank == 3)
        // In the triangle nobody lies between the others, and all three share the first rank:
        // Dan too, though last by name (a user trial of session 56 read a tie as second place).
        let middle = try #require(rows[1].focus)
        #expect(middle.degree == 2 && middle.degreeRank == 1 && middle.betweenness == 0)
        let dan = try #require(network.node(named: "Dan Dunn"))
        let danInTheTriangle = try #require(TimeSlices.rows(graphs, spec: .sliding(window: 2, step: 2), focus: dan)[1].focus)
        #expect(danInTheTriangle.degreeRank == 1 && danInTheTriangle.strengthRank == 1
                && danInTheTriangle.betweennessRank == 1 && danInTheTriangle.pagerankRank == 1)
        // Above the size limit betweenness and its rank are left out; within it they are computed.
        let limited = TimeSlices.rows(graphs, spec: .sliding(window: 2, step: 2), focus: ann, betweennessNodeLimit: 3)
        #expect(limited[2].focus?.betweenness == nil && limited[2].focus?.betweennessRank == nil)
        #expect(limited[2].focus?.pagerankRank != nil)
        #expect(limited[1].focus?.betweenness == 0 && limited[1].focus?.betweennessRank == 1)
    }

    /// Bob lies between Ann and Cat; a longer chain elsewhere makes the slice too large for the limit,
    /// but Bob's own component is small, and its value must equal the whole graph's: 1 pair of 15 → 1/15.
    @Test func betweennessFromTheFocusComponentAlone() throws {
        let (network, dated) = try Self.load(try readBibTeX("""
            @article{a, author = {Ann Able and Bob Best}, title = {A}, year = 2010}
            @article{b, author = {Bob Best and Cat Cole}, title = {B}, year = 2010}
            @article{c, author = {Dan Dunn and Eve Eng}, title = {C}, year = 2010}
            @article{d, author = {Eve Eng and Fay Fox}, title = {D}, year = 2010}
            @article{e, author = {Fay Fox and Gus Gray}, title = {E}, year = 2010}
            """))
        let bob = try #require(network.node(named: "Bob Best"))
        let graphs = SliceGraphs(corpus: dated, weighting: .count, maxAuthors: 50)
        let limited = TimeSlices.rows(graphs, spec: .sliding(window: 1, step: 1), focus: bob, betweennessNodeLimit: 3)
        let full = TimeSlices.rows(graphs, spec: .sliding(window: 1, step: 1), focus: bob, betweennessNodeLimit: nil)
        let value = try #require(limited[0].focus?.betweenness)
        #expect(abs(value - 1.0 / 15) < 1e-15)
        #expect(abs(value - full[0].focus!.betweenness!) < 1e-15)
        #expect(limited[0].focus?.betweennessRank == nil && full[0].focus?.betweennessRank == 3)
        #expect(limited[0].components == 2 && abs(limited[0].largestComponent - 4.0 / 7) < 1e-15)
    }

    @Test func chartIsWellFormedDeterministicAndEscaped() throws {
        let rows = [
            FocusYear(year: 2019, papers: 3, coauthors: 6, new: 6, returning: 0, cumulative: 6, solo: 0, team: 4),
            FocusYear(year: 2020, papers: 0, coauthors: 0, new: 0, returning: 0, cumulative: 6, solo: 0, team: nil),
        ]
        let chart = TimelineCharts.focus(rows, author: "Ann <&> \"Able\"", corpus: "a&b.bib")
        let svg = chart.svg()
        #expect(svg == chart.svg())
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
        #expect(svg.contains("Ann &lt;&amp;&gt; &quot;Able&quot;"))
        for label in ["year", "papers, co-authors per year", "collaborators so far", "new collaborators"] {
            #expect(svg.contains(">\(label)<") || svg.contains(">\(label) (right axis)<"))
        }
        #expect(svg.contains("a&amp;b.bib · 3 papers and 6 collaborators, 2019–2020"))
        // The co-authors' line equals the new collaborators' here (no one returns): it is drawn
        // wider under it, its points larger, so both show (it was hidden: a user trial of
        // session 62); the lines of the right axis are drawn as before.
        let strokes = svg.matches(of: /<g fill="none" stroke="(#[0-9a-f]{6})" stroke-width="([0-9.]+)"/).map { (String($0.1), String($0.2)) }
        try #require(strokes.count == 3, "\(strokes)")
        #expect(strokes.map(\.0) == ["#e69f00", "#009e73", "#cc79a7"] && strokes.map(\.1) == ["5.5", "2.5", "2.5"],
                "\(strokes)")
        #expect(svg.contains(#"<circle cx="#) && svg.contains(#" r="5.5""#) && svg.contains(#" r="3.5""#))
        // One paper, one collaborator, one year: no plural, no range (a user trial of session 56).
        let one = TimelineCharts.focus([FocusYear(year: 2021, papers: 1, coauthors: 1, new: 1, returning: 0, cumulative: 1, solo: 0, team: 2)],
                                       author: "Bo", corpus: "").svg()
        #expect(one.contains(">1 paper and 1 collaborator, 2021<"), "\(one)")
        #expect(!one.contains("textLength"))
        // A title wider than the chart is squeezed into it (it was cut off at both sides).
        let long = TimelineCharts.focus(rows, author: String(repeating: "Bartholomew-", count: 8) + "Longname", corpus: "").svg()
        #expect(long.contains(#"textLength="776" lengthAdjust="spacingAndGlyphs""#), "\(long.prefix(900))")
    }

    @Test func svgNumbersHaveNoExponentsOrLocale() {
        #expect(SVGWriter.number(12) == "12")
        #expect(SVGWriter.number(12.5) == "12.5")
        #expect(SVGWriter.number(-0.254) == "-0.25")
        #expect(SVGWriter.number(0.05) == "0.05")
        #expect(SVGWriter.number(1e-9) == "0")
        #expect(SVGWriter.number(123456.789) == "123456.79")
    }
}
