import ZoneFile

/// The `_dmarc` and `_domainkey` names of a zone that hold records, by their mail domain (X for
/// `_dmarc.X` and for names under `_domainkey.X`, `ZoneEditor.mailDomain(of:)`), for finding a
/// domain's last mail record (`ZoneEditor.lastMailRecord(of:)`).
///
/// Made from the zone's name table, one name at a time, into one sorted array: each such name's mail
/// domain hashed, beside the name's id. A table of the names' records by their built mail domain read
/// every record of the zone and made a name, a domain and an array for each such name: most of what a
/// plan for five senders did with a million-record zone's fifty thousand mail names, all but a few of
/// them never asked about. A domain is looked up by its hash, each name found checked against it.
struct MailNameIndex {
    /// Per name: its mail domain's `DomainName.foldedHash` in the high 32 bits, its id in the zone's name
    /// table in the low 32; sorted, so a domain's names are one run.
    private let entries: [UInt64]

    init(zone: Zone) {
        var entries: [UInt64] = []
        zone.forEachOwner(withLabelAmong: ZoneEditor.mailNameLabels) { id, wire in
            guard let start = ZoneEditor.mailDomainOffset(in: wire) else { return }
            entries.append(UInt64(DomainName.foldedHash(wire[start...])) << 32 | UInt64(id))
        }
        entries.sort()
        self.entries = entries
    }

    /// Positions in the zone's record table of the MX, SPF and TXT records at `_dmarc.X` and under
    /// `_domainkey.X`, where X's wire form is `wire`, in table order.
    func recordPositions(ofDomainWire wire: ArraySlice<UInt8>, in zone: Zone) -> [Int] {
        let hash = UInt64(DomainName.foldedHash(wire))
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle] >> 32 < hash { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        var scratch: [UInt8] = []
        while low < entries.count, entries[low] >> 32 == hash {
            let id = UInt32(truncatingIfNeeded: entries[low])
            low += 1
            zone.ownerWire(id, into: &scratch)
            guard let start = ZoneEditor.mailDomainOffset(in: scratch), DomainName.equalWire(scratch[start...], wire)
            else { continue }
            for position in zone.recordPositions(ofOwner: id) {
                let type = zone.type(ofRecord: Int(position))
                if type == .mx || type == .spf || type == .txt { found.append(Int(position)) }
            }
        }
        // Each name's positions are in table order; names of one domain may interleave.
        if zip(found, found.dropFirst()).contains(where: { $0 > $1 }) { found.sort() }
        return found
    }
}
