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
    static func parse(_ text: String) -> Result<[TagSpec], TagListError> {
        var specs: [TagSpec] = []
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        for (position, part) in parts.enumerated() {
            let trimmed = trimFWS(part)
            if trimmed.isEmpty {
                // One trailing ";" (possibly followed by whitespace) is allowed.
                if position == parts.count - 1 && position > 0 { continue }
                return .failure(.emptyTag(position: position + 1))
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                return .failure(.missingEquals(spec: String(trimmed)))
            }
            let name = trimFWS(trimmed[..<equals])
            let value = trimFWS(trimmed[trimmed.index(after: equals)...])
            guard isTagName(name) else {
                return .failure(.invalidName(name: String(name)))
            }
            guard value.unicodeScalars.allSatisfy({ isValueCharacter($0) || isFWS($0) }) else {
                return .failure(.invalidValue(name: String(name), value: String(value)))
            }
            specs.append(TagSpec(name: String(name), value: String(value)))
        }
        return .success(specs)
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
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isFWS($0) }))
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

    private static func isTagName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, isAlpha(first) else { return false }
        return name.unicodeScalars.allSatisfy { isAlpha($0) || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }

    private static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    private static func isValueCharacter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x21 && scalar.value <= 0x3A) || (scalar.value >= 0x3C && scalar.value <= 0x7E)
    }
}
