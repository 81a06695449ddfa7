/// Zone-level checks — what BIND's loader refuses or warns about once a file has
/// parsed: CNAME and other data, SOA and NS at the apex, DS at the apex, CDNSKEY
/// without its DNSKEY.
///
/// The checks watch records as the loader adds them, so they need no second pass
/// over the records and work as well when the records are not kept at all
/// (`LoadOptions.keepRecords == false`, the lean mode of `zone check`). Per owner
/// they keep one byte of flags and where its first non-CNAME record is.
struct ZoneChecks: Sendable {
    /// Where a record was written: its file (index in the load's file list) and entry start.
    ///
    /// Eight octets: the offset is stored first, so that the file and the flag share the second half (in the
    /// order file, offset, flag it took twelve, and the per-owner and first-written tables of a million-record
    /// zone grew by 2.3 MB).
    struct Place: Sendable, Equatable {
        var offset: UInt32
        var file: UInt16
        /// Whether `offset` is the index of the old zone's record that a re-read stepped over here, not an
        /// entry's start: the entry is found only when a diagnostic names the place (`finish`), as finding
        /// it for every record stepped over was most of the stepping (`observeWithoutPlace`).
        var stepped: Bool

        init(file: UInt16, offset: UInt32, stepped: Bool = false) {
            self.offset = offset
            self.file = file
            self.stepped = stepped
        }
    }

    fileprivate struct OwnerFlags: OptionSet, Sendable {
        let rawValue: UInt8
        static let cname = OwnerFlags(rawValue: 1)
        static let other = OwnerFlags(rawValue: 2)
        static let reported = OwnerFlags(rawValue: 4)
        static let reportedSecondCNAME = OwnerFlags(rawValue: 8)
    }

    /// A diagnostic whose positions are turned into file:line when the load is finished.
    private struct Pending: Sendable {
        var place: Place?
        /// The diagnostic's kind, given how to write a place (`file:line`) once the files are known, and
        /// the zone's apex (the load's origin, known when the first record is).
        var kind: @Sendable (_ written: (Place) -> String, _ apex: DomainName) -> DiagnosticKind

        init(
            place: Place?,
            _ kind: @escaping @Sendable (_ written: (Place) -> String, _ apex: DomainName) -> DiagnosticKind
        ) {
            self.place = place
            self.kind = kind
        }

        init(place: Place?, _ kind: DiagnosticKind) {
            self.init(place: place) { _, _ in kind }
        }
    }

    private var flags: [OwnerFlags] = []
    /// The first record of each owner that is not a CNAME nor DNSSEC data, and its type (valid with `.other`).
    private var firstOther: [Place] = []
    private var firstOtherType: [UInt16] = []
    /// The first CNAME of owners that have one (an owner's `.cname` flag says it has).
    private var firstCNAME = FirstCNAMEPlaces()
    private var pending: [Pending] = []
    private var soaCount = 0
    /// Where the first SOA at the apex was written, and its RDATA made canonical (names lower-cased), in a
    /// table kept from load to load (`Room`) rather than an array made for each zone.
    private var firstApexSOA: Place?
    private var firstApexSOARData: [UInt8] = []
    private var apexNS = false
    private var dnskeys = Set<[UInt8]>()
    /// Where each distinct record (owner, type, RDATA; by hash) was first written, to spot exact duplicates.
    private var firstWritten = FirstWrittenRecords()
    private var cdnskeys: [(place: Place, rdata: [UInt8])] = []

    /// Records seen (in the zone).
    private(set) var count = 0

    /// Reserves room for `owners` owners, so the per-owner tables are not copied as they grow.
    mutating func reserve(owners: Int) {
        flags.reserveCapacity(owners)
        firstOther.reserveCapacity(owners)
        firstOtherType.reserveCapacity(owners)
        firstWritten.reserve(owners: owners)
    }

    /// Reserves room for about `records` records in the duplicate check.
    mutating func reserve(records: Int) {
        firstWritten.reserve(records: records)
    }

