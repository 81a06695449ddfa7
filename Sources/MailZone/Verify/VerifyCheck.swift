import MailAuth
import ZoneFile

/// One question `verify` asks every server, and how to judge the answer: a wanted record of the
/// declaration turned into a DNS query and a rule of MAILAUTH.md.
struct VerifyCheck: Sendable, Hashable {
    enum Rule: Sendable, Hashable {
        /// The wanted exchange is among the MX records; `keepsExisting` accepts other MX
        /// records instead (the sender's `mx: keep-existing`).
        case mx(exchange: DomainName, preference: UInt16, keepsExisting: Bool)
        /// One SPF record with each `include:` before `all` (SPFMerge finds nothing to add).
        case spf(includes: [String])
        /// A DKIM key record with the same meaning, however it is split into strings.
        case dkim(record: String)
        /// A DMARC record at least as strong (DMARCMerge finds nothing to strengthen).
        case dmarc(record: String)
        /// A CNAME to the wanted target.
        case cname(target: DomainName)
        /// A TXT record with exactly this text (strings joined).
        case txt(text: String)
        /// Any other type: a record with the same RDATA.
        case rdata(RData)
        /// The declaration's value cannot be read as a record of its type.
        case invalid(reason: String)
    }

    var owner: DomainName
    var relative: String?
    var queryType: RRType
    var purpose: RecordPurpose
    var expected: String
    var source: YAMLLocation
    var rule: Rule

    /// The checks for one sender, in the planner's order: MX, SPF, DKIM, DMARC, then the rest.
    static func checks(for sender: SenderRecords) -> [VerifyCheck] {
        var ordered: [(order: Int, index: Int, check: VerifyCheck)] = []
        for (index, spf) in sender.spf.enumerated() {
            let includes = spf.includes.map(\.domain)
            let check = VerifyCheck(owner: spf.owner.name.dnsName, relative: spf.owner.relative, queryType: .txt,
                                    purpose: .spf, expected: includes.map { "include:\($0)" }.joined(separator: " "),
                                    source: spf.includes.first?.source ?? sender.sender.location,
                                    rule: .spf(includes: includes))
            ordered.append((RecordPurpose.spf.reviewOrder, index, check))
        }
        for (index, wanted) in sender.records.enumerated() {
            let check = self.check(for: wanted, keepsExistingMX: sender.sender.mxPolicy == .keepExisting)
            ordered.append((wanted.purpose.reviewOrder, sender.spf.count + index, check))
        }
        return ordered.sorted { ($0.order, $0.index) < ($1.order, $1.index) }.map(\.check)
    }


    static func check(for wanted: WantedRecord, keepsExistingMX: Bool) -> VerifyCheck {
        let owner = wanted.owner.name.dnsName
        let type = RRType(mnemonic: wanted.type) ?? .txt
        var check = VerifyCheck(owner: owner, relative: wanted.owner.relative, queryType: type, purpose: wanted.purpose,
                                expected: wanted.value, source: wanted.source, rule: .invalid(reason: ""))
        check.rule = rule(for: wanted, type: type, keepsExistingMX: keepsExistingMX)
        return check
    }

    private static func rule(for wanted: WantedRecord, type: RRType, keepsExistingMX: Bool) -> Rule {
        guard RRType(mnemonic: wanted.type) != nil else {
            return .invalid(reason: "unknown record type \(wanted.type)")
        }
        switch (wanted.purpose, type) {
        case (.dkim, .txt):
            return .dkim(record: wanted.value)
        case (.dmarc, .txt):
            return .dmarc(record: wanted.value)
        case (.spf, .txt):
            guard let record = SPFRecord(wanted.value) else { return .txt(text: wanted.value) }
            return .spf(includes: record.terms.compactMap(\.includeDomain))
        case (_, .txt):
            return .txt(text: wanted.value)
        case (_, .mx):
            guard let rdata = try? RData(type: .mx, presentation: wanted.value), let mx = AnswerJudge.mxValue(rdata) else {
                return .invalid(reason: "MX value '\(wanted.value)' is not PREFERENCE HOST.")
            }
            return .mx(exchange: mx.exchange, preference: mx.preference, keepsExisting: keepsExistingMX && wanted.purpose == .mx)
        case (_, .cname):
            guard let rdata = try? RData(type: .cname, presentation: wanted.value),
                  let target = DomainName(wire: rdata.wire) else {
                return .invalid(reason: "CNAME value '\(wanted.value)' is not a domain name")
            }
            return .cname(target: target)
        default:
            do {
                return .rdata(try RData(type: type, presentation: wanted.value))
            } catch {
                return .invalid(reason: "\(type) value '\(wanted.value)' cannot be read: \(error)")
            }
        }
    }
}
