/// Encodings that make arbitrary text come out of Graphviz exactly as written.
///
/// Graphviz 2.42 passes each kind of string attribute through a different
/// mix of layers: escape-sequence expansion (`\N`, `\G`, `\E`, `\n`, `\l`,
/// `\\`), sometimes twice; HTML entities decoded to UTF-8; and an SVG writer
/// that leaves anything looking like an entity (`&lt;`) unescaped. Each
/// function below undoes exactly the layers its attribute goes through; the
/// hostile-name tests pin this down, because the layers are undocumented.
///
/// Every function turns each run of control characters (and noncharacters) into one space: a
/// newline or tab in a name is an accident of the input, NUL would cut the C
/// string short, and Graphviz writes a second consecutive space as U+00A0.
enum GraphvizText {
    /// For `label` and `xlabel`: entities are decoded once, escape sequences
    /// expanded once, and the SVG writer escapes every `&`.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func label(_ text: String) -> String {
        encoded(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "&": "&amp;"
            default: nil
            }
        }
    }

    /// For `tooltip`: as for labels, except that escape sequences are
    /// expanded twice (once when the tooltip is read, once when it is written).
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func tooltip(_ text: String) -> String {
        encoded(text) { scalar in
            switch scalar {
            case "\\": "\\\\\\\\"
            case "&": "&amp;"
            default: nil
            }
        }
    }

    /// For `id`: escape sequences are expanded once but entities are not
    /// decoded, and the SVG writer passes entity-like text through, so a
    /// literal `&` must arrive as `&amp;`.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func id(_ text: String) -> String {
        label(text)
    }

    /// For text inside an HTML-like label, which Graphviz parses as XML and
    /// whose text spans still get escape-sequence expansion.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func html(_ text: String) -> String {
        encoded(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            default: nil
            }
        }
    }

    private static func encoded(_ text: String, replacing: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var afterControl = false
        for scalar in text.unicodeScalars {
            // Noncharacters (U+FFFE, U+FFFF, …) too: no XML carries them, and Graphviz's SVG
            // reader refused the map ("not well-formed": a user trial of session 53).
            if scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint {
                if !afterControl { result += " " }
                afterControl = true
                continue
            }
            afterControl = false
            if let replacement = replacing(scalar) {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
