#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads presentation fields of one record in order and appends their wire form.
///
/// Each type's format is a short sequence of calls on this reader
/// (`try reader.uint16(); try reader.name()`), so the type files stay declarative
/// and every field error carries the field's index for the diagnostic's column.
package struct RDataReader {
    package let fields: [RDataField]
    package private(set) var index: Int = 0
    package let origin: DomainName
    package var wire: [UInt8]

    package init(fields: [RDataField], origin: DomainName, wire: [UInt8] = []) {
        self.fields = fields
        self.origin = origin
        self.wire = wire
    }

    package var isAtEnd: Bool { index >= fields.count }
    package var remaining: Int { fields.count - index }

    /// The next field, or an error naming what was expected.
    package mutating func next(_ expected: String) throws(RDataError) -> RDataField {
        guard index < fields.count else { throw RDataError("missing \(expected)", field: nil) }
        defer { index += 1 }
        return fields[index]
    }

    /// Error for the field just read.
    package func error(_ message: String) -> RDataError {
        RDataError(message, field: max(0, index - 1))
    }

    /// Fails when fields are left over.
    package func finish() throws(RDataError) {
        if index < fields.count {
            throw RDataError("unexpected '\(fields[index].text)' after the RDATA", field: index)
        }
    }

    /// A domain name, relative names completed with the origin; stored uncompressed.
    package mutating func name(_ what: String = "domain name") throws(RDataError) {
        let field = try word(what)
        do {
            try NameParser.append(field.bytes, origin: origin, to: &wire)
        } catch {
            throw self.error("bad \(what) '\(field.text)': \(error)")
        }
    }

    /// An unsigned decimal integer of at most `max`.
    package mutating func integer(_ what: String, max: UInt64) throws(RDataError) -> UInt64 {
        let field = try word(what)
        return try decimal(field, what, max: max)
    }

    /// Reads `field` (already taken) as an unsigned decimal of at most `max`; errors point at the field just read.
    package func decimal(_ field: RDataField, _ what: String, max: UInt64) throws(RDataError) -> UInt64 {
        guard !field.bytes.isEmpty else { throw error("bad \(what) '': not a number") }
        var value: UInt64 = 0
        var overflow = false
        for byte in field.bytes {
            guard byte >= 0x30, byte <= 0x39 else { throw error("bad \(what) '\(field.text)': not a number") }
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(UInt64(byte - 0x30))
            if overflow1 || overflow2 { overflow = true }
            value = sum
        }
        guard !overflow, value <= max else { throw error("bad \(what) '\(field.text)': out of range (0-\(max))") }
        return value
    }

    /// The next field, which must not be quoted (BIND takes a quoted string only where text is expected).
    package mutating func word(_ what: String) throws(RDataError) -> RDataField {
        let field = try next(what)
        if field.quoted {
            throw error("bad \(what) '\"\(field.text)\"': a quoted string is not allowed here")
        }
        return field
    }

    package mutating func uint8(_ what: String) throws(RDataError) {
        wire.append(UInt8(try integer(what, max: 255)))
    }

    package mutating func uint16(_ what: String) throws(RDataError) {
        appendUInt16(UInt16(try integer(what, max: 65535)))
    }

    package mutating func uint32(_ what: String) throws(RDataError) {
        appendUInt32(UInt32(try integer(what, max: UInt64(UInt32.max))))
    }

    package mutating func appendUInt16(_ value: UInt16) {
        wire.append(UInt8(value >> 8))
        wire.append(UInt8(value & 0xFF))
    }

    package mutating func appendUInt32(_ value: UInt32) {
        wire.append(UInt8(value >> 24))
        wire.append(UInt8((value >> 16) & 0xFF))
        wire.append(UInt8((value >> 8) & 0xFF))
        wire.append(UInt8(value & 0xFF))
    }

    /// One character-string (RFC 1035 §3.3): at most 255 octets after escapes are decoded.
    package mutating func characterString(_ what: String = "character-string") throws(RDataError) {
        let field = try next(what)
        try appendCharacterString(field)
    }

    /// Appends a length-prefixed character-string from a field, decoding `\X` and `\DDD`.
    package mutating func appendCharacterString(_ field: RDataField) throws(RDataError) {
        let lengthIndex = wire.count
        wire.append(0)
        let decoded = try appendDecodingEscapes(field)
        guard decoded <= 255 else {
            wire.removeSubrange(lengthIndex...)
            throw error(
                "character-string is \(decoded) octets long; the limit is 255 (split it into several quoted strings)")
        }
        wire[lengthIndex] = UInt8(decoded)
    }

    /// Appends a field's bytes with escapes decoded; returns how many octets were appended.
    @discardableResult
    package mutating func appendDecodingEscapes(_ field: RDataField) throws(RDataError) -> Int {
        let bytes = field.bytes
        // Most text has no escapes: copy it in one go.
        if !bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { memchr($0, 0x5C, buffer.count) != nil } ?? false
        }) {
            wire.append(contentsOf: bytes)
            return bytes.count
        }
        do {
            return try CharacterString.decodeEscapes(bytes, into: &wire)
        } catch {
            switch error {
            case .loneBackslash:
                throw self.error("'\(field.text)' ends with a lone backslash")
            case .shortDecimal:
                throw self.error("bad escape in '\(field.text)': \\DDD needs three decimal digits")
            case .decimalAbove255(_, let value):
                throw self.error("bad escape in '\(field.text)': \\\(value) is above 255")
            }
        }
    }

    /// The rest of the fields concatenated and decoded as base64 (RFC 4648 §4), whitespace between fields ignored.
    /// Returns the number of octets appended.
    @discardableResult
    package mutating func base64Rest(_ what: String, allowEmpty: Bool = false) throws(RDataError) -> Int {
        var text: [UInt8] = []
        let first = index
        while index < fields.count {
            let field = fields[index]
            if field.quoted {
                throw RDataError("bad \(what) '\"\(field.text)\"': a quoted string is not allowed here", field: index)
            }
            text.append(contentsOf: field.bytes)
            index += 1
        }
        if text.isEmpty {
            if allowEmpty { return 0 }
            throw RDataError("missing \(what)", field: nil)
        }
        guard let decoded = Base64.decode(text) else {
            throw RDataError("bad \(what): not valid base64", field: first)
        }
        wire.append(contentsOf: decoded)
        return decoded.count
    }

    /// The rest of the fields decoded as hexadecimal (RFC 4648 §8) straight into the wire, whitespace
    /// between fields ignored (a digit pair may even be split, as BIND allows). Returns the octets appended.
    @discardableResult
    package mutating func hexRest(_ what: String, allowEmpty: Bool = false) throws(RDataError) -> Int {
        let start = wire.count
        var high: UInt8 = 0
        var half = false
        let first = index
        while index < fields.count {
            let field = fields[index]
            if field.quoted {
                wire.removeSubrange(start...)
                throw RDataError("bad \(what) '\"\(field.text)\"': a quoted string is not allowed here", field: index)
            }
            for byte in field.bytes {
                guard let nibble = Hex.value(byte) else {
                    wire.removeSubrange(start...)
                    throw RDataError("bad \(what) '\(field.text)': not valid hexadecimal", field: index)
                }
                if half {
                    wire.append(high << 4 | nibble)
                } else {
                    high = nibble
                }
                half.toggle()
            }
            index += 1
        }
        if half {
            wire.removeSubrange(start...)
            throw RDataError("bad \(what): odd number of hexadecimal digits", field: first)
        }
        if wire.count == start, !allowEmpty {
            throw RDataError("missing \(what)", field: nil)
        }
        return wire.count - start
    }
}
