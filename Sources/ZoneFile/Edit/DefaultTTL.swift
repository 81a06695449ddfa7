extension ZoneFileSyntax {
    /// The TTL a record without a TTL field gets when written after entry `entryIndex` of this file, as far
    /// as this file tells: the value of the last `$TTL` line before it, or nil when this file sets none there.
    /// (A file read through `$INCLUDE` starts with the including file's `$TTL`; the caller asks that file.)
    /// Editors use it to give a new record the zone's default rather than a neighbouring line's own TTL.
    public func defaultTTL(after entryIndex: Int) -> UInt32? {
        let bytes = source.bytes
        var index = min(entryIndex, entries.count - 1)
        while index >= 0 {
            let entry = entries[index]
            index -= 1
            guard entry.kind == .directive else { continue }
            var cursor = entry.range.lowerBound
            let end = entry.range.upperBound
            func word() -> ArraySlice<UInt8> {
                while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
                let start = cursor
                while cursor < end, bytes[cursor] > 0x20, bytes[cursor] != UInt8(ascii: ";") { cursor += 1 }
                return bytes[start..<cursor]
            }
            guard String(decoding: word(), as: UTF8.self).uppercased() == "$TTL" else { continue }
            if case .success(let value) = TTLParser.parse(word()) { return min(value, 0x7FFF_FFFF) }
            return nil
        }
        return nil
    }
}
