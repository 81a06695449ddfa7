import Foundation
import ZoneFile

/// Why apply wrote nothing.
public enum ApplyError: Error, CustomStringConvertible, Sendable {
    /// The plan has conflicts or errors; they must be resolved first.
    case planHasProblems(PlanSummary)
    /// A file changed since the saved plan was made.
    case stale(path: String)
    /// A saved plan of a format this mailzone does not read.
    case unsupportedPlan(String)
    /// The edited text did not re-read as planned.
    case check(path: String, problem: String)
    case lock(String)
    case write(String)
    case declined

    public var description: String {
        switch self {
        case .planHasProblems(let summary):
            "the plan has \(summary.conflicts) \(summary.conflicts == 1 ? "conflict" : "conflicts") and \(summary.errors) \(summary.errors == 1 ? "error" : "errors"); resolve them and plan again — nothing was written"
        case .stale(let path):
            "\(path) changed since the plan was made; run `mailzone plan --out` again and review the new plan — nothing was written"
        case .unsupportedPlan(let reason):
            "cannot read the saved plan: \(reason)"
        case .check(let path, let problem):
            "\(path): the edited zone does not read back as planned (\(problem)) — nothing was written"
        case .lock(let message):
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
    /// Paths written, in order.
    public var written: [String]
}

/// Writes planned changes to zone files, under a lock, after checking them, atomically.
public enum Applier {
    /// Plans afresh under the zones' locks, asks `approve` (the command line shows the plan and asks the user),
    /// then writes. Conflicts or errors refuse the whole apply.
    public static func apply(_ declaration: Declaration, options: PlannerOptions = PlannerOptions(),
                             writer: AtomicFileWriter = AtomicFileWriter(), lockTimeout: TimeInterval = 30,
                             approve: (Plan) -> Bool) throws(ApplyError) -> ApplyReport {
        let locks = try lockZones(declaration.zones.map { declaration.path(of: $0) }, timeout: lockTimeout)
        defer { withExtendedLifetime(locks) {} }
        // Zone by zone, keeping the new bytes only (the bytes as read are for diffs, which apply does not show).
        var zones: [ZonePlan] = []
        var files: [(path: String, bytes: [UInt8])] = []
        Planner.plan(declaration, options: options) { zone in
            zones.append(zone.plan)
            for change in zone.plan.files {
                if let bytes = zone.newFiles[change.path] { files.append((change.path, bytes)) }
            }
        }
        let plan = Plan(declaration: declaration.displayPath, zones: zones, errors: Planner.unplacedSenders(declaration))
        if plan.hasProblems { throw .planHasProblems(plan.summary) }
        guard plan.hasChanges else { return ApplyReport(plan: plan, written: []) }
        guard approve(plan) else { throw .declined }
        do {
            try writer.write(files)
        } catch {
            throw .write(error.description)
        }
        return ApplyReport(plan: plan, written: files.map(\.path))
    }

    /// Applies a saved plan exactly: refuses when it has problems or when any file it read has changed,
    /// re-reads the edited text, then writes.
    public static func apply(saved plan: Plan, writer: AtomicFileWriter = AtomicFileWriter(), allowOutside: Bool = false,
                             lockTimeout: TimeInterval = 30) throws(ApplyError) -> ApplyReport {
        guard plan.version == Plan.formatVersion else {
            throw .unsupportedPlan("it is version \(plan.version); this mailzone reads version \(Plan.formatVersion)")
        }
        if plan.hasProblems { throw .planHasProblems(plan.summary) }
        guard plan.hasChanges else { return ApplyReport(plan: plan, written: []) }
        let changed = plan.zones.filter { !$0.files.isEmpty }
        let locks = try lockZones(changed.map(\.file), timeout: lockTimeout)
        defer { withExtendedLifetime(locks) {} }
        var files: [(path: String, bytes: [UInt8])] = []
        for zonePlan in changed {
            var current: [String: [UInt8]] = [:]
            var digests: [String: String] = [:]
            for input in zonePlan.inputs {
                guard let source = try? SourceFile.read(path: input.path),
                      Digest.sha256(source.bytes) == input.sha256 else { throw .stale(path: input.path) }
                current[input.path] = source.bytes
                digests[input.path] = input.sha256
            }
            var overrides: [String: [UInt8]] = [:]
            for change in zonePlan.files {
                // Hashed above already: compare the digests, not the bytes again.
                guard let bytes = current[change.path], digests[change.path] == change.sha256 else {
                    throw .stale(path: change.path)
                }
                let edits = change.edits.map { SourceEdit(range: $0.start..<$0.end, replacement: $0.text) }
                do {
                    overrides[change.path] = try SourceEdit.apply(edits, to: bytes)
                } catch {
                    throw .check(path: change.path, problem: error.description)
                }
            }
            guard let origin = try? DomainName(parsing: zonePlan.origin) else {
                throw .unsupportedPlan("zone origin '\(zonePlan.origin)' is not a domain name")
            }
            // The zone is read from the very bytes whose digests were just checked (not read again, which
            // would hold a large zone twice and could see another version), then again with the edits.
            var options = Planner.loadOptions(origin: origin, declarationPath: plan.declaration, allowOutside: allowOutside)
            options.overrides = current
            let old = ZoneLoader.load(path: zonePlan.file, options: options)
            options.overrides = current.merging(overrides) { _, edited in edited }
            let reread = PlanCheck.reread(old, path: zonePlan.file, options: options)
            if let problem = PlanCheck.problem(old: old, reread: reread, zonePlan: zonePlan) {
                throw .check(path: zonePlan.file, problem: problem)
            }
            for change in zonePlan.files {
                if let bytes = overrides[change.path] { files.append((change.path, bytes)) }
            }
        }
        do {
            try writer.write(files)
        } catch {
            throw .write(error.description)
        }
        return ApplyReport(plan: plan, written: files.map(\.path))
    }

    /// Locks the directories of the given zone files, in a fixed order so two applies cannot deadlock.
    private static func lockZones(_ paths: [String], timeout: TimeInterval) throws(ApplyError) -> [ZoneLock] {
        var locks: [ZoneLock] = []
        var seen = Set<String>()
        for path in paths.sorted() {
            guard seen.insert(FilePaths.resolved(FilePaths.directory(of: path))).inserted else { continue }
            do {
                locks.append(try ZoneLock(zonePath: path, timeout: timeout))
            } catch {
                throw .lock(error.description)
            }
        }
        return locks
    }
}
