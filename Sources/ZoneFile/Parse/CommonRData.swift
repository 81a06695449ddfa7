/// The RDATA of the record types most zones are made of — A, AAAA, NS, CNAME, PTR, MX, SRV and
/// TXT, nine records in ten of a large zone — the SOA every zone has (one record in twenty of a
/// small zone), and the CAA and DS records that most of the rest are, read straight from the entry's
/// tokens.
///
/// The general reader (`RDataCodec.encode`) takes a list of fields, each a slice of the file that
/// keeps the file's buffer alive, and goes through the type's format closure field by field; for
/// a million records that bookkeeping costs more than reading the addresses and names. This path
/// reads the same fields with the same primitives (`IPv4.parse`, `NameParser.append`, the decimal
/// and character-string rules of `RDataReader`) and only the plain spelling: anything else — a
/// quoted field where a word belongs, RFC 3597's `\#`, a field too many or too few, any invalid
/// field — is declined and read by the general reader, which gives the diagnostic. Where this path
/// accepts a record, the wire form is the general reader's (checked over every corpus zone by
/// `CommonRDataTests`).
enum CommonRData {
    /// Appends the wire form of `type`'s RDATA, written in the field tokens `fields` of `bytes`, to
    /// `wire`; false, with nothing appended, when the type is not one of the common ones, the RDATA is not
    /// in the plain spelling or is longer than a record can load (`RDataLength`). (The loader writes into
    /// its buffer with `write`; this is its reading for the tests.)
    static func encode(
        _ type: RRType, fields: UnsafeBufferPointer<Token>, in bytes: UnsafeBufferPointer<UInt8>, origin: DomainName,
        into wire: inout [UInt8]
    ) -> Bool {
        let start = wire.count
        wire.append(contentsOf: repeatElement(0, count: room(fields)))
        let end = wire.withUnsafeMutableBufferPointer { out in
            write(type, fields: fields, in: bytes, origin: origin, to: out, at: start)
        }
        wire.removeSubrange((end ?? start)...)
        return end != nil
    }

    /// How many octets `write` may use for RDATA written in `fields`, whatever they say: at most two per
    /// octet of their text (a TXT string of one octet takes two), and the origin of two names (an SOA's;
    /// at most 255 each).
    static func room(_ fields: UnsafeBufferPointer<Token>) -> Int {
        guard let first = fields.first, let last = fields.last else { return 0 }
        return 2 * (last.end - first.start) + 2 * 255 + 90
    }

