/// The names one person record (a DBLP `www` homepage entry) lists for a single person.
///
/// Not a publication: it is evidence for author identity, used by `AuthorResolver` to merge
/// spellings that the source itself says belong to one person.
public struct PersonRecord: Sendable, Hashable {
    /// Every name of the person, the primary one first.
    public var names: [PersonName]
    /// Where the record starts in its file.
    public var location: SourceLocation

    public init(names: [PersonName], location: SourceLocation) {
        self.names = names
        self.location = location
    }
}
