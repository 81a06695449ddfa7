import DNSClient
import Foundation
import ZoneFile

/// Where and how `apply --nsupdate` sends a plan: the zones' primary server and the TSIG key
/// its `update-policy` or `allow-update` grants.
public struct DynamicUpdateTarget: Sendable {
    public var server: DNSServerAddress
    public var key: TSIGKey?
    /// The key file, as the user named it, for messages.
    public var keyPath: String?
    public var client: DNSUpdateClient

    public init(server: DNSServerAddress, key: TSIGKey?, keyPath: String?, client: DNSUpdateClient = DNSUpdateClient())
    {
        self.server = server
        self.key = key
        self.keyPath = keyPath
        self.client = client
    }
}

/// What `apply --nsupdate` did to one zone.
public struct DynamicZoneResult: Sendable, Hashable {
    public var origin: DomainName
    public var added: Int
    public var deleted: Int
    /// The RRsets the server checked before applying.
    public var prerequisites: Int
}

/// What `apply --nsupdate` did.
public struct DynamicApplyReport: Sendable {
    public var plan: Plan
    public var zones: [DynamicZoneResult]
}

/// Why `apply --nsupdate` changed nothing (or stopped after some zones).
public enum DynamicApplyError: Error, Sendable, CustomStringConvertible {
    /// The plan could not be applied at all (problems, declined).
    case apply(ApplyError)
    /// The server did not apply a zone's update; `done` lists the zones updated before it.
    case update(zone: DomainName, target: String, keyPath: String?, error: DNSUpdateError, done: [DomainName])

    public var description: String {
        switch self {
        case .apply(let error):
            return error.description
        case .update(let zone, _, let keyPath, let error, let done):
            let name = ZoneReload.zoneName(zone)
            var text = "the update of \(zone) was not applied: \(error)"
            if error.isPrerequisiteFailure {
                text +=
                    "; nothing was changed in \(zone): run `rndc sync \(name)` so the zone file holds what named "
                    + "serves, then plan and apply again"
            } else if case .tsig = error, let keyPath {
                text += " (key file \(keyPath)); nothing was changed in \(zone)"
            } else {
                text += "; nothing was changed in \(zone)"
            }
            if !done.isEmpty { text += " (already updated: \(done.map(\.description).joined(separator: ", ")))" }
            return text
        }
    }
}

/// Applies a fresh plan to dynamic zones through RFC 2136 UPDATE instead of writing their files.
///
/// The plan is made from the zone files as usual (a zone with a journal is not an error here); each
/// changed zone's difference is sent as one update whose prerequisites hold the RRsets the plan read,
/// so the server refuses it, changing nothing, when they differ from what it serves.
public enum DynamicApplier {
    public static func apply(
        _ declaration: Declaration, options: PlannerOptions, target: DynamicUpdateTarget,
        approve: (Plan) async -> Bool
    ) async throws(DynamicApplyError) -> DynamicApplyReport {
        var options = options
        options.journal = .dynamicUpdate
        let outcome = await Planner.plan(declaration, options: options)
        let plan = outcome.plan
        if plan.hasProblems { throw .apply(.planHasProblems(plan.summary)) }
        if let refusal = DeletionGuard.refusal(plan, policy: declaration.deletions, permission: options.deletions) {
            throw .apply(.deletionsRefused(refusal))
        }
        guard plan.hasChanges else { return DynamicApplyReport(plan: plan, zones: []) }
        guard await approve(plan) else { throw .apply(.declined) }
        var results: [DynamicZoneResult] = []
        for zonePlan in plan.zones where !zonePlan.files.isEmpty {
            let update: DNSUpdate
            do {
                update = try self.update(for: zonePlan, outcome: outcome, declaration: declaration, options: options)
            } catch {
                throw .apply(error)
            }
            do {
                try target.client.send(update, to: target.server, key: target.key)
            } catch {
                throw .update(
                    zone: zonePlan.origin, target: target.server.description, keyPath: target.keyPath,
                    error: error, done: results.map(\.origin))
            }
            results.append(
                DynamicZoneResult(
                    origin: zonePlan.origin,
                    added: update.changes.filter { if case .add = $0 { true } else { false } }.count,
                    deleted: update.changes.filter { if case .delete = $0 { true } else { false } }.count,
                    prerequisites: update.prerequisites.count))
        }
        return DynamicApplyReport(plan: plan, zones: results)
    }

    /// The zone's update: its records as read against its records as the plan edits them, both read
    /// from the bytes the plan was made from.
    static func update(
        for zonePlan: ZonePlan, outcome: PlanOutcome, declaration: Declaration,
        options: PlannerOptions
    ) throws(ApplyError) -> DNSUpdate {
        let origin = zonePlan.origin
        var loadOptions = Planner.loadOptions(
            origin: origin, declarationPath: declaration.displayPath,
            allowOutside: options.allowOutside)
        var original: [String: [UInt8]] = [:]
        var edited: [String: [UInt8]] = [:]
        for change in zonePlan.files {
            original[change.path] = outcome.originalFiles[change.path].map { Array($0) }
            edited[change.path] = outcome.newFiles[change.path]?.bytes
        }
        loadOptions.overrides = original
        let old = ZoneLoader.load(path: zonePlan.file, options: loadOptions)
        loadOptions.overrides = original.merging(edited) { _, new in new }
        let new = ZoneLoader.load(path: zonePlan.file, options: loadOptions)
        if let error = old.errors.first ?? new.errors.first {
            throw .check(path: zonePlan.file, problem: error.message)
        }
        return ZoneUpdateBuilder.update(origin: origin, old: old, new: new)
    }
}
