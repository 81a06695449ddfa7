/// One `tag=value` of a tag list, with the whitespace around name and value removed.
struct TagSpec: Sendable, Hashable {
    var name: String
    var value: String
}

/// Why a tag list cannot be read.
enum TagListError: Error, Sendable, Hashable, CustomStringConvertible {
    case emptyTag(position: Int)
    case missingEquals(spec: String)
    case invalidName(name: String)
    case invalidValue(name: String, value: String)

    /// The reason, as DKIM and DMARC problems quote it.
    var description: String {
        switch self {
        case .emptyTag(let position): "tag \(position) is empty"
        case .missingEquals(let spec): "\"\(spec)\" has no \"=\""
        case .invalidName(let name): "\"\(name)\" is not a tag name"
        case .invalidValue(let name, let value): "\(name)= has characters a tag value cannot hold: \"\(value)\""
        }
    }
}

/// The `tag=value; tag=value` syntax DKIM key records and DMARC records share
/// (RFC 6376 §3.2, RFC 7489 §6.4):
///
/// ```
/// tag-list  = tag-spec *( ";" tag-spec ) [ ";" ]
/// tag-spec  = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
/// tag-name  = ALPHA *ALNUMPUNC
/// tag-value = [ tval *( 1*(WSP / FWS) tval ) ]   ; tval = 1*VALCHAR, VALCHAR = %x21-3A / %x3C-7E
/// ```
enum TagList {
    /// Reads the tag list. Works on the text's UTF-8 bytes: every delimiter (`;`, `=`, folding
    /// whitespace) and every character a name or value may hold is ASCII, so no byte of a
    /// multi-byte character is taken for one, and a DKIM key (hundreds of base64 characters) is
    /// read without stepping through `Character`s.
    static func parse(_ text: String) -> Result<[TagSpec], TagListError> {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<[TagSpec], TagListError> {
        var specs: [TagSpec] = []
        var position = 0
        var partStart = 0
        while true {
            let partEnd = bytes[partStart...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
            let isLast = partEnd == bytes.endIndex
            let trimmed = trimFWS(bytes, partStart..<partEnd)
            if trimmed.isEmpty {
                // One trailing ";" (possibly followed by whitespace) is allowed.
                if !(isLast && position > 0) { return .failure(.emptyTag(position: position + 1)) }
            } else {
                guard let equals = bytes[trimmed].firstIndex(of: UInt8(ascii: "=")) else {
                    return .failure(.missingEquals(spec: text(bytes, trimmed)))
                }
                let name = trimFWS(bytes, trimmed.lowerBound..<equals)
                let value = trimFWS(bytes, (equals + 1)..<trimmed.upperBound)
                guard isTagName(bytes[name]) else {
                    return .failure(.invalidName(name: text(bytes, name)))
                }
                guard bytes[value].allSatisfy({ isValueCharacter($0) || isFWS($0) }) else {
                    return .failure(.invalidValue(name: text(bytes, name), value: text(bytes, value)))
                }
                specs.append(TagSpec(name: text(bytes, name), value: text(bytes, value)))
            }
            if isLast { return .success(specs) }
            position += 1
            partStart = partEnd + 1
        }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `range` without the folding whitespace at its ends.
    private static func trimFWS(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isFWS(bytes[start]) { start += 1 }
        while end > start, isFWS(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func isFWS(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Folding whitespace as it survives in DNS text: space, tab, CR, LF.
    static func isFWS(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }

    static func trimFWS(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isFWS($0) }),
            let end = scalars.lastIndex(where: { !isFWS($0) })
        else {
            return text[text.endIndex...]
        }
        return Substring(scalars[start...end])
    }

    /// The value with every run of folding whitespace removed (for base64) ...
    static func removingFWS(_ text: String) -> String {
        // Folding whitespace is ASCII, so dropping its bytes keeps every other character whole.
        guard text.utf8.contains(where: isFWS) else { return text }
        return String(decoding: text.utf8.filter { !isFWS($0) }, as: UTF8.self)
    }

    /// ... or collapsed to one space (for comparing other values by meaning).
    static func collapsingFWS(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: isFWS).map { String(String.UnicodeScalarView($0)) }
            .joined(separator: " ")
    }

    /// A colon-separated list (`h=sha1:sha256`, `fo=0:d`), whitespace around items removed.
    static func colonList(_ value: String) -> [String] {
        value.split(separator: ":", omittingEmptySubsequences: false).map { String(trimFWS($0)) }
    }

    private static func isTagName(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = name.first, isAlpha(first) else { return false }
        return name.allSatisfy {
            isAlpha($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
        }
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isValueCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x3A) || (byte >= 0x3C && byte <= 0x7E)
    }
}