    /// Writes the wire form of `type`'s RDATA, written in the field tokens `fields` of `bytes`, into `out`
    /// from `start`, and returns where it ends; nil when the type is not one of the common ones, the RDATA
    /// is not in the plain spelling or is longer than a record can load (`RDataLength`), or `out` has less
    /// than `room(fields)` octets from `start` (`out` then holding anything there). Writing through a
    /// pointer, the loader's buffer is checked for sharing once per record rather than at each append.
    static func write(
        _ type: RRType, fields: UnsafeBufferPointer<Token>, in bytes: UnsafeBufferPointer<UInt8>, origin: DomainName,
        to out: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int? {
        guard let base = out.baseAddress, start >= 0, out.count - start >= room(fields),
            let end = writePlain(type, fields: fields, in: bytes, origin: origin, to: base, at: start),
            end - start <= RDataLength.maxLoadable
        else { return nil }
        return end
    }

    private static func writePlain(
        _ type: RRType, fields: UnsafeBufferPointer<Token>, in bytes: UnsafeBufferPointer<UInt8>, origin: DomainName,
        to out: UnsafeMutablePointer<UInt8>, at start: Int
    ) -> Int? {
        guard let first = fields.first else { return nil }
        // RFC 3597's `\#` is the general reader's, for every type.
        if first.end - first.start == 2, bytes[first.start] == 0x5C, bytes[first.start + 1] == 0x23 { return nil }
        switch type {
        case .a:
            guard fields.count == 1, first.kind == .word, let address = IPv4.address(text(first, bytes)) else {
                return nil
            }
            UnsafeMutableRawPointer(out + start).storeBytes(of: address.bigEndian, as: UInt32.self)
            return start + 4
        case .aaaa:
            guard fields.count == 1, first.kind == .word, IPv6.write(text(first, bytes), to: out + start) else {
                return nil
            }
            return start + 16
        case .ns, .cname, .ptr:
            guard fields.count == 1 else { return nil }
            return name(first, bytes, origin, out, start)
        case .mx:
            guard fields.count == 2, let next = uint16(first, bytes, out, start) else { return nil }
            return name(fields[fields.startIndex + 1], bytes, origin, out, next)
        case .srv:
            guard fields.count == 4 else { return nil }
            let index = fields.startIndex
            guard let priority = uint16(first, bytes, out, start),
                let weight = uint16(fields[index + 1], bytes, out, priority),
                let port = uint16(fields[index + 2], bytes, out, weight)
            else { return nil }
            return name(fields[index + 3], bytes, origin, out, port)
        case .txt:
            var at = start
            for field in fields {
                guard let next = characterString(field, bytes, out, at) else { return nil }
                at = next
            }
            return at
        case .soa:
            // MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM; the last four are periods, `2h` as well as 7200.
            guard fields.count == 7 else { return nil }
            let index = fields.startIndex
            guard let mailbox = name(first, bytes, origin, out, start),
                let serial = name(fields[index + 1], bytes, origin, out, mailbox),
                let refresh = uint32(fields[index + 2], bytes, out, serial)
            else { return nil }
            var at = refresh
            for field in fields[(index + 3)...] {
                guard let next = period(field, bytes, out, at) else { return nil }
                at = next
            }
            return at
        case .caa:
            // FLAGS TAG VALUE (RFC 8659 §4.1.1): a tag of letters and digits, the value's escapes decoded.
            guard fields.count == 3, let flags = uint8(first, bytes, out, start) else { return nil }
            let tag = fields[fields.startIndex + 1]
            let length = tag.end - tag.start
            guard tag.kind == .word, length <= 255 else { return nil }
            for index in tag.start..<tag.end {
                let byte = bytes[index]
                let letter = (byte | 0x20) &- 0x61
                guard byte &- 0x30 < 10 || letter < 26 else { return nil }
            }
            out[flags] = UInt8(length)
            if let source = text(tag, bytes).baseAddress { (out + flags + 1).update(from: source, count: length) }
            return decoded(fields[fields.startIndex + 2], bytes, out, flags + 1 + length)
        case .ds:
            // KEY-TAG ALGORITHM DIGEST-TYPE DIGEST (RFC 4034 §5.3), the numbers plain (no mnemonic), the digest
            // hexadecimal over one or more fields and as long as its type says, when the type is known.
            guard fields.count >= 4, let tag = uint16(first, bytes, out, start),
                let algorithm = uint8(fields[fields.startIndex + 1], bytes, out, tag),
                let digestType = uint8(fields[fields.startIndex + 2], bytes, out, algorithm)
            else { return nil }
            var at = digestType
            var high: UInt8 = 0
            var half = false
            for field in fields[(fields.startIndex + 3)...] {
                guard field.kind == .word else { return nil }
                for index in field.start..<field.end {
                    guard let nibble = Hex.value(bytes[index]) else { return nil }
                    if half {
                        out[at] = high << 4 | nibble
                        at += 1
                    } else {
                        high = nibble
                    }
                    half.toggle()
                }
            }
            guard !half, at > digestType else { return nil }
            if let expected = DNSSECMnemonics.digestLength(out[digestType - 1]), expected.length != at - digestType {
                return nil
            }
            return at
        default:
            return nil
        }
    }

    /// The text of `token`.
    @inline(__always)
    private static func text(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
    }

    /// A domain name from an unquoted field without escapes, relative names completed with `origin`.
    @inline(__always)
    private static func name(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ origin: DomainName, _ out: UnsafeMutablePointer<UInt8>,
        _ at: Int
    ) -> Int? {
        guard token.kind == .word, let length = try? NameParser.write(text(token, bytes), origin: origin, to: out + at)
        else { return nil }
        return at + length
    }

    /// An unquoted decimal of at most `digits` digits and at most `max` (leading zeros allowed, as
    /// `RDataReader.decimal` allows them).
    @inline(__always)
    private static func decimal(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, digits: Int, max: Int) -> Int? {
        guard token.kind == .word, token.end > token.start, token.end - token.start <= digits else { return nil }
        var value = 0
        for index in token.start..<token.end {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value <= max ? value : nil
    }

    /// An unquoted decimal of at most 65535, written in two octets.
    @inline(__always)
    private static func uint16(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>, _ at: Int
    ) -> Int? {
        guard let value = decimal(token, bytes, digits: 5, max: 65535) else { return nil }
        out[at] = UInt8(value >> 8)
        out[at + 1] = UInt8(value & 0xFF)
        return at + 2
    }

    /// An unquoted decimal of at most 255 (leading zeros allowed, as `RDataReader.decimal` allows them).
    @inline(__always)
    private static func uint8(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>, _ at: Int
    ) -> Int? {
        guard token.kind == .word, token.end > token.start, token.end - token.start <= 3 else { return nil }
        var value = 0
        for index in token.start..<token.end {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        guard value <= 255 else { return nil }
        out[at] = UInt8(value)
        return at + 1
    }

    /// An unquoted decimal of at most 2^32 − 1, written in four octets.
    @inline(__always)
    private static func uint32(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>, _ at: Int
    ) -> Int? {
        guard let value = decimal(token, bytes, digits: 10, max: Int(UInt32.max)) else { return nil }
        UnsafeMutableRawPointer(out + at).storeBytes(of: UInt32(value).bigEndian, as: UInt32.self)
        return at + 4
    }

    /// An unquoted period, `7200` or `2h` (`TTLParser`, as the general reader reads a period field).
    @inline(__always)
    private static func period(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>, _ at: Int
    ) -> Int? {
        guard token.kind == .word, case .success(let value) = TTLParser.parse(text(token, bytes)) else { return nil }
        UnsafeMutableRawPointer(out + at).storeBytes(of: value.bigEndian, as: UInt32.self)
        return at + 4
    }

    /// A field's text, quoted or not, escapes decoded, with no length octet (a CAA value).
    @inline(__always)
    private static func decoded(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>, _ at: Int
    ) -> Int? {
        let text = text(token, bytes)
        guard text.contains(0x5C) else {
            if let source = text.baseAddress { (out + at).update(from: source, count: text.count) }
            return at + text.count
        }
        let decoded = CharacterString.decodeEscapes(
            text, to: UnsafeMutableBufferPointer(start: out + at, count: text.count))
        guard decoded.error == nil else { return nil }
        return at + decoded.count
    }

    /// One character-string, quoted or not, escapes decoded; at most 255 octets.
    @inline(__always)
    private static func characterString(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>, _ at: Int
    ) -> Int? {
        let text = text(token, bytes)
        let length: Int
        if text.contains(0x5C) {
            let decoded = CharacterString.decodeEscapes(
                text, to: UnsafeMutableBufferPointer(start: out + at + 1, count: text.count))
            guard decoded.error == nil else { return nil }
            length = decoded.count
        } else {
            if let source = text.baseAddress { (out + at + 1).update(from: source, count: text.count) }
            length = text.count
        }
        guard length <= 255 else { return nil }
        out[at] = UInt8(length)
        return at + 1 + length
    }
}
