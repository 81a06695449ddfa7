/// The EDNS(0) pseudo-record (OPT, RFC 6891 §6) of a message, unpacked.
///
/// mailzone sends it to tell the server how large a UDP answer it can take: a 2048-bit
/// DKIM key with an SPF record beside it passes the 512 octets plain DNS allows.
public struct EDNS: Sendable, Hashable {
    /// The largest UDP payload the sender can reassemble (RFC 6891 §6.2.3).
    public var udpPayloadSize: UInt16
    /// The upper eight bits of the 12-bit RCODE.
    public var extendedRCode: UInt8
    public var version: UInt8
    /// DO: DNSSEC records wanted (RFC 3225).
    public var dnssecOK: Bool
    /// The options as (code, data), in message order.
    public var options: [EDNSOption]

    /// 1232 octets: the size DNS Flag Day 2020 agreed on, which avoids IP fragmentation.
    public static let defaultPayloadSize: UInt16 = 1232

    public init(
        udpPayloadSize: UInt16 = EDNS.defaultPayloadSize, extendedRCode: UInt8 = 0, version: UInt8 = 0,
        dnssecOK: Bool = false, options: [EDNSOption] = []
    ) {
        self.udpPayloadSize = udpPayloadSize
        self.extendedRCode = extendedRCode
        self.version = version
        self.dnssecOK = dnssecOK
        self.options = options
    }
}

/// One EDNS option (RFC 6891 §6.1.2): a code and its opaque data.
public struct EDNSOption: Sendable, Hashable {
    public var code: UInt16
    public var data: [UInt8]

    public init(code: UInt16, data: [UInt8]) {
        self.code = code
        self.data = data
    }
}