    /// The duplicate-check hash of every record shown to the checks, in order (0 for an SOA), when kept
    /// (`keepKeys()`): a re-read of an edited copy shows the records it steps over with these, as their
    /// RDATA is not read again.
    var keys: [UInt64]? { firstWritten.keepsKeys ? firstWritten.keys : nil }

    mutating func keepKeys() { firstWritten.keepKeys() }

    /// The hashes of the records found to repeat an earlier one, when keys are kept: with them a re-read
    /// knows which of the records it steps over can be a duplicate at all (`DuplicateCandidates`).
    private(set) var repeatedKeys: [UInt64] = []

    /// The hashes computed for records shown without one (those read, not stepped over), when noted
    /// (`noteComputedKeys(reserving:)`): a re-read checks them against the records it stepped over.
    private(set) var computedKeys: [UInt64]? = nil

    /// Notes the hashes computed from now on, with room for about `count` of them (a small zone's re-read
    /// grew the list three times for the few records it reads).
    mutating func noteComputedKeys(reserving count: Int) {
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        computedKeys = keys
    }

    /// Takes note of one record of the zone (out-of-zone data is not shown to the checks). `key` is the
    /// record's `duplicateKey` when known already; `rdata` is then read only for an SOA, DNSKEY or
    /// CDNSKEY at the apex. `unique` says no other record shown has the record's key (a re-read knows it
    /// of most records it steps over): it is then not looked up nor kept for the duplicate check.
    mutating func observe(
        owner: UInt32, type: RRType, place: Place, atApex: Bool, rdata: UnsafeBufferPointer<UInt8>,
        key known: Int? = nil, unique: Bool = false, names: NameTable
    ) {
        count += 1
        // An exact duplicate (same owner, type and data) is one record to BIND (RFC 2181 §5): it keeps one copy
        // and so does the zone, with a warning naming both lines. A second SOA has its own check below.
        if type == .soa {
            firstWritten.appendKey(0)
        } else {
            let key = known ?? ZoneChecks.duplicateKey(owner: owner, type: type, rdata: rdata)
            firstWritten.appendKey(UInt64(bitPattern: Int64(key)))
            if known == nil { computedKeys?.append(UInt64(bitPattern: Int64(key))) }
            if !unique, let first = firstWritten.firstPlace(of: key, owner: owner, else: place) {
                if firstWritten.keepsKeys { repeatedKeys.append(UInt64(bitPattern: Int64(key))) }
                pending.append(
                    Pending(place: place) { [name = names.name(owner)] written, _ in
                        .duplicateRecord(owner: name, type: type, firstAt: written(first))
                    })
                return
            }
        }
        let index = Int(owner)
        if index >= flags.count { addOwners(through: index) }
        switch type {
        case .cname:
            if flags[index].contains(.cname) {
                if !flags[index].contains(.reportedSecondCNAME), let first = firstCNAME.place(of: owner) {
                    flags[index].insert(.reportedSecondCNAME)
                    pending.append(
                        Pending(place: first, .multipleCNAME(owner: names.name(owner))))
                }
            } else {
                firstCNAME.append(owner: owner, place: place)
            }
            flags[index].insert(.cname)
        case .rrsig, .nsec, .nxt, .sig, .key:
            // RFC 2181 §10.1, RFC 4035 §2.5: DNSSEC records may sit beside a CNAME.
            break
        default:
            if !flags[index].contains(.other) {
                flags[index].insert(.other)
                firstOther[index] = place
                firstOtherType[index] = type.rawValue
            }
        }
        if flags[index].contains(.cname), flags[index].contains(.other), !flags[index].contains(.reported),
            let cname = firstCNAME.place(of: owner)
        {
            flags[index].insert(.reported)
            pending.append(
                Pending(place: place) {
                    [name = names.name(owner), otherType = RRType(firstOtherType[index]), other = firstOther[index]]
                    written, _ in
                    .cnameAndOther(owner: name, cnameAt: written(cname), otherType: otherType, otherAt: written(other))
                })
        }
        switch type {
        case .soa:
            soaCount += 1
            guard atApex else {
                pending.append(
                    Pending(place: place) { [name = names.name(owner)] _, apex in .soaNotAtApex(owner: name, apex: apex)
                    })
                break
            }
            // A second SOA identical to the first is a duplicate record, dropped as every duplicate is
            // (RFC 2181 §5; AXFR output repeats the SOA at the end): only a different SOA is a second one.
            if let first = firstApexSOA {
                if CanonicalRData.lowercase(type: .soa, wire: Array(rdata)) == firstApexSOARData {
                    pending.append(
                        Pending(place: place) { written, _ in
                            .duplicateSOA(firstAt: written(first))
                        })
                } else {
                    pending.append(
                        Pending(place: place) { written, _ in
                            .multipleSOA(firstAt: written(first))
                        }
                    )
                }
            } else {
                firstApexSOA = place
                firstApexSOARData.removeAll(keepingCapacity: true)
                firstApexSOARData.append(contentsOf: rdata)
                firstApexSOARData = CanonicalRData.lowercase(type: .soa, wire: firstApexSOARData)
            }
        case .ns where atApex:
            apexNS = true
        case .ds where atApex:
            // RFC 4035 §2.4: a DS record belongs to the parent side of a delegation, never at a zone's apex.
            pending.append(Pending(place: place) { _, apex in .dsAtApex(apex: apex) })
        case .dnskey where atApex:
            dnskeys.insert(Array(rdata))
        case .cdnskey where atApex:
            cdnskeys.append((place, Array(rdata)))
        default:
            break
        }
    }

