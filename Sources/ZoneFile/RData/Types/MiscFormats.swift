/// Location, address-list and identifier types: LOC, WKS, APL, NID, L32, L64, LP, EUI48, EUI64,
/// AMTRELAY, DOA.
enum MiscFormats {
    /// LOC (RFC 1876 §3): `d1 [m1 [s1]] N|S d2 [m2 [s2]] E|W alt[m] [siz[m] [hp[m] [vp[m]]]]`,
    /// size 1m, horizontal precision 10000m and vertical precision 10m by default.
    static let loc = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let start = reader.wire.count
            reader.wire.append(contentsOf: [0, 0x12, 0x16, 0x13])  // version 0, default size and precisions
            let latitude = try reader.locCoordinate(
                maxDegrees: 90, positive: UInt8(ascii: "N"),
                negative: UInt8(ascii: "S"), what: "LOC latitude")
            let longitude = try reader.locCoordinate(
                maxDegrees: 180, positive: UInt8(ascii: "E"),
                negative: UInt8(ascii: "W"), what: "LOC longitude")
            reader.appendUInt32(latitude)
            reader.appendUInt32(longitude)
            // Altitude in centimetres above 100 000 m below the WGS 84 reference.
            let altitudeField = try reader.word("LOC altitude")
            guard let altitude = LOCNumber.parse(altitudeField.bytes, signed: true) else {
                throw reader.error(
                    "bad LOC altitude '\(altitudeField.text)': a number of metres with at most two decimals")
            }
            guard altitude >= -10_000_000, altitude <= 4_284_967_295 else {
                throw reader.error(
                    "bad LOC altitude '\(altitudeField.text)': out of range (-100000.00m to 42849672.95m)")
            }
            reader.appendUInt32(UInt32(altitude + 10_000_000))
            for (offset, what) in ["LOC size", "LOC horizontal precision", "LOC vertical precision"].enumerated() {
                guard !reader.isAtEnd else { break }
                let field = try reader.word(what)
                guard let centimetres = LOCNumber.parse(field.bytes, signed: false) else {
                    throw reader.error("bad \(what) '\(field.text)': a number of metres with at most two decimals")
                }
                guard centimetres / 100 <= 90_000_000 else {  // BIND ignores centimetres beyond the limit
                    throw reader.error("bad \(what) '\(field.text)': out of range (0-90000000m)")
                }
                reader.wire[start + 1 + offset] = LOCNumber.precision(centimetres)
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            guard try reader.uint8() == 0 else { throw RDataError("unknown LOC version") }
            let sizes = [try reader.uint8(), try reader.uint8(), try reader.uint8()]
            let latitude = try LOCNumber.coordinate(try reader.uint32(), maxDegrees: 90, positive: "N", negative: "S")
            let longitude = try LOCNumber.coordinate(try reader.uint32(), maxDegrees: 180, positive: "E", negative: "W")
            let rawAltitude = try reader.uint32()
            let below = rawAltitude < 10_000_000
            let altitude = below ? 10_000_000 - rawAltitude : rawAltitude - 10_000_000
            var parts = [
                latitude, longitude, "\(below ? "-" : "")\(altitude / 100).\(LOCNumber.twoDigits(altitude % 100))m",
            ]
            for size in sizes { parts.append(try LOCNumber.presentPrecision(size)) }
            return parts.joined(separator: " ")
        })

    /// WKS (RFC 1035 §3.4.2): IPv4 address, protocol (number or name), services (numbers or names).
    static let wks = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let addressField = try reader.word("WKS address")
            guard let address = IPv4.parse(addressField.bytes) else {
                throw reader.error("bad WKS address '\(addressField.text)': not an IPv4 address")
            }
            reader.wire.append(contentsOf: address)
            let proto = UInt8(try reader.numberOrMnemonic("WKS protocol", max: 255, table: WKSNames.protocols))
            reader.wire.append(proto)
            var bitmap: [UInt8] = []
            while !reader.isAtEnd {
                let field = try reader.word("WKS service")
                let port: UInt64
                if let first = field.bytes.first, first >= 0x30, first <= 0x39 {
                    port = try reader.decimal(field, "WKS service", max: 65535)
                } else if let table = WKSNames.services(proto), let value = table.value(of: field.bytes) {
                    port = value
                } else {
                    throw reader.error(
                        "bad WKS service '\(field.text)': not a port number or a known service of protocol \(proto)")
                }
                let byte = Int(port >> 3)
                if bitmap.count <= byte { bitmap.append(contentsOf: repeatElement(0, count: byte + 1 - bitmap.count)) }
                bitmap[byte] |= 0x80 >> UInt8(port & 7)
            }
            reader.wire.append(contentsOf: bitmap)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            var parts = [IPv4.format(try reader.take(4)), String(try reader.uint8())]
            let bitmap = reader.rest()
            // A trailing zero octet would not survive a round trip (the encoder writes the shortest bitmap).
            guard bitmap.count <= 8192, bitmap.last != 0 else { throw RDataError("non-canonical WKS bitmap") }
            for (offset, byte) in bitmap.enumerated() where byte != 0 {
                for bit in 0..<8 where byte & (0x80 >> UInt8(bit)) != 0 {
                    parts.append(String(offset << 3 | bit))
                }
            }
            return parts.joined(separator: " ")
        })

    /// APL (RFC 3123 §5): items `[!]afi:address/prefix`, AFI 1 (IPv4) or 2 (IPv6); may be empty.
    static let apl = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            while !reader.isAtEnd {
                let field = try reader.word("APL item")
                var bytes = field.bytes
                var negate = false
                if bytes.first == UInt8(ascii: "!") {
                    negate = true
                    bytes = bytes.dropFirst()
                }
                guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                    let slash = bytes.lastIndex(of: UInt8(ascii: "/")), colon < slash
                else { throw reader.error("bad APL item '\(field.text)': use [!]afi:address/prefix") }
                let family = bytes[bytes.startIndex..<colon]
                let addressText = bytes[(colon + 1)..<slash]
                let prefixText = bytes[(slash + 1)...]
                var address: [UInt8]
                let maxPrefix: Int
                if family.elementsEqual("1".utf8) {
                    guard let parsed = IPv4.parse(addressText) else {
                        throw reader.error("bad APL item '\(field.text)': not an IPv4 address")
                    }
                    address = parsed
                    maxPrefix = 32
                } else if family.elementsEqual("2".utf8) {
                    guard let parsed = IPv6.parse(addressText) else {
                        throw reader.error("bad APL item '\(field.text)': not an IPv6 address")
                    }
                    address = parsed
                    maxPrefix = 128
                } else {
                    throw reader.error("bad APL item '\(field.text)': address family must be 1 (IPv4) or 2 (IPv6)")
                }
                guard !prefixText.isEmpty, prefixText.count <= 3, prefixText.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                    let prefix = Int(String(decoding: prefixText, as: UTF8.self)), prefix <= maxPrefix
                else { throw reader.error("bad APL item '\(field.text)': prefix must be 0-\(maxPrefix)") }
                while address.last == 0 { address.removeLast() }
                reader.appendUInt16(maxPrefix == 32 ? 1 : 2)
                reader.wire.append(UInt8(prefix))
                reader.wire.append((negate ? 0x80 : 0) | UInt8(address.count))
                reader.wire.append(contentsOf: address)
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            var items: [String] = []
            while !reader.isAtEnd {
                let family = try reader.uint16()
                let prefix = try reader.uint8()
                let flags = try reader.uint8()
                let length = Int(flags & 0x7F)
                let data = try reader.take(length)
                // RFC 3123 §4: trailing zero octets of the address are not sent.
                guard data.last != 0 else { throw RDataError("non-canonical APL address") }
                let text: String
                switch family {
                case 1:
                    guard prefix <= 32, length <= 4 else { throw RDataError("bad APL item") }
                    text = IPv4.format((Array(data) + [UInt8](repeating: 0, count: 4 - length))[...])
                case 2:
                    guard prefix <= 128, length <= 16 else { throw RDataError("bad APL item") }
                    text = IPv6.format((Array(data) + [UInt8](repeating: 0, count: 16 - length))[...])
                default:
                    throw RDataError("unknown APL family")
                }
                items.append("\(flags & 0x80 != 0 ? "!" : "")\(family):\(text)/\(prefix)")
            }
            return items.joined(separator: " ")
        })

    /// NID and L64 (RFC 6742 §2.1.2, §2.3.2): preference and a 64-bit locator as four hex groups `x:x:x:x`.
    static func locator64(_ type: String) -> RDataFormat {
        let preferenceName = "\(type) preference"
        let valueName = type == "NID" ? "NID node identifier" : "L64 locator"
        return RDataFormat(
            encode: { (reader: inout RDataReader) throws(RDataError) in
                try reader.uint16(preferenceName)
                let field = try reader.word(valueName)
                var groups = 0
                var digits = 0
                var value: UInt16 = 0
                for byte in field.bytes {
                    if byte == UInt8(ascii: ":") {
                        guard digits > 0, groups < 3 else {
                            throw reader.error("bad \(valueName) '\(field.text)': use four hex groups x:x:x:x")
                        }
                        reader.appendUInt16(value)
                        groups += 1
                        digits = 0
                        value = 0
                    } else if let nibble = Hex.value(byte), digits < 4 {
                        value = value << 4 | UInt16(nibble)
                        digits += 1
                    } else {
                        throw reader.error("bad \(valueName) '\(field.text)': use four hex groups x:x:x:x")
                    }
                }
                guard digits > 0, groups == 3 else {
                    throw reader.error("bad \(valueName) '\(field.text)': use four hex groups x:x:x:x")
                }
                reader.appendUInt16(value)
            },
            present: { (reader: inout WireReader) throws(RDataError) in
                let preference = try reader.uint16()
                var groups: [String] = []
                for _ in 0..<4 { groups.append(String(try reader.uint16(), radix: 16)) }
                return "\(preference) \(groups.joined(separator: ":"))"
            })
    }

    /// L32 (RFC 6742 §2.2.2): preference and a 32-bit locator written as an IPv4 address.
    static let l32 = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint16("L32 preference")
            let field = try reader.word("L32 locator")
            guard let address = IPv4.parse(field.bytes) else {
                throw reader.error("bad L32 locator '\(field.text)': not an IPv4 address")
            }
            reader.wire.append(contentsOf: address)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            "\(try reader.uint16()) \(IPv4.format(try reader.take(4)))"
        })

    /// EUI48 (RFC 7043 §3.2) and EUI64 (§4.2): hex pairs joined by `-`, exactly two digits each.
    static func eui(octets: Int) -> RDataFormat {
        let what = octets == 6 ? "EUI48 address" : "EUI64 address"
        return RDataFormat(
            encode: { (reader: inout RDataReader) throws(RDataError) in
                let field = try reader.word(what)
                let bytes = field.bytes
                guard bytes.count == octets * 3 - 1 else {
                    throw reader.error("bad \(what) '\(field.text)': use \(octets) hex pairs joined by '-'")
                }
                var i = bytes.startIndex
                for index in 0..<octets {
                    guard let high = Hex.value(bytes[i]), let low = Hex.value(bytes[i + 1]),
                        index == octets - 1 || bytes[i + 2] == UInt8(ascii: "-")
                    else { throw reader.error("bad \(what) '\(field.text)': use \(octets) hex pairs joined by '-'") }
                    reader.wire.append(high << 4 | low)
                    i += 3
                }
            },
            present: { (reader: inout WireReader) throws(RDataError) in
                let bytes = try reader.take(octets)
                return bytes.map { Hex.encode([$0], uppercase: false) }.joined(separator: "-")
            })
    }

    /// AMTRELAY (RFC 8777 §4.3): precedence, discovery-optional bit, relay type 0-3, relay.
    static let amtrelay = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint8("AMTRELAY precedence")
            let discovery = UInt8(try reader.integer("AMTRELAY discovery optional bit", max: 1))
            let relayType = UInt8(try reader.integer("AMTRELAY relay type", max: 3))
            reader.wire.append(discovery << 7 | relayType)
            try reader.gateway(type: relayType, what: "AMTRELAY relay")
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let precedence = try reader.uint8()
            let typeByte = try reader.uint8()
            let relayType = typeByte & 0x7F
            guard relayType <= 3 else { throw RDataError("unknown relay type") }
            return "\(precedence) \(typeByte >> 7) \(relayType) \(try reader.gateway(type: relayType))"
        })

    /// DOA (draft-durand-doa-over-dns): enterprise, type, location, media type string, base64 data or `-`.
    static let doa = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint32("DOA enterprise")
            try reader.uint32("DOA type")
            try reader.uint8("DOA location")
            try reader.characterString("DOA media type")
            if reader.remaining == 1, let field = reader.fields.last, !field.quoted,
                field.bytes.count == 1, field.bytes.first == UInt8(ascii: "-")
            {
                _ = try reader.next("DOA data")
                return
            }
            try reader.base64Rest("DOA data")
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let enterprise = try reader.uint32()
            let type = try reader.uint32()
            let location = try reader.uint8()
            let media = try reader.characterString()
            let data = reader.rest()
            return "\(enterprise) \(type) \(location) \(media) \(data.isEmpty ? "-" : Presentation.base64(data))"
        })
}

