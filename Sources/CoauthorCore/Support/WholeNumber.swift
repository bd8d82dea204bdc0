/// A whole-number metric's value (kept as a `Double` in `MetricTable`) as an `Int`: nil where it is
/// undefined (NaN, infinite), and `Int.max` or `Int.min` beyond them, where converting stopped the
/// run (a cited-by sum of `Int.max` is 2^63 as a `Double`: a user trial of session 53).
func wholeNumber(_ value: Double) -> Int? {
    guard value.isFinite else { return nil }
    if value >= 0x1p63 { return Int.max }
    if value < -0x1p63 { return Int.min }
    return Int(value)
}
