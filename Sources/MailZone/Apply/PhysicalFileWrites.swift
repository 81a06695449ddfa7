import Foundation
import ZoneFile

/// One zone as planned under apply's locks: its plan and the new text of each file it changes.
struct PlannedZone: Sendable {
    var plan: ZonePlan
    /// New texts (old bytes and edits) by the path the plan shows.
    var newFiles: [String: EditedText]
}

/// The writes of one apply, one per physical file.
///
/// Zones are planned one by one, each from the files as they are on disk, so two zones that
/// read one file (a shared `$INCLUDE`, or one file reached through two paths or a symbolic link)
/// each plan their own new text of it; writing both would keep only the last. So edits are
/// grouped by the file they really change (symbolic links resolved): one zone's edits of a file
/// no other zone reads are written as planned; otherwise every zone's edits of it are applied
/// together to the bytes on disk (the same edit planned by two zones once; two different edits of
/// the same bytes are refused), and every zone that reads the file is read again with all of them
/// and must still hold exactly its own plan's records. The file is then written once.
enum PhysicalFileWrites {
    static func writes(
        _ zones: [PlannedZone],
        includeRoot: String?
    ) throws(ApplyError) -> [(path: String, text: EditedText, readDigest: String?)] {
        var resolvedPaths: [String: String] = [:]
        func physical(_ path: String) -> String {
            if let known = resolvedPaths[path] { return known }
            let resolved = FilePaths.resolved(path)
            resolvedPaths[path] = resolved
            return resolved
        }
        var readers: [String: [Int]] = [:]
        for (index, zone) in zones.enumerated() {
            for input in zone.plan.inputs where readers[physical(input.path)]?.last != index {
                readers[physical(input.path), default: []].append(index)
            }
        }
        var order: [String] = []
        var changes: [String: [(zone: Int, change: FileChange)]] = [:]
        for (index, zone) in zones.enumerated() {
            for change in zone.plan.files {
                let file = physical(change.path)
                if changes[file] == nil { order.append(file) }
                changes[file, default: []].append((index, change))
            }
        }
        var writes: [(path: String, text: EditedText, readDigest: String?)] = []
        var merged: [String: EditedText] = [:]
        for file in order {
            let edits = changes[file] ?? []
            guard let first = edits.first else { continue }
            let readBy = Set(readers[file] ?? []).union(edits.map(\.zone))
            if edits.count == 1, readBy.count == 1 {
                guard let text = zones[first.zone].newFiles[first.change.path] else {
                    throw .check(path: first.change.path, problem: "the plan holds no new text for it")
                }
                writes.append((first.change.path, text, first.change.sha256))
                continue
            }
            let names = readBy.sorted().map { zones[$0].plan.origin.description }
            let text = try merge(edits, zones: zones, readBy: names)
            merged[file] = text
            writes.append((first.change.path, text, first.change.sha256))
        }
        for (index, zone) in zones.enumerated() {
            let shared = zone.plan.inputs.map(\.path).filter { merged[physical($0)] != nil }
            guard !shared.isEmpty else { continue }
            let others = Set(shared.flatMap { readers[physical($0)] ?? [] }).subtracting([index]).sorted()
                .map { zones[$0].plan.origin.description }
            var overrides = zone.newFiles
            for path in shared { overrides[path] = merged[physical(path)] }
            if let problem = reread(zone, overrides: overrides, includeRoot: includeRoot) {
                throw .sharedFile(
                    "\(zone.plan.file): zone \(zone.plan.origin) does not read back as planned once the edits"
                        + " of every zone that reads \(shared.joined(separator: ", ")) (also \(others.joined(separator: ", ")))"
                        + " are applied together (\(problem)) — nothing was written; \(advice)")
            }
        }
        return writes
    }

    /// What to do when zones that share a file cannot have their edits written together.
    private static let advice = "keep each zone's mail records in a file that only that zone reads"

    /// Every zone's edits of one file applied together to its bytes on disk.
    private static func merge(
        _ edits: [(zone: Int, change: FileChange)], zones: [PlannedZone],
        readBy names: [String]
    ) throws(ApplyError) -> EditedText {
        guard let first = edits.first else { return EditedText([]) }
        let path = first.change.path
        guard edits.allSatisfy({ $0.change.sha256 == first.change.sha256 }),
            let source = try? SourceFile.read(path: path), Digest.sha256(source.bytes) == first.change.sha256
        else {
            throw .stale(path: path)
        }
        let all = edits.flatMap { entry in entry.change.edits.map { (zone: entry.zone, edit: $0) } }
            .sorted { ($0.edit.start, $0.edit.end, $0.edit.text) < ($1.edit.start, $1.edit.end, $1.edit.text) }
        var kept: [(zone: Int, edit: FileEdit)] = []
        for entry in all {
            if let last = kept.last {
                if last.edit == entry.edit { continue }
                if entry.edit.start < last.edit.end || entry.edit.start == last.edit.start {
                    let line = source.location(of: entry.edit.start).line
                    throw .sharedFile(
                        "\(path) is read by zones \(names.joined(separator: ", ")), and the plans of"
                            + " \(zones[last.zone].plan.origin) and \(zones[entry.zone].plan.origin) change it differently"
                            + " at line \(line) — nothing was written; \(advice)")
                }
            }
            kept.append(entry)
        }
        do {
            let sourceEdits = kept.map { SourceEdit(range: $0.edit.start..<$0.edit.end, replacement: $0.edit.text) }
            return try EditedText(original: source.bytes, edits: sourceEdits)
        } catch {
            throw .check(path: path, problem: error.description)
        }
    }

    /// Why `zone`, read again with `overrides` (new texts by the paths it reads), does not hold exactly
    /// its plan's changes; nil when it does.
    private static func reread(_ zone: PlannedZone, overrides: [String: EditedText], includeRoot: String?) -> String? {
        var options = Planner.loadOptions(origin: zone.plan.origin, includeRoot: includeRoot)
        let old = ZoneLoader.load(path: zone.plan.file, options: options)
        if let error = old.errors.first { return "it does not read: \(error)" }
        // Read whole: the texts were edited from files read by other zones' plans, not this load.
        options.overrides = overrides.mapValues(\.bytes)
        let reread = PlanCheck.reread(old, path: zone.plan.file, options: options)
        return PlanCheck.problem(old: old, reread: reread, zonePlan: zone.plan)
    }
}
