import ZoneFile

/// A remark on a line of the plan: not a problem, something a reviewer should know about the
/// value (it is unconfirmed, a stale key is replaced, SPF records are folded) or the TTL a new
/// record takes. The planner says which; the words are here.
enum PlanNote: CustomStringConvertible, Hashable {
    /// The preset marks the value unconfirmed.
    case unconfirmedValue
    /// The preset marks these include domains unconfirmed.
    case unconfirmedIncludes([String])
    /// The selector's key record differs from the wanted one and is replaced.
    case staleKeyReplaced
    /// The one TXT record starting with `prefix` (a Domain Connect `txtConflictMatchingMode Prefix`)
    /// is the service's older record, replaced.
    case replacesOlderRecord(prefix: String)
    /// `records` SPF records are folded into one (`spf.fold`); the `all` terms in `weakerAll`
    /// become `keptAll`, the strictest.
    case foldsSPF(records: Int, weakerAll: [String], keptAll: String)
    /// A record starting an RRset takes the TTL the sender declares.
    case declaredTTL(UInt32)
    /// A record joining the `type` RRset at `owner` takes its TTL (`ttl`, nil for the zone's
    /// default), not the `declared` one: an RRset has one TTL (RFC 2181 §5.2).
    case keepsRRsetTTL(ttl: UInt32?, owner: String, type: RRType, declared: UInt32)
    /// An owned MX line is given the declared host instead of one line going and another coming.
    case mxHostChanged
    /// An owned record goes: nothing declared asks for it any more.
    case removed(RemovalReason)
    /// An owned SPF record loses the include `terms` mailzone added, for `reason`.
    case removesSPFTerms(String, RemovalReason)
    /// The include `terms` were taken out of the SPF record by hand: only the marker changes.
    case markerOutdated(terms: String)
    /// An SPF record mailzone created for the include `terms` is left with nothing but `all` and goes
    /// whole; `byHand` when the terms were taken out by hand already, `count` of them.
    case wholeSPFRecordGoes(terms: String, count: Int, byHand: Bool, RemovalReason)

    var description: String {
        switch self {
        case .unconfirmedValue:
            return "unconfirmed value (check the service's documentation)"
        case .unconfirmedIncludes(let domains):
            return "unconfirmed include: \(domains.joined(separator: ", ")) (check the service's documentation)"
        case .staleKeyReplaced:
            return "stale key replaced"
        case .replacesOlderRecord(let prefix):
            return "replaces the service's older record; txtConflictMatchingMode Prefix '\(prefix)'"
        case .foldsSPF(let records, let weakerAll, let keptAll):
            let change =
                weakerAll.isEmpty
                ? "" : "; \(weakerAll.joined(separator: " and ")) becomes \(keptAll), the strictest of the records'"
            return "folds \(records) SPF records into one (spf.fold)" + change
        case .declaredTTL(let ttl):
            return "declared TTL \(ttl)"
        case .keepsRRsetTTL(let ttl, let owner, let type, let declared):
            let shown = ttl.map { "the TTL \($0)" } ?? "the zone's default TTL"
            return
                "keeps \(shown) of the \(owner) \(type.mnemonic) RRset it joins, not the declared ttl \(declared): "
                + "an RRset has one TTL, RFC 2181 §5.2"
        case .mxHostChanged:
            return "MX host changed; the line keeps its place and comment"
        case .removed(let reason):
            return reason.description
        case .removesSPFTerms(let terms, let reason):
            return "removes \(terms): \(reason)"
        case .markerOutdated(let terms):
            return "the marker no longer lists \(terms), already gone from the record"
        case .wholeSPFRecordGoes(let terms, let count, let byHand, let reason):
            let needed =
                byHand
                ? "already taken out of it by hand"
                : count == 1 ? "which is no longer needed" : "which are no longer needed"
            return "the whole SPF record goes: mailzone created it for \(terms), \(needed); \(reason)"
        }
    }

    /// Two remarks as a plan line shows them, in order: `a; b`, the one present, or nil for none (or an empty
    /// one alone). Free text (a preset's own note) goes in as it is. A line's remarks come two at a time (a
    /// record's note and its TTL's, a key's size and the service's note): joined without an array of them,
    /// for every record of every sender.
    static func joined(_ first: String?, _ second: String?) -> String? {
        guard let first else { return second?.nilIfEmpty }
        guard let second else { return first.nilIfEmpty }
        var joined = first
        joined.reserveCapacity(first.utf8.count + 2 + second.utf8.count)
        joined += "; "
        joined += second
        return joined
    }
}

/// Why records a sender owned go, as removal notes say it.
enum RemovalReason: CustomStringConvertible, Hashable {
    /// The sender is no longer in the declaration.
    case senderNotDeclared(String)
    /// The sender is declared `state: absent`.
    case senderAbsent(String)
    /// These services are no longer declared for the sender.
    case servicesNotDeclared([String], sender: String)
    /// The sender no longer declares the record.
    case recordNotDeclared(String)

    var description: String {
        switch self {
        case .senderNotDeclared(let sender): "sender \(sender) is no longer declared"
        case .senderAbsent(let sender): "sender \(sender) is state: absent"
        case .servicesNotDeclared(let services, let sender):
            "\(services.joined(separator: ", ")) no longer declared for \(sender)"
        case .recordNotDeclared(let sender): "no longer declared for \(sender)"
        }
    }
}
