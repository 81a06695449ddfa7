/// Why a record a service needs verbatim (a verification TXT, a CNAME, a record of another type)
/// cannot be planned: its value is not valid for its type, or a Domain Connect conflict rule
/// (`txtConflictMatchingMode`) finds more in the way than mailzone may replace.
public enum ServiceRecordProblem: Error, MailAuthDiagnostic, Hashable {
    /// The record type is not one mailzone knows.
    case unknownType(String)
    /// The value cannot be a TXT record (`reason`).
    case notTXT(value: String, reason: String)
    /// The value is not valid RDATA of `type` (`reason`).
    case notRData(value: String, type: String, reason: String)
    /// A CNAME's target that is not a domain name.
    case cnameTargetNotName(value: String)
    /// `count` TXT records at `name` start with `prefix`, the service's older records
    /// (`txtConflictMatchingMode Prefix`): one is replaced, several are not.
    case olderRecords(name: String, count: Int, prefix: String)
    /// `name` has `count` TXT records of its own, and the template's must stand alone
    /// (`txtConflictMatchingMode All`).
    case notAlone(name: String, count: Int)

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        switch self {
        case .unknownType(let type):
            return "unknown record type \(type)"
        case .notTXT(let value, let reason):
            return "the value \(Self.shown(value)) cannot be written as TXT: \(reason)"
        case .notRData(let value, let type, let reason):
            return "the value \(Self.shown(value)) is not valid \(type) RDATA: \(reason)"
        case .cnameTargetNotName(let value):
            return "CNAME target '\(value)' is not a domain name"
        case .olderRecords(let name, let count, let prefix):
            return
                "\(name) has \(count) TXT records starting with '\(prefix)', the service's older records "
                + "(txtConflictMatchingMode Prefix): mailzone replaces one, not several"
        case .notAlone(let name, let count):
            let these = count == 1 ? "a TXT record" : "\(count) TXT records"
            return
                "\(name) has \(these) of its own, and the template's TXT record must stand alone there "
                + "(txtConflictMatchingMode All)"
        }
    }

    public var fix: String? {
        switch self {
        case .unknownType, .notTXT, .notRData, .cnameTargetNotName:
            return nil
        case .olderRecords:
            return "remove the older records from the zone, keeping at most one, then plan again"
        case .notAlone(_, let count):
            return
                "remove \(count == 1 ? "it" : "them") from the zone if the service's record may take "
                + "\(count == 1 ? "its" : "their") place, then plan again"
        }
    }

    /// A value quoted for a message; a long one (a 64 KB TXT) by its start and length, so the
    /// message stays readable.
    public static func shown(_ value: String) -> String {
        value.count <= 80 ? "'\(value)'" : "'\(value.prefix(40))…' (\(value.count) characters)"
    }
}
