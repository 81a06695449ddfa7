/// Zone-level checks that need all records: what BIND's loader refuses or
/// warns about once the file has parsed.
enum ZoneChecks {
    /// What an owner holds, one byte per interned name so a million owners cost a megabyte.
    private struct OwnerFlags: OptionSet {
        let rawValue: UInt8
        static let cname = OwnerFlags(rawValue: 1)
        static let other = OwnerFlags(rawValue: 2)
        static let secondCNAME = OwnerFlags(rawValue: 4)
    }

    static func run(origin: DomainName?, names: NameTable, store: RecordStore, files: [ZoneFileSyntax],
                    rdataWire: (Int) -> [UInt8]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // An empty file is reported as such by the loader; "no SOA, no NS" would only repeat it.
        guard let origin, store.count > 0 || files.contains(where: { !$0.source.bytes.isEmpty }) else { return diagnostics }
        func diagnostic(_ id: String, _ severity: Diagnostic.Severity, _ message: String, _ index: Int?,
                        notes: [String] = []) {
            var location: SourceLocation? = nil
            var path = files.first?.source.path ?? ""
            if let index {
                let file = files[Int(store[index].file)]
                path = file.source.path
                location = file.source.location(of: store.entryStart(of: index, files: files))
            }
            diagnostics.append(Diagnostic(id: id, severity: severity, message: message, file: path, location: location,
                                          notes: notes))
        }
        func place(_ index: Int) -> String {
            let file = files[Int(store[index].file)]
            return "\(file.source.path):\(file.source.location(of: store.entryStart(of: index, files: files)).line)"
        }

        var flags = [OwnerFlags](repeating: [], count: names.count)
        let apex = names.lookup(origin)
        var soaIndexes: [Int] = []
        var apexNS = false
        var conflicted = false
        for index in 0..<store.count {
            let slot = store[index]
            if slot.flags.contains(.outOfZone) { continue }
            let owner = Int(slot.owner)
            switch RRType(slot.type) {
            case .cname:
                if flags[owner].contains(.cname) { flags[owner].insert(.secondCNAME) }
                flags[owner].insert(.cname)
            case .rrsig, .nsec, .nxt, .sig, .key:
                // RFC 2181 §10.1, RFC 4035 §2.5: DNSSEC records may sit beside a CNAME.
                break
            case .soa:
                soaIndexes.append(index)
                flags[owner].insert(.other)
            case .ns:
                if slot.owner == apex { apexNS = true }
                flags[owner].insert(.other)
            case .ds where slot.owner == apex:
                // RFC 4035 §2.4: a DS record belongs to the parent side of a delegation, never at a zone's apex.
                diagnostic("zone.ds-at-apex", .error, "DS record at the zone apex \(origin): DS records belong in the parent zone",
                           index)
                flags[owner].insert(.other)
            default:
                flags[owner].insert(.other)
            }
            if flags[owner].contains(.cname), flags[owner].contains(.other) || flags[owner].contains(.secondCNAME) {
                conflicted = true
            }
        }
        if conflicted {
            // Second pass only when needed: find the first CNAME and first other record of each bad owner.
            var firstCNAME: [UInt32: Int] = [:]
            var firstOther: [UInt32: Int] = [:]
            for index in 0..<store.count {
                let slot = store[index]
                let state = flags[Int(slot.owner)]
                guard !slot.flags.contains(.outOfZone), state.contains(.cname),
                      state.contains(.other) || state.contains(.secondCNAME) else { continue }
                switch RRType(slot.type) {
                case .cname:
                    if firstCNAME[slot.owner] == nil { firstCNAME[slot.owner] = index }
                case .rrsig, .nsec, .nxt, .sig, .key:
                    break
                default:
                    if firstOther[slot.owner] == nil { firstOther[slot.owner] = index }
                }
            }
            for (owner, cname) in firstCNAME.sorted(by: { $0.value < $1.value }) {
                if let other = firstOther[owner] {
                    diagnostic("zone.cname-and-other", .error,
                               "CNAME and other data at \(names.name(owner)): a name with a CNAME can have no other records (RFC 1034 §3.6.2)",
                               max(cname, other),
                               notes: ["the CNAME is at \(place(cname)); the \(RRType(store[other].type)) record at \(place(other))"])
                }
                if flags[Int(owner)].contains(.secondCNAME) {
                    diagnostic("zone.multiple-cname", .error, "more than one CNAME at \(names.name(owner)); a name has at most one", cname)
                }
            }
        }
        if soaIndexes.isEmpty {
            diagnostic("zone.no-soa", .error, "no SOA record at the zone apex \(origin)", nil)
        }
        // A second SOA identical to the first is a duplicate record, dropped as every duplicate is (RFC 2181 §5;
        // AXFR output repeats the SOA at the end): only a different SOA is a second one.
        var firstApexSOA: (index: Int, rdata: [UInt8])?
        for index in soaIndexes {
            if store[index].owner != apex {
                diagnostic("zone.soa-not-apex", .error, "SOA record at \(names.name(store[index].owner)), not at the zone apex \(origin)", index)
                continue
            }
            let rdata = CanonicalRData.lowercase(type: .soa, wire: rdataWire(index))
            guard let first = firstApexSOA else {
                firstApexSOA = (index, rdata)
                continue
            }
            if rdata == first.rdata {
                diagnostic("zone.duplicate-soa", .warning, "the SOA record appears again with the same data; a duplicate record counts once", index,
                           notes: ["the first SOA is at \(place(first.index))"])
            } else {
                diagnostic("zone.multiple-soa", .error, "more than one SOA record at the zone apex", index,
                           notes: ["the first SOA is at \(place(first.index))"])
            }
        }
        // RFC 7344 §4.1: a CDNSKEY publishes a key the zone has (or is the delete form 0 3 0 AA==).
        var dnskeys = Set<[UInt8]>()
        var cdnskeys: [Int] = []
        for index in 0..<store.count where store[index].owner == apex {
            switch RRType(store[index].type) {
            case .dnskey: dnskeys.insert(rdataWire(index))
            case .cdnskey: cdnskeys.append(index)
            default: break
            }
        }
        for index in cdnskeys {
            let wire = rdataWire(index)
            if wire != [0, 0, 3, 0, 0], !dnskeys.contains(wire) {
                diagnostic("zone.cdnskey-mismatch", .error,
                           "CDNSKEY record matches no DNSKEY record of the zone (RFC 7344 §4.1)", index)
            }
        }
        if !apexNS {
            diagnostic("zone.no-ns", .error, "no NS records at the zone apex \(origin)", nil)
        }
        return diagnostics
    }
}
