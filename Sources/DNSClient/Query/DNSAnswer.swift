import ZoneFile

/// What a server said about one name and type, read for the question asked: the records of the
/// type at the name (or at the end of the CNAME chain the server followed), and the aliases.
public struct DNSAnswer: Sendable, Hashable {
    public var question: DNSQuestion
    public var rcode: DNSRCode
    /// AA: the server answered from a zone it is authoritative for.
    public var isAuthoritative: Bool
    public var transport: DNSTransportKind
    /// The whole answer section, in the order the server sent it.
    public var answerSection: [DNSResourceRecord]
    public var authoritySection: [DNSResourceRecord]

    public init(question: DNSQuestion, response: DNSMessage, transport: DNSTransportKind) {
        self.question = question
        self.rcode = response.rcode
        self.isAuthoritative = response.header.isAuthoritative
        self.transport = transport
        self.answerSection = response.answers
        self.authoritySection = response.authority
    }

    public init(
        question: DNSQuestion, rcode: DNSRCode, isAuthoritative: Bool = true, transport: DNSTransportKind = .udp,
        answerSection: [DNSResourceRecord], authoritySection: [DNSResourceRecord] = []
    ) {
        self.question = question
        self.rcode = rcode
        self.isAuthoritative = isAuthoritative
        self.transport = transport
        self.answerSection = answerSection
        self.authoritySection = authoritySection
    }

    /// The CNAME records from the asked name on, in chain order (empty when the name is no alias).
    public var aliases: [DNSResourceRecord] {
        guard question.type != .cname else { return [] }
        var chain: [DNSResourceRecord] = []
        var current = question.name
        // Bounded by the section's size, so a looping chain ends.
        for _ in 0..<answerSection.count {
            guard let next = answerSection.first(where: { $0.type == .cname && $0.owner == current }) else { break }
            chain.append(next)
            guard let target = next.rdata.cname else { break }
            current = target
        }
        return chain
    }

    /// The name whose records answer the question: the asked name, or the last alias' target.
    public var finalName: DomainName {
        guard let last = aliases.last, let target = last.rdata.cname else { return question.name }
        return target
    }

    /// The records of the asked type at `finalName`.
    public var records: [DNSResourceRecord] {
        let name = finalName
        return answerSection.filter { $0.type == question.type && $0.owner == name && $0.rrClass == question.rrClass }
    }

    /// Why the answer contradicts itself, or nil when it does not: NXDOMAIN with records in the
    /// answer section (beyond the CNAME chain that RFC 6604 §3 lets an NXDOMAIN carry, its code
    /// then speaking of the chain's last name), or answer records for a name that is neither the
    /// one asked nor an alias on its way. A server that says both "no such name" and "here are
    /// its records" is not to be believed either way, so such an answer counts as an error.
    public var inconsistency: String? {
        let chain = aliases
        let onTheWay = Set([question.name] + chain.compactMap(\.rdata.cname))
        // DNAME records (RFC 6672) sit at an ancestor of the name; their synthesised CNAME is checked.
        if let stray = answerSection.first(where: { $0.type != .dname && !onTheWay.contains($0.owner) }) {
            return "the answer section holds \(stray.owner) \(stray.type), "
                + "which is neither \(question.name) nor an alias on its way"
        }
        if rcode == .nameError {
            let records = answerSection.filter { !chain.contains($0) && $0.type != .dname }
            if !records.isEmpty {
                let count = records.count == 1 ? "1 record" : "\(records.count) records"
                return "NXDOMAIN (\(finalName) does not exist) with \(count) in the answer section"
            }
        }
        return nil
    }

    /// A referral: no answer, not authoritative, NS records in the authority section. The server is
    /// not authoritative for the zone (a lame delegation, or the wrong server).
    public var isReferral: Bool {
        rcode == .noError && !isAuthoritative && answerSection.isEmpty && authoritySection.contains { $0.type == .ns }
    }
}
