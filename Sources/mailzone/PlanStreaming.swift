import MailZone

/// `plan` and `check` output written zone by zone, as the zones are planned, for the formats
/// that allow it (text, diff, GitHub annotations): memory then holds the zones in flight, not the
/// whole plan, which matters for a hosting provider's repository of thousands of zones. JSON and
/// Markdown need the whole plan and use `Planner.plan(_:options:)`.
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
}
