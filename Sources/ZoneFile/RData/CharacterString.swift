/// RFC 1035 character-strings (§3.3: a length octet and at most 255 octets): read from wire form,
/// quoted and escaped for presentation and decoded back (§5.1), split to fit.
///
/// The one routine for them: the zone-file reader and printer, TXT values mailzone writes
/// (MailAuth's `TXTPresentation`) and the typed views all go through here.
public enum CharacterString {
    /// The longest character-string: its length is one octet.
    public static let maxOctets = 255

    /// The string that starts at `position` and where it ends; nil when it runs off the end.
    static func read(_ wire: [UInt8], at position: Int) -> (string: [UInt8], end: Int)? {
        guard position < wire.count else { return nil }
        let end = position + 1 + Int(wire[position])
        guard end <= wire.count else { return nil }
        return (Array(wire[(position + 1)..<end]), end)
    }

    /// Every string in `wire`, one after the other; a last string cut short by the end of the data
    /// is kept as far as it goes.
    static func strings(in wire: [UInt8]) -> [[UInt8]] {
        stringRanges(in: wire).map { Array(wire[$0]) }
    }

    /// Where each string's octets are in `wire`, after its length octet (the last cut at the end of `wire`
    /// when its length octet says more): the strings of `strings(in:)`, for a reader that looks at them in
    /// place rather than copied.
    static func stringRanges(in wire: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < wire.count {
            let end = min(wire.count, index + 1 + Int(wire[index]))
            ranges.append((index + 1)..<end)
            index = end
        }
        return ranges
    }

    // MARK: Presentation (RFC 1035 §5.1)

    /// One character-string in quotes: `"` and `\` escaped, printable ASCII as it is, every other
    /// octet as `\DDD` — or, with `keepingUTF8`, left as it is (for text that was checked to be
    /// UTF-8 without control characters, so a zone file shows `café`, not `caf\195\169`).
    public static func quoted(_ octets: some Sequence<UInt8>, keepingUTF8: Bool = false) -> String {
        // Called across modules with a `String.UTF8View` or `[UInt8]` (a DKIM key is hundreds of octets):
        // the octets are read from contiguous memory, not one generic `next()` at a time.
        if let text = octets.withContiguousStorageIfAvailable({ quoted(buffer: $0, keepingUTF8: keepingUTF8) }) {
            return text
        }
        return Array(octets).withUnsafeBufferPointer { quoted(buffer: $0, keepingUTF8: keepingUTF8) }
    }

