import ZoneFile

/// TXT RDATA in zone-file presentation form: a value becomes one or more quoted
/// character-strings and back (RFC 1035 §3.3.14, §5.1).
///
/// A TXT record's strings are read joined with nothing between (RFC 7208 §3.3, RFC 6376
/// §3.6.2.2), so where a value is split carries no meaning and mailzone may choose it.
public enum TXTPresentation {
    /// A character-string holds at most 255 octets: its length is one octet (RFC 1035 §3.3).
    public static let maxStringOctets = CharacterString.maxOctets

    /// Splits `value` into character-strings of at most `maxOctets` UTF-8 octets each.
    ///
    /// Counts the octets of the value itself, not of its escaped presentation, since the limit
    /// applies on the wire. Splits only between Unicode scalars so no UTF-8 sequence is cut in
    /// two. An empty value is one empty string: a TXT record has at least one string.
    public static func split(_ value: String, maxOctets: Int = maxStringOctets) throws(TXTError) -> [String] {
        try rejectControlCharacters(value)
        return CharacterString.split(value, maxOctets: maxOctets)
    }

    /// One character-string in quotes, with `"` and `\` escaped.
    ///
    /// Does not split: pass the result of ``split(_:maxOctets:)``.
    public static func quote(_ string: String) throws(TXTError) -> String {
        try rejectControlCharacters(string)
        return CharacterString.quoted(string.utf8, keepingUTF8: true)
    }

    /// Splits `value` and quotes each piece: what goes into a zone file's TXT RDATA.
    public static func quotedStrings(_ value: String, maxOctets: Int = maxStringOctets) throws(TXTError) -> [String] {
        var quoted: [String] = []
        for string in try split(value, maxOctets: maxOctets) {
            quoted.append(try quote(string))
        }
        return quoted
    }

    /// The strings of a TXT record joined with nothing between, as SPF, DKIM and DMARC read them.
    public static func joined(_ strings: [String]) -> String {
        strings.joined()
    }

    /// TXT RDATA holding `strings`, as written on the wire: each string's octets after their count (RFC 1035
    /// §3.3.14). Made from the strings themselves, not by reading their presentation again. Nil when a string
    /// is longer than a character-string can be (``split(_:maxOctets:)`` makes none), or the whole is longer
    /// than BIND loads (then reading the presentation says why).
    public static func rdata(_ strings: [String]) -> RData? {
        let length = strings.reduce(0) { $0 + 1 + $1.utf8.count }
        guard length <= RDataLength.maxLoadable else { return nil }
        var wire: [UInt8] = []
        wire.reserveCapacity(length)
        for string in strings {
            guard string.utf8.count <= maxStringOctets else { return nil }
            wire.append(UInt8(string.utf8.count))
            wire.append(contentsOf: string.utf8)
        }
        return RData(type: .txt, wire: wire)
    }

    /// Several character-strings on one line: `"v=DKIM1; k=rsa; p=MIIB" "IjAN..."`.
    public static func oneLine(_ strings: [String]) throws(TXTError) -> String {
        var quoted: [String] = []
        for string in strings {
            quoted.append(try quote(string))
        }
        return quoted.joined(separator: " ")
    }

    /// Several character-strings as a parenthesised block, one string a line, as BIND users
    /// write long DKIM keys. The first string follows `(`; each later line starts with `indent`
    /// (usually spaces aligning it under the first string); `)` closes the last line.
    ///
    /// ```
    /// ( "v=DKIM1; k=rsa; p=MIIB..."
    ///   "...IDAQAB" )
    /// ```
    public static func multiLine(_ strings: [String], indent: String) throws(TXTError) -> String {
        var lines: [String] = []
        for string in strings {
            lines.append(try quote(string))
        }
        return CharacterString.parenthesised(lines, indent: indent)
    }

    /// Control characters are single ASCII bytes in UTF-8 (every byte of a longer sequence is 0x80 or
    /// more), so the bytes are searched: no walk through the scalars of a long DKIM key.
    private static func rejectControlCharacters(_ value: String) throws(TXTError) {
        if let offset = value.utf8.firstIndex(where: { $0 < 0x20 || $0 == 0x7F }) {
            let octet = value.utf8[offset]
            throw .controlCharacter(
                scalar: UInt32(octet), octetOffset: value.utf8.distance(from: value.utf8.startIndex, to: offset))
        }
    }
}
