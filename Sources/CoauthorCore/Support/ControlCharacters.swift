extension String {
    /// The text without control characters (U+0000–U+001F, U+007F, U+0080–U+009F): a tab or
    /// line break becomes a blank, any other is dropped, and blanks are then collapsed. A label
    /// (a person's or an institution's) is shown on terminals and written to every export: a
    /// stray byte of a broken file kept there went through JSON, CSV and DOT but not XML (a
    /// user trial of session 54), and an escape character reaches the terminal as a command.
    /// - Complexity: O(n); the string itself, unchanged, when it has none (one pass over its
    ///   bytes).
    var withoutControlCharacters: String {
        var text = self
        let clean = text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) { return false }
                previous = byte
            }
            return true
        }
        if clean { return self }
        var kept = ""
        var blank = false
        for scalar in unicodeScalars {
            let value = scalar.value
            if value == 0x09 || value == 0x0A || value == 0x0D || value == 0x20 {
                blank = !kept.isEmpty
                continue
            }
            if value < 0x20 || (0x7F...0x9F).contains(value) { continue }
            if blank { kept.append(" ") }
            blank = false
            kept.unicodeScalars.append(scalar)
        }
        return kept
    }
}
