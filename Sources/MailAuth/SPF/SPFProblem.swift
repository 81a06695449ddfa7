/// Something wrong in one SPF record, found by ``SPFRecord/problems``.
public enum SPFProblem: MailAuthDiagnostic, Hashable {
    /// A term breaks the grammar; the whole record is a permerror (RFC 7208 §4.6).
    case invalidTerm(term: String, reason: String)
    /// `redirect=` or `exp=` appears more than once (§6).
    case duplicateModifier(name: String, terms: [String])
    /// Terms after `all` are never evaluated (§5.1).
    case termsAfterAll(all: String, terms: [String])
    /// `redirect=` beside `all` is ignored (§6.1).
    case redirectIgnored(redirect: String, all: String)
    /// `ptr` is slow and unreliable; RFC 7208 §5.5 says it SHOULD NOT be used.
    case ptrUsed(term: String)
    /// More than 10 terms that cost DNS lookups: a permerror (§4.6.4).
    case tooManyLookups(count: Int, terms: [String])

    public var severity: MailAuthSeverity {
        switch self {
        case .invalidTerm, .duplicateModifier, .tooManyLookups: .error
        case .termsAfterAll, .redirectIgnored, .ptrUsed: .warning
        }
    }

    public var summary: String {
        switch self {
        case .invalidTerm(let term, let reason):
            return "SPF term \"\(term)\" is invalid: \(reason)"
        case .duplicateModifier(let name, let terms):
            return "SPF modifier \(name)= appears \(terms.count) times (\(Self.quoted(terms))); it may appear once"
        case .termsAfterAll(let all, let terms):
            return "SPF terms after \"\(all)\" are never evaluated: \(Self.quoted(terms))"
        case .redirectIgnored(let redirect, let all):
            return "SPF \"\(redirect)\" is ignored because the record has \"\(all)\""
        case .ptrUsed(let term):
            return "SPF term \"\(term)\" uses the ptr mechanism, which RFC 7208 §5.5 says should not be used"
        case .tooManyLookups(let count, let terms):
            return "SPF record needs \(count) DNS lookups (\(Self.quoted(terms))), more than the 10 allowed"
        }
    }

    public var fix: String? {
        switch self {
        case .invalidTerm:
            return "correct or remove the term: one bad term makes receivers ignore the whole record"
        case .duplicateModifier(let name, _):
            return "keep one \(name)= and remove the others"
        case .termsAfterAll:
            return "move them before the all mechanism, or remove them"
        case .redirectIgnored:
            return "remove the redirect, or remove the all mechanism if the redirect's policy should apply"
        case .ptrUsed:
            return "list the sending hosts with ip4:, ip6:, a or include: instead"
        case .tooManyLookups:
            return "replace some include, a or mx terms with ip4:/ip6: ranges, or drop services that no longer send"
        }
    }

    static func quoted(_ terms: [String]) -> String {
        terms.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
