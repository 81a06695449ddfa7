import ZoneFile

/// Reads one term (no spaces) per the ABNF of RFC 7208 §4.6.1, §5, §6 and §7.1.
enum SPFTermParser {
    static func parse(_ term: String) -> SPFDirective {
        if term.isEmpty {
            return .invalid(reason: "empty term")
        }
        if let equals = term.firstIndex(of: "="), isModifierName(term[..<equals]) {
            return parseModifier(name: String(term[..<equals]), value: String(term[term.index(after: equals)...]))
        }
        return parseMechanism(term)
    }

    // MARK: Modifiers

    /// `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )`
    private static func isModifierName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, isAlpha(first) else { return false }
        return name.unicodeScalars.allSatisfy { isAlpha($0) || isDigit($0) || "-_.".unicodeScalars.contains($0) }
    }

    private static func parseModifier(name: String, value: String) -> SPFDirective {
        switch name.lowercased() {
        case "redirect", "exp":
            if value.isEmpty {
                return .invalid(reason: "\(name.lowercased())= needs a domain")
            }
            if let reason = SPFMacroSyntax.domainSpecProblem(value) {
                return .invalid(reason: reason)
            }
            return .modifier(name.lowercased() == "redirect" ? .redirect(domainSpec: value) : .exp(domainSpec: value))
        default:
            if let reason = SPFMacroSyntax.macroStringProblem(value, allowExplanationLetters: true) {
                return .invalid(reason: reason)
            }
            return .modifier(.unknown(name: name, value: value))
        }
    }

    // MARK: Mechanisms

    private static func parseMechanism(_ term: String) -> SPFDirective {
        var rest = Substring(term)
        var qualifier: SPFQualifier?
        if let first = rest.first, let parsed = SPFQualifier(rawValue: String(first)) {
            qualifier = parsed
            rest = rest.dropFirst()
        }
        let nameEnd = rest.firstIndex { $0 == ":" || $0 == "/" } ?? rest.endIndex
        let name = rest[..<nameEnd].lowercased()
        let argument = rest[nameEnd...]
        let result: Result<SPFMechanism, MechanismError>
        switch name {
        case "all":
            result = argument.isEmpty ? .success(.all) : .failure(MechanismError("all takes no argument"))
        case "include":
            result = requiredDomainSpec(argument, mechanism: "include").map { .include(domainSpec: $0) }
        case "exists":
            result = requiredDomainSpec(argument, mechanism: "exists").map { .exists(domainSpec: $0) }
        case "ptr":
            result = optionalDomainSpec(argument, mechanism: "ptr").map { .ptr(domainSpec: $0) }
        case "a", "mx":
            result = domainWithDualCIDR(argument, mechanism: name).map { spec, ip4, ip6 in
                name == "a"
                    ? .a(domainSpec: spec, ip4PrefixLength: ip4, ip6PrefixLength: ip6)
                    : .mx(domainSpec: spec, ip4PrefixLength: ip4, ip6PrefixLength: ip6)
            }
        case "ip4":
            result = network(
                argument, mechanism: "ip4", maxPrefix: 32, isValid: { IPv4.parse(Array($0.utf8)[...]) != nil }
            )
            .map { .ip4(network: $0, prefixLength: $1) }
        case "ip6":
            result = network(
                argument, mechanism: "ip6", maxPrefix: 128, isValid: { IPv6.parse(Array($0.utf8)[...]) != nil }
            )
            .map { .ip6(network: $0, prefixLength: $1) }
        case "":
            return .invalid(reason: "a qualifier must be followed by a mechanism")
        default:
            return .invalid(
                reason: "unknown mechanism \"\(rest[..<nameEnd])\" (known: all include a mx ptr ip4 ip6 exists)")
        }
        switch result {
        case .success(let mechanism):
            return .mechanism(qualifier: qualifier, mechanism)
        case .failure(let error):
            return .invalid(reason: error.reason)
        }
    }

    struct MechanismError: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func requiredDomainSpec(_ argument: Substring, mechanism: String) -> Result<String, MechanismError> {
        guard argument.first == ":", argument.count > 1 else {
            return .failure(MechanismError("\(mechanism) needs a domain: \(mechanism):example.com"))
        }
        let spec = String(argument.dropFirst())
        if let reason = SPFMacroSyntax.domainSpecProblem(spec) {
            return .failure(MechanismError(reason))
        }
        return .success(spec)
    }

    private static func optionalDomainSpec(_ argument: Substring, mechanism: String) -> Result<String?, MechanismError>
    {
        if argument.isEmpty { return .success(nil) }
        return requiredDomainSpec(argument, mechanism: mechanism).map { Optional($0) }
    }

    /// `a` and `mx`: `[ ":" domain-spec ] [ dual-cidr-length ]`, where
    /// `dual-cidr-length = [ "/" ip4-cidr ] [ "//" ip6-cidr ]`. A domain-spec may itself hold
    /// `/`, so the CIDR lengths are taken from the end.
    private static func domainWithDualCIDR(_ argument: Substring, mechanism: String)
        -> Result<(String?, Int?, Int?), MechanismError>
    {
        var rest = argument
        var ip6: Int?
        var ip4: Int?
        if let (digits, before) = trailingLength(rest, separator: "//") {
            guard let length = prefixLength(digits, max: 128) else {
                return .failure(MechanismError("IPv6 prefix length //\(digits) must be 0 to 128 without leading zeros"))
            }
            ip6 = length
            rest = before
        }
        if let (digits, before) = trailingLength(rest, separator: "/"), !before.hasSuffix("/") {
            guard let length = prefixLength(digits, max: 32) else {
                return .failure(MechanismError("IPv4 prefix length /\(digits) must be 0 to 32 without leading zeros"))
            }
            ip4 = length
            rest = before
        }
        if rest.isEmpty { return .success((nil, ip4, ip6)) }
        return requiredDomainSpec(rest, mechanism: mechanism).map { ($0, ip4, ip6) }
    }

    /// Digits after the last `separator` when the text ends `separator DIGITS`.
    private static func trailingLength(_ text: Substring, separator: String) -> (Substring, Substring)? {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let digitsStart = text.index(text.endIndex, offsetBy: -digits.count)
        let before = text[..<digitsStart]
        guard before.hasSuffix(separator) else { return nil }
        return (text[digitsStart...], before.dropLast(separator.count))
    }

    /// A CIDR length as the ABNF spells it: `"0" / %x31-39 *DIGIT`, at most `max`.
    private static func prefixLength(_ digits: Substring, max: Int) -> Int? {
        guard digits == "0" || digits.first != "0", digits.count <= 3, let value = Int(digits), value <= max else {
            return nil
        }
        return value
    }

    private static func network(
        _ argument: Substring, mechanism: String, maxPrefix: Int,
        isValid: (Substring) -> Bool
    ) -> Result<(String, Int?), MechanismError> {
        guard argument.first == ":", argument.count > 1 else {
            return .failure(
                MechanismError(
                    "\(mechanism) needs an address: \(mechanism == "ip4" ? "ip4:192.0.2.0/24" : "ip6:2001:db8::/32")"))
        }
        let body = argument.dropFirst()
        var address = body
        var length: Int?
        if let slash = body.firstIndex(of: "/") {
            address = body[..<slash]
            let digits = body[body.index(after: slash)...]
            guard let parsed = prefixLength(digits, max: maxPrefix) else {
                return .failure(
                    MechanismError("prefix length /\(digits) must be 0 to \(maxPrefix) without leading zeros"))
            }
            length = parsed
        }
        guard isValid(address) else {
            let family = mechanism == "ip4" ? "IPv4" : "IPv6"
            return .failure(MechanismError("\"\(address)\" is not an \(family) address"))
        }
        return .success((String(address), length))
    }

    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }
}
