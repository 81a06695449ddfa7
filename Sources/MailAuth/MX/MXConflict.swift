/// Why a service's MX records cannot simply be added at a name.
public enum MXConflict: Error, MailAuthDiagnostic, Hashable {
    /// The name has a null MX (`0 .`): it says the domain takes no mail, and RFC 7505 §3
    /// wants it to be the only MX.
    case nullMX(name: String, wanted: [MXValue])
    /// The name already receives mail at other hosts; adding the service's MX would send part
    /// of that mail to the service.
    case existingInbound(name: String, existing: [MXValue], wanted: [MXValue])
    /// Another service of the same sender has MX planned at the name (not in the zone yet):
    /// adding this service's MX too would split the inbound mail between the two services.
    /// `existing` are the other MX already in the zone (none, usually); the services are named
    /// so the message says which MX each one wants.
    case plannedInbound(
        name: String, existing: [MXValue], planned: [MXValue], plannedBy: String, wanted: [MXValue],
        wantedBy: String)
    /// Under `mx: keep-existing`, the name keeps the MX in the zone (`inZone`) and those this plan
    /// adds for other services (`planned`, for `plannedBy`); the services' MX in `leftOut` are not
    /// added. `unacknowledged` are the services the sender has not listed in `mx_not_added`.
    case keptOut(
        name: String, inZone: [MXValue], planned: [MXValue], plannedBy: [String], leftOut: [MXLeftOut],
        unacknowledged: [String])

    public var severity: MailAuthSeverity {
        if case .keptOut = self { return .warning }
        return .error
    }

    public var summary: String {
        switch self {
        case .nullMX(let name, let wanted):
            return
                "\(name) has a null MX (0 .), which says it takes no mail; adding MX \(Self.list(wanted)) beside it is invalid"
        case .existingInbound(let name, let existing, let wanted):
            return
                "\(name) already receives mail at MX \(Self.list(existing)); adding MX \(Self.list(wanted)) would divert part of it"
        case .plannedInbound(let name, let existing, let planned, let plannedBy, let wanted, let wantedBy):
            let zone =
                existing.isEmpty
                ? "\(name) has no other MX in the zone, but"
                : "\(name) already receives mail at MX \(Self.list(existing)), and"
            return
                "\(zone) this plan adds MX \(Self.list(planned)) for \(plannedBy); adding MX \(Self.list(wanted)) for "
                + "\(wantedBy) too would divert part of its mail"
        case .keptOut(let name, let inZone, let planned, let plannedBy, let leftOut, _):
            return name + Self.keptOutSummary(inZone: inZone, planned: planned, plannedBy: plannedBy, leftOut: leftOut)
        }
    }

    /// The summary of `keptOut` after its name: ` keeps MX "10 mx.example." (in the zone); MX … is not added
    /// (mx: keep-existing)`. Apart from the name, so a plan can word it once for the many names that keep the
    /// same MX and leave out the same service's.
    public static func keptOutSummary(
        inZone: [MXValue], planned: [MXValue], plannedBy: [String], leftOut: [MXLeftOut]
    ) -> String {
        var kept: [String] = []
        if !inZone.isEmpty { kept.append("MX \(Self.list(inZone)) (in the zone)") }
        if !planned.isEmpty { kept.append("MX \(Self.list(planned)) (added for \(ProseList.services(plannedBy)))") }
        let left = leftOut.map { "MX \(Self.list($0.values)) for \(ProseList.services($0.services))" }
        let one = left.count == 1 && leftOut.allSatisfy { $0.values.count == 1 }
        let notAdded = one ? left.joined() + " is" : ProseList.services(left) + " are"
        return " keeps \(kept.joined(separator: " and ")); \(notAdded) not added (mx: keep-existing)"
    }

    public var fix: String? {
        switch self {
        case .nullMX:
            return "remove the null MX if the name should receive mail, or send from a subdomain"
        case .existingInbound:
            return
                "keep the existing MX and add none (the service's advice when you run your own mail server), choose to add the service's MX anyway, or send from a subdomain"
        case .plannedInbound(_, _, _, let plannedBy, _, let wantedBy):
            return "let \(plannedBy) receive the mail and add no MX for \(wantedBy) (`mx: keep-existing`), add both "
                + "(`mx: add`), or send from a subdomain"
        case .keptOut(_, _, _, _, _, let unacknowledged):
            let services = ProseList.services(unacknowledged)
            let their = Set(unacknowledged).count > 1 ? "their" : "its"
            return "nothing to do if these MX should keep receiving the mail (\(services) may then show \(their) MX as "
                + "unverified); write `mx_not_added: [\(Self.yamlList(unacknowledged, prose: services))]` in "
                + "this sender to say so and drop this warning"
        }
    }

