/// A loaded zone: its files' lossless syntax, its records, and every problem found.
///
/// Records are kept compactly (see `RecordSlot`) and materialised as `Record`
/// values on request, so a million-record zone costs a few dozen bytes a record.
/// Zone-level problems (CNAME and other data, no SOA or NS at the apex, data
/// outside the origin) are diagnostics like the syntax errors.
public struct Zone: Sendable {
    /// What the load made, in one object: a zone is handed around and kept by value (by the plan's zone
    /// state, its editor, the re-read's pairing and skipping), and a copy of the twenty-odd tables it
    /// holds retained each of them, its end released each; a copy now retains one object. A repository of
    /// 10,000 small zones copied each zone about ten times.
    @usableFromInline let contents: ZoneContents
    /// Where the time of the load went (zero for zones loaded from memory).
    package internal(set) var timings = LoadTimings()

    /// The zone's origin (apex), when it could be told.
    @inlinable public var origin: DomainName? { contents.origin }
    /// The zone's class (`IN` unless `LoadOptions.zoneClass` says otherwise).
    @inlinable public var zoneClass: RRClass { contents.zoneClass }
    /// The top file first, then the files it includes, in the order they were read.
    @inlinable public var files: [ZoneFileSyntax] { contents.files }
    var names: NameTable { contents.names }
    var store: RecordStore { contents.store }
    var generatedText: [UInt8] { contents.generatedText }
    /// The load's checkpoints (records kept only), for reading an edited copy again from its edits on.
    var history: ReadingHistory? { contents.history }
    /// The zone checks' hash of each record shown to them, in order (records kept only).
    var checkKeys: [UInt64] { contents.checkKeys }
    /// The hashes of the records that repeat an earlier record (exact duplicates; records kept only).
    var repeatedKeys: [UInt64] { contents.repeatedKeys }
    /// Syntax and zone-level problems, in file order.
    @inlinable public var diagnostics: [Diagnostic] { contents.diagnostics }
    /// How many records the zone holds (out-of-zone data excluded), kept or not.
    @inlinable public var recordCount: Int { contents.recordCount }
    /// The owner index and the empty non-terminals, made on the first lookup by name.
    var indexes: ZoneContents { contents }

