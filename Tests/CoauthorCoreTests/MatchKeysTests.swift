@testable import CoauthorCore
import Testing

/// A record's list names (`C1` prefixes, `RI`/`OI` entries) find the same author whether its
/// match keys are searched in order or, from `MatchKeys.indexedCount` authors on, by surname.
struct MatchKeysTests {
    /// The search in order, as the readers made it before surnames were hashed.
    private func linear(_ parsed: PersonName, _ key: ExportValues.MatchKey, _ keys: [ExportValues.MatchKey], _ names: [PersonName]) -> Int? {
        if let exact = keys.firstIndex(where: { $0.last == key.last && $0.first == key.first }) { return exact }
        let surname = keys.indices.filter { keys[$0].last == key.last }
        let initial = key.first.first
        let compatible = surname.filter { keys[$0].first.first == initial }
        if compatible.count == 1 { return compatible[0] }
        if surname.count == 1 && initial == nil { return surname[0] }
        // The last resort: one author whose first spelled-out given name and surname (or a
        // surname that begins the other's, or is begun by it) are among the name's words.
        func lastResort() -> Int? {
            func folded(_ text: String) -> [String] {
                text.split { $0 == " " || $0 == "-" || $0 == "." }.map { NameKey.fold($0) }.filter { !$0.isEmpty }
            }
            let named = Set(folded(parsed.first + " " + parsed.von + " " + parsed.last))
            let fitting = keys.indices.filter { index in
                guard let first = folded(names[index].first).first(where: { $0.count > 1 }), named.contains(first) else { return false }
                let surname = Set(folded(names[index].von + " " + names[index].last))
                let other = keys[index].last
                let begins = min(other.count, key.last.count) >= 4 && (other.hasPrefix(key.last) || key.last.hasPrefix(other))
                return !surname.isEmpty && (begins || surname.isSubset(of: named))
            }
            return fitting.count == 1 ? fitting[0] : nil
        }
        guard surname.isEmpty else { return compatible.isEmpty ? lastResort() : nil }
        let surnameWords = Set((parsed.von + " " + parsed.last).split { $0 == " " || $0 == "-" }.map { NameKey.fold($0) }.filter { !$0.isEmpty })
        guard !surnameWords.isEmpty else { return nil }
        let containing = keys.indices.filter { words(names[$0]).isSuperset(of: surnameWords) }
        return containing.count == 1 ? containing[0] : lastResort()
    }

    /// Every word of `name`, folded.
    private func words(_ name: PersonName) -> Set<String> {
        let whole = [name.first, name.von, name.last, name.jr].joined(separator: " ")
        return Set(whole.split { $0 == " " || $0 == "-" || $0 == "." }.map { NameKey.fold($0) }.filter { !$0.isEmpty })
    }

    @Test func hashedSurnamesFindWhatTheSearchInOrderFinds() throws {
        var random = SplitMix64(seed: 21)
        let lasts = ["Aria", "ARIA", "Müller", "Lopez", "Campina Lopez", "Wang", "van Dijk", "Dijk"]
        let firsts = ["Massimo", "M.", "", "Wei", "W.", "Alejandro Carlos", "A.", "Jan"]
        func name() -> String {
            let first = firsts[Int(random.next() % UInt64(firsts.count))]
            let last = lasts[Int(random.next() % UInt64(lasts.count))]
            return first.isEmpty ? last : "\(last), \(first)"
        }
        var found = 0, asked = 0
        for size in [3, 31, 32, 33, 120, 400] {
            for _ in 0..<10 {
                let authors = (0..<size).compactMap { _ in NameParser.parsePlainName(name()) }
                let keys = authors.map(ExportValues.matchKey)
                let indexed = ExportValues.MatchKeys(keys, names: authors)
                for _ in 0..<60 {
                    let parsed = try #require(NameParser.parsePlainName(name()))
                    let key = ExportValues.matchKey(parsed)
                    let expected = linear(parsed, key, keys, authors)
                    #expect(ExportValues.authorIndex(of: parsed, key: key, in: indexed) == expected, "\(size) authors, \(parsed)")
                    asked += 1
                    if expected != nil { found += 1 }
                }
            }
        }
        #expect(asked == 3_600)
        #expect(found > 300 && found < asked, "\(found) of \(asked) found")
    }
}
