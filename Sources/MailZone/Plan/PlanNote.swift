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
        }
    }

    /// Remarks as a plan line shows them, in order: `a; b`; nil for none. Free text (a preset's
    /// own note) goes in as it is.
    static func joined(_ notes: [String?]) -> String? {
        notes.compactMap { $0 }.joined(separator: "; ").nilIfEmpty
    }
}
