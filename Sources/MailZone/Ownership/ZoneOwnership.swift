import Foundation
import ZoneFile

/// A record of a zone that carries a mailzone marker, where it is written and what the marker says.
public struct OwnedRecord: Sendable, Hashable {
    public var record: Record
    public var marker: OwnershipMarker
    /// The sender the marker names, `@` resolved against the line's `$ORIGIN`.
    public var sender: DeclaredName
    /// Index into `Zone.files` of the file holding the line.
    public var fileIndex: Int
    /// The marker's bytes in that file: from its `;` to the end of the comment (line ending excluded).
    public var markerRange: Range<Int>
    /// The record's file and line (its first line, for a record written over several).
    public var location: PlanLocation

    public init(
        record: Record, marker: OwnershipMarker, sender: DeclaredName, fileIndex: Int, markerRange: Range<Int>,
        location: PlanLocation
    ) {
        self.record = record
        self.marker = marker
        self.sender = sender
        self.fileIndex = fileIndex
        self.markerRange = markerRange
        self.location = location
    }
}

/// What mailzone manages in one loaded zone: the records whose lines carry an `OwnershipMarker`,
/// by sender, and the markers it could not read.
///
/// The zone file is the only state (docs/OWNERSHIP.md): this is read from the zone each time it
/// is planned. The markers are the `;` followed by `mailzone:` in the comments of records, noted as a
/// plan's load reads them (`Planner.loadOptions`), else found by one pass over the files' bytes; only the
/// lines found are tokenised and only their records built, so a large zone without markers costs nothing
/// more (the pass read a million-record zone's text a second time: 2% of its plan).
public struct ZoneOwnership: Sendable {
    /// The owned records, in the order of the zone's files and lines.
    public private(set) var records: [OwnedRecord] = []
    /// Markers that cannot be read (their records count as not owned), as plan warnings at the marker's column.
    public private(set) var problems: [PlanFinding] = []
    private var bySender: [DeclaredName: [Int]] = [:]
    private var byLine: [LineKey: Int] = [:]

    private struct LineKey: Hashable {
        var file: Int
        var entry: Int
    }

    /// No record owned: for a zone that is not read.
    public init() {}

    /// Reads every marker of `zone`.
    public init(zone: Zone) {
        var found: [(fileIndex: Int, entryIndex: Int, marker: OwnershipMarker, range: Range<Int>)] = []
        for (fileIndex, file) in zone.files.enumerated() {
            var seen = Set<Int>()
            // Noted by the load where it was asked to (`Planner.loadOptions`): those within a record's comments,
            // where every marker is, of the `;` a search of the text finds.
            let hits =
                file.commentsMarked(with: OwnershipMarker.keywordBytes) ?? Self.markerHits(in: file.source.bytes)
            for hit in hits {
                guard let entryIndex = file.entryIndex(containing: hit), file.entries[entryIndex].kind == .record,
                    seen.insert(entryIndex).inserted
                else { continue }
                let bytes = file.source.bytes
                // The first comment of the line holding a marker (a `;` inside a quoted string is not one).
                for token in file.tokens(of: file.entries[entryIndex]) where token.kind == .comment {
                    var end = token.end
                    while end > token.start, bytes[end - 1] == 0x0D { end -= 1 }
                    let text = String(decoding: bytes[token.start..<end], as: UTF8.self)
                    do {
                        guard let (marker, offset) = try OwnershipMarker.find(inComment: text) else { continue }
                        found.append((fileIndex, entryIndex, marker, (token.start + offset)..<end))
                        break
                    } catch {
                        let location = file.source.location(of: token.start + error.offset)
                        problems.append(
                            PlanFinding(
                                severity: .warning,
                                message: "\(error.message): mailzone does not manage this record",
                                fix: error.fix + " (or delete the marker to leave the record to you)",
                                location: PlanLocation(
                                    file: file.source.path, line: location.line, column: location.column)))
                        break
                    }
                }
            }
        }
        let indices = zone.recordIndices(writtenBy: found.map { ($0.fileIndex, $0.entryIndex) })
        for (entry, index) in zip(found, indices) {
            guard let index else { continue }
            let record = zone.record(index: index)
            let file = zone.files[entry.fileIndex]
            let line = file.source.location(of: record.source?.entryRange.lowerBound ?? 0).line
            let origin =
                record.source.map { DeclaredName(labels: $0.origin.declaredLabels) } ?? DeclaredName(labels: [])
            let sender = entry.marker.sender.resolved(origin: origin)
            byLine[LineKey(file: entry.fileIndex, entry: entry.entryIndex)] = records.count
            bySender[sender, default: []].append(records.count)
            records.append(
                OwnedRecord(
                    record: record, marker: entry.marker, sender: sender, fileIndex: entry.fileIndex,
                    markerRange: entry.range, location: PlanLocation(file: file.source.path, line: line)))
        }
    }

    /// The senders that own records here, in the order their first record is written.
    public var senders: [DeclaredName] {
        var seen = Set<DeclaredName>()
        return records.map(\.sender).filter { seen.insert($0).inserted }
    }

    /// The records `sender` owns, in file order.
    public func records(ofSender sender: DeclaredName) -> [OwnedRecord] {
        (bySender[sender] ?? []).map { records[$0] }
    }

    /// The ownership of `record` (a record of the zone this was read from), nil when it carries no marker.
    public func owner(of record: Record) -> OwnedRecord? {
        guard let source = record.source, let index = byLine[LineKey(file: source.fileIndex, entry: source.entryIndex)]
        else { return nil }
        return records[index]
    }

    /// Offsets of every `;` followed by blanks and `mailzone:` (any case) in `bytes`.
    static func markerHits(in bytes: SourceBytes) -> [Int] {
        let keyword = OwnershipMarker.keywordBytes
        var hits: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var index = 0
            let count = buffer.count
            // A mapped file's pages go back behind the search; memchr looks a stride ahead at most.
            let stride = SourceBytes.releaseStride
            var pagesBehind = SourceBytes.PagesBehind()
            // `;` found with memchr, which reads a word at a time: a large zone is mostly other bytes.
            while index < count {
                pagesBehind.reader(at: index, of: bytes)
                let end = min(count, index + stride)
                guard let found = memchr(base + index, Int32(UInt8(ascii: ";")), end - index) else {
                    index = end
                    continue
                }
                index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                var at = index + 1
                while at < count, buffer[at] == 0x20 || buffer[at] == 0x09 { at += 1 }
                if at + keyword.count <= count {
                    var matches = true
                    for offset in 0..<keyword.count where buffer[at + offset] | 0x20 != keyword[offset] | 0x20 {
                        matches = false
                        break
                    }
                    if matches { hits.append(index) }
                }
                index += 1
            }
        }
        return hits
    }
}

extension DomainName {
    /// The labels as a declaration holds them: lower-cased text, leftmost first, without the root.
    var declaredLabels: [String] { labels.map { String(decoding: $0, as: UTF8.self).lowercased() } }
}
