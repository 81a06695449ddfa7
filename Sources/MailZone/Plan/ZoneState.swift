import ZoneFile

/// A zone's records as they will be once the operations planned so far are
/// applied, so that a later sender sees an earlier one's changes (an
/// organisational DMARC record the plan creates, an SPF record already merged).
struct ZoneState {
    let zone: Zone
    /// The records and SPF terms mailzone manages in the zone, read from their markers.
    let ownership: ZoneOwnership
    /// The records at each name asked about, in the zone's order and then the plan's; the zone's own are
    /// decoded a type at a time, as asked for (`NameRecords`). Found by the name's slot (`slots`).
    private var names: [NameRecords] = []
    /// The slot in `names` of each name asked about; a slot, once made, stays the name's.
    private var slots: [DomainName: Int] = [:]
    /// The names last looked up and their slots: a sender asks about its few names several times (a CNAME
    /// there, its records of a type, the RRset a create joins), and its commit asks again for the owner of each
    /// operation (its domain, its DKIM selector and `_dmarc` names) after the organisational `_dmarc` name was
    /// looked up; comparing a few names is cheaper than hashing one to probe a table of a large zone's
    /// thousands of names.
    private var recentLookups = RecentLookups()
    /// The apex's records as the zone has them, by position in its record table, as they are decoded (once the
    /// apex is first asked about): the editor places new names after them and would decode them again
    /// (`ZoneEditor`, which decodes the others itself).
    private(set) var apexRecords: [Int: Record]? = nil
    private(set) var operations: [RecordOperation] = []
    /// The names the planned records make exist (their owners and the names between them and the origin);
    /// the zone's own names are asked of the zone (`Zone.exists(_:)`, through its owner index). Built on
    /// first use (`exists(_:origin:)`), as only a plan that creates a name needs it.
    private var plannedNames: Set<DomainName>? = nil
    private var plannedNamesOrigin: DomainName = .root
    /// The owners of NS and DNAME records the plan created (kept when a sender is taken back): with the
    /// zone's own, the names where `mayHoldCut(_:)` lets `cut(hiding:origin:)` look closer.
    private var plannedCuts: Set<DomainName> = []
    /// Whether the zone itself has a cut anywhere: an NS record below the apex or a DNAME. Worked out on the
    /// first `cut(hiding:origin:)`; most zones have none, and then no wanted name's ancestors are walked.
    private var zoneHasCuts: Bool? = nil
    /// Whether `*.X` holds records, by X, as asked (`hasWildcard(below:)`): every name a plan creates asks it
    /// of each of its ancestors, the origin among them. Forgotten when a planned record at a wildcard comes or
    /// goes, or a sender is taken back.
    private var wildcardBelow: [DomainName: Bool] = [:]
    /// Whether any owner of the zone is a wildcard (`*.X`), read from its owners on first use: most zones have
    /// none, and then a name a plan creates needs no walk of its ancestors asking each (`mayHaveWildcards`).
    private var zoneHasWildcards: Bool? = nil
    /// Whether the plan has created a record at a wildcard owner; kept when the sender is taken back (then the
    /// walk asks, and finds no wildcard there).
    private var plannedWildcard = false
    /// While one sender is planned: where `operations` stood before it, so a sender whose plan is refused can be
    /// taken back (with `savedNames` and `createdAt`).
    private var tentativeCount: Int? = nil
    /// The records, as they were before the sender, of each name where it replaced or removed one (by slot).
    private var savedNames: [Int: NameRecords] = [:]
    /// The names where the sender created records (by slot): taken back by removing its creates, with no copy
    /// of the name's records made first (the copy shared the records' array, so the create appended to it
    /// copied the array); a sender creates at a few names, looked for in a list. Both keep their room from one
    /// sender to the next.
    private var createdAt: [Int] = []
    /// `organisationalDMARCName(origin:)`, once made, with the origin it was made for.
    private var organisationalDMARC: (origin: DomainName, name: DomainName?)? = nil

    init(zone: Zone, ownership: ZoneOwnership = ZoneOwnership()) {
        self.zone = zone
        self.ownership = ownership
    }

