import Foundation

/// An edited copy of a zone, read again and set beside the zone it was made from: which records of
/// each are not written the same way in the other.
///
/// The check behind every edit (the edited text holds the old records plus exactly the planned
/// changes) compares by meaning only the records whose text differs: records written the same way —
/// same owner, type, origin in force and RDATA text byte for byte — are the same records. The re-read
/// sets those apart as it parses, so it keeps neither the edited zone's syntax nor its record table:
/// a million-record zone is read again in little more memory than its text.
package struct ZoneReread: Sendable {
    /// The edited zone as read: its origin and every diagnostic, as a full load gives them; of its
    /// records only those in `onlyNew` and those of the types left out of the pairing (the SOA,
    /// whose serial an edit changes), and no entries.
    package let edited: Zone
    /// Indexes (for `recordData(index:)` of the old zone) of its records that the edited text does not write.
    package let onlyOld: [Int]
    /// Indexes (for `edited.recordData(index:)`) of the edited zone's records that the old text does not write.
    package let onlyNew: [Int]
    /// Records of the old zone whose text the re-read stepped over rather than read again (given the edits).
    package let steppedOver: Int
    /// The RDATA of the first records the re-read kept, as it read them (`WrittenRecordPairing.keep(rdata:)`).
    let keptRData: KeptRData

    /// The owner, type and RDATA of the edited zone's record at `index` (of `onlyNew`, or `apexSOA`):
    /// `edited.recordData(index:)`, the RDATA taken from the reading when it was kept rather than read
    /// from its text again.
    package func recordData(index: Int) -> (owner: DomainName, type: RRType, rdata: RData) {
        guard let wire = keptRData[index] else { return edited.recordData(index: index) }
        let slot = edited.store[index]
        let type = RRType(slot.type)
        return (edited.names.name(slot.owner), type, RData(type: type, wire: wire))
    }

    /// The SOA SERIAL of the edited zone's record at `index` (`apexSOA`), as `recordData(index:).rdata.soaSerial`
    /// reads it: from the RDATA where the re-read kept it, no name built nor octet copied.
    package func soaSerial(ofRecord index: Int) -> UInt32? {
        if let serial = keptRData.withRData(of: index, { RData.soaSerial(wire: $0) }) { return serial }
        return recordData(index: index).rdata.soaSerial
    }

    /// The id of `name` (ASCII case ignored) in the edited zone's name table, which extends the old zone's:
    /// a name has one id in both, so records of either zone are told apart by owner without building names.
    /// Nil when neither zone has the name.
    package func ownerID(of name: DomainName) -> UInt32? {
        edited.names.lookup(name)
    }

    /// The owner id (`ownerID(of:)`) and type of the edited zone's record at `index`, nothing built.
    package func ownerAndType(ofRecord index: Int) -> (owner: UInt32, type: RRType) {
        let slot = edited.store[index]
        return (slot.owner, RRType(slot.type))
    }

    /// Whether the edited zone's record at `index` (of `onlyNew`) has `rdata`, compared as `RData`'s `==`
    /// does: its RDATA as the re-read kept it, byte for byte first, else read from its text.
    package func hasRData(_ rdata: RData, record index: Int) -> Bool {
        guard edited.store[index].type == rdata.type.rawValue else { return false }
        if let same = keptRData.holds(rdata, at: index) { return same }
        return recordData(index: index).rdata == rdata
    }

    /// The index (for `edited.recordData(index:)`) of the edited zone's first SOA at its origin; nil when
    /// it has none. The re-read keeps few records (those of `onlyNew` and of the types left out of the
    /// pairing), so they are looked through: no table of owners is built for them.
    package var apexSOA: Int? {
        guard let origin = edited.origin, let apex = edited.names.lookup(origin) else { return nil }
        let store = edited.store
        return (0..<store.count).first { index in
            let slot = store[index]
            return slot.type == RRType.soa.rawValue && slot.owner == apex && !slot.flags.contains(.outOfZone)
        }
    }
}

extension ZoneLoader {
    /// Reads the edited copy of `old` (its text in `options.overrides`) and pairs each of its records
    /// with a record of `old` written the same way. Records of the `excluding` types and out-of-zone
    /// data are in neither list.
    ///
    /// The pairing walks both zones in record order, as an edit leaves most records where they were
    /// (see `WrittenRecordPairing`); any pairing of equal records gives the same verdict, so a record
    /// that an edit moved far only costs its being compared by meaning.
    ///
    /// With `edits` (each edited file's edits against the old text, by the paths of `options.overrides`),
    /// only the edited stretches are read: the text between them is stepped over from a checkpoint of
    /// the old load to the last one before the next edit, once the reading state is the one the old
    /// load had there, and what reading it did is taken from the old zone (see `RereadSkipping`). The
    /// result is the same as reading the whole text.
    package static func reread(
        path: String, options: LoadOptions, editedFrom old: Zone,
        excluding excluded: Set<RRType> = [], edits: [String: [SourceEdit]]? = nil
    ) -> ZoneReread {
        reread(
            path: path, options: options, editedFrom: old, excluding: excluded, edits: edits,
            changed: Set(options.overrides.keys), window: nil
        ).reread
    }

