import DNSClient
import ZoneFile

/// Stands in for authoritative servers in unit tests: answers from zone text as an
/// authoritative server would (NXDOMAIN, NODATA, CNAME then the target's records, REFUSED
/// outside the zone); a server it has no zone for does not answer.
struct ZoneBackedDNS: DNSQuerying {
    var zones: [DNSServerAddress: Zone]

    func query(_ name: DomainName, type: RRType, server: DNSServerAddress) throws(DNSClientError) -> DNSAnswer {
        let question = DNSQuestion(name: name, type: type)
        guard let zone = zones[server] else {
            throw .timeout(server: server, seconds: 2, attempts: 3, transport: .udp)
        }
        guard let origin = zone.origin, name.isSubdomain(of: origin) else {
            return DNSAnswer(question: question, rcode: .refused, isAuthoritative: false, answerSection: [])
        }
        let here = zone.records(at: name)
        if here.isEmpty {
            let exists = zone.owners.contains { $0.isSubdomain(of: name) }
            return DNSAnswer(question: question, rcode: exists ? .noError : .nameError, answerSection: [])
        }
        var answer: [Record] = []
        if type != .cname, let alias = here.first(where: { $0.type == .cname }),
            let target = alias.rdata.cname
        {
            answer = [alias] + zone.records(at: target, type: type)
        } else {
            answer = here.filter { $0.type == type }
        }
        return DNSAnswer(
            question: question, rcode: .noError,
            answerSection: answer.map {
                DNSResourceRecord(owner: $0.owner, type: $0.type, ttl: $0.ttl, rdata: $0.rdata)
            })
    }

    static func zone(_ text: String) -> Zone {
        ZoneLoader.load(text: text, path: "test.zone")
    }
}
