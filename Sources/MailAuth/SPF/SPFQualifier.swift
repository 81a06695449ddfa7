/// The result a mechanism gives when it matches (RFC 7208 §4.6.2). No qualifier means `+`.
public enum SPFQualifier: String, Sendable, Hashable, CaseIterable {
    case pass = "+"
    case fail = "-"
    case softFail = "~"
    case neutral = "?"

    /// How strongly the qualifier rejects, for choosing the strictest `all` when folding:
    /// `-` over `~` over `?` over `+`.
    var strictness: Int {
        switch self {
        case .pass: 0
        case .neutral: 1
        case .softFail: 2
        case .fail: 3
        }
    }
}