/// LOC numbers: decimal metres with up to two decimals, precisions as mantissa/exponent (RFC 1876 §2).
enum LOCNumber {
    /// Centimetres from `[-+]digits[.dd][m]` (sign only when `signed`); nil when malformed.
    static func parse(_ bytes: ArraySlice<UInt8>, signed: Bool) -> Int64? {
        var text = bytes
        var negative = false
        if signed, let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            text = text.dropFirst()
        }
        if text.last == UInt8(ascii: "m") || text.last == UInt8(ascii: "M") { text = text.dropLast() }
        guard let value = LOCDecimal.parse(text, decimals: 2, wholeBelow: 100_000_000_000) else { return nil }
        return negative ? -value : value
    }

    /// The RFC 1876 precision byte for a size in centimetres, truncating to one significant digit as BIND does.
    static func precision(_ centimetres: Int64) -> UInt8 {
        let metres = centimetres / 100
        if metres > 0 {
            var exponent = 0
            var power: Int64 = 1
            while exponent < 7, metres >= power * 10 {
                exponent += 1
                power *= 10
            }
            return UInt8(metres / power) << 4 | UInt8(exponent + 2)
        }
        if centimetres >= 10 { return UInt8(centimetres / 10) << 4 | 1 }
        return UInt8(centimetres) << 4
    }

    static func presentPrecision(_ byte: UInt8) throws(RDataError) -> String {
        let mantissa = Int(byte >> 4)
        let exponent = Int(byte & 0x0F)
        // Zero is written 0x00 only; other spellings of zero would not survive a round trip.
        guard mantissa <= 9, exponent <= 9, mantissa > 0 || exponent == 0 else { throw RDataError("bad LOC precision") }
        if exponent >= 2 {
            var value = mantissa
            for _ in 0..<(exponent - 2) { value *= 10 }
            return "\(value)m"
        }
        return "0.\(twoDigits(UInt32(exponent == 1 ? mantissa * 10 : mantissa)))m"
    }

    static func twoDigits(_ value: UInt32) -> String { value < 10 ? "0\(value)" : String(value) }

    static func threeDigits(_ value: UInt32) -> String {
        value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : String(value)
    }

    static func coordinate(_ raw: UInt32, maxDegrees: UInt32, positive: String, negative: String) throws(RDataError)
        -> String
    {
        let isPositive = raw >= 0x8000_0000
        var value = isPositive ? raw - 0x8000_0000 : 0x8000_0000 - raw
        let milliseconds = value % 1000
        value /= 1000
        let seconds = value % 60
        value /= 60
        let minutes = value % 60
        let degrees = value / 60
        guard degrees < maxDegrees || (degrees == maxDegrees && minutes == 0 && seconds == 0 && milliseconds == 0)
        else {
            throw RDataError("LOC coordinate out of range")
        }
        return "\(degrees) \(minutes) \(seconds).\(threeDigits(milliseconds)) \(isPositive ? positive : negative)"
    }
}

