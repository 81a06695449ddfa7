/// One lexical token of a zone-file entry, as byte offsets into its source.
///
/// Tokens are not stored for the whole file (that would cost more memory than
/// the file itself); an entry is re-lexed on demand when its tokens are needed.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// An unquoted word (escapes undecoded).
        case word
        /// A quoted string; `start..<end` spans the content, without the quotes.
        case quoted
        case openParen
        case closeParen
        /// `;` to the end of the line, newline excluded.
        case comment
    }

    public var kind: Kind
    /// Byte offset in the file where the token starts (after the opening quote of a quoted string).
    public var start: Int
    /// Byte offset just past the token (before the closing quote of a quoted string).
    public var end: Int

    public var range: Range<Int> { start..<end }

    /// The byte range as written, quotes included.
    public var fullRange: Range<Int> { kind == .quoted ? (start - 1)..<(end + 1) : start..<end }

    /// A word or a quoted string: the fields of an entry, not its parentheses or comments.
    @inline(__always)
    public var isField: Bool { kind == .word || kind == .quoted }
}

/// A lexical problem found while splitting entries.
struct LexProblem: Sendable {
    enum Kind: Sendable {
        case unbalancedQuotes
        case unbalancedCloseParen
        case unclosedParen
        case nulByte
    }
    var kind: Kind
    var offset: Int
}
