import DNSClient
import MailAuth
import ZoneFile

/// Judges a server's answer against a check, by meaning (MAILAUTH.md): an SPF record with the
/// include passes whatever else it holds, a DKIM key matches however it is split, a DMARC record
/// at least as strong as wanted passes.
enum AnswerJudge {
    /// The result for one server: status, what it serves, and why.
    static func judge(_ check: VerifyCheck, answer: DNSAnswer, server: String) -> VerifyResult {
        let transport = answer.transport == .tcp ? "tcp" : nil
        var result = judgeAnswer(check, answer: answer)
        result.server = server
        result.transport = transport
        // Served text may quote what the server sent: nothing of it may act on the reader's screen.
        result.detail = result.detail.map(ServedText.printable)
        return result
    }

    private static func judgeAnswer(_ check: VerifyCheck, answer: DNSAnswer) -> VerifyResult {
        switch answer.rcode {
        case .noError, .nameError:
            break
        case .refused:
            return failure("the server refused the question (REFUSED): it does not serve this zone")
        case .serverFailure:
            return failure("the server failed (SERVFAIL): the zone may not have loaded; check the server's log")
        default:
            return failure("the server answered \(answer.rcode)")
        }
        if answer.isReferral {
            return failure("the server is not authoritative for \(check.owner) (it answered with a referral)")
        }

        let aliases = answer.aliases
        let records = answer.records
        // Sorted: servers rotate the order of an RRset's records from answer to answer.
        let served = aliases.map { "CNAME \($0.rdata.presentation)" } + records.map(present).sorted()
        let name = check.owner.description
        var absent: String {
            if answer.rcode == .nameError { return "\(name) does not exist (NXDOMAIN)" }
            if let last = aliases.last {
                return
                    "\(name) is an alias (CNAME) of \(last.rdata.presentation), which has no \(check.queryType) record here"
            }
            return "no \(check.queryType) record at \(name)"
        }
        var via: String? {
            guard let last = aliases.last else { return nil }
            return "through the alias \(name) CNAME \(last.rdata.presentation)"
        }
        /// No record of `kind` (SPF, DMARC) among the TXT records served: nothing at all at the name
        /// (`absent` says why), or only other TXT records.
        func missing(_ kind: String) -> VerifyResult {
            VerifyResult(
                server: "", status: .missing, served: served,
                detail: records.isEmpty ? absent : "no \(kind) record at \(name)")
        }

        switch check.rule {
        case .heldBack(let reason):
            return VerifyResult(server: "", status: .error, served: served, detail: "not checked: \(reason)")

        case .policy(let kind, let texts):
            let policies = records.map(text).filter(kind.matches)
            if policies.isEmpty { return missing(kind.rawValue) }
            if policies.sorted() == texts.sorted() {
                return VerifyResult(server: "", status: .verified, served: served, detail: via)
            }
            if policies.count > 1 {
                let consequence =
                    kind == .spf
                    ? "receivers treat that as a permanent error (RFC 7208 §4.5)"
                    : "receivers ignore them all (RFC 7489 §6.6.3)"
                return VerifyResult(
                    server: "", status: .mismatch, served: served,
                    detail: "\(policies.count) \(kind.rawValue) records at \(name): \(consequence); "
                        + "keep one")
            }
            return VerifyResult(
                server: "", status: .mismatch, served: served,
                detail: policyDifference(kind, planned: texts.first ?? "", served: policies[0]))

        case .dkimExactly(let wanted):
            guard !records.isEmpty else {
                return VerifyResult(server: "", status: .missing, served: served, detail: absent)
            }
            if records.map(text).contains(wanted) {
                return VerifyResult(server: "", status: .verified, served: served, detail: via)
            }
            let differences = records.map { record in
                let strings = record.rdata.characterStrings.map { String(decoding: $0, as: UTF8.self) }
                switch DKIMComparison.compare(wanted: wanted, published: strings) {
                case .same:
                    return "the served key record says the same in other words than the one the plan leaves"
                case .different(let tags):
                    return tags.contains("p")
                        ? "the served key is another key (p=" + keyDescription(strings) + ")"
                        : "the served key record differs in " + tags.map { "\($0)=" }.joined(separator: ", ")
                case .publishedInvalid(let problem):
                    return "the served key record cannot be read: \(problem.summary)"
                case .wantedInvalid(let problem):
                    return "the planned DKIM record cannot be read: \(problem.summary)"
                }
            }
            return VerifyResult(
                server: "", status: .mismatch, served: served,
                detail: differences.joined(separator: "; "))

        case .mxRecords(let wanted, let kept, let declared):
            guard !records.isEmpty else {
                return VerifyResult(server: "", status: .missing, served: served, detail: absent)
            }
            let values = records.compactMap(\.rdata.mx)
            var problems: [String] = []
            for value in wanted {
                let exchange = try? DomainName(parsing: value.exchange)
                let same = values.filter { $0.exchange == exchange }
                if same.isEmpty {
                    problems.append("\(value.exchange) is not among the MX records of \(name)")
                } else if !same.contains(where: { $0.preference == value.preference }) {
                    problems.append(
                        "\(value.exchange) is served with preference \(same[0].preference) "
                            + "where the plan leaves \(value.preference)")
                }
            }
            let keptNote =
                kept
                ? "the name keeps its own MX records (mx: keep-existing); the service's MX \(declared) is not added"
                : nil
            if problems.isEmpty {
                let detail = [keptNote, via].compactMap { $0 }.joined(separator: "; ")
                return VerifyResult(
                    server: "", status: .verified, served: served,
                    detail: detail.isEmpty ? nil : detail)
            }
            let noneServed =
                problems.count == wanted.count && problems.allSatisfy { $0.hasSuffix("MX records of \(name)") }
            let status: VerifyStatus = noneServed ? .missing : .mismatch
            return VerifyResult(
                server: "", status: status, served: served,
                detail: ([keptNote].compactMap { $0 } + problems).joined(separator: "; "))

        case .invalid(let reason):
            return VerifyResult(
                server: "", status: .error, served: served, detail: "the declared value cannot be checked: \(reason)")

        case .mx(let exchange, let preference, let keepsExisting):
            guard !records.isEmpty else {
                return VerifyResult(server: "", status: .missing, served: served, detail: absent)
            }
            let values = records.compactMap(\.rdata.mx)
            if let match = values.first(where: { $0.exchange == exchange }) {
                let detail =
                    match.preference == preference
                    ? via
                    : "served with preference \(match.preference) where \(preference) is wanted"
                return VerifyResult(server: "", status: .verified, served: served, detail: detail)
            }
            if keepsExisting {
                return VerifyResult(
                    server: "", status: .verified, served: served,
                    detail: "the name keeps its own MX records (mx: keep-existing); \(exchange) is not among them")
            }
            return VerifyResult(
                server: "", status: .missing, served: served,
                detail: "\(exchange) is not among the MX records of \(name)")

        case .spf(let includes):
            let spf = records.map(text).filter(SPFRecord.isSPF)
            if spf.isEmpty { return missing("SPF") }
            if spf.count > 1 {
                return VerifyResult(
                    server: "", status: .mismatch, served: served,
                    detail:
                        "\(spf.count) SPF records at \(name): receivers treat that as a permanent error (RFC 7208 §4.5); keep one"
                )
            }
            switch SPFMerge.merge(includeDomains: includes, existing: spf, name: check.relative ?? name) {
            case .unchanged:
                return VerifyResult(server: "", status: .verified, served: served, detail: via)
            case .changed:
                let lacking = includes.filter { SPFMerge.merge(includeDomains: [$0], existing: spf) != .unchanged }
                return VerifyResult(
                    server: "", status: .mismatch, served: served,
                    detail: "the SPF record lacks " + lacking.map { "include:\($0)" }.joined(separator: ", ")
                        + " before its all term")
            case .conflict(let conflict):
                return VerifyResult(server: "", status: .mismatch, served: served, detail: conflict.summary)
            }

        case .dkim(let wanted):
            guard !records.isEmpty else {
                return VerifyResult(server: "", status: .missing, served: served, detail: absent)
            }
            var differences: [String] = []
            for record in records {
                let strings = record.rdata.characterStrings.map { String(decoding: $0, as: UTF8.self) }
                switch DKIMComparison.compare(wanted: wanted, published: strings) {
                case .same:
                    return VerifyResult(server: "", status: .verified, served: served, detail: via)
                case .different(let tags):
                    differences.append(
                        tags.contains("p")
                            ? "the served key is another key (p=" + keyDescription(strings) + ")"
                            : "the served key record differs in " + tags.map { "\($0)=" }.joined(separator: ", "))
                case .publishedInvalid(let problem):
                    differences.append("the served key record cannot be read: \(problem.summary)")
                case .wantedInvalid(let problem):
                    return VerifyResult(
                        server: "", status: .error, served: served,
                        detail: "the declared DKIM record cannot be read: \(problem.summary)")
                }
            }
            return VerifyResult(
                server: "", status: .mismatch, served: served, detail: differences.joined(separator: "; "))

        case .dmarc(let wanted):
            let dmarc = records.map(text).filter(DMARCRecord.isDMARC)
            if dmarc.isEmpty { return missing("DMARC") }
            switch DMARCMerge.merge(wanted: wanted, existing: dmarc, name: check.relative ?? name) {
            case .unchanged:
                return VerifyResult(server: "", status: .verified, served: served, detail: via)
            case .changed(let record, _):
                return VerifyResult(
                    server: "", status: .mismatch, served: served,
                    detail: weakerDetail(wanted: wanted, served: dmarc[0], merged: record))
            case .conflict(let conflict):
                return VerifyResult(server: "", status: .mismatch, served: served, detail: conflict.summary)
            }

        case .cname(let target):
            guard let record = records.first, let served = record.rdata.cname else {
                return VerifyResult(
                    server: "", status: .missing, served: served,
                    detail: answer.rcode == .nameError ? absent : "no CNAME record at \(name)")
            }
            if served == target { return VerifyResult(server: "", status: .verified, served: [served.description]) }
            return VerifyResult(
                server: "", status: .mismatch, served: [served.description],
                detail: "\(name) is an alias of \(served), not of \(target)")

        case .txt(let wantedText):
            guard !records.isEmpty else {
                return VerifyResult(server: "", status: .missing, served: served, detail: absent)
            }
            if records.map(text).contains(wantedText) {
                return VerifyResult(server: "", status: .verified, served: served, detail: via)
            }
            return VerifyResult(
                server: "", status: .missing, served: served, detail: "no TXT record at \(name) has the wanted text")

        case .rdata(let wanted):
            guard !records.isEmpty else {
                return VerifyResult(server: "", status: .missing, served: served, detail: absent)
            }
            if records.contains(where: { $0.rdata == wanted }) {
                return VerifyResult(server: "", status: .verified, served: served, detail: via)
            }
            return VerifyResult(
                server: "", status: .missing, served: served,
                detail: "no \(check.queryType) record at \(name) has the wanted value")
        }
    }

