import Foundation

/// The real bibliographies in `../shared/datasets`, decompressed on demand into a cache folder.
enum Datasets {
    /// Whether `../shared/datasets` (with its `expected_counts.json`) is beside the repository.
    static let available = FileManager.default.fileExists(
        atPath: Paths.datasets.appendingPathComponent("expected_counts.json").path)

    /// Where the `.xz` files are unpacked once and reused by later runs (never inside the repository).
    static let cache = URL(fileURLWithPath: ProcessInfo.processInfo.environment["COAUTHOR_DATASET_CACHE"] ?? "/tmp/coauthor-datasets")

    /// The BibTeX files of the datasets README, by their name in `expected_counts.json`.
    static let bibliographies: [(name: String, file: String)] = [
        ("biblatex-examples", "biblatex-examples/biblatex-examples.bib"),
        ("cdl-bibliography", "cdl-bibliography/cdl.bib"),
        ("dblp-2016-sigmod", "dblp-2016-sigmod/conf-sigmod.bib"),
        ("acl-anthology-2021", "acl-anthology-2021/acl-anthology-2021.bib.xz"),
        ("dblp-2016-topvenues", "dblp-2016-topvenues/dblp2016-topvenues.bib.xz"),
    ]

    struct Expected {
        var entries: Int
        var withAuthor: Int
        var authorships: Int
        var perYear: [Int: Int]
    }

    /// The counts `verify/verify_all.py` wrote for `name`.
    static func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: Paths.datasets.appendingPathComponent("expected_counts.json"))
        let all = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let entry = all?[name] as? [String: Any],
              let entries = entry["entries"] as? Int, let withAuthor = entry["with_author"] as? Int,
              let authorships = entry["authorships"] as? Int, let years = entry["per_year"] as? [String: Int]
        else { throw DatasetError.missing("expected counts of \(name)") }
        var perYear: [Int: Int] = [:]
        for (year, count) in years { perYear[Int(year)!] = count }
        return Expected(entries: entries, withAuthor: withAuthor, authorships: authorships, perYear: perYear)
    }

    /// A readable path of the dataset file: the file itself, or its decompressed copy in `cache`.
    static func path(of relative: String) throws -> String {
        let source = Paths.datasets.appendingPathComponent(relative)
        guard relative.hasSuffix(".xz") else { return source.path }
        let target = cache.appendingPathComponent(source.deletingPathExtension().lastPathComponent)
        let manager = FileManager.default
        if let attributes = try? manager.attributesOfItem(atPath: target.path),
           let size = attributes[.size] as? Int, size > 0 {
            return target.path
        }
        try manager.createDirectory(at: cache, withIntermediateDirectories: true)
        // Decompress to a unique name and rename, so parallel tests never see half a file.
        let partial = cache.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString)")
        guard manager.createFile(atPath: partial.path, contents: nil) else { throw DatasetError.missing("cannot write to \(cache.path)") }
        let output = try FileHandle(forWritingTo: partial)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xz", "-dc", source.path]
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        guard process.terminationStatus == 0 else {
            try? manager.removeItem(at: partial)
            throw DatasetError.missing("xz could not decompress \(source.path)")
        }
        _ = try? manager.removeItem(at: target)
        try manager.moveItem(at: partial, to: target)
        return target.path
    }

    enum DatasetError: Error, CustomStringConvertible {
        case missing(String)
        var description: String {
            switch self {
            case .missing(let what): "dataset problem: \(what)"
            }
        }
    }
}
