/// A preset's name or value with `${input}` placeholders (`${dkim.qcloud}`, `${domain}`).
///
/// Parsed once when a preset is loaded, so a misspelt placeholder is an error at
/// the preset's line and expansion itself cannot fail.
public struct Template: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    /// Placeholders every template may use: the sender domain without the trailing dot, and
    /// the same with dots replaced by dashes (Microsoft 365's `selector1-example-com`).
    public static let builtInPlaceholders = ["domain", "domain_dashed"]

    public let parts: [Part]

    /// Parses `text`; `$` not followed by `{` is literal. Fails on `${` without `}` and on
    /// empty or malformed names.
    public init(parsing text: String) throws(TemplateError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            let afterDollar = rest.index(after: dollar)
            guard afterDollar < rest.endIndex, rest[afterDollar] == "{" else {
                literal += rest[...dollar]
                rest = rest[afterDollar...]
                continue
            }
            literal += rest[..<dollar]
            let nameStart = rest.index(after: afterDollar)
            guard let close = rest[nameStart...].firstIndex(of: "}") else {
                throw .unclosed(String(rest[dollar...]))
            }
            let name = String(rest[nameStart..<close])
            guard Self.isValidName(name) else { throw .badName(name) }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            parts.append(.placeholder(name))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// A template without placeholders, whatever `text` holds (`${` included): a Domain Connect
    /// record, its variables already substituted.
    public init(literal text: String) {
        parts = text.isEmpty ? [] : [.literal(text)]
    }

    /// The placeholder names, in order of first use.
    public var placeholders: [String] {
        var seen = Set<String>()
        return parts.compactMap {
            if case .placeholder(let name) = $0, seen.insert(name).inserted { return name }
            return nil
        }
    }

    /// The text with every placeholder replaced; nil when a value is missing.
    public func expand(_ values: [String: String]) -> String? {
        // A template that is one placeholder (`${dkim.qcloud}`) is the value itself, shared rather
        // than copied: a DKIM key is 400 bytes, and a declaration may have thousands.
        if parts.count == 1, case .placeholder(let name) = parts[0] { return values[name] }
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .placeholder(let name):
                guard let value = values[name] else { return nil }
                result += value
            }
        }
        return result
    }

    /// Input names: letters, digits, `_`, `-`, and dots between (`dkim.qcloud`, `token1`). Read by the
    /// name's bytes, as every allowed character is one ASCII byte: each input of each sender is checked, and
    /// `contains("..")` searched through Foundation's string bridge.
    static func isValidName(_ name: String) -> Bool {
        let dot = UInt8(ascii: ".")
        var previous = dot  // a dot first is refused as two dots in a row are
        for byte in name.utf8 {
            let allowed =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-") || byte == dot
            guard allowed, byte != dot || previous != dot else { return false }
            previous = byte
        }
        return previous != dot
    }
}

/// Why a template could not be parsed.
public enum TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `${` with no closing `}`; carries the text from `${`.
    case unclosed(String)
    /// `${}` or a name with characters other than letters, digits, `_`, `-`, `.`.
    case badName(String)

    public var description: String {
        switch self {
        case .unclosed(let text): return "'\(text)' opens a placeholder with '${' but never closes it with '}'"
        case .badName(let name): return "'${\(name)}' is not a valid placeholder name"
        }
    }
}