    /// `reread` with each edited file given as its old text and edits (by path), no copy of the edited
    /// text made where none is needed: the top file is read through a window (`RereadWindow`) holding
    /// its text up to a little past the last edit, and the rest is stepped over; only when reading cannot
    /// step over the rest from there is the whole edited text made and read. Edited included files are
    /// made whole. The result is the same as reading the whole text.
    package static func reread(
        path: String, options: LoadOptions, editedFrom old: Zone, excluding excluded: Set<RRType> = [],
        edited: [String: EditedText]
    ) -> ZoneReread {
        var options = options
        for (editedPath, text) in edited where editedPath != path { options.overrides[editedPath] = text.bytes }
        let changed = Set(options.overrides.keys).union(edited.keys)
        let edits = edited.mapValues(\.edits)
        if let text = edited[path], let window = RereadWindow.source(path: path, text: text, old: old) {
            let read = reread(
                path: path, options: options, editedFrom: old, excluding: excluded, edits: edits, changed: changed,
                window: window)
            if !read.leftWindow { return read.reread }
        }
        if let text = edited[path] { options.overrides[path] = text.bytes }
        return reread(
            path: path, options: options, editedFrom: old, excluding: excluded, edits: edits, changed: changed,
            window: nil
        ).reread
    }

    /// The re-read, the top file read through `window` when given; also whether the reading left the
    /// window (the result is then not the whole text's).
    private static func reread(
        path: String, options: LoadOptions, editedFrom old: Zone, excluding excluded: Set<RRType>,
        edits: [String: [SourceEdit]]?, changed: Set<String>, window: SourceFile?
    ) -> (reread: ZoneReread, leftWindow: Bool) {
        // The records stepped over that the old load found once are left out of the duplicate check
        // (most of a large zone: its table would be built again for them); that is exact unless a record
        // read has the hash of one of them, and then the text is read again with them all in it.
        var read = read(
            path: path, options: options, editedFrom: old, excluding: excluded, edits: edits, changed: changed,
            window: window, uniqueKeys: true)
        if read.stepsOverAHashRead {
            read = Self.read(
                path: path, options: options, editedFrom: old, excluding: excluded, edits: edits, changed: changed,
                window: window, uniqueKeys: false)
        }
        return (read.reread, read.leftWindow)
    }

    /// At most this many pairs of a key read and a key stepped over are compared one by one; past it the keys
    /// read go into a `KeyFilter`.
    static let keysComparedEachWithEach = 4096

    /// About the fewest octets of an edit's text that write one record (a short line): the re-read makes
    /// room for the records it keeps by this measure.
    static let octetsPerKeptRecord = 20

    /// `reread`, the records stepped over shown to the zone checks as unique when the old load found their
    /// hash once (`uniqueKeys`); also whether a record read has the hash of a record stepped over, and
    /// whether the reading left the window.
    private static func read(
        path: String, options: LoadOptions, editedFrom old: Zone, excluding excluded: Set<RRType>,
        edits: [String: [SourceEdit]]?, changed: Set<String>, window: SourceFile?, uniqueKeys: Bool
    ) -> (reread: ZoneReread, stepsOverAHashRead: Bool, leftWindow: Bool) {
        var options = options
        options.keepRecords = false
        var state = LoaderState(options: options, zonePath: path)
        defer { state.recycle() }
        // The edited zone's names extend the old zone's: a name both hold has one id, which the
        // pairing compares, and the old names are not stored twice.
        state.names = NameTable(extending: old.names)
        state.pairing = WrittenRecordPairing(old: old, excluding: excluded)
        // The records kept are nearly all those the edits wrote, whose RDATA is about as long as their text:
        // room for it at once, not grown (and copied) as they are read; and for their slots, a line being some
        // `octetsPerKeptRecord` octets or more (a small zone's re-read grew both tables three times).
        let octets = edits?.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.replacement.count } } ?? 0
        let records = octets / Self.octetsPerKeptRecord + 8
        state.pairing?.reserveKept(octets: octets, records: records)
        state.records.reserve(records)
        if let edits, let history = old.history {
            state.skipping = RereadSkipping(
                old: old, history: history, edits: edits, changed: changed, excluded: excluded,
                uniqueKeys: uniqueKeys)
            state.checks.noteComputedKeys(reserving: records)
        }
        // About the old zone's owners: room for them at once, not copied as the checks' tables grow.
        state.checks.reserve(owners: old.names.count + 256)
        state.loadTop(path: path, source: window)
        let leftWindow = window != nil && (state.skipping?.leftWindow ?? true)
        let edited = state.finish()
        let onlyOld = state.pairing?.unpairedRest() ?? []
        var onlyNew: [Int] = []
        onlyNew.reserveCapacity(edited.store.count)
        for index in 0..<edited.store.count where !excluded.contains(RRType(edited.store[index].type)) {
            onlyNew.append(index)
        }
        let reread = ZoneReread(
            edited: edited, onlyOld: onlyOld, onlyNew: onlyNew, steppedOver: state.skipping?.steppedOver ?? 0,
            keptRData: state.pairing?.keptRData ?? KeptRData())
        guard !leftWindow, uniqueKeys, let skipping = state.skipping, let computed = state.checks.computedKeys else {
            return (reread, false, leftWindow)
        }
        // The keys read and those stepped over compared each with each when they are few (a small zone's
        // re-read reads a few new lines and steps over the rest), with no table built for them.
        let stepped = skipping.steppedKeys.reduce(0) { $0 + $1.count }
        if computed.count * stepped <= Self.keysComparedEachWithEach {
            let clash = skipping.steppedKeys.contains { range in old.checkKeys[range].contains(where: computed.contains)
            }
            return (reread, clash, false)
        }
        let read = KeyFilter(computed)
        let clash = skipping.steppedKeys.contains { range in old.checkKeys[range].contains { read.contains($0) } }
        return (reread, clash, false)
    }
}

