import ArgumentParser
import Foundation
import MailZone

/// `mailzone schema [NAME]`: the JSON Schemas this mailzone reads and writes, compiled in, so a
/// repository can keep the one of the version it uses (`mailzone init` writes the declaration's).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Print a JSON Schema: of mailzone.yaml (default), or of a JSON output (plan, check, records, verify) or presets.",
        discussion: """
            `mailzone schema > mailzone.schema.json` and the line \
            `# yaml-language-server: $schema=mailzone.schema.json` at the top of mailzone.yaml give editors \
            completion and checks for this version of mailzone. Exit status: 0; 1 for an unknown NAME.
            """
    )

    @Argument(help: "The schema: mailzone (the declaration), plan, check, records, managed, verify or preset.")
    var name = "mailzone"

    func run() throws {
        guard let schema = Self.text(of: name) else {
            let names = EmbeddedSchemas.files.map(\.name)
            let suggestion = NearestName.didYouMean(name, in: names)
            Terminal.writeError(
                "error: mailzone has no schema '\(name)'\(suggestion)\n    schemas: \(names.joined(separator: ", "))")
            throw ExitCode(1)
        }
        Terminal.write(schema)
    }

    /// The schema's text (`schemas/NAME.schema.json` as built in); `declaration` is another name for `mailzone`.
    static func text(of name: String) -> String? {
        let wanted = name == "declaration" ? "mailzone" : name
        return EmbeddedSchemas.files.first { $0.name == wanted }?.text
    }
}
