/// The unified diff of every file a plan changes, as apply would write it (SOA serial
/// bump included): zones in declaration order, each zone's files in the plan's order.
///
/// This is what `plan --format diff` prints and what the Markdown comment shows, so
/// the reviewer reads exactly the bytes apply will write, not a description of them.
public enum PlanDiff {
    /// All the diffs, one after the other.
    public static func render(_ outcome: PlanOutcome, context: Int = 3) -> String {
        files(outcome, context: context).map(\.diff).joined()
    }

    /// The diffs of one zone's files, one after the other (for output written zone by zone).
    public static func render(zone: ZoneOutcome, context: Int = 3) -> String {
        zone.plan.files.map { file in
            UnifiedDiff.diff(old: zone.originalFiles[file.path] ?? [], new: zone.newFiles[file.path] ?? [],
                             path: file.path, context: context)
        }.joined()
    }

    /// Each changed file's path and diff, in plan order.
    public static func files(_ outcome: PlanOutcome, context: Int = 3) -> [(path: String, diff: String)] {
        outcome.plan.zones.flatMap(\.files).map { file in
            (file.path, UnifiedDiff.diff(old: outcome.originalFiles[file.path] ?? [], new: outcome.newFiles[file.path] ?? [],
                                         path: file.path, context: context))
        }
    }
}
