/// Dotted-quad IPv4 addresses, strictly four decimal parts as BIND's inet_pton requires.
public enum IPv4 {
    public static func parse(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(4)
        return parse(text, into: &result) ? result : nil
    }

    /// Appends the four octets of `text` to `wire`; false (and nothing appended) when it is not an address.
    /// Allocation-free: A records are the most common records of all.
    public static func parse(_ text: ArraySlice<UInt8>, into wire: inout [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { text in parse(text, into: &wire) }
    }

    /// The same, read in place from a file's bytes.
    package static func parse(_ text: UnsafeBufferPointer<UInt8>, into wire: inout [UInt8]) -> Bool {
        guard let address = address(text) else { return false }
        withUnsafeBytes(of: address.bigEndian) { wire.append(contentsOf: $0) }
        return true
    }

    /// The address `text` spells, first octet in the high byte; nil when it is not an address.
    package static func address(_ text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var address: UInt32 = 0
        var parts = 0
        var value = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return nil }
                address = address << 8 | UInt32(value)
                parts += 1
                value = 0
                digits = 0
            } else if byte >= 0x30, byte <= 0x39 {
                if digits > 0, value == 0 { return nil }  // no leading zeros
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                guard value <= 255, digits <= 3 else { return nil }
            } else {
                return nil
            }
        }
        guard digits > 0, parts == 3 else { return nil }
        return address << 8 | UInt32(value)
    }

    public static func format(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String($0) }.joined(separator: ".")
    }
}

/// IPv6 addresses (RFC 4291 §2.2) with `::` and an embedded dotted quad; printed per RFC 5952.
public enum IPv6 {
    public static func parse(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(16)
        return parse(text, into: &result) ? result : nil
    }

    /// Appends the sixteen octets of `text` to `wire`; false (and nothing appended) when it is not an address.
    /// The groups are collected in a fixed stack buffer: no allocation per record.
    public static func parse(_ text: ArraySlice<UInt8>, into wire: inout [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { text in parse(text, into: &wire) }
    }

    /// The same, read in place from a file's bytes (`write`).
    package static func parse(_ text: UnsafeBufferPointer<UInt8>, into wire: inout [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { octets -> Bool in
            guard let base = octets.baseAddress, write(text, to: UnsafeMutableRawPointer(base)) else { return false }
            wire.append(contentsOf: octets)
            return true
        }
    }

    /// Writes the sixteen octets of `text` at `out`; false (and `out` holding anything) when it is not an
    /// address. The loader writes AAAA RDATA straight into its wire buffer so (`CommonRData`). One pass:
    /// each group's hex digits are taken as they come, and a dot after them makes the group the start of
    /// an embedded dotted quad. The groups are collected in a fixed stack buffer: no allocation per record.
    package static func write(_ text: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableRawPointer) -> Bool {
        guard text.count >= 2, text.count <= 45 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 8) { groups -> Bool in
            var count = 0
            var gap = -1
            var index = 0
            let end = text.count
            if text[0] == UInt8(ascii: ":") {
                guard text[1] == UInt8(ascii: ":") else { return false }
                gap = 0
                index = 2
            }
            while index < end {
                let groupStart = index
                var value: UInt32 = 0
                while index < end, let digit = Hex.value(text[index]) {
                    value = value << 4 | UInt32(digit)
                    index += 1
                }
                if index < end, text[index] == UInt8(ascii: ".") {
                    // An embedded IPv4 address fills the last 32 bits.
                    guard count <= 6, let quad = IPv4.address(UnsafeBufferPointer(rebasing: text[groupStart..<end]))
                    else { return false }
                    groups[count] = UInt16(truncatingIfNeeded: quad >> 16)
                    groups[count + 1] = UInt16(truncatingIfNeeded: quad)
                    count += 2
                    break
                }
                guard index - groupStart >= 1, index - groupStart <= 4, count < 8 else { return false }
                groups[count] = UInt16(truncatingIfNeeded: value)
                count += 1
                guard index < end else { break }
                guard text[index] == UInt8(ascii: ":") else { return false }
                index += 1
                if index < end, text[index] == UInt8(ascii: ":") {
                    guard gap < 0 else { return false }
                    gap = count
                    index += 1
                } else if index == end {
                    return false
                }
            }
            if gap >= 0 {
                guard count <= 7 else { return false }
                // Move the groups after the gap to the end and zero the gap.
                let shift = 8 - count
                var index = count - 1
                while index >= gap {
                    groups[index + shift] = groups[index]
                    index -= 1
                }
                for zero in gap..<(gap + shift) { groups[zero] = 0 }
                count = 8
            }
            guard count == 8 else { return false }
            // Network order in place, then all sixteen octets at once.
            for index in 0..<8 { groups[index] = groups[index].bigEndian }
            guard let first = groups.baseAddress else { return false }
            out.copyMemory(from: first, byteCount: 16)
            return true
        }
    }

    public static func format(_ bytes: ArraySlice<UInt8>) -> String {
        var groups: [UInt16] = []
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            groups.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        // Longest run of two or more zero groups becomes "::" (RFC 5952 §4.2).
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if runStart < 0 { runStart = index }
                let length = index - runStart + 1
                if length > bestLength {
                    bestStart = runStart
                    bestLength = length
                }
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
