/// A TTL written as text outside a zone file (a declaration's `ttl:`), read by the same rules as a zone
/// file's TTL field, so `3600` and `1h` mean there what they mean to BIND.
package enum TTLText {
    /// The seconds `text` stands for (`3600`, `1h`, `1h30m`, `1W`), or nil when it is not a TTL.
    package static func seconds(_ text: String) -> UInt32? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, TTLParser.looksLikeTTL(first),
            case .success(let value) = TTLParser.parse(bytes[...])
        else { return nil }
        return value
    }
}
