import ArgumentParser
import CHeap
import CTemporaryFiles
import CoauthorCore
import Foundation

@main
struct Coauthor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coauthor",
        abstract: "Turn publication lists into a weighted co-authorship network: maps, rankings, exports.",
        discussion: "With no subcommand, coauthor runs `report` on Data/ and writes Output/.",
        version: CoauthorVersion.current,
        subcommands: [Report.self, Render.self, Rank.self, Timeline.self, Export.self, Stats.self, Names.self],
        defaultSubcommand: Report.self
    )

    /// The entry point, and the only place the process exits. A successful run ends with
    /// `exit(0)` without tearing down what the command kept alive (`Lifetime`): freeing a
    /// DBLP-size corpus name by name would only delay the exit. SIGINT, SIGTERM and SIGHUP
    /// remove the temporary file of an output being written (`AtomicFile`) and end the process
    /// by that signal (status 130, 143, 129 in a shell), so an interrupted run leaves no trace.
    ///
    /// The MPI variant starts MPI here and ends it here: a rank that fails aborts the whole job
    /// (`Cluster.fail`), so no rank writes a result.
    /// `COAUTHOR_THREADS` sets the threads per process (e.g. to Slurm's `$SLURM_CPUS_PER_TASK`).
    static func main() {
        keepLargeBlocksInTheHeap()
        _ = coauthor_temporary_install_signal_cleanup()
        Cluster.start()
        let threads = ProcessInfo.processInfo.environment["COAUTHOR_THREADS"].flatMap { Int($0) }.map { max(1, $0) }
        do {
            var command = try parseAsRoot()
            try Parallelism.$workers.withValue(threads ?? Parallelism.workers) { try command.run() }
            try Console.checkOutput()
        } catch {
            let status = exitCode(for: error)
            if status != .success { Cluster.fail(fullMessage(for: error), status: status.rawValue) }
            Cluster.finish()
            exit(withError: error)
        }
        Cluster.finish()
        Glibc.exit(0)
    }

    /// glibc gives every block above 32 MB a mapping of its own, returned to the system when freed,
    /// so each large array of a DBLP-size run (made and freed phase after phase) costs a page fault
    /// and the kernel's zeroing for every page, again and again: on the 8M-paper corpus, 7 to 13 s
    /// of 120. Large blocks come from the heap instead, where freed memory is used again; the peak
    /// stays as it was (measured on the 1M- and 8M-paper corpora, BENCHMARKS.md).
    private static func keepLargeBlocksInTheHeap() {
        coauthor_keep_large_blocks_in_heap()
    }
}