    /// Takes note of record `record` of file `file` of the old zone, stepped over by a re-read (`key`
    /// known, `unique` as in `observe`), when that needs neither its entry nor its RDATA, as `observe`
    /// would; false, nothing noted, when it needs them.
    ///
    /// A record stepped over needs no entry unless it is a CNAME, at the apex (its SOA, NS, DS and keys
    /// are checked with their data), kept for the duplicate check, or reported at once (its owner has a
    /// CNAME): the first other record of an owner is noted by its index (`Place.stepped`), its entry found
    /// only if a CNAME is reported beside it. A re-read of a large zone steps over nearly every record, and
    /// finding each one's entry was half the stepping.
    @inline(__always)
    mutating func observeWithoutPlace(
        owner: UInt32, type: RRType, atApex: Bool, key: UInt64, unique: Bool, record: Int, file: UInt16
    ) -> Bool {
        let index = Int(owner)
        guard unique, !atApex, type != .soa, type != .cname else { return false }
        if index >= flags.count { addOwners(through: index) }
        let owned = flags[index]
        // An owner with a CNAME and other data is reported with this record's place.
        guard !owned.contains(.cname) || owned.contains(.reported) else { return false }
        switch type {
        case .rrsig, .nsec, .nxt, .sig, .key:
            break
        default:
            if !owned.contains(.other) {
                flags[index].insert(.other)
                firstOther[index] = Place(file: file, offset: UInt32(truncatingIfNeeded: record), stepped: true)
                firstOtherType[index] = type.rawValue
            }
        }
        count += 1
        firstWritten.appendKey(key)
        return true
    }

    /// Makes room in the per-owner tables for owners up to `index`, none flagged.
    private mutating func addOwners(through index: Int) {
        // Owners are met mostly in id order, one new owner at a time: one element each, not a repeated run.
        while flags.count <= index {
            flags.append([])
            firstOther.append(Place(file: 0, offset: 0))
            firstOtherType.append(0)
        }
    }