    init(
        origin: DomainName?, zoneClass: RRClass, files: [ZoneFileSyntax], names: NameTable, store: RecordStore,
        generatedText: [UInt8], loadDiagnostics: [Diagnostic], checkDiagnostics: [Diagnostic], recordCount: Int,
        maxDiagnostics: Int = .max, history: ReadingHistory? = nil, checkKeys: [UInt64] = [],
        repeatedKeys: [UInt64] = []
    ) {
        var diagnostics = loadDiagnostics
        if origin == nil, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.originUnknown, file: files.first?.source.path ?? "", location: nil))
        }
        let room = max(0, maxDiagnostics - diagnostics.count)
        let overflows = checkDiagnostics.count > room && !diagnostics.contains(where: { $0.id == "limit.diagnostics" })
        diagnostics += checkDiagnostics.prefix(room)
        if overflows {
            diagnostics.append(
                Diagnostic(
                    .tooManyProblemsAfterChecks(limit: maxDiagnostics), file: files.first?.source.path ?? "",
                    location: nil))
        }
        contents = ZoneContents(
            origin: origin, zoneClass: zoneClass, files: files, names: names, store: store,
            generatedText: generatedText, history: history, checkKeys: checkKeys, repeatedKeys: repeatedKeys,
            diagnostics: diagnostics, recordCount: recordCount)
    }

    /// Whether any diagnostic is an error (a zone with errors still has its records and syntax).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// The diagnostics that are errors, in file order.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every record in file order, out-of-zone data excluded.
    public var records: [Record] {
        store.slots.indices.compactMap { store[$0].flags.contains(.outOfZone) ? nil : record(index: $0) }
    }

    /// Records of the given types, in file order, out-of-zone data excluded; the others are not
    /// decoded, so a search for a few types in a large zone does not build every record.
    public func records(ofTypes types: Set<RRType>) -> [Record] {
        let wanted = Zone.typeMask(types)
        return store.slots.indices.compactMap { index in
            let slot = store[index]
            return Zone.masked(wanted, slot.type) && !slot.flags.contains(.outOfZone) ? record(index: index) : nil
        }
    }

    /// Whether a record of the given types, out-of-zone data excluded, satisfies `predicate` (given
    /// its owner and type). Stops at the first that does, and builds no record: only the owners of
    /// records of those types, one at a time. (Is there a zone cut? asks this of a zone's NS records.)
    public func containsRecord(ofTypes types: Set<RRType>, where predicate: (DomainName, RRType) -> Bool) -> Bool {
        let wanted = Zone.typeMask(types)
        for slot in store.slots where Zone.masked(wanted, slot.type) && !slot.flags.contains(.outOfZone) {
            if predicate(storedName(slot.owner), RRType(slot.type)) { return true }
        }
        return false
    }

    /// Whether the zone has a cut that may hide names below it: an NS record at an owner other than `origin` (a
    /// delegation) or a DNAME anywhere, out-of-zone data excluded. `containsRecord(ofTypes: [.ns, .dname])` with
    /// that question, asked of the owners' ids (equal names have one id, case aside), with no name built and no
    /// set of types made: a plan asks it of every zone it covers, and most answer no after their apex NS.
    public func containsCut(below origin: DomainName) -> Bool {
        let apex = names.lookup(origin)
        let ns = RRType.ns.rawValue
        let dname = RRType.dname.rawValue
        return store.slots.contains { slot in
            (slot.type == dname || (slot.type == ns && slot.owner != apex)) && !slot.flags.contains(.outOfZone)
        }
    }

    /// The records grouped by owner, built on first use.
    var ownerIndex: OwnerIndex {
        indexes.owners { OwnerIndex(store: store, nameCount: names.count) }
    }

    /// Positions in the record table of the records at `owner` (any type), in file order; through the
    /// owner index, nothing decoded.
    public func recordIndices(at owner: DomainName) -> [Int] {
        guard let id = names.lookup(owner) else { return [] }
        return ownerIndex.positions(of: id).map { Int($0) }
    }

    /// Records at `owner` (any type), in file order; only those records are built.
    public func records(at owner: DomainName) -> [Record] {
        recordIndices(at: owner).map { record(index: $0) }
    }

    /// Records at `owner` of `type`, in file order; only those records are built.
    public func records(at owner: DomainName, type: RRType) -> [Record] {
        recordIndices(at: owner, type: type).map { record(index: $0) }
    }

    /// Positions in the record table of the records of the given types whose owner has a label
    /// `label` (ASCII case ignored; `_domainkey`), in file order: owners are read from the name
    /// table, each once, and no record is built.
    public func recordIndices(ofTypes types: Set<RRType>, ownerLabel label: String) -> [Int] {
        recordIndicesByOwner(ofTypes: types, ownerLabels: [label]).flatMap(\.indices).sorted()
    }

    /// The records of the given types whose owner has one of `labels` (ASCII case ignored; `_dmarc`,
    /// `_domainkey`), grouped by owner: one group per owner in the order of its first such record, each
    /// group's positions in the record table in file order. One pass over the record table; each owner's
    /// labels are read once and its name built once, not once per record.
    public func recordIndicesByOwner(
        ofTypes types: Set<RRType>, ownerLabels labels: [String]
    ) -> [(owner: DomainName, indices: [Int])] {
        recordIndicesByOwner(ofTypes: types, ownerLabelOctets: labels.map { Array($0.utf8) })
    }

    /// `recordIndicesByOwner(ofTypes:ownerLabels:)` with the labels as octets, which a caller asking of every
    /// zone of a repository makes once.
    package func recordIndicesByOwner(
        ofTypes types: Set<RRType>, ownerLabelOctets labelBytes: [[UInt8]]
    ) -> [(owner: DomainName, indices: [Int])] {
        let wanted = Zone.typeMask(types)
        // Per owner id: 0 not asked yet, -1 has none of the labels, else its group's index plus one (an
        // array: a dictionary probe per record was most of the time in a million-record zone).
        var groupOf = [Int32](repeating: 0, count: names.count)
        var groups: [(owner: DomainName, indices: [Int])] = []
        for (index, slot) in store.slots.enumerated()
        where Zone.masked(wanted, slot.type) && !slot.flags.contains(.outOfZone) {
            let owner = Int(slot.owner)
            if groupOf[owner] == 0 {
                if labelBytes.contains(where: { names.hasLabel(slot.owner, $0) }) {
                    groups.append((names.name(slot.owner), []))
                    groupOf[owner] = Int32(groups.count)
                } else {
                    groupOf[owner] = -1
                }
            }
            if groupOf[owner] > 0 { groups[Int(groupOf[owner]) - 1].indices.append(index) }
        }
        return groups
    }

    /// A bit for each type code below 256 of `types`, and whether any type is above (then asked of the set).
    /// The bits are four words in place, not an array: an editor asks once for each zone of a repository.
    private static func typeMask(_ types: Set<RRType>) -> (low: SIMD4<UInt64>, high: Set<UInt16>) {
        var low = SIMD4<UInt64>(repeating: 0)
        var high = Set<UInt16>()
        for type in types {
            if type.rawValue < 256 {
                low[Int(type.rawValue) >> 6] |= 1 << UInt64(type.rawValue & 63)
            } else {
                high.insert(type.rawValue)
            }
        }
        return (low, high)
    }

    @inline(__always)
    private static func masked(_ mask: (low: SIMD4<UInt64>, high: Set<UInt16>), _ type: UInt16) -> Bool {
        type < 256 ? mask.low[Int(type) >> 6] & (1 << UInt64(type & 63)) != 0 : mask.high.contains(type)
    }

    /// The owner of the record at a position of the record table, without building the record.
    public func owner(ofRecord index: Int) -> DomainName {
        storedName(store[index].owner)
    }

    /// Name `id` of the name table; the zone's origin itself when the table spells it so (the `$ORIGIN` of
    /// most records, and the apex's owner), not another copy of it made for every record built.
    func storedName(_ id: UInt32) -> DomainName {
        if let origin, names.spells(id, exactly: origin) { return origin }
        return names.name(id)
    }

    /// The type of the record at a position of the record table, without building the record.
    public func type(ofRecord index: Int) -> RRType {
        RRType(store[index].type)
    }

    /// Whether the zone holds a record of `type`, without building records.
    public func contains(type: RRType) -> Bool {
        store.slots.contains { $0.type == type.rawValue && !$0.flags.contains(.outOfZone) }
    }

    /// Positions in the record table (for `recordData(index:)`) of the records at `owner` of `type`,
    /// in file order; through the owner index, nothing decoded.
    public func recordIndices(at owner: DomainName, type: RRType) -> [Int] {
        guard let id = names.lookup(owner) else { return [] }
        return ownerIndex.positions(of: id).compactMap { store[Int($0)].type == type.rawValue ? Int($0) : nil }
    }

    /// Whether `name` exists in the zone (RFC 4592 §2.2.2): it holds records, or a name below it does
    /// (an empty non-terminal). Names outside the zone's origin do not.
    public func exists(_ name: DomainName) -> Bool {
        if let id = names.lookup(name), ownerIndex.holdsRecords(id) { return true }
        guard let origin else { return false }
        let index = ownerIndex
        // The origin exists once anything below it does (the walk below does not go up to it from its children).
        if name == origin { return index.holdsAnyRecord }
        let table = names
        guard name.isSubdomain(of: origin) else { return false }
        return indexes.emptyNonTerminals { EmptyNonTerminals(index: index, names: table, origin: origin) }
            .contains(name)
    }

    /// Whether any owner in the zone is a wildcard (its first label is `*`, RFC 4592). Most zones have no
    /// wildcard name at all, which the name table noted as it stored them: they answer at once, not with a
    /// walk over a million records. The others are read from the name table record by record, building no
    /// name (`owners` would build every owner of a large zone, tens of megabytes).
    public var hasWildcardOwner: Bool {
        guard names.mayHoldWildcard else { return false }
        return store.slots.contains { !$0.flags.contains(.outOfZone) && names.isWildcard($0.owner) }
    }

    /// Owners in first-seen order.
    public var owners: [DomainName] {
        var seen = Set<UInt32>()
        var result: [DomainName] = []
        for slot in store.slots where !slot.flags.contains(.outOfZone) && seen.insert(slot.owner).inserted {
            result.append(names.name(slot.owner))
        }
        return result
    }

    /// The owner, type and RDATA of the record at a position of the record table, without where it
    /// was written (which needs the file's line table): all that comparing records by meaning needs.
    public func recordData(index: Int) -> (owner: DomainName, type: RRType, rdata: RData) {
        let slot = store[index]
        let type = RRType(slot.type)
        let wire = Zone.rdataWire(
            of: index, store: store, files: files, origin: storedName(store.origin(of: index)),
            generatedText: generatedText)
        return (storedName(slot.owner), type, RData(type: type, wire: wire))
    }

    /// The record at a position of the zone's record table (as `recordIndices(at:type:)` and the re-read give them).
    public func record(index: Int) -> Record {
        let slot = store[index]
        let type = RRType(slot.type)
        let file = files[Int(slot.file)]
        let origin = storedName(store.origin(of: index))
        let generated = slot.flags.contains(.generated)
        let rdataRange = store.rdataRange(of: index)
        let wire = Zone.rdataWire(of: index, store: store, files: files, origin: origin, generatedText: generatedText)
        let (entryIndex, entryStart) = store.entry(of: index, files: files)
        return Record(
            owner: storedName(slot.owner), ttl: slot.ttl, rrClass: zoneClass, type: type,
            rdata: RData(type: type, wire: wire),
            source: RecordSource(
                fileIndex: Int(slot.file), path: file.source.path, entryIndex: entryIndex,
                entryRange: file.entries.isEmpty ? entryStart..<entryStart : file.entries[entryIndex].range,
                rdataRange: generated ? nil : rdataRange,
                location: file.source.location(of: entryStart),
                generated: generated, explicitTTL: slot.flags.contains(.explicitTTL),
                origin: origin))
    }
}

