/// Building blocks shared by the type formats: mnemonic tables, chunked
/// hex/base64 printing, type bitmaps, base32hex, DNSSEC timestamps.

/// A small case-insensitive table of mnemonics (`RSASHA256` → 8), looked up from raw bytes without building Strings.
struct MnemonicTable: Sendable {
    let entries: [(name: [UInt8], value: UInt64)]
    let names: [UInt64: String]

    init(_ pairs: [(String, UInt64)], printed: Set<UInt64>? = nil) {
        entries = pairs.map { (Array($0.0.utf8), $0.1) }
        var names: [UInt64: String] = [:]
        for (name, value) in pairs where names[value] == nil && (printed?.contains(value) ?? true) {
            names[value] = name
        }
        self.names = names
    }

    /// The value for a mnemonic, compared ASCII case-insensitively.
    func value(of bytes: ArraySlice<UInt8>) -> UInt64? {
        outer: for entry in entries where entry.name.count == bytes.count {
            var i = bytes.startIndex
            for expected in entry.name {
                var byte = bytes[i]
                if byte >= 0x61, byte <= 0x7A { byte -= 0x20 }
                if byte != expected { continue outer }
                i += 1
            }
            return entry.value
        }
        return nil
    }

    /// The mnemonic for printing, or the number.
    func text(_ value: UInt64) -> String {
        names[value] ?? String(value)
    }
}

/// DNSSEC mnemonics as BIND reads and prints them.
enum DNSSECMnemonics {
    /// DNS Security Algorithm Numbers (RFC 4034 App. A.1 and the IANA registry), BIND's spellings.
    static let algorithms = MnemonicTable([
        ("RSAMD5", 1), ("DH", 2), ("DSA", 3), ("RSASHA1", 5), ("NSEC3DSA", 6), ("NSEC3RSASHA1", 7),
        ("RSASHA256", 8), ("RSASHA512", 10), ("ECCGOST", 12), ("ECDSAP256SHA256", 13), ("ECDSAP384SHA384", 14),
        ("ED25519", 15), ("ED448", 16), ("INDIRECT", 252), ("PRIVATEDNS", 253), ("PRIVATEOID", 254),
    ])

    /// DS digest types (RFC 4034 App. A.2, RFC 4509, RFC 5933, RFC 6605).
    static let digestTypes = MnemonicTable([
        ("SHA-1", 1), ("SHA1", 1), ("SHA-256", 2), ("SHA256", 2), ("GOST", 3), ("SHA-384", 4), ("SHA384", 4),
    ])

    /// Digest lengths BIND checks for DS-like records, by digest type.
    static func digestLength(_ type: UInt8) -> (name: String, length: Int)? {
        switch type {
        case 1: ("SHA-1", 20)
        case 2: ("SHA-256", 32)
        case 4: ("SHA-384", 48)
        default: nil
        }
    }

    /// KEY/DNSKEY protocol values (RFC 2535 §3.1.3).
    static let protocols = MnemonicTable([
        ("NONE", 0), ("TLS", 1), ("EMAIL", 2), ("DNSSEC", 3), ("IPSEC", 4), ("ALL", 255),
    ])

    /// KEY/DNSKEY flag names (RFC 2535 §3.1.2, RFC 4034 §2.1.1), combinable with `|` as BIND allows.
    static let keyFlags = MnemonicTable(
        {
            var pairs: [(String, UInt64)] = [
                ("NOCONF", 0x4000), ("NOAUTH", 0x8000), ("NOKEY", 0xC000), ("FLAG2", 0x2000), ("EXTEND", 0x1000),
                ("FLAG4", 0x0800), ("FLAG5", 0x0400), ("USER", 0x0000), ("ZONE", 0x0100), ("HOST", 0x0200),
                ("NTYP3", 0x0300), ("FLAG8", 0x0080), ("FLAG9", 0x0040), ("FLAG10", 0x0020), ("FLAG11", 0x0010),
                ("KSK", 0x0001),
            ]
            for bit in 0..<16 { pairs.append(("SIG\(bit)", UInt64(bit))) }
            return pairs
        }())