    /// The hash of a record's owner, type and canonical RDATA (names lower-cased, RFC 4034 §6.2, as
    /// `RData.canonicalWire`), keyed so that a crafted zone cannot make records collide
    /// (`DuplicateKeyHash`). RDATA of a type without names, or without an upper-case ASCII octet, is
    /// its own canonical form and is hashed where it lies: only the rest is copied to be lower-cased.
    static func duplicateKey(owner: UInt32, type: RRType, rdata: UnsafeBufferPointer<UInt8>) -> Int {
        let hash: UInt64
        if RDataCodec.lowercasesNames(type), rdata.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            hash = CanonicalRData.lowercase(type: type, wire: Array(rdata)).withUnsafeBytes {
                DuplicateKeyHash.hash(owner: owner, type: type.rawValue, rdata: $0)
            }
        } else {
            hash = DuplicateKeyHash.hash(owner: owner, type: type.rawValue, rdata: UnsafeRawBufferPointer(rdata))
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// The diagnostics, positions resolved, with the checks that need the whole zone (SOA, NS, CDNSKEY).
    /// `steppedPlace` gives the entry of a record a re-read stepped over (`Place.stepped`).
    func finish(
        origin: DomainName?, files: [ZoneFileSyntax], steppedPlace: (Place) -> Place = { $0 }
    ) -> [Diagnostic] {
        // An empty file is reported as such by the loader; "no SOA, no NS" would only repeat it.
        guard let origin, count > 0 || files.contains(where: { !$0.source.bytes.isEmpty }) else { return [] }
        func location(_ place: Place) -> (String, SourceLocation) {
            let place = place.stepped ? steppedPlace(place) : place
            let source = files[Int(place.file)].source
            return (source.path, source.location(of: Int(place.offset)))
        }
        func written(_ place: Place) -> String {
            let (file, position) = location(place)
            return "\(file):\(position.line)"
        }
        func diagnostic(_ item: Pending) -> Diagnostic {
            var path = files.first?.source.path ?? ""
            var at: SourceLocation? = nil
            if let place = item.place { (path, at) = location(place) }
            return Diagnostic(item.kind(written, origin), file: path, location: at)
        }
        var result = pending.map(diagnostic)
        if soaCount == 0 {
            result.append(diagnostic(Pending(place: nil, .noSOA(apex: origin))))
        }
        // RFC 7344 §4.1: a CDNSKEY publishes a key the zone has (or is the delete form 0 3 0 AA==).
        for cdnskey in cdnskeys where cdnskey.rdata != [0, 0, 3, 0, 0] && !dnskeys.contains(cdnskey.rdata) {
            result.append(diagnostic(Pending(place: cdnskey.place, .cdnskeyWithoutDNSKEY)))
        }
        if !apexNS {
            result.append(diagnostic(Pending(place: nil, .noNS(apex: origin))))
        }
        return result
    }
}

extension ZoneChecks {
    /// The per-owner and per-record tables of a finished load's checks, their contents stale, for the next
    /// load to write into (`LoaderScratch`). The keys a load hands to its zone are not among them.
    struct Room {
        fileprivate var flags: [OwnerFlags] = []
        fileprivate var firstOther: [Place] = []
        fileprivate var firstOtherType: [UInt16] = []
        fileprivate var firstApexSOARData: [UInt8] = []
        fileprivate var firstCNAME = FirstCNAMEPlaces.Room()
        fileprivate var firstWritten = FirstWrittenRecords.Room()

        /// About the octets the tables hold.
        var octets: Int {
            flags.capacity + firstOther.capacity * MemoryLayout<Place>.stride + firstOtherType.capacity * 2
                + firstApexSOARData.capacity + firstCNAME.octets + firstWritten.octets
        }
    }

    /// Takes `room`'s tables (a finished load's) for these checks, which have seen no record: swapped in, not
    /// copied, and emptied, their memory kept. `room` is left with these checks' empty tables.
    mutating func adopt(_ room: inout Room) {
        swap(&flags, &room.flags)
        swap(&firstOther, &room.firstOther)
        swap(&firstOtherType, &room.firstOtherType)
        swap(&firstApexSOARData, &room.firstApexSOARData)
        flags.removeAll(keepingCapacity: true)
        firstOther.removeAll(keepingCapacity: true)
        firstOtherType.removeAll(keepingCapacity: true)
        firstApexSOARData.removeAll(keepingCapacity: true)
        firstCNAME.adopt(&room.firstCNAME)
        firstWritten.adopt(&room.firstWritten)
    }

    /// The tables' memory, for the next load.
    var room: Room {
        Room(
            flags: flags, firstOther: firstOther, firstOtherType: firstOtherType, firstApexSOARData: firstApexSOARData,
            firstCNAME: firstCNAME.room, firstWritten: firstWritten.room)
    }
}
