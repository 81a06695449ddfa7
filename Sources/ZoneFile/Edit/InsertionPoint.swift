/// Where the new lines of an owner can go without changing what any existing line means.
///
/// A zone line without an owner field belongs to the owner of the line before it, and the first
/// owner-less lines of an `$INCLUDE`d file belong to the owner in force where the file is included.
/// A new line with its own owner, put just before such lines, would take them over: `$TTL 300`
/// followed by owner-less apex records, or a dump's `NS` lines after `$TTL` below the SOA. So the
/// new lines move down past every owner-less record that follows the anchor (those records keep
/// their owner: the one in force is still the anchor's), and past `$TTL` and `$ORIGIN` lines; they
/// stop before the first line that names its owner, a `$GENERATE`, or the end of the file. Before
/// an `$INCLUDE`, whose first records may inherit the owner, they go to the end of the file instead,
/// with the owner written in full, since the origin in force there may not be the anchor's.
///
/// ``RecordWriter/insertion(of:after:)`` places its lines here; an editor that writes its own lines
/// finds the point, writes them like its `anchor` with ``RecordWriter/line(for:like:absoluteOwner:)``
/// and inserts them with ``ZoneFileSyntax/insertion(after:line:)``.
public struct InsertionPoint: Sendable {
    /// The record whose line the new lines are written like.
    public var anchor: Record
    /// The file the lines go into: an index into `Zone.files`.
    public var fileIndex: Int
    /// The entry the new lines follow.
    public var entryIndex: Int
    /// Whether the owner must be written absolute (the origin where the lines go is not the anchor's).
    public var absoluteOwner: Bool

    /// Where new lines of `owner` go when they should follow `anchor`'s line.
    public static func find(after anchor: Record, owner: DomainName, in zone: Zone) -> InsertionPoint {
        guard let source = anchor.source else {
            return InsertionPoint(anchor: anchor, fileIndex: 0, entryIndex: 0, absoluteOwner: true)
        }
        let place = walk(from: source.fileIndex, source.entryIndex, ownedBy: anchor.owner, newOwner: owner, in: zone)
        // Only the last owner-less record moved past is built (an apex's MX, TXT and CAA lines are crossed one
        // after another).
        return InsertionPoint(
            anchor: place.last.map { zone.record(index: $0) } ?? anchor, fileIndex: source.fileIndex,
            entryIndex: place.entryIndex, absoluteOwner: place.absoluteOwner)
    }

    /// `find(after:owner:in:)` after a record's line as the record table gives it (`Zone.writtenLine(ofRecord:)`),
    /// no record built: the same place, and the line the new lines are written like.
    package static func find(after anchor: WrittenLine, owner: DomainName, in zone: Zone) -> LineInsertionPoint {
        let place = walk(from: anchor.fileIndex, anchor.entryIndex, ownedBy: anchor.owner, newOwner: owner, in: zone)
        return LineInsertionPoint(
            anchor: place.last.map { zone.writtenLine(ofRecord: $0) } ?? anchor, fileIndex: anchor.fileIndex,
            entryIndex: place.entryIndex, absoluteOwner: place.absoluteOwner)
    }

    /// The walk `find` makes from the anchor's entry (`entryIndex` of file `fileIndex`, a record of
    /// `anchorOwner`): the entry the new lines follow, the position of the last owner-less record moved past
    /// (nil when none was), and whether the owner must be written in full (at the end of the file).
    private static func walk(
        from fileIndex: Int, _ entryIndex: Int, ownedBy anchorOwner: DomainName, newOwner owner: DomainName,
        in zone: Zone
    ) -> (entryIndex: Int, last: Int?, absoluteOwner: Bool) {
        // Lines of the anchor's own owner take nothing over.
        guard owner != anchorOwner else { return (entryIndex, nil, false) }
        let file = zone.files[fileIndex]
        let bytes = file.source.bytes
        // The anchor's owner's record positions, looked up on the first owner-less line (read from the owner
        // index, no array made), and the one the lines follow now.
        var owned: ArraySlice<UInt32>? = nil
        var last: Int? = nil
        var at = entryIndex
        while true {
            switch next(after: at, in: file, bytes: bytes) {
            case .safe:
                return (at, last, false)
            case .inheriting(let entryIndex):
                // That record belongs to the anchor's owner; the new lines go after it instead.
                let positions = owned ?? zone.recordPositions(at: anchorOwner)
                owned = positions
                guard let index = zone.recordIndex(in: positions, fileIndex: fileIndex, entryIndex: entryIndex)
                else {
                    return (file.entries.count - 1, last, true)
                }
                last = index
                at = entryIndex
            case .include:
                return (file.entries.count - 1, last, true)
            }
        }
    }

    private enum Next {
        case safe
        case inheriting(Int)
        case include
    }

    /// What the first owner-sensitive entry after `entryIndex` is.
    private static func next(after entryIndex: Int, in file: ZoneFileSyntax, bytes: SourceBytes) -> Next {
        var index = entryIndex + 1
        while index < file.entries.count {
            let entry = file.entries[index]
            switch entry.kind {
            case .trivia:
                index += 1
            case .directive:
                let word = directiveName(entry.range, bytes: bytes)
                if word == "$TTL" || word == "$ORIGIN" {
                    index += 1
                    continue
                }
                return word == "$INCLUDE" ? .include : .safe
            case .record:
                let first = bytes[entry.range.lowerBound]
                return first == 0x20 || first == 0x09 ? .inheriting(index) : .safe
            case .unexpected:
                return .safe
            }
        }
        return .safe
    }

    private static func directiveName(_ range: Range<Int>, bytes: SourceBytes) -> String {
        var end = range.lowerBound
        while end < range.upperBound, bytes[end] > 0x20 { end += 1 }
        return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self).uppercased()
    }
}

/// `InsertionPoint` after a record's line as the record table gives it (`WrittenLine`), no record built.
package struct LineInsertionPoint: Sendable, Equatable {
    /// The line the new lines are written like.
    package var anchor: WrittenLine
    /// The file the lines go into: an index into `Zone.files`.
    package var fileIndex: Int
    /// The entry the new lines follow.
    package var entryIndex: Int
    /// Whether the owner must be written absolute (the origin where the lines go is not the anchor's).
    package var absoluteOwner: Bool
}

extension Zone {
    /// The position in the record table of the first record at `owner` that entry `entryIndex` of file
    /// `fileIndex` writes, nil when it writes none of them: what `records(at:)` gives with that source,
    /// found from the record table's positions, so only the record asked for is decoded (a zone's new
    /// lines are placed past the owner-less lines of the apex, which holds many records).
    func recordIndex(at owner: DomainName, fileIndex: Int, entryIndex: Int) -> Int? {
        recordIndex(in: recordPositions(at: owner), fileIndex: fileIndex, entryIndex: entryIndex)
    }

    /// `recordIndex(at:fileIndex:entryIndex:)` with the owner's positions (`recordPositions(at:)`) already found.
    func recordIndex(in positions: ArraySlice<UInt32>, fileIndex: Int, entryIndex: Int) -> Int? {
        for position in positions {
            let index = Int(position)
            if Int(store[index].file) == fileIndex && store.entry(of: index, files: files).index == entryIndex {
                return index
            }
        }
        return nil
    }
}
