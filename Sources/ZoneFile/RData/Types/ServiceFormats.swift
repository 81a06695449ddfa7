/// Service and mail-routing types whose presentation is more than their fields: NAPTR (regexp
/// checks), URI, CAA, X25, NSAP. SRV, HINFO, RP, AFSDB, RT, KX, PX, MINFO, ISDN, GPOS and NSAP-PTR
/// are read and printed from their fields in `RRTypeTable`.
enum ServiceFormats {
    /// X25 (RFC 1183 §3.1): a PSDN address of at least four decimal digits, as BIND requires.
    static let x25 = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let field = try reader.next("X25 PSDN address")
            let start = reader.wire.count
            try reader.appendCharacterString(field)
            let digits = reader.wire[(start + 1)...]
            guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw reader.error("bad X25 PSDN address '\(field.text)': only decimal digits are allowed")
            }
            guard digits.count >= 4 else {
                throw reader.error("bad X25 PSDN address '\(field.text)': at least 4 digits are needed")
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let length = Int(try reader.uint8())
            let digits = try reader.take(length)
            guard length >= 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw RDataError("bad X25 address")
            }
            return CharacterString.quoted(digits)
        })

    /// NAPTR (RFC 3403 §4.1): order, preference, flags, services, regexp, replacement. The regexp is checked
    /// the way BIND checks it: empty, or `<delim>ere<delim>replacement<delim>[i]` with back-references
    /// not beyond the groups of the expression.
    static let naptr = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint16("NAPTR order")
            try reader.uint16("NAPTR preference")
            try reader.characterString("NAPTR flags")
            try reader.characterString("NAPTR services")
            let field = try reader.next("NAPTR regexp")
            let start = reader.wire.count
            try reader.appendCharacterString(field)
            if let problem = NAPTRRegexp.problem(reader.wire[(start + 1)...]) {
                throw reader.error("bad NAPTR regexp '\(field.text)': \(problem)")
            }
            try reader.name("NAPTR replacement")
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let order = try reader.uint16()
            let preference = try reader.uint16()
            let flags = try reader.characterString()
            let services = try reader.characterString()
            let regexpLength = Int(try reader.uint8())
            let regexpBytes = try reader.take(regexpLength)
            if NAPTRRegexp.problem(regexpBytes) != nil { throw RDataError("bad regexp") }
            let regexp = CharacterString.quoted(regexpBytes)
            return "\(order) \(preference) \(flags) \(services) \(regexp) \(try reader.name())"
        })

    /// URI (RFC 7553 §4.5): priority, weight, and the target as one quoted string (may be empty, not length-prefixed).
    static let uri = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint16("URI priority")
            try reader.uint16("URI weight")
            let field = try reader.next("URI target")
            guard field.quoted else {
                throw reader.error("bad URI target '\(field.text)': the target must be quoted (RFC 7553 §4.5)")
            }
            try reader.appendDecodingEscapes(field)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let priority = try reader.uint16()
            let weight = try reader.uint16()
            return "\(priority) \(weight) \(CharacterString.quoted(reader.rest()))"
        })

    /// CAA (RFC 8659 §4.1.1): flags, a tag of letters and digits, and the value (quoted or not; not length-prefixed).
    static let caa = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint8("CAA flags")
            let tag = try reader.word("CAA tag")
            guard tag.bytes.count <= 255 else {
                throw reader.error("bad CAA tag '\(tag.text)': longer than 255 characters")
            }
            for byte in tag.bytes {
                switch byte {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: continue
                default:
                    throw reader.error(
                        "bad CAA tag '\(tag.text)': only letters and digits are allowed (RFC 8659 §4.1.1)")
                }
            }
            reader.wire.append(UInt8(tag.bytes.count))
            reader.wire.append(contentsOf: tag.bytes)
            let value = try reader.next("CAA value")
            try reader.appendDecodingEscapes(value)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let flags = try reader.uint8()
            let tagLength = Int(try reader.uint8())
            let tag = try reader.take(tagLength)
            guard tagLength > 0,
                tag.allSatisfy({
                    (0x30...0x39).contains($0) || (0x41...0x5A).contains($0)
                        || (0x61...0x7A).contains($0)
                })
            else { throw RDataError("bad CAA tag") }
            return "\(flags) \(String(decoding: tag, as: UTF8.self)) \(CharacterString.quoted(reader.rest()))"
        })

    /// NSAP (RFC 1706 §5): `0x` then an even number of hex digits, dots allowed anywhere for readability.
    static let nsap = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let field = try reader.word("NSAP address")
            let bytes = field.bytes
            guard bytes.count >= 2, bytes[bytes.startIndex] == UInt8(ascii: "0"),
                bytes[bytes.startIndex + 1] | 0x20 == UInt8(ascii: "x")
            else { throw reader.error("bad NSAP address '\(field.text)': must start with 0x") }
            let start = reader.wire.count
            var high: UInt8 = 0
            var half = false
            for byte in bytes.dropFirst(2) where byte != UInt8(ascii: ".") {
                guard let nibble = Hex.value(byte) else {
                    throw reader.error("bad NSAP address '\(field.text)': not valid hexadecimal")
                }
                if half { reader.wire.append(high << 4 | nibble) } else { high = nibble }
                half.toggle()
            }
            guard !half, reader.wire.count > start else {
                throw reader.error("bad NSAP address '\(field.text)': needs a whole number of octets")
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let address = reader.rest()
            guard !address.isEmpty else { throw RDataError("empty NSAP") }
            return "0x" + Hex.encode(address, uppercase: false)
        })
}

