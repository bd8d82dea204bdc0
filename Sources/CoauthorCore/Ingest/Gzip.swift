import CZlib
import Foundation

/// gzip-compressed input (RFC 1952), inflated by zlib as it is read: OpenAlex snapshot parts
/// (`part_000.gz`), `.jsonl.gz`, `.txt.gz`. Files of several members (`cat a.gz b.gz`) are read
/// whole, as `gunzip` reads them; zero bytes after the last member are ignored, as there.
enum Gzip {
    /// Whether bytes start with gzip's magic number. No UTF-8 text starts so (0x8B cannot follow
    /// 0x1F), so a text format is never mistaken for it.
    static func isCompressed(_ head: some Collection<UInt8>) -> Bool {
        head.starts(with: [0x1F, 0x8B])
    }

    /// Why compressed input could not be read.
    struct Failure: Error {
        var reason: String
        /// What was inflated before the failure (`decompress`): a truncated file's whole lines are
        /// read, as the same file uncompressed and cut is.
        var inflated: [UInt8] = []
        /// Whether the compressed stream was whole, the failure in what follows it (bytes after
        /// its end): everything inflated is the file's, its last line too, as `gunzip` writes it.
        var afterCompleteStream = false
        /// Whether the stream inflates to binary data (`InputFormat.binaryReason`).
        var isBinary = false
    }

    /// The decompressed bytes of gzip data held in memory.
    static func decompress(_ bytes: [UInt8]) -> Result<[UInt8], Failure> {
        var offset = 0
        let inflater = Inflater { buffer in
            let count = min(buffer.count, bytes.count - offset)
            for k in 0..<count { buffer[k] = bytes[offset + k] }
            offset += count
            return .success(count)
        }
        return inflater.readAll(sizeHint: bytes.count * 4)
    }

    /// The decompressed bytes of the gzip file open at `descriptor`, read from its current offset.
    static func decompress(descriptor: Int32) -> Result<[UInt8], Failure> {
        Inflater(descriptor: descriptor).readAll(sizeHint: 1 << 20)
    }

