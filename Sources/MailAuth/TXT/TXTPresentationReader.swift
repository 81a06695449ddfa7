extension TXTPresentation {
    /// Reads presentation character-strings back to their values: quoted (`"a b"`) or
    /// unquoted (`abc`) strings separated by spaces or tabs, with `\"`, `\\`, `\X` (any
    /// other character, itself) and `\DDD` (a decimal octet) escapes, per RFC 1035 §5.1.
    ///
    /// Parentheses and comments belong to the zone-file syntax around the RDATA and are not
    /// read here.
    public static func unquote(_ presentation: String) throws(TXTError) -> [String] {
        let bytes = Array(presentation.utf8)
        var strings: [String] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
                continue
            }
            let quoted = byte == UInt8(ascii: "\"")
            let start = index
            if quoted { index += 1 }
            var value: [UInt8] = []
            var closed = !quoted
            while index < bytes.count {
                let current = bytes[index]
                if quoted && current == UInt8(ascii: "\"") {
                    closed = true
                    index += 1
                    break
                }
                if !quoted
                    && (current == UInt8(ascii: " ") || current == UInt8(ascii: "\t")
                        || current == UInt8(ascii: "\""))
                {
                    break
                }
                if current == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else {
                        throw .danglingBackslash(presentation: text(bytes[start...]))
                    }
                    if isDigit(bytes[index]) {
                        let end = index + 3
                        guard end <= bytes.count, bytes[index..<end].allSatisfy(isDigit) else {
                            throw .invalidEscape(sequence: "\\" + text(bytes[index..<min(end, bytes.count)]))
                        }
                        let number = bytes[index..<end].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                        guard number <= 255 else {
                            throw .invalidEscape(sequence: "\\" + text(bytes[index..<end]))
                        }
                        value.append(UInt8(number))
                        index = end
                    } else {
                        value.append(bytes[index])
                        index += 1
                    }
                    continue
                }
                value.append(current)
                index += 1
            }
            guard closed else {
                throw .unterminatedQuote(presentation: text(bytes[start...]))
            }
            guard value.count <= maxStringOctets else {
                throw .stringTooLong(octets: value.count)
            }
            // Decoding repairs bad sequences with U+FFFD; a round trip that changes the bytes
            // means they were not UTF-8.
            let string = String(decoding: value, as: UTF8.self)
            guard Array(string.utf8) == value else {
                throw .notUTF8(presentation: text(bytes[start..<index]))
            }
            strings.append(string)
        }
        return strings
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
