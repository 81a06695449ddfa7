/// The plan as a pull-request comment: a summary table, the conflicts first (they
/// block the merge), then per zone the changes and the exact diff apply would write.
///
/// The first line is an HTML comment (`<!-- mailzone-plan -->`) that CI uses to find
/// and update its earlier comment instead of adding one per push. Long values (DKIM
/// keys) are shortened in tables; the diff below shows them whole.
public struct PlanMarkdownRenderer: Sendable {
    /// The marker CI searches for in a pull request's comments.
    public static let marker = "<!-- mailzone-plan -->"

    /// The heading (`mailzone plan`, `mailzone check`).
    public var title: String

    public init(title: String = "mailzone plan") {
        self.title = title
    }

    /// Renders `plan`; `diffs` holds each changed file's unified diff, in plan order.
    public func render(_ plan: Plan, diffs: [(path: String, diff: String)]) -> String {
        var out = Self.marker + "\n"
        out += "### \(MarkdownText.plain(title))\n\n"
        out += "**\(verdict(plan))**\n\n"
        if let target = plan.target { out += MarkdownText.plain(target.notice(declaration: plan.declaration)) + "\n\n" }
        out += summaryTable(plan)
        out += problems(plan)
        // Each zone's diffs, in plan order, found by path (not by scanning every diff for every zone).
        var diffIndices: [String: [Int]] = [:]
        for (index, diff) in diffs.enumerated() { diffIndices[diff.path, default: []].append(index) }
        for zone in plan.zones {
            let indices = Set(zone.files.flatMap { diffIndices[$0.path] ?? [] }).sorted()
            out += zoneSection(zone, diffs: indices.map { diffs[$0] })
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// Convenience: the plan and diffs of a planning run.
    public func render(_ outcome: PlanOutcome) -> String {
        render(outcome.plan, diffs: PlanDiff.files(outcome))
    }

    private func verdict(_ plan: Plan) -> String {
        let counts = plan.summary.counts
        switch PlanStatus(plan) {
        case .satisfied: return counts + " The zones already satisfy the declaration."
        case .changesNeeded: return counts + " `mailzone apply` writes the diff below."
        case .failed: return counts + " " + (plan.summary.resolveFirst(where: "see below") ?? "")
        }
    }

    private func summaryTable(_ plan: Plan) -> String {
        // A delete column only when something is deleted: most plans add and merge.
        let deletes = plan.zones.contains { $0.senders.contains { $0.items.contains { $0.action == .delete } } }
        var rows: [String] = []
        for zone in plan.zones {
            if zone.senders.isEmpty {
                let errors = zone.errors.count
                let what = errors > 0 ? "— (\(errors) \(errors == 1 ? "error" : "errors"): zone not planned)" : "—"
                rows.append(
                    "| \(MarkdownText.code(zone.origin.description, inTable: true)) | \(what) | 0 | 0 | 0 |\(deletes ? " 0 |" : "") 0 | 0 | \(zone.warnings.count) |"
                )
            }
            for sender in zone.senders {
                // A held-back sender's changes are counted as held, as in the summary, not as changes.
                let held = sender.isHeldBack ? sender.items.filter(SenderPlan.isChange).count : 0
                func count(_ action: PlanItem.Action) -> Int {
                    sender.isHeldBack && [.create, .merge, .replace, .delete].contains(action)
                        ? 0 : sender.items.filter { $0.action == action }.count
                }
                let services = sender.serviceSummary
                rows.append(
                    "| \(MarkdownText.code(zone.origin.description, inTable: true)) | \(MarkdownText.code(sender.domain.text, inTable: true)) (\(MarkdownText.plain(services, inTable: true))) | \(count(.create)) | \(count(.merge)) | \(count(.replace)) |\(deletes ? " \(count(.delete)) |" : "") \(count(.conflict)) | \(held) | \(count(.warning)) |"
                )
            }
        }
        guard !rows.isEmpty else { return "" }
        let deleteHeading = deletes ? " delete |" : ""
        return "| zone | sender | create | merge | replace |\(deleteHeading) conflicts | held back | warnings |\n"
            + "|---|---|---:|---:|---:|\(deletes ? "---:|" : "")---:|---:|---:|\n"
            + rows.joined(separator: "\n") + "\n\n"
    }

    /// Errors and conflicts, each with its reason, where it is and the fix.
    private func problems(_ plan: Plan) -> String {
        var entries: [String] = []
        for finding in plan.errors {
            entries.append(
                entry(
                    heading: "error", message: finding.message, before: nil,
                    places: [finding.location?.description].compactMap { $0 }, fix: finding.fix))
        }
        for zone in plan.zones {
            for finding in zone.errors {
                entries.append(
                    entry(
                        heading: "error in zone \(MarkdownText.code(zone.origin.description))",
                        message: finding.message,
                        before: nil,
                        places: [finding.location?.description].compactMap { $0 }, fix: finding.fix))
            }
            for sender in zone.senders {
                for item in sender.items where item.action == .conflict {
                    let heading =
                        "\(MarkdownText.code(item.owner)) \(item.type) — sender \(MarkdownText.code(sender.domain.text))"
                    entries.append(
                        entry(
                            heading: heading, message: item.message ?? "conflict", before: item.before,
                            places: [item.zoneLocation?.description, item.declarationLocation?.description].compactMap {
                                $0
                            },
                            fix: item.fix))
                }
            }
        }
        guard !entries.isEmpty else { return "" }
        return "#### Conflicts and errors\n\n" + entries.joined() + "\n"
    }

    private func entry(heading: String, message: String, before: String?, places: [String], fix: String?) -> String {
        var out = "- **\(heading)**: \(MarkdownText.plain(message))\n"
        if let before { out += "  - in the zone: \(MarkdownText.code(MarkdownText.abbreviated(before)))\n" }
        if !places.isEmpty { out += "  - at " + places.map { MarkdownText.code($0) }.joined(separator: ", ") + "\n" }
        if let fix { out += "  - fix: \(MarkdownText.plain(fix))\n" }
        return out
    }

    private func zoneSection(_ zone: ZonePlan, diffs: [(path: String, diff: String)]) -> String {
        var out = "#### Zone \(MarkdownText.code(zone.origin.description)) — \(MarkdownText.code(zone.file))\n\n"
        var rows: [String] = []
        var warnings: [String] = zone.warnings.map {
            MarkdownText.plain($0.message) + ($0.fix.map { " (fix: \(MarkdownText.plain($0)))" } ?? "")
        }
        for sender in zone.senders {
            let domain = sender.domain.text
            // A held-back sender's changes are marked so: apply writes none of them until its conflicts are resolved.
            let held = sender.isHeldBack ? "held back: " : ""
            for item in sender.items {
                let owner = MarkdownText.code(item.owner, inTable: true)
                let note = item.note.map { MarkdownText.plain($0, inTable: true) } ?? ""
                func value(_ text: String?) -> String {
                    text.map { MarkdownText.code(MarkdownText.abbreviated($0), inTable: true) } ?? ""
                }
                switch item.action {
                case .create:
                    rows.append(
                        "| \(held)+ add | \(domain) | \(owner) | \(item.type) | \(value(item.after)) | \(note) |")
                case .merge, .replace:
                    rows.append(
                        "| \(held)~ \(item.action.rawValue) | \(domain) | \(owner) | \(item.type) | \(value(item.before)) → \(value(item.after)) | \(note) |"
                    )
                case .delete:
                    rows.append(
                        "| \(held)- delete | \(domain) | \(owner) | \(item.type) | \(value(item.before)) | \(note) |")
                case .unchanged:
                    rows.append(
                        "| = unchanged | \(domain) | \(owner) | \(item.type) | \(value(item.after)) | \(note) |")
                case .conflict:
                    rows.append("| x conflict | \(domain) | \(owner) | \(item.type) | see above | |")
                case .warning:
                    warnings.append(
                        "\(MarkdownText.code(item.owner)) \(item.type) (\(MarkdownText.code(domain))): "
                            + MarkdownText.plain(item.message ?? "")
                            + (item.fix.map { " (fix: \(MarkdownText.plain($0)))" } ?? ""))
                }
            }
        }
        if let serial = zone.serial {
            rows.append("| ~ serial | | `@` | SOA | `\(serial.from)` → `\(serial.to)` | \(serial.scheme) scheme |")
        }
        if !rows.isEmpty {
            out +=
                "| change | sender | host | type | value | note |\n|---|---|---|---|---|---|\n"
                + rows.joined(separator: "\n") + "\n\n"
        }
        if !warnings.isEmpty {
            out += "Warnings:\n\n" + warnings.map { "- \($0)\n" }.joined() + "\n"
        }
        for (path, diff) in diffs where !diff.isEmpty {
            let fence = MarkdownText.fence(for: diff)
            out +=
                "Diff of \(MarkdownText.code(path)):\n\n\(fence)diff\n\(diff)\(diff.hasSuffix("\n") ? "" : "\n")\(fence)\n\n"
        }
        if zone.files.isEmpty, zone.errors.isEmpty, !zone.senders.contains(where: \.hasConflicts) {
            out += "No change to this zone.\n\n"
        }
        if !zone.errors.isEmpty {
            out += "Nothing is planned for this zone until its errors (above) are fixed.\n\n"
        }
        return out
    }
}
