/// The lossless syntax of one zone file: its bytes partitioned into entries.
///
/// Every byte belongs to exactly one entry, so printing the entries in order
/// gives back the file byte for byte — broken lines included, which are kept as
/// `unexpected` entries with a diagnostic rather than dropped. Tokens inside an
/// entry are produced on demand by re-lexing its bytes (`tokens(of:)`).
public struct ZoneFileSyntax: Sendable {
    public let source: SourceFile
    public let entries: EntryList

    /// The `;` of the record comments marked with a word, noted as the file was read (`LoadOptions.commentMark`).
    private var commentMarks: (word: [UInt8], offsets: [Int])?

    public init(source: SourceFile, entries: EntryList) {
        self.source = source
        self.entries = entries
    }

    /// A file read with the `;` of its record comments marked with `word` noted (`LoadOptions.commentMark`).
    init(source: SourceFile, entries: EntryList, commentsMarked word: [UInt8], at offsets: [Int]) {
        self.init(source: source, entries: entries)
        commentMarks = (word, offsets)
    }

    /// The offset, in order, of each `;` in a comment of a record entry that is followed by blanks and `word`
    /// (ASCII case ignored), as the load noted them; nil when the load did not note comments marked with `word`.
    package func commentsMarked(with word: [UInt8]) -> [Int]? {
        guard let commentMarks, commentMarks.word == word else { return nil }
        return commentMarks.offsets
    }

    /// The file's text exactly as read.
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(source.bytes.count)
        for entry in entries { result.append(contentsOf: source.bytes[entry.range]) }
        return result
    }

    /// The tokens of one entry: fields, parentheses and comments, with their byte offsets.
    public func tokens(of entry: EntrySyntax) -> [Token] {
        ZoneFileSyntax.tokens(in: source.bytes, range: entry.range)
    }

    static func tokens(in bytes: [UInt8], range: Range<Int>) -> [Token] {
        tokens(in: SourceBytes(bytes), range: range)
    }

    /// The tokens of `bytes[range]`, in an array with room for `capacity` of them from the start.
    static func tokens(in bytes: SourceBytes, range: Range<Int>, reservingCapacity capacity: Int = 0) -> [Token] {
        var tokens: [Token] = []
        if capacity > 0 { tokens.reserveCapacity(capacity) }
        bytes.withUnsafeBufferPointer { EntryScanner.scanEntries($0, range: range, into: &tokens) }
        return tokens
    }

    /// The entry containing a byte offset.
    public func entryIndex(containing offset: Int) -> Int? {
        var low = 0
        var high = entries.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let entry = entries[middle]
            if offset < Int(entry.start) {
                high = middle - 1
            } else if offset >= Int(entry.end) {
                low = middle + 1
            } else {
                return middle
            }
        }
        return nil
    }
}

/// One entry of a zone file: a record, a directive, a blank or comment line, or text that could not be parsed.
public struct EntrySyntax: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case record
        case directive
        /// Blank lines and lines holding only a comment.
        case trivia
        /// Text kept verbatim because it could not be parsed; a diagnostic says why.
        case unexpected
    }

    public let start: UInt32
    public let end: UInt32
    public let kind: Kind

    public init(start: Int, end: Int, kind: Kind) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
        self.kind = kind
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// The entries of a file, stored as 5 bytes each (start offset and kind); an
/// entry ends where the next begins.
public struct EntryList: RandomAccessCollection, Sendable {
    private var starts: [UInt32] = []
    private var kinds: [EntrySyntax.Kind] = []
    private var end: UInt32 = 0

    public init() {}

    mutating func reserve(_ capacity: Int) {
        starts.reserveCapacity(capacity)
        kinds.reserveCapacity(capacity)
    }

    /// Appends an entry; entries must be contiguous.
    mutating func append(start: Int, end: Int, kind: EntrySyntax.Kind) {
        starts.append(UInt32(truncatingIfNeeded: start))
        kinds.append(kind)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    public subscript(position: Int) -> EntrySyntax {
        let stop = position + 1 < starts.count ? Int(starts[position + 1]) : Int(end)
        return EntrySyntax(start: Int(starts[position]), end: stop, kind: kinds[position])
    }
}

extension ZoneFileSyntax {
    /// Splits a file into its lossless syntax alone — entries and their kinds — without reading
    /// records, names or RDATA: the lexical layer that edits stand on, and the part of the parser
    /// that runs at memory speed. Lexical problems (unbalanced quotes or parentheses, NUL bytes)
    /// make an entry `unexpected` and are returned as diagnostics; `$INCLUDE`s are not followed.
    public static func parse(_ source: SourceFile) -> (syntax: ZoneFileSyntax, diagnostics: [Diagnostic]) {
        var entries = EntryList()
        entries.reserve(source.bytes.count / 8 + 16)
        var diagnostics: [Diagnostic] = []
        var tokens: [Token] = []
        var problems: [LexProblem] = []
        tokens.reserveCapacity(64)
        source.bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                tokens.removeAll(keepingCapacity: true)
                problems.removeAll(keepingCapacity: true)
                let end = EntryScanner.scan(buffer, from: offset, tokens: &tokens, problems: &problems)
                let kind: EntrySyntax.Kind
                if let problem = problems.first {
                    kind = .unexpected
                    diagnostics.append(
                        Diagnostic(
                            problem.kind.diagnostic, file: source.path, location: source.location(of: problem.offset)))
                } else if let first = tokens.first(where: \.isField) {
                    let blank = buffer[offset] == 0x20 || buffer[offset] == 0x09
                    kind =
                        !blank && first.kind == .word && buffer[first.start] == UInt8(ascii: "$") ? .directive : .record
                } else {
                    kind = .trivia
                }
                entries.append(start: offset, end: end, kind: kind)
                offset = end
            }
        }
        return (ZoneFileSyntax(source: source, entries: entries), diagnostics)
    }
}

extension LexProblem.Kind {
    /// The diagnostic the loader and the syntax-only parse give for a lexical problem.
    var diagnostic: DiagnosticKind {
        switch self {
        case .unbalancedQuotes: .unbalancedQuotes
        case .unbalancedCloseParen: .unbalancedCloseParen
        case .unclosedParen: .unclosedParen
        case .nulByte: .nulByte
        }
    }
}
