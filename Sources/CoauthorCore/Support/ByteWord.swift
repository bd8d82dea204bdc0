import CPrefetch

/// Tests on many bytes at once, where a scanner would look at each byte: in vector registers
/// (`CPrefetch`) where the processor has them.
enum ByteWord {
    /// Whether `bytes` have no control byte (below 0x20, ASCII white space among them), no two
    /// blanks in a row, and no byte that can lead a white-space scalar beyond ASCII (0xC2 for
    /// U+0085 and U+00A0, 0xE0…0xE3 for U+1680, U+2000…U+205F and U+3000): trimmed of blanks at
    /// their ends, they are their own white space collapsed (`LaTeX.collapseWhitespace`), ASCII
    /// or not. Sixteen bytes a step (`coauthor_single_spaced_text`).
    static func isSingleSpacedText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return coauthor_single_spaced_text(base, bytes.count) != 0
    }
}