    private static func failure(_ detail: String) -> VerifyResult {
        VerifyResult(server: "", status: .error, detail: detail)
    }

    /// TXT strings joined (RFC 7208 §3.3), octets that are not printable as `\DDD`; other types in
    /// presentation form.
    static func present(_ record: DNSResourceRecord) -> String {
        guard record.type == .txt else { return record.rdata.presentation }
        return ServedText.presentation(Array(record.rdata.characterStrings.joined()))
    }

    /// How a served SPF or DMARC record differs from the one the plan leaves: the includes it lacks,
    /// the policy it weakens, else that it is another record.
    private static func policyDifference(_ kind: VerifyCheck.PolicyKind, planned: String, served: String) -> String {
        switch kind {
        case .spf:
            let includes = SPFRecord(planned)?.terms.compactMap(\.includeDomain) ?? []
            let lacking = includes.filter { SPFMerge.merge(includeDomains: [$0], existing: [served]) != .unchanged }
            if !lacking.isEmpty {
                return "the SPF record lacks " + lacking.map { "include:\($0)" }.joined(separator: ", ")
                    + " before its all term"
            }
        case .dmarc:
            if let weaker = weakening(wanted: planned, served: served) { return weaker }
        }
        return "the served \(kind.rawValue) record is not the one the plan leaves"
    }

