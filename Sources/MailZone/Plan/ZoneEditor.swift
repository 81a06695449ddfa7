import Foundation
import MailAuth
import ZoneFile

/// Turns planned record operations into the smallest text edits of a zone's
/// files, in the zone's own style, and bumps the SOA serial once.
///
/// The mail decisions are made here: a new record goes right after its name's mail records (or, for a
/// name without any, after the apex block or the name's last record; see `anchorRecord`), carries its
/// ownership marker, and the serial goes up once. The text is ZoneFile's `RecordWriter`'s: the new
/// line written the way the line it follows is written (relative owner, the same separators and
/// columns, a TTL or class field only where that line has one, long TXT values as parenthesised strings
/// indented like the zone's other multi-line records); a merged or replaced record changes only its
/// RDATA, so its comment stays.
struct ZoneEditor {
    let zone: Zone
    let origin: DomainName
    /// The zone's markers, so a merged SPF record's marker is rewritten where it is, not written twice.
    let ownership: ZoneOwnership
    /// Writes the lines and the new RDATA in the zone's style.
    private let writer: RecordWriter
    private let foundOnce = FoundOnce()

    /// `apexRecords`, when given, are the apex's records by position as the zone has them (`ZoneState`
    /// decoded them for the plan), so they are not decoded again.
    init(zone: Zone, origin: DomainName, ownership: ZoneOwnership = ZoneOwnership(), apexRecords: [Int: Record]? = nil)
    {
        self.zone = zone
        self.origin = origin
        self.ownership = ownership
        self.writer = RecordWriter(zone: zone)
        foundOnce.apexRecords = apexRecords ?? [:]
    }

    /// The mail records of `_dmarc` and `_domainkey` names by their domain, found once: a zone can have
    /// a sender at each of thousands of names. The apex's records, by position in the zone's record
    /// table, each decoded once, when first asked for: placing a zone's new records asks for them several
    /// times (each new name's nearest ancestor, its domain's mail records, the apex block, the SOA), and the
    /// zone decodes a record from its text on every call; most of an apex's records (its NS, A and
    /// verification TXT records) are never asked for. Other names' records are asked for once or twice
    /// each, by one sender: kept, they would only grow the table with every sender of a large zone.
    private final class FoundOnce {
        /// The zone's `_dmarc` and `_domainkey` names by mail domain (`mailNames`), made on first use.
        var mailNames: MailNameIndex?
        /// The apex's records decoded so far (all of them when the zone state gave them), by position.
        var apexRecords: [Int: Record] = [:]
        /// The positions of the apex's records, found on first use.
        var apexIndices: Set<Int>?
        /// `apexBlockEnd()`'s position: every new name without records of its own near it follows it.
        var apexBlockEnd: Int?
        /// The domain `lastMailRecord(of:)` was last asked about (its wire form, a slice of the name asked
        /// about, not a copy) and its answer's position: a sender's `_dmarc` name and its DKIM selectors ask
        /// about one domain in turn (one answer kept, so the table does not grow).
        var lastMailRecord: (domain: ArraySlice<UInt8>, index: Int?)?
        /// The record of another name than the apex decoded last, by position: a sender's new names (its
        /// domain, its `_dmarc` name, a DKIM selector) each follow its domain's last record, asked for in
        /// turn (one kept, so nothing grows with the zone).
        var lastRecord: (index: Int, record: Record)?
        /// The line `anchorLine(for:)` gave last, by position: a sender's new names mostly follow one record.
        var lastLine: (index: Int, line: WrittenLine)?
        /// The `$ORIGIN` of the last line a marker was written on, as the marker compares it: most marked
        /// lines are of one origin.
        var markerOrigin: (name: DomainName, declared: DeclaredName)?
    }

    /// `origin` as a marker compares it (see `written(_:onLineWithDeclaredOrigin:)`), made once for the origin
    /// of the last line marked.
    private func declared(_ origin: DomainName?) -> DeclaredName? {
        guard let origin else { return nil }
        if let known = foundOnce.markerOrigin, known.name == origin { return known.declared }
        let declared = DeclaredName(labels: origin.declaredLabels)
        foundOnce.markerOrigin = (origin, declared)
        return declared
    }

    /// `zone.record(index:)`, an apex record decoded once per editor, another decoded again only when
    /// another record was asked for in between (see `FoundOnce`).
    private func record(index: Int) -> Record {
        if let found = foundOnce.apexRecords[index] { return found }
        if let last = foundOnce.lastRecord, last.index == index { return last.record }
        let record = zone.record(index: index)
        if apexIndices.contains(index) {
            foundOnce.apexRecords[index] = record
        } else {
            foundOnce.lastRecord = (index, record)
        }
        return record
    }

