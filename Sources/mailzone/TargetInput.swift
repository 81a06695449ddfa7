import ArgumentParser
import MailZone

/// `--sender DOMAIN` and `--zone ORIGIN`, shared by the commands that plan (plan, check, apply, verify):
/// the part of a large repository to work on, like terraform's `-target`.
struct TargetInput: ParsableArguments {
    @Option(
        name: .customLong("sender"),
        help: ArgumentHelp(
            "Plan only this sender of the declaration (repeatable; with --zone, the union).", valueName: "domain"))
    var senders: [String] = []

    @Option(
        name: .customLong("zone"),
        help: ArgumentHelp(
            "Plan only this declared zone, every sender in it (repeatable; with --sender, the union).",
            valueName: "origin"))
    var zones: [String] = []

    var isEmpty: Bool { senders.isEmpty && zones.isEmpty }

    /// The target in `declaration`, nil without `--sender`/`--zone`; a name the declaration lacks is
    /// printed on stderr (every one, with the nearest name) and exits 1 before anything is read.
    func resolve(in declaration: Declaration) throws -> PlanTarget? {
        guard !isEmpty else { return nil }
        do {
            return try PlanTarget.resolve(senders: senders, zones: zones, in: declaration)
        } catch {
            Terminal.writeError(error.description, terminator: "")
            throw ExitCode(1)
        }
    }
}
