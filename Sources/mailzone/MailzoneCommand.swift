import ArgumentParser
import Foundation

/// The `mailzone` command: parses arguments and hands the work to the libraries.
@main
struct MailzoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailzone",
        abstract: "Keep the DNS records email sending services need in BIND zone files.",
        // CHANGELOG.md's latest release and the commit built (BuildVersion: the EmbedVersion plugin).
        version: "mailzone \(BuildVersion.number) (commit \(BuildVersion.commit.prefix(12)))",
        subcommands: [
            PlanCommand.self,
            ApplyCommand.self,
            CheckCommand.self,
            RecordsCommand.self,
            PresetsCommand.self,
            ZoneCommand.self,
            VerifyCommand.self,
            InitCommand.self,
            AdoptCommand.self,
            SchemaCommand.self,
        ]
    )

    /// Runs the command, turning a usage error (an unknown option, a bad `--format`) into exit 1
    /// as DESIGN.md's contract says, rather than ArgumentParser's 64: scripts and CI then see
    /// 0, 2 or 1 only.
    static func main() async {
        ProcessHeap.useMainArenaOnly()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