    private static func quoted(buffer octets: UnsafeBufferPointer<UInt8>, keepingUTF8: Bool) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(octets.count + 2)
        appendQuoted(buffer: octets, keepingUTF8: keepingUTF8, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `quoted(_:keepingUTF8:)` appended to `text` as octets.
    static func appendQuoted(_ octets: ArraySlice<UInt8>, keepingUTF8: Bool, to text: inout [UInt8]) {
        octets.withUnsafeBufferPointer { appendQuoted(buffer: $0, keepingUTF8: keepingUTF8, to: &text) }
    }

    private static func appendQuoted(
        buffer octets: UnsafeBufferPointer<UInt8>, keepingUTF8: Bool, to text: inout [UInt8]
    ) {
        text.append(UInt8(ascii: "\""))
        for octet in octets {
            switch octet {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                text.append(UInt8(ascii: "\\"))
                text.append(octet)
            case 0x20...0x7E:
                text.append(octet)
            case 0x80...0xFF where keepingUTF8:
                text.append(octet)
            default:
                text.append(UInt8(ascii: "\\"))
                text.append(0x30 + octet / 100)
                text.append(0x30 + octet / 10 % 10)
                text.append(0x30 + octet % 10)
            }
        }
        text.append(UInt8(ascii: "\""))
    }

    /// Quoted strings as a parenthesised block, one a line, as BIND users write long DKIM keys: the first
    /// follows `( `, each later line starts with `indent`, ` )` closes the last; lines end with `\n`.
    /// No strings is one empty string (a TXT record holds at least one).
    ///
    /// ```
    /// ( "v=DKIM1; k=rsa; p=MIIB..."
    ///   "...IDAQAB" )
    /// ```
    public static func parenthesised(_ quoted: [String], indent: String) -> String {
        "( " + (quoted.isEmpty ? ["\"\""] : quoted).joined(separator: "\n" + indent) + " )"
    }

    /// Splits `value` into strings of at most `maxOctets` UTF-8 octets each, only between Unicode
    /// scalars so no UTF-8 sequence is cut in two. An empty value is one empty string.
    public static func split(_ value: String, maxOctets: Int = maxOctets) -> [String] {
        let limit = max(4, maxOctets)  // a scalar is up to 4 octets; a smaller limit could not progress
        let bytes = Array(value.utf8)
        var strings: [String] = []
        var start = 0
        while bytes.count - start > limit {
            // Cut at the last scalar boundary within the limit: a continuation octet (10xxxxxx) is
            // inside a scalar, anything else starts one.
            var end = start + limit
            while end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            strings.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
        }
        strings.append(String(decoding: bytes[start...], as: UTF8.self))
        return strings
    }

    /// Why presentation text's escapes cannot be decoded; `at` is the offset of the backslash.
    public enum EscapeError: Error, Sendable, Equatable {
        /// A backslash is the last octet.
        case loneBackslash(at: Int)
        /// `\D` is not followed by two more decimal digits.
        case shortDecimal(at: Int)
        /// `\DDD` names a value above 255.
        case decimalAbove255(at: Int, value: Int)
    }

    /// Appends `text` with its escapes decoded (`\X` is X, `\DDD` the octet DDD) to `octets`;
    /// returns how many octets were appended. On an error, what was appended stays.
    @discardableResult
    public static func decodeEscapes(
        _ text: ArraySlice<UInt8>, into octets: inout [UInt8]
    ) throws(EscapeError) -> Int {
        // Decoding never lengthens the text: its length is room enough.
        let (count, error) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { scratch in
            let decoded = text.withUnsafeBufferPointer { text in decodeEscapes(text, to: scratch) }
            octets.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<decoded.count]))
            return decoded
        }
        // Offsets in the error are the slice's indices, as before.
        switch error {
        case nil: return count
        case .loneBackslash(let at)?: throw .loneBackslash(at: at + text.startIndex)
        case .shortDecimal(let at)?: throw .shortDecimal(at: at + text.startIndex)
        case .decimalAbove255(let at, let value)?: throw .decimalAbove255(at: at + text.startIndex, value: value)
        }
    }

    /// Writes `text` with its escapes decoded to `out`, which has room for `text.count` octets (decoding
    /// never lengthens); returns how many octets were written and, when an escape is bad, the error (the
    /// octets before it written). The loader writes TXT RDATA straight into its wire buffer so
    /// (`CommonRData`).
    package static func decodeEscapes(
        _ text: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>
    ) -> (count: Int, error: EscapeError?) {
        var count = 0
        var i = 0
        while i < text.count {
            var byte = text[i]
            if byte == 0x5C {
                let escape = i
                i += 1
                guard i < text.count else { return (count, .loneBackslash(at: escape)) }
                let first = text[i]
                if first >= 0x30, first <= 0x39 {
                    guard i + 2 < text.count, (0x30...0x39).contains(text[i + 1]),
                        (0x30...0x39).contains(text[i + 2])
                    else { return (count, .shortDecimal(at: escape)) }
                    let value = Int(first - 0x30) * 100 + Int(text[i + 1] - 0x30) * 10 + Int(text[i + 2] - 0x30)
                    guard value <= 255 else { return (count, .decimalAbove255(at: escape, value: value)) }
                    byte = UInt8(value)
                    i += 3
                } else {
                    byte = first
                    i += 1
                }
            } else {
                i += 1
            }
            out[count] = byte
            count += 1
        }
        return (count, nil)
    }
}
