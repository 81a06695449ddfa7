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

        // What the plan leaves (`PlannedRecord`), checked exactly: "verified" means the server
        // serves what apply leaves in the zone.

        /// The name's SPF (or DMARC) records are exactly these texts: one policy per name.
        case policy(kind: PolicyKind, texts: [String])
        /// A TXT record with exactly this DKIM key record text.
        case dkimExactly(text: String)
        /// Each of these MX records is served; `kept` when they are the name's own MX that
        /// `mx: keep-existing` keeps instead of the service's (`declared`).
        case mxRecords(values: [MXValue], kept: Bool, declared: String)
        /// The sender has a conflict: apply writes none of its changes, so there is nothing to check.
        case heldBack(reason: String)
    }

    enum PolicyKind: String, Sendable, Hashable {
        case spf = "SPF"
        case dmarc = "DMARC"

        func matches(_ text: String) -> Bool {
            switch self {
            case .spf: SPFRecord.isSPF(text)
            case .dmarc: DMARCRecord.isDMARC(text)
            }
        }
    }

    var owner: DomainName
    var relative: String?
    var queryType: RRType
    var purpose: RecordPurpose
    var expected: String
    var source: YAMLLocation
    var rule: Rule

    /// The checks for what the plan leaves for one sender (`PostApplyRecords`), in its order.
    static func checks(for planned: [PlannedRecord]) -> [VerifyCheck] {
        planned.map { record in
            let values = record.values
            var check = VerifyCheck(
                owner: record.owner, relative: record.relative, queryType: record.type,
                purpose: record.purpose, expected: values.joined(separator: ", "),
                source: record.source, rule: .invalid(reason: ""))
            switch record.outcome {
            case .heldBack(let reason):
                check.expected = record.declared
                check.rule = .heldBack(reason: reason)
            case .leaves(let rdatas) where rdatas.isEmpty:
                check.expected = record.declared
                check.rule = .invalid(
                    reason: "the plan leaves no \(record.type) record at \(record.owner) for it; run mailzone plan")
            case .keepsExisting(let rdatas):
                check.rule = .mxRecords(
                    values: rdatas.compactMap { MXValue($0.presentation) }, kept: true,
                    declared: record.declared)
            case .leaves(let rdatas):
                let texts = rdatas.map { String(decoding: $0.characterStrings.joined(), as: UTF8.self) }
                switch (record.purpose, record.type) {
                case (.spf, .txt): check.rule = .policy(kind: .spf, texts: texts)
                case (.dmarc, .txt): check.rule = .policy(kind: .dmarc, texts: texts)
                case (.dkim, .txt): check.rule = .dkimExactly(text: texts[0])
                case (_, .txt): check.rule = .txt(text: texts[0])
                case (_, .mx):
                    check.rule = .mxRecords(
                        values: rdatas.compactMap { MXValue($0.presentation) }, kept: false,
                        declared: record.declared)
                case (_, .cname):
                    check.rule =
                        rdatas[0].cname.map { .cname(target: $0) }
                        ?? .invalid(reason: "the planned CNAME target cannot be read")
                default: check.rule = .rdata(rdatas[0])
                }
            }
            return check
        }
    }

    /// The checks for one sender's declared values, in the planner's order (MX, SPF, DKIM, DMARC,
    /// then the rest), judged by meaning: for a sender with no zone file to plan against.
    static func checks(for sender: SenderRecords) -> [VerifyCheck] {
        var ordered: [(order: Int, index: Int, check: VerifyCheck)] = []
        for (index, spf) in sender.spf.enumerated() {
            let includes = spf.includes.map(\.domain)
            let check = VerifyCheck(
                owner: spf.owner.name.dnsName, relative: spf.owner.relative, queryType: .txt,
                purpose: .spf,
                expected: "SPF with " + includes.map { "include:\($0)" }.joined(separator: " "),
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
        var check = VerifyCheck(
            owner: owner, relative: wanted.owner.relative, queryType: type, purpose: wanted.purpose,
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
            guard let rdata = try? RData(type: .mx, presentation: wanted.value), let mx = rdata.mx
            else {
                return .invalid(reason: "MX value '\(wanted.value)' is not PREFERENCE HOST.")
            }
            return .mx(
                exchange: mx.exchange, preference: mx.preference,
                keepsExisting: keepsExistingMX && wanted.purpose == .mx)
        case (_, .cname):
            guard let rdata = try? RData(type: .cname, presentation: wanted.value),
                let target = rdata.cname
            else {
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
