/// Why a record cannot go where a sender wants it, by the rules of the DNS rather than of a
/// mail protocol: a CNAME stands alone at its name (RFC 1034 §3.6.2), a zone does not serve
/// names at or below a delegation or below a DNAME (RFC 1034 §4.2.1, RFC 6672 §2.3), and a
/// wildcard stops matching a name that comes to exist (RFC 4592 §2.2.1).
///
/// Names are as the plan shows them (relative to the zone's origin), record types by mnemonic.
public enum PlacementConflict: Error, MailAuthDiagnostic, Hashable {
    /// `name` has a CNAME (to `target`), so no `type` record can be added beside it.
    case cnameAtName(name: String, target: String, type: String)
    /// `name` has `existingType` data, so a CNAME cannot be added there.
    case dataBesideCNAME(name: String, existingType: String)
    /// `name` is the delegation `cut` or below it: a `type` record written in this zone is never
    /// served. `record` is the cut's NS record, `written` where it is (`file:line`), `signed`
    /// whether a DS is there too, `childOrigin` the child zone's origin.
    case delegated(
        name: String, cut: String, atCut: Bool, record: String, written: String?, signed: Bool, type: String,
        childOrigin: String)
    /// `name` is below the DNAME at `cut` (`record`, written at `written`), redirected to `target`:
    /// `redirected` is the name it stands for there.
    case belowDNAME(
        name: String, cut: String, record: String, written: String?, target: String, redirected: String, type: String)
    /// Creating `created` makes `names` exist, so `wildcard` stops matching them: its records
    /// (`records`, the first of them, and `more` others) are no longer served for them.
    case wildcardStopsMatching(created: String, names: [String], wildcard: String, records: [String], more: Int)

    public var severity: MailAuthSeverity {
        switch self {
        case .wildcardStopsMatching: .warning
        case .cnameAtName, .dataBesideCNAME, .delegated, .belowDNAME: .error
        }
    }

    public var summary: String {
        switch self {
        case .cnameAtName(let name, let target, let type):
            return "\(name) has a CNAME (to \(target)), so \(Self.aRecord(type)) cannot be added there"
        case .dataBesideCNAME(let name, let existingType):
            return "\(name) already has \(existingType) data, so a CNAME cannot be added there (RFC 1034 §3.6.2)"
        case .delegated(let name, let cut, let atCut, let record, let written, let signed, let type, _):
            let position = atCut ? "is delegated to another zone" : "is below the delegation of \(cut) to another zone"
            let cutText = record + Self.at(written) + (signed ? ", with DS" : "")
            return
                "\(name) \(position) (\(cutText)): \(Self.aRecord(type)) written in this zone would never be served; "
                + "resolvers are referred to the child zone (RFC 1034 §4.2.1)"
        case .belowDNAME(let name, let cut, let record, let written, let target, _, let type):
            return
                "\(name) is below the DNAME at \(cut) (\(record)\(Self.at(written))): names below a DNAME are "
                + "redirected to \(target), so \(Self.aRecord(type)) written here would never be served (RFC 6672 §2.3)"
        case .wildcardStopsMatching(let created, let names, let wildcard, let records, let more):
            let list = ProseList.joined(names)
            let shown = records.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
            return
                "creating \(created) makes \(list) exist, so the wildcard \(wildcard) stops matching "
                + "\(names.count == 1 ? "it" : "them"): its records (\(shown)) will no longer be served for \(list) "
                + "(RFC 4592 §2.2.1)"
        }
    }

    public var fix: String? {
        switch self {
        case .cnameAtName(let name, _, _):
            return "remove the CNAME at \(name), or send from a name without one"
        case .dataBesideCNAME(let name, _):
            return "remove the other records at \(name), or ask the service for a TXT alternative"
        case .delegated(_, _, _, _, _, _, _, let childOrigin):
            return
                "declare the child zone's file (a zone with origin \(childOrigin)) so the record is written there, "
                + "or remove the delegation"
        case .belowDNAME(_, _, _, _, _, let redirected, _):
            return "declare the zone of \(redirected) and write the record there, or remove the DNAME"
        case .wildcardStopsMatching(_, let names, _, _, _):
            return
                "nothing to do if that is intended; otherwise also add the records \(ProseList.joined(names)) should keep"
        }
    }

    /// `an MX record`, `a TXT record`.
    private static func aRecord(_ type: String) -> String {
        "\(type == "MX" ? "an" : "a") \(type) record"
    }

    private static func at(_ written: String?) -> String {
        written.map { " at \($0)" } ?? ""
    }
}
