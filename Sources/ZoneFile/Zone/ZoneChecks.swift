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
    struct Place: Sendable {
        var file: UInt16
        var offset: UInt32
    }

    private struct OwnerFlags: OptionSet, Sendable {
        let rawValue: UInt8
        static let cname = OwnerFlags(rawValue: 1)
        static let other = OwnerFlags(rawValue: 2)
        static let reported = OwnerFlags(rawValue: 4)
        static let reportedSecondCNAME = OwnerFlags(rawValue: 8)
    }

    /// A diagnostic whose positions are turned into file:line when the load is finished.
    private struct Pending: Sendable {
        enum NotePart: Sendable {
            case text(String)
            case place(Place)
        }
        var id: String
        var severity: Diagnostic.Severity
        var message: String
        var place: Place?
        var note: [NotePart]
    }

    private var flags: [OwnerFlags] = []
    /// The first record of each owner that is not a CNAME nor DNSSEC data, and its type (valid with `.other`).
    private var firstOther: [Place] = []
    private var firstOtherType: [UInt16] = []
    /// The first CNAME of owners that have one.
    private var firstCNAME: [UInt32: Place] = [:]
    private var pending: [Pending] = []
    private var soaCount = 0
    private var firstApexSOA: (place: Place, rdata: [UInt8])?
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
    }

    /// Reserves room for about `records` records in the duplicate check.
    mutating func reserve(records: Int) {
        firstWritten.reserve(records: records)
    }

    /// Takes note of one record of the zone (out-of-zone data is not shown to the checks).
    mutating func observe(
        owner: UInt32, type: RRType, place: Place, atApex: Bool, rdata: ArraySlice<UInt8>,
        names: NameTable, origin: DomainName
    ) {
        count += 1
        // An exact duplicate (same owner, type and data) is one record to BIND (RFC 2181 §5): it keeps one copy
        // and so does the zone, with a warning naming both lines. A second SOA has its own check below.
        if type != .soa {
            let key = ZoneChecks.duplicateKey(owner: owner, type: type, rdata: rdata)
            if let first = firstWritten.firstPlace(of: key, owner: owner, else: place) {
                pending.append(
                    Pending(
                        id: "zone.duplicate-record", severity: .warning,
                        message: "\(names.name(owner)) \(type) appears again with the same data; BIND keeps one copy",
                        place: place, note: [.text("the same record is at "), .place(first)]))
                return
            }
        }
        let index = Int(owner)
        if index >= flags.count {
            let grow = index + 1 - flags.count
            flags.append(contentsOf: repeatElement([], count: grow))
            firstOther.append(contentsOf: repeatElement(Place(file: 0, offset: 0), count: grow))
            firstOtherType.append(contentsOf: repeatElement(0, count: grow))
        }
        switch type {
        case .cname:
            if let first = firstCNAME[owner] {
                if !flags[index].contains(.reportedSecondCNAME) {
                    flags[index].insert(.reportedSecondCNAME)
                    pending.append(
                        Pending(
                            id: "zone.multiple-cname", severity: .error,
                            message: "more than one CNAME at \(names.name(owner)); a name has at most one",
                            place: first, note: []))
                }
            } else {
                firstCNAME[owner] = place
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
            let cname = firstCNAME[owner]
        {
            flags[index].insert(.reported)
            pending.append(
                Pending(
                    id: "zone.cname-and-other", severity: .error,
                    message:
                        "CNAME and other data at \(names.name(owner)): a name with a CNAME can have no other records (RFC 1034 §3.6.2)",
                    place: place,
                    note: [
                        .text("the CNAME is at "), .place(cname),
                        .text("; the \(RRType(firstOtherType[index])) record at "),
                        .place(firstOther[index]),
                    ]))
        }
        switch type {
        case .soa:
            soaCount += 1
            guard atApex else {
                pending.append(
                    Pending(
                        id: "zone.soa-not-apex", severity: .error,
                        message: "SOA record at \(names.name(owner)), not at the zone apex \(origin)",
                        place: place, note: []))
                break
            }
            // A second SOA identical to the first is a duplicate record, dropped as every duplicate is
            // (RFC 2181 §5; AXFR output repeats the SOA at the end): only a different SOA is a second one.
            let canonical = CanonicalRData.lowercase(type: .soa, wire: Array(rdata))
            if let first = firstApexSOA {
                if canonical == first.rdata {
                    pending.append(
                        Pending(
                            id: "zone.duplicate-soa", severity: .warning,
                            message: "the SOA record appears again with the same data; a duplicate record counts once",
                            place: place, note: [.text("the first SOA is at "), .place(first.place)]))
                } else {
                    pending.append(
                        Pending(
                            id: "zone.multiple-soa", severity: .error,
                            message: "more than one SOA record at the zone apex",
                            place: place, note: [.text("the first SOA is at "), .place(first.place)]))
                }
            } else {
                firstApexSOA = (place, canonical)
            }
        case .ns where atApex:
            apexNS = true
        case .ds where atApex:
            // RFC 4035 §2.4: a DS record belongs to the parent side of a delegation, never at a zone's apex.
            pending.append(
                Pending(
                    id: "zone.ds-at-apex", severity: .error,
                    message: "DS record at the zone apex \(origin): DS records belong in the parent zone",
                    place: place, note: []))
        case .dnskey where atApex:
            dnskeys.insert(Array(rdata))
        case .cdnskey where atApex:
            cdnskeys.append((place, Array(rdata)))
        default:
            break
        }
    }

    /// The hash of a record's owner, type and canonical RDATA (names lower-cased, RFC 4034 §6.2, as
    /// `RData.canonicalWire`). RDATA of a type without names, or without an upper-case ASCII octet, is
    /// its own canonical form and is hashed where it lies: only the rest is copied to be lower-cased.
    static func duplicateKey(owner: UInt32, type: RRType, rdata: ArraySlice<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(owner)
        hasher.combine(type.rawValue)
        if RDataCodec.lowercasesNames(type), rdata.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            CanonicalRData.lowercase(type: type, wire: Array(rdata)).withUnsafeBytes { hasher.combine(bytes: $0) }
        } else {
            rdata.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return hasher.finalize()
    }

    /// The diagnostics, positions resolved, with the checks that need the whole zone (SOA, NS, CDNSKEY).
    func finish(origin: DomainName?, files: [ZoneFileSyntax]) -> [Diagnostic] {
        // An empty file is reported as such by the loader; "no SOA, no NS" would only repeat it.
        guard let origin, count > 0 || files.contains(where: { !$0.source.bytes.isEmpty }) else { return [] }
        func location(_ place: Place) -> (String, SourceLocation) {
            let source = files[Int(place.file)].source
            return (source.path, source.location(of: Int(place.offset)))
        }
        func diagnostic(_ item: Pending) -> Diagnostic {
            var path = files.first?.source.path ?? ""
            var at: SourceLocation? = nil
            if let place = item.place { (path, at) = location(place) }
            let note = item.note.map { part -> String in
                switch part {
                case .text(let text): return text
                case .place(let place):
                    let (file, position) = location(place)
                    return "\(file):\(position.line)"
                }
            }.joined()
            return Diagnostic(
                id: item.id, severity: item.severity, message: item.message, file: path, location: at,
                notes: note.isEmpty ? [] : [note])
        }
        var result = pending.map(diagnostic)
        if soaCount == 0 {
            result.append(
                diagnostic(
                    Pending(
                        id: "zone.no-soa", severity: .error, message: "no SOA record at the zone apex \(origin)",
                        place: nil, note: [])))
        }
        // RFC 7344 §4.1: a CDNSKEY publishes a key the zone has (or is the delete form 0 3 0 AA==).
        for cdnskey in cdnskeys where cdnskey.rdata != [0, 0, 3, 0, 0] && !dnskeys.contains(cdnskey.rdata) {
            result.append(
                diagnostic(
                    Pending(
                        id: "zone.cdnskey-mismatch", severity: .error,
                        message: "CDNSKEY record matches no DNSKEY record of the zone (RFC 7344 §4.1)",
                        place: cdnskey.place, note: [])))
        }
        if !apexNS {
            result.append(
                diagnostic(
                    Pending(
                        id: "zone.no-ns", severity: .error, message: "no NS records at the zone apex \(origin)",
                        place: nil, note: [])))
        }
        return result
    }
}
