/// The fixed 12-octet header of a DNS message (RFC 1035 §4.1.1), without the section counts,
/// which a message derives from its sections when it is written.
public struct DNSHeader: Sendable, Hashable {
    /// Matches an answer to its query; a fresh random one per query (RFC 5452 §9.2).
    public var id: UInt16
    /// QR: set in answers.
    public var isResponse: Bool
    /// OPCODE: 0 is a standard query.
    public var opcode: UInt8
    /// AA: the answer comes from a server authoritative for the name.
    public var isAuthoritative: Bool
    /// TC: the answer did not fit the UDP payload; ask again over TCP (RFC 7766).
    public var isTruncated: Bool
    /// RD: asks a resolver to recurse; an authoritative server ignores it.
    public var recursionDesired: Bool
    /// RA: the server offers recursion.
    public var recursionAvailable: Bool
    /// AD (RFC 4035 §3.2.3).
    public var authenticData: Bool
    /// CD (RFC 4035 §3.2.2).
    public var checkingDisabled: Bool
    /// The low four bits of the RCODE; EDNS carries the upper eight (see `DNSMessage.rcode`).
    public var rcodeLow: UInt8

    public init(
        id: UInt16, isResponse: Bool = false, opcode: UInt8 = 0, isAuthoritative: Bool = false,
        isTruncated: Bool = false, recursionDesired: Bool = false, recursionAvailable: Bool = false,
        authenticData: Bool = false, checkingDisabled: Bool = false, rcodeLow: UInt8 = 0
    ) {
        self.id = id
        self.isResponse = isResponse
        self.opcode = opcode
        self.isAuthoritative = isAuthoritative
        self.isTruncated = isTruncated
        self.recursionDesired = recursionDesired
        self.recursionAvailable = recursionAvailable
        self.authenticData = authenticData
        self.checkingDisabled = checkingDisabled
        self.rcodeLow = rcodeLow
    }

    /// The 16 flag bits as they sit in the header's second word.
    var flags: UInt16 {
        var value: UInt16 = 0
        if isResponse { value |= 0x8000 }
        value |= UInt16(opcode & 0x0F) << 11
        if isAuthoritative { value |= 0x0400 }
        if isTruncated { value |= 0x0200 }
        if recursionDesired { value |= 0x0100 }
        if recursionAvailable { value |= 0x0080 }
        if authenticData { value |= 0x0020 }
        if checkingDisabled { value |= 0x0010 }
        value |= UInt16(rcodeLow & 0x0F)
        return value
    }

    init(id: UInt16, flags: UInt16) {
        self.init(
            id: id, isResponse: flags & 0x8000 != 0, opcode: UInt8((flags >> 11) & 0x0F),
            isAuthoritative: flags & 0x0400 != 0, isTruncated: flags & 0x0200 != 0,
            recursionDesired: flags & 0x0100 != 0, recursionAvailable: flags & 0x0080 != 0,
            authenticData: flags & 0x0020 != 0, checkingDisabled: flags & 0x0010 != 0,
            rcodeLow: UInt8(flags & 0x000F))
    }
}
