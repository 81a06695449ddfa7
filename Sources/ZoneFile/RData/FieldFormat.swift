/// The presentation format of a type made of plain fields (names, numbers, addresses,
/// character-strings), read and printed field by field from its layout: NS, MX, SOA, TXT, SRV,
/// A, AAAA and the other types whose RDATA the table describes completely.
enum FieldFormat {
    static func make(_ type: RRType, _ fields: [RDataFieldLayout]) -> RDataFormat {
        let mnemonic = type.mnemonic
        return RDataFormat(
            encode: { (reader: inout RDataReader) throws(RDataError) in
                for field in fields { try encode(field, mnemonic: mnemonic, &reader) }
            },
            present: { (reader: inout WireReader) throws(RDataError) in try present(fields, &reader) })
    }

    /// Prints wire RDATA field by field; a type with its own checks on wire data (DS digest lengths,
    /// KEY's NOKEY flags) makes them first and prints through here.
    static func present(_ fields: [RDataFieldLayout], _ reader: inout WireReader) throws(RDataError) -> String {
        var parts: [String] = []
        parts.reserveCapacity(fields.count)
        for field in fields {
            if field.kind == .optionalCharacterString, reader.isAtEnd { break }
            parts.append(try present(field, &reader))
        }
        return parts.joined(separator: " ")
    }

    private static func encode(
        _ field: RDataFieldLayout, mnemonic: String, _ reader: inout RDataReader
    ) throws(RDataError) {
        switch field.kind {
        case .uint8: try reader.uint8(field.label)
        case .uint16: try reader.uint16(field.label)
        case .uint32: try reader.uint32(field.label)
        case .period:
            let text = try reader.next(field.label)
            switch TTLParser.parse(text.bytes) {
            case .success(let value): reader.appendUInt32(value)
            case .failure: throw reader.error("bad \(mnemonic) \(field.label) '\(text.text)'")
            }
        case .ipv4:
            let text = try reader.next(field.label)
            guard IPv4.parse(text.bytes, into: &reader.wire) else {
                throw reader.error("bad \(field.label) '\(text.text)'")
            }
        case .ipv6:
            let text = try reader.next(field.label)
            guard IPv6.parse(text.bytes, into: &reader.wire) else {
                throw reader.error("bad \(field.label) '\(text.text)'")
            }
        case .name: try reader.name(field.label)
        case .characterString: try reader.characterString(field.label)
        case .optionalCharacterString:
            if !reader.isAtEnd { try reader.characterString(field.label) }
        case .characterStrings:
            guard !reader.isAtEnd else { throw RDataError("missing text: TXT needs at least one string") }
            while !reader.isAtEnd { try reader.characterString(field.label) }
        case .hex: try reader.hexRest(field.label)
        case .base64: try reader.base64Rest(field.label)
        case .opaque:
            // A layout with an opaque part comes with the type's own format; never made from fields.
            throw RDataError("\(mnemonic) RDATA has no field-by-field presentation")
        }
    }

    private static func present(_ field: RDataFieldLayout, _ reader: inout WireReader) throws(RDataError) -> String {
        switch field.kind {
        case .uint8: String(try reader.uint8())
        case .uint16: String(try reader.uint16())
        case .uint32, .period: String(try reader.uint32())
        case .ipv4: IPv4.format(try reader.take(4))
        case .ipv6: IPv6.format(try reader.take(16))
        case .name: try reader.name()
        case .characterString, .optionalCharacterString: try reader.characterString()
        case .characterStrings: try presentStrings(&reader)
        case .hex: Presentation.hex(try nonEmptyRest(field, &reader))
        case .base64: Presentation.base64(try nonEmptyRest(field, &reader))
        case .opaque: throw RDataError("opaque RDATA has no field-by-field presentation")
        }
    }

    /// The rest of the RDATA, which a hex or base64 field needs at least one octet of.
    private static func nonEmptyRest(_ field: RDataFieldLayout, _ reader: inout WireReader) throws(RDataError)
        -> ArraySlice<UInt8>
    {
        let rest = reader.rest()
        guard !rest.isEmpty else { throw RDataError("empty \(field.label)") }
        return rest
    }

    private static func presentStrings(_ reader: inout WireReader) throws(RDataError) -> String {
        guard !reader.isAtEnd else { throw RDataError("TXT RDATA needs at least one string") }
        var parts: [String] = []
        while !reader.isAtEnd { parts.append(try reader.characterString()) }
        return parts.joined(separator: " ")
    }
}
