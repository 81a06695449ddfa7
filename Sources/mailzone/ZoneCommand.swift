import ArgumentParser

/// `mailzone zone check|dump FILE`: the zone-file library on its own.
struct ZoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zone",
        abstract: "Parse a zone file: report its problems or print its records.",
        subcommands: []
    )
}
