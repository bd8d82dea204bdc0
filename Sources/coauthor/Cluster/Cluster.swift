import ArgumentParser
import CoauthorCore
import Foundation
#if MPI
import CMPI
#endif

/// The process's place in an MPI job, if the executable was built with the MPI trait and runs
/// under `mpirun`/`srun`: set once by `Coauthor.main` before any command runs.
enum Cluster {
    /// The ranks of the job (nil: the default build, or a job of one process).
    nonisolated(unsafe) private(set) static var group: (any ProcessGroup)?

    /// Whether this process writes outputs and prints: rank 0, or the only process.
    static var isRoot: Bool { (group?.rank ?? 0) == 0 }

    /// The real standard error of a rank other than 0, kept for a failure of its own.
    nonisolated(unsafe) private static var quietStandardError: Int32 = -1

    /// Starts MPI in the MPI variant; on ranks other than 0, standard output and error go to
    /// /dev/null, so that only rank 0 prints.
    static func start() {
        #if MPI
        let world = MPIGroup.start()
        group = world
        if world.rank != 0 {
            quietStandardError = dup(STDERR_FILENO)
            let null = open("/dev/null", O_WRONLY)
            if null >= 0 {
                dup2(null, STDOUT_FILENO)
                dup2(null, STDERR_FILENO)
                close(null)
            }
        }
        #endif
    }

    /// Ends the whole job after a failure on this rank. Rank 0 prints `message` and aborts at once.
    /// Another rank usually fails for the same reason as rank 0 (the same inputs and options), so
    /// it gives rank 0 a few seconds to say so and end the job; only if the job is still there
    /// does it print its own message, naming its rank, and abort.
    static func fail(_ message: String, status: Int32) {
        #if MPI
        guard let group else { return }
        if group.rank == 0 {
            if !message.isEmpty { Console.err(message + "\n") }
        } else {
            sleep(5)
            let reason = message.isEmpty ? "failed (exit status \(status))" : message
            let line = Array("coauthor (MPI rank \(group.rank)): \(reason)\n".utf8)
            _ = line.withUnsafeBytes { write(quietStandardError, $0.baseAddress, $0.count) }
        }
        MPIGroup.abort(status)
        #endif
    }

    /// Ends MPI after a successful run.
    static func finish() {
        #if MPI
        MPIGroup.finish()
        #endif
    }

}

/// Options of the commands that compute the source-parallel metrics (`rank`, `export`).
struct ClusterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep the finished source blocks of betweenness, closeness and harmonic in this folder, so that a killed run started again with the same inputs and options resumes where it stopped.", valueName: "DIR"))
    var checkpoint: String?

    @Flag(help: "Print what exact betweenness would cost (per-source time measured here, memory per rank, time per node of an MPI job) and stop.")
    var dryRun = false

    @Option(parsing: .unconditional, help: ArgumentHelp("With --dry-run, also time this many sources of exact betweenness (evenly spread) shared by the ranks and threads of this job.", valueName: "COUNT"))
    var probeSources: Int?

    func validate() throws {
        if let probeSources, probeSources < 1 { throw ValidationError("--probe-sources takes a number of sources, 1 or more.") }
        if probeSources != nil && !dryRun { throw ValidationError("--probe-sources times a job for --dry-run; add --dry-run.") }
    }

    /// Runs `body` with the job's ranks and the checkpoint folder, if any, sharing the source blocks.
    /// - Throws: `ExitCode.failure` after reporting a checkpoint folder that cannot be used.
    func distributed<T>(over graph: WeightedGraph, _ body: () throws -> T) throws -> T {
        var distribution = SourceDistribution(group: Cluster.group)
        if let checkpoint {
            do {
                distribution.checkpoint = try SourceCheckpoint(directory: checkpoint, graph: graph)
            } catch {
                Console.error(error.description)
                throw ExitCode.failure
            }
        }
        return try SourceDistribution.$current.withValue(distribution) { try body() }
    }

    /// Under MPI the time budget is not applied (its measured times differ from rank to rank, and
    /// every rank must make the same choice): path metrics are exact unless --approximate asks.
    func adjusted<Shown>(_ options: AnalysisOptions<Shown>) -> AnalysisOptions<Shown> {
        var options = options
        if (Cluster.group?.size ?? 1) > 1 && options.approximate == nil { options.exact = true }
        return options
    }

    /// The `--dry-run` report for `graph`.
    func dryRunReport(_ graph: WeightedGraph) -> String {
        let plan = SourceParallelPlan(graph)
        let ranks = Cluster.group?.size ?? 1
        let threads = Parallelism.workers
        func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
        func duration(_ seconds: Double) -> String { ProgressDisplay.duration(seconds) }
        // What this rank holds before the path metrics: the inputs as read, the names, the network.
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let loadedBytes = Int(usage.ru_maxrss) * 1024
        var lines = [
            "dry run: exact betweenness of \(plan.authors) authors and \(plan.ties) ties",
            "peak memory of this rank so far (inputs, names, network): \(megabytes(loadedBytes)); the path metrics add the memory per rank below",
            "sources: \(plan.sources) searches in \(plan.blocks) blocks of \(plan.blockSize)",
            String(format: "measured here: %.3f ms per source on one thread, setup %.2f s per rank", plan.secondsPerSource * 1000, plan.setupSeconds),
            "this job: \(ranks) rank\(ranks == 1 ? "" : "s") × \(threads) thread\(threads == 1 ? "" : "s"): about \(duration(plan.seconds(ranks: ranks, threads: threads))), "
                + "\(megabytes(plan.bytesPerRank(ranks: ranks, threads: threads))) per rank, \(megabytes(plan.bytesSentPerRank(ranks: ranks))) sent per rank",
            "nodes of \(threads) thread\(threads == 1 ? "" : "s") (one rank each): time, memory per rank, sent per rank",
        ]
        for nodes in [1, 2, 4, 8, 16, 32, 64, 128, 256, 1024] where nodes == 1 || nodes * threads <= max(plan.blocks, 1) * 2 {
            lines.append("  \(nodes): \(duration(plan.seconds(ranks: nodes, threads: threads))), "
                + "\(megabytes(plan.bytesPerRank(ranks: nodes, threads: threads))), \(megabytes(plan.bytesSentPerRank(ranks: nodes)))")
        }
        if let probeSources {
            let job = SourceDistribution.$current.withValue(SourceDistribution(group: Cluster.group)) {
                SourceParallelPlan.timeSearches(graph, sources: probeSources)
            }
            // Each rank's CPU time of the searches, gathered on rank 0.
            var cpu = [job.cpuSeconds]
            if let group = Cluster.group, group.size > 1 {
                if group.rank == 0 {
                    for other in 1..<group.size { cpu += group.receive(from: other) }
                } else {
                    group.sendToRoot(cpu)
                }
            }
            lines.append("this job (\(ranks) rank\(ranks == 1 ? "" : "s") × \(threads) thread\(threads == 1 ? "" : "s")) searched "
                + String(format: "%d sources in %.3f s (%.3f ms per source)", job.searched, job.seconds,
                         job.seconds / Double(max(1, job.searched)) * 1000))
            lines.append("CPU seconds of the searches per rank: " + cpu.map { String(format: "%.3f", $0) }.joined(separator: " ")
                + String(format: " (on free cores the job takes about the busiest rank's, %.3f s, divided by its threads)", cpu.max() ?? 0))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
