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
        let threads: Int?
        switch threadsSetting(ProcessInfo.processInfo.environment["COAUTHOR_THREADS"]) {
        case .success(let count): threads = count
        case .failure(let message):
            // A typo there ran on every core in silence (a hostile-input trial of session 55).
            // (Before MPI starts: every rank reads the same setting and ends alike.) Help and
            // the version run no analysis: they are printed whatever the setting.
            if asksOnlyForHelpOrVersion(CommandLine.arguments.dropFirst()) {
                threads = nil
                break
            }
            Console.error(message.text)
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        // `coauthor stats -refs.bib` is read as the short options -r -e -f -s … and -h printed
        // the help (a hostile-input trial of session 55): a file of that name is said to be one.
        if let named = CommandLine.arguments.dropFirst().prefix(while: { $0 != "--" }).first(where: looksLikeOptionsButIsAFile) {
            Console.error("'\(named)' is a file, but an argument starting with '-' is read as options; name it ./\(named), or put -- before it")
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        // `coauthor help bogus` printed the general help with status 0 (a hostile-input trial of
        // session 57): a command that is none is a usage error, with the nearest one.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count >= 2, arguments[0] == "help", !arguments[1].hasPrefix("-"), arguments[1] != "help",
           !Session.commandNames.contains(arguments[1]) {
            let nearest = Session.nearestCommand(to: arguments[1]).map { ": did you mean '\($0)'?" } ?? ""
            Console.error("'\(arguments[1])' is no command\(nearest) (the commands are \(Session.commandNames.joined(separator: ", ")))")
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        Cluster.start()
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

    /// Whether `arguments` ask for help or the version (`-h`, `--help`, `--version`, or the
    /// `help` command), which read no input and need no threads.
    static func asksOnlyForHelpOrVersion(_ arguments: ArraySlice<String>) -> Bool {
        if arguments.first == "help" { return true }
        return arguments.prefix(while: { $0 != "--" }).contains { ["-h", "--help", "--version"].contains($0) }
    }

    /// Whether `argument` is a group of short options (`-x…`, not `--x` nor `-`) that names an
    /// existing file.
    static func looksLikeOptionsButIsAFile(_ argument: String) -> Bool {
        argument.count > 2 && argument.hasPrefix("-") && !argument.hasPrefix("--") && FileManager.default.fileExists(atPath: argument)
    }

    /// A setting that is no count of threads, said as the user reads it.
    struct ThreadsError: Error {
        var text: String
    }

    /// The threads per process `COAUTHOR_THREADS` asks for: nil where it is unset or empty, an
    /// error for anything but a whole number from 1 up.
    static func threadsSetting(_ value: String?) -> Result<Int?, ThreadsError> {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return .success(nil) }
        guard let count = Int(value.trimmingCharacters(in: .whitespaces)), count >= 1 else {
            return .failure(ThreadsError(text: "COAUTHOR_THREADS is '\(value)', which is no number of threads; set it to a whole number from 1 up (e.g. $SLURM_CPUS_PER_TASK), or unset it to use every core"))
        }
        return .success(count)
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
