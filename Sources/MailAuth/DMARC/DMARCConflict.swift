/// Why mailzone will not merge a wanted DMARC record into the records at `_dmarc.DOMAIN`.
public enum DMARCConflict: Error, MailAuthDiagnostic, Hashable {
    /// Two or more DMARC records at one name: receivers apply none of them (§6.6.3).
    case multipleRecords(name: String, records: [String])
    /// The published record has errors, so receivers ignore it.
    case invalidExisting(name: String, record: String, problems: [DMARCProblem])
    /// The wanted record (from a preset or mailzone.yaml) has errors.
    case invalidWanted(record: String, problems: [DMARCProblem])
    /// A subdomain sender's record would weaken the policy it inherits (RFC 7489 §6.6.3); the fix
    /// names both ways out the declaration has (publishing no record at all is not one).
    case weakensInherited(DMARCWeakening)
    /// The record holds what a TXT record cannot (`reason`).
    case notWritable(reason: String)

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        switch self {
        case .multipleRecords(let name, let records):
            return
                "\(records.count) DMARC records at \(name) (\(SPFProblem.quoted(records))); receivers apply none of them"
        case .invalidExisting(let name, let record, let problems):
            return
                "the DMARC record at \(name) \"\(record)\" is invalid: \(problems.map(\.summary).joined(separator: "; "))"
        case .invalidWanted(let record, let problems):
            return
                "the wanted DMARC record \"\(record)\" is invalid: \(problems.map(\.summary).joined(separator: "; "))"
        case .weakensInherited(let weakening):
            return weakening.summary
        case .notWritable(let reason):
            return "the DMARC record cannot be written as TXT: \(reason)"
        }
    }

    public var fix: String? {
        switch self {
        case .multipleRecords:
            return "keep one DMARC record at the name and remove the others"
        case .invalidExisting:
            return "correct the record by hand, then plan again"
        case .invalidWanted:
            return "correct the dmarc settings in mailzone.yaml or the preset"
        case .weakensInherited(let weakening):
            return "set `dmarc: { p: \(weakening.inheritedPolicy.rawValue) }` for this sender to publish the policy it "
                + "inherits, or `dmarc: { allow_weaker: true }` to publish p=\(weakening.policy.rawValue) anyway"
        case .notWritable:
            return nil
        }
    }
}
