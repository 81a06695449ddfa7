/// Why a TXT value cannot be written as, or read from, presentation strings.
public enum TXTError: Error, MailAuthDiagnostic, Hashable {
    /// The value holds a control character (below U+0020, or U+007F). mailzone refuses them
    /// rather than writing `\DDD` escapes, because a newline or tab in a DNS key or policy is
    /// always a copy-and-paste accident.
    case controlCharacter(scalar: UInt32, octetOffset: Int)
    /// A quoted string has no closing `"`.
    case unterminatedQuote(presentation: String)
    /// A `\DDD` escape is not three digits or names a value above 255.
    case invalidEscape(sequence: String)
    /// A backslash ends the text with nothing to escape.
    case danglingBackslash(presentation: String)
    /// A character-string read back is longer than 255 octets (RFC 1035 §3.3).
    case stringTooLong(octets: Int)
    /// The bytes read back are not UTF-8 text.
    case notUTF8(presentation: String)

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        switch self {
        case .controlCharacter(let scalar, let offset):
            let code = String(scalar, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return "TXT value contains the control character U+\(padded) at octet \(offset)"
        case .unterminatedQuote(let presentation):
            return "TXT string \(presentation) has no closing quote"
        case .invalidEscape(let sequence):
            return "TXT string has an invalid escape \(sequence)"
        case .danglingBackslash(let presentation):
            return "TXT string \(presentation) ends with a lone backslash"
        case .stringTooLong(let octets):
            return "TXT character-string is \(octets) octets long, more than the 255 a string can hold"
        case .notUTF8(let presentation):
            return "TXT string \(presentation) does not decode as UTF-8 text"
        }
    }

    public var fix: String? {
        switch self {
        case .controlCharacter:
            return "remove it (keep the value on one line, without tabs or line breaks)"
        case .unterminatedQuote:
            return "close the string with \""
        case .invalidEscape:
            return "write \\DDD with three decimal digits from 000 to 255, or \\\" and \\\\"
        case .danglingBackslash:
            return "escape the backslash as \\\\"
        case .stringTooLong:
            return "split the text into several strings of at most 255 octets"
        case .notUTF8:
            return "write the value as UTF-8 text"
        }
    }
}
