import ArgumentParser
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
    static func main() {
        _ = coauthor_temporary_install_signal_cleanup()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
        Glibc.exit(0)
    }
}