    /// CERT certificate types (RFC 4398 §2.1).
    static let certificateTypes = MnemonicTable([
        ("PKIX", 1), ("SPKI", 2), ("PGP", 3), ("IPKIX", 4), ("ISPKI", 5), ("IPGP", 6), ("ACPKIX", 7),
        ("IACPKIX", 8), ("URI", 253), ("OID", 254),
    ])
}

extension RDataReader {
    /// A number or, when the field does not start with a digit, a mnemonic from `table`.
    mutating func numberOrMnemonic(_ what: String, max: UInt64, table: MnemonicTable) throws(RDataError) -> UInt64 {
        let field = try word(what)
        if let first = field.bytes.first, first >= 0x30, first <= 0x39 {
            return try decimal(field, what, max: max)
        }
        guard let value = table.value(of: field.bytes), value <= max else {
            throw error("bad \(what) '\(field.text)': not a number or a known mnemonic")
        }
        return value
    }

    /// A DNSSEC algorithm (RFC 4034 App. A.1): 0-255 or a mnemonic such as `RSASHA256`.
    mutating func algorithm(_ what: String) throws(RDataError) {
        wire.append(UInt8(try numberOrMnemonic(what, max: 255, table: DNSSECMnemonics.algorithms)))
    }

    /// Hexadecimal in one field (NSEC3 salt, HIP HIT); returns the octets appended.
    @discardableResult
    mutating func hexField(_ field: RDataField, _ what: String) throws(RDataError) -> Int {
        guard field.bytes.count % 2 == 0 else {
            throw error("bad \(what) '\(field.text)': odd number of hexadecimal digits")
        }
        var i = field.bytes.startIndex
        let start = wire.count
        while i < field.bytes.endIndex {
            guard let high = Hex.value(field.bytes[i]), let low = Hex.value(field.bytes[i + 1]) else {
                wire.removeSubrange(start...)
                throw error("bad \(what) '\(field.text)': not valid hexadecimal")
            }
            wire.append(high << 4 | low)
            i += 2
        }
        return wire.count - start
    }

    /// A type bitmap (RFC 4034 §4.1.2): the remaining fields as type mnemonics or `TYPEnnn`,
    /// sorted, duplicates merged, written as window blocks.
    mutating func typeBitmap(_ what: String, allowEmpty: Bool) throws(RDataError) {
        var types: [UInt16] = []
        types.reserveCapacity(remaining)
        while !isAtEnd {
            let field = try word("type")
            guard let type = RRType.parse(field.bytes) else {
                throw error("bad \(what) type '\(field.text)': not a known type mnemonic or TYPEnnn")
            }
            types.append(type.rawValue)
        }
        if types.isEmpty, !allowEmpty {
            throw RDataError("missing \(what) types: the type bitmap may not be empty", field: nil)
        }
        TypeBitmap.append(types, to: &wire)
    }
}

/// RFC 4034 §4.1.2 type bitmaps.
enum TypeBitmap {
    static func append(_ types: [UInt16], to wire: inout [UInt8]) {
        let sorted = types.sorted()
        var index = 0
        while index < sorted.count {
            let window = UInt8(sorted[index] >> 8)
            var bits = [UInt8](repeating: 0, count: 32)
            var used = 0
            while index < sorted.count, UInt8(sorted[index] >> 8) == window {
                let low = Int(sorted[index] & 0xFF)
                bits[low >> 3] |= 0x80 >> UInt8(low & 7)
                used = (low >> 3) + 1
                index += 1
            }
            wire.append(window)
            wire.append(UInt8(used))
            wire.append(contentsOf: bits[0..<used])
        }
    }

