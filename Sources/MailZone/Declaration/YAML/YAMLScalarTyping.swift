/// The type YAML gives a scalar: from an explicit tag, from quoting, or for a plain scalar
/// from its text by the YAML 1.2 core schema (YAML 1.2.2 §10.3.2).
///
/// The core schema types a plain scalar as null (`~`, `null`, `Null`, `NULL` or nothing), a
/// boolean (`true`, `True`, `TRUE`, `false`, `False`, `FALSE`), an integer (`[-+]?[0-9]+`,
/// `0o` octal, `0x` hexadecimal) or a number (decimal with fraction or exponent, `.inf`,
/// `.nan`), and anything else as text. So `yes`, `no`, `on` and `off`, dates, `0b101`,
/// `1_000` and `1:30`, which YAML 1.1 (and Yams' default resolver) typed, are text here, as
/// they are to YAML 1.2 tools such as editors' YAML language server. `<<` stays a merge key,
/// the one YAML 1.1 type mailzone keeps, because declarations use it with anchors.
///
/// Written as byte matchers rather than regular expressions: a hosting provider's
/// declaration has hundreds of thousands of scalars, and most are decided by their first
/// byte. `YAMLScalarTypingTests` checks these matchers against Yams given the core schema's
/// regular expressions (`YAMLCoreSchemaResolver`) on a table of tricky texts.
enum YAMLScalarTyping {
    /// The kind of a scalar with `text`, its explicit `tag` if any, and whether libyaml marked it
    /// as implicitly a string because it is quoted or a block scalar.
    static func kind(text: String, tag: String?, quotedImplicit: Bool) -> YAMLScalar.Kind {
        var text = text
        return text.withUTF8 { kind(bytes: $0, tag: tag, quotedImplicit: quotedImplicit) }
    }

    /// The same, for a scalar's UTF-8 bytes as libyaml gives them.
    static func kind(bytes: UnsafeBufferPointer<UInt8>, tag: String?, quotedImplicit: Bool) -> YAMLScalar.Kind {
        if quotedImplicit { return .string }
        guard let tag else { return plainKind(bytes) }
        return kind(tag: tag)
    }

    /// The kind an explicit tag gives (`!!int`, `!` for text, `!custom` for a type mailzone
    /// does not know).
    static func kind(tag: String) -> YAMLScalar.Kind {
        switch tag {
        case "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:value": return .string
        case "tag:yaml.org,2002:int": return .integer
        case "tag:yaml.org,2002:float": return .float
        case "tag:yaml.org,2002:bool": return .boolean
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:timestamp": return .timestamp
        case "tag:yaml.org,2002:merge": return .merge
        default: return .other(tag)
        }
    }

    /// A plain scalar's kind by the core schema.
    static func plainKind(_ text: String) -> YAMLScalar.Kind {
        var text = text
        return text.withUTF8 { plainKind($0) }
    }

    static func plainKind(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Kind {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if isInteger(bytes) { return .integer }
            if isFloat(bytes) { return .float }
            return .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isWord(bytes, of: booleans) ? .boolean : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return isWord(bytes, of: nulls) ? .null : .string
        case UInt8(ascii: "<"):
            return bytes.count == 2 && bytes[1] == UInt8(ascii: "<") ? .merge : .string
        default:
            return .string
        }
    }

    private static let booleans: [[UInt8]] = ["true", "True", "TRUE", "false", "False", "FALSE"].map { Array($0.utf8) }
    private static let nulls: [[UInt8]] = ["~", "null", "Null", "NULL"].map { Array($0.utf8) }

    /// True when `bytes` is one of `words`.
    private static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, of words: [[UInt8]]) -> Bool {
        words.contains { $0.count == bytes.count && $0.elementsEqual(bytes) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// Bytes from `index` on while `accepts` them; the index after them.
    private static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, while accepts: (UInt8) -> Bool)
        -> Int
    {
        var index = index
        while index < bytes.count, accepts(bytes[index]) { index += 1 }
        return index
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`
    static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"),
            bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x")
        {
            if bytes[1] == UInt8(ascii: "o") { return skip(bytes, from: 2, while: isOctalDigit) == bytes.count }
            return skip(bytes, from: 2, while: isHexDigit) == bytes.count
        }
        let start = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? 1 : 0
        return bytes.count > start && skip(bytes, from: start, while: isDigit) == bytes.count
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let signed = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+")
        let start = signed ? 1 : 0
        let rest = UnsafeBufferPointer(rebasing: bytes[start...])
        if isWord(rest, of: infinities) { return true }
        if !signed, isWord(rest, of: notANumber) { return true }
        var index = start
        let whole = skip(bytes, from: index, while: isDigit)
        if whole > index {
            index = whole
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index = skip(bytes, from: index + 1, while: isDigit)
            }
        } else {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return false }
            let fraction = skip(bytes, from: index + 1, while: isDigit)
            guard fraction > index + 1 else { return false }
            index = fraction
        }
        if index == bytes.count { return true }
        guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return false }
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let exponent = skip(bytes, from: index, while: isDigit)
        return exponent > index && exponent == bytes.count
    }

    private static let infinities: [[UInt8]] = [".inf", ".Inf", ".INF"].map { Array($0.utf8) }
    private static let notANumber: [[UInt8]] = [".nan", ".NaN", ".NAN"].map { Array($0.utf8) }
}
