import CoauthorCore
import Foundation
import Yams

/// Reads the alias file of `--aliases` (SPEC §3) with Yams into the core's `AliasRules`.
///
/// ```yaml
/// merge:
///   "Alexandros G. Dimakis": ["Alex Dimakis", "A. G. Dimakis"]
/// distinct:
///   - ["Wei Wang", "Wei Wang 0001"]
/// institutions:
///   "University of Trento": ["Univ Trento", "Univ Trent"]
/// ```
/// Every name keeps the line and column where it was written, so warnings about it point there.
enum AliasFile {
    /// A problem that makes the file unusable, at its place in the file.
    struct Problem: Error {
        var location: SourceLocation
        var message: String
    }

    /// Parses the file at `path`.
    /// - Throws: `Problem` when the file cannot be read, is not YAML, or does not have the shape above.
    static func read(_ path: String) throws(Problem) -> AliasRules {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(location: .file(path), message: "cannot read the alias file; check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Problem(location: .file(path), message: "the alias file is not UTF-8")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Problem(location: location(of: error, in: path, text: text), message: "not valid YAML: \(problem(of: error, in: text))")
        } catch {
            throw Problem(location: .file(path), message: "not valid YAML: \(error)")
        }
        guard let root else { return AliasRules() }
        guard case .mapping(let top) = root else {
            throw Problem(location: place(root, path), message: "the alias file must be a mapping with the keys 'merge', 'distinct' and 'institutions'")
        }
        var rules = AliasRules()
        for (key, value) in top {
            switch key.string {
            case "merge":
                rules.merges += try merges(value, key: "merge", path)
            case "institutions":
                rules.institutionMerges += try merges(value, key: "institutions", path)
            case "distinct":
                guard case .sequence(let pairs) = value else {
                    throw Problem(location: place(value, path), message: "'distinct' must be a list of pairs of names")
                }
                for pair in pairs {
                    guard case .sequence(let two) = pair, two.count == 2 else {
                        throw Problem(location: place(pair, path), message: "each 'distinct' entry must be a pair of names, e.g. [\"Wei Wang\", \"Wei Wang 0001\"]")
                    }
                    rules.distinct.append(AliasRules.Distinct(try name(two[0], path), try name(two[1], path)))
                }
            default:
                throw Problem(location: place(key, path), message: "unknown key '\(key.string ?? "")'; the alias file has 'merge', 'distinct' and 'institutions'")
            }
        }
        return rules
    }

    /// The merges of a `merge` or `institutions` mapping: each canonical name to its variants.
    private static func merges(_ value: Node, key: String, _ path: String) throws(Problem) -> [AliasRules.Merge] {
        guard case .mapping(let merges) = value else {
            throw Problem(location: place(value, path), message: "'\(key)' must map a canonical name to a list of its variants")
        }
        var rules: [AliasRules.Merge] = []
        for (canonical, variants) in merges {
            let names: [Node]
            switch variants {
            case .sequence(let list): names = Array(list)
            case .scalar: names = [variants]
            default:
                throw Problem(location: place(variants, path), message: "the variants of '\(canonical.string ?? "")' must be a list of names")
            }
            var variantNames: [AliasRules.Name] = []
            for node in names { variantNames.append(try name(node, path)) }
            rules.append(AliasRules.Merge(canonical: try name(canonical, path), variants: variantNames))
        }
        return rules
    }

    private static func name(_ node: Node, _ path: String) throws(Problem) -> AliasRules.Name {
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Problem(location: place(node, path), message: "expected a name here")
        }
        return AliasRules.Name(scalar.string, at: place(node, path))
    }

    private static func place(_ node: Node, _ path: String) -> SourceLocation {
        guard let mark = node.mark else { return .file(path) }
        return SourceLocation(path: path, line: mark.line, column: mark.column)
    }

    private static func location(of error: YamlError, in path: String, text: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            SourceLocation(path: path, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, _):
            repeatedKey(duplicates.first ?? "", in: text).map { SourceLocation(path: path, line: $0.line, column: $0.column) } ?? .file(path)
        default:
            .file(path)
        }
    }

    /// Where `key` is written a second time as a mapping's key (`merge:` twice), 1-based.
    static func repeatedKey(_ key: String, in text: String) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard [key + ":", "\"" + key + "\":", "'" + key + "':"].contains(where: { rest.hasPrefix($0) }) else { continue }
            seen += 1
            if seen == 2 { return (index + 1, indent + 1) }
        }
        return nil
    }

    /// The problem in one line, said as a user fixes it (Yams's own text for a repeated key ran
    /// over several lines, printed as `\x0A`, and pointed at line 1: a user trial of session 60).
    private static func problem(of error: YamlError, in text: String) -> String {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let said = [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: " ")
            // A tab where YAML wants blanks is the usual cause of a scanner's complaint.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let tabbed = mark.line >= 1 && mark.line <= lines.count && lines[mark.line - 1].prefix { $0 == " " || $0 == "\t" }.contains("\t")
            return tabbed ? said + " (a tab indents this line: YAML indents with spaces)" : said
        case .duplicatedKeysInMapping(let duplicates, _):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return "the key \(keys) is written twice in one mapping; write it once, with every entry under it"
        default:
            return "\(error)".replacingOccurrences(of: "\n", with: " ")
        }
    }
}
