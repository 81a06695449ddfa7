/// Writes records into a zone's text the way the zone already writes them.
///
/// A zone file's author chose tabs or spaces, aligned columns or single separators, relative or
/// absolute owners, a TTL and a class on every line or on none, and a way of breaking long TXT
/// values over lines. A new line written "like its neighbour" keeps all of that, so the file reads
/// as if its author had added the record, and a diff shows one line:
///
/// - the owner is left out when the neighbour leaves it out and the owner is the same (the line
///   inherits it), else written relative to the `$ORIGIN` in force, or in full when asked;
/// - each field starts in the neighbour's column (tabs expanded to 8), padded with the neighbour's
///   separator character; a file that separates fields by one space gets one space;
/// - a TTL field only where the neighbour has one, or where leaving it out would give the record
///   another TTL; a class field only where the neighbour has one, in its letter case;
/// - TXT and SPF values as quoted strings, several in parentheses over lines indented like the
///   zone's other multi-line records.
///
/// New RDATA for an existing record replaces only the RDATA bytes (``replacingRData(of:with:)``):
/// the owner, fields, comments and parentheses stay. The writer produces text and ``SourceEdit``s;
/// applying them is ``SourceEdit/apply(_:to:)-(_,SourceBytes)``.
///
/// Not `Sendable`: it remembers what it found in the zone (the continuation indent, the `$TTL`
/// lines), so writing many records scans the zone once. Make one per task.
public struct RecordWriter {
    /// The zone whose files the writer writes into.
    public let zone: Zone
    private let found = Found()

    /// A writer for `zone`'s files; the records it is asked to follow or change must be this zone's.
    public init(zone: Zone) {
        self.zone = zone
    }

    /// A writer that walks back over at most `ttlWalk` entries in all for the default TTLs before reading a
    /// file's `$TTL` lines into a table (`Found.ttlWalkLeft`); tests give a small one.
    init(zone: Zone, ttlWalk: Int) {
        self.zone = zone
        found.ttlWalkLeft = ttlWalk
    }

    /// Entries a writer walks back over in all, finding the `$TTL` in force where new records go, before it
    /// reads a file's `$TTL` lines once into a table instead: a plan for a few senders in a large zone finds
    /// each default a few entries back, while the table reads every entry and every `$TTL` line of the file
    /// (a million-record zone's pages, given back by the load, read in again); a plan for thousands of
    /// senders, or a file whose `$TTL` is far back, soon spends the walk and has the table.
    static let ttlWalk = 1 << 16

    /// What the writer looked up in the zone once: finding the continuation indent may scan every file,
    /// and each new record asks for the default TTL where it goes.
    private final class Found {
        var continuationIndent: String?
        var ttlDirectives: [Int: TTLDirectives] = [:]
        /// What is left of `RecordWriter.ttlWalk`.
        var ttlWalkLeft = RecordWriter.ttlWalk
        /// The stretch of a file's entries the walk back for the default TTL crossed last, from the `$TTL` line
        /// it found (or the file's first entry) to the entry asked about, and the value in force all along it:
        /// a zone's new lines mostly follow a few records after one `$TTL` line, and each line asked again,
        /// walking back over the same entries.
        var ttlWalked: (fileIndex: Int, start: Int, end: Int, value: UInt32?)?
        /// The layout of the line last written like (by file and entry): a sender's new names mostly follow
        /// one line, each asking for its layout.
        var lastLayout: (fileIndex: Int, entryIndex: Int, layout: RecordLayout)?
        /// What goes between two strings of a multi-line TXT value in the file written to last (by file):
        /// its line ending and the continuation indent.
        var stringSeparator: (fileIndex: Int, octets: [UInt8])?
    }

