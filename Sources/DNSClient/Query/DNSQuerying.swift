import ZoneFile

/// Something that asks a server one question. `DNSQueryClient` asks over the network; tests
/// stand in with fixed answers.
public protocol DNSQuerying: Sendable {
    func query(_ name: DomainName, type: RRType, server: DNSServerAddress) throws(DNSClientError) -> DNSAnswer
}

/// Asks DNS servers over the network with the given options.
public struct DNSQueryClient: DNSQuerying {
    public var options: DNSQueryOptions
    /// The clock the timeouts are counted on: the system's, or a test's.
    public var clock: any DNSClock

    public init(options: DNSQueryOptions = DNSQueryOptions(), clock: any DNSClock = SystemDNSClock()) {
        self.options = options
        self.clock = clock
    }

    /// Asks `server` for `type` at `name`. A server that rejects EDNS (FORMERR, NOTIMP or BADVERS to
    /// a query with OPT) is asked again without it, as RFC 6891 §7 says. An answer that contradicts
    /// itself (`DNSAnswer.inconsistency`) is an error naming the server, never an answer.
    public func query(_ name: DomainName, type: RRType, server: DNSServerAddress) throws(DNSClientError) -> DNSAnswer {
        let question = DNSQuestion(name: name, type: type)
        var query = DNSMessage.query(id: UInt16.random(in: 0...UInt16.max), name: name, type: type, edns: options.edns)
        var exchange = try DNSTransport.exchange(query, with: server, options: options, clock: clock)
        let rejectsEDNS: Set<DNSRCode> = [.formatError, .notImplemented, .badVersion]
        if query.edns != nil, rejectsEDNS.contains(exchange.response.rcode),
            exchange.response.edns == nil
                || exchange.response.rcode == .badVersion
        {
            query.edns = nil
            query.header.id = UInt16.random(in: 0...UInt16.max)
            exchange = try DNSTransport.exchange(query, with: server, options: options, clock: clock)
        }
        let answer = DNSAnswer(question: question, response: exchange.response, transport: exchange.transport)
        if let reason = answer.inconsistency { throw .inconsistentAnswer(server: server, reason: reason) }
        return answer
    }
}
