import ArgumentParser
import CoauthorCore

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
}
