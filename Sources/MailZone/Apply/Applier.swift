import Foundation
import ZoneFile

/// Why apply wrote nothing.
public enum ApplyError: Error, CustomStringConvertible, Sendable {
    /// The plan has conflicts or errors; they must be resolved first.
    case planHasProblems(PlanSummary)
    /// A file changed since the saved plan was made.
    case stale(path: String)
    /// Another program wrote a file after this apply read it and before it renamed the new text over it
    /// (while the user looked at the plan, say): writing would lose that program's change.
    case changedWhileApplying(path: String)
    /// A saved plan of a format this mailzone does not read.
    case unsupportedPlan(String)
    /// The edited text did not re-read as planned.
    case check(path: String, problem: String)
    /// A saved plan is not what planning again from the declaration and the zone files gives.
    case savedPlanDiffers(String)
    /// Zones that read one file need changes of it that cannot be written together.
    case sharedFile(String)
    case lock(String)
    /// A zone file has a BIND journal beside it (see `JournalPolicy`).
    case journal(PlanFinding)
    /// The plan deletes records without consent, or more than the thresholds allow (`DeletionGuard`).
    case deletionsRefused(String)
    case write(String)
    case declined

    public var description: String {
        switch self {
        case .planHasProblems(let summary):
            "the plan has \(summary.conflicts) \(summary.conflicts == 1 ? "conflict" : "conflicts") and \(summary.errors) \(summary.errors == 1 ? "error" : "errors"); resolve them and plan again — nothing was written"
        case .stale(let path):
            "\(path) changed since the plan was made; run `mailzone plan --out` again and review the new plan — nothing was written"
        case .changedWhileApplying(let path):
            "\(path) changed while apply ran, after mailzone had read it (another program wrote it)"
                + " — nothing was written; plan again on its new text and apply"
        case .unsupportedPlan(let reason):
            "cannot read the saved plan: \(reason)"
        case .check(let path, let problem):
            "\(path): the edited zone does not read back as planned (\(problem)) — nothing was written"
        case .savedPlanDiffers(let reason):
            "the saved plan is not what planning again from the declaration and the zone files gives: \(reason)"
                + " — nothing was written; make the plan again with `mailzone plan --out` and review it"
        case .sharedFile(let message):
            message
        case .lock(let message):
            message
        case .journal(let finding):
            "\(finding.message) — nothing was written; \(finding.fix ?? "")"
        case .deletionsRefused(let message):
            message
        case .write(let message):
            message
        case .declined:
            "apply cancelled — nothing was written"
        }
    }
}

/// What apply did.
public struct ApplyReport: Sendable {
    public var plan: Plan
    /// Paths written, in order, each physical file once (by the path the plan shows).
    public var written: [String]
}

/// Writes planned changes to zone files, under locks, after checking them, atomically.
public enum Applier {
    /// Plans afresh under the locks, asks `approve` (the command line shows the plan and asks the user;
    /// a test awaits its own signals there, holding no thread),
    /// then writes. Conflicts or errors refuse the whole apply. `removedTemporary` hears of each stale
    /// temporary file an interrupted apply had left and this one removed.
    public static func apply(
        _ declaration: Declaration, options: PlannerOptions = PlannerOptions(),
        writer: AtomicFileWriter = AtomicFileWriter(), lockTimeout: TimeInterval = 30,
        removedTemporary: (String) -> Void = { _ in },
        approve: (Plan) async -> Bool
    ) async throws(ApplyError) -> ApplyReport {
        try await applyPlanned(
            declaration, options: options, writer: writer, lockTimeout: lockTimeout,
            removedTemporary: removedTemporary, compare: { _ in nil }, approve: approve)
    }

    /// Applies a saved plan: plans again from `declaration` and the zone files on disk, under the locks,
    /// and writes only when the new plan is the saved one (`SavedPlanCheck`); refuses when the saved plan
    /// has problems, when any file it read has changed, or when any path, edit or record in it is not one
    /// planning gives. The SOA serial the saved plan chose is kept while it is still valid.
    public static func apply(
        saved plan: Plan, declaration: Declaration, options: PlannerOptions = PlannerOptions(),
        writer: AtomicFileWriter = AtomicFileWriter(), lockTimeout: TimeInterval = 30,
        removedTemporary: (String) -> Void = { _ in }
    ) async throws(ApplyError) -> ApplyReport {
        guard plan.version == Plan.formatVersion else {
            throw .unsupportedPlan("it is version \(plan.version); this mailzone reads version \(Plan.formatVersion)")
        }
        if plan.hasProblems { throw .planHasProblems(plan.summary) }
        // A zone that has gained a journal since the plan was made is refused for that reason, not as a
        // plan that differs.
        if options.journal == .refuse {
            for zone in plan.zones where !zone.files.isEmpty {
                if let finding = ZoneJournal.finding(zonePlan: zone) { throw .journal(finding) }
            }
        }
        var options = options
        // The saved plan covers the part of the declaration it was made for; planning again covers the same.
        options.target = plan.target
        for zone in plan.zones {
            if let serial = zone.serial { options.plannedSerials[zone.file] = serial }
        }
        return try await applyPlanned(
            declaration, options: options, writer: writer, lockTimeout: lockTimeout,
            removedTemporary: removedTemporary,
            compare: { SavedPlanCheck.problem(saved: plan, fresh: $0) }, approve: { _ in true })
    }