extension RDataReader {
    /// A LOC latitude or longitude: degrees, optional minutes and seconds (up to three decimals), hemisphere.
    /// Returns the RFC 1876 value: thousandths of a second of arc offset from 2^31.
    mutating func locCoordinate(
        maxDegrees: UInt32, positive: UInt8, negative: UInt8,
        what: String
    ) throws(RDataError) -> UInt32 {
        func isHemisphere(_ field: RDataField) -> Bool {
            field.bytes.count == 1 && (field.bytes.first == positive || field.bytes.first == negative)
        }
        let degrees = UInt32(try integer("\(what) degrees", max: UInt64(maxDegrees)))
        var minutes: UInt32 = 0
        var milliseconds: UInt32 = 0
        var field = try word("\(what) hemisphere")
        if !isHemisphere(field) {
            minutes = UInt32(try decimal(field, "\(what) minutes", max: 59))
            field = try word("\(what) hemisphere")
            if !isHemisphere(field) {
                guard let centi = LOCSeconds.parse(field.bytes) else {
                    throw error("bad \(what) seconds '\(field.text)': a number with at most three decimals")
                }
                guard centi < 60_000 else {
                    throw error("bad \(what) seconds '\(field.text)': out of range (0-59.999)")
                }
                milliseconds = centi
                field = try word("\(what) hemisphere")
                guard isHemisphere(field) else {
                    throw error(
                        "bad \(what) hemisphere '\(field.text)': expected \(Character(UnicodeScalar(positive))) "
                            + "or \(Character(UnicodeScalar(negative)))")
                }
            }
        }
        let total = ((degrees * 60 + minutes) * 60) * 1000 + milliseconds
        guard total <= maxDegrees * 3_600_000 else {
            throw error("bad \(what): more than \(maxDegrees) degrees")
        }
        return field.bytes.first == positive ? 0x8000_0000 + total : 0x8000_0000 - total
    }
}