    static func text(_ record: DNSResourceRecord) -> String {
        String(decoding: record.rdata.characterStrings.joined(), as: UTF8.self)
    }

    /// `2048-bit RSA`, or `unreadable` for a served key record that does not parse.
    private static func keyDescription(_ strings: [String]) -> String {
        guard let record = try? DKIMKeyRecord(strings: strings), let key = try? record.publicKey() else {
            return "unreadable"
        }
        return key.description
    }

    /// Says what makes the served DMARC record weaker: its policy first, else the merged record.
    private static func weakerDetail(wanted: String, served: String, merged: String) -> String {
        weakening(wanted: wanted, served: served)
            ?? "the served DMARC record lacks wanted tags; it should read \(merged)"
    }

    /// The tags (p, sp, pct) in which the served DMARC record is weaker than wanted; nil when none is.
    private static func weakening(wanted: String, served: String) -> String? {
        guard let wantedRecord = try? DMARCRecord(wanted), let servedRecord = try? DMARCRecord(served) else {
            return nil
        }
        var parts: [String] = []
        for tag in ["p", "sp"] {
            guard let want = wantedRecord.value(of: tag).flatMap(DMARCPolicy.init(value:)) else { continue }
            let have =
                servedRecord.value(of: tag).flatMap(DMARCPolicy.init(value:))
                ?? (tag == "sp" ? servedRecord.policy : nil)
            if let have, have < want { parts.append("\(tag)=\(have.rawValue) where \(tag)=\(want.rawValue) is wanted") }
        }
        if let want = wantedRecord.percentage, want > (servedRecord.percentage ?? 100) {
            parts.append("pct=\(servedRecord.percentage ?? 100) where pct=\(want) is wanted")
        }
        if parts.isEmpty { return nil }
        return "the served DMARC policy is weaker: " + parts.joined(separator: ", ")
    }
}
