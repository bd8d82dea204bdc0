/// The countries the affiliations of a name variant's authorships are in, found on demand.
///
/// The name rules ask it before an abbreviated name joins its one fuller form. SPEC §3 merges
/// such a name "only when" that form is the only compatible one, a condition another may narrow:
/// a name whose papers are all affiliated in other countries than the fuller form's is, most
/// likely, another person. A user trial of session 56 found `X. Huang` of an EMG paper from
/// Worcester, USA made one with `Xiongchuan Huang` of IMEC in the Netherlands, and `Y. Zhang` of
/// a Petri-net paper from Qingdao one with a radio engineer of IMEC. People move, so only
/// disjoint sets keep names apart, and only where no co-author is written alike on both sides'
/// papers: a name with no affiliation, one country in common, or a co-author in common merges
/// as before.
///
/// Corpora without affiliations (BibTeX, DBLP, CSL-JSON) answer at the first question, after one
/// pass over the publications; the index of each variant's authorships is made only when the
/// rules first ask, which most export corpora never do (every author's full name given).
struct VariantCountries {
    private let publications: [Publication]
    /// Each variant's name.
    private let names: [PersonName]
    private let pubVariants: [Int32]
    private let pubStarts: [Int]
    private let variantCount: Int
    /// Each variant's authorships, `authorships[starts[v]..<starts[v + 1]]`, each as the paper
    /// and the author's place on it; nil until asked (and empty when no paper has affiliations).
    private var index: (starts: [Int32], papers: [Int32], places: [Int32])?
    private var known: [Int: Set<String>] = [:]

    /// - Precondition: `pubVariants` and `pubStarts` describe `publications` (the authors of
    ///   paper `p`, in printed order, at `pubStarts[p]..<pubStarts[p + 1]`).
    init(publications: [Publication], names: [PersonName], pubVariants: [Int32], pubStarts: [Int]) {
        precondition(pubStarts.count == publications.count + 1 && pubStarts.last == pubVariants.count,
                     "one list of variants per publication")
        self.publications = publications
        self.names = names
        self.pubVariants = pubVariants
        self.pubStarts = pubStarts
        variantCount = names.count
    }

    /// The ISO codes of the countries that the affiliations of `variant`'s authorships are in.
    /// - Complexity: O(P + A) at the first question, for P publications and A authorships; then
    ///   O(the variant's authorships and their affiliations).
    mutating func countries(of variant: Int) -> Set<String> {
        if let found = known[variant] { return found }
        let index = self.index ?? makeIndex()
        self.index = index
        var codes = Set<String>()
        if !index.starts.isEmpty {
            for slot in Int(index.starts[variant])..<Int(index.starts[variant + 1]) {
                let affiliations = publications[Int(index.papers[slot])].extras.affiliations
                let place = Int(index.places[slot])
                guard place < affiliations.count else { continue }
                for affiliation in affiliations[place] {
                    if let code = Countries.code(of: affiliation) { codes.insert(code) }
                }
            }
        }
        known[variant] = codes
        return codes
    }

    /// What the affiliations say of names `a` and `b` (their variants) becoming one person.
    enum Judgement: Equatable {
        /// Their countries differ, and no co-author bridges them: the reason they stay apart.
        case apart(String)
        /// Their countries differ, but a co-author wrote with both: said with the merge.
        case bridged(String)
    }

    /// Whether names `a` and `b` (their variants) are no person: their affiliations are known on
    /// both sides and are in no country in common, and no co-author is written alike on both
    /// sides' papers, in full (`Ann Roe`, not `A. Roe`, which may be several people) and on a
    /// paper of at most `largestTeam` authors. Nil when the countries do not say. A co-author in
    /// common is a person who moved (a review of session 57: `R. Keshavan` of Oxford and
    /// `Raghunandan Keshavan` of Stanford, whose papers their supervisor signed both).
    /// - Complexity: O(the authorships of both sides' papers), after the first question's index.
    mutating func judge(_ a: [Int], _ b: [Int]) -> Judgement? {
        let first = a.reduce(into: Set<String>()) { $0.formUnion(countries(of: $1)) }
        guard !first.isEmpty else { return nil }
        let second = b.reduce(into: Set<String>()) { $0.formUnion(countries(of: $1)) }
        guard !second.isEmpty, first.isDisjoint(with: second) else { return nil }
        let difference = "their affiliations are in different countries (\(first.sorted().joined(separator: " ")) against \(second.sorted().joined(separator: " ")))"
        let sides = Set(a + b)
        let shared = coauthors(of: a).subtracting(sides).intersection(coauthors(of: b))
        guard let bridge = shared.min() else { return .apart("kept apart: \(difference) and no co-author is in common") }
        return .bridged("\(difference), but \(names[bridge].displayName) wrote with both")
    }

    /// Papers with more authors than this bridge no one (as `--max-authors` ties no one by them).
    static let largestTeam = 50

    /// The variants written in full on the papers of `variants` of at most `largestTeam` authors
    /// (theirs among them).
    /// - Complexity: O(the authorships of those papers).
    private mutating func coauthors(of variants: [Int]) -> Set<Int> {
        let index = self.index ?? makeIndex()
        self.index = index
        var found = Set<Int>()
        guard !index.starts.isEmpty else { return found }
        for variant in variants {
            for slot in Int(index.starts[variant])..<Int(index.starts[variant + 1]) {
                let paper = Int(index.papers[slot])
                guard pubStarts[paper + 1] - pubStarts[paper] <= Self.largestTeam else { continue }
                for k in pubStarts[paper]..<pubStarts[paper + 1] where !WebOfScienceReader.hasInitialsOnly(names[Int(pubVariants[k])]) {
                    found.insert(Int(pubVariants[k]))
                }
            }
        }
        return found
    }

    /// Each variant's authorships, counted then placed; empty arrays when no paper has
    /// affiliations per author.
    private func makeIndex() -> (starts: [Int32], papers: [Int32], places: [Int32]) {
        guard publications.contains(where: { $0.hasExtras && !$0.extras.affiliations.isEmpty }) else { return ([], [], []) }
        var starts = [Int32](repeating: 0, count: variantCount + 1)
        for variant in pubVariants { starts[Int(variant) + 1] += 1 }
        for v in 0..<variantCount { starts[v + 1] += starts[v] }
        var next = starts
        var papers = [Int32](repeating: 0, count: pubVariants.count)
        var places = [Int32](repeating: 0, count: pubVariants.count)
        for paper in 0..<publications.count {
            for k in pubStarts[paper]..<pubStarts[paper + 1] {
                let variant = Int(pubVariants[k])
                let slot = Int(next[variant])
                next[variant] += 1
                papers[slot] = Int32(paper)
                places[slot] = Int32(k - pubStarts[paper])
            }
        }
        return (starts, papers, places)
    }
}
