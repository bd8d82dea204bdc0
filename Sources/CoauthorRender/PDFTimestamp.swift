/// Removes the one thing that varies between two identical PDF renders.
///
/// cairo stamps each PDF with `/CreationDate (D:YYYYMMDDHHmmSS…)` taken from
/// the clock, so the same map rendered twice would differ. Rewriting the
/// digits in place keeps every byte offset (and so the cross-reference
/// table) valid.
enum PDFTimestamp {
    /// The date every rendered PDF claims: the Unix epoch, the convention of
    /// reproducible builds when no date is given.
    static let fixedDigits = Array("19700101000000".utf8)

    /// `pdf` with the digits of each `/CreationDate` and `/ModDate` replaced
    /// by ``fixedDigits``; anything else, or a date not in that form, is left alone.
    ///
    /// - Complexity: O(*n*) in the size of `pdf`.
    static func normalized(_ pdf: [UInt8]) -> [UInt8] {
        var result = pdf
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var start = 0
            while let found = firstIndex(of: pattern, in: result, from: start) {
                let digits = found + pattern.count
                let end = digits + fixedDigits.count
                if end <= result.count, result[digits..<end].allSatisfy({ (0x30...0x39).contains($0) }) {
                    result.replaceSubrange(digits..<end, with: fixedDigits)
                }
                start = digits
            }
        }
        return result
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == first && bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }
}
