/// How to ask: how long to wait, how often to try, over which transport, with which EDNS buffer.
public struct DNSQueryOptions: Sendable, Hashable {
    /// Seconds to wait for each attempt's answer (as `dig +time`).
    public var timeout: Double
    /// Attempts after the first when an attempt times out (as `dig +tries` minus one).
    public var retries: Int
    /// Ask over TCP from the start instead of UDP first.
    public var forceTCP: Bool
    /// Ask again over TCP when the UDP answer is truncated (TC=1), as RFC 7766 §5 asks of clients.
    public var tcpFallback: Bool
    /// The EDNS record to send; nil sends plain DNS, whose UDP answers stop at 512 octets.
    public var edns: EDNS?

    public init(
        timeout: Double = 2, retries: Int = 2, forceTCP: Bool = false, tcpFallback: Bool = true,
        edns: EDNS? = EDNS()
    ) {
        self.timeout = timeout
        self.retries = max(0, retries)
        self.forceTCP = forceTCP
        self.tcpFallback = tcpFallback
        self.edns = edns
    }
}
