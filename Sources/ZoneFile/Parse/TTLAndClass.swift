/// The TTL and class a record may write between its owner and its type, in either order
/// (RFC 1035 §5.1), as BIND reads them; `$GENERATE` reads them the same way after its templates.
struct TTLAndClass {
    var ttl: UInt32?
    /// Where the TTL is written, for a warning about its value.
    var ttlOffset = 0
    var rrClass: RRClass?
}

extension LoaderState {
    /// Reads the TTL and class among `fields[cursor..<end]` and moves `cursor` past them; nil when a
    /// TTL is invalid (reported). A record's fields stop at a quoted one (`wordsOnly`); `$GENERATE`
    /// has always taken a quoted TTL or class as written. `buffer` is the file's bytes (`source.bytes`).
    mutating func readTTLAndClass(
        _ fields: UnsafeBufferPointer<Token>, cursor: inout Int, end: Int, wordsOnly: Bool, source: SourceFile,
        buffer: UnsafeBufferPointer<UInt8>
    ) -> TTLAndClass? {
        var found = TTLAndClass()
        for _ in 0..<2 {
            guard cursor < end else { break }
            let token = fields[cursor]
            guard token.kind == .word || !wordsOnly else { break }
            let text = UnsafeBufferPointer(rebasing: buffer[token.start..<token.end])
            if found.ttl == nil, TTLParser.looksLikeTTL(buffer[token.start]) {
                guard let value = readTTL(text, source: source, offset: token.start) else { return nil }
                found.ttl = value
                found.ttlOffset = token.start
            } else if found.rrClass == nil, let parsed = RRClass.parse(text) {
                found.rrClass = parsed
            } else {
                break
            }
            cursor += 1
        }
        return found
    }
}
