/// A subdomain's own DMARC record that would give it a weaker policy than the one it
/// inherits from its organisational domain.
///
/// Receivers look up `_dmarc.SUBDOMAIN` first and fall back to the organisational domain's
/// record, whose `sp` (or `p`) then applies (RFC 7489 §6.6.3). So publishing
/// `_dmarc.news` with `p=none`, as Tencent Cloud SES asks, switches off a `p=reject` that
/// `news.corp.example` would otherwise get.
public struct DMARCWeakening: MailAuthDiagnostic, Hashable {
    /// The subdomain record's owner as the user sees it: `_dmarc.news`.
    public var recordName: String
    /// The subdomain record's text.
    public var record: String
    /// The subdomain: `news.corp.example`.
    public var domain: String
    /// The organisational domain: `corp.example`.
    public var organisationalDomain: String
    /// `sp` or `p`: the organisational record's tag the subdomain inherits.
    public var inheritedTag: String
    public var inheritedPolicy: DMARCPolicy
    /// The policy the subdomain's own record gives it.
    public var policy: DMARCPolicy

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        "\(recordName) TXT \"\(record)\" would weaken the policy that \(domain) inherits from _dmarc.\(organisationalDomain) (\(inheritedTag)=\(inheritedPolicy.rawValue))"
    }

    public var fix: String? {
        "ask for p=\(inheritedPolicy.rawValue) for this sender, or publish no \(recordName) record"
    }
}

public enum DMARCInheritance {
    /// The weakening, if the subdomain record `record` gives `domain` a weaker policy than the
    /// organisational domain's record `organisationalRecord` does; nil otherwise, or when
    /// either record is not one receivers would apply.
    ///
    /// - Parameters:
    ///   - record: The subdomain's (wanted or published) DMARC record.
    ///   - recordName: How to name it in the message: `_dmarc.news`.
    ///   - domain: The subdomain, no trailing dot: `news.corp.example`.
    ///   - organisationalDomain: `corp.example`.
    ///   - organisationalRecord: The text of `_dmarc.corp.example`'s record.
    public static func weakening(
        record: String, recordName: String, domain: String,
        organisationalDomain: String, organisationalRecord: String
    ) -> DMARCWeakening? {
        weakening(
            record: record, recordName: recordName, domain: domain, organisationalDomain: organisationalDomain,
            organisationalRecord: organisationalRecord, read: { try? DMARCRecord($0) },
            isValid: { (try? DMARCRecord($0))?.errors.isEmpty ?? false })
    }

    /// `weakening(record:recordName:domain:organisationalDomain:organisationalRecord:)` with the records read
    /// by `read` (nil for a text that is no DMARC record) and checked by `isValid` (no error in it,
    /// `DMARCRecord.errors`): a planner asks about the same few records for thousands of subdomains, and
    /// passes what it read before. The organisational record is checked last, as most records weaken nothing.
    public static func weakening(
        record: String, recordName: String, domain: String, organisationalDomain: String,
        organisationalRecord: String, read: (String) -> DMARCRecord?, isValid: (String) -> Bool
    ) -> DMARCWeakening? {
        guard domain.lowercased() != organisationalDomain.lowercased(),
            let organisational = read(organisationalRecord),
            let inherited = organisational.inheritedSubdomainPolicy,
            let subdomainRecord = read(record)
        else { return nil }
        let policy: DMARCPolicy
        if let own = subdomainRecord.policy, isValid(record) {
            policy = own
        } else if subdomainRecord.policy == nil, !subdomainRecord.aggregateReportURIs.isEmpty {
            // No p= but a valid rua=: receivers act as if p=none (§6.6.3).
            policy = .none
        } else {
            return nil  // an invalid record is ignored and the inherited policy still applies
        }
        // An organisational record with an error is ignored by receivers: nothing is inherited from it.
        guard policy < inherited, isValid(organisationalRecord) else { return nil }
        return DMARCWeakening(
            recordName: recordName, record: record, domain: domain,
            organisationalDomain: organisationalDomain,
            inheritedTag: organisational.subdomainPolicy == nil ? "p" : "sp",
            inheritedPolicy: inherited, policy: policy)
    }
}
