#if MPI
import CMPI
import CoauthorCore
import Glibc

/// The ranks of `MPI_COMM_WORLD` as the library's `ProcessGroup`. MPI is started and finished
/// by `Coauthor.main` (`start`, `finish`, `abort`); the library's calls all come from the
/// thread that started it (`MPI_THREAD_FUNNELED`). Every MPI call's error ends the job
/// (`MPI_ERRORS_ARE_FATAL`, the default), so a lost rank never leaves a partial result.
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
    static func abort(_ status: Int32) -> Never {
        MPI_Abort(cmpi_comm_world(), status)
        Glibc.exit(status)
    }

    func sendToRoot(_ values: [Double]) {
        var length = Int64(values.count)
        MPI_Send(&length, 1, cmpi_int64(), 0, Self.lengthTag, cmpi_comm_world())
        values.withUnsafeBufferPointer { buffer in
            _ = MPI_Send(buffer.baseAddress, Int32(buffer.count), cmpi_double(), 0, Self.valuesTag, cmpi_comm_world())
        }
    }

    func receive(from rank: Int) -> [Double] {
        var length: Int64 = 0
        MPI_Recv(&length, 1, cmpi_int64(), Int32(rank), Self.lengthTag, cmpi_comm_world(), cmpi_status_ignore())
        var values = [Double](repeating: 0, count: Int(length))
        values.withUnsafeMutableBufferPointer { buffer in
            _ = MPI_Recv(buffer.baseAddress, Int32(buffer.count), cmpi_double(), Int32(rank), Self.valuesTag,
                         cmpi_comm_world(), cmpi_status_ignore())
        }
        return values
    }

    func broadcast(_ values: [Double]) -> [Double] {
        var length = Int64(rank == 0 ? values.count : 0)
        MPI_Bcast(&length, 1, cmpi_int64(), 0, cmpi_comm_world())
        var shared = rank == 0 ? values : [Double](repeating: 0, count: Int(length))
        shared.withUnsafeMutableBufferPointer { buffer in
            _ = MPI_Bcast(buffer.baseAddress, Int32(buffer.count), cmpi_double(), 0, cmpi_comm_world())
        }
        return shared
    }
}
#endif
