import ZoneFile

/// A zone's records reduced to what two loaders must agree on, whatever their spelling:
/// `owner TYPE CLASS TTL RDATA-hex`, sorted, duplicates removed.
///
/// Owners are lower-cased and RDATA compared in canonical wire form (names lower-cased where
/// RFC 4034 §6.2 says so). TTLs follow BIND's rule for an RRset: the first TTL seen for an
/// owner, type and class applies to all its records (BIND warns "TTL set to prior TTL").
struct NormalizedRecords: Equatable {
    /// Sorted, unique lines.
    let lines: [String]
    /// Line → the record in readable form, for messages.
    let readable: [String: String]

    init(_ records: [Record]) {
        struct RRsetKey: Hashable {
            var owner: DomainName
            var type: RRType
            var rrClass: RRClass
            /// For RRSIG, the type covered: BIND keeps one signature set per covered type, each with its own TTL.
            var covered: UInt16
        }
        var rrsetTTL: [RRsetKey: UInt32] = [:]
        var readable: [String: String] = [:]
        for record in records {
            let owner = record.owner.lowercased
            let wireData = record.rdata.wire
            let covered =
                record.type == .rrsig && wireData.count >= 2 ? UInt16(wireData[0]) << 8 | UInt16(wireData[1]) : 0
            let key = RRsetKey(owner: owner, type: record.type, rrClass: record.rrClass, covered: covered)
            let ttl = rrsetTTL[key] ?? record.ttl
            rrsetTTL[key] = ttl
            let wire = record.rdata.canonicalWire
            let line = "\(owner) \(record.type) \(record.rrClass) \(ttl) \(NormalizedRecords.hex(wire))"
            if readable[line] == nil {
                readable[line] =
                    "\(owner) \(ttl) \(record.rrClass) \(record.type) \(RData(type: record.type, wire: wire).presentation)"
            }
        }
        self.lines = readable.keys.sorted()
        self.readable = readable
    }

    static func == (lhs: NormalizedRecords, rhs: NormalizedRecords) -> Bool { lhs.lines == rhs.lines }

    /// The lines only one side has, readable, at most `limit` of each.
    func difference(from other: NormalizedRecords, limit: Int = 5) -> String {
        let mine = Set(lines)
        let theirs = Set(other.lines)
        let onlyMine = lines.filter { !theirs.contains($0) }
        let onlyTheirs = other.lines.filter { !mine.contains($0) }
        func show(_ side: [String], _ table: [String: String], _ label: String) -> String {
            guard !side.isEmpty else { return "" }
            var text = "\n  \(label) (\(side.count)):"
            for line in side.prefix(limit) { text += "\n    \(table[line] ?? line)" }
            if side.count > limit { text += "\n    ..." }
            return text
        }
        return show(onlyMine, readable, "only ours") + show(onlyTheirs, other.readable, "only BIND's")
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
