/// A DKIM key record as people paste it. Consoles and key generators show the record in
/// zone-file form, so users copy `"v=DKIM1; k=rsa; p=MIIB..."` with its quotes, the
/// split form `"v=DKIM1; k=rsa; " "p=MIIB..."`, opendkim's `( "..." "..." )  ; comment`,
/// or a key wrapped over several lines (a YAML `|` block). Each of these means one value:
/// the strings joined, without quotes, line breaks or the parentheses. Reading them as the
/// user meant is safe because a DKIM tag list never starts with `"` or `(`.
///
/// Quotes that are not that form (`v=DKIM1; p="MIIB..."`, an unpaired `"`) are ambiguous and
/// refused with "remove the quotes".
enum DKIMPastedValue {
    /// Why a pasted value cannot be read.
    struct Problem: Error, Hashable {
        var message: String
        var hint: String
    }

    /// The value as one tag list; `what` names it in the problem ("the DKIM key for selector 'qcloud'"),
    /// worded only for a value that is not the tag list alone.
    static func normalize(_ pasted: String, what: @autoclosure () -> String) -> Result<String, Problem> {
        // Most values are the tag list alone: nothing to unwrap, and no need to walk a key of hundreds
        // of characters as `Character`s (a declaration may hold thousands of keys).
        if isPlainTagList(pasted) { return .success(pasted) }
        let result = read(pasted, what: what())
        // Line breaks are a paste's wrapping only in a key record (its `p=` is base64); in anything else
        // they are left for the single-line check to refuse, so no value smuggles a line into a zone file.
        if case .success(let value) = result, pasted.contains(where: \.isNewline), !hasBase64Key(value) {
            return .success(pasted)
        }
        return result
    }

    /// True when `pasted` has no line break, quote or parenthesis, and no blank at either end: then
    /// it is the value as it stands. (Each of those characters is one ASCII byte, and a blank that
    /// `trimmingBlanks` removes is a lone space or tab, so the bytes answer for the characters.)
    private static func isPlainTagList(_ pasted: String) -> Bool {
        let bytes = pasted.utf8
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if let first = bytes.first, blank(first) { return false }
        if let last = bytes.last, blank(last) { return false }
        return !bytes.containsByte { byte in
            byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "(")
        }
    }

    /// True when the tag list has a `p=` tag whose value is base64 (white space allowed, RFC 6376 §3.6.1).
    private static func hasBase64Key(_ value: String) -> Bool {
        let tags = value.split(separator: ";").map { $0.drop { $0 == " " || $0 == "\t" } }
        guard let key = tags.first(where: { $0.hasPrefix("p=") })?.dropFirst(2), !key.isEmpty else { return false }
        return key.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || "+/= \t".unicodeScalars.contains(scalar)
        }
    }

    private static func read(_ pasted: String, what: String) -> Result<String, Problem> {
        // Line breaks are the paste's wrapping (RFC 6376 §3.6.1 ignores white space in p= anyway).
        var text = Substring(String(pasted.unicodeScalars.filter { $0 != "\n" && $0 != "\r" })).trimmingBlanks
        let unquoteHint = "remove the quotes: write the value as the tag list alone, like 'v=DKIM1; k=rsa; p=MIIB...'"
        if text.first == "(" {
            // `( "..." "..." )`, maybe followed by a zone-file comment.
            guard let close = text.lastIndex(of: ")"),
                text[text.index(after: close)...].trimmingBlanks.first.map({ $0 == ";" }) ?? true
            else {
                return .failure(
                    Problem(
                        message: "\(what) starts with '(' but has no closing ')'",
                        hint:
                            "remove the parentheses and the quotes: write the value as the tag list alone, like 'v=DKIM1; k=rsa; p=MIIB...'"
                    ))
            }
            text = text[text.index(after: text.startIndex)..<close].trimmingBlanks
        }
        guard text.contains("\"") else { return .success(String(text)) }
        guard text.first == "\"", let strings = quotedStrings(text) else {
            return .failure(
                Problem(
                    message: "\(what) has quotes (\") inside the value, which a DKIM record does not have",
                    hint: unquoteHint))
        }
        return .success(strings.joined())
    }

    /// The quoted strings of `"a" "b"` (separated by blanks), unescaped (`\"`, `\\`, `\DDD`);
    /// nil when the text is anything else (an unpaired quote, text outside quotes).
    private static func quotedStrings(_ text: Substring) -> [String]? {
        var strings: [String] = []
        var bytes: [UInt8] = []
        var inside = false
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if !inside {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
                guard byte == UInt8(ascii: "\"") else { return nil }
                inside = true
                bytes = []
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inside = false
                strings.append(String(decoding: bytes, as: UTF8.self))
            case UInt8(ascii: "\\"):
                guard let next = iterator.popFirst() else { return nil }
                let digits = [next] + iterator.prefix(2)
                if digits.count == 3, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                    let value = UInt8(String(decoding: digits, as: UTF8.self))
                {
                    bytes.append(value)
                    iterator = iterator.dropFirst(2)
                } else {
                    bytes.append(next)
                }
            default:
                bytes.append(byte)
            }
        }
        return inside ? nil : strings
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingBlanks: Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
