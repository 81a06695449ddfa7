/// The unified diff of every file a plan changes, as apply would write it (SOA serial
/// bump included): zones in declaration order, each zone's files in the plan's order.
///
/// This is what `plan --format diff` prints and what the Markdown comment shows, so
/// the reviewer reads exactly the bytes apply will write, not a description of them.
/// Each file's diff is made from its plan edits (`FileChange.edits`, the very edits
/// `apply --plan` writes), so only the edited lines are compared.
public enum PlanDiff {
    /// The diffs of one zone's files, one after the other (for output written zone by zone).
    public static func render(zone: ZoneOutcome, context: Int = 3) -> String {
        zone.plan.files.map { diff($0, old: zone.originalFiles[$0.path] ?? [], context: context) }.joined()
    }

    /// Each changed file's path and diff, in plan order.
    public static func files(_ outcome: PlanOutcome, context: Int = 3) -> [(path: String, diff: String)] {
        outcome.plan.zones.flatMap(\.files).map { file in
            (file.path, diff(file, old: outcome.originalFiles[file.path] ?? [], context: context))
        }
    }

    private static func diff(_ file: FileChange, old: [UInt8], context: Int) -> String {
        let edits = file.edits.map { UnifiedDiff.Edit(start: $0.start, end: $0.end, replacement: Array($0.text.utf8)) }
        return UnifiedDiff.diff(old: old, edits: edits, path: file.path, context: context)
    }
}