enum LOCSeconds {
    /// Thousandths of a second from `ss[.fff]`.
    static func parse(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        LOCDecimal.parse(bytes, decimals: 3, wholeBelow: 1000).map { UInt32($0) }
    }
}

/// The decimals LOC writes (metres with up to two decimals, seconds of arc with up to three):
/// `digits[.digits]`, either side may be empty but not both.
enum LOCDecimal {
    /// The number as a count of its smallest unit, 10^-`decimals` (`1.5` with two decimals is 150);
    /// nil for anything but digits and one dot, more than `decimals` decimals, or a whole part of
    /// `limit` or more.
    static func parse(_ bytes: ArraySlice<UInt8>, decimals: Int, wholeBelow limit: Int64) -> Int64? {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = -1
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            digits += 1
            if fractionDigits >= 0 {
                fractionDigits += 1
                guard fractionDigits <= decimals else { return nil }
                fraction = fraction * 10 + Int64(byte - 0x30)
            } else {
                whole = whole * 10 + Int64(byte - 0x30)
                guard whole < limit else { return nil }
            }
        }
        guard digits > 0 else { return nil }
        for _ in 0..<decimals { whole *= 10 }
        for _ in 0..<(decimals - max(0, fractionDigits)) { fraction *= 10 }
        return whole + fraction
    }
}

