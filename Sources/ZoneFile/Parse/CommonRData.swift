/// The RDATA of the record types most zones are made of — A, AAAA, NS, CNAME, PTR, MX, SRV and
/// TXT, nine records in ten of a large zone — read straight from the entry's tokens.
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
    /// `wire`, which holds `start` bytes when called; false when the type is not one of the common ones,
    /// the RDATA is not in the plain spelling or is longer than a record can load (`RDataLength`), `wire`
    /// then holding anything (the caller starts it over).
    static func encode(
        _ type: RRType, fields: UnsafeBufferPointer<Token>, in bytes: UnsafeBufferPointer<UInt8>, origin: DomainName,
        into wire: inout [UInt8], from start: Int = 0
    ) -> Bool {
        encodePlain(type, fields: fields, in: bytes, origin: origin, into: &wire)
            && wire.count - start <= RDataLength.maxLoadable
    }

    private static func encodePlain(
        _ type: RRType, fields: UnsafeBufferPointer<Token>, in bytes: UnsafeBufferPointer<UInt8>, origin: DomainName,
        into wire: inout [UInt8]
    ) -> Bool {
        guard let first = fields.first else { return false }
        // RFC 3597's `\#` is the general reader's, for every type.
        if first.end - first.start == 2, bytes[first.start] == 0x5C, bytes[first.start + 1] == 0x23 { return false }
        switch type {
        case .a:
            guard fields.count == 1, first.kind == .word else { return false }
            return IPv4.parse(UnsafeBufferPointer(rebasing: bytes[first.start..<first.end]), into: &wire)
        case .aaaa:
            guard fields.count == 1, first.kind == .word else { return false }
            return IPv6.parse(UnsafeBufferPointer(rebasing: bytes[first.start..<first.end]), into: &wire)
        case .ns, .cname, .ptr:
            guard fields.count == 1 else { return false }
            return name(first, bytes, origin, &wire)
        case .mx:
            guard fields.count == 2 else { return false }
            return uint16(first, bytes, &wire) && name(fields[fields.startIndex + 1], bytes, origin, &wire)
        case .srv:
            guard fields.count == 4 else { return false }
            let start = fields.startIndex
            return uint16(first, bytes, &wire) && uint16(fields[start + 1], bytes, &wire)
                && uint16(fields[start + 2], bytes, &wire) && name(fields[start + 3], bytes, origin, &wire)
        case .txt:
            for field in fields {
                guard characterString(field, bytes, &wire) else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// A domain name from an unquoted field, relative names completed with `origin`.
    @inline(__always)
    private static func name(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ origin: DomainName, _ wire: inout [UInt8]
    ) -> Bool {
        guard token.kind == .word else { return false }
        do {
            try NameParser.append(
                UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), origin: origin, to: &wire)
            return true
        } catch {
            return false
        }
    }

    /// An unquoted decimal of at most 65535 (leading zeros allowed, as `RDataReader.decimal` allows them).
    @inline(__always)
    private static func uint16(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ wire: inout [UInt8]) -> Bool {
        guard token.kind == .word, token.end > token.start, token.end - token.start <= 5 else { return false }
        var value = 0
        for index in token.start..<token.end {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return false }
            value = value * 10 + Int(byte - 0x30)
        }
        guard value <= 65535 else { return false }
        wire.append(UInt8(value >> 8))
        wire.append(UInt8(value & 0xFF))
        return true
    }

    /// One character-string, quoted or not, escapes decoded; at most 255 octets.
    @inline(__always)
    private static func characterString(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, _ wire: inout [UInt8])
        -> Bool
    {
        let lengthIndex = wire.count
        wire.append(0)
        let text = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
        let length: Int
        if text.contains(0x5C) {
            guard let decoded = try? CharacterString.decodeEscapes(ArraySlice(text), into: &wire) else { return false }
            length = decoded
        } else {
            wire.append(contentsOf: text)
            length = text.count
        }
        guard length <= 255 else { return false }
        wire[lengthIndex] = UInt8(length)
        return true
    }
}
