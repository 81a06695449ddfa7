import MailAuth

/// What the words of an `mx: keep-existing` warning depend on, but for the name they are at: the MX the name
/// keeps (in the zone, and planned for other services), the services' MX left out there, and the services the
/// sender acknowledges in `mx_not_added`. A zone of thousands of senders that keep their MX words thousands of
/// warnings alike but for the name: worded once (`SenderPlanner.keptOutWords`), not once per sender.
///
/// Equal only when the MX and service names are the same octets (`String`'s equality holds canonically
/// equivalent texts equal, which print differently); `acknowledged` is compared as `keepOut` reads it, as a set.
struct KeptOutMXWarning: Hashable, Sendable {
    var inZone: [MXValue]
    var planned: [MXValue]
    var plannedBy: [String]
    var keptOut: [KeptOutMX]
    var acknowledged: Set<String>

    /// One service MX left out, with the services that want it.
    struct KeptOutMX: Hashable, Sendable {
        var value: MXValue
        var presets: [String]
    }

    /// The warning's words: its summary after the name (`MXConflict.keptOutSummary`), its fix, and the MX the
    /// plan shows the name keeping.
    struct Words: Sendable {
        var summaryAfterName: String
        var fix: String?
        var before: String
    }

    /// The words, as `MXConflict.keptOut` gives them. The fix names only the services not acknowledged, so it is
    /// worded once for them (`keptOutFixes`): a repository's zones each keep MX of their own, and their warnings
    /// differ in the MX they name but not in the fix. The MX kept are listed into one text, with no arrays made.
    var words: Words {
        var unacknowledged: [String] = []
        for entry in keptOut {
            for preset in entry.presets where !acknowledged.contains(preset) { unacknowledged.append(preset) }
        }
        var before = ""
        for value in inZone {
            if !before.isEmpty { before += ", " }
            before += value.text
        }
        for value in planned {
            if !before.isEmpty { before += ", " }
            before += value.text
        }
        return Words(
            summaryAfterName: MXConflict.keptOutSummary(
                inZone: inZone, planned: planned, plannedBy: plannedBy, leftOut: leftOut),
            fix: Self.keptOutFixes.value(for: KeptOutFix(unacknowledged: unacknowledged)), before: before)
    }

    /// The services a kept-out warning's fix names (those not acknowledged), equal only when their names are the
    /// same octets.
    struct KeptOutFix: Hashable, Sendable {
        var unacknowledged: [String]

        static func == (lhs: KeptOutFix, rhs: KeptOutFix) -> Bool {
            sameNames(lhs.unacknowledged, rhs.unacknowledged)
        }

        /// The fix as `MXConflict.keptOut` words it, which reads only the services not acknowledged.
        var fix: String? {
            MXConflict.keptOut(
                name: "", inZone: [], planned: [], plannedBy: [], leftOut: [], unacknowledged: unacknowledged
            ).fix
        }
    }

    /// The fix of each list of services `words` last worded one for.
    static let keptOutFixes = ValueMemo<KeptOutFix, String?>(limit: 64) { $0.fix }

    /// The MX left out, grouped as `MXConflict.keptOut` words them: one group per list of services, in the
    /// order the services' MX first appear.
    var leftOut: [MXLeftOut] {
        var groups: [MXLeftOut] = []
        for entry in keptOut {
            if let index = groups.firstIndex(where: { $0.services == entry.presets }) {
                groups[index].values.append(entry.value)
            } else {
                groups.append(MXLeftOut(values: [entry.value], services: entry.presets))
            }
        }
        return groups
    }

    static func == (lhs: KeptOutMXWarning, rhs: KeptOutMXWarning) -> Bool {
        sameValues(lhs.inZone, rhs.inZone) && sameValues(lhs.planned, rhs.planned)
            && sameNames(lhs.plannedBy, rhs.plannedBy)
            && lhs.keptOut.elementsEqual(rhs.keptOut) {
                sameValue($0.value, $1.value) && sameNames($0.presets, $1.presets)
            }
            && lhs.acknowledged == rhs.acknowledged
    }

    // `hash(into:)` is the synthesized one: `String`'s hashing holds canonically equivalent texts alike, so texts
    // of the same octets hash alike.

    private static func sameValues(_ lhs: [MXValue], _ rhs: [MXValue]) -> Bool {
        lhs.elementsEqual(rhs, by: sameValue)
    }

    private static func sameValue(_ lhs: MXValue, _ rhs: MXValue) -> Bool {
        lhs.preference == rhs.preference && ExactText(lhs.exchange) == ExactText(rhs.exchange)
    }

    private static func sameNames(_ lhs: [String], _ rhs: [String]) -> Bool {
        lhs.elementsEqual(rhs) { ExactText($0) == ExactText($1) }
    }
}

extension SenderPlanner {
    /// The words of each `mx: keep-existing` warning `keepOut` last worded.
    static let keptOutWords = ValueMemo<KeptOutMXWarning, KeptOutMXWarning.Words>(limit: 64) { $0.words }
}
