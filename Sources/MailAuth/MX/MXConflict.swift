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

    public var severity: MailAuthSeverity { .error }

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
        }
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
        }
    }

    private static func list(_ values: [MXValue]) -> String {
        values.map { "\"\($0.text)\"" }.joined(separator: ", ")
    }
}

/// An MX value that a zone file would read differently from what was meant.
public enum MXProblem: Error, MailAuthDiagnostic, Hashable {
    /// The exchange does not end in `.`, so a zone file appends its origin to it.
    case relativeExchange(exchange: String)
    /// Not `PREFERENCE EXCHANGE` with a preference from 0 to 65535.
    case malformed(rdata: String)

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        switch self {
        case .relativeExchange(let exchange):
            return
                "MX exchange \"\(exchange)\" does not end with \".\", so the zone file would read it relative to the zone's origin"
        case .malformed(let rdata):
            return "MX value \"\(rdata)\" is not a preference (0-65535) followed by a host name"
        }
    }

    public var fix: String? {
        switch self {
        case .relativeExchange(let exchange):
            return "write it as an absolute name: \"\(exchange).\""
        case .malformed:
            return "write it as PREFERENCE HOST., e.g. \"10 mxbiz1.qq.com.\""
        }
    }
}
