import ArgumentParser
import Foundation
import MailZone

/// `mailzone apply`: write the planned change with the smallest edit, safely.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the planned changes to the zone files.",
        discussion: """
            Without --plan, apply plans afresh, shows the plan and asks for confirmation (on a terminal; \
            --auto-approve for scripts). With --plan FILE it applies exactly that saved plan and refuses \
            when any zone or included file changed since it was made.
            """
    )

    @OptionGroup var input: DeclarationInput

    @Option(name: .long, help: ArgumentHelp("Apply this saved plan (from `mailzone plan --out FILE`).", valueName: "file"))
    var plan: String?

    @Flag(help: "Do not ask for confirmation.")
    var autoApprove = false

    @Option(help: "Force the SOA serial scheme: date (YYYYMMDDnn), unixtime or counter.")
    var serial: SerialScheme?


    func run() async throws {
        let report: ApplyReport
        do {
            if let plan {
                report = try applySaved(path: plan)
            } else {
                report = try applyFresh()
            }
        } catch let error as ApplyError {
            Terminal.writeError("error: \(error)")
            throw ExitCode(1)
        }
        if report.written.isEmpty {
            print("No changes: the zones already satisfy the declaration.")
            return
        }
        for zone in report.plan.zones where !zone.files.isEmpty {
            let serial = zone.serial.map { " (serial \($0.from) => \($0.to))" } ?? ""
            print("Applied \(zone.origin): wrote \(zone.files.map(\.path).joined(separator: ", "))\(serial).")
        }
    }

    private func applyFresh() throws -> ApplyReport {
        let declaration = try input.load()
        let interactive = isatty(0) == 1
        if !autoApprove, !interactive {
            Terminal.writeError("error: apply asks for confirmation, but standard input is not a terminal; review `mailzone plan` and pass --auto-approve")
            throw ExitCode(1)
        }
        let options = input.plannerOptions(serial: serial)
        let renderer = PlanTextRenderer(style: TextStyle(color: Terminal.wantsColor(fileDescriptor: 1)))
        return try Applier.apply(declaration, options: options, removedTemporary: Self.reportRemoved) { plan in
            print(renderer.render(plan))
            if autoApprove { return true }
            print("Apply these changes? Only 'yes' is accepted: ", terminator: "")
            return readLine()?.trimmingCharacters(in: .whitespaces) == "yes"
        }
    }

    private func applySaved(path: String) throws -> ApplyReport {
        let saved: Plan
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            saved = try PlanJSON.decode(data)
        } catch let error as PlanJSONError {
            Terminal.writeError("error: \(path): \(error)")
            throw ExitCode(1)
        } catch {
            Terminal.writeError("error: \(path): cannot read the saved plan (\(error.localizedDescription)); make it with `mailzone plan --out \(path)`")
            throw ExitCode(1)
        }
        return try Applier.apply(saved: saved, declaration: try input.load(), options: input.plannerOptions(),
                                 removedTemporary: Self.reportRemoved)
    }

    private static func reportRemoved(_ path: String) {
        print("Removed \(path), a temporary file an interrupted apply left behind.")
    }
}

extension SerialScheme: ExpressibleByArgument {}
