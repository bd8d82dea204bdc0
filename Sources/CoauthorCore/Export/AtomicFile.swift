import Foundation

/// Errors writing output files.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var path: String {
        switch self {
        case let .cannotWrite(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .cannotWrite(_, reason):
            "cannot write the output (\(reason)); check that the folder exists and is writable"
        }
    }
}

/// Writes files so that readers see either the old contents or the complete new ones.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
    /// Creates the parent folder if needed. A failure leaves any earlier file intact.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: "cannot create \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            // Large exports are hundreds of megabytes: write them in place rather than copying into a Data first.
            let wrote: Void? = try bytes.withContiguousStorageIfAvailable { buffer in
                guard let base = buffer.baseAddress else { return try Data().write(to: temporary) }
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
                    .write(to: temporary)
            }
            if wrote == nil { try Data(bytes).write(to: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Writes UTF-8 text.
    public static func write(text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }
}
