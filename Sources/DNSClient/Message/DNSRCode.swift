/// A response code (RFC 1035 §4.1.1, extended to 12 bits by EDNS, RFC 6891 §6.1.3), named as the
/// IANA registry and `dig` name it so that messages match what people see elsewhere.
public struct DNSRCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let noError = DNSRCode(rawValue: 0)
    public static let formatError = DNSRCode(rawValue: 1)
    public static let serverFailure = DNSRCode(rawValue: 2)
    public static let nameError = DNSRCode(rawValue: 3)
    public static let notImplemented = DNSRCode(rawValue: 4)
    public static let refused = DNSRCode(rawValue: 5)
    public static let yxDomain = DNSRCode(rawValue: 6)
    public static let yxRRSet = DNSRCode(rawValue: 7)
    public static let nxRRSet = DNSRCode(rawValue: 8)
    public static let notAuth = DNSRCode(rawValue: 9)
    public static let notZone = DNSRCode(rawValue: 10)
    /// BADVERS: the server does not speak the EDNS version asked for (RFC 6891 §9).
    public static let badVersion = DNSRCode(rawValue: 16)

    private static let names: [UInt16: String] = [
        0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED",
        6: "YXDOMAIN", 7: "YXRRSET", 8: "NXRRSET", 9: "NOTAUTH", 10: "NOTZONE", 11: "DSOTYPENI",
        16: "BADVERS", 17: "BADKEY", 18: "BADTIME", 19: "BADMODE", 20: "BADNAME", 21: "BADALG",
        22: "BADTRUNC", 23: "BADCOOKIE",
    ]

    /// `NXDOMAIN`, or `RCODE42` for codes without a name.
    public var description: String { DNSRCode.names[rawValue] ?? "RCODE\(rawValue)" }
}
