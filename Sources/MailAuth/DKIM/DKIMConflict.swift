/// Why a sender's DKIM key record cannot be published at its selector name as it stands.
public enum DKIMConflict: Error, MailAuthDiagnostic, Hashable {
    /// The key record the sender asks for cannot be read.
    case invalidWanted(name: String, problem: DKIMProblem)
    /// The selector name has `count` key records; a selector has one key (RFC 6376 §3.6.2.2).
    case multipleKeys(name: String, count: Int)
    /// The value holds what a TXT record cannot (`reason`).
    case notWritable(reason: String)

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        switch self {
        case .invalidWanted(let name, let problem):
            return "the DKIM key for \(name) is not a valid key record: \(problem.summary)"
        case .multipleKeys(let name, let count):
            return "\(name) has \(count) DKIM key records; a selector has one key"
        case .notWritable(let reason):
            return "the DKIM value cannot be written as TXT: \(reason)"
        }
    }

    public var fix: String? {
        switch self {
        case .invalidWanted(_, let problem):
            return problem.fix ?? "copy the record value from the service's console again"
        case .multipleKeys:
            return "remove all but one of them, then plan again"
        case .notWritable:
            return "remove control characters from the value"
        }
    }
}
