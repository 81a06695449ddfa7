/// A (RFC 1035 §3.4.1) and AAAA (RFC 3596 §2.4).
enum AddressFormats {
    static let a = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let field = try reader.next("IPv4 address")
            guard let address = IPv4.parse(field.bytes) else {
                throw reader.error("bad IPv4 address '\(field.text)'")
            }
            reader.wire.append(contentsOf: address)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            IPv4.format(try reader.take(4))
        })

    static let aaaa = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let field = try reader.next("IPv6 address")
            guard let address = IPv6.parse(field.bytes) else {
                throw reader.error("bad IPv6 address '\(field.text)'")
            }
            reader.wire.append(contentsOf: address)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            IPv6.format(try reader.take(16))
        })
}

/// Dotted-quad IPv4 addresses, strictly four decimal parts as BIND's inet_pton requires.
public enum IPv4 {
    public static func parse(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(4)
        var value = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, result.count < 3 else { return nil }
                result.append(UInt8(value))
                value = 0
                digits = 0
            } else if byte >= 0x30, byte <= 0x39 {
                if digits > 0, value == 0 { return nil } // no leading zeros
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                guard value <= 255, digits <= 3 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, result.count == 3 else { return nil }
        result.append(UInt8(value))
        return result
    }

    public static func format(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String($0) }.joined(separator: ".")
    }
}

/// IPv6 addresses (RFC 4291 §2.2) with `::` and an embedded dotted quad; printed per RFC 5952.
public enum IPv6 {
    public static func parse(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count >= 2, text.count <= 45 else { return nil }
        var groups: [UInt16] = []
        var gap: Int? = nil
        var i = text.startIndex
        if text[i] == UInt8(ascii: ":") {
            guard text[i + 1] == UInt8(ascii: ":") else { return nil }
            gap = 0
            i += 2
            if i == text.endIndex { return [UInt8](repeating: 0, count: 16) }
        }
        while i < text.endIndex {
            // Embedded IPv4 in the last 32 bits.
            var j = i
            var sawDot = false
            while j < text.endIndex, text[j] != UInt8(ascii: ":") {
                if text[j] == UInt8(ascii: ".") { sawDot = true }
                j += 1
            }
            if sawDot {
                guard j == text.endIndex, let v4 = IPv4.parse(text[i..<j]) else { return nil }
                groups.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                groups.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                i = j
                break
            }
            guard j - i >= 1, j - i <= 4 else { return nil }
            var value: UInt16 = 0
            for k in i..<j {
                guard let digit = Hex.value(text[k]) else { return nil }
                value = value << 4 | UInt16(digit)
            }
            groups.append(value)
            i = j
            if i < text.endIndex {
                i += 1 // the colon
                if i < text.endIndex, text[i] == UInt8(ascii: ":") {
                    guard gap == nil else { return nil }
                    gap = groups.count
                    i += 1
                } else if i == text.endIndex {
                    return nil
                }
            }
        }
        if let gap {
            guard groups.count <= 7 else { return nil }
            let zeros = [UInt16](repeating: 0, count: 8 - groups.count)
            groups.insert(contentsOf: zeros, at: gap)
        }
        guard groups.count == 8 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for group in groups {
            result.append(UInt8(group >> 8))
            result.append(UInt8(group & 0xFF))
        }
        return result
    }

    public static func format(_ bytes: ArraySlice<UInt8>) -> String {
        var groups: [UInt16] = []
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            groups.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        // Longest run of two or more zero groups becomes "::" (RFC 5952 §4.2).
        var bestStart = -1, bestLength = 0, runStart = -1
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if runStart < 0 { runStart = index }
                let length = index - runStart + 1
                if length > bestLength { bestStart = runStart; bestLength = length }
            } else {
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        // IPv4-mapped ::ffff:a.b.c.d is printed with the dotted quad, as BIND does.
        if groups.count == 8, groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return "::ffff:" + IPv4.format(bytes[(bytes.startIndex + 12)...])
        }
        // IPv4-compatible ::a.b.c.d (first 96 bits zero, not :: or ::1-style) too, as inet_ntop prints it.
        if groups.count == 8, groups[0..<6].allSatisfy({ $0 == 0 }), groups[6] != 0 {
            return "::" + IPv4.format(bytes[(bytes.startIndex + 12)...])
        }
        var text = ""
        var index = 0
        while index < groups.count {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
            text += String(groups[index], radix: 16)
            index += 1
        }
        return text
    }
}
