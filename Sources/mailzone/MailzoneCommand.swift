import ArgumentParser

/// The `mailzone` command: parses arguments and hands the work to the libraries.
@main
struct MailzoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailzone",
        abstract: "Keep the DNS records email sending services need in BIND zone files.",
        version: "0.1.0",
        subcommands: [
            PlanCommand.self,
            ApplyCommand.self,
            ZoneCommand.self,
            VerifyCommand.self,
        ]
    )
}
