/// Edits of records in a file's text: insert a line, replace RDATA or TTL, remove a record.
extension ZoneFileSyntax {
    /// The file's line ending: CRLF when its first line ends so, else LF.
    public var lineEnding: String {
        let bytes = source.bytes
        guard let newline = bytes.firstIndex(of: 0x0A) else { return "\n" }
        return newline > 0 && bytes[newline - 1] == 0x0D ? "\r\n" : "\n"
    }

    /// Inserts `line` (without line ending) as a new line after entry `entryIndex`
    /// (or at the start of the file when nil). The file's line ending is used; a
    /// file without a final newline gets one before the new line.
    public func insertion(after entryIndex: Int?, line: String) -> SourceEdit {
        insertion(after: entryIndex, lineOctets: Array(line.utf8))
    }

    /// `insertion(after:line:)` with the line (or lines, joined by the file's line ending) as octets, which
    /// become the edit's replacement.
    public func insertion(after entryIndex: Int?, lineOctets line: consuming [UInt8]) -> SourceEdit {
        let ending = lineEnding.utf8
        var end = 0
        if let entryIndex {
            end = entries[entryIndex].range.upperBound
            if end == 0 || source.bytes[end - 1] != 0x0A {
                return SourceEdit(range: end..<end, replacement: Array(ending) + line)
            }
        }
        var replacement = line
        replacement += ending
        return SourceEdit(range: end..<end, replacement: replacement)
    }

    /// Replaces the RDATA of the record at `entryIndex` with `rdata` (presentation text),
    /// keeping the owner, TTL, class, type, spacing and the comments after the RDATA.
    public func replacingRData(ofEntry entryIndex: Int, with rdata: String) -> SourceEdit? {
        guard let layout = RecordLayout(file: self, entryIndex: entryIndex) else { return nil }
        return SourceEdit(range: layout.rdataRange, replacement: rdata)
    }

    /// Sets the TTL of the record at `entryIndex`: replaces its TTL field, or inserts one before the class or type.
    public func replacingTTL(ofEntry entryIndex: Int, with ttl: String) -> SourceEdit? {
        guard let layout = RecordLayout(file: self, entryIndex: entryIndex) else { return nil }
        if let token = layout.ttl { return SourceEdit(range: token.range, replacement: ttl) }
        let before = [layout.rrClass, layout.type].compactMap { $0 }.min { $0.start < $1.start } ?? layout.type
        return .insert(ttl + " ", at: before.start)
    }

    /// Removes the record at `entryIndex`. When the next record inherits this line's owner
    /// (it starts with whitespace), the owner moves to that line so its meaning is kept.
    public func removal(ofEntry entryIndex: Int) -> [SourceEdit] {
        let entry = entries[entryIndex]
        var edits = [SourceEdit(range: entry.range, replacement: [])]
        guard let layout = RecordLayout(file: self, entryIndex: entryIndex), let owner = layout.owner else {
            return edits
        }
        var next = entryIndex + 1
        while next < entries.count, entries[next].kind == .trivia { next += 1 }
        guard next < entries.count, entries[next].kind == .record,
            let nextLayout = RecordLayout(file: self, entryIndex: next), nextLayout.owner == nil
        else { return edits }
        let bytes = source.bytes
        // The removed line's owner and the whitespace after it replace the next line's leading whitespace.
        var separatorEnd = owner.end
        while separatorEnd < bytes.count, bytes[separatorEnd] == 0x20 || bytes[separatorEnd] == 0x09 {
            separatorEnd += 1
        }
        let nextStart = entries[next].range.lowerBound
        var leadingEnd = nextStart
        while leadingEnd < bytes.count, bytes[leadingEnd] == 0x20 || bytes[leadingEnd] == 0x09 { leadingEnd += 1 }
        edits.append(SourceEdit(range: nextStart..<leadingEnd, replacement: Array(bytes[owner.start..<separatorEnd])))
        return edits
    }
}
