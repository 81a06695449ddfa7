import Crypto
import Dispatch
import Foundation
import ZoneFile

/// Settings of a planning run.
public struct PlannerOptions: Sendable {
    /// "Now" for date and unix-time serials; the command line takes it from `SOURCE_DATE_EPOCH` when set,
    /// so plans are reproducible.
    public var now: Date
    /// Forces a serial scheme instead of the one each zone already uses.
    public var serialScheme: SerialScheme?
    /// Lets zone files and their `$INCLUDE`s be read outside the declaration's directory tree.
    public var allowOutside: Bool

    public init(now: Date = Date(), serialScheme: SerialScheme? = nil, allowOutside: Bool = false) {
        self.now = now
        self.serialScheme = serialScheme
        self.allowOutside = allowOutside
    }
}

/// A plan with the file contents it was made from and the contents it would write.
public struct PlanOutcome: Sendable {
    public var plan: Plan
    /// Each changed file's bytes as read, by the path the plan shows.
    public var originalFiles: [String: [UInt8]]
    /// Each changed file's bytes after the plan's edits, by the path the plan shows.
    public var newFiles: [String: [UInt8]]
}

/// Compares a declaration with its zone files and plans the change.
///
/// Zones are independent, so they are read and planned in parallel; results keep
/// the declaration's order, so the plan's bytes do not depend on scheduling.
public enum Planner {
    public static func plan(_ declaration: Declaration, options: PlannerOptions = PlannerOptions()) -> PlanOutcome {
        let zones = declaration.zones
        let results = ParallelMap.map(zones) { zone in planZone(zone, declaration: declaration, options: options) }
        var plan = Plan(declaration: declaration.displayPath, zones: results.map(\.plan))
        for sender in declaration.expanded where sender.zone == nil {
            plan.errors.append(PlanFinding(severity: "error",
                                           message: "the sender \(sender.sender.domain.value.text) is in no declared zone",
                                           fix: "add its zone under `zones:` in \(declaration.displayPath)",
                                           location: PlanLocation(file: sender.sender.location.file, line: sender.sender.location.line,
                                                                  column: sender.sender.location.column)))
        }
        var original: [String: [UInt8]] = [:]
        var new: [String: [UInt8]] = [:]
        for result in results {
            original.merge(result.original) { first, _ in first }
            new.merge(result.new) { first, _ in first }
        }
        return PlanOutcome(plan: plan, originalFiles: original, newFiles: new)
    }

    /// The path a zone file is shown and opened by: relative to the current directory, like the declaration's.
    static func displayPath(of zone: ZoneDeclaration, declaration: Declaration) -> String {
        let file = zone.file.value
        if file.hasPrefix("/") { return file }
        let directory = (declaration.displayPath as NSString).deletingLastPathComponent
        return directory.isEmpty ? file : (directory as NSString).appendingPathComponent(file)
    }

    /// How zones are read: with their declared origin, `$INCLUDE` kept inside the declaration's directory tree.
    static func loadOptions(origin: DomainName, declarationPath: String, allowOutside: Bool) -> LoadOptions {
        var options = LoadOptions(origin: origin)
        if !allowOutside {
            let directory = (declarationPath as NSString).deletingLastPathComponent
            options.includeRoot = directory.isEmpty ? "." : directory
        }
        return options
    }

    struct ZoneResult: Sendable {
        var plan: ZonePlan
        var original: [String: [UInt8]] = [:]
        var new: [String: [UInt8]] = [:]
    }

