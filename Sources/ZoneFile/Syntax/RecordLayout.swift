/// The roles of the tokens of one record entry: owner, TTL, class, type, RDATA
/// fields and comments, found by re-lexing the entry.
///
/// Edits use it to touch exactly one part of a line (the RDATA, the TTL) and
/// leave the rest — spacing, comments, parentheses — as the author wrote it.
/// `apply` uses it to copy the style of neighbouring lines.
public struct RecordLayout: Sendable, Hashable {
    /// The entry's bytes, its line ending included.
    public var entryRange: Range<Int>
    /// The owner token, nil when the line starts with whitespace (the previous owner).
    public var owner: Token?
    /// The TTL field, when the line writes one.
    public var ttl: Token?
    /// The class field, when the line writes one.
    public var rrClass: Token?
    /// The type field (`MX`, `TYPE65280`).
    public var type: Token
    /// The RDATA fields, in order, across lines inside parentheses.
    public var rdata: [Token]
    /// The comments of the entry, a comment after the RDATA included.
    public var comments: [Token]
    /// Whether the entry is written across lines in `( )`.
    public var hasParentheses: Bool

    /// Reads the layout of a record entry; nil for entries that are not records.
    public init?(file: ZoneFileSyntax, entryIndex: Int) {
        let entry = file.entries[entryIndex]
        guard entry.kind == .record else { return nil }
        let bytes = file.source.bytes
        let tokens = file.tokens(of: entry)
        let fields = tokens.filter(\.isField)
        guard !fields.isEmpty else { return nil }
        entryRange = entry.range
        comments = tokens.filter { $0.kind == .comment }
        hasParentheses = tokens.contains { $0.kind == .openParen }
        let blank = bytes[entry.range.lowerBound] == 0x20 || bytes[entry.range.lowerBound] == 0x09
        var cursor = 0
        owner = nil
        if !blank {
            owner = fields[0]
            cursor = 1
        }
        ttl = nil
        rrClass = nil
        for _ in 0..<2 where cursor < fields.count {
            let token = fields[cursor]
            if ttl == nil, TTLParser.looksLikeTTL(bytes[token.start]) {
                ttl = token
                cursor += 1
            } else if rrClass == nil, RRClass.parse(bytes[token.start..<token.end]) != nil {
                rrClass = token
                cursor += 1
            }
        }
        guard cursor < fields.count else { return nil }
        type = fields[cursor]
        rdata = Array(fields[(cursor + 1)...])
    }

    /// Byte range from the first RDATA field to the last (quotes included).
    public var rdataRange: Range<Int> {
        guard let first = rdata.first, let last = rdata.last else { return type.end..<type.end }
        return first.fullRange.lowerBound..<last.fullRange.upperBound
    }

    /// Column (0-based, tabs expanded to 8) where a token starts on its line.
    public static func column<Bytes: RandomAccessCollection<UInt8>>(of offset: Int, in bytes: Bytes) -> Int
    where Bytes.Index == Int {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var column = 0
        for index in lineStart..<offset {
            column = bytes[index] == 0x09 ? (column / 8 + 1) * 8 : column + 1
        }
        return column
    }
}