    /// Plans under the locks of every directory the zones read, removes stale temporary files there,
    /// compares (a saved plan), asks, and writes each physical file once.
    private static func applyPlanned(
        _ declaration: Declaration, options: PlannerOptions, writer: AtomicFileWriter,
        lockTimeout: TimeInterval, removedTemporary: (String) -> Void,
        compare: (Plan) -> ApplyError?,
        approve: (Plan) async -> Bool
    ) async throws(ApplyError) -> ApplyReport {
        let planned = try await planLocked(declaration, options: options, lockTimeout: lockTimeout)
        defer { withExtendedLifetime(planned.locks) {} }
        let root = Planner.includeRoot(declarationPath: declaration.displayPath, allowOutside: options.allowOutside)
        // Outside the repository (a zone file plan refuses without --allow-outside) nothing is removed.
        for lock in planned.locks
        where root.map({ FilePaths.isInside(resolved: lock.directory, resolvedRoot: $0) }) ?? true {
            StaleTemporaryFiles.remove(in: lock.directory, olderThan: planned.lockedAt).forEach(removedTemporary)
        }
        let plan = Plan(
            declaration: declaration.displayPath, zones: planned.zones.map(\.plan),
            errors: Planner.unplacedSenders(declaration, target: options.target), target: options.target)
        if let problem = compare(plan) { throw problem }
        if plan.hasProblems { throw .planHasProblems(plan.summary) }
        if let refusal = DeletionGuard.refusal(plan, policy: declaration.deletions, permission: options.deletions) {
            throw .deletionsRefused(refusal)
        }
        guard plan.hasChanges else { return ApplyReport(plan: plan, written: []) }
        guard await approve(plan) else { throw .declined }
        let files = try PhysicalFileWrites.writes(planned.zones, includeRoot: root)
        do {
            // Each file must still be the one planned from: the approval may have taken minutes.
            try writer.write(texts: files)
        } catch {
            if error.changedSinceRead { throw .changedWhileApplying(path: error.path) }
            throw .write(error.description)
        }
        return ApplyReport(plan: plan, written: files.map(\.path))
    }

    private struct LockedPlan {
        var locks: [ZoneLock]
        var lockedAt: Date
        var zones: [PlannedZone]
    }

    /// Plans every zone holding the locks of the directories all the zones' files really are in.
    /// Which files a zone reads (its `$INCLUDE`s) is known only once it is read, so the zone files'
    /// directories are locked first; when the zones read files elsewhere too, the locks are let go
    /// and taken again on all the directories, in one sorted order (so two applies cannot deadlock),
    /// and the zones are planned again: nothing planned is ever written from files read unlocked.
    private static func planLocked(
        _ declaration: Declaration, options: PlannerOptions,
        lockTimeout: TimeInterval
    ) async throws(ApplyError) -> LockedPlan {
        var directories = Set(declaration.zones.map { ZoneLock.physicalDirectory(of: declaration.path(of: $0)) })
        for _ in 0..<4 {
            var locks: [ZoneLock]
            do {
                locks = try await ZoneLock.acquire(directories: directories, timeout: lockTimeout)
            } catch {
                throw .lock(error.description)
            }
            let lockedAt = Date()
            // Zone by zone, keeping the new bytes only (the bytes as read are for diffs, which apply does not show).
            var zones: [PlannedZone] = []
            await Planner.plan(declaration, options: options) { zone in
                zones.append(PlannedZone(plan: zone.plan, newFiles: zone.newFiles))
            }
            let read = Set(zones.flatMap { $0.plan.inputs.map { ZoneLock.physicalDirectory(of: $0.path) } })
            if read.isSubset(of: directories) {
                return LockedPlan(locks: locks, lockedAt: lockedAt, zones: zones)
            }
            directories.formUnion(read)
            locks.removeAll()
        }
        throw .lock("the zones' $INCLUDE files kept changing while apply was locking their directories; try again")
    }
}
