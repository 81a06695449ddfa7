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
        var address: UInt32 = 0
        var parts = 0
        var value = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, parts < 3 else { return false }
                address = address << 8 | UInt32(value)
                parts += 1
                value = 0
                digits = 0
            } else if byte >= 0x30, byte <= 0x39 {
                if digits > 0, value == 0 { return false }  // no leading zeros
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                guard value <= 255, digits <= 3 else { return false }
            } else {
                return false
            }
        }
        guard digits > 0, parts == 3 else { return false }
        address = address << 8 | UInt32(value)
        withUnsafeBytes(of: address.bigEndian) { wire.append(contentsOf: $0) }
        return true
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

    /// The same, read in place from a file's bytes.
    package static func parse(_ text: UnsafeBufferPointer<UInt8>, into wire: inout [UInt8]) -> Bool {
        guard text.count >= 2, text.count <= 45 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 8) { groups -> Bool in
            var count = 0
            var gap: Int? = nil
            var i = text.startIndex
            if text[i] == UInt8(ascii: ":") {
                guard text[i + 1] == UInt8(ascii: ":") else { return false }
                gap = 0
                i += 2
            }
            while i < text.endIndex {
                var j = i
                var sawDot = false
                while j < text.endIndex, text[j] != UInt8(ascii: ":") {
                    if text[j] == UInt8(ascii: ".") { sawDot = true }
                    j += 1
                }
                if sawDot {
                    // An embedded IPv4 address fills the last 32 bits.
                    var v4: [UInt8] = []
                    guard j == text.endIndex, count <= 6,
                        IPv4.parse(UnsafeBufferPointer(rebasing: text[i..<j]), into: &v4)
                    else { return false }
                    groups[count] = UInt16(v4[0]) << 8 | UInt16(v4[1])
                    groups[count + 1] = UInt16(v4[2]) << 8 | UInt16(v4[3])
                    count += 2
                    i = j
                    break
                }
                guard j - i >= 1, j - i <= 4, count < 8 else { return false }
                var value: UInt16 = 0
                for k in i..<j {
                    guard let digit = Hex.value(text[k]) else { return false }
                    value = value << 4 | UInt16(digit)
                }
                groups[count] = value
                count += 1
                i = j
                if i < text.endIndex {
                    i += 1  // the colon
                    if i < text.endIndex, text[i] == UInt8(ascii: ":") {
                        guard gap == nil else { return false }
                        gap = count
                        i += 1
                    } else if i == text.endIndex {
                        return false
                    }
                }
            }
            if let gap {
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
            wire.append(contentsOf: UnsafeRawBufferPointer(groups))
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
