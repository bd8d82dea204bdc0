#if MPI
import CMPI
import CoauthorCore
import Glibc

/// The ranks of `MPI_COMM_WORLD` as the library's `ProcessGroup`. MPI is started and finished
/// by `Coauthor.main` (`start`, `finish`, `abort`); the library's calls all come from the
/// thread that started it (`MPI_THREAD_FUNNELED`). Every MPI call's error ends the job
/// (`MPI_ERRORS_ARE_FATAL`, the default), so a lost rank never leaves a partial result.
///
/// Every exchange is non-blocking and waited for by polling with short sleeps: Open MPI's
/// blocking calls spin at full speed, and a rank waiting for rank 0 (which computes too) would
/// take a core from the ranks and threads still working on a shared node. A block takes a
/// fraction of a second or more, so the added latency (under 2 ms) costs nothing.
struct MPIGroup: ProcessGroup {
    let rank: Int
    let size: Int

    /// Tags of the two messages of one block: its length, then its values.
    private static let lengthTag: Int32 = 1, valuesTag: Int32 = 2

    /// Initialises MPI and returns the world's ranks.
    static func start() -> MPIGroup {
        var provided: Int32 = 0
        MPI_Init_thread(nil, nil, cmpi_thread_funneled(), &provided)
        var rank: Int32 = 0, size: Int32 = 1
        MPI_Comm_rank(cmpi_comm_world(), &rank)
        MPI_Comm_size(cmpi_comm_world(), &size)
        return MPIGroup(rank: Int(rank), size: Int(size))
    }

    /// Ends MPI after a successful run.
    static func finish() { MPI_Finalize() }

    /// Ends every rank of the job with `status` (a failed run: no rank may go on and write).
    /// MPI_Abort does not return; should it, `Coauthor.main` exits with the failure next.
    static func abort(_ status: Int32) {
        MPI_Abort(cmpi_comm_world(), status)
    }

    func sendToRoot(_ values: [Double]) {
        var length = Int64(values.count)
        Self.wait { MPI_Isend(&length, 1, cmpi_int64(), 0, Self.lengthTag, cmpi_comm_world(), &$0) }
        values.withUnsafeBufferPointer { buffer in
            Self.wait { MPI_Isend(buffer.baseAddress, Int32(buffer.count), cmpi_double(), 0, Self.valuesTag, cmpi_comm_world(), &$0) }
        }
    }

    func receive(from rank: Int) -> [Double] {
        var length: Int64 = 0
        Self.wait { MPI_Irecv(&length, 1, cmpi_int64(), Int32(rank), Self.lengthTag, cmpi_comm_world(), &$0) }
        var values = [Double](repeating: 0, count: Int(length))
        values.withUnsafeMutableBufferPointer { buffer in
            Self.wait {
                MPI_Irecv(buffer.baseAddress, Int32(buffer.count), cmpi_double(), Int32(rank), Self.valuesTag, cmpi_comm_world(), &$0)
            }
        }
        return values
    }

    func broadcast(_ values: [Double]) -> [Double] {
        var length = Int64(rank == 0 ? values.count : 0)
        Self.wait { MPI_Ibcast(&length, 1, cmpi_int64(), 0, cmpi_comm_world(), &$0) }
        var shared = rank == 0 ? values : [Double](repeating: 0, count: Int(length))
        shared.withUnsafeMutableBufferPointer { buffer in
            Self.wait { MPI_Ibcast(buffer.baseAddress, Int32(buffer.count), cmpi_double(), 0, cmpi_comm_world(), &$0) }
        }
        return shared
    }

    /// Starts one non-blocking operation (`start` fills in its request) and polls it to completion,
    /// sleeping 50 µs, then up to 2 ms, between polls.
    private static func wait(_ start: (inout MPI_Request?) -> Int32) {
        var request: MPI_Request?
        _ = start(&request)
        var done: Int32 = 0
        var pause: UInt32 = 50
        while true {
            MPI_Test(&request, &done, cmpi_status_ignore())
            if done != 0 { return }
            usleep(pause)
            pause = min(2 * pause, 2000)
        }
    }
}
#endif
