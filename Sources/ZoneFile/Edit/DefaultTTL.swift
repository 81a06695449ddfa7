extension ZoneFileSyntax {
    /// The TTL a record without a TTL field gets when written after entry `entryIndex` of this file, as far
    /// as this file tells: the value of the last `$TTL` line before it, or nil when this file sets none there.
    /// (A file read through `$INCLUDE` starts with the including file's `$TTL`; the caller asks that file.)
    /// Editors use it to give a new record the zone's default rather than a neighbouring line's own TTL.
    /// A walk back from the entry: to ask about many entries, read the file once into `TTLDirectives`.
    public func defaultTTL(after entryIndex: Int) -> UInt32? {
        var unlimited = Int.max
        return defaultTTL(after: entryIndex, budget: &unlimited) ?? nil
    }

    /// `defaultTTL(after:)`, walking back over at most `budget` entries (those looked at are taken from it):
    /// nil when the budget ran out first, else the answer. A writer placing a few records in a large file
    /// finds each default a few entries back, where reading every `$TTL` line of the file into
    /// `TTLDirectives` read the whole file again.
    func defaultTTL(after entryIndex: Int, budget: inout Int) -> UInt32?? {
        lastTTLDirective(atOrBefore: entryIndex, notBefore: 0, budget: &budget).map(\.value)
    }

    /// The last `$TTL` line at or before entry `entryIndex` and not before entry `lowest`, walking back over at
    /// most `budget` entries: nil when the budget ran out first; else its entry and value, or (`entry` nil, value
    /// nil) when there is none in that stretch.
    func lastTTLDirective(atOrBefore entryIndex: Int, notBefore lowest: Int, budget: inout Int)
        -> (entry: Int?, value: UInt32?)?
    {
        var index = min(entryIndex, entries.count - 1)
        while index >= lowest {
            guard budget > 0 else { return nil }
            budget -= 1
            if let directive = ttlDirective(at: index) { return (index, directive) }
            index -= 1
        }
        return (nil, nil)
    }

    /// For a `$TTL` line, its value (an inner nil when the value cannot be read); nil for any other entry.
    func ttlDirective(at index: Int) -> UInt32?? {
        let entry = entries[index]
        guard entry.kind == .directive else { return nil }
        let bytes = source.bytes
        var cursor = entry.range.lowerBound
        let end = entry.range.upperBound
        func word() -> Range<Int> {
            while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
            let start = cursor
            while cursor < end, bytes[cursor] > 0x20, bytes[cursor] != UInt8(ascii: ";") { cursor += 1 }
            return start..<cursor
        }
        // The directive's word looked at in place: most directives are `$ORIGIN` and `$TTL`, four or seven
        // ASCII octets, told apart without a copy.
        let directive = word()
        guard Self.isTTLWord(bytes, directive) else { return nil }
        // The value read where it is written, not copied out first.
        if case .success(let value) = TTLParser.parse(bytes[word()]) {
            return .some(min(value, 0x7FFF_FFFF))
        }
        return .some(nil)
    }
}

extension ZoneFileSyntax {
    /// `isTTLWord(_:)` of the word at `range` of `bytes`, read in place: an ASCII word (`$ORIGIN`, `$TTL`) is
    /// `$TTL` when it has four octets that are `$TTL` with ASCII letters' case ignored, as `isTTLWord(_:)`
    /// compares them; a word with other octets is asked of `isTTLWord(_:)` itself.
    static func isTTLWord(_ bytes: SourceBytes, _ range: Range<Int>) -> Bool {
        guard bytes[range].allSatisfy({ $0 < 0x80 }) else { return isTTLWord(ArraySlice(bytes[range])) }
        guard range.count == 4 else { return false }
        let start = range.lowerBound
        return bytes[start] == UInt8(ascii: "$") && bytes[start + 1] | 0x20 == UInt8(ascii: "t")
            && bytes[start + 2] | 0x20 == UInt8(ascii: "t") && bytes[start + 3] | 0x20 == UInt8(ascii: "l")
    }

    /// Whether a directive's word is `$TTL`, letter case ignored: an ASCII word's octets compared, as every
    /// directive of a file is asked (no string made); a word with other octets upper-cased as a string.
    static func isTTLWord(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: word, as: UTF8.self).uppercased() == "$TTL"
        }
        return word.count == 4
            && zip(word, "$TTL".utf8).allSatisfy { ($0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0) == $1 }
    }
}

/// The `$TTL` lines of one file, read in one pass, so that the default TTL after any entry is a binary
/// search: an editor placing thousands of records in a large file would otherwise walk back through
/// the file's entries for each (`ZoneFileSyntax.defaultTTL(after:)`), quadratic in the records placed.
public struct TTLDirectives: Sendable {
    /// Entry indexes of the `$TTL` lines, in file order, and their values (nil: unreadable).
    private let entryIndexes: [Int]
    private let values: [UInt32?]

    public init(_ file: ZoneFileSyntax) {
        var entryIndexes: [Int] = []
        var values: [UInt32?] = []
        // Directives are spread through a large file: its pages go back behind the reading.
        var pagesBehind = SourceBytes.PagesBehind()
        for index in 0..<file.entries.count where file.entries[index].kind == .directive {
            pagesBehind.reader(at: Int(file.entries[index].start), of: file.source.bytes)
            if let directive = file.ttlDirective(at: index) {
                entryIndexes.append(index)
                values.append(directive)
            }
        }
        self.entryIndexes = entryIndexes
        self.values = values
    }

    /// The same answer as `ZoneFileSyntax.defaultTTL(after:)` for the file this was read from.
    public func defaultTTL(after entryIndex: Int) -> UInt32? {
        // The last `$TTL` line at or before the entry.
        var low = 0
        var high = entryIndexes.count
        while low < high {
            let middle = (low + high) / 2
            if entryIndexes[middle] <= entryIndex { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : values[low - 1]
    }
}
