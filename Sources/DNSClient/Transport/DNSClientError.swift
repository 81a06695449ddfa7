import ZoneFile

/// Why a question got no usable answer. Each message names the server as the user wrote it
/// and says what to check.
public enum DNSClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--server` text that is not an address.
    case badServerAddress(String)
    /// No answer within the timeout, after every attempt.
    case timeout(server: DNSServerAddress, seconds: Double, attempts: Int, transport: DNSTransportKind)
    /// The server's host reports that nothing listens on the port (ICMP port unreachable, TCP RST).
    case refused(server: DNSServerAddress, transport: DNSTransportKind)
    /// The network cannot reach the server's address.
    case unreachable(server: DNSServerAddress, reason: String)
    /// The server answered with octets that are not a DNS message.
    case malformedAnswer(server: DNSServerAddress, problem: DNSMessageError)
    /// The answer contradicts itself (NXDOMAIN with records, records for a name not asked): see
    /// `DNSAnswer.inconsistency`.
    case inconsistentAnswer(server: DNSServerAddress, reason: String)
    /// A TCP answer carries another ID or question than the query's.
    case mismatchedAnswer(server: DNSServerAddress)
    /// The server closed a TCP connection before the whole answer arrived.
    case connectionClosed(server: DNSServerAddress)
    /// The answer was truncated and TCP is not to be used.
    case truncated(server: DNSServerAddress)
    /// The query could not be written (a name too long for a message cannot happen; this is a bug guard).
    case badQuery(DNSMessageError)
    /// A socket call failed for a reason the user cannot fix from mailzone (out of descriptors...).
    case socket(call: String, errno: Int32, reason: String)
    /// A host name given as a server could not be resolved to an address.
    case unresolvable(host: String, reason: String)

    public var description: String {
        switch self {
        case .badServerAddress(let text):
            "'\(text)' is not a server address; write an IPv4 address, an IPv6 address in brackets or a host name, with an optional port: 192.0.2.1, 192.0.2.1:5353, [2001:db8::1]:53, ns1.example.net"
        case .timeout(let server, let seconds, let attempts, let transport):
            "\(server) did not answer in \(Self.format(seconds)) s"
                + (attempts > 1 ? " (\(attempts) attempts over \(transport.label))" : " (over \(transport.label))")
                + "; check that the server runs and that a firewall lets DNS through, or raise --timeout"
        case .refused(let server, let transport):
            "\(server) refused the \(transport.label) connection: nothing listens on that port; check the address and port, and that the name server runs"
        case .unreachable(let server, let reason):
            "\(server) cannot be reached: \(reason)"
        case .malformedAnswer(let server, let problem):
            "\(server) sent an answer mailzone cannot read: \(problem)"
        case .inconsistentAnswer(let server, let reason):
            "\(server) sent an inconsistent answer: \(reason); its answers are not counted"
        case .mismatchedAnswer(let server):
            "\(server) answered another question than the one asked"
        case .connectionClosed(let server):
            "\(server) closed the TCP connection before sending the whole answer"
        case .truncated(let server):
            "\(server) sent a truncated answer and TCP is not allowed"
        case .badQuery(let problem):
            "the query could not be written: \(problem)"
        case .socket(let call, let code, let reason):
            "\(call) failed: \(reason) (errno \(code))"
        case .unresolvable(let host, let reason):
            "cannot find the address of \(host): \(reason)"
        }
    }

    /// `2`, `0.5`: seconds as people write them.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// How a message travelled.
public enum DNSTransportKind: String, Sendable, Hashable, Codable {
    case udp
    case tcp

    var label: String { rawValue.uppercased() }
}
