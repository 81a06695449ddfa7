/// A resource record type (RFC 1035 §3.2.2 and the IANA registry), written by
/// mnemonic or as `TYPEnnn` (RFC 3597 §5).
public struct RRType: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let a = RRType(1), ns = RRType(2), md = RRType(3), mf = RRType(4), cname = RRType(5)
    public static let soa = RRType(6), mb = RRType(7), mg = RRType(8), mr = RRType(9), null = RRType(10)
    public static let wks = RRType(11), ptr = RRType(12), hinfo = RRType(13), minfo = RRType(14), mx = RRType(15)
    public static let txt = RRType(16), rp = RRType(17), afsdb = RRType(18), x25 = RRType(19), isdn = RRType(20)
    public static let rt = RRType(21), nsap = RRType(22), nsapPtr = RRType(23), sig = RRType(24), key = RRType(25)
    public static let px = RRType(26), gpos = RRType(27), aaaa = RRType(28), loc = RRType(29), nxt = RRType(30)
    public static let eid = RRType(31), nimloc = RRType(32), srv = RRType(33), atma = RRType(34), naptr = RRType(35)
    public static let kx = RRType(36), cert = RRType(37), a6 = RRType(38), dname = RRType(39), sink = RRType(40)
    public static let opt = RRType(41), apl = RRType(42), ds = RRType(43), sshfp = RRType(44), ipseckey = RRType(45)
    public static let rrsig = RRType(46), nsec = RRType(47), dnskey = RRType(48), dhcid = RRType(49)
    public static let nsec3 = RRType(50), nsec3param = RRType(51), tlsa = RRType(52), smimea = RRType(53)
    public static let hip = RRType(55), ninfo = RRType(56), rkey = RRType(57), talink = RRType(58)
    public static let cds = RRType(59), cdnskey = RRType(60), openpgpkey = RRType(61), csync = RRType(62)
    public static let zonemd = RRType(63), svcb = RRType(64), https = RRType(65), dsync = RRType(66)
    public static let hhit = RRType(67), brid = RRType(68)
    public static let spf = RRType(99), uinfo = RRType(100), uid = RRType(101), gid = RRType(102), unspec = RRType(103)
    public static let nid = RRType(104), l32 = RRType(105), l64 = RRType(106), lp = RRType(107)
    public static let eui48 = RRType(108), eui64 = RRType(109), nxname = RRType(128)
    public static let tkey = RRType(249), tsig = RRType(250), ixfr = RRType(251), axfr = RRType(252)
    public static let mailb = RRType(253), maila = RRType(254), any = RRType(255)
    public static let uri = RRType(256), caa = RRType(257), avc = RRType(258), doa = RRType(259)
    public static let amtrelay = RRType(260), resinfo = RRType(261), wallet = RRType(262), cla = RRType(263)
    public static let ipn = RRType(264)
    public static let ta = RRType(32768), dlv = RRType(32769)

    /// Mnemonics as the IANA registry spells them.
    static let mnemonics: [UInt16: String] = [
        1: "A", 2: "NS", 3: "MD", 4: "MF", 5: "CNAME", 6: "SOA", 7: "MB", 8: "MG", 9: "MR", 10: "NULL",
        11: "WKS", 12: "PTR", 13: "HINFO", 14: "MINFO", 15: "MX", 16: "TXT", 17: "RP", 18: "AFSDB", 19: "X25",
        20: "ISDN", 21: "RT", 22: "NSAP", 23: "NSAP-PTR", 24: "SIG", 25: "KEY", 26: "PX", 27: "GPOS", 28: "AAAA",
        29: "LOC", 30: "NXT", 31: "EID", 32: "NIMLOC", 33: "SRV", 34: "ATMA", 35: "NAPTR", 36: "KX", 37: "CERT",
        38: "A6", 39: "DNAME", 40: "SINK", 41: "OPT", 42: "APL", 43: "DS", 44: "SSHFP", 45: "IPSECKEY",
        46: "RRSIG", 47: "NSEC", 48: "DNSKEY", 49: "DHCID", 50: "NSEC3", 51: "NSEC3PARAM", 52: "TLSA",
        53: "SMIMEA", 55: "HIP", 56: "NINFO", 57: "RKEY", 58: "TALINK", 59: "CDS", 60: "CDNSKEY",
        61: "OPENPGPKEY", 62: "CSYNC", 63: "ZONEMD", 64: "SVCB", 65: "HTTPS", 66: "DSYNC", 67: "HHIT", 68: "BRID",
        99: "SPF", 100: "UINFO", 101: "UID", 102: "GID", 103: "UNSPEC", 104: "NID", 105: "L32", 106: "L64",
        107: "LP", 108: "EUI48", 109: "EUI64", 128: "NXNAME", 249: "TKEY", 250: "TSIG", 251: "IXFR", 252: "AXFR",
        253: "MAILB", 254: "MAILA", 255: "ANY", 256: "URI", 257: "CAA", 258: "AVC", 259: "DOA", 260: "AMTRELAY",
        261: "RESINFO", 262: "WALLET", 263: "CLA", 264: "IPN", 32768: "TA", 32769: "DLV",
    ]

    /// Upper-case mnemonic → code, for parsing.
    static let codes: [String: UInt16] = {
        var table: [String: UInt16] = [:]
        for (code, name) in mnemonics { table[name] = code }
        return table
    }()

    /// Types that may not appear in a master file: meta-types and queries (RFC 6895 §3.1).
    public var isMetaType: Bool {
        rawValue == 41 || (rawValue >= 128 && rawValue <= 255 && rawValue != 128)
    }

    /// Reads `A`, `txt`, `TYPE65280` (any case). Returns nil for anything else.
    public init?(mnemonic text: some StringProtocol) {
        let upper = text.uppercased()
        if let code = RRType.codes[upper] {
            self.rawValue = code
            return
        }
        guard upper.hasPrefix("TYPE"), upper.count > 4, upper.count <= 9 else { return nil }
        let digits = upper.dropFirst(4)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt32(digits), value <= 65535 else {
            return nil
        }
        self.rawValue = UInt16(value)
    }

    /// Fast path for the parser: reads a mnemonic from raw bytes without building a String for common types.
    /// Any collection of bytes: the loader reads it in place from the file.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> RRType? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var upper = 0 as UInt64
        if bytes.count <= 8 {
            for byte in bytes {
                let folded = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                upper = upper << 8 | UInt64(folded)
            }
            switch upper {
            case 0x41: return .a
            case 0x4E53: return .ns
            case 0x4D58: return .mx
            case 0x545854: return .txt
            case 0x4141_4141: return .aaaa
            case 0x43_4E41_4D45: return .cname
            case 0x534F41: return .soa
            case 0x535256: return .srv
            case 0x505452: return .ptr
            // Less common, but thousands each in large zones: no string is built for them either.
            case 0x43_4141: return .caa
            case 0x4453: return .ds
            case 0x544C_5341: return .tlsa
            case 0x53_5348_4650: return .sshfp
            case 0x48_5454_5053: return .https
            case 0x5356_4342: return .svcb
            case 0x4E_4150_5452: return .naptr
            case 0x444E_534B_4559: return .dnskey
            case 0x52_5253_4947: return .rrsig
            case 0x4E53_4543: return .nsec
            case 0x4E_5345_4333: return .nsec3
            case 0x44_4E41_4D45: return .dname
            case 0x48_494E_464F: return .hinfo
            case 0x53_5046: return .spf
            case 0x4C_4F43: return .loc
            case 0x43_4453: return .cds
            case 0x4341: return nil
            default: break
            }
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else { return nil }
        return RRType(mnemonic: text)
    }

    public var mnemonic: String { RRType.mnemonics[rawValue] ?? "TYPE\(rawValue)" }
    public var description: String { mnemonic }
    public static func < (lhs: RRType, rhs: RRType) -> Bool { lhs.rawValue < rhs.rawValue }
}
