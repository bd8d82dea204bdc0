/// How far apart two short words are, for "did you mean" hints (a command, a metric, a name).
public enum EditDistance {
    /// The edits (insertions, deletions, substitutions) and transpositions of two neighbours
    /// that turn `a` into `b` (optimal string alignment), or nil where it exceeds `limit`.
    /// - Complexity: O(|a|·|b|) time, O(|b|) memory; O(1) where the lengths differ by more
    ///   than `limit`.
    public static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count), before = previous
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { row[j] = min(row[j], before[j - 2] + 1) }
            }
            (before, previous) = (previous, row)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