/// BIND's check of a NAPTR regexp field (RFC 3403 §4.1 "delim-char ERE delim-char repl delim-char *flags").
enum NAPTRRegexp {
    /// Nil when valid, else what is wrong.
    static func problem(_ text: ArraySlice<UInt8>) -> String? {
        guard let delimiter = text.first else { return nil }
        if (0x30...0x39).contains(delimiter) || delimiter == UInt8(ascii: "\\") || delimiter == 0 {
            return "the delimiter may not be a digit, a backslash or NUL"
        }
        var part = 0  // 0: expression, 1: replacement, 2: flags
        var groups = 0
        var depth = 0
        var maxReference = 0
        var inBracket = false
        var i = text.startIndex + 1
        while i < text.endIndex {
            let byte = text[i]
            if part == 2 {
                guard byte == UInt8(ascii: "i") else { return "unknown flag '\(Character(UnicodeScalar(byte)))'" }
                i += 1
                continue
            }
            if byte == UInt8(ascii: "\\") {
                guard i + 1 < text.endIndex else { return "ends with a lone backslash" }
                let next = text[i + 1]
                if part == 1, next >= 0x31, next <= 0x39 { maxReference = max(maxReference, Int(next - 0x30)) }
                i += 2
                continue
            }
            if byte == delimiter, !(part == 0 && inBracket) {
                part += 1
                i += 1
                continue
            }
            if part == 0 {
                if inBracket {
                    if byte == UInt8(ascii: "]") { inBracket = false }
                } else if byte == UInt8(ascii: "[") {
                    inBracket = true
                    // A ']' right after '[' or '[^' is a literal member.
                    if i + 1 < text.endIndex, text[i + 1] == UInt8(ascii: "^") { i += 1 }
                    if i + 1 < text.endIndex, text[i + 1] == UInt8(ascii: "]") { i += 1 }
                } else if byte == UInt8(ascii: "(") {
                    groups += 1
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    guard depth > 0 else { return "unbalanced ')' in the expression" }
                    depth -= 1
                }
            }
            i += 1
        }
        guard part == 2 else {
            return
                "needs three delimiters ('\(Character(UnicodeScalar(delimiter)))ERE\(Character(UnicodeScalar(delimiter)))replacement\(Character(UnicodeScalar(delimiter)))')"
        }
        if inBracket { return "unclosed '[' in the expression" }
        if depth > 0 { return "unbalanced '(' in the expression" }
        if maxReference > groups { return "back-reference \\\(maxReference) but the expression has \(groups) group(s)" }
        return nil
    }
}
