/// A mechanism with its arguments as written (RFC 7208 §5). Domain-specs keep their spelling,
/// macros included; only the mechanism name is compared case-insensitively.
public enum SPFMechanism: Sendable, Hashable {
    case all
    case include(domainSpec: String)
    case a(domainSpec: String?, ip4PrefixLength: Int?, ip6PrefixLength: Int?)
    case mx(domainSpec: String?, ip4PrefixLength: Int?, ip6PrefixLength: Int?)
    case ptr(domainSpec: String?)
    case ip4(network: String, prefixLength: Int?)
    case ip6(network: String, prefixLength: Int?)
    case exists(domainSpec: String)

    /// The mechanism name in lower case.
    public var name: String {
        switch self {
        case .all: "all"
        case .include: "include"
        case .a: "a"
        case .mx: "mx"
        case .ptr: "ptr"
        case .ip4: "ip4"
        case .ip6: "ip6"
        case .exists: "exists"
        }
    }

    /// True for the mechanisms that cost a DNS lookup and so count against the limit of 10
    /// (RFC 7208 §4.6.4); `all`, `ip4` and `ip6` are free.
    public var causesDNSLookup: Bool {
        switch self {
        case .include, .a, .mx, .ptr, .exists: true
        case .all, .ip4, .ip6: false
        }
    }
}

/// A modifier (RFC 7208 §6). Unknown modifiers are kept and ignored, as receivers do.
public enum SPFModifier: Sendable, Hashable {
    case redirect(domainSpec: String)
    case exp(domainSpec: String)
    case unknown(name: String, value: String)

    /// The modifier name in lower case for `redirect` and `exp`, as written for others.
    public var name: String {
        switch self {
        case .redirect: "redirect"
        case .exp: "exp"
        case .unknown(let name, _): name
        }
    }
}

/// What one term of a record means.
public enum SPFDirective: Sendable, Hashable {
    /// A mechanism with the qualifier as written; nil when none was written (it means `+`).
    case mechanism(qualifier: SPFQualifier?, SPFMechanism)
    case modifier(SPFModifier)
    /// A term that breaks the grammar; the record is a permerror (RFC 7208 §4.6).
    case invalid(reason: String)
}