/// Pairs the records of an edited text, one by one as the loader reads them, with the records of the
/// zone it was edited from that are written the same way.
///
/// An edit inserts, replaces or removes a few lines and leaves every other record in its place, so
/// the old record to pair with is nearly always the next one not yet paired: the pairing looks at it
/// first, then a little further (`lookahead`), which steps over the old records an edit removed or
/// rewrote. A record found in neither place stays unpaired and is compared by meaning afterwards.
struct WrittenRecordPairing {
    /// How many old records past the next unpaired one a record is looked for: more than an edit
    /// removes in one place (a removal is one planned operation).
    static let lookahead = 256

    private let old: Zone
    /// The old zone's texts by file index, the RDATA of its records being compared byte for byte.
    private let oldTexts: [SourceBytes]
    private let excluded: [UInt16]
    /// The old zone's records by owner (`Zone.ownerIndex`), taken on the first pairing.
    private var owners: OwnerIndex? = nil
    /// The next old record neither paired nor passed over.
    private(set) var cursor = 0
    /// Old records passed over: no record of the edited text was written like them in their place.
    private var unpaired: [Int] = []
    /// The RDATA of the records of the edited text the re-read keeps (`keep(rdata:)`), in order.
    private(set) var keptRData = KeptRData()

    init(old: Zone, excluding excluded: Set<RRType>) {
        self.old = old
        self.oldTexts = old.files.map(\.source.bytes)
        self.excluded = excluded.map(\.rawValue)
    }

    /// Whether an old record takes part: in the zone and not of an excluded type.
    private func paired(_ index: Int) -> Bool {
        let slot = old.store[index]
        return !slot.flags.contains(.outOfZone) && !excluded.contains(slot.type)
    }