/// Protocol and service names for WKS, a built-in subset of /etc/protocols and /etc/services
/// (BIND asks getprotobyname/getservbyname; these are the well-known ports below 1024).
enum WKSNames {
    static let protocols = MnemonicTable([
        ("IP", 0), ("ICMP", 1), ("IGMP", 2), ("GGP", 3), ("TCP", 6), ("EGP", 8), ("PUP", 12), ("UDP", 17),
        ("HMP", 20), ("XNS-IDP", 22), ("RDP", 27), ("IPV6", 41), ("GRE", 47), ("ESP", 50), ("AH", 51),
        ("IPV6-ICMP", 58), ("OSPF", 89), ("SCTP", 132),
    ])

    static func services(_ proto: UInt8) -> MnemonicTable? {
        switch proto {
        case 6: tcp
        case 17: udp
        default: nil
        }
    }

    static let tcp = MnemonicTable([
        ("TCPMUX", 1), ("ECHO", 7), ("DISCARD", 9), ("SINK", 9), ("NULL", 9), ("SYSTAT", 11), ("USERS", 11),
        ("DAYTIME", 13), ("NETSTAT", 15), ("QOTD", 17), ("QUOTE", 17), ("CHARGEN", 19), ("TTYTST", 19),
        ("SOURCE", 19), ("FTP-DATA", 20), ("FTP", 21), ("SSH", 22), ("TELNET", 23), ("SMTP", 25), ("MAIL", 25),
        ("TIME", 37), ("TIMSERVER", 37), ("WHOIS", 43), ("NICNAME", 43), ("TACACS", 49), ("DOMAIN", 53),
        ("GOPHER", 70), ("FINGER", 79), ("HTTP", 80), ("WWW", 80), ("KERBEROS", 88), ("KERBEROS5", 88),
        ("KRB5", 88), ("KERBEROS-SEC", 88), ("ISO-TSAP", 102), ("TSAP", 102), ("ACR-NEMA", 104),
        ("DICOM", 104), ("POP3", 110), ("POP-3", 110), ("SUNRPC", 111), ("PORTMAPPER", 111), ("AUTH", 113),
        ("AUTHENTICATION", 113), ("TAP", 113), ("IDENT", 113), ("NNTP", 119), ("READNEWS", 119), ("UNTP", 119),
        ("EPMAP", 135), ("LOC-SRV", 135), ("NETBIOS-SSN", 139), ("IMAP2", 143), ("IMAP", 143), ("SNMP", 161),
        ("SNMP-TRAP", 162), ("SNMPTRAP", 162), ("CMIP-MAN", 163), ("CMIP-AGENT", 164), ("MAILQ", 174),
        ("BGP", 179), ("SMUX", 199), ("QMTP", 209), ("Z3950", 210), ("WAIS", 210), ("PAWSERV", 345),
        ("ZSERV", 346), ("RPC2PORTMAP", 369), ("CODAAUTH2", 370), ("LDAP", 389), ("SVRLOC", 427),
        ("HTTPS", 443), ("SNPP", 444), ("MICROSOFT-DS", 445), ("KPASSWD", 464), ("SUBMISSIONS", 465),
        ("SSMTP", 465), ("SMTPS", 465), ("URD", 465), ("SAFT", 487), ("RTSP", 554), ("NQS", 607),
        ("QMQP", 628), ("IPP", 631), ("LDP", 646), ("EXEC", 512), ("LOGIN", 513), ("SHELL", 514), ("CMD", 514),
        ("SYSLOG", 514), ("PRINTER", 515), ("SPOOLER", 515), ("GDOMAP", 538), ("UUCP", 540), ("UUCPD", 540),
        ("KLOGIN", 543), ("KSHELL", 544), ("KRCMD", 544), ("AFPOVERTCP", 548), ("NNTPS", 563), ("SNNTP", 563),
        ("SUBMISSION", 587), ("LDAPS", 636), ("TINC", 655), ("SILC", 706), ("KERBEROS-ADM", 749),
        ("DOMAIN-S", 853), ("RSYNC", 873), ("FTPS-DATA", 989), ("FTPS", 990), ("TELNETS", 992), ("IMAPS", 993),
        ("POP3S", 995), ("KERBEROS4", 750), ("KERBEROS-IV", 750), ("KDC", 750), ("KERBEROS-MASTER", 751),
        ("KRB-PROP", 754), ("KRB_PROP", 754), ("KRB5_PROP", 754), ("HPROP", 754), ("SUPFILESRV", 871),
        ("POPPASSD", 106), ("MOIRA-DB", 775), ("MOIRA_DB", 775), ("MOIRA-UPDATE", 777), ("MOIRA_UPDATE", 777),
        ("SPAMD", 783),
    ])