    /// Whether `name` exists, as an owner or as an empty non-terminal above one.
    mutating func exists(_ name: DomainName, origin: DomainName) -> Bool {
        if plannedNames == nil {
            var names = Set<DomainName>()
            for operation in operations { ZoneState.insert(operation.owner, andAncestorsUpTo: origin, into: &names) }
            plannedNames = names
            plannedNamesOrigin = origin
        }
        if plannedNames?.contains(name) ?? false { return true }
        return name.isSubdomain(of: origin) && zone.exists(name)
    }

    private static func insert(
        _ name: DomainName, andAncestorsUpTo origin: DomainName, into names: inout Set<DomainName>
    ) {
        var current: DomainName? = name
        while let next = current, next.isSubdomain(of: origin), names.insert(next).inserted, next != origin {
            current = next.parent
        }
    }

    /// Whether `name` may hold an NS or DNAME record: the zone has one there (asked of its owner index,
    /// no record built) or the plan created one. False means it holds neither, so the walk of every
    /// wanted name's ancestors in `cut(hiding:origin:)` builds no records for names without a cut.
    func mayHoldCut(_ name: DomainName) -> Bool {
        if !plannedCuts.isEmpty, plannedCuts.contains(name) { return true }
        return zone.recordPositions(at: name).contains { position in
            let type = zone.type(ofRecord: Int(position))
            return type == .ns || type == .dname
        }
    }

    /// Whether the wildcard directly below `name` (`*.name`) holds records, existing or planned.
    mutating func hasWildcard(below name: DomainName) -> Bool {
        if let known = wildcardBelow[name] { return known }
        let holds = (try? name.prepending("*")).map { holdsRecords(at: $0) } ?? false
        wildcardBelow[name] = holds
        return holds
    }

    /// Whether any name may hold a wildcard: the zone has a wildcard owner, or the plan created a record at one.
    /// False means `hasWildcard(below:)` is false for every name.
    mutating func mayHaveWildcards() -> Bool {
        if plannedWildcard { return true }
        if let zoneHasWildcards { return zoneHasWildcards }
        let found = zone.hasWildcardOwner
        zoneHasWildcards = found
        return found
    }

    /// Whether `name` holds records, existing or planned: `records(at:)` is not empty. Asked without
    /// building or caching them, for the many names (a wildcard at each new name's closest encloser)
    /// that hold none.
    func holdsRecords(at name: DomainName) -> Bool {
        if let slot = slots[name] { return !names[slot].entries.isEmpty }
        return !zone.recordPositions(at: name).isEmpty
    }

    /// The records at `name`, existing and planned.
    mutating func records(at name: DomainName) -> [StateRecord] {
        let slot = decode(at: name, type: nil)
        return names[slot].entries.compactMap(\.record)
    }

    /// The records of `type` at `name`, existing and planned; the name's records of other types are not decoded.
    /// Counted first, so the array is made at its size, not grown a record at a time (a zone's apex holds
    /// several TXT records).
    mutating func records(at name: DomainName, type: RRType) -> [StateRecord] {
        let slot = decode(at: name, type: type)
        let count = names[slot].entries.reduce(0) { $1.holds(type) ? $0 + 1 : $0 }
        guard count > 0 else { return [] }
        var records: [StateRecord] = []
        records.reserveCapacity(count)
        for entry in names[slot].entries {
            if let record = entry.record, record.type == type { records.append(record) }
        }
        return records
    }

    /// The first record of `type` at `name` that `matches` (`records(at:type:).first(where:)`, without the
    /// filtered copy).
    mutating func firstRecord(
        at name: DomainName, type: RRType, where matches: (StateRecord) -> Bool = { _ in true }
    ) -> StateRecord? {
        let slot = decode(at: name, type: type)
        for entry in names[slot].entries {
            if let record = entry.record, record.type == type, matches(record) { return record }
        }
        return nil
    }

    /// `_dmarc` at `origin`, where the organisational domain's DMARC record is: made once for the zone, as every
    /// sender at a subdomain compares its record with the one there.
    mutating func organisationalDMARCName(origin: DomainName) -> DomainName? {
        if let made = organisationalDMARC, made.origin == origin { return made.name }
        let name = try? origin.prepending("_dmarc")
        organisationalDMARC = (origin, name)
        return name
    }