    /// A record to write as a new line.
    public struct NewRecord: Sendable, Hashable {
        /// The owner, absolute; written relative to the origin in force where the line goes.
        public var owner: DomainName
        public var type: RRType
        /// The value: TXT and SPF strings are written from it, other types from `presentation` when given.
        public var rdata: RData
        /// The TTL to give the record; nil for the TTL of the RRset it joins (a server keeps one TTL per
        /// RRset, RFC 2181 §5.2), else the zone's default where the line goes.
        public var ttl: UInt32?
        /// The RDATA as it should be written (`10 mx.example.com.`), for types other than TXT and SPF;
        /// nil for the canonical presentation of `rdata`. TXT and SPF values are always written from
        /// `rdata`'s strings.
        public var presentation: String?

        public init(owner: DomainName, type: RRType, rdata: RData, ttl: UInt32? = nil, presentation: String? = nil) {
            self.owner = owner
            self.type = type
            self.rdata = rdata
            self.ttl = ttl
            self.presentation = presentation
        }
    }

    // MARK: New lines

    /// The text of a new record line (without a line ending) written like `neighbour`'s line.
    ///
    /// With `absoluteOwner` the owner is written in full, for a line that goes where the `$ORIGIN`
    /// in force may not be the neighbour's (see ``InsertionPoint``).
    public func line(for record: NewRecord, like neighbour: Record, absoluteOwner: Bool = false)
        throws(RecordWriterError) -> String
    {
        var line: [UInt8] = []
        line.reserveCapacity(128)
        try appendLine(for: record, like: neighbour, absoluteOwner: absoluteOwner, to: &line)
        return String(decoding: line, as: UTF8.self)
    }

    /// ``line(for:like:absoluteOwner:)`` appended to `line` as octets, after the lines already there (each
    /// ended by a line break): an edit inserting several lines builds them in one buffer, not a string each.
    public func appendLine(
        for record: NewRecord, like neighbour: Record, absoluteOwner: Bool = false, to line: inout [UInt8]
    ) throws(RecordWriterError) {
        guard let written = WrittenLine(neighbour) else { throw .noLine(owner: neighbour.owner, type: neighbour.type) }
        try appendLine(for: record, like: written, absoluteOwner: absoluteOwner, to: &line)
    }