    /// The services of `prose` (`ProseList.services`) as a YAML flow list's items: `a, b, c`. Names without a
    /// blank (every preset's) are joined at once; any other is worded as the prose with its `and`s made commas.
    static func yamlList(_ services: [String], prose: String) -> String {
        guard services.allSatisfy({ !$0.utf8.contains { $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 } }) else {
            return prose.replacingOccurrences(of: " and ", with: ", ")
        }
        var unique: [String] = []
        for name in services where !unique.contains(name) { unique.append(name) }
        return unique.isEmpty ? prose : unique.joined(separator: ", ")
    }

    private static func list(_ values: [MXValue]) -> String {
        values.map { "\"\($0.text)\"" }.joined(separator: ", ")
    }
}

/// MX values of services left out under `mx: keep-existing`.
public struct MXLeftOut: Sendable, Hashable {
    public var values: [MXValue]
    public var services: [String]

    public init(values: [MXValue], services: [String]) {
        self.values = values
        self.services = services
    }
}

/// A service's MX conflict as the sender's `mx:` policy meets it: the summary is the conflict's,
/// the fix says what the declaration can do. A service that needs its MX alone at the name
/// (`exclusive`, named by `exclusiveServices`) cannot be added beside another even with `mx: add`.
public struct MXPolicyConflict: Error, MailAuthDiagnostic, Hashable {
    public var conflict: MXConflict
    public var name: String
    public var exclusiveServices: String?

    public init(_ conflict: MXConflict, name: String, exclusiveServices: String?) {
        self.conflict = conflict
        self.name = name
        self.exclusiveServices = exclusiveServices
    }

    public var severity: MailAuthSeverity { conflict.severity }
    public var summary: String { conflict.summary }

    public var fix: String? {
        if let exclusiveServices {
            return "\(exclusiveServices) needs its MX to be the only one at \(name): give it a name that receives no "
                + "other mail, or remove the other MX (`mx: add` cannot put it beside another)"
        }
        guard case .existingInbound = conflict else { return conflict.fix }
        return (conflict.fix ?? "") + " (or set `mx: keep-existing` or `mx: add` for this sender)"
    }
}

/// An MX value that a zone file would read differently from what was meant.
public enum MXProblem: Error, MailAuthDiagnostic, Hashable {
    /// The exchange does not end in `.`, so a zone file appends its origin to it.
    case relativeExchange(exchange: String)
    /// Not `PREFERENCE EXCHANGE` with a preference from 0 to 65535.
    case malformed(rdata: String)
    /// Read as `PREFERENCE HOST` but not as MX RDATA (a name the zone file cannot hold).
    case unreadable(value: String)
    /// The exchange is a CNAME in the zone (to `canonical`): MX targets must not be aliases (RFC 2181 §10.3).
    case exchangeIsAlias(exchange: String, canonical: String)

    public var severity: MailAuthSeverity {
        if case .exchangeIsAlias = self { return .warning }
        return .error
    }

    public var summary: String {
        switch self {
        case .relativeExchange(let exchange):
            return
                "MX exchange \"\(exchange)\" does not end with \".\", so the zone file would read it relative to the zone's origin"
        case .malformed(let rdata):
            return "MX value \"\(rdata)\" is not a preference (0-65535) followed by a host name"
        case .unreadable(let value):
            return "MX value '\(value)' is not PREFERENCE HOST."
        case .exchangeIsAlias(let exchange, _):
            return "the MX target \(exchange) is a CNAME in this zone; MX targets must not be aliases (RFC 2181 §10.3)"
        }
    }

    public var fix: String? {
        switch self {
        case .relativeExchange(let exchange):
            return "write it as an absolute name: \"\(exchange).\""
        case .malformed:
            return "write it as PREFERENCE HOST., e.g. \"10 mxbiz1.qq.com.\""
        case .unreadable:
            return nil
        case .exchangeIsAlias(_, let canonical):
            return "point the MX at the canonical name \(canonical)"
        }
    }
}
