import MailZone

/// `plan` and `check` output written zone by zone, as the zones are planned, for the formats
/// that allow it (text, diff, GitHub annotations): memory then holds the zones in flight, not the
/// whole plan, which matters for a hosting provider's repository of thousands of zones. JSON is
/// one document whose summary comes first: its zones are kept as text until the end. Markdown
/// needs the whole plan and uses `Planner.plan(_:options:)`.
enum PlanStreaming {
    /// Writes `errors` (the findings outside any zone) rendered, then each zone rendered, then
    /// `footer` of the tally; returns the tally for the exit code.
    static func write(_ declaration: Declaration, options: PlannerOptions,
                      errors renderErrors: ([PlanFinding]) -> String,
                      zone renderZone: (ZoneOutcome) -> String,
                      footer: (PlanTally) -> String) -> PlanTally {
        let errors = Planner.unplacedSenders(declaration)
        var tally = PlanTally(errors: errors)
        var output = Terminal.BufferedOutput()
        output.write(renderErrors(errors))
        Planner.plan(declaration, options: options) { zone in
            tally.add(zone.plan)
            output.write(renderZone(zone))
        }
        output.write(footer(tally))
        output.flush()
        return tally
    }

    /// Writes the plan document (or, with `check`, the check document), its zones encoded as they
    /// are planned; returns the tally for the exit code.
    static func writeJSON(_ declaration: Declaration, options: PlannerOptions, check: Bool) throws -> PlanTally {
        var assembler = PlanJSONAssembler(declaration: declaration.displayPath, errors: Planner.unplacedSenders(declaration))
        var failure: (any Error)?
        Planner.plan(declaration, options: options) { zone in
            guard failure == nil else { return }
            do {
                try assembler.add(zone.plan)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        var output = Terminal.BufferedOutput()
        if check {
            try assembler.writeCheck { output.write($0) }
        } else {
            try assembler.writePlan { output.write($0) }
        }
        output.flush()
        return assembler.tally
    }
}
