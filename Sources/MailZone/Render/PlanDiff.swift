import ZoneFile

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
        zone.plan.files.map { diff($0, old: zone.originalFiles[$0.path] ?? SourceBytes(), context: context) }.joined()
    }

    /// The changes of a zone's held-back senders (those with a conflict), which the diff does not contain,
    /// as `#` lines before the zone's diffs: a reviewer reading only the diff still sees that more is
    /// wanted and why it is not there. `patch` and `git apply` skip such lines before and between diffs.
    public static func heldBack(zone: ZonePlan) -> String {
        var out = ""
        for sender in zone.senders where sender.isHeldBack {
            let changes = sender.items.filter(SenderPlan.isChange)
            let conflicts = sender.items.filter { $0.action == .conflict }
            let what = conflicts.map { "\($0.owner) \($0.type)" }.joined(separator: ", ")
            out +=
                "# sender \(sender.domain.text) has \(conflicts.count == 1 ? "a conflict" : "\(conflicts.count) conflicts")"
                + " (\(what)): its changes are held back and not in this diff\n"
            for item in changes {
                let sign = item.action == .create ? "+" : item.action == .delete ? "-" : "~"
                let value =
                    switch item.action {
                    case .create: item.after ?? ""
                    case .delete: item.before ?? ""
                    default: "\(item.before ?? "") => \(item.after ?? "")"
                    }
                out += "#   \(sign) \(item.owner) \(item.type) \(value)\n"
            }
        }
        return out
    }

    /// The closing `#` line of a plan apply would refuse: its counts and what to resolve first (empty
    /// when the plan has no conflict or error, so a clean plan's diff is only the diff).
    public static func closing(_ tally: PlanTally) -> String {
        guard let resolve = tally.summary.resolveFirst(where: "`mailzone plan` shows the fixes") else { return "" }
        return "# Plan: \(tally.summary.counts) \(resolve)\n"
    }

    /// Each changed file's path and diff, in plan order.
    public static func files(_ outcome: PlanOutcome, context: Int = 3) -> [(path: String, diff: String)] {
        outcome.plan.zones.flatMap(\.files).map { file in
            (file.path, diff(file, old: outcome.originalFiles[file.path] ?? SourceBytes(), context: context))
        }
    }

    private static func diff(_ file: FileChange, old: SourceBytes, context: Int) -> String {
        let edits = file.edits.map { UnifiedDiff.Edit(start: $0.start, end: $0.end, replacement: Array($0.text.utf8)) }
        return UnifiedDiff.diff(old: Array(old), edits: edits, path: FilePaths.displayed(file.path), context: context)
    }
}
