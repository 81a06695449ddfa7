/// One RDATA field as written in the zone file: its bytes (escapes not yet
/// decoded; quotes removed) and whether it was quoted.
package struct RDataField: Sendable {
    package var bytes: ArraySlice<UInt8>
    package var quoted: Bool

    package init(bytes: ArraySlice<UInt8>, quoted: Bool) {
        self.bytes = bytes
        self.quoted = quoted
    }

    /// The field as text, for messages.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Splits presentation text into fields (whitespace-separated words and quoted strings),
    /// for tests and for RDATA that does not come from a file (`$GENERATE`, YAML values).
    package static func split(_ text: String) -> [RDataField] {
        let bytes = Array(text.utf8)
        return split(bytes, range: bytes.indices)
    }

    /// The fields of `bytes[range]`, as the zone-file lexer reads them: the bytes as they are
    /// (a record's text, or `$GENERATE`'s expanded right-hand side), no conversion to text.
    ///
    /// The lexer hands its fields straight to the array returned (`FieldSink`): a record decoded from its
    /// text (every record a plan or a check looks at) lexed its tokens into an array of their own, then
    /// filtered and mapped them into two more.
    static func split(_ bytes: [UInt8], range: Range<Int>) -> [RDataField] {
        var sink = FieldSink(bytes: bytes)
        // Each field is at least one octet and followed by a blank: no growing for up to eight of them.
        let room = min(8, (range.count + 1) / 2)
        if room > 0 { sink.fields.reserveCapacity(room) }
        bytes.withUnsafeBufferPointer { EntryScanner.scanEntries($0, range: range, into: &sink) }
        return sink.fields
    }

    /// The lexer's tokens kept as fields: words and quoted strings, not parentheses or comments.
    private struct FieldSink: TokenSink {
        let bytes: [UInt8]
        var fields: [RDataField] = []

        mutating func append(_ token: Token) {
            guard token.isField else { return }
            fields.append(RDataField(bytes: bytes[token.start..<token.end], quoted: token.kind == .quoted))
        }
    }

    /// The fields of `bytes[range]` of a file's text, sliced from one copy of that range (a record's
    /// RDATA: a few bytes, where the file may be a mapping).
    static func split(_ bytes: SourceBytes, range: Range<Int>) -> [RDataField] {
        let text = Array(bytes[range])
        return split(text, range: text.indices)
    }
}

/// Why RDATA could not be read; `field` is the index of the offending field, for the column.
public struct RDataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var field: Int?

    public init(_ message: String, field: Int? = nil) {
        self.message = message
        self.field = field
    }

    /// The message alone, as a plan shows it ("… is not valid TXT RDATA: RDATA is 65511 octets long; …").
    public var description: String { message }
}
