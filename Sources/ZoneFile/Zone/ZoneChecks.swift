/// Zone-level checks that need all records: what BIND's loader refuses or
/// warns about once the file has parsed.
enum ZoneChecks {
    static func run(origin: DomainName?, names: NameTable, slots: [RecordSlot], files: [ZoneFileSyntax],
                    generatedText: [UInt8] = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard let origin, !slots.isEmpty || files.contains(where: { !$0.source.bytes.isEmpty }) else { return diagnostics }
        func diagnostic(_ id: String, _ severity: Diagnostic.Severity, _ message: String, _ slot: RecordSlot?,
                        notes: [String] = []) {
            var location: SourceLocation? = nil
            var path = files.first?.source.path ?? ""
            if let slot {
                let file = files[Int(slot.file)]
                path = file.source.path
                location = file.source.location(of: Int(slot.entryStart))
            }
            diagnostics.append(Diagnostic(id: id, severity: severity, message: message, file: path, location: location,
                                          notes: notes))
        }
        func place(_ slot: RecordSlot) -> String {
            let file = files[Int(slot.file)]
            let location = file.source.location(of: Int(slot.entryStart))
            return "\(file.source.path):\(location.line)"
        }

        // Per owner: first CNAME, first other (non-DNSSEC) record, first DNAME, counts for singletons.
        var firstCNAME = [Int32](repeating: -1, count: names.count)
        var firstOther = [Int32](repeating: -1, count: names.count)
        var cnameCount = [UInt8](repeating: 0, count: names.count)
        let apex = names.lookup(origin)
        var soaSlots: [Int] = []
        var apexNS = false
        for (index, slot) in slots.enumerated() where !slot.flags.contains(.outOfZone) {
            let owner = Int(slot.owner)
            let type = RRType(slot.type)
            switch type {
            case .cname:
                if firstCNAME[owner] < 0 { firstCNAME[owner] = Int32(index) }
                if cnameCount[owner] < 255 { cnameCount[owner] += 1 }
            case .rrsig, .nsec, .nxt, .sig, .key:
                // RFC 2181 §10.1, RFC 4035 §2.5: DNSSEC records may sit beside a CNAME.
                break
            default:
                if firstOther[owner] < 0 { firstOther[owner] = Int32(index) }
            }
            if type == .soa { soaSlots.append(index) }
            if type == .ns, slot.owner == apex { apexNS = true }
        }
        for owner in 0..<names.count {
            if firstCNAME[owner] >= 0, firstOther[owner] >= 0 {
                let cname = slots[Int(firstCNAME[owner])]
                let other = slots[Int(firstOther[owner])]
                let later = Int(firstCNAME[owner]) > Int(firstOther[owner]) ? cname : other
                diagnostic("zone.cname-and-other", .error,
                           "CNAME and other data at \(names.name(UInt32(owner))): a name with a CNAME can have no other records (RFC 1034 §3.6.2)",
                           later, notes: ["the CNAME is at \(place(cname)); the \(RRType(other.type)) record at \(place(other))"])
            }
            if cnameCount[owner] > 1 {
                diagnostic("zone.multiple-cname", .error,
                           "more than one CNAME at \(names.name(UInt32(owner))); a name has at most one",
                           slots[Int(firstCNAME[owner])])
            }
        }
        if soaSlots.isEmpty {
            diagnostic("zone.no-soa", .error, "no SOA record at the zone apex \(origin)", nil)
        }
        // A second SOA identical to the first is a duplicate record, dropped as every duplicate is (RFC 2181 §5;
        // AXFR output repeats the SOA at the end): only a different SOA is a second one.
        var firstApexSOA: (slot: RecordSlot, rdata: [UInt8])?
        for index in soaSlots {
            let slot = slots[index]
            if slot.owner != apex {
                diagnostic("zone.soa-not-apex", .error, "SOA record at \(names.name(slot.owner)), not at the zone apex \(origin)", slot)
                continue
            }
            let rdata = CanonicalRData.lowercase(type: .soa,
                                                 wire: Zone.rdataWire(of: slot, files: files, names: names, generatedText: generatedText))
            guard let first = firstApexSOA else {
                firstApexSOA = (slot, rdata)
                continue
            }
            if rdata == first.rdata {
                diagnostic("zone.duplicate-soa", .warning, "the SOA record appears again with the same data; a duplicate record counts once", slot,
                           notes: ["the first SOA is at \(place(first.slot))"])
            } else {
                diagnostic("zone.multiple-soa", .error, "more than one SOA record at the zone apex", slot,
                           notes: ["the first SOA is at \(place(first.slot))"])
            }
        }
        if !apexNS {
            diagnostic("zone.no-ns", .error, "no NS records at the zone apex \(origin)", nil)
        }
        return diagnostics
    }
}