extension Zone {
    /// The wire RDATA of a stored record, read again from its text (the record parsed when loaded,
    /// so this does not fail; an empty RDATA is the safe fallback).
    static func rdataWire(
        of index: Int, store: RecordStore, files: [ZoneFileSyntax], origin: DomainName,
        generatedText: [UInt8]
    ) -> [UInt8] {
        let slot = store[index]
        let generated = slot.flags.contains(.generated)
        let text = generated ? SourceBytes(generatedText) : files[Int(slot.file)].source.bytes
        let fields = RDataField.split(text, range: store.rdataRange(of: index))
        var wire: [UInt8] = []
        try? LoaderState.encodeRData(type: RRType(slot.type), fields: fields, origin: origin, into: &wire)
        return wire
    }
}

/// One record with its absolute owner, TTL, class, type and RDATA, and where it was written.
public struct Record: Sendable, Hashable, CustomStringConvertible {
    /// The owner name, absolute: a relative, `@` or blank owner in the file is completed as the reader did.
    public var owner: DomainName
    /// The TTL in seconds as the reader resolved it: the line's own field, else the default in force there.
    public var ttl: UInt32
    /// The class, the zone's (a line of another class is an error, not a record).
    public var rrClass: RRClass
    public var type: RRType
    public var rdata: RData
    /// Where the record was written; nil for a record built in memory.
    public var source: RecordSource?

