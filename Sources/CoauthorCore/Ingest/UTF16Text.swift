import Foundation

/// Text in UTF-16 with a byte-order mark (Web of Science's "Tab-delimited (Win, UTF-16)" export,
/// a file saved as "Unicode" by Windows tools), made UTF-8 before any reader sees it: they read
/// UTF-8, and such a file was "invalid UTF-8 at byte offset 0" or of no known type (a user trial
/// of session 53).
enum UTF16Text {
    /// Whether `bytes` start with UTF-16's byte-order mark, little- or big-endian.
    static func hasByteOrderMark(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        guard let a = iterator.next(), let b = iterator.next() else { return false }
        return (a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)
    }

    /// The UTF-8 of UTF-16 text `bytes` (byte-order mark dropped; a lone surrogate or a last odd
    /// byte is U+FFFD); nil when `bytes` do not start with the mark.
    /// - Complexity: O(n).
    static func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        guard hasByteOrderMark(bytes) else { return nil }
        let littleEndian = bytes[0] == 0xFF
        let count = (bytes.count - 2) / 2
        var units = [UInt16](repeating: 0, count: count)
        for k in 0..<count {
            let (low, high) = (UInt16(bytes[2 + 2 * k]), UInt16(bytes[3 + 2 * k]))
            units[k] = littleEndian ? low | high << 8 : high | low << 8
        }
        var text = String(decoding: units, as: UTF16.self)
        if bytes.count % 2 == 1 { text.append("\u{FFFD}") }
        return Array(text.utf8)
    }

    /// Whether the file at `path` starts with UTF-16's byte-order mark; false for anything but a
    /// regular file (a pipe read here would lose its first bytes to the reader after).
    static func fileHasByteOrderMark(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return hasByteOrderMark([UInt8]((try? handle.read(upToCount: 2)) ?? Data()))
    }
}