    /// Pairs a record of the edited zone (its owner and origin interned in a table that extends the
    /// old zone's, so that equal names have equal ids; its RDATA text at `rdata` in `text`) with the next
    /// old record written the same way; false when there is none near (the record is new or rewritten)
    /// or its type is excluded.
    ///
    /// Only the old records of `owner` can be written alike: they are taken from the old zone's owner index
    /// (in record order, from the cursor on), not looked for among every record of the lookahead. The records
    /// an edit adds are nearly all at names the old zone lacks, or of types it has not there (a plan of 20,000
    /// senders re-reads some 90,000), and each compared every record of the lookahead in turn.
    mutating func pair(owner: UInt32, type: RRType, origin: UInt32, text: SourceBytes, rdata: Range<Int>) -> Bool {
        guard !excluded.contains(type.rawValue) else { return false }
        if owners == nil { owners = old.ownerIndex }
        guard let positions = owners?.positions(of: owner), !positions.isEmpty else { return false }
        // The owner's first record at the cursor or after it.
        var low = positions.startIndex
        var high = positions.endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if Int(positions[middle]) < cursor { low = middle + 1 } else { high = middle }
        }
        // A record is looked at while no more than `lookahead` records taking part lie between the cursor and
        // it (each of them one the record was not written like): they are counted up to it as it is reached.
        var counted = cursor
        var looked = 0
        for position in positions[low...] {
            let index = Int(position)
            while counted < index, looked <= WrittenRecordPairing.lookahead {
                if paired(counted) { looked += 1 }
                counted += 1
            }
            guard looked <= WrittenRecordPairing.lookahead else { return false }
            if paired(index), writtenAlike(index, owner: owner, type: type, origin: origin, text: text, rdata: rdata) {
                for skipped in cursor..<index where paired(skipped) { unpaired.append(skipped) }
                cursor = index + 1
                return true
            }
        }
        return false
    }

    /// Makes room for about `octets` octets of kept RDATA of about `records` records (`keep(rdata:)`).
    mutating func reserveKept(octets: Int, records: Int) {
        keptRData.reserve(octets: octets, records: records)
    }

    /// Takes note of the RDATA of the record of the edited text just kept (not paired), as the loader read it.
    mutating func keep(rdata: ArraySlice<UInt8>) {
        keptRData.append(rdata)
    }

    /// Pairs the old records from `cursor` up to `index` with themselves: a re-read stepped over their text.
    mutating func advance(to index: Int) {
        cursor = max(cursor, index)
    }

    /// The old records left unpaired, those after the last pairing included, in record order.
    func unpairedRest() -> [Int] {
        var result = unpaired
        for index in cursor..<old.store.count where paired(index) { result.append(index) }
        return result
    }

    /// Whether old record `index` is written like the given record: type, owner and RDATA length first
    /// (cheap and telling), then the RDATA text byte for byte, then the origin in force.
    private func writtenAlike(
        _ index: Int, owner: UInt32, type: RRType, origin: UInt32, text: SourceBytes,
        rdata: Range<Int>
    ) -> Bool {
        let slot = old.store[index]
        guard slot.type == type.rawValue, slot.owner == owner else { return false }
        let oldRange = old.store.rdataRange(of: index)
        guard oldRange.count == rdata.count else { return false }
        let oldText = slot.flags.contains(.generated) ? SourceBytes(old.generatedText) : oldTexts[Int(slot.file)]
        let sameText = oldText.withUnsafeBufferPointer { oldBuffer in
            text.withUnsafeBufferPointer { buffer in
                guard let oldBase = oldBuffer.baseAddress, let base = buffer.baseAddress else { return rdata.isEmpty }
                return memcmp(oldBase + oldRange.lowerBound, base + rdata.lowerBound, rdata.count) == 0
            }
        }
        return sameText && old.store.origin(of: index) == origin
    }
}

/// The RDATA of the first records a re-read keeps, by their index in its record table, as the loader read
/// them: the edit check compares them by meaning, and would otherwise read each again from its text (a plan
/// of 20,000 senders adds some 70,000 records, whose second reading was a third of the check). The check
/// holds each record it compares anyway; past `octetLimit` octets the others are read from the text when
/// asked for, so a huge text whose records all moved is not held twice over.
struct KeptRData: Sendable {
    /// Octets of RDATA held at most.
    static let octetLimit = 64 << 20

    private var octets: [UInt8] = []
    /// The end of each record's RDATA in `octets`; the start is the end before it.
    private var ends: [Int] = []

    /// Set at the first record not held: none after it is held either, so that records keep their indexes.
    private var full = false

    /// Makes room for about `octets` octets (at most `octetLimit`) of about `records` records; untouched room
    /// costs no memory.
    mutating func reserve(octets count: Int, records: Int) {
        octets.reserveCapacity(min(count, Self.octetLimit))
        ends.reserveCapacity(min(records, Self.octetLimit))
    }

    mutating func append(_ rdata: ArraySlice<UInt8>) {
        guard !full, octets.count + rdata.count <= Self.octetLimit else {
            full = true
            return
        }
        octets += rdata
        ends.append(octets.count)
    }

    /// The RDATA of kept record `index`; nil past those held.
    subscript(index: Int) -> [UInt8]? {
        range(of: index).map { Array(octets[$0]) }
    }

    /// `body` given kept record `index`'s RDATA where it is held; nil past those held.
    func withRData<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let range = range(of: index) else { return nil }
        return octets.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Where kept record `index`'s RDATA lies in `octets`; nil past those held.
    private func range(of index: Int) -> Range<Int>? {
        guard index >= 0, index < ends.count else { return nil }
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Whether kept record `index` has `rdata` (as `RData`'s `==` says), its octets compared where they
    /// are, with no copy, when they are the same; nil past those held.
    func holds(_ rdata: RData, at index: Int) -> Bool? {
        guard let range = range(of: index) else { return nil }
        let alike =
            range.count == rdata.wire.count
            && octets.withUnsafeBufferPointer { kept in
                rdata.wire.withUnsafeBufferPointer { wire in
                    guard let keptBase = kept.baseAddress, let base = wire.baseAddress else { return range.isEmpty }
                    return memcmp(keptBase + range.lowerBound, base, range.count) == 0
                }
            }
        // Written alike is the same data; otherwise names in it may differ in case only.
        return alike || RData(type: rdata.type, wire: Array(octets[range])) == rdata
    }
}