    /// ``appendLine(for:like:absoluteOwner:to:)`` like a record's line as the record table gives it
    /// (`Zone.writtenLine(ofRecord:)`): the record it follows is not built (its data decoded, the lines to it
    /// counted), as nothing of that is written like.
    package func appendLine(
        for record: NewRecord, like neighbour: WrittenLine, absoluteOwner: Bool = false, to line: inout [UInt8]
    ) throws(RecordWriterError) {
        let (layout, file) = try written(neighbour)
        let bytes = file.source.bytes
        // The blanks after a field of the neighbour's line; a tab after its last field (or none).
        func gap(after token: Token?) -> Gap {
            guard let token else { return .tabs }
            var end = token.end
            var tabbed = false
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 {
                tabbed = tabbed || bytes[end] == 0x09
                end += 1
            }
            if end == token.end || end >= bytes.count || bytes[end] == 0x0A || bytes[end] == 0x0D { return .tabs }
            return tabbed ? .tabs : end - token.end == 1 ? .oneSpace : .spaces
        }
        // Columns where the neighbour's fields start, so space-aligned zones stay aligned.
        func column(_ token: Token?) -> Int? { token.map { RecordLayout.column(of: $0.start, in: bytes) } }

        // The line is built as octets, field by field, each padded to its column in place.
        let sameOwner = neighbour.owner == record.owner
        // The owner field is left out (the line inherits the owner) or written straight into the line.
        let inherited = !absoluteOwner && sameOwner && layout.owner == nil
        if absoluteOwner {
            // After an `$INCLUDE` (or at the end of the file) the origin in force is not the neighbour's.
            line += record.owner.description.utf8
        } else if inherited {
            // The neighbour's leading blanks, so the line inherits the owner as it does.
            var end = layout.entryRange.lowerBound
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            line += bytes[layout.entryRange.lowerBound..<end]
        } else {
            // The owner as the zone already spells it (`Mail`), else as given.
            (sameOwner ? neighbour.owner : record.owner).appendRelative(to: neighbour.origin, into: &line)
        }
        var previous: Gap = inherited ? .none : gap(after: layout.owner)
        // TTL: the record's, else its RRset's, else the zone's default where the line goes — never the
        // neighbour's own TTL (a host's A record, an RRSIG). Written when the neighbour writes one, or when a
        // line without a TTL field would get another value there (no `$TTL`: the last TTL written, RFC 1035 §5.1).
        // The RRset's TTL read from the record table: the record itself is not built (that would decode its
        // data and count lines to say where it is written).
        let rrsetTTL =
            record.ttl ?? zone.firstRecordIndex(at: record.owner, type: record.type).map { zone.store[$0].ttl }
        let zoneDefault = defaultTTL(fileIndex: neighbour.fileIndex, after: neighbour.entryIndex)
        let implicit = neighbour.explicitTTL ? (zoneDefault ?? neighbour.ttl) : neighbour.ttl
        let value = rrsetTTL ?? zoneDefault ?? soaMinimum ?? neighbour.ttl
        if layout.ttl != nil || value != implicit {
            Self.pad(&line, previous, toColumn: column(layout.ttl))
            line += String(value).utf8
            previous = gap(after: layout.ttl)
        }
        // The class and the type in the letter case the neighbour writes them in.
        if let classToken = layout.rrClass {
            Self.pad(&line, previous, toColumn: column(layout.rrClass))
            line += Self.isLowercase(bytes[classToken.range]) ? Self.lowercaseIN : Self.uppercaseIN
            previous = gap(after: layout.rrClass)
        }
        Self.pad(&line, previous, toColumn: column(layout.type))
        let mnemonic = record.type.mnemonic.utf8
        if Self.isLowercase(bytes[layout.type.range]) {
            line += mnemonic.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        } else {
            line += mnemonic
        }
        previous = gap(after: layout.type)
        // The RDATA column is where the neighbour's RDATA starts, its opening parenthesis included (a DKIM key
        // written `( "v=DKIM1; ..."`), so a new line lines up with it whatever its own RDATA looks like.
        let rdataColumn = layout.rdata.first.map { token -> Int in
            var start = token.fullRange.lowerBound
            var before = start
            while before > 0, bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09 { before -= 1 }
            if before > 0, bytes[before - 1] == UInt8(ascii: "(") { start = before - 1 }
            return RecordLayout.column(of: start, in: bytes)
        }
        Self.pad(&line, previous, toColumn: rdataColumn)
        appendRData(record, lineEnding: file, fileIndex: neighbour.fileIndex, to: &line)
    }

    /// The blanks between two fields of a line, as far as padding a new line's fields is concerned.
    private enum Gap {
        /// None: the line so far is blanks that stand for the owner.
        case none
        /// One space: the file separates fields by one space and aligns no columns.
        case oneSpace
        /// Spaces, to the next field's column.
        case spaces
        /// Tabs, to the next field's column (a gap with a tab in it, or after the line's last field).
        case tabs
    }

    /// `IN` as a class field is written, in either case.
    private static let lowercaseIN = Array("in".utf8)
    private static let uppercaseIN = Array("IN".utf8)

