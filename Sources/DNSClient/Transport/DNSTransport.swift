/// One question, one answer: sends a message to a server over UDP (retrying on silence) and
/// falls back to TCP with its two-octet length prefix (RFC 1035 §4.2.2, RFC 7766) when the UDP
/// answer is truncated.
public enum DNSTransport {
    /// What came back and how.
    public struct Exchange: Sendable, Hashable {
        public var response: DNSMessage
        /// The transport that carried the answer.
        public var transport: DNSTransportKind
        /// True when a UDP answer came truncated and the question was asked again over TCP.
        public var retriedOverTCP: Bool
    }

    /// Sends `query` to `server` and returns its answer, matched by ID and question. Timeouts
    /// are counted on `clock`.
    public static func exchange(
        _ query: DNSMessage, with server: DNSServerAddress,
        options: DNSQueryOptions, clock: any DNSClock = SystemDNSClock()
    ) throws(DNSClientError) -> Exchange {
        let bytes: [UInt8]
        do {
            bytes = try query.encoded()
        } catch {
            throw .badQuery(error)
        }
        if options.forceTCP {
            return Exchange(
                response: try tcp(bytes, query: query, server: server, options: options, clock: clock),
                transport: .tcp, retriedOverTCP: false)
        }
        let response = try udp(bytes, query: query, server: server, options: options, clock: clock)
        guard response.header.isTruncated else {
            return Exchange(response: response, transport: .udp, retriedOverTCP: false)
        }
        guard options.tcpFallback else { throw .truncated(server: server) }
        return Exchange(
            response: try tcp(bytes, query: query, server: server, options: options, clock: clock),
            transport: .tcp, retriedOverTCP: true)
    }

    /// UDP: each attempt sends the query and waits `timeout` seconds on `clock` for a matching answer.
    /// Datagrams that do not match the query's ID and question are ignored (RFC 5452 §9.1).
    static func udp(
        _ bytes: [UInt8], query: DNSMessage, server: DNSServerAddress,
        options: DNSQueryOptions, clock: any DNSClock
    ) throws(DNSClientError) -> DNSMessage {
        let attempts = options.retries + 1
        let socket = try Socket(
            kind: .datagram, server: server, clock: clock, deadline: clock.now + seconds(options.timeout),
            timeout: options.timeout)
        defer { socket.close() }
        var malformed: DNSMessageError?
        for _ in 0..<attempts {
            let deadline = clock.now + seconds(options.timeout)
            guard try socket.send(bytes, until: deadline, transport: .udp) else { continue }
            while let datagram = try socket.receive(capacity: 65535, until: deadline, transport: .udp) {
                do {
                    let response = try DNSMessage(decoding: datagram)
                    if matches(response, query) { return response }
                } catch {
                    // A damaged or spoofed datagram: keep waiting for the real answer, report it if none comes.
                    malformed = error
                }
            }
        }
        if let malformed { throw .malformedAnswer(server: server, problem: malformed) }
        throw .timeout(server: server, seconds: options.timeout, attempts: attempts, transport: .udp)
    }

    /// TCP: connect, send the length-prefixed query, read the length-prefixed answer; the
    /// whole exchange of an attempt must finish within `timeout` seconds.
    static func tcp(
        _ bytes: [UInt8], query: DNSMessage, server: DNSServerAddress,
        options: DNSQueryOptions, clock: any DNSClock
    ) throws(DNSClientError) -> DNSMessage {
        let attempts = options.retries + 1
        for _ in 0..<attempts {
            let deadline = clock.now + seconds(options.timeout)
            do {
                if let response = try tcpAttempt(
                    bytes, query: query, server: server, clock: clock, deadline: deadline,
                    timeout: options.timeout)
                {
                    return response
                }
            } catch .timeout {
                // The connection did not complete in time: try again, then report every attempt.
                continue
            }
        }
        throw .timeout(server: server, seconds: options.timeout, attempts: attempts, transport: .tcp)
    }

    private static func tcpAttempt(
        _ bytes: [UInt8], query: DNSMessage, server: DNSServerAddress,
        clock: any DNSClock, deadline: Duration, timeout: Double
    ) throws(DNSClientError) -> DNSMessage? {
        guard let answer = try tcpExchange(bytes, server: server, clock: clock, deadline: deadline, timeout: timeout)
        else {
            return nil
        }
        let message: DNSMessage
        do {
            message = try DNSMessage(decoding: answer)
        } catch {
            throw .malformedAnswer(server: server, problem: error)
        }
        guard matches(message, query) else { throw .mismatchedAnswer(server: server) }
        return message
    }

    /// One length-prefixed message out and one back over a new TCP connection (RFC 1035 §4.2.2),
    /// before `deadline` on `clock`: the answer's bytes, or nil when the deadline passed first.
    /// Queries and dynamic updates (`DNSUpdateClient`) both go through here.
    static func tcpExchange(
        _ bytes: [UInt8], server: DNSServerAddress, clock: any DNSClock, deadline: Duration, timeout: Double
    ) throws(DNSClientError) -> [UInt8]? {
        // The length prefix is two octets: a longer message cannot be framed.
        guard bytes.count <= 0xFFFF else { throw .badQuery(.tooManyRecords) }
        let socket = try Socket(kind: .stream, server: server, clock: clock, deadline: deadline, timeout: timeout)
        defer { socket.close() }
        let framed = [UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
        guard try socket.send(framed, until: deadline, transport: .tcp) else { return nil }
        var received: [UInt8] = []
        while true {
            if received.count >= 2 {
                let expected = Int(received[0]) << 8 | Int(received[1])
                if received.count >= expected + 2 { return Array(received[2..<(expected + 2)]) }
            }
            guard let chunk = try socket.receive(capacity: 65537, until: deadline, transport: .tcp) else { return nil }
            if chunk.isEmpty { throw .connectionClosed(server: server) }
            received.append(contentsOf: chunk)
        }
    }

    /// An answer belongs to a query when it is a response with the same ID and the same question
    /// (names without case); a server may leave the question out of an error about the query itself
    /// (FORMERR, NOTIMP, REFUSED...), never out of an answer about the name (NOERROR, NXDOMAIN).
    static func matches(_ response: DNSMessage, _ query: DNSMessage) -> Bool {
        guard response.header.isResponse, response.header.id == query.header.id else { return false }
        if response.questions.isEmpty { return response.rcode != .noError && response.rcode != .nameError }
        return response.questions == query.questions
    }

    static func seconds(_ value: Double) -> Duration {
        .milliseconds(Int64((value * 1000).rounded()))
    }
}