    /// The types in a bitmap, mnemonics separated by spaces; throws when the windows are malformed.
    static func present(_ reader: inout WireReader) throws(RDataError) -> [String] {
        var names: [String] = []
        var lastWindow = -1
        while !reader.isAtEnd {
            let window = Int(try reader.uint8())
            let length = Int(try reader.uint8())
            guard window > lastWindow, length >= 1, length <= 32 else { throw RDataError("bad type bitmap") }
            lastWindow = window
            let bits = try reader.take(length)
            guard bits.last != 0 else { throw RDataError("bad type bitmap") }
            for (offset, byte) in bits.enumerated() where byte != 0 {
                for bit in 0..<8 where byte & (0x80 >> UInt8(bit)) != 0 {
                    names.append(RRType(UInt16(window << 8 | offset << 3 | bit)).mnemonic)
                }
            }
        }
        return names
    }
}

/// Printing helpers that follow BIND's `-s full` text.
enum Presentation {
    /// BIND breaks long base64 and hex runs into 56-character chunks separated by a space.
    static func chunked(_ text: String, width: Int = 56) -> String {
        guard text.utf8.count > width else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + text.utf8.count / width)
        var count = 0
        for character in text.unicodeScalars {
            if count == width {
                result.append(" ")
                count = 0
            }
            result.unicodeScalars.append(character)
            count += 1
        }
        return result
    }

    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        chunked(Hex.encode(bytes))
    }

    static func base64(_ bytes: ArraySlice<UInt8>) -> String {
        chunked(Base64.encode(Array(bytes)))
    }
}

/// Base32 with the "Extended Hex" alphabet (RFC 4648 §7), unpadded, as NSEC3 owner hashes use it.
enum Base32Hex {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)

    static func value(_ byte: UInt8) -> UInt8? { Hex.digit(byte, radix: 32) }

    /// Decodes unpadded base32hex; nil for padding, a bad digit, an impossible length or non-zero trailing bits.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        switch text.count % 8 {
        case 1, 3, 6: return nil
        default: break
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text {
            guard let digit = value(byte) else { return nil }
            buffer = buffer << 5 | UInt32(digit)
            bits += 5
            if bits >= 8 {
                bits -= 8
                result.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        guard buffer == 0 else { return nil }
        return result
    }

    static func encode(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// RRSIG/SIG timestamps (RFC 4034 §3.2): `YYYYMMDDHHmmSS` in UTC, or seconds since the epoch;
/// serial arithmetic (RFC 1982) folds dates beyond 2106 into 32 bits, as BIND does.
enum DNSSECTime {
    enum Failure: Error { case syntax, range }

    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<UInt32, Failure> {
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .failure(.syntax) }
        if bytes.count == 14 {
            func number(_ offset: Int, _ length: Int) -> Int {
                var value = 0
                for i in 0..<length { value = value * 10 + Int(bytes[bytes.startIndex + offset + i] - 0x30) }
                return value
            }
            let year = number(0, 4)
            let month = number(4, 2)
            let day = number(6, 2)
            let hour = number(8, 2)
            let minute = number(10, 2)
            let second = number(12, 2)
            guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year),
                hour <= 23, minute <= 59, second <= 60
            else { return .failure(.range) }
            let seconds =
                Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400
                + Int64(hour * 3600 + minute * 60 + second)
            return .success(UInt32(truncatingIfNeeded: seconds))
        }
        guard bytes.count <= 10 else { return .failure(.syntax) }
        var value: UInt64 = 0
        for byte in bytes { value = value * 10 + UInt64(byte - 0x30) }
        guard value <= UInt64(UInt32.max) else { return .failure(.range) }
        return .success(UInt32(value))
    }

    /// `YYYYMMDDHHmmSS` for a 32-bit timestamp read as unsigned seconds since 1970 (1970–2106).
    static func format(_ value: UInt32) -> String {
        let seconds = Int64(value)
        let days = Int(seconds / 86_400)
        let rest = Int(seconds % 86_400)
        let (year, month, day) = CivilDate.date(fromDays: days)
        var text = String(year)
        for part in [month, day, rest / 3600, rest / 60 % 60, rest % 60] {
            if part < 10 { text.append("0") }
            text.append(String(part))
        }
        return text
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