    /// The RDATA of the zone's record at `index`: an apex record's as decoded already (the zone state gives
    /// them all), another's decoded alone.
    private func rdata(ofRecord index: Int) -> RData {
        if let found = foundOnce.apexRecords[index] { return found.rdata }
        if let last = foundOnce.lastRecord, last.index == index { return last.record.rdata }
        return zone.rdata(ofRecord: index)
    }

    /// The positions of the apex's records in the zone's record table (nothing decoded).
    private var apexIndices: Set<Int> {
        if let known = foundOnce.apexIndices { return known }
        let indices = Set(zone.recordIndices(at: origin))
        foundOnce.apexIndices = indices
        return indices
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Edits per file index, and the serial change (nil when nothing changes). `planned` is a saved
    /// plan's serial change for this zone (see `PlannerOptions.plannedSerials`).
    func edits(for operations: [RecordOperation], serialScheme: SerialScheme?, now: Date, planned: SerialChange? = nil)
        throws(Failure) -> (edits: [Int: [SourceEdit]], serial: SerialChange?)
    {
        guard !operations.isEmpty else { return ([:], nil) }
        var edits: [Int: [SourceEdit]] = [:]
        // A file's list of edits is made at its first edit, with room for those the plan makes (`editRoom`), and
        // appended to in place.
        func add(_ edit: SourceEdit, in file: Int) {
            if let index = edits.index(forKey: file) {
                edits.values[index].append(edit)
            } else {
                var list = Self.editRoom(operations.count)
                list.append(edit)
                edits[file] = list
            }
        }
        // Creates are grouped by owner so one owner's new records sit together, in plan order (by position in
        // `operations`, not copied): each owner's first and last create, and after each create the next one of
        // its owner, so the groups take no array each (a plan of thousands of senders has tens of thousands).
        // Room for an owner per operation, at most, made once: a repository's small zones each plan a few owners,
        // and these lists grew for each (as did the file's list of edits below).
        var createdOwners: [DomainName] = []
        createdOwners.reserveCapacity(operations.count)
        var ownerNumbers: [DomainName: Int] = [:]
        ownerNumbers.reserveCapacity(operations.count)
        var ownerCreates: [(first: Int, last: Int)] = []
        ownerCreates.reserveCapacity(operations.count)
        var nextCreate: [Int] = []
        // Each operation read in place (not copied out of the array), and each new owner hashed once.
        for position in operations.indices {
            switch operations[position].kind {
            case .create:
                let owner = operations[position].owner
                if nextCreate.isEmpty { nextCreate = Array(repeating: -1, count: operations.count) }
                if let number = ownerNumbers[owner] {
                    nextCreate[ownerCreates[number].last] = position
                    ownerCreates[number].last = position
                } else {
                    ownerNumbers[owner] = ownerCreates.count
                    ownerCreates.append((position, position))
                    createdOwners.append(owner)
                }
            case .replace(let existing, let rdata, _):
                let operation = operations[position]
                // A record written twice is one record to BIND: both lines change, so they stay one record.
                for copy in Self.copies(of: existing, in: zone) {
                    let edit: (fileIndex: Int, edit: SourceEdit)
                    do {
                        edit = try writer.replacingRData(of: copy, with: rdata)
                    } catch {
                        throw Failure(
                            description:
                                "\(copy.owner) \(copy.type) is not written as a line mailzone can edit ($GENERATE?)")
                    }
                    add(edit.edit, in: edit.fileIndex)
                    if let marker = operation.marker {
                        let edit = try markerEdit(on: copy, marker: marker)
                        add(edit.edit, in: edit.file)
                    } else if operation.dropsMarker, let owned = ownership.owner(of: copy) {
                        // The marker and the blanks before it go; a comment of the user's before them stays.
                        let bytes = zone.files[owned.fileIndex].source.bytes
                        var start = owned.markerRange.lowerBound
                        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
                        add(
                            SourceEdit(range: start..<owned.markerRange.upperBound, replacement: ""),
                            in: owned.fileIndex)
                    }
                }
            case .remove(let existing):
                for copy in Self.copies(of: existing, in: zone) {
                    guard let source = copy.source, !source.generated else {
                        throw Failure(
                            description: "cannot remove \(copy.owner) \(copy.type): it is not written as a line")
                    }
                    for edit in zone.files[source.fileIndex].removal(ofEntry: source.entryIndex) {
                        add(edit, in: source.fileIndex)
                    }
                }
            }
        }
        // Each owner's place first, so the owners placed at one spot of a file (a sender's domain, `_dmarc` name
        // and DKIM selector after its domain's last line) are written into one buffer sized for all of them, not
        // each into its own that the first one's grows to take in.
        var placed: [(placement: LineInsertionPoint, spot: Spot, first: Int, next: Int, last: Int)] = []
        placed.reserveCapacity(createdOwners.count)
        // The first owner at each spot, by spot: looked up in the owners placed so far when they are few (a
        // repository's small zones), in a table when a plan places many.
        var spots: [Spot: Int] = [:]
        let fewOwners = createdOwners.count <= 16
        for (number, owner) in createdOwners.enumerated() {
            let placement = InsertionPoint.find(after: try anchorLine(for: owner), owner: owner, in: zone)
            let spot = Spot(
                file: placement.fileIndex,
                offset: zone.files[placement.fileIndex].entries[placement.entryIndex].range.upperBound)
            let first = fewOwners ? placed.firstIndex { $0.spot == spot } : spots[spot]
            if let first {
                placed.append((placement, spot, first, -1, -1))
                placed[placed[first].last].next = number
                placed[first].last = number
            } else {
                if !fewOwners { spots[spot] = number }
                placed.append((placement, spot, number, -1, number))
            }
        }
        // Where each owner's lines start and end in the buffer of its spot, and whether its first line has no
        // owner field (one array for every spot).
        var written: [(range: Range<Int>, ownerless: Bool)] = []
        written.reserveCapacity(min(createdOwners.count, 16))
        for number in createdOwners.indices where placed[number].first == number {
            let placement = placed[number].placement
            let file = zone.files[placement.fileIndex]
            let ending = file.lineEnding.utf8
            // The new lines written as octets into one buffer, each after the file's line ending; room made
            // for them at once (a DKIM key's line is hundreds of octets).
            var room = 0
            var member: Int? = number
            while let current = member {
                var next: Int? = ownerCreates[current].first
                while let position = next {
                    if case .create(_, let rdata, _, _) = operations[position].kind { room += rdata.wire.count + 192 }
                    next = nextCreate[position] >= 0 ? nextCreate[position] : nil
                }
                member = placed[current].next >= 0 ? placed[current].next : nil
            }
            var lines: [UInt8] = []
            lines.reserveCapacity(room)
            written.removeAll(keepingCapacity: true)
            member = number
            while let current = member {
                member = placed[current].next >= 0 ? placed[current].next : nil
                if !lines.isEmpty { lines += ending }
                let start = lines.count
                try appendLines(
                    of: createdOwners[current], at: placed[current].placement, operations: operations,
                    creates: ownerCreates[current].first, next: nextCreate, lineEnding: ending, to: &lines)
                let ownerless = start < lines.count && (lines[start] == UInt8(ascii: " ") || lines[start] == 0x09)
                written.append((start..<lines.count, ownerless))
            }
            // Owners at one spot go in plan order, except that lines without an owner field go first (the later
            // owner's first), so they still follow the record whose owner they inherit.
            if written.dropFirst().contains(where: \.ownerless) {
                let order =
                    Array(written.dropFirst().filter(\.ownerless).reversed()) + [written[0]]
                    + written.dropFirst().filter { !$0.ownerless }
                var ordered: [UInt8] = []
                ordered.reserveCapacity(lines.capacity)
                for (position, piece) in order.enumerated() {
                    if position > 0 { ordered += ending }
                    ordered += lines[piece.range]
                }
                lines = ordered
            }
            // The buffer handed over, not shared: the line ending goes into the room left in it, not a copy.
            add(file.insertion(after: placement.entryIndex, lineOctets: consume lines), in: placement.fileIndex)
        }
        let serial = try serialBump(scheme: serialScheme, now: now, planned: planned)
        add(serial.edit, in: serial.file)
        return (edits, serial.change)
    }

    /// An empty list of a file's edits with room for those a plan of `operationCount` operations makes there, at
    /// most: a line written or changed and its marker per operation, and the serial. Made when the file's first
    /// edit comes, so the list is not grown an edit at a time (most files of a repository take a few).
    private static func editRoom(_ operationCount: Int) -> [SourceEdit] {
        var edits: [SourceEdit] = []
        edits.reserveCapacity(min(2 * operationCount + 1, 64))
        return edits
    }

    /// A place new lines go: a file (an index into `Zone.files`) and the offset in it.
    private struct Spot: Hashable {
        var file: Int
        var offset: Int
    }

    /// Appends the new lines of `owner` (its creates, from `first` on through `next`, in plan order), joined by
    /// the file's line ending, each written like the line it follows and with its marker.
    private func appendLines(
        of owner: DomainName, at placement: LineInsertionPoint, operations: [RecordOperation], creates first: Int,
        next nextCreate: [Int], lineEnding: String.UTF8View, to lines: inout [UInt8]
    ) throws(Failure) {
        var lineCount = 0
        var next: Int? = first
        while let position = next {
            next = nextCreate[position] >= 0 ? nextCreate[position] : nil
            guard case .create(let type, let rdata, let ttl, let presentation) = operations[position].kind else {
                continue
            }
            // A record joining an RRset takes its TTL (BIND serves one TTL per RRset): the writer's default.
            let record = RecordWriter.NewRecord(
                owner: owner, type: type, rdata: rdata, ttl: ttl, presentation: presentation)
            if lineCount > 0 { lines += lineEnding }
            lineCount += 1
            do {
                try writer.appendLine(
                    for: record, like: placement.anchor, absoluteOwner: placement.absoluteOwner, to: &lines)
            } catch {
                throw Failure(description: "cannot read the layout of the line after which \(owner) goes")
            }
            if let marker = operations[position].marker {
                let origin = placement.absoluteOwner ? nil : declared(placement.anchor.origin)
                lines.append(UInt8(ascii: " "))
                Self.written(marker, onLineWithDeclaredOrigin: origin).appendComment(to: &lines)
            }
        }
    }

    /// `record` and the other lines of the zone that write the same record (owner, type and data).
    ///
    /// Only the owner's records of the type are compared, by their data alone, and only the copies are built
    /// with their source: an apex holds many records, and a replaced SPF record is asked about on every plan.
    /// The line `record` was read from is not built again: a replaced record is the zone's own, and its one
    /// copy is most often itself.
    static func copies(of record: Record, in zone: Zone) -> [Record] {
        var copies: [Record] = []
        for position in zone.recordPositions(at: record.owner) {
            let index = Int(position)
            guard zone.type(ofRecord: index) == record.type else { continue }
            // The line `record` was read from holds its data: not decoded again to be compared (a merged SPF
            // record's line is asked about for every plan that merges into it).
            if isRead(record, from: index, in: zone) {
                copies.append(record)
                continue
            }
            guard zone.rdata(ofRecord: index) == record.rdata else { continue }
            copies.append(zone.record(index: index))
        }
        return copies.isEmpty ? [record] : copies
    }

    /// Whether `record` is the zone's record at `index` as `Zone.record(index:)` builds it, told from where it
    /// is written (a line writes one record) and its TTL; its owner, type and data are known to be the same.
    private static func isRead(_ record: Record, from index: Int, in zone: Zone) -> Bool {
        guard let source = record.source, !source.generated, !zone.isGenerated(record: index),
            zone.ttl(ofRecord: index) == record.ttl
        else { return false }
        let place = zone.place(ofRecord: index)
        return place.fileIndex == source.fileIndex && place.entryIndex == source.entryIndex
            && zone.files[place.fileIndex].source.path == source.path
    }

    // MARK: Where new records go

    /// The record a new record of `owner` follows, so a name's mail records stay together and nothing lands
    /// in an unrelated section further down (a `;meta` block, the hosts' A records, a `; CAA` section):
    /// - the owner's last mail record (MX, SPF, or any TXT of a `_dmarc`/`_domainkey` name);
    /// - else, for the apex, the last record of the apex block at the top of the zone; for another name
    ///   holding records, its last record;
    /// - else, for a `_dmarc` or `_domainkey` name of X, the last of X's mail records and of the records at
    ///   `_dmarc.X` and under `_domainkey.X`;
    /// - else, when the nearest ancestor holding records is below the apex or keeps its mail records (MX, TXT)
    ///   apart, its last mail record (so `qcloud._domainkey.abc` joins `abc`'s records, even in an `$INCLUDE`d
    ///   file); else the last record of the apex block.
    ///
    /// Records are looked at from a name's last back, through the record table: only those looked at are built
    /// (a sender's domain may hold many records, and each new owner of a plan asks).
    func anchorRecord(for owner: DomainName) throws(Failure) -> Record {
        record(index: try anchorIndex(for: owner))
    }

    /// `anchorRecord(for:)`'s line, as the new lines are written like it: read from the record table, the
    /// record not built (its data decoded, the lines to it counted), as a plan of thousands of senders
    /// follows a record of each. A sender's new names mostly follow one record: the last line made is kept.
    func anchorLine(for owner: DomainName) throws(Failure) -> WrittenLine {
        let index = try anchorIndex(for: owner)
        if let last = foundOnce.lastLine, last.index == index { return last.line }
        let line = zone.writtenLine(ofRecord: index)
        foundOnce.lastLine = (index, line)
        return line
    }

    /// `anchorRecord(for:)`'s position in the record table: the records looked at are told apart by their
    /// type, owner and place in the table, and only the one chosen is built (each record built decodes its
    /// data and counts lines to its entry, and each new owner of a plan looks at several).
    private func anchorIndex(for owner: DomainName) throws(Failure) -> Int {
        let wire = owner.wire
        let ownMailName = Self.mailDomainOffset(in: wire) != nil
        // The owner's last mail record, else its last record: one walk from its last record back.
        var lastOwn: Int? = nil
        for position in zone.recordPositions(at: owner).reversed() {
            let index = Int(position)
            guard !zone.isGenerated(record: index) else { continue }
            if lastOwn == nil { lastOwn = index }
            if isMailRecord(at: index, ofMailName: ownMailName) { return index }
        }
        if let lastOwn { return owner == origin ? try apexBlockEndIndex() : lastOwn }
        if let start = Self.mailDomainOffset(in: wire), let last = lastMailIndex(ofDomainWire: wire[start...]) {
            return last
        }
        // The ancestors below the origin, from the parent up, each looked up by its part of the owner's wire form.
        let originStart = wire.count - origin.wire.count
        if originStart > 0, owner.isSubdomain(of: origin) {
            var start = 1 + Int(wire[0])
            while start <= originStart {
                let positions = zone.recordPositions(atWire: wire[start...])
                if let last = lastWritten(of: positions) {
                    let mail = lastWritten(of: positions, mxOrTXT: true)
                    if start != originStart { return mail ?? last }
                    if let mail, zone.place(ofRecord: mail).fileIndex != 0 { return mail }
                    break
                }
                start += 1 + Int(wire[start])
            }
        }
        return try apexBlockEndIndex()
    }

    /// The last of `positions` (one owner's, in file order) that is written as a line, and an MX or TXT record
    /// when `mxOrTXT`; nothing built.
    private func lastWritten(of positions: ArraySlice<UInt32>, mxOrTXT: Bool = false) -> Int? {
        for position in positions.reversed() {
            let index = Int(position)
            if mxOrTXT {
                let type = zone.type(ofRecord: index)
                guard type == .mx || type == .txt else { continue }
            }
            if !zone.isGenerated(record: index) { return index }
        }
        return nil
    }

    /// `isMailRecord(_:)` of the zone's record at `index`, written as a line, whose owner is a `_dmarc` or
    /// `_domainkey` name when `ofMailName`: only a TXT record's data is decoded, and only at another name.
    private func isMailRecord(at index: Int, ofMailName: Bool) -> Bool {
        switch zone.type(ofRecord: index) {
        case .mx, .spf: return true
        case .txt: return ofMailName || Self.startsWithSPFVersion(txt: rdata(ofRecord: index).wire)
        default: return false
        }
    }

    /// Whether `record` is one of its name's mail records: an MX, an SPF record, an SPF TXT, or any TXT of a
    /// `_dmarc` or `_domainkey` name (a site-verification TXT at the apex is not).
    func isMailRecord(_ record: Record) -> Bool { Self.isMailRecord(record) }

    /// `isMailRecord(_:)`, which depends on the record alone.
    static func isMailRecord(_ record: Record) -> Bool {
        guard record.source.map({ !$0.generated }) ?? false else { return false }
        switch record.type {
        case .mx, .spf: return true
        case .txt:
            // Told from the owner's labels and the first string's octets where they are: neither the mail
            // domain's name nor the strings are built (every TXT of an apex is asked about).
            if Self.mailDomainOffset(in: record.owner.wire) != nil { return true }
            return Self.startsWithSPFVersion(txt: record.rdata.wire)
        default: return false
        }
    }

    /// Whether the first string of a TXT record's wire RDATA starts with `v=spf` (`startsWithSPFVersion(_:)`).
    private static func startsWithSPFVersion(txt wire: [UInt8]) -> Bool {
        guard let length = wire.first else { return Self.startsWithSPFVersion(wire[...]) }
        return Self.startsWithSPFVersion(wire[1..<min(wire.count, 1 + Int(length))])
    }

    /// Whether a TXT record's first string starts with `v=spf`, ASCII case ignored: the octets compared, as
    /// every apex TXT (site verifications) is asked. Lower-casing the string as text gives the same answer,
    /// since no other character lower-cases to one of these ASCII letters.
    static func startsWithSPFVersion(_ string: some Collection<UInt8>) -> Bool {
        string.count >= spfVersion.count && startsWith(string, lowercase: spfVersion)
    }

    private static let spfVersion = Array("v=spf".utf8)

    /// X for `_dmarc.X` and for names under `_domainkey.X`; nil for other names.
    static func mailDomain(of name: DomainName) -> DomainName? {
        let wire = name.wire
        guard let start = mailDomainOffset(in: wire) else { return nil }
        return DomainName(wire: Array(wire[start...]))
    }

    /// Where X starts in the wire form of `_dmarc.X` or of a name under `_domainkey.X`; nil for other names.
    static func mailDomainOffset(in wire: [UInt8]) -> Int? {
        mailDomainOffset(in: wire[...])
    }

    /// `mailDomainOffset(in:)` of a name's wire form that is a slice (an index of the slice).
    static func mailDomainOffset(in wire: ArraySlice<UInt8>) -> Int? {
        // Read from the wire form, label by label (ASCII case ignored, as DNS compares labels): a large
        // zone asks this of every `_dmarc` and `_domainkey` owner it has.
        var index = wire.startIndex
        var first = true
        while index < wire.endIndex, wire[index] != 0 {
            let next = index + 1 + Int(wire[index])
            guard next < wire.endIndex else { return nil }
            let label = wire[(index + 1)..<next]
            if Self.label(label, is: first ? dmarcLabel : domainKeyLabel) { return next }
            first = false
            index = next
        }
        return nil
    }

    private static let dmarcLabel = Array("_dmarc".utf8)
    private static let domainKeyLabel = Array("_domainkey".utf8)
    /// The labels a name of mail records has (`MailNameIndex`).
    static let mailNameLabels = [dmarcLabel, domainKeyLabel]

    /// Whether a label is `lowercase` (itself lower-case ASCII), ASCII case ignored.
    private static func label(_ label: ArraySlice<UInt8>, is lowercase: [UInt8]) -> Bool {
        label.count == lowercase.count && startsWith(label, lowercase: lowercase)
    }

    /// Whether `octets` start with `lowercase` (itself lower-case ASCII), ASCII case ignored; `octets` must
    /// be at least as long.
    private static func startsWith(_ octets: some Collection<UInt8>, lowercase: [UInt8]) -> Bool {
        zip(octets, lowercase).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }

    /// The last written mail record of `domain` and of its `_dmarc` and `_domainkey` names, in the order the
    /// zone is read (an `$INCLUDE`d file's records where it is included, so the last is the last one read).
    func lastMailRecord(of domain: DomainName) -> Record? {
        lastMailIndex(ofDomainWire: domain.wire[...]).map { record(index: $0) }
    }

    /// `lastMailRecord(of:)`'s position, for the domain whose wire form is `wire` (the end of a `_dmarc` or
    /// `_domainkey` name's): the domain is built only when it is not the one asked about last.
    private func lastMailIndex(ofDomainWire wire: ArraySlice<UInt8>) -> Int? {
        if let known = foundOnce.lastMailRecord, DomainName.equalWire(known.domain, wire) { return known.index }
        let found = findLastMailIndex(ofDomainWire: wire)
        foundOnce.lastMailRecord = (wire, found)
        return found
    }

    /// `lastMailIndex(ofDomainWire:)`, worked out from the domain's wire form: the domain is not built (its
    /// records and its mail names' are found by their wire forms).
    private func findLastMailIndex(ofDomainWire wire: ArraySlice<UInt8>) -> Int? {
        // Only MX, SPF and TXT can be mail records, and only at the domain or at names with those labels:
        // of those, only the TXT records of the domain itself are decoded, from the last back to the first
        // that is a mail record. The two lists are walked from their ends together (the domain's own
        // positions come in table order, its mail names' are put in it when they are not), not gathered into
        // a filtered, joined and sorted array for every sender.
        let own = zone.recordPositions(atWire: wire)
        let ownMailName = Self.mailDomainOffset(in: wire) != nil
        let below = mailNames.recordPositions(ofDomainWire: wire, in: zone)
        var ownAt = own.endIndex - 1
        var belowAt = below.count - 1
        while ownAt >= own.startIndex || belowAt >= 0 {
            if belowAt < 0 || (ownAt >= own.startIndex && Int(own[ownAt]) > below[belowAt]) {
                let index = Int(own[ownAt])
                ownAt -= 1
                if !zone.isGenerated(record: index), isMailRecord(at: index, ofMailName: ownMailName) { return index }
            } else {
                // A `_dmarc` or `_domainkey` name's MX, SPF or TXT record: a mail record when written as a line.
                let index = below[belowAt]
                belowAt -= 1
                if !zone.isGenerated(record: index) { return index }
            }
        }
        return nil
    }

    /// The zone's `_dmarc` and `_domainkey` names by their mail domain, made on first use.
    private var mailNames: MailNameIndex {
        if let found = foundOnce.mailNames { return found }
        let found = MailNameIndex(zone: zone)
        foundOnce.mailNames = found
        return found
    }

    /// The last record of the first run of apex records in the top file (SOA, NS...), before any other owner.
    /// Blank lines and `$TTL` lines inside the run are crossed; a comment starts another section (`;meta`, `; CAA`), so the run
    /// goes on past one only for NS lines, which belong with the SOA.
    func apexBlockEnd() throws(Failure) -> Record {
        record(index: try apexBlockEndIndex())
    }

    /// `apexBlockEnd()`'s position in the record table, found once.
    private func apexBlockEndIndex() throws(Failure) -> Int {
        if let found = foundOnce.apexBlockEnd { return found }
        let found = try findApexBlockEnd()
        foundOnce.apexBlockEnd = found
        return found
    }

    /// `apexBlockEnd()`, worked out from where the apex's records are written: only the block's last record
    /// is built (an apex's SOA, NS, A and verification records are not decoded to find where they end).
    private func findApexBlockEnd() throws(Failure) -> Int {
        guard let top = zone.files.first else { throw Failure(description: "the zone has no file") }
        // The apex's records written as lines of the top file, the first of each entry, by entry: read from the
        // owner index as the walk below goes, no table of them made for every zone. The top file's records come
        // in the table in the order its entries are read, so the apex's come by entry: each entry's first record
        // is the next one not before it (`apexRecord(at:)`).
        let positions = zone.recordPositions(at: origin)
        var cursor = positions.startIndex
        func apexRecord(at entry: Int) -> Int? {
            while cursor < positions.endIndex {
                let index = Int(positions[cursor])
                let place = zone.place(ofRecord: index)
                guard place.fileIndex == 0, !place.generated, place.entryIndex >= entry else {
                    cursor += 1
                    continue
                }
                return place.entryIndex == entry ? index : nil
            }
            return nil
        }
        var first: (index: Int, entry: Int)? = nil
        for position in positions {
            let index = Int(position)
            let place = zone.place(ofRecord: index)
            guard place.fileIndex == 0, !place.generated else { continue }
            first = (index, place.entryIndex)
            break
        }
        guard let first else {
            throw Failure(description: "the zone has no apex records in \(top.source.path) to place new records after")
        }
        let bytes = top.source.bytes
        var last = first.index
        var entry = first.entry + 1
        var crossedComment = false
        while entry < top.entries.count {
            let current = top.entries[entry]
            if current.kind == .directive, Self.isTTLDirective(current.range, in: bytes) {
                // A dump's `$TTL` between the SOA and the owner-less NS lines still belongs to the apex block.
                entry += 1
                continue
            }
            if current.kind == .trivia {
                if bytes[current.range].contains(UInt8(ascii: ";")) { crossedComment = true }
                entry += 1
                continue
            }
            guard current.kind == .record, let index = apexRecord(at: entry),
                !crossedComment || zone.type(ofRecord: index) == .ns
            else { break }
            last = index
            crossedComment = false
            entry += 1
        }
        return last
    }

    /// Whether the directive at `range` is `$TTL`.
    private static func isTTLDirective(_ range: Range<Int>, in bytes: SourceBytes) -> Bool {
        let word = Array("$TTL".utf8)
        guard range.count > word.count else { return false }
        let start = range.lowerBound
        let next = bytes[start + word.count]
        return zip(bytes[start..<(start + word.count)], word).allSatisfy { $0 | 0x20 == $1 | 0x20 }
            && (next == 0x20 || next == 0x09)
    }

    // MARK: Ownership markers

    /// Writes `marker` on an existing record's line: over the marker it has, else after the end of its
    /// last line (after a comment the user wrote there, which stays: `; note ; mailzone: ...`).
    private func markerEdit(on record: Record, marker: OwnershipMarker) throws(Failure) -> (file: Int, edit: SourceEdit)
    {
        // The comment written as octets straight into the edit (a plan may mark thousands of merged records).
        let marker = Self.written(marker, onLineWithDeclaredOrigin: declared(record.source?.origin))
        var comment: [UInt8] = []
        comment.reserveCapacity(128)
        if let owned = ownership.owner(of: record) {
            marker.appendComment(to: &comment)
            return (owned.fileIndex, SourceEdit(range: owned.markerRange, replacement: comment))
        }
        guard let source = record.source, !source.generated else {
            throw Failure(description: "\(record.owner) \(record.type) is not written as a line mailzone can mark")
        }
        let bytes = zone.files[source.fileIndex].source.bytes
        var end = source.entryRange.upperBound
        while end > source.entryRange.lowerBound, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        comment.append(UInt8(ascii: " "))
        marker.appendComment(to: &comment)
        return (source.fileIndex, SourceEdit(range: end..<end, replacement: comment))
    }

    /// `marker` as written on a line where `origin` is the `$ORIGIN` in force: its sender as `@` when it is
    /// that origin, so a line of an `$INCLUDE` that several zones read says the same in each of them.
    static func written(_ marker: OwnershipMarker, onLineWithOrigin origin: DomainName?) -> OwnershipMarker {
        written(marker, onLineWithDeclaredOrigin: origin.map { DeclaredName(labels: $0.declaredLabels) })
    }

    /// `written(_:onLineWithOrigin:)` with the origin as the declaration names it.
    static func written(_ marker: OwnershipMarker, onLineWithDeclaredOrigin origin: DeclaredName?) -> OwnershipMarker {
        guard case .domain(let sender) = marker.sender, let origin else { return marker }
        var written = marker
        written.sender = .written(sender, onLineWithOrigin: origin)
        return written
    }

    // MARK: SOA serial

    /// The value of an SOA serial field written as 1 to 10 decimal digits that fit in 32 bits; nil for any
    /// other text (the serial is then read from the record's data).
    static func serial(written token: Token, in bytes: SourceBytes) -> UInt32? {
        guard (1...10).contains(token.range.count) else { return nil }
        var value: UInt64 = 0
        for index in token.range {
            let digit = bytes[index]
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            value = value * 10 + UInt64(digit - 0x30)
        }
        return value <= UInt64(UInt32.max) ? UInt32(value) : nil
    }

    private func serialBump(scheme forced: SerialScheme?, now: Date, planned: SerialChange?)
        throws(Failure) -> (file: Int, edit: SourceEdit, change: SerialChange)
    {
        // Where the SOA is written and its serial field's text: the record is not built (its data decoded and
        // lines counted to its entry) when the serial is written as plain digits, as nearly every zone writes it.
        guard let index = zone.firstRecordIndex(at: origin, type: .soa),
            case let source = zone.place(ofRecord: index), !source.generated,
            let layout = RecordLayout(file: zone.files[source.fileIndex], entryIndex: source.entryIndex),
            layout.rdata.count == 7,
            let serial = Self.serial(written: layout.rdata[2], in: zone.files[source.fileIndex].source.bytes)
                ?? zone.recordData(index: index).rdata.soaSerial
        else {
            throw Failure(description: "the zone's SOA record cannot be found or read, so its serial cannot be bumped")
        }
        let scheme = forced ?? planned.flatMap { SerialScheme(rawValue: $0.scheme) } ?? SerialScheme.detect(serial)
        var next = scheme.next(after: serial, now: now)
        // A saved plan's serial, made earlier, is kept when it still lies after the zone's serial and
        // not after the one chosen now (RFC 1982): a later apply of the same plan writes the same bytes,
        // and a serial edited into the plan by hand cannot jump ahead of what planning would choose.
        if let planned, planned.from == serial, SerialScheme.isGreater(planned.to, than: serial),
            planned.to == next || SerialScheme.isGreater(next, than: planned.to)
        {
            next = planned.to
        }
        let token = layout.rdata[2]
        let file = zone.files[source.fileIndex]
        let location = file.source.location(of: token.start)
        return (
            source.fileIndex, SourceEdit(range: token.range, replacement: String(next)),
            SerialChange(
                from: serial, to: next, scheme: scheme.rawValue,
                location: PlanLocation(file: file.source.path, line: location.line, column: location.column))
        )
    }
}
