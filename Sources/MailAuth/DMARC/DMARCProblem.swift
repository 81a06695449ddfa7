/// Something wrong with a DMARC record (RFC 7489 §6.3, §6.4).
public enum DMARCProblem: Error, MailAuthDiagnostic, Hashable {
    /// The text is not a tag list.
    case syntax(reason: String)
    /// The record does not start with `v=DMARC1`, so receivers discard it (§6.6.3).
    case notDMARC(record: String)
    /// A tag appears twice.
    case duplicateTag(name: String)
    /// No `p=` tag: the record is invalid (§6.3).
    case missingPolicy
    /// `p=` is present but not the second tag, as RFC 7489's grammar wants.
    case policyNotSecond
    /// A known tag has a value outside what RFC 7489 allows.
    case invalidValue(tag: String, value: String, expected: String)
    /// A `rua`/`ruf` entry is not a URI with an optional size limit.
    case invalidReportURI(tag: String, reason: String)

    public var severity: MailAuthSeverity {
        switch self {
        case .policyNotSecond: .warning
        default: .error
        }
    }

    public var summary: String {
        switch self {
        case .syntax(let reason):
            return "DMARC record is not a tag list: \(reason)"
        case .notDMARC(let record):
            return "\"\(record)\" is not a DMARC record: it must start with v=DMARC1"
        case .duplicateTag(let name):
            return "DMARC record has the tag \(name)= twice"
        case .missingPolicy:
            return "DMARC record has no p= tag"
        case .policyNotSecond:
            return "DMARC record's p= is not right after v=DMARC1"
        case .invalidValue(let tag, let value, let expected):
            return "DMARC \(tag)=\(value) is invalid: \(tag) must be \(expected)"
        case .invalidReportURI(let tag, let reason):
            return "DMARC \(tag)= has an invalid entry: \(reason)"
        }
    }

    public var fix: String? {
        switch self {
        case .syntax:
            return "write tag=value pairs separated by semicolons, e.g. v=DMARC1; p=none"
        case .notDMARC:
            return "start the record with v=DMARC1 (exactly, in capitals)"
        case .duplicateTag(let name):
            return "keep one \(name)= tag"
        case .missingPolicy:
            return "add p=none, p=quarantine or p=reject after v=DMARC1"
        case .policyNotSecond:
            return "move p= to follow v=DMARC1"
        case .invalidValue(let tag, _, _):
            return "correct \(tag)= or remove it"
        case .invalidReportURI(let tag, _):
            return "write \(tag)= as comma-separated URIs such as mailto:dmarc@example.com!10m"
        }
    }
}
