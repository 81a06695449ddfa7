/// The MX rules a sender domain must respect (MAILAUTH.md "MX and CNAME").
public enum MXRules {
    /// Whether the name's MX records include a null MX (RFC 7505).
    public static func hasNullMX(_ existing: [MXValue]) -> Bool {
        existing.contains(where: \.isNull)
    }

    /// Existing MX records whose exchange is none of the wanted ones: the name already
    /// receives mail elsewhere. Exchanges are compared case-insensitively, trailing dot aside.
    public static func otherInbound(existing: [MXValue], wanted: [MXValue]) -> [MXValue] {
        let wantedKeys = Set(wanted.map(\.exchangeKey))
        return existing.filter { !$0.isNull && !wantedKeys.contains($0.exchangeKey) }
    }

    /// The conflict in adding `wanted` at `name` (shown as the user sees it, `@`, `abc`), or nil
    /// when they can be added (or are all there already).
    public static func conflict(adding wanted: [MXValue], to existing: [MXValue], name: String) -> MXConflict? {
        let existingKeys = Set(existing.map(\.exchangeKey))
        let missing = wanted.filter { !existingKeys.contains($0.exchangeKey) }
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
        let plannedKeys = Set(planned.map(\.exchangeKey))
        let fromPlan = others.filter { plannedKeys.contains($0.exchangeKey) }
        guard !fromPlan.isEmpty else { return problem }
        return .plannedInbound(
            name: name, existing: others.filter { !plannedKeys.contains($0.exchangeKey) },
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
