/// The MX rules a sender domain must respect (MAILAUTH.md "MX and CNAME").
public enum MXRules {
    /// Whether the name's MX records include a null MX (RFC 7505).
    public static func hasNullMX(_ existing: [MXValue]) -> Bool {
        existing.contains(where: \.isNull)
    }

    /// Existing MX records whose exchange is none of the wanted ones: the name already
    /// receives mail elsewhere. Exchanges are compared case-insensitively, trailing dot aside.
    public static func otherInbound(existing: [MXValue], wanted: [MXValue]) -> [MXValue] {
        // A name's few MX compared in place (`hasSameExchange`), with no set of keys made for them.
        existing.filter { value in !value.isNull && !wanted.contains { $0.hasSameExchange(as: value) } }
    }

    /// The conflict in adding `wanted` at `name` (shown as the user sees it, `@`, `abc`), or nil
    /// when they can be added (or are all there already).
    public static func conflict(adding wanted: [MXValue], to existing: [MXValue], name: String) -> MXConflict? {
        let missing = wanted.filter { value in !existing.contains { $0.hasSameExchange(as: value) } }
        if missing.isEmpty { return nil }
        if hasNullMX(existing) {
            return .nullMX(name: name, wanted: missing)
        }
        let others = otherInbound(existing: existing, wanted: wanted)
        if !others.isEmpty {
            return .existingInbound(name: name, existing: others, wanted: missing)
        }
        return nil
    }

    /// The conflict in adding `wanted` (for the services `wantedBy`) at `name` when the zone has
    /// `existing` and other services of the sender plan to add `planned` (for `plannedBy`): the
    /// same decision as `conflict(adding:to:name:)` over both, but worded to say which MX are in
    /// the zone and which a service wants.
    public static func conflict(
        adding wanted: [MXValue], wantedBy: String, to existing: [MXValue],
        planned: [MXValue], plannedBy: String, name: String
    ) -> MXConflict? {
        let problem = conflict(adding: wanted, to: existing + planned, name: name)
        guard case .existingInbound(_, let others, let missing)? = problem else { return problem }
        func isPlanned(_ value: MXValue) -> Bool { planned.contains { $0.hasSameExchange(as: value) } }
        let fromPlan = others.filter(isPlanned)
        guard !fromPlan.isEmpty else { return problem }
        return .plannedInbound(
            name: name, existing: others.filter { !isPlanned($0) },
            planned: fromPlan, plannedBy: plannedBy, wanted: missing, wantedBy: wantedBy)
    }

    /// Checks that an exchange is an absolute name, as Tencent Cloud SES's documentation asks
    /// ("make sure the record value is ended with ."): in a zone file a name without the dot
    /// gets the origin appended, and the MX then points nowhere.
    public static func checkAbsolute(_ exchange: String) -> MXProblem? {
        exchange.hasSuffix(".") ? nil : .relativeExchange(exchange: exchange)
    }

    /// Checks a wanted MX value as written in a preset or mailzone.yaml: `PREFERENCE HOST.`.
    public static func check(rdata: String) -> MXProblem? {
        guard let value = MXValue(rdata) else { return .malformed(rdata: rdata) }
        return checkAbsolute(value.exchange)
    }
}