    static let udp = MnemonicTable([
        ("ECHO", 7), ("DISCARD", 9), ("SINK", 9), ("NULL", 9), ("DAYTIME", 13), ("CHARGEN", 19),
        ("TTYTST", 19), ("SOURCE", 19), ("FSP", 21), ("FSPD", 21), ("TIME", 37), ("TIMSERVER", 37),
        ("TACACS", 49), ("DOMAIN", 53), ("BOOTPS", 67), ("BOOTPC", 68), ("TFTP", 69), ("KERBEROS", 88),
        ("KERBEROS5", 88), ("KRB5", 88), ("KERBEROS-SEC", 88), ("SUNRPC", 111), ("PORTMAPPER", 111),
        ("NTP", 123), ("NETBIOS-NS", 137), ("NETBIOS-DGM", 138), ("SNMP", 161), ("SNMP-TRAP", 162),
        ("SNMPTRAP", 162), ("CMIP-MAN", 163), ("CMIP-AGENT", 164), ("XDMCP", 177), ("IPX", 213),
        ("PTP-EVENT", 319), ("PTP-GENERAL", 320), ("RPC2PORTMAP", 369), ("CODAAUTH2", 370), ("CLEARCASE", 371),
        ("CLEARCASE", 371), ("LDAP", 389), ("SVRLOC", 427), ("HTTPS", 443), ("KPASSWD", 464), ("ISAKMP", 500),
        ("RTSP", 554), ("ASF-RMCP", 623), ("LDP", 646), ("BIFF", 512), ("COMSAT", 512), ("WHO", 513),
        ("WHOD", 513), ("SYSLOG", 514), ("TALK", 517), ("NTALK", 518), ("ROUTE", 520), ("ROUTER", 520),
        ("ROUTED", 520), ("GDOMAP", 538), ("DHCPV6-CLIENT", 546), ("DHCPV6-SERVER", 547), ("LDAPS", 636),
        ("TINC", 655), ("DOMAIN-S", 853), ("KERBEROS4", 750), ("KERBEROS-IV", 750), ("KDC", 750),
        ("KERBEROS-MASTER", 751), ("KERBEROS_MASTER", 751), ("PASSWD-SERVER", 752), ("PASSWD_SERVER", 752),
        ("MOIRA-UREG", 779), ("MOIRA_UREG", 779),
    ])
}
