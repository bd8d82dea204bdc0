import Foundation

/// The publication formats the readers understand.
public enum InputFormat: String, Sendable, CaseIterable {
    case bibtex

    /// The format implied by a file name's extension, if supported.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "bib", "bibtex", "biblatex": self = .bibtex
        default: return nil
        }
    }
}

/// A failure to read the inputs at all (as opposed to a bad record inside a file).
public enum InputError: Error, Sendable, CustomStringConvertible {
    case notFound(String)
    case unreadable(String, reason: String)
    case noSupportedFiles(String)
    case unsupportedFormat(String)

    public var path: String {
        switch self {
        case .notFound(let p), .unreadable(let p, _), .noSupportedFiles(let p), .unsupportedFormat(let p): p
        }
    }

    public var description: String {
        switch self {
        case .notFound:
            "no such file or folder; give a .bib file or a folder of them (with no input, coauthor reads Data/)"
        case .unreadable(_, let reason):
            "cannot read the file (\(reason)); check its permissions"
        case .noSupportedFiles:
            "the folder holds no publication files (.bib); put your bibliography there or name the file"
        case .unsupportedFormat:
            "unknown file type; supported: .bib (use --input-format bibtex to read it anyway)"
        }
    }
}

/// Finds input files and reads them into one corpus (SPEC §1, §2).
public enum InputReader {
    /// Expands files and folders (a folder means every supported file in it, sorted by name).
    /// - Throws: `InputError` for a path that does not exist or a folder without supported files.
    public static func discover(_ paths: [String], format: InputFormat?) throws(InputError) -> [(path: String, format: InputFormat)] {
        var files: [(String, InputFormat)] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            if isDirectory.boolValue {
                let entries: [String]
                do {
                    entries = try manager.contentsOfDirectory(atPath: path)
                } catch {
                    throw .unreadable(path, reason: "the folder cannot be listed")
                }
                let supported = entries.sorted().compactMap { name -> (String, InputFormat)? in
                    guard !name.hasPrefix(".") else { return nil }
                    let ext = (name as NSString).pathExtension
                    guard let kind = format ?? InputFormat(pathExtension: ext), InputFormat(pathExtension: ext) != nil else { return nil }
                    return ((path as NSString).appendingPathComponent(name), kind)
                }
                if supported.isEmpty { throw .noSupportedFiles(path) }
                files.append(contentsOf: supported)
            } else {
                guard let kind = format ?? InputFormat(pathExtension: (path as NSString).pathExtension) else {
                    throw .unsupportedFormat(path)
                }
                files.append((path, kind))
            }
        }
        return files
    }

    /// Reads every input into one corpus. Files that cannot be read, and records
    /// that cannot be used, become error diagnostics; the same paper in two files counts once.
    /// - Throws: `InputError` only for paths that do not exist or folders without supported files.
    /// - Parameter encoding: how BibTeX bytes are decoded (SPEC §2: UTF-8, or Latin-1 when asked).
    public static func read(_ paths: [String], format: InputFormat? = nil, encoding: BibTeXReader.TextEncoding = .utf8) throws(InputError) -> Corpus {
        let files = try discover(paths, format: format)
        var corpus = Corpus()
        var seen: [String: SourceLocation] = [:]
        for (path, kind) in files {
            corpus.files += 1
            guard let data = FileManager.default.contents(atPath: path) else {
                corpus.diagnostics.append(Diagnostic(.error, at: .file(path),
                                                     "cannot read the file; check that it exists and is readable"))
                corpus.skipped += 1
                continue
            }
            let part: Corpus
            switch kind {
            case .bibtex:
                do {
                    part = try BibTeXReader.read(bytes: [UInt8](data), path: path, encoding: encoding)
                } catch {
                    corpus.diagnostics.append(Diagnostic(.error, at: error.location, error.description))
                    corpus.skipped += 1
                    continue
                }
            }
            corpus.records += part.records
            corpus.skipped += part.skipped
            corpus.duplicates += part.duplicates
            corpus.diagnostics += part.diagnostics
            guard files.count > 1 else {
                corpus.publications += part.publications
                continue
            }
            for publication in part.publications {
                let key = identityKey(publication)
                if let first = seen[key] {
                    corpus.duplicates += 1
                    corpus.diagnostics.append(Diagnostic(.warning, at: publication.location,
                                                         "'\(publication.key)' is the same paper as the entry at \(first); counted once"))
                    continue
                }
                seen[key] = publication.location
                corpus.publications.append(publication)
            }
        }
        return corpus
    }

    /// Same DOI, else same normalised title, year and author list.
    private static func identityKey(_ publication: Publication) -> String {
        if !publication.doi.isEmpty { return "doi:" + publication.doi.lowercased() }
        let title = NameKey.fold(publication.title.filter { $0.isLetter || $0.isNumber })
        let authors = publication.authors.map { NameKey.fold($0.last) }.joined(separator: ",")
        return "t:\(title)|\(publication.year ?? 0)|\(authors)"
    }
}
