import ArgumentParser
import Foundation
import MailZone

/// `plan` and `check` output written zone by zone, as the zones are planned, for the formats
/// that allow it (text, diff, GitHub annotations): memory then holds the zones in flight, not the
/// whole plan, which matters for a hosting provider's repository of thousands of zones. JSON is
/// one document whose summary comes first: its zones are kept as text until the end, and so is
/// the plan saved with `plan --out`. Markdown needs the whole plan and uses `Planner.plan(_:options:)`.
enum PlanStreaming {
    /// Writes `errors` (the findings outside any zone) rendered, then each zone rendered, then
    /// `footer` of the tally; saves the plan document to `saveTo` when given. Returns the tally
    /// for the exit code.
    static func write(
        _ declaration: Declaration, options: PlannerOptions,
        errors renderErrors: ([PlanFinding]) -> String,
        zone renderZone: (ZoneOutcome) -> String,
        footer: (PlanTally) -> String, notice: (String) -> String = { $0 + "\n" }, saveTo path: String? = nil
    ) throws -> PlanTally {
        let errors = Planner.unplacedSenders(declaration, target: options.target)
        var tally = PlanTally(errors: errors)
        var saved = path.map { _ in
            PlanJSONAssembler(declaration: declaration.displayPath, errors: errors, target: options.target)
        }
        var output = Terminal.BufferedOutput()
        // A narrowed plan says so first (`notice` words it for the format: a `#` line in a diff).
        if let target = options.target { output.write(notice(target.notice(declaration: declaration.displayPath))) }
        output.write(renderErrors(errors))
        try Planner.plan(declaration, options: options) { zone in
            tally.add(zone.plan)
            output.write(renderZone(zone))
            try saved?.add(zone.plan)
        }
        output.write(footer(tally))
        output.flush()
        if let path, let saved { try save(saved, to: path) }
        return tally
    }

    /// Writes the plan document (or, with `check`, the check document), its zones encoded as they
    /// are planned; saves the plan document to `saveTo` too when given. Returns the tally.
    static func writeJSON(
        _ declaration: Declaration, options: PlannerOptions, check: Bool,
        saveTo path: String? = nil
    ) throws -> PlanTally {
        var assembler = PlanJSONAssembler(
            declaration: declaration.displayPath, errors: Planner.unplacedSenders(declaration, target: options.target),
            target: options.target)
        try Planner.plan(declaration, options: options) { zone in try assembler.add(zone.plan) }
        var output = Terminal.BufferedOutput()
        if check {
            try assembler.writeCheck { output.write($0) }
        } else {
            try assembler.writePlan { output.write($0) }
        }
        output.flush()
        if let path { try save(assembler, to: path) }
        return assembler.tally
    }

    /// Saves the plan document to `path` (`plan --out`): written piece by piece to a temporary file
    /// beside it, then renamed over it, so the file is whole or untouched. A failure is reported
    /// and exits 1.
    static func save(_ assembler: PlanJSONAssembler, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).mailzone-\(UUID().uuidString)").path
        do {
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw SystemError.last }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            var failure: (any Error)?
            try assembler.writePlan { piece in
                guard failure == nil else { return }
                do {
                    try handle.write(contentsOf: Data(piece.utf8))
                } catch {
                    failure = error
                }
            }
            try handle.close()
            if let failure { throw failure }
            guard rename(temporary, path) == 0 else { throw SystemError.last }
        } catch {
            unlink(temporary)
            let reason = (error as? SystemError)?.description ?? error.localizedDescription
            Terminal.writeError("error: cannot save the plan to \(path): \(reason)")
            throw ExitCode(1)
        }
    }

    /// A failed system call, described by its `errno` ("No such file or directory").
    struct SystemError: Error, CustomStringConvertible {
        let description: String

        static var last: SystemError { SystemError(description: String(cString: strerror(errno))) }
    }
}
