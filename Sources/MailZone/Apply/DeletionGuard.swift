/// What the user allows apply to delete: the declaration's `deletions:` and the command line's
/// `--allow-delete` / `--force-delete`.
///
/// A plan deletes only records mailzone owns (their lines carry its marker), but a declaration
/// edited by mistake (a sender deleted, a service misspelt) would take them all out; so, like
/// octoDNS, deleting needs consent, and a plan that deletes much of a zone needs more.
public struct DeletionPermission: Sendable, Hashable {
    /// `--allow-delete`: apply may delete the owned records the plan deletes.
    public var allow: Bool
    /// `--force-delete`: apply may delete beyond the thresholds (implies `allow`).
    public var force: Bool

    public init(allow: Bool = false, force: Bool = false) {
        self.allow = allow || force
        self.force = force
    }
}

/// Refuses an apply that would delete records without consent or beyond the thresholds, in every
/// zone, before anything is written.
///
/// The thresholds are octoDNS's (`octodns/provider/plan.py`: `MAX_SAFE_DELETE_PCENT = 0.3`,
/// `MIN_EXISTING_RECORDS = 10`): a zone where mailzone manages at least 10 records may lose at most
/// 30% of them in one apply; `deletions: { max_records: N }` adds a count limit, and
/// `deletions: { max_percent: P }` changes the share.
public enum DeletionGuard {
    /// octoDNS's `MAX_SAFE_DELETE_PCENT` (0.3), as a percentage.
    public static let defaultMaxPercent = 30
    /// octoDNS's `MIN_EXISTING_RECORDS`: zones managing fewer records are not held to the share.
    public static let minimumManagedRecords = 10

    /// Why apply must not write `plan`, or nil when its deletions are allowed.
    public static func refusal(_ plan: Plan, policy: DeletionPolicy, permission: DeletionPermission) -> String? {
        var deleting: [(zone: ZonePlan, items: [PlanItem])] = []
        for zone in plan.zones {
            let items = zone.senders.filter { !$0.isHeldBack }.flatMap(\.items).filter { $0.action == .delete }
            if !items.isEmpty { deleting.append((zone, items)) }
        }
        let total = deleting.reduce(0) { $0 + $1.items.count }
        guard total > 0 else { return nil }
        if !permission.allow, !policy.allows {
            let shown = deleting.flatMap { zone in zone.items.map { "\($0.name) \($0.type)" } }
            let list = shown.prefix(5).joined(separator: ", ") + (shown.count > 5 ? " and \(shown.count - 5) more" : "")
            return "the plan deletes \(total) \(total == 1 ? "record" : "records") mailzone manages (\(list)), "
                + "and deleting needs consent: review them in `mailzone plan`, then pass --allow-delete "
                + "(or set `deletions: { allow: true }` in \(plan.declaration)); nothing was written"
        }
        guard !permission.force else { return nil }
        for (zone, items) in deleting {
            if let max = policy.maxRecords, items.count > max {
                return "the plan deletes \(items.count) records in \(zone.origin), more than deletions.max_records "
                    + "(\(max)): review the plan and pass --force-delete to delete them anyway; nothing was written"
            }
            let managed = zone.managedRecords ?? 0
            let percent = policy.maxPercent ?? defaultMaxPercent
            if managed >= minimumManagedRecords, items.count * 100 > managed * percent {
                return "the plan deletes \(items.count) of the \(managed) records mailzone manages in \(zone.origin) "
                    + "(more than \(percent)%\(policy.maxPercent == nil ? ", octoDNS's default" : ""), deletions.max_percent): "
                    + "review the plan and pass --force-delete to delete them anyway; nothing was written"
            }
        }
        return nil
    }
}