    /// The slot of `name`'s records in `names`, their entry made from the zone's record positions if it was not
    /// there (nothing decoded).
    private mutating func entry(at name: DomainName) -> Int {
        if let slot = recentLookups.slot(of: name) { return slot }
        // The name hashed once, found or given the next slot: `names.count` is put in the table when it is not
        // there (a slot, once made, stays the name's).
        let next = names.count
        let slot = Self.value(of: &slots[name, default: next])
        if slot == next {
            // Made from the zone's record positions, with no array of them made first. A name holding records is
            // nearly always a sender's own name, where it creates its MX and SPF record: room for those two, so
            // the entries are not copied into a larger array for each (a name without records gets its array at
            // its first create).
            let positions = zone.recordPositions(at: name)
            var entries: [NameRecords.Entry] = []
            if !positions.isEmpty {
                entries.reserveCapacity(positions.count + 2)
                for position in positions {
                    let index = Int(position)
                    entries.append(.zone(index: index, type: zone.type(ofRecord: index)))
                }
            }
            names.append(NameRecords(entries: entries))
        }
        recentLookups.note(name, slot)
        return slot
    }

    /// `value`, read through the dictionary's accessor that puts its default in the table when the key is not
    /// there (`Dictionary.subscript(_:default:)` when modified), so a name is hashed once whether it is there
    /// or not.
    private static func value(of value: inout Int) -> Int { value }

    /// Decodes the zone's records of `type` (every type when nil) at `name` that are not decoded yet, and gives
    /// the name's slot. An exact duplicate is one record, as BIND reads it (the load
    /// warns about the second line): a record the same as one of its type before it is left out, which is as
    /// when the name's records were decoded all at once (only records of one type can be the same).
    private mutating func decode(at name: DomainName, type: RRType?) -> Int {
        let slot = entry(at: name)
        guard names[slot].undecoded(type) else { return slot }
        // The entries are taken out and put back, not changed through the table: one array, not a copy. Each
        // record decoded takes its entry's place, and a duplicate's entry is closed up over, in the one array:
        // no list of the entries kept, nor of the records decoded, is made for each name and type asked about.
        var entries: [NameRecords.Entry] = []
        swap(&entries, &names[slot].entries)
        let isApex = name == zone.origin
        // Room for every record of the apex, whose types are decoded one after another (its TXT records, then
        // its MX...): the table is not grown as each type comes.
        if isApex, apexRecords == nil { apexRecords = Dictionary(minimumCapacity: entries.count) }
        var kept = 0
        for position in entries.indices {
            guard case .zone(let index, let recordType) = entries[position], type == nil || recordType == type else {
                if kept != position { entries[kept] = entries[position] }
                kept += 1
                continue
            }
            let record = zone.record(index: index)
            if isApex { apexRecords?[index] = record }
            // The records decoded before it: those of its type among the decoded entries kept so far, as no record
            // of a type is decoded before every record of that type is (the name's earlier decoded entries are
            // of other types).
            guard !NameRecords.holdsDecoded(record, in: entries[..<kept]) else { continue }
            let state = StateRecord(type: record.type, rdata: record.rdata, ttl: record.ttl, existing: record)
            entries[kept] = .record(record.type == .txt ? state.decodingText() : state)
            kept += 1
        }
        entries.removeSubrange(kept...)
        names[slot].entries = entries
        return slot
    }

    /// Makes room for `count` names in the table of records by name, so a plan that looks up many names does
    /// not rehash every name looked up so far each time the table grows; and for as many operations, so the
    /// planned operations of a zone with thousands of senders are not copied each time their array grows.
    mutating func reserveNames(_ count: Int) {
        slots.reserveCapacity(count)
        names.reserveCapacity(count)
        operations.reserveCapacity(count)
        // The names one sender creates at: a few (its domain, DKIM selectors, `_dmarc`), in every zone's state.
        createdAt.reserveCapacity(min(count, 8))
    }

