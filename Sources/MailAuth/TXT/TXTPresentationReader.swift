import ZoneFile

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
            let contentStart = index
            var closed = !quoted
            // The string's end: a closing quote, or (unquoted) a space, tab or quote; an escape
            // takes the octet after the backslash with it.
            while index < bytes.count {
                let current = bytes[index]
                if quoted && current == UInt8(ascii: "\"") {
                    closed = true
                    break
                }
                if !quoted
                    && (current == UInt8(ascii: " ") || current == UInt8(ascii: "\t")
                        || current == UInt8(ascii: "\""))
                {
                    break
                }
                index += current == UInt8(ascii: "\\") ? 2 : 1
            }
            index = min(index, bytes.count)
            var value: [UInt8] = []
            do {
                try CharacterString.decodeEscapes(bytes[contentStart..<index], into: &value)
            } catch {
                switch error {
                case .loneBackslash:
                    throw .danglingBackslash(presentation: text(bytes[start...]))
                case .shortDecimal(let escape), .decimalAbove255(let escape, _):
                    let digits = escape + 1
                    throw .invalidEscape(sequence: "\\" + text(bytes[digits..<min(digits + 3, bytes.count)]))
                }
            }
            if closed && quoted { index += 1 }
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

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
