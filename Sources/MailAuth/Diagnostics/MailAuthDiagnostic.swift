/// How bad a finding is: an error stops a plan, a warning is shown and the plan goes on.
public enum MailAuthSeverity: String, Sendable, Hashable, CaseIterable {
    case error
    case warning
}

/// The shape every finding of this module has, so renderers can show any of them the same way.
///
/// `summary` says what is wrong and quotes the text at fault; `fix` says what the user can do.
/// `message` joins the two for places that show one line.
public protocol MailAuthDiagnostic: Sendable {
    var severity: MailAuthSeverity { get }
    /// What is wrong, quoting the offending text.
    var summary: String { get }
    /// What to do about it; nil when there is nothing sensible to suggest.
    var fix: String? { get }
}

extension MailAuthDiagnostic {
    /// What is wrong and what to do, in one sentence: `summary; fix`.
    public var message: String {
        guard let fix else { return summary }
        return "\(summary); \(fix)"
    }
}
