/// Converts RDATA between presentation form and wire form, per type.
///
/// Presentation → wire validates a record (every field checked the way BIND
/// checks it) and gives a spelling-independent form for comparing records; wire →
/// presentation prints records canonically (`zone dump`). Types without a known
/// format are kept and compared in their generic form (RFC 3597).
package enum RDataCodec {
    /// Encodes the presentation fields of an RDATA of `type` into wire form, appended to `wire`.
    /// Names are completed with `origin`. Throws for any field that is not valid for the type.
    package static func encode(
        _ type: RRType, fields: [RDataField], origin: DomainName,
        into wire: inout [UInt8]
    ) throws(RDataError) {
        var reader = RDataReader(fields: fields, origin: origin, wire: [])
        swap(&reader.wire, &wire)
        defer { swap(&reader.wire, &wire) }
        guard let format = RRTypeTable.description(for: type)?.format else {
            throw RDataError(
                "type \(type) has no presentation format known here; write its RDATA as '\\# LENGTH HEX' (RFC 3597)",
                field: fields.isEmpty ? nil : 0)
        }
        try format.encode(&reader)
        try reader.finish()
    }

    /// Checks wire RDATA of a known type (as read from `\#` generic RDATA, RFC 3597 §5) the way BIND does
    /// when it converts generic RDATA of a known type: it must decode as that type. Unknown types always pass.
    package static func validate(_ type: RRType, wire: [UInt8]) throws(RDataError) {
        guard let format = RRTypeTable.description(for: type)?.format else { return }
        var reader = WireReader(wire[...])
        do {
            _ = try format.present(&reader)
        } catch {
            throw RDataError("generic RDATA is not valid \(type) RDATA: \(error.message)")
        }
        guard reader.isAtEnd else {
            throw RDataError("generic RDATA is not valid \(type) RDATA: \(reader.remainingCount) octets left over")
        }
    }

    /// True when `type` has a presentation format known here (otherwise only `\#` is accepted).
    package static func isKnown(_ type: RRType) -> Bool {
        RRTypeTable.description(for: type)?.format != nil
    }

    /// Prints wire RDATA in canonical presentation form; generic `\# LEN HEX` when the type is unknown
    /// or the wire data does not decode.
    package static func present(_ type: RRType, wire: [UInt8]) -> String {
        if let format = RRTypeTable.description(for: type)?.format {
            var reader = WireReader(wire[...])
            if let text = try? format.present(&reader), reader.isAtEnd {
                return text
            }
        }
        return generic(wire)
    }

    /// The RFC 3597 generic form: `\# 4 C0000201`, `\# 0`.
    package static func generic(_ wire: [UInt8]) -> String {
        wire.isEmpty ? "\\# 0" : "\\# \(wire.count) \(Hex.encode(wire))"
    }

    /// Whether names embedded in this type's RDATA are lower-cased in canonical form (RFC 4034 §6.2, RFC 6840 §5.1).
    package static func lowercasesNames(_ type: RRType) -> Bool {
        let code = Int(type.rawValue)
        return code < lowercasingCodes.count
            ? lowercasingCodes[code] : RRTypeTable.description(for: type)?.lowercasesNames ?? false
    }

    /// `lowercasesNames` of the codes below 512, read from the type table once. The duplicate check asks it
    /// of every record of a zone; a flag per code spares it a type description (a class instance, retained
    /// and released each time).
    private static let lowercasingCodes: [Bool] = (0..<512).map {
        RRTypeTable.description(for: RRType(rawValue: UInt16($0)))?.lowercasesNames ?? false
    }

    /// Reads RFC 3597 generic RDATA (`\#` already consumed): a decimal length and hex fields.
    static func encodeGeneric(_ fields: ArraySlice<RDataField>, into wire: inout [UInt8]) throws(RDataError) {
        guard let lengthField = fields.first else { throw RDataError("'\\#' needs a length", field: 0) }
        let lengthIndex = fields.startIndex
        guard let length = Int(String(decoding: lengthField.bytes, as: UTF8.self)), length >= 0, length <= 65535 else {
            throw RDataError("bad generic RDATA length '\(lengthField.text)'", field: lengthIndex)
        }
        var hex: [UInt8] = []
        for field in fields.dropFirst() { hex.append(contentsOf: field.bytes) }
        guard let data = Hex.decode(hex[...]) else {
            throw RDataError("bad generic RDATA: not valid hexadecimal", field: lengthIndex + 1)
        }
        guard data.count == length else {
            throw RDataError(
                "generic RDATA length \(length) does not match the \(data.count) octets given",
                field: lengthIndex)
        }
        wire.append(contentsOf: data)
    }
}

/// A type's presentation format: how to read it into wire form and print it back.
package struct RDataFormat: Sendable {
    package var encode: @Sendable (inout RDataReader) throws(RDataError) -> Void
    package var present: @Sendable (inout WireReader) throws(RDataError) -> String
    package init(
        encode: @escaping @Sendable (inout RDataReader) throws(RDataError) -> Void,
        present: @escaping @Sendable (inout WireReader) throws(RDataError) -> String
    ) {
        self.encode = encode
        self.present = present
    }
}

/// Reads wire RDATA field by field for printing.
package struct WireReader {
    package let bytes: ArraySlice<UInt8>
    package private(set) var position: Int

    package init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    package var isAtEnd: Bool { position >= bytes.endIndex }
    package var remainingCount: Int { bytes.endIndex - position }

    static let truncated = RDataError("truncated RDATA")

    package mutating func uint8() throws(RDataError) -> UInt8 {
        guard position < bytes.endIndex else { throw WireReader.truncated }
        defer { position += 1 }
        return bytes[position]
    }

    package mutating func uint16() throws(RDataError) -> UInt16 {
        let high = try uint8()
        return UInt16(high) << 8 | UInt16(try uint8())
    }

    package mutating func uint32() throws(RDataError) -> UInt32 {
        let high = try uint16()
        return UInt32(high) << 16 | UInt32(try uint16())
    }

    package mutating func take(_ count: Int) throws(RDataError) -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= bytes.endIndex else { throw WireReader.truncated }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    package mutating func rest() -> ArraySlice<UInt8> {
        defer { position = bytes.endIndex }
        return bytes[position...]
    }

    /// An uncompressed name, printed absolute.
    package mutating func name() throws(RDataError) -> String {
        let start = position
        while true {
            let length = Int(try uint8())
            if length == 0 { break }
            guard length <= 63 else { throw RDataError("bad label length in RDATA") }
            _ = try take(length)
        }
        guard position - start <= 255 else { throw RDataError("name too long in RDATA") }
        return NamePrinter.presentation(bytes[start..<position])
    }

    /// A character-string, printed quoted with `"` and `\` escaped and non-printable octets as `\DDD`.
    package mutating func characterString() throws(RDataError) -> String {
        let length = Int(try uint8())
        return CharacterString.quoted(try take(length))
    }
}
