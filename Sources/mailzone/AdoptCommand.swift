import ArgumentParser
import Foundation
import MailZone

/// `mailzone adopt`: hands the records a zone already has for the declaration over to mailzone, by
/// writing ownership markers on their lines (comments only; the records stay as they are).
struct AdoptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Mark the records the zones already have for the declaration as managed by mailzone.",
        discussion: """
            Writes the ownership marker (docs/OWNERSHIP.md) on each record a sender's services want that the zone \
            has exactly, and on its SPF record for the services' include: terms, so later plans may change or remove \
            them. DMARC records and records with a marker are left alone. Only comments change: no record, no SOA \
            serial. Shows the marks and asks (or --auto-approve). Exit status: 0 marked or nothing to mark, 1 error.
            """
    )

    @OptionGroup var input: DeclarationInput

    @OptionGroup var target: TargetInput

    @Flag(help: "Do not ask for confirmation.")
    var autoApprove = false

    func run() async throws {
        let declaration = try input.load()
        let narrowed = try target.resolve(in: declaration)
        if !autoApprove, isatty(0) != 1 {
            Terminal.writeError(
                "error: adopt asks for confirmation, but standard input is not a terminal; review the marks and pass --auto-approve"
            )
            throw ExitCode(1)
        }
        let zones: [ZoneAdoption.Zone]
        do {
            zones = try await ZoneAdoption.apply(declaration, target: narrowed, allowOutside: input.allowOutside) {
                zones in
                print(
                    ZoneAdoption.render(zones, target: narrowed, declaration: declaration.displayPath), terminator: "")
                if autoApprove { return true }
                return await Terminal.answeredYes("Mark these records as managed by mailzone? Only 'yes' is accepted: ")
            }
        } catch {
            if case .planHasProblems = error {
                // The zones' errors, as the plan gives them; nothing was written.
                let zones = ZoneAdoption.plan(declaration, target: narrowed, allowOutside: input.allowOutside)
                Terminal.writeError(
                    ZoneAdoption.render(zones, target: narrowed, declaration: declaration.displayPath), terminator: "")
            }
            Terminal.writeError("error: \(error)")
            throw ExitCode(1)
        }
        let marked = zones.filter { !$0.marks.isEmpty }
        if marked.isEmpty {
            print(ZoneAdoption.render(zones, target: narrowed, declaration: declaration.displayPath), terminator: "")
            print(
                "Nothing to mark: every record of the declaration the zones have is managed already, or none is there.")
            return
        }
        for zone in marked {
            let count = zone.marks.count
            print("Adopted \(zone.origin): marked \(count) \(count == 1 ? "record" : "records") in \(zone.file).")
        }
    }
}
