import ArgumentParser
import MailZone

/// `mailzone records DOMAIN`: the seed's checklist for DNS that is not a zone file.
struct RecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Print the records a sender domain needs (host record, type, value), for a DNS console.",
        discussion: """
            When the domain's zone file is declared, the values are what the zone holds once `mailzone apply` has run \
            (its SPF record merged, its own MX and stricter DMARC kept); otherwise the services' own values. \
            Exit status: 0; 1 when the declaration has errors or does not list DOMAIN.
            """
    )

    @Argument(help: "A sender domain of the declaration.")
    var domain: String

    @OptionGroup var input: DeclarationInput

    @Option(help: "Output format: text, json.")
    var format: RecordsFormat = .text

    func run() async throws {
        let declaration = try input.load { errors in
            // JSON carries the declaration's errors too (text has them on stderr only).
            if format == .json {
                Terminal.write(
                    (try? PlanJSON.encode(RecordsErrorDocument(domain: domain, errors: errors.findings))) ?? "")
            }
        }
        let checklist: RecordsChecklist
        do {
            checklist = try RecordsChecklist.make(for: domain, in: declaration, allowOutside: input.allowOutside)
        } catch {
            Terminal.writeError("error: \(error.description)")
            if format == .json { Terminal.write((try? PlanJSON.encode(RecordsErrorDocument(error))) ?? "") }
            throw ExitCode(1)
        }
        switch format {
        case .text: Terminal.write(checklist.renderText())
        case .json: Terminal.write(try PlanJSON.encode(checklist))
        }
    }
}

enum RecordsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
