/// The rules of an alias file (SPEC §3): merges that are forced and pairs that are never merged.
///
/// A plain value: the executable parses the YAML and hands this to `AuthorResolver`, so the core
/// needs no YAML library. Names are written the way a user types them (`Wei Wang 0001`,
/// `A. G. Dimakis`, `Müller, Jörg`) and matched with the `exact` key.
public struct AliasRules: Sendable, Hashable {
    /// A name as written in the alias file, with where it was written (for warnings).
    public struct Name: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation?

        public init(_ text: String, at location: SourceLocation? = nil) {
            self.text = text
            self.location = location
        }
    }

    /// `canonical: [variants…]`: every variant is the canonical person.
    public struct Merge: Sendable, Hashable {
        public var canonical: Name
        public var variants: [Name]

        public init(canonical: Name, variants: [Name]) {
            self.canonical = canonical
            self.variants = variants
        }
    }

    /// Two names that are different people, whatever the conservative rules say.
    public struct Distinct: Sendable, Hashable {
        public var first: Name
        public var second: Name

        public init(_ first: Name, _ second: Name) {
            self.first = first
            self.second = second
        }
    }

    public var merges: [Merge]
    public var distinct: [Distinct]
    /// `institutions:` of the file, `canonical: [spellings…]`: at institution level, the
    /// institutions read as any of the spellings (or the canonical name) are one node, labelled
    /// with the canonical name. An institution read under two spellings that coauthor does not
    /// join (`SW Univ Nationalities`, `Southwest Minzu University`) was two nodes, with no way to
    /// join them (a user trial of session 61).
    public var institutionMerges: [Merge]

    public init(merges: [Merge] = [], distinct: [Distinct] = [], institutionMerges: [Merge] = []) {
        self.merges = merges
        self.distinct = distinct
        self.institutionMerges = institutionMerges
    }

    /// No rules at all.
    public var isEmpty: Bool { merges.isEmpty && distinct.isEmpty && institutionMerges.isEmpty }
}