    /// Up to `count` decompressed bytes from the start of the gzip file at `path` (for sniffing
    /// the format); nil when it cannot be opened or nothing at its start inflates.
    static func head(path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let inflater = Inflater(descriptor: descriptor, chunk: 64 << 10)
        var output = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let result = output.withUnsafeMutableBufferPointer { inflater.read(into: UnsafeMutableBufferPointer(rebasing: $0[filled...])) }
            guard case .success(let n) = result, n > 0 else { break }
            filled += n
        }
        return filled == 0 ? nil : Array(output.prefix(filled))
    }

    /// One gzip stream being inflated, pulled a buffer at a time. The `z_stream` lives at a fixed
    /// address (zlib keeps a pointer back to it).
    final class Inflater {
        private let stream: UnsafeMutablePointer<z_stream>
        private let input: UnsafeMutableBufferPointer<UInt8>
        private let next: (UnsafeMutableBufferPointer<UInt8>) -> Result<Int, Failure>
        private var started = false
        private var inputEnded = false
        private var memberEnded = false
        /// Members inflated to their end, and the bytes the member now read has given: a failure
        /// in a later member before any of its bytes (its header) is one after a whole stream.
        private var membersEnded = 0
        private var memberOutput = 0
        private var finished = false
        private var failure: Failure? = nil

        /// - Parameter next: fills a buffer with compressed bytes and returns how many (0 at the end).
        init(chunk: Int = 1 << 20, next: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Result<Int, Failure>) {
            stream = .allocate(capacity: 1)
            stream.initialize(to: z_stream())
            input = .allocate(capacity: chunk)
            self.next = next
        }

        convenience init(descriptor: Int32, chunk: Int = 1 << 20) {
            self.init(chunk: chunk) { buffer in
                while true {
                    let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { return .failure(Failure(reason: String(cString: strerror(errno)).lowercased())) }
                    return .success(n)
                }
            }
        }

        deinit {
            if started { inflateEnd(stream) }
            stream.deinitialize(count: 1)
            stream.deallocate()
            input.deallocate()
        }

        /// Every remaining decompressed byte.
        func readAll(sizeHint: Int) -> Result<[UInt8], Failure> {
            var output: [UInt8] = []
            var chunk = max(1 << 16, min(sizeHint, 1 << 26))
            while true {
                let before = output.count
                output.append(contentsOf: repeatElement(0, count: chunk))
                let result = output.withUnsafeMutableBufferPointer { self.read(into: UnsafeMutableBufferPointer(rebasing: $0[before...])) }
                switch result {
                case .failure(var failure):
                    output.removeLast(chunk)
                    failure.inflated = output
                    return .failure(failure)
                case .success(let n):
                    output.removeLast(chunk - n)
                    if n == 0 { return .success(output) }
                    // Binary data is told by its first bytes, before a bomb of zeros fills memory.
                    if before < InputFormat.sniffLength, output.count >= InputFormat.sniffLength,
                       let reason = InputFormat.binaryReason(head: output) {
                        return .failure(Failure(reason: "once inflated, " + reason, isBinary: true))
                    }
                }
                chunk = 1 << 20
            }
        }

        /// Fills `buffer` with decompressed bytes as far as it can; returns how many, 0 at the end.
        /// A failure after some bytes were inflated into `buffer` returns those bytes first, and
        /// the failure at the next call (a truncated file's last bytes are not lost with it).
        func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Result<Int, Failure> {
            if let failure { return .failure(failure) }
            if !started {
                guard coauthor_inflate_init_gzip(stream) == Z_OK else { return fail("zlib could not start (out of memory?)", after: 0) }
                started = true
            }
            var produced = 0
            while produced < buffer.count && !finished {
                if stream.pointee.avail_in == 0 && !inputEnded {
                    switch next(input) {
                    case .failure(let failure): return fail(failure.reason, after: produced)
                    case .success(0): inputEnded = true
                    case .success(let n):
                        stream.pointee.next_in = input.baseAddress
                        stream.pointee.avail_in = UInt32(n)
                    }
                }
                if memberEnded {
                    if stream.pointee.avail_in == 0 {
                        if inputEnded { finished = true }
                        continue
                    }
                    if stream.pointee.next_in.pointee == 0 {
                        // Zero padding after the last member, which gunzip ignores too.
                        while stream.pointee.avail_in > 0 && stream.pointee.next_in.pointee == 0 {
                            stream.pointee.next_in += 1
                            stream.pointee.avail_in -= 1
                        }
                        continue
                    }
                    // A next member starts with both magic bytes (a byte 0x1F alone is data after
                    // the stream: a review of session 52).
                    guard stream.pointee.next_in.pointee == 0x1F,
                          stream.pointee.avail_in < 2 || stream.pointee.next_in.advanced(by: 1).pointee == 0x8B else {
                        return fail("data after the end of the compressed stream; the file is not gzip all through", after: produced,
                                    afterCompleteStream: true)
                    }
                    guard inflateReset(stream) == Z_OK else { return fail("zlib could not restart for the next member", after: produced) }
                    memberEnded = false
                    memberOutput = 0
                }
                if stream.pointee.avail_in == 0 && inputEnded {
                    return fail(stream.pointee.total_in == 0 && stream.pointee.total_out == 0
                                ? "the compressed file is empty" : "the compressed file is truncated (it ends inside the compressed data)", after: produced)
                }
                stream.pointee.next_out = buffer.baseAddress! + produced
                stream.pointee.avail_out = UInt32(min(buffer.count - produced, Int(UInt32.max)))
                let room = Int(stream.pointee.avail_out)
                let status = inflate(stream, Z_NO_FLUSH)
                let made = room - Int(stream.pointee.avail_out)
                produced += made
                memberOutput += made
                switch status {
                case Z_STREAM_END:
                    memberEnded = true
                    membersEnded += 1
                case Z_OK:
                    break
                case Z_BUF_ERROR:
                    // No progress until more input arrives; with input left, the data is bad.
                    if stream.pointee.avail_in > 0 && made == 0 { return fail("corrupt gzip data (zlib made no progress)", after: produced) }
                case Z_DATA_ERROR:
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
                    return fail("corrupt gzip data (\(message)) after \(stream.pointee.total_out) bytes of output", after: produced)
                case Z_MEM_ERROR:
                    return fail("out of memory while decompressing", after: produced)
                default:
                    return fail("zlib error \(status) while decompressing", after: produced)
                }
            }
            return .success(produced)
        }

        /// Whether the stream read so far was whole and the failure is in bytes after it.
        var failedAfterCompleteStream: Bool { failure?.afterCompleteStream ?? false }

        /// Records the failure `reason`; returns it, or the `produced` bytes inflated before it
        /// in this call (the next call returns the failure).
        private func fail(_ reason: String, after produced: Int, afterCompleteStream: Bool = false) -> Result<Int, Failure> {
            let failure = Failure(reason: reason, afterCompleteStream: afterCompleteStream || (membersEnded > 0 && memberOutput == 0))
            self.failure = failure
            return produced > 0 ? .success(produced) : .failure(failure)
        }
    }
}
