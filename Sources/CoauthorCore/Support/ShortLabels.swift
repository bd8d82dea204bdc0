extension String {
    /// The text cut to at most `width` columns of a terminal (`TextTable.displayWidth`: two for
    /// a wide character), its end replaced by `…` where it is cut. A name of six hundred letters
    /// made a map 4,831 points wide and a terminal table thousands of columns wide (a user trial
    /// of session 61); tooltips, exports and CSV keep the whole name.
    /// - Complexity: O(n).
    public func shortened(toWidth width: Int) -> String {
        precondition(width >= 2, "room for a character and the ellipsis")
        guard TextTable.displayWidth(self) > width else { return self }
        var kept = ""
        var used = 0
        for character in self {
            let columns = TextTable.displayWidth(String(character))
            if used + columns > width - 1 { break }
            kept.append(character)
            used += columns
        }
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }
}