    /// Whether any name may be hidden by a cut: the plan created an NS or DNAME record, or the zone has an NS
    /// record below `origin` or a DNAME anywhere (read once, from the records of those types alone).
    mutating func mayHaveCuts(origin: DomainName) -> Bool {
        if !plannedCuts.isEmpty { return true }
        if let zoneHasCuts { return zoneHasCuts }
        let found = zone.containsCut(below: origin)
        zoneHasCuts = found
        return found
    }

    /// The first committed operation that creates a record of `type` at `name`.
    func firstPlannedCreate(at name: DomainName, type: RRType) -> RecordOperation? {
        guard let slot = slots[name] else { return nil }
        for entry in names[slot].entries {
            if case .planned(let record, let operation) = entry, record.type == type { return operations[operation] }
        }
        return nil
    }

    /// The TTL of the RRset of `type` at `name` that a record created there joins: the first of the zone's records
    /// of that type (its TTL), else the first create committed there by an earlier sender (the TTL it writes, nil
    /// for the zone's default where its line goes); nil when the RRset has no record. Read from the name's
    /// entries, with no array of its records made for every record created (a zone's apex holds several TXT).
    mutating func rrsetTTL(at name: DomainName, type: RRType) -> UInt32?? {
        let slot = decode(at: name, type: type)
        var firstPlanned: Int? = nil
        for entry in names[slot].entries {
            switch entry {
            case .record(let record) where record.type == type:
                // A decoded entry is one of the zone's records (`existing` is set).
                return .some(record.ttl)
            case .planned(let record, let operation) where firstPlanned == nil && record.type == type:
                firstPlanned = operation
            default:
                continue
            }
        }
        guard let firstPlanned, case .create(_, _, let ttl, _) = operations[firstPlanned].kind else { return nil }
        return .some(ttl)
    }

    /// Starts planning one sender: what it commits until `keepTentative()` can be taken back.
    mutating func beginTentative() {
        tentativeCount = operations.count
        savedNames.removeAll(keepingCapacity: true)
        createdAt.removeAll(keepingCapacity: true)
    }

    /// Keeps what the sender committed.
    mutating func keepTentative() {
        tentativeCount = nil
        savedNames.removeAll(keepingCapacity: true)
    }

    /// Takes back everything committed since `beginTentative()` (a sender with a conflict changes nothing).
    mutating func rollbackTentative() {
        guard let count = tentativeCount else { return }
        // The names the sender changed get their records back and lose its creates (the planned records of the
        // operations from `count` on): a scan of every name would make each refused sender cost as much as the
        // whole plan so far.
        for (slot, records) in savedNames { names[slot] = records }
        for slot in createdAt {
            names[slot].entries.removeAll { entry in
                guard case .planned(_, let operation) = entry else { return false }
                return operation >= count
            }
        }
        operations.removeSubrange(count...)
        plannedNames = nil
        wildcardBelow = [:]
        tentativeCount = nil
        savedNames.removeAll(keepingCapacity: true)
    }

