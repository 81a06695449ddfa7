import Foundation
import ZoneFile

/// What apply may do with a zone whose file has a BIND journal beside it.
///
/// named keeps the changes of a dynamic zone (`allow-update`, `update-policy`, inline signing) in a
/// journal (`FILE.jnl`, `FILE.signed.jnl`) and rolls it forward over the file when it loads the zone.
/// A file edited behind named's back no longer matches the journal: named then logs "journal
/// rollforward failed: journal out of sync with zone" and stops serving the zone.
public enum JournalPolicy: String, Sendable, Hashable, CaseIterable {
    /// A zone with a journal is an error of the plan: its file is not edited.
    case refuse
    /// The user froze the zones (`rndc freeze ZONE`): named has written the journal into the file
    /// and accepts no update until `rndc thaw ZONE`, which reloads the edited file.
    case frozen
    /// The change goes to the server as an RFC 2136 UPDATE (`apply --nsupdate`); no file is edited.
    case dynamicUpdate
}

/// Finds the journal named keeps beside a zone file.
public enum ZoneJournal {
    /// The suffixes named gives a zone's journals: the zone's own, and the signed copy's of inline signing.
    static let suffixes = [".jnl", ".signed.jnl"]

    /// The journals beside `zonePath` (as written, and beside the file it links to), in a fixed order.
    public static func journals(besideZoneFile zonePath: String) -> [String] {
        let absolute = zonePath.hasPrefix("/") ? zonePath : FileManager.default.currentDirectoryPath + "/" + zonePath
        return journals(besideZoneFile: zonePath, absolute: absolute, resolved: FilePaths.resolved(zonePath))
    }

    /// The same, for a zone file whose path made `absolute` and `resolved` (`FilePaths.resolved`) are known
    /// already (a plan of thousands of zones works them out once per directory); `mayExist` answers
    /// false for a path and suffix known not to name anything together, which is then neither made nor asked
    /// of the file system.
    static func journals(
        besideZoneFile zonePath: String, absolute: String, resolved: String,
        mayExist: (_ path: String, _ suffix: String) -> Bool = { _, _ in true }
    ) -> [String] {
        // named names the journal after the path in its `file` statement, which may be a link or its target.
        // When the two are one path, its journals are looked for once.
        // No array of the candidates is made: nearly always none exists (a plan of thousands of zones asks for
        // each zone's).
        var seen = Set<String>()
        var journals: [String] = []
        var status = stat()
        for index in 0..<(absolute == resolved ? 1 : 2) {
            let path = index == 0 ? zonePath : resolved
            for suffix in suffixes where mayExist(path, suffix) {
                let candidate = path + suffix
                // stat(2) as `FileManager.fileExists` answers (a link counts when its target exists), without Foundation.
                guard stat(candidate, &status) == 0 else { continue }
                if seen.insert(FilePaths.resolved(candidate)).inserted { journals.append(candidate) }
            }
        }
        return journals
    }

    /// The plan's error for a zone that would be edited while a journal sits beside its file.
    static func finding(zonePath: String, origin: DomainName, journal: String) -> PlanFinding {
        let zone = origin.description
        let name = zone == "." ? zone : String(zone.dropLast())
        return PlanFinding(
            severity: .error,
            message: "\(zonePath) has a journal beside it (\(journal)): named serves \(zone) dynamically "
                + "(allow-update, update-policy or inline signing) and keeps changes in the journal; editing "
                + "the file behind its back makes named refuse to load the zone (journal out of sync) and "
                + "loses the dynamic changes",
            fix: "send the change as a dynamic update: `mailzone apply --nsupdate SERVER --tsig-key KEYFILE`; "
                + "or freeze the zone, edit, thaw: `rndc freeze \(name)`, `mailzone apply --frozen`, "
                + "`rndc thaw \(name)`",
            location: PlanLocation(file: zonePath, line: 1))
    }

    /// The error for a saved plan's zone whose file has gained a journal since it was planned; nil without one.
    static func finding(zonePlan: ZonePlan) -> PlanFinding? {
        guard let journal = journals(besideZoneFile: zonePlan.file).first else { return nil }
        return finding(zonePath: zonePlan.file, origin: zonePlan.origin, journal: journal)
    }
}
