/// Everything the HTML report shows, as plain values: `HTMLReport.page` turns
/// one into a self-contained page, `HTMLReportBuilder` fills one from a network,
/// its metrics and a rendered map's layout (SPEC §9).
///
/// Authors are indexed by the network's node ids; ties by its edge ids.
public struct HTMLReportModel: Sendable, Equatable {
    /// One author: who, how much, when, and where the map draws them.
    public struct Author: Sendable, Equatable {
        public var name: String
        /// The other spellings merged into this author (SPEC §3), searchable in the page.
        public var variants: [String]
        /// Other words that find this node in the page's search without being its spellings in
        /// the data (a country's code and its names in other languages: `DE`, `Deutschland`).
        public var aliases: [String] = []
        public var papers: Int
        /// Distinct years with a publication, ascending (what the year slider reads).
        public var years: [Int]
        /// Centre on the map in points, y growing upwards (Graphviz's convention); nil when the map leaves the author out.
        public var x: Double?
        public var y: Double?
        /// Diameter on the map in points.
        public var diameter: Double?

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(name: String, variants: [String] = [], papers: Int, years: [Int],
                    x: Double? = nil, y: Double? = nil, diameter: Double? = nil) {
            self.name = name
            self.variants = variants
            self.papers = papers
            self.years = years
            self.x = x
            self.y = y
            self.diameter = diameter
        }
    }

    /// One co-authorship tie with its tie metrics (SPEC §6).
    public struct Tie: Sendable, Equatable {
        public var source: Int
        public var target: Int
        public var papers: Int
        public var weight: Double
        public var firstYear: Int?
        public var lastYear: Int?
        /// Distinct years with a joint paper, ascending.
        public var years: [Int]
        public var recency: Double

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(source: Int, target: Int, papers: Int, weight: Double, firstYear: Int?, lastYear: Int?,
                    years: [Int], recency: Double) {
            self.source = source
            self.target = target
            self.papers = papers
            self.weight = weight
            self.firstYear = firstYear
            self.lastYear = lastYear
            self.years = years
            self.recency = recency
        }
    }

    /// One way of colouring the map (community, first year, component), as the SVG map draws it.
    public struct Coloring: Sendable, Equatable {
        /// The `--color-by` value: `community`, `first-year`, `component`.
        public var key: String
        /// What the legend's heading says.
        public var title: String
        /// Legend rows: what each colour means (without counts; the page counts the authors shown).
        public var legend: [String]
        /// `#rrggbb` per legend row.
        public var colors: [String]
        /// The legend row of each author; -1 for authors the map leaves out.
        public var group: [Int]

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(key: String, title: String, legend: [String], colors: [String], group: [Int]) {
            self.key = key
            self.title = title
            self.legend = legend
            self.colors = colors
            self.group = group
        }
    }

    /// One node metric for every author (nil where undefined, e.g. NaN constraint).
    public struct MetricColumn: Sendable, Equatable {
        public var key: String
        public var summary: String
        /// Whether values are whole numbers (papers, degree, core).
        public var isInteger: Bool
        public var values: [Double?]
        /// How the values were estimated (`estimated by sampling, every value within ±0.05`),
        /// nil when they are exact: the page marks estimates as such.
        public var estimate: String?
        /// For an estimate with a bound in the metric's units, the bound: every value within ± it
        /// (betweenness; harmonic's largest, `bounds` giving each unit's); nil otherwise.
        public var bound: Double?
        /// For an estimate whose bound differs from unit to unit (harmonic: n·ε times the unit's
        /// strongest tie), each unit's bound, which the side panel shows beside the value; nil otherwise.
        public var bounds: [Double]?

        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(key: String, summary: String, isInteger: Bool, values: [Double?], estimate: String? = nil,
                    bound: Double? = nil, bounds: [Double]? = nil) {
            self.key = key
            self.summary = summary
            self.isInteger = isInteger
            self.values = values
            self.estimate = estimate
            self.bound = bound
            self.bounds = bounds
        }
    }

    /// One line of the corpus summary.
    public struct Statistic: Sendable, Equatable {
        public var name: String
        public var value: String
        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A merge of name variants (SPEC §3) with its evidence.
    public struct Merge: Sendable, Equatable {
        public var variant: String
        public var into: String
        public var reason: String
        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(variant: String, into: String, reason: String) {
            self.variant = variant
            self.into = into
            self.reason = reason
        }
    }