    /// Applies the operations of one sender (all or none, decided by the caller).
    mutating func commit(_ operations: [RecordOperation]) {
        for operation in operations {
            if operation.owner.isWildcard {
                if !wildcardBelow.isEmpty { wildcardBelow = [:] }
                if case .create = operation.kind { plannedWildcard = true }
            }
            // A replaced or removed record's type is decoded first; a create is appended after the name's
            // records, decoded or not.
            let slot: Int
            switch operation.kind {
            case .create: slot = entry(at: operation.owner)
            case .replace(let existing, _, _), .remove(let existing):
                slot = decode(at: operation.owner, type: existing.type)
            }
            if tentativeCount != nil {
                if case .create = operation.kind {
                    if !createdAt.contains(slot) { createdAt.append(slot) }
                } else if savedNames[slot] == nil {
                    savedNames[slot] = names[slot]
                }
            }
            // The cached entries are changed in place: a copy changed and stored back would copy every record of
            // the name once more for each operation.
            var coalesced = false
            switch operation.kind {
            case .create(let type, let rdata, let ttl, _):
                // A create is never coalesced: it goes at the end of `operations`.
                names[slot].entries.append(
                    .planned(
                        StateRecord(type: type, rdata: rdata, ttl: ttl ?? 0, existing: nil),
                        operation: self.operations.count
                    ))
            case .replace(let existing, let rdata, _):
                if let index = names[slot].entries.firstIndex(where: { $0.record?.existing == existing }),
                    var record = names[slot].entries[index].record
                {
                    record.rdata = rdata
                    names[slot].entries[index] = .record(record)
                }
                // A record changed twice in one sender's plan (an SPF term removed, another merged) is
                // one edit of its line: the later RDATA, and the later marker unless it has none.
                // Only this sender's operations are looked at, newest first: a scan of every operation
                // planned so far would make planning quadratic in the senders of a zone.
                let from = tentativeCount ?? 0
                if let index = (from..<self.operations.count).reversed().first(where: { index in
                    guard case .replace(let earlier, _, _) = self.operations[index].kind else { return false }
                    return earlier == existing
                }) {
                    let earlier = self.operations[index]
                    var merged = operation
                    if merged.marker == nil, !merged.dropsMarker {
                        merged.marker = earlier.marker
                        merged.dropsMarker = earlier.dropsMarker
                    }
                    self.operations[index] = merged
                    coalesced = true
                }
            case .remove(let existing):
                names[slot].entries.removeAll { $0.record?.existing == existing }
            }
            if !coalesced { self.operations.append(operation) }
            if case .create(let type, _, _, _) = operation.kind, type == .ns || type == .dname {
                plannedCuts.insert(operation.owner)
            }
            if case .create = operation.kind, var names = plannedNames {
                plannedNames = nil  // one copy of the set, not two, while it grows
                ZoneState.insert(operation.owner, andAncestorsUpTo: plannedNamesOrigin, into: &names)
                plannedNames = names
            }
        }
    }
}

/// The last four names `ZoneState` looked up and their slots, held in place (no array made for each zone of a
/// repository of thousands): the newest is compared first, as a sender asks about one name several times in a
/// row.
struct RecentLookups {
    private var first: (name: DomainName, slot: Int)? = nil
    private var second: (name: DomainName, slot: Int)? = nil
    private var third: (name: DomainName, slot: Int)? = nil
    private var fourth: (name: DomainName, slot: Int)? = nil

    /// The slot of `name`, when it is among the names looked up last.
    func slot(of name: DomainName) -> Int? {
        if let first, first.name == name { return first.slot }
        if let second, second.name == name { return second.slot }
        if let third, third.name == name { return third.slot }
        if let fourth, fourth.name == name { return fourth.slot }
        return nil
    }

    /// Notes `name` as looked up last, forgetting the oldest.
    mutating func note(_ name: DomainName, _ slot: Int) {
        fourth = third
        third = second
        second = first
        first = (name, slot)
    }
}

/// The records at one name in the planned state: the zone's, in its order, each decoded when its type is first
/// asked for (most names are asked for one or two types: a sender's name holds an A record no rule reads),
/// then those the plan creates (with their operations, for `rrsetTTL` and `firstPlannedCreate`).
struct NameRecords {
    enum Entry {
        /// A record of the zone not decoded yet: its position in the zone's record table, and its type.
        case zone(index: Int, type: RRType)
        /// A record of the zone, decoded (and perhaps changed by the plan).
        case record(StateRecord)
        /// A record the plan creates; `operation` is its create's position in `ZoneState.operations`.
        case planned(StateRecord, operation: Int)

        var record: StateRecord? {
            switch self {
            case .record(let record), .planned(let record, _): return record
            case .zone: return nil
            }
        }

        /// Whether the entry is a decoded or planned record of `type` (`record?.type == type`, the record not copied).
        func holds(_ type: RRType) -> Bool {
            switch self {
            case .record(let record), .planned(let record, _): return record.type == type
            case .zone: return false
            }
        }
    }

    var entries: [Entry]

