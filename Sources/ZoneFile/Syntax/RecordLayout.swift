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
    ///
    /// One pass over the entry's tokens, each told apart as the lexer finds it (`Reader`), not gathered into
    /// an array first: an editor reads the layout of the line each new record follows and of every SOA it
    /// bumps, and the fields and comments filtered into arrays of their own (each grown token by token), then
    /// the array of every token, were most of the allocations of doing so.
    public init?(file: ZoneFileSyntax, entryIndex: Int) {
        let entry = file.entries[entryIndex]
        guard entry.kind == .record else { return nil }
        let bytes = file.source.bytes
        let blank = bytes[entry.range.lowerBound] == 0x20 || bytes[entry.range.lowerBound] == 0x09
        // Room for an SOA written over lines with a comment per timer (17 tokens) without growing.
        let room = min(entry.range.count, Self.expectedTokens)
        // The reader's view of the text is used only while the lexer runs; its tokens are kept.
        let reader = bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer, ownerPending: !blank, room: room)
            EntryScanner.scanEntries(buffer, range: entry.range, into: &reader)
            return reader
        }
        guard let type = reader.type else { return nil }
        self.entryRange = entry.range
        self.owner = reader.owner
        self.ttl = reader.ttl
        self.rrClass = reader.rrClass
        self.type = type
        self.rdata = reader.rdata
        self.comments = reader.comments
        self.hasParentheses = reader.hasParentheses
    }

    /// The roles of an entry's tokens, told as they come: the owner when the line names one, then up to two
    /// TTL or class fields, then the type; the fields after it are the RDATA.
    private struct Reader: TokenSink {
        /// The text the tokens are read from, valid while the lexer runs.
        let bytes: UnsafeBufferPointer<UInt8>
        var ownerPending: Bool
        /// Room made for the RDATA fields and for the comments when the first of each comes.
        let room: Int
        var owner: Token? = nil
        var ttl: Token? = nil
        var rrClass: Token? = nil
        var type: Token? = nil
        var rdata: [Token] = []
        var comments: [Token] = []
        var hasParentheses = false
        var ttlAndClassFields = 0

        init(bytes: UnsafeBufferPointer<UInt8>, ownerPending: Bool, room: Int) {
            self.bytes = bytes
            self.ownerPending = ownerPending
            self.room = room
        }

        mutating func append(_ token: Token) {
            switch token.kind {
            case .comment:
                // An SOA written over lines has a comment per timer: one buffer for them.
                if comments.isEmpty { comments.reserveCapacity(room) }
                comments.append(token)
                return
            case .openParen:
                hasParentheses = true
                return
            case .closeParen:
                return
            case .word, .quoted:
                break
            }
            if ownerPending {
                owner = token
                ownerPending = false
            } else if type != nil {
                if rdata.isEmpty { rdata.reserveCapacity(room) }
                rdata.append(token)
            } else if ttlAndClassFields < 2, ttl == nil, TTLParser.looksLikeTTL(bytes[token.start]) {
                ttl = token
                ttlAndClassFields += 1
            } else if ttlAndClassFields < 2, rrClass == nil,
                RRClass.parse(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])) != nil
            {
                rrClass = token
                ttlAndClassFields += 1
            } else {
                type = token
            }
        }
    }

    /// How many tokens the buffer a layout is read from has room for at first.
    private static let expectedTokens = 24

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
