/// `plan` and `check` output written zone by zone, as the zones are planned, for the formats
/// that allow it (text, diff, GitHub annotations): memory then holds the zones in flight, not the
/// whole plan, which matters for a hosting provider's repository of thousands of zones. JSON is
/// one document whose summary comes first: its zones are kept as text until the end, and so is
/// the plan saved with `plan --out`. Markdown needs the whole plan and uses `Planner.plan(_:options:)`.
///
/// Output goes to `output` piece by piece (the command line buffers it to standard output); the
/// saved plan goes through `AtomicFileWriter`, as apply's zone files do.
public enum PlanStreaming {
    /// Writes `errors` (the findings outside any zone) rendered, then each zone rendered, then
    /// `footer` of the tally; saves the plan document to `saveTo` when given. Returns the tally
    /// for the exit code.
    public static func write(
        _ declaration: Declaration, options: PlannerOptions,
        errors renderErrors: ([PlanFinding]) -> String,
        zone renderZone: (ZoneOutcome) -> String,
        footer: (PlanTally) -> String, notice: (String) -> String = { $0 + "\n" }, saveTo path: String? = nil,
        writer: AtomicFileWriter = AtomicFileWriter(), output: (String) -> Void
    ) async throws -> PlanTally {
        let errors = Planner.unplacedSenders(declaration, target: options.target)
        var tally = PlanTally(errors: errors)
        var saved = path.map { _ in
            PlanJSONAssembler(declaration: declaration.displayPath, errors: errors, target: options.target)
        }
        // A narrowed plan says so first (`notice` words it for the format: a `#` line in a diff).
        if let target = options.target { output(notice(target.notice(declaration: declaration.displayPath))) }
        output(renderErrors(errors))
        try await Planner.plan(declaration, options: options) { zone in
            tally.add(zone.plan)
            output(renderZone(zone))
            try saved?.add(zone.plan)
        }
        output(footer(tally))
        if let path, let saved { try saved.save(to: path, writer: writer) }
        return tally
    }

    /// Writes the plan document (or, with `check`, the check document), its zones encoded as they
    /// are planned; saves the plan document to `saveTo` too when given. Returns the tally.
    public static func writeJSON(
        _ declaration: Declaration, options: PlannerOptions, check: Bool, saveTo path: String? = nil,
        writer: AtomicFileWriter = AtomicFileWriter(), output: (String) -> Void
    ) async throws -> PlanTally {
        var assembler = PlanJSONAssembler(
            declaration: declaration.displayPath, errors: Planner.unplacedSenders(declaration, target: options.target),
            target: options.target)
        try await Planner.plan(declaration, options: options) { zone in try assembler.add(zone.plan) }
        if check {
            try assembler.writeCheck(output)
        } else {
            try assembler.writePlan(output)
        }
        if let path { try assembler.save(to: path, writer: writer) }
        return assembler.tally
    }
}
