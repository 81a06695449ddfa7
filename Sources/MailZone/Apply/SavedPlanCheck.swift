import Foundation

/// Whether a saved plan is exactly what planning again gives.
///
/// A saved plan is a file anyone with write access to a CI artefact or a pull request can
/// change, so apply trusts none of its paths, edit ranges or records: it plans again from the
/// declaration and the zone files on disk, under the same repository boundary as `plan`
/// (`--allow-outside` respected), and writes only when the saved plan equals the new one. Only
/// the new plan's paths and bytes are ever written; the saved plan is the user's approval of them.
enum SavedPlanCheck {
    /// Why `saved` is not what planning again gave (`fresh`); nil when they are the same.
    static func problem(saved: Plan, fresh: Plan) -> ApplyError? {
        guard saved.declaration == fresh.declaration else {
            return .savedPlanDiffers(
                "it was made from \(saved.declaration), and apply reads \(fresh.declaration);"
                    + " run apply where plan ran, with the same --config")
        }
        var freshZones: [String: ZonePlan] = [:]
        for zone in fresh.zones { freshZones[key(zone)] = zone }
        // A file that changed since the plan was made is the usual reason for a difference: say so first.
        for zone in saved.zones {
            guard let now = freshZones[key(zone)] else { continue }
            let digests = Dictionary(now.inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
            for input in zone.inputs {
                if let digest = digests[input.path], digest != input.sha256 { return .stale(path: input.path) }
            }
        }
        // Planning again is refused as planning is (a zone outside the repository without --allow-outside,
        // a conflict that a changed declaration brought): say what it found.
        if let finding = firstProblem(fresh) {
            let location = finding.location.map { " (\($0.file):\($0.line))" } ?? ""
            let message = finding.message ?? ""
            return .savedPlanDiffers("planning again finds a problem: \(message)\(location); \(finding.fix ?? "")")
        }
        for zone in saved.zones {
            guard let now = freshZones[key(zone)] else {
                return .savedPlanDiffers(
                    "it names zone \(zone.origin) in \(zone.file), which \(fresh.declaration) does not declare")
            }
            if let problem = difference(saved: zone, fresh: now) { return .savedPlanDiffers(problem) }
        }
        let savedKeys = Set(saved.zones.map(key))
        if let missing = fresh.zones.first(where: { !savedKeys.contains(key($0)) }) {
            return .savedPlanDiffers(
                "zone \(missing.origin) in \(missing.file), which \(fresh.declaration) declares, is not in it")
        }
        if saved.zones.map(key) != fresh.zones.map(key) || saved.errors != fresh.errors {
            return .savedPlanDiffers("its zones or findings are not those planning again gives")
        }
        return nil
    }

    /// The first error or conflict of a plan.
    private static func firstProblem(_ plan: Plan) -> (message: String?, fix: String?, location: PlanLocation?)? {
        if let error = plan.errors.first { return (error.message, error.fix, error.location) }
        for zone in plan.zones {
            if let error = zone.errors.first { return (error.message, error.fix, error.location) }
            for sender in zone.senders {
                if let item = sender.items.first(where: { $0.action == .conflict }) {
                    return (item.message, item.fix, item.zoneLocation)
                }
            }
        }
        return nil
    }

    private static func key(_ zone: ZonePlan) -> String { "\(zone.origin) \(zone.file)" }

    /// The first difference between a zone's saved plan and its plan made again, in words.
    private static func difference(saved: ZonePlan, fresh: ZonePlan) -> String? {
        let freshInputs = Set(fresh.inputs.map(\.path))
        if let extra = saved.inputs.first(where: { !freshInputs.contains($0.path) }) {
            return "it lists \(extra.path) as read by zone \(saved.origin), which that zone does not read"
        }
        let savedInputs = Set(saved.inputs.map(\.path))
        if let added = fresh.inputs.first(where: { !savedInputs.contains($0.path) }) {
            return "zone \(saved.origin) reads \(added.path), which it does not list"
        }
        let freshFiles = Dictionary(fresh.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for file in saved.files {
            guard let now = freshFiles[file.path] else {
                return "it edits \(file.path), which planning zone \(saved.origin) again does not edit"
            }
            if file.edits != now.edits {
                let index =
                    file.edits.indices.first { $0 >= now.edits.count || file.edits[$0] != now.edits[$0] }
                    ?? file.edits.count
                let range =
                    index < file.edits.count
                    ? "bytes \(file.edits[index].start)–\(file.edits[index].end)"
                    : "bytes \(now.edits[index].start)–\(now.edits[index].end)"
                return "its edits of \(file.path) are not those planning again gives (first difference at \(range))"
            }
        }
        let savedFiles = Set(saved.files.map(\.path))
        if let missing = fresh.files.first(where: { !savedFiles.contains($0.path) }) {
            return "planning zone \(saved.origin) again also edits \(missing.path), which it does not"
        }
        if saved.serial != fresh.serial {
            let words = { (change: SerialChange?) in change.map { "\($0.from) => \($0.to)" } ?? "none" }
            return "its SOA serial change for zone \(saved.origin) (\(words(saved.serial))) is not the one"
                + " planning again gives (\(words(fresh.serial)))"
        }
        if saved.senders != fresh.senders {
            let savedItems = saved.senders.flatMap(\.items)
            let freshItems = fresh.senders.flatMap(\.items)
            let words = { (item: PlanItem) in
                "\(item.action.rawValue) \(item.name) \(item.type) \(item.after ?? item.before ?? "")"
            }
            if let item = savedItems.first(where: { !freshItems.contains($0) }) {
                return "its record \(words(item)) is not one planning again gives"
            }
            if let item = freshItems.first(where: { !savedItems.contains($0) }) {
                return "planning again gives \(words(item)), which it does not have"
            }
            return "its senders of zone \(saved.origin) are not those planning again gives"
        }
        if saved != fresh {
            return "its plan of zone \(saved.origin) is not the one planning again gives"
        }
        return nil
    }
}
