/// Hexadecimal (RFC 4648 §8), case-insensitive.
package enum Hex {
    @inline(__always)
    static func value(_ byte: UInt8) -> UInt8? { digit(byte, radix: 16) }

    /// The value of a digit of the alphabets that run `0`-`9` then `A`, `B`, ... in either case:
    /// hexadecimal (radix 16) and the base32 "Extended Hex" alphabet that continues it (radix 32,
    /// RFC 4648 §7). Nil for any other byte.
    @inline(__always)
    static func digit(_ byte: UInt8, radix: UInt8) -> UInt8? {
        let decimal = byte &- 0x30
        // Setting 0x20 lower-cases a letter; every byte that is not a letter lands outside a-z.
        let letter = (byte | 0x20) &- 0x61
        // Both readings are worked out and one is picked by a mask, not a branch: in an IPv6 address or a
        // digest, digits and letters come in no order a branch could predict (a plain `?:` is compiled to
        // a branch here). Only the validity test branches, and it nearly always passes.
        let isDecimal = UInt8(truncatingIfNeeded: (decimal < 10 ? 1 : 0) as UInt32)
        let isLetter = UInt8(truncatingIfNeeded: (letter < radix &- 10 ? 1 : 0) as UInt32)
        let mask = 0 &- isDecimal
        let value = decimal & mask | (letter &+ 10) & ~mask
        return isDecimal | isLetter != 0 ? value : nil
    }

    package static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(text.count / 2)
        var i = text.startIndex
        while i < text.endIndex {
            guard let high = value(text[i]), let low = value(text[i + 1]) else { return nil }
            result.append(high << 4 | low)
            i += 2
        }
        return result
    }

    package static func encode<S: Sequence>(_ bytes: S, uppercase: Bool = true) -> String where S.Element == UInt8 {
        let digits: [Character] = uppercase ? Array("0123456789ABCDEF") : Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}

/// Base64 (RFC 4648 §4) with padding, as DNSSEC and DKIM records write it.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// Decodes padded base64; whitespace is not allowed (callers join fields first).
    package static func decode(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(text.count / 4 * 3)
        var i = 0
        while i < text.count {
            let c0 = table[Int(text[i])]
            let c1 = table[Int(text[i + 1])]
            let p2 = text[i + 2] == UInt8(ascii: "=")
            let p3 = text[i + 3] == UInt8(ascii: "=")
            let c2 = p2 ? 0 : table[Int(text[i + 2])]
            let c3 = p3 ? 0 : table[Int(text[i + 3])]
            guard c0 != 0xFF, c1 != 0xFF, c2 != 0xFF, c3 != 0xFF else { return nil }
            if (p2 && !p3) || ((p2 || p3) && i + 4 != text.count) { return nil }
            result.append(c0 << 2 | c1 >> 4)
            if !p2 { result.append((c1 & 0x0F) << 4 | c2 >> 2) }
            if !p3 { result.append((c2 & 0x03) << 6 | c3) }
            i += 4
        }
        return result
    }

    package static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