    public init(
        owner: DomainName, ttl: UInt32, rrClass: RRClass = .in, type: RRType, rdata: RData, source: RecordSource? = nil
    ) {
        self.owner = owner
        self.ttl = ttl
        self.rrClass = rrClass
        self.type = type
        self.rdata = rdata
        self.source = source
    }

    /// Canonical one-line form: `owner. TTL CLASS TYPE rdata`, as `zone dump` prints it.
    public var description: String {
        "\(owner) \(ttl) \(rrClass) \(type) \(rdata.presentation)"
    }

    /// Same owner, class, type and RDATA (TTL and source ignored), comparing names case-insensitively.
    public func sameData(as other: Record) -> Bool {
        owner == other.owner && rrClass == other.rrClass && type == other.type && rdata == other.rdata
    }

    public static func == (lhs: Record, rhs: Record) -> Bool {
        lhs.sameData(as: rhs) && lhs.ttl == rhs.ttl
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(owner)
        hasher.combine(type)
        hasher.combine(rdata)
    }
}

/// Where a record was written.
public struct RecordSource: Sendable, Hashable {
    /// Index into `Zone.files`.
    public var fileIndex: Int
    /// The file's path as the loader read it (the top file's as given; an include's joined to its base).
    public var path: String
    /// Index of the entry in its file's syntax.
    public var entryIndex: Int
    /// Byte range of the whole entry (owner to newline).
    public var entryRange: Range<Int>
    /// Byte range of the RDATA fields, first to last (nil for `$GENERATE`d records).
    public var rdataRange: Range<Int>?
    /// Line and column where the entry starts.
    public var location: SourceLocation
    /// Made by a `$GENERATE` line: there is no RDATA text of its own to edit.
    public var generated: Bool
    /// The line writes a TTL field (otherwise the record took the default in force there).
    public var explicitTTL: Bool
    /// The `$ORIGIN` in force where the record was written (relative names in its line hang from it).
    public var origin: DomainName
}

/// RDATA in wire form, with its type for printing and comparing.
public struct RData: Sendable, Hashable {
    public let type: RRType
    /// The RDATA as it goes on the wire (RFC 1035 §3.3), names uncompressed.
    public let wire: [UInt8]

    /// RDATA from wire octets, taken as they are (a typed view of data that does not fit its type is nil).
    public init(type: RRType, wire: [UInt8]) {
        self.type = type
        self.wire = wire
    }

    /// Reads RDATA from presentation text (`10 mx.example.com.`, `"v=spf1 -all"`), names completed with `origin`.
    public init(type: RRType, presentation: String, origin: DomainName = .root) throws(RDataError) {
        var wire: [UInt8] = []
        try LoaderState.encodeRData(type: type, fields: RDataField.split(presentation), origin: origin, into: &wire)
        self.type = type
        self.wire = wire
    }

    /// Canonical presentation (`\# LEN HEX` for types without a known format).
    public var presentation: String { RDataCodec.present(type, wire: wire) }

    /// The wire form with embedded names lower-cased where RFC 4034 §6.2 says so; used to compare.
    public var canonicalWire: [UInt8] {
        guard RDataCodec.lowercasesNames(type) else { return wire }
        return CanonicalRData.lowercase(type: type, wire: wire)
    }

    public static func == (lhs: RData, rhs: RData) -> Bool {
        lhs.type == rhs.type && lhs.canonicalWire == rhs.canonicalWire
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(canonicalWire)
    }
}