    /// Whether a field's text is the same lower-cased: no ASCII capital in it (`in`, `txt`), as `String`
    /// compares it; a field with other octets is compared as `String`s.
    private static func isLowercase(_ field: SourceBytes.SubSequence) -> Bool {
        guard field.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: field, as: UTF8.self)
            return text == text.lowercased()
        }
        return !field.contains { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// Inserts `records` as new lines after `neighbour`'s line, each written like it (``line(for:like:absoluteOwner:)``),
    /// at the first place after it where they change no other line's owner (``InsertionPoint``).
    /// Returns the file the edit belongs to (an index into `zone.files`) and the edit.
    public func insertion(of records: [NewRecord], after neighbour: Record)
        throws(RecordWriterError) -> (fileIndex: Int, edit: SourceEdit)
    {
        _ = try written(neighbour)
        let owner = records.first(where: { $0.owner != neighbour.owner })?.owner ?? neighbour.owner
        let point = InsertionPoint.find(after: neighbour, owner: owner, in: zone)
        let file = zone.files[point.fileIndex]
        guard !records.isEmpty else {
            let end = file.entries[point.entryIndex].range.upperBound
            return (point.fileIndex, SourceEdit(range: end..<end, replacement: []))
        }
        var lines: [String] = []
        for record in records {
            lines.append(try line(for: record, like: point.anchor, absoluteOwner: point.absoluteOwner))
        }
        return (
            point.fileIndex, file.insertion(after: point.entryIndex, line: lines.joined(separator: file.lineEnding))
        )
    }

    /// Where `record` is written and the layout of its line; an error for a record that has no line to read.
    private func written(_ record: Record) throws(RecordWriterError) -> (RecordSource, RecordLayout, ZoneFileSyntax) {
        guard let source = record.source, let line = WrittenLine(record) else {
            throw .noLine(owner: record.owner, type: record.type)
        }
        let (layout, file) = try written(line)
        return (source, layout, file)
    }

    /// The layout of a record's line and its file; an error for a record that has no line to read.
    private func written(_ line: WrittenLine) throws(RecordWriterError) -> (RecordLayout, ZoneFileSyntax) {
        // A record of another zone (or of this zone before an edit) may point past this zone's files.
        guard !line.generated, zone.files.indices.contains(line.fileIndex),
            zone.files[line.fileIndex].entries.indices.contains(line.entryIndex)
        else {
            throw .noLine(owner: line.owner, type: line.type)
        }
        if let last = found.lastLayout, last.fileIndex == line.fileIndex, last.entryIndex == line.entryIndex {
            return (last.layout, zone.files[line.fileIndex])
        }
        guard let layout = RecordLayout(file: zone.files[line.fileIndex], entryIndex: line.entryIndex) else {
            throw .noLine(owner: line.owner, type: line.type)
        }
        found.lastLayout = (line.fileIndex, line.entryIndex, layout)
        return (layout, zone.files[line.fileIndex])
    }

    /// Appends to `line` the blanks that reach `column` in the gap's character (tabs or spaces); at least one.
    private static func pad(_ line: inout [UInt8], _ gap: Gap, toColumn column: Int?) {
        switch gap {
        case .none: return
        // A file that separates fields by one space aligns no columns: one space it is.
        case .oneSpace: line.append(0x20)
        case .spaces, .tabs:
            let current = RecordLayout.column(of: line.count, in: line)
            guard let column, column > current else {
                line.append(gap == .tabs ? 0x09 : 0x20)
                return
            }
            if gap == .tabs {
                var at = current
                while at < column {
                    line.append(0x09)
                    at = (at / 8 + 1) * 8
                }
            } else {
                line += repeatElement(0x20, count: column - current)
            }
        }
    }

    // MARK: Default TTL

    /// The `$TTL` in force after entry `entryIndex` of file `fileIndex`: its file's, else (an `$INCLUDE`d file
    /// setting none) the top file's last one; nil when the zone has no `$TTL` there.
    func defaultTTL(fileIndex: Int, after entryIndex: Int) -> UInt32? {
        if let value = ttlInForce(fileIndex: fileIndex, after: entryIndex) { return value }
        guard fileIndex != 0, let top = zone.files.first else { return nil }
        return ttlInForce(fileIndex: 0, after: top.entries.count - 1)
    }

    /// The value of the last `$TTL` line of file `fileIndex` at or before entry `entryIndex` (nil: none, or
    /// unreadable): from the file's table once made, else by a walk back while the writer's walk lasts.
    private func ttlInForce(fileIndex: Int, after entryIndex: Int) -> UInt32? {
        guard found.ttlDirectives[fileIndex] == nil else {
            return ttlDirectives(of: fileIndex).defaultTTL(after: entryIndex)
        }
        let file = zone.files[fileIndex]
        let entry = min(entryIndex, file.entries.count - 1)
        // Within the stretch walked last, the answer is known; past its end, only the entries after it are walked.
        var lowest = 0
        var known: (start: Int, value: UInt32?)? = nil
        if let walked = found.ttlWalked, walked.fileIndex == fileIndex, walked.start <= entry {
            if entry <= walked.end { return walked.value }
            lowest = walked.end + 1
            known = (walked.start, walked.value)
        }
        if let directive = file.lastTTLDirective(atOrBefore: entry, notBefore: lowest, budget: &found.ttlWalkLeft) {
            let start = directive.entry ?? known?.start ?? 0
            let value = directive.entry == nil ? known?.value : directive.value
            found.ttlWalked = (fileIndex, start, entry, value)
            return value
        }
        return ttlDirectives(of: fileIndex).defaultTTL(after: entryIndex)
    }

    /// The `$TTL` lines of a file, read once: each new record asks for the default where it goes.
    private func ttlDirectives(of fileIndex: Int) -> TTLDirectives {
        if let known = found.ttlDirectives[fileIndex] { return known }
        let table = TTLDirectives(zone.files[fileIndex])
        found.ttlDirectives[fileIndex] = table
        return table
    }

    /// BIND's default TTL for a zone without `$TTL`: the SOA's MINIMUM field.
    private var soaMinimum: UInt32? {
        guard let origin = zone.origin else { return nil }
        return zone.records(at: origin, type: .soa).first?.rdata.soaMinimum
    }

    // MARK: RDATA

    /// New RDATA for an existing record, keeping its owner, fields, comments and parentheses: only the bytes
    /// from its first RDATA field to its last change. A TXT or SPF value of several strings inside the
    /// record's parentheses is written one string a line, indented like the record's own second line.
    /// Returns the file the edit belongs to (an index into `zone.files`) and the edit.
    public func replacingRData(of existing: Record, with rdata: RData)
        throws(RecordWriterError) -> (fileIndex: Int, edit: SourceEdit)
    {
        let (source, layout, file) = try written(existing)
        let bytes = file.source.bytes
        var text: String
        if existing.type == .txt || existing.type == .spf {
            // One string (a merged SPF value, a DMARC policy), or none: quoted straight into the edit's octets.
            let wire = rdata.wire
            if wire.isEmpty || 1 + Int(wire[0]) >= wire.count {
                var octets: [UInt8] = []
                octets.reserveCapacity(wire.count + 8)
                if wire.isEmpty { octets += Self.emptyString } else { Self.appendQuoted(wire[1...], to: &octets) }
                return (source.fileIndex, SourceEdit(range: layout.rdataRange, replacement: octets))
            }
            let quoted = Self.quotedStrings(of: rdata)
            if layout.hasParentheses {
                var indent = continuationIndent
                if layout.rdata.count > 1, let second = layout.rdata.dropFirst().first {
                    var start = second.fullRange.lowerBound
                    while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
                    if start > 0, bytes[start - 1] == 0x0A {
                        indent = String(decoding: bytes[start..<second.fullRange.lowerBound], as: UTF8.self)
                    }
                }
                text = quoted.joined(separator: "\n" + indent)
            } else {
                text = CharacterString.parenthesised(quoted, indent: continuationIndent)
            }
            if file.lineEnding != "\n" { text = text.replacingOccurrences(of: "\n", with: file.lineEnding) }
        } else {
            text = rdata.presentation
        }
        return (source.fileIndex, SourceEdit(range: layout.rdataRange, replacement: text))
    }

    /// A new record's RDATA as written, appended to `line`: TXT and SPF as quoted strings (several in parentheses
    /// over lines, which end as `file`'s lines do), other types as given or in canonical presentation.
    ///
    /// The strings are quoted straight from the RDATA's octets into the line (a DKIM key is two strings of
    /// hundreds of octets, and a plan writes one for every sender).
    private func appendRData(
        _ record: NewRecord, lineEnding file: ZoneFileSyntax, fileIndex: Int, to line: inout [UInt8]
    ) {
        guard record.type == .txt || record.type == .spf else {
            line += (record.presentation ?? record.rdata.presentation).utf8
            return
        }
        // The strings read from the wire form in place (`CharacterString.stringRanges(in:)` without its array).
        let wire = record.rdata.wire
        // A TXT record without strings is written as one empty string.
        guard !wire.isEmpty else {
            line += Self.emptyString
            return
        }
        let firstEnd = min(wire.count, 1 + Int(wire[0]))
        guard firstEnd < wire.count else {
            Self.appendQuoted(wire[1..<firstEnd], to: &line)
            return
        }
        // `CharacterString.parenthesised`: `( `, one string a line, continuation lines indented, ` )`.
        let separator = stringSeparator(fileIndex: fileIndex, lineEnding: file.lineEnding)
        line += Self.openParenthesis
        var index = 0
        while index < wire.count {
            let end = min(wire.count, index + 1 + Int(wire[index]))
            if index > 0 { line += separator }
            Self.appendQuoted(wire[(index + 1)..<end], to: &line)
            index = end
        }
        line += Self.closeParenthesis
    }

    /// The line ending and continuation indent between two strings of a multi-line TXT value written into
    /// file `fileIndex`, made once for the file written to last (a plan writes a DKIM key for every sender).
    private func stringSeparator(fileIndex: Int, lineEnding: String) -> [UInt8] {
        if let known = found.stringSeparator, known.fileIndex == fileIndex { return known.octets }
        let octets = Array((lineEnding + continuationIndent).utf8)
        found.stringSeparator = (fileIndex, octets)
        return octets
    }

    private static let emptyString = Array("\"\"".utf8)
    private static let openParenthesis = Array("( ".utf8)
    private static let closeParenthesis = Array(" )".utf8)

    /// The strings of TXT-like RDATA, quoted: UTF-8 text kept readable, other octets as `\DDD`.
    private static func quotedStrings(of rdata: RData) -> [String] {
        let wire = rdata.wire
        return CharacterString.stringRanges(in: wire).map { range in
            var text: [UInt8] = []
            appendQuoted(wire[range], to: &text)
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// One string of TXT-like RDATA quoted onto `line`. ASCII is kept as it is without a look at UTF-8;
    /// otherwise valid UTF-8 decodes back to the same octets and is kept readable, and anything else is escaped.
    private static func appendQuoted(_ octets: ArraySlice<UInt8>, to line: inout [UInt8]) {
        let keepingUTF8 =
            octets.allSatisfy { $0 < 0x80 } || String(decoding: octets, as: UTF8.self).utf8.elementsEqual(octets)
        CharacterString.appendQuoted(octets, keepingUTF8: keepingUTF8, to: &line)
    }

    /// How the zone indents the continuation lines of its multi-line TXT records, else four tabs; found once.
    public var continuationIndent: String {
        if let indent = found.continuationIndent { return indent }
        let indent = Self.continuationIndent(of: zone)
        found.continuationIndent = indent
        return indent
    }

    /// The indentation of continuation lines in the zone's existing multi-line records, else four tabs.
    private static func continuationIndent(of zone: Zone) -> String {
        for file in zone.files {
            // Each record's octets searched in place for a line break (every record of a zone without a
            // multi-line TXT record is searched).
            let indent = file.source.bytes.withUnsafeBufferPointer { bytes -> String? in
                for entry in file.entries where entry.kind == .record {
                    let range = entry.range
                    guard let newline = bytes[range].firstIndex(of: 0x0A), newline + 1 < range.upperBound else {
                        continue
                    }
                    var end = newline + 1
                    while end < range.upperBound, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                    // Only lines that continue with a quoted string (a TXT layout), not SOA timers.
                    if end < range.upperBound, bytes[end] == UInt8(ascii: "\""), end > newline + 1 {
                        return String(decoding: bytes[(newline + 1)..<end], as: UTF8.self)
                    }
                }
                return nil
            }
            if let indent { return indent }
        }
        return "\t\t\t\t"
    }
}

/// Why the record writer cannot write where it was asked to.
public enum RecordWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The record is not a line of the zone's text that can be read back: it came from `$GENERATE`,
    /// was built in memory rather than loaded, or belongs to another zone.
    case noLine(owner: DomainName, type: RRType)

    public var description: String {
        switch self {
        case .noLine(let owner, let type):
            "\(owner) \(type) is not written as a line of the zone's files (a $GENERATE, or a record not read from text)"
        }
    }
}
