import CZlib
import Foundation

/// gzip-compressed input (RFC 1952), inflated by zlib as it is read: OpenAlex snapshot parts
/// (`part_000.gz`), `.jsonl.gz`, `.txt.gz`. Files of several members (`cat a.gz b.gz`) are read
/// whole, as `gunzip` reads them.
enum Gzip {
    /// Whether bytes start with gzip's magic number. No UTF-8 text starts so (0x8B cannot follow
    /// 0x1F), so a text format is never mistaken for it.
    static func isCompressed(_ head: some Collection<UInt8>) -> Bool {
        head.starts(with: [0x1F, 0x8B])
    }

    /// Why compressed input could not be read.
    struct Failure: Error {
        var reason: String
    }

    /// Inflates gzip data pulled from `next` (which fills a buffer with compressed bytes and
    /// returns how many, 0 at the end, or nil for a read error) and hands each piece of output to
    /// `output`, which returns false to stop early.
    /// - Complexity: O(compressed + decompressed bytes); memory: two buffers of `chunk` bytes.
    static func inflate(chunk: Int = 1 << 20, next: (UnsafeMutableBufferPointer<UInt8>) -> Int?,
                        output: (UnsafeBufferPointer<UInt8>) -> Bool) -> Failure? {
        var stream = z_stream()
        guard coauthor_inflate_init_gzip(&stream) == Z_OK else { return Failure(reason: "zlib could not start (out of memory?)") }
        defer { inflateEnd(&stream) }
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunk)
        let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunk)
        defer {
            input.deallocate()
            out.deallocate()
        }
        var inputEnded = false
        var memberEnded = false
        var members = 0
        while true {
            if stream.avail_in == 0 && !inputEnded {
                guard let count = next(input) else { return Failure(reason: "reading the compressed file failed") }
                if count == 0 {
                    inputEnded = true
                } else {
                    stream.next_in = input.baseAddress
                    stream.avail_in = UInt32(count)
                }
            }
            if memberEnded {
                // Another member may follow; anything else after the first is trailing garbage.
                if stream.avail_in == 0 {
                    if inputEnded { return nil }
                    continue
                }
                if stream.next_in.pointee == 0 {
                    // Zero padding after the last member, which gunzip ignores too.
                    while stream.avail_in > 0 && stream.next_in.pointee == 0 {
                        stream.next_in += 1
                        stream.avail_in -= 1
                    }
                    continue
                }
                guard stream.next_in.pointee == 0x1F else {
                    return Failure(reason: "data after the end of the compressed stream (\(stream.avail_in) bytes or more); the file is not a gzip file all through")
                }
                guard inflateReset(&stream) == Z_OK else { return Failure(reason: "zlib could not restart for the next member") }
                memberEnded = false
            }
            if stream.avail_in == 0 && inputEnded {
                return Failure(reason: members == 0 && stream.total_out == 0 && stream.total_in == 0
                               ? "the compressed file is empty" : "the compressed file is truncated (it ends inside the compressed data)")
            }
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(chunk)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = chunk - Int(stream.avail_out)
            if produced > 0, !output(UnsafeBufferPointer(rebasing: out.prefix(produced))) { return nil }
            switch status {
            case Z_STREAM_END:
                members += 1
                memberEnded = true
            case Z_OK, Z_BUF_ERROR:
                // Z_BUF_ERROR: no progress possible until more input arrives.
                if status == Z_BUF_ERROR && stream.avail_in > 0 && produced == 0 {
                    return Failure(reason: "corrupt gzip data (zlib made no progress)")
                }
            case Z_DATA_ERROR:
                let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
                return Failure(reason: "corrupt gzip data (\(message)) after \(stream.total_out) bytes of output")
            case Z_MEM_ERROR:
                return Failure(reason: "out of memory while decompressing")
            default:
                return Failure(reason: "zlib error \(status) while decompressing")
            }
        }
    }

    /// The decompressed bytes of gzip data held in memory.
    static func decompress(_ bytes: [UInt8]) -> Result<[UInt8], Failure> {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4)
        var offset = 0
        let failure = bytes.withUnsafeBufferPointer { source in
            inflate(next: { buffer in
                let count = min(buffer.count, source.count - offset)
                if count > 0 {
                    _ = buffer.initialize(fromContentsOf: source[offset..<(offset + count)])
                }
                offset += count
                return count
            }, output: { piece in
                output.append(contentsOf: piece)
                return true
            })
        }
        if let failure { return .failure(failure) }
        return .success(output)
    }

    /// The decompressed bytes of the gzip file open at `descriptor`, read from its current offset.
    static func decompress(descriptor: Int32) -> Result<[UInt8], Failure> {
        var output: [UInt8] = []
        var readError: Int32 = 0
        let failure = inflate(next: { buffer in
            while true {
                let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 {
                    readError = errno
                    return nil
                }
                return n
            }
        }, output: { piece in
            output.append(contentsOf: piece)
            return true
        })
        if readError != 0 { return .failure(Failure(reason: String(cString: strerror(readError)).lowercased())) }
        if let failure { return .failure(failure) }
        return .success(output)
    }

    /// Up to `count` decompressed bytes from the start of the gzip file at `path` (for sniffing
    /// the format); nil when it cannot be opened or inflated.
    static func head(path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var output: [UInt8] = []
        let failure = inflate(chunk: 64 << 10, next: { buffer in
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            return n < 0 ? nil : n
        }, output: { piece in
            output.append(contentsOf: piece.prefix(count - output.count))
            return output.count < count
        })
        // A cut-off head is fine; a corrupt start is for the reader to report.
        if failure != nil && output.isEmpty { return nil }
        return output
    }
}
