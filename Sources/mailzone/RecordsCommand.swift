import ArgumentParser
import MailZone

/// `mailzone records DOMAIN`: the seed's checklist for DNS that is not a zone file.
struct RecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract:
            "Print the records a sender domain needs (host record, type, value), for a DNS console; or, with --managed, what mailzone manages in the zones.",
        discussion: """
            When the domain's zone file is declared, the values are what the zone holds once `mailzone apply` has run \
            (its SPF record merged, its own MX and stricter DMARC kept); otherwise the services' own values. \
            --managed lists, per zone and sender, the records whose lines carry a mailzone ownership marker, \
            with file and line (--sender, --zone narrow it). \
            Exit status: 0; 1 when the declaration has errors, does not list DOMAIN, or a zone cannot be read.
            """
    )

    @Argument(help: "A sender domain of the declaration (not with --managed).")
    var domain: String?

    @OptionGroup var input: DeclarationInput

    @Flag(help: "List what mailzone manages in each declared zone (the records with ownership markers).")
    var managed = false

    @OptionGroup var target: TargetInput

    @Option(help: "Output format: text, json.")
    var format: RecordsFormat = .text

    func validate() throws {
        if managed, domain != nil {
            throw ValidationError("--managed lists every sender's records; narrow it with --sender DOMAIN, not DOMAIN")
        }
        if !managed, domain == nil {
            throw ValidationError("give the sender DOMAIN whose records to print, or --managed")
        }
        if !managed, !target.isEmpty { throw ValidationError("--sender and --zone narrow --managed") }
    }

    func run() async throws {
        if managed { return try listManaged() }
        let domain = self.domain ?? ""
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

extension RecordsCommand {
    /// `--managed`: the records with ownership markers, per zone and sender.
    private func listManaged() throws {
        let declaration = try input.load()
        let report = ManagedRecordsReport.make(
            declaration, target: try target.resolve(in: declaration), allowOutside: input.allowOutside)
        switch format {
        case .text: Terminal.write(report.renderText())
        case .json: Terminal.write(try PlanJSON.encode(report))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

enum RecordsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
