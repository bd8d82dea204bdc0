/// One record's fields as the readers of tagged exports (Web of Science, MEDLINE) keep them until
/// the record closes: the bytes of every value back to back in one buffer that is reused from
/// record to record, so a line of the file makes no string (each value is a line of the plain
/// text, or an entry of a tab-delimited list).
struct TaggedFields {
    /// The values' bytes, back to back.
    private(set) var bytes: [UInt8] = []
    /// Value k is `bytes[valueEnds[k - 1]..<valueEnds[k]]` (value 0 starts at 0).
    private var valueEnds: [Int] = []
    /// The fields in file order: each tag's code (the reader's `tagCode`) and its first value; a
    /// field's values run up to the next field's first.
    private var fields: [(code: UInt64, firstValue: Int)] = []
    var isEmpty: Bool { fields.isEmpty }
    /// The number of fields.
    var count: Int { fields.count }
    /// The tag code of the last field opened.
    var lastCode: UInt64? { fields.last?.code }

    /// Forgets every field, keeping the buffers' capacity.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        valueEnds.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
    }

    /// Opens a field whose first value is `value`, as is.
    mutating func add(_ code: UInt64, _ value: some Collection<UInt8>) {
        fields.append((code, valueEnds.count))
        append(value)
    }

    /// Adds `value`, as is, to the last field.
    mutating func append(_ value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
        valueEnds.append(bytes.count)
    }

    /// Opens a field whose first value is `value` with its white space collapsed as
    /// `LaTeX.collapseWhitespace` collapses it.
    mutating func addCollapsed(_ code: UInt64, _ value: UnsafeBufferPointer<UInt8>) {
        fields.append((code, valueEnds.count))
        appendCollapsed(value)
    }

    /// Adds `value` to the last field with its white space collapsed as `LaTeX.collapseWhitespace`
    /// collapses it: byte by byte when no byte can lead a white-space scalar beyond ASCII
    /// (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000), else through the string function.
    mutating func appendCollapsed(_ value: UnsafeBufferPointer<UInt8>) {
        // Most values, trimmed of their end blanks (a continuation line's indent among them),
        // have single blanks and no white space beyond ASCII: copied as they are.
        let trimmed = LaTeX.trimmingBlanks(value)
        if ByteWord.isSingleSpacedText(trimmed) {
            bytes.append(contentsOf: trimmed)
            valueEnds.append(bytes.count)
            return
        }
        var ascii = true
        for byte in value where byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) {
            ascii = false
            break
        }
        if ascii {
            // Most values have single blanks only: copied in one go.
            let (range, clean) = LaTeX.asciiWhitespaceShape(value)
            if clean {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[range]))
            } else {
                LaTeX.appendCollapsingASCIIWhitespace(value[range], to: &bytes)
            }
        } else {
            bytes.append(contentsOf: LaTeX.collapseWhitespace(String(decoding: value, as: UTF8.self)).utf8)
        }
        valueEnds.append(bytes.count)
    }

    /// The first field with tag code `code`.
    func field(_ code: UInt64) -> Int? {
        fields.firstIndex { $0.code == code }
    }

    /// The values of the first field with tag code `code`, as indices for `range(of:)`.
    func values(_ code: UInt64) -> Range<Int>? {
        field(code).map(values(ofField:))
    }

    /// The tag code of field `field` (in file order).
    func code(ofField field: Int) -> UInt64 { fields[field].code }

    /// The values of field `field`, as indices for `range(of:)`.
    func values(ofField field: Int) -> Range<Int> {
        fields[field].firstValue..<(field + 1 < fields.count ? fields[field + 1].firstValue : valueEnds.count)
    }

    /// Where value `value` lies in `bytes`.
    func range(of value: Int) -> Range<Int> {
        (value == 0 ? 0 : valueEnds[value - 1])..<valueEnds[value]
    }

    /// `body` applied to the values of field `field` joined by single blanks, empty values left
    /// out: the bytes where they are when the field has one value, else a copy in `scratch`.
    func withJoinedValues<Result>(ofField field: Int, scratch: inout [UInt8],
                                  _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let values = values(ofField: field)
        return bytes.withUnsafeBufferPointer { all in
            if values.count == 1 { return body(UnsafeBufferPointer(rebasing: all[range(of: values.lowerBound)])) }
            scratch.removeAll(keepingCapacity: true)
            for k in values where !range(of: k).isEmpty {
                if !scratch.isEmpty { scratch.append(0x20) }
                scratch.append(contentsOf: all[range(of: k)])
            }
            return scratch.withUnsafeBufferPointer(body)
        }
    }
}

/// Values made from byte strings, each made once per distinct string: the parsed names and
/// affiliations an export repeats record after record, found by their bytes (`WordHash` and one
/// comparison) instead of by a `String` made for the lookup and hashed with SipHash.
struct ByteMemo<Value> {
    private var table = ByteKeyTable(expected: 1024)
    private var values: [Value] = []

    /// The value of `bytes`, made by `make` the first time they are asked for.
    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, _ make: () -> Value) -> Value {
        let (id, isNew) = slot(bytes)
        if isNew { append(make()) }
        return values[id]
    }

    /// The id of `bytes` and whether they are new, for a caller that makes the value itself
    /// (with other tables at hand) and then gives it to `append` before any other `slot`.
    mutating func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        table.findOrInsert(bytes, hash: WordHash.hash(bytes))
    }

    /// `body` applied to the bytes of the key of id `id`.
    func withKey<Result>(at id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        table.withKey(id, body)
    }

    /// The value of the id `slot` has just given as new.
    mutating func append(_ value: Value) {
        precondition(values.count == table.count - 1, "one value per new slot, in order")
        values.append(value)
    }

    /// `body` applied to the value of id `id` where it is kept (a value of many strings is not
    /// copied, and their reference counts not touched, to be read once).
    func withValue<Result>(at id: Int, _ body: (borrowing Value) -> Result) -> Result {
        values.withUnsafeBufferPointer { body($0[id]) }
    }
}

extension ByteMemo: Sendable where Value: Sendable {}