    /// Whether `entries` hold a decoded record of the zone with the same data as `record` (an exact duplicate).
    static func holdsDecoded(_ record: Record, in entries: ArraySlice<Entry>) -> Bool {
        entries.contains { entry in
            guard case .record(let decoded) = entry, decoded.type == record.type, let existing = decoded.existing
            else { return false }
            return existing.sameData(as: record)
        }
    }

    /// Whether a record of `type` (any type when nil) is not decoded yet.
    func undecoded(_ type: RRType?) -> Bool {
        entries.contains { entry in
            guard case .zone(_, let recordType) = entry else { return false }
            return type == nil || recordType == type
        }
    }
}

/// A record in the planned state; `existing` is the zone's record it stands for (nil when planned).
struct StateRecord {
    var type: RRType
    /// The RDATA; a new value (an SPF merge) forgets the text decoded from the old one.
    var rdata: RData {
        didSet { decodedText = nil }
    }
    var ttl: UInt32
    var existing: Record?
    /// `text`, decoded once for a TXT record of the zone (`decodingText()`): the rules read each TXT record at a
    /// name several times (to pick the SPF record, to merge into it, for its marker), and each read decoded
    /// its strings again.
    private var decodedText: String? = nil

    init(type: RRType, rdata: RData, ttl: UInt32, existing: Record?) {
        self.type = type
        self.rdata = rdata
        self.ttl = ttl
        self.existing = existing
    }

    /// The record with its text decoded now and kept for every later read.
    func decodingText() -> StateRecord {
        var record = self
        record.decodedText = Self.text(of: rdata)
        return record
    }

    /// TXT strings decoded (invalid UTF-8 replaced), for the email-rule parsers.
    var strings: [String] {
        rdata.wire.withUnsafeBufferPointer { octets in
            var strings: [String] = []
            Self.forEachString(in: octets) { strings.append(String(decoding: $0, as: UTF8.self)) }
            return strings
        }
    }

    /// The strings joined with nothing between, as SPF, DKIM and DMARC read them.
    var text: String { decodedText ?? Self.text(of: rdata) }

    /// `strings.joined()` of `rdata`, made in one piece when every string is ASCII (nearly every record): then
    /// the strings decoded one by one and joined are their octets one after the other.
    static func text(of rdata: RData) -> String {
        rdata.wire.withUnsafeBufferPointer { octets -> String in
            var count = 0
            var ascii = true
            forEachString(in: octets) { string in
                count += string.count
                if ascii, !string.allSatisfy({ $0 < 0x80 }) { ascii = false }
            }
            guard ascii else {
                var text = ""
                forEachString(in: octets) { text += String(decoding: $0, as: UTF8.self) }
                return text
            }
            return String(unsafeUninitializedCapacity: count) { text in
                var written = 0
                forEachString(in: octets) { string in
                    for octet in string {
                        text[written] = octet
                        written += 1
                    }
                }
                return written
            }
        }
    }

    /// Calls `body` with each character-string's octets in `octets` (after its length octet), in order; a last
    /// string cut short by the end of the data is given as far as it goes (as `RData.characterStrings`).
    private static func forEachString(
        in octets: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var index = 0
        while index < octets.count {
            let end = min(octets.count, index + 1 + Int(octets[index]))
            body(UnsafeBufferPointer(rebasing: octets[(index + 1)..<end]))
            index = end
        }
    }
}

/// One change to a zone's records.
struct RecordOperation: Sendable {
    enum Kind: Sendable {
        /// A new record; `presentation` is its RDATA as it will be written.
        case create(type: RRType, rdata: RData, ttl: UInt32?, presentation: String)
        /// New RDATA for an existing record, written as `presentation`.
        case replace(existing: Record, rdata: RData, presentation: String)
        /// Removes an existing record: one folded into another SPF record, or one mailzone owns that the
        /// declaration no longer asks for (`RemovalPlanner`).
        case remove(existing: Record)
    }

    var owner: DomainName
    var kind: Kind
    /// The marker apply writes on the line (a created record; a merged SPF record's terms), nil for none.
    var marker: OwnershipMarker? = nil
    /// Takes the line's marker out (an SPF record merged into whose managed terms are all gone).
    var dropsMarker = false
}