    /// Names that look alike but were kept apart, and why.
    public struct KeptApart: Sendable, Equatable {
        public var variant: String
        public var candidates: [String]
        public var reason: String
        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(variant: String, candidates: [String], reason: String) {
            self.variant = variant
            self.candidates = candidates
            self.reason = reason
        }
    }

    /// A node of an institution network and the spellings of the affiliations read as it.
    public struct UnitSpellings: Sendable, Equatable {
        public var unit: String
        public var spellings: [String]
        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(unit: String, spellings: [String]) {
            self.unit = unit
            self.spellings = spellings
        }
    }

    /// A file written beside the page.
    public struct Download: Sendable, Equatable {
        public var label: String
        /// Relative to the page (e.g. `network.graphml`).
        public var href: String
        // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
        // other value type's, deliberately.
        public init(label: String, href: String) {
            self.label = label
            self.href = href
        }
    }

    /// The page's heading (corpus, and what part of the network the map shows).
    public var title: String
    /// Under the heading: counts, what size and colour mean, filters.
    public var subtitle: String
    /// Set when the map shows only part of the network ("strongest 2000 of 5753 authors by pagerank").
    public var partNote: String?
    /// Set when metrics were estimated by sampling: their guarantees, shown under the heading.
    public var estimateNote: String?
    public var authors: [Author]
    public var ties: [Tie]
    /// The focus author (SPEC §1), if any.
    public var focus: Int?
    /// The metric node area is proportional to.
    public var sizeMetric: String
    /// `joint papers` or `fractional weight`.
    public var weightName: String
    public var colorings: [Coloring]
    /// Index into `colorings` of the one `network.svg` uses.
    public var defaultColoring: Int
    public var metrics: [MetricColumn]
    public var statistics: [Statistic]
    /// The focus author's per-year table (SPEC §6).
    public var timeline: [FocusYear]
    /// The same as a chart (an SVG document), when there is a focus author.
    public var timelineChart: String?
    public var merges: [Merge]
    public var keptApart: [KeptApart]
    /// At institution level, the nodes read under more than one spelling (the identity
    /// decisions of that level: a user trial of session 61 found no way to see them).
    public var unitSpellings: [UnitSpellings]
    public var downloads: [Download]
    /// The map alone (`render --format html`): no dashboard around it.
    public var mapOnly: Bool
    /// What a node's neighbours are called, singular and plural: `co-author(s)` between authors,
    /// `partner(s)` between institutions or countries.
    public var neighbourWords: [String]
    /// What a node is called, singular and plural: `author(s)`, `institution(s)`, `country`/`countries`.
    public var unitWords: [String]

    // Public memberwise initialiser (Swift synthesises an internal one only): shaped like every
    // other value type's, deliberately.
    public init(title: String, subtitle: String, partNote: String? = nil, estimateNote: String? = nil, authors: [Author], ties: [Tie],
                focus: Int? = nil, sizeMetric: String = "pagerank", weightName: String = "joint papers",
                colorings: [Coloring] = [], defaultColoring: Int = 0, metrics: [MetricColumn] = [],
                statistics: [Statistic] = [], timeline: [FocusYear] = [], timelineChart: String? = nil,
                merges: [Merge] = [], keptApart: [KeptApart] = [], unitSpellings: [UnitSpellings] = [], downloads: [Download] = [], mapOnly: Bool = false,
                neighbourWords: [String] = ["co-author", "co-authors"], unitWords: [String] = ["author", "authors"]) {
        precondition(neighbourWords.count == 2 && unitWords.count == 2, "a singular and a plural")
        self.title = title
        self.subtitle = subtitle
        self.partNote = partNote
        self.estimateNote = estimateNote
        self.authors = authors
        self.ties = ties
        self.focus = focus
        self.sizeMetric = sizeMetric
        self.weightName = weightName
        self.colorings = colorings
        self.defaultColoring = defaultColoring
        self.metrics = metrics
        self.statistics = statistics
        self.timeline = timeline
        self.timelineChart = timelineChart
        self.merges = merges
        self.keptApart = keptApart
        self.unitSpellings = unitSpellings
        self.downloads = downloads
        self.mapOnly = mapOnly
        self.neighbourWords = neighbourWords
        self.unitWords = unitWords
    }
}
