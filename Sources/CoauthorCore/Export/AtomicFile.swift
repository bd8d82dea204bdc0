import CTemporaryFiles
import Foundation
import Synchronization

/// Errors writing output files.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    /// The disk (or the user's quota, or the file-size limit) has no room for the output.
    case noSpace(path: String, reason: String)

    public var path: String {
        switch self {
        case let .cannotWrite(path, _), let .noSpace(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .cannotWrite(_, reason):
            "cannot write the output (\(reason)); check that the folder exists and is writable"
        case let .noSpace(_, reason):
            "cannot write the output (\(reason)); free some space there or write elsewhere (any earlier file is unchanged)"
        }
    }

    /// The error for a failed system call, by its `errno`.
    static func failed(_ path: String, _ code: Int32) -> OutputError {
        let reason = String(cString: strerror(code))
        return [ENOSPC, EDQUOT, EFBIG].contains(code) ? .noSpace(path: path, reason: reason) : .cannotWrite(path: path, reason: reason)
    }
}

/// Writes files so that readers see either the old contents or the complete new ones.
///
/// The temporary file is registered (`CTemporaryFiles`) while it exists, so the executable's
/// signal handler removes it when the run is interrupted: an interrupted run leaves neither a
/// partial output nor a temporary file.
public enum AtomicFile {
    /// Numbers the temporary files of one process, so that two writes of the same path at once
    /// (threads, in-process tests) never share one.
    private static let sequence = Atomic<Int>(0)

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
    /// Creates the parent folder if needed. A failure (a full disk, a missing permission) leaves
    /// any earlier file intact and removes the temporary file.
    /// A `path` that is a device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) has no
    /// contents to keep and must stay what it is: it is written through, not replaced.
    /// - Complexity: O(bytes); large exports are written from their own storage, never copied.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG, (status.st_mode & S_IFMT) != S_IFDIR {
            return try writeThrough(bytes, to: path, flags: O_WRONLY)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: "cannot create \(folder.path)")
        }
        let number = sequence.wrappingAdd(1, ordering: .relaxed).oldValue
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid())-\(number).tmp").path
        let slot = coauthor_temporary_register(temporary)
        defer { coauthor_temporary_unregister(slot) }
        do {
            try writeThrough(bytes, to: temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_TRUNC)
        } catch {
            unlink(temporary)
            // Name the output the user asked for, not the temporary file.
            switch error {
            case let .cannotWrite(_, reason): throw .cannotWrite(path: path, reason: reason)
            case let .noSpace(_, reason): throw .noSpace(path: path, reason: reason)
            }
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .failed(path, code)
        }
    }

    /// Writes every byte to `path` opened with `flags`, retrying interrupted writes, and closes
    /// it, checking the close as well (a full disk can surface there).
    private static func writeThrough(_ bytes: some Collection<UInt8>, to path: String, flags: Int32) throws(OutputError) {
        let descriptor = open(path, flags | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .failed(path, errno) }
        let code: Int32 = bytes.withContiguousStorageIfAvailable { writeAll($0, to: descriptor) }
            ?? Array(bytes).withUnsafeBufferPointer { writeAll($0, to: descriptor) }
        if close(descriptor) != 0, code == 0, errno != EINTR { throw .failed(path, errno) }
        if code != 0 { throw .failed(path, code) }
    }

    /// 0, or the `errno` of the write that failed.
    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        var written = 0
        while written < buffer.count {
            let n = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return errno }
            if n == 0 { return EIO }
            written += n
        }
        return 0
    }

    /// Writes UTF-8 text.
    public static func write(text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }
}