    static func planZone(_ zoneDeclaration: ZoneDeclaration, declaration: Declaration, options: PlannerOptions) -> ZoneResult {
        let path = displayPath(of: zoneDeclaration, declaration: declaration)
        let origin = zoneDeclaration.origin.value.dnsName
        var result = ZoneResult(plan: ZonePlan(origin: origin.description, file: path))
        var loadOptions = Planner.loadOptions(origin: origin, declarationPath: declaration.displayPath,
                                              allowOutside: options.allowOutside)
        if !options.allowOutside, let root = loadOptions.includeRoot, !LoaderPaths.isInside(path, root: root) {
            result.plan.errors = [PlanFinding(
                severity: "error",
                message: "the zone file \(path) is outside the directory of \(declaration.displayPath) (resolved: \(LoaderPaths.resolved(path)))",
                fix: "keep zone files in the repository beside the declaration, or pass --allow-outside",
                location: PlanLocation(file: zoneDeclaration.file.location.file, line: zoneDeclaration.file.location.line,
                                       column: zoneDeclaration.file.location.column))]
            return result
        }
        let zone = ZoneLoader.load(path: path, options: loadOptions)
        result.plan.inputs = zone.files.map { FileDigest(path: $0.source.path, sha256: Digest.sha256($0.source.bytes)) }
        let errors = zone.errors
        if !errors.isEmpty {
            result.plan.errors = errors.map { diagnostic in
                PlanFinding(severity: "error", message: diagnostic.message,
                            fix: diagnostic.id == "file.unreadable" ? "check `file:` of this zone in \(declaration.displayPath)" : "fix the zone file, then plan again",
                            location: diagnostic.location.map { PlanLocation(file: diagnostic.file, line: $0.line, column: $0.column) }
                                ?? PlanLocation(file: diagnostic.file.isEmpty ? path : diagnostic.file, line: 1))
            }
            return result
        }
        if zone.records.contains(where: { $0.type == .rrsig }) {
            result.plan.warnings.append(PlanFinding(
                severity: "warning",
                message: "the zone is DNSSEC-signed (it holds RRSIG records): the signatures will not cover the new records",
                fix: "re-sign the zone after apply (dnssec-signzone, or let named's inline signing do it)",
                location: PlanLocation(file: path, line: 1)))
        }

        // Organisational domains first, so a subdomain sees the DMARC record the plan gives its parent.
        let senders = declaration.expanded.enumerated().filter { $0.element.zone?.origin.value == zoneDeclaration.origin.value }
        let ordered = senders.sorted { ($0.element.sender.domain.value.labels.count, $0.offset) < ($1.element.sender.domain.value.labels.count, $1.offset) }
        var state = ZoneState(zone: zone)
        var plans: [Int: SenderPlan] = [:]
        for (offset, sender) in ordered {
            var planner = SenderPlanner(sender: sender, origin: origin, zoneDisplayPath: path, state: state)
            let (plan, operations) = planner.plan()
            state = planner.state
            state.commit(operations)
            plans[offset] = plan
        }
        result.plan.senders = senders.compactMap { plans[$0.offset] }

        let operations = state.operations
        guard !operations.isEmpty else { return result }
        do {
            let editor = ZoneEditor(zone: zone, origin: origin)
            let (edits, serial) = try editor.edits(for: operations, serialScheme: options.serialScheme, now: options.now)
            result.plan.serial = serial
            var overrides: [String: [UInt8]] = [:]
            for (fileIndex, fileEdits) in edits.sorted(by: { $0.key < $1.key }) {
                let file = zone.files[fileIndex]
                let newBytes = try SourceEdit.apply(fileEdits, to: file.source.bytes)
                overrides[file.source.path] = newBytes
                result.original[file.source.path] = file.source.bytes
                result.new[file.source.path] = newBytes
                let ordered = fileEdits.sorted { $0.range.lowerBound < $1.range.lowerBound }
                result.plan.files.append(FileChange(
                    path: file.source.path, sha256: Digest.sha256(file.source.bytes),
                    edits: ordered.map { FileEdit(start: $0.range.lowerBound, end: $0.range.upperBound,
                                                  text: String(decoding: $0.replacement, as: UTF8.self)) }))
            }
            loadOptions.overrides = overrides
            let reread = ZoneLoader.load(path: path, options: loadOptions)
            if let problem = PlanCheck.problem(old: zone, new: reread, operations: operations, serial: serial) {
                throw ZoneEditor.Failure(description: problem)
            }
        } catch {
            result.plan.errors.append(PlanFinding(
                severity: "error", message: "mailzone cannot write this change safely: \(error)",
                fix: "nothing was written; please report this with the zone file", location: PlanLocation(file: path, line: 1)))
            result.plan.files = []
            result.plan.serial = nil
            result.original = [:]
            result.new = [:]
        }
        return result
    }
}

/// SHA-256 digests of file contents, to recognise a file that changed since a plan.
public enum Digest {
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// Runs independent work on every core, keeping results in input order.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, transform(inputs[index]))
        }
        return results.values()
    }
}

/// Fixed slots filled from several threads, each slot by exactly one.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value] { slots.compactMap { $0 } }
}
