import CTemporaryFiles
import Foundation
import Synchronization

/// Errors writing output files.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    /// The disk (or the user's quota, or the file-size limit) has no room for the output.
    case noSpace(path: String, reason: String)
    /// A folder has the output's name.
    case isFolder(path: String)
    /// An existing file cannot be replaced, for the reason given (whose way out it names).
    case cannotReplace(path: String, reason: String)

    public var path: String {
        switch self {
        case let .cannotWrite(path, _), let .noSpace(path, _), let .isFolder(path), let .cannotReplace(path, _): path
        }
    }

    public var description: String {
        switch self {
        case let .cannotWrite(_, reason):
            "cannot write the output (\(reason)); check that the folder exists and is writable"
        case let .noSpace(_, reason):
            "cannot write the output (\(reason)); free some space there or write elsewhere (any earlier file is unchanged)"
        case .isFolder:
            "cannot write the output: a folder has its name; move the folder or write elsewhere"
        case let .cannotReplace(_, reason):
            "cannot write the output: \(reason)"
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
    /// A standard stream or descriptor named as a file (`/dev/stdout`, `/dev/fd/3`,
    /// `/proc/self/fd/1`) is written through too, appended to the file it may be redirected to
    /// (`>> log.txt`). Any other `path` that is a symbolic link is followed: the file it points
    /// to gets the new contents, and the link stays. A file replaced keeps its permissions.
    /// - Complexity: O(bytes); large exports are written from their own storage, never copied.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputError) {
        let (path, through) = try destination(path)
        if let flags = through { return try writeThrough(bytes, to: path, flags: flags) }
        var made: [String] = []
        let (temporary, slot) = try stage(bytes, for: path, madeFolders: &made)
        defer { coauthor_temporary_unregister(slot) }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            removeEmpty(made)
            throw .failed(path, code)
        }
    }

    /// Writes several files as one: each is written to a temporary file beside it first, and only
    /// when all are written are they renamed into place, an interrupting signal waiting until the
    /// last is (`coauthor_temporary_begin_commit`). A failure while they are written (a full
    /// disk, a folder with an output's name) leaves every earlier file as it was, and no
    /// temporary file: a report's files describe one network, never two. (A rename that fails
    /// part-way, which nothing but the folder changing under the run makes happen, leaves the
    /// files renamed before it.) Devices and FIFOs are written through after.
    /// - Complexity: O(total bytes).
    public static func write(files: [(path: String, bytes: [UInt8])]) throws(OutputError) {
        var staged: [(temporary: String, path: String, slot: Int32)] = []
        var through: [(path: String, bytes: [UInt8], flags: Int32)] = []
        // The folders made for the files: removed again, where still empty, when nothing is
        // written (a full disk left an empty report folder: a user trial of session 53).
        var made: [String] = []
        func discard() {
            for file in staged {
                unlink(file.temporary)
                coauthor_temporary_unregister(file.slot)
            }
            removeEmpty(made)
        }
        for (path, bytes) in files {
            do throws(OutputError) {
                let (path, flags) = try destination(path)
                if let flags {
                    through.append((path, bytes, flags))
                    continue
                }
                // A file that cannot be replaced is found before any is written: in a folder with
                // the sticky bit (`/tmp`), another user's file cannot be renamed over, and a report
                // was left with some files new and the rest old (a hostile-input trial of session 55).
                if let reason = unreplaceable(path) { throw .cannotReplace(path: path, reason: reason) }
                let (temporary, slot) = try stage(bytes, for: path, madeFolders: &made)
                staged.append((temporary, path, slot))
            } catch {
                discard()
                throw error
            }
        }
        coauthor_temporary_begin_commit()
        var failure: OutputError?
        for file in staged {
            if failure == nil, rename(file.temporary, file.path) != 0 { failure = .failed(file.path, errno) }
            if failure != nil { unlink(file.temporary) }
            coauthor_temporary_unregister(file.slot)
        }
        coauthor_temporary_end_commit()
        if let failure { throw failure }
        for (path, bytes, flags) in through { try writeThrough(bytes, to: path, flags: flags) }
    }

    /// Why the file at `path` cannot be renamed over, where it is known before trying: it belongs
    /// to another user in a folder with the sticky bit, which only the file's or the folder's
    /// owner (or root) may replace files in. Nil where it can be, or there is no file.
    private static func unreplaceable(_ path: String) -> String? {
        var file = stat(), folder = stat()
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard lstat(path, &file) == 0, stat(parent, &folder) == 0, folder.st_mode & S_ISVTX != 0 else { return nil }
        let user = geteuid()
        guard user != 0, user != file.st_uid, user != folder.st_uid else { return nil }
        return "\(URL(fileURLWithPath: path).lastPathComponent) belongs to another user, and the folder's sticky bit lets only its owner replace it; "
            + "remove it as its owner, or write elsewhere; no file was written"
    }

    /// Where the bytes for `path` go: the path written through with the flags to open it with
    /// (a device or FIFO, or a standard stream or descriptor named as a file), or the file to
    /// replace, its links followed. Streams are found before any link is followed: the link of
    /// `/dev/stdout` into a pipe names no file (`pipe:[191107]`, a review of session 54).
    private static func destination(_ path: String) throws(OutputError) -> (path: String, through: Int32?) {
        if try target(path) == .stream { return (path, O_WRONLY) }
        let descriptor = ["/dev/stdout", "/dev/stderr"].contains(path) || path.hasPrefix("/dev/fd/")
            || (path.hasPrefix("/proc/") && path.contains("/fd/"))
        if descriptor { return (path, O_WRONLY | O_APPEND) }
        let followed = try followingLinks(path)
        return try target(followed) == .stream ? (followed, O_WRONLY) : (followed, nil)
    }

    /// What an output path is: a file to replace (a regular file, or nothing yet), or a device
    /// or FIFO to write through; a folder is an error.
    private enum Target { case file, stream }

    private static func target(_ path: String) throws(OutputError) -> Target {
        var status = stat()
        guard stat(path, &status) == 0 else { return .file }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: throw .isFolder(path: path)
        case S_IFREG: return .file
        default: return .stream
        }
    }

    /// The file `path` names once its symbolic links are followed (a link to a link too, and a
    /// link to a file not made yet), so that writing it replaces that file and keeps the link (a
    /// user trial of session 53 found the link replaced by a file). `path` itself where it is no link.
    /// - Throws: `OutputError.cannotWrite` when the links go round in a loop (it was replaced by
    ///   a file: a review of session 54).
    static func followingLinks(_ path: String) throws(OutputError) -> String {
        let named = path
        var path = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return path }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count > 0 else { return path }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                path = target
            } else if let slash = path.lastIndex(of: "/") {
                path = String(path[...slash]) + target
            } else {
                path = target
            }
        }
        throw .failed(named, ELOOP)
    }

    /// Removes the temporary files that runs on this machine which no longer run left in
    /// `folder` (a run killed with SIGKILL, which no handler sees, left `.report.html.…tmp` for
    /// good: a hostile-input trial of session 55), once per folder and process. Only this user's
    /// files named as `stage` names them, with this machine's tag (a shared folder's files from
    /// another machine's running job are not this machine's to judge) and a process that is
    /// gone (`kill(pid, 0)` fails with ESRCH), are removed; anything else is left as it is.
    static func removeStaleTemporaries(in folder: String) {
        guard cleanedFolders.withLock({ $0.insert(folder).inserted }) else { return }
        let me = getpid(), uid = getuid()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
            let stem = entry.dropLast(4)
            guard let dot = stem.lastIndex(of: ".") else { continue }
            let parts = stem[stem.index(after: dot)...].split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == machineTag, let pid = pid_t(parts[1]), pid > 0, pid != me, Int(parts[2]) != nil else { continue }
            let full = (folder as NSString).appendingPathComponent(entry)
            var status = stat()
            guard lstat(full, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == uid else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(full) }
        }
    }

    /// The folders this process has cleaned of stale temporary files.
    private static let cleanedFolders = Mutex<Set<String>>([])

    /// Eight hex digits of this machine's host name (FNV-1a), in temporary files' names.
    static let machineTag: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        let named = gethostname(&buffer, buffer.count) == 0
        var hash: UInt32 = 0x811C_9DC5
        for byte in buffer.prefix(while: { named && $0 != 0 }) { hash = (hash ^ UInt32(UInt8(bitPattern: byte))) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }()

    /// Writes `bytes` to a new registered temporary file beside `path` (its folder made where
    /// missing), with the permissions of the file at `path` when there is one (a user trial of
    /// session 53 found a replaced file given the default ones); its path and registry slot.
    /// The folders it makes are appended to `madeFolders`, outermost first, once the file is
    /// written; a failure removes them itself.
    private static func stage(_ bytes: some Collection<UInt8>, for path: String, madeFolders: inout [String]) throws(OutputError) -> (String, Int32) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var missing: [String] = []
        var place = folder
        while !FileManager.default.fileExists(atPath: place.path) {
            missing.append(place.path)
            let up = place.deletingLastPathComponent()
            guard up.path != place.path else { break }
            place = up
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            removeEmpty(missing.reversed())
            throw .cannotWrite(path: path, reason: "cannot create \(folder.path)")
        }
        let number = sequence.wrappingAdd(1, ordering: .relaxed).oldValue
        // Named after the output where the name leaves room (a name of 244 bytes or more made a
        // temporary name over the 255 a file system allows: a hostile-input trial of session 55).
        let name = url.lastPathComponent.utf8.count <= 200 ? url.lastPathComponent : "coauthor"
        removeStaleTemporaries(in: folder.path)
        let temporary = folder.appendingPathComponent(".\(name).\(machineTag)-\(getpid())-\(number).tmp").path
        let slot = coauthor_temporary_register(temporary)
        do throws(OutputError) {
            try writeThrough(bytes, to: temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_TRUNC)
            var earlier = stat()
            if stat(path, &earlier) == 0, chmod(temporary, earlier.st_mode & 0o7777) != 0 { throw OutputError.failed(path, errno) }
        } catch {
            unlink(temporary)
            coauthor_temporary_unregister(slot)
            removeEmpty(missing.reversed())
            // Name the output the user asked for, not the temporary file.
            switch error {
            case let .cannotWrite(_, reason): throw .cannotWrite(path: path, reason: reason)
            case let .noSpace(_, reason): throw .noSpace(path: path, reason: reason)
            case .isFolder: throw .isFolder(path: path)
            case let .cannotReplace(_, reason): throw .cannotReplace(path: path, reason: reason)
            }
        }
        madeFolders += missing.reversed()
        return (temporary, slot)
    }

    /// Removes the folders of `folders` that are empty, innermost first (`folders` lists them
    /// outermost first); a folder something was written into meanwhile stays.
    private static func removeEmpty(_ folders: some BidirectionalCollection<String>) {
        for folder in folders.reversed() { rmdir(folder) }
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
