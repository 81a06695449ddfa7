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
    /// has always taken a quoted TTL or class as written.
    mutating func readTTLAndClass(
        _ fields: [Token], cursor: inout Int, end: Int, wordsOnly: Bool, source: SourceFile
    ) -> TTLAndClass? {
        let bytes = source.bytes
        var found = TTLAndClass()
        for _ in 0..<2 {
            guard cursor < end else { break }
            let token = fields[cursor]
            guard token.kind == .word || !wordsOnly else { break }
            if found.ttl == nil, TTLParser.looksLikeTTL(bytes[token.start]) {
                guard let value = readTTL(bytes[token.start..<token.end], source: source, offset: token.start) else {
                    return nil
                }
                found.ttl = value
                found.ttlOffset = token.start
            } else if found.rrClass == nil, let parsed = RRClass.parse(bytes[token.start..<token.end]) {
                found.rrClass = parsed
            } else {
                break
            }
            cursor += 1
        }
        return found
    }
}
