import ZoneFile

/// The guarantee that an edit does exactly what was planned: the edited text,
/// read again, holds the old records plus exactly the planned changes (and the
/// new SOA serial), and no errors. Otherwise nothing is written.
enum PlanCheck {
    private static func key(_ owner: DomainName, _ type: RRType, _ rdata: RData) -> String {
        "\(owner.lowercased) \(type.rawValue) \(Hex.encode(rdata.canonicalWire))"
    }

    /// A record's data as the check compares it: owner (case-insensitively), type, canonical RDATA.
    /// Hashes its bytes in bulk; the text form (`key`) is made only for the records a failure names.
    struct RecordKey: Hashable {
        let owner: [UInt8]
        let type: RRType
        let rdata: [UInt8]

        init(_ owner: DomainName, _ type: RRType, _ rdata: RData) {
            self.owner = owner.lowercased.wire
            self.type = type
            self.rdata = rdata.canonicalWire
        }

        func hash(into hasher: inout Hasher) {
            owner.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(type)
            hasher.combine(rdata.count)
            rdata.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        var text: String {
            let name = DomainName(wire: owner) ?? .root
            return PlanCheck.key(name, type, RData(type: type, wire: rdata))
        }
    }

    /// How many times each record (SOA excluded) occurs in `records`.
    static func counts(_ records: [Record]) -> [RecordKey: Int] {
        var counts: [RecordKey: Int] = [:]
        counts.reserveCapacity(records.count)
        for record in records where record.type != .soa {
            counts[RecordKey(record.owner, record.type, record.rdata), default: 0] += 1
        }
        return counts
    }

    static func problem(old: Zone, new: Zone, operations: [RecordOperation], serial: SerialChange?) -> String? {
        problem(oldCounts: { counts(old.records) }, new: new, operations: operations, serial: serial)
    }

    /// The same check, the old zone's record counts (`counts(old.records)`) asked of `oldCounts` only
    /// when the edited zone parses, so that they can be worked out while the edit is made and read
    /// again. The counts are updated in place: a million-record zone's are not copied.
    static func problem(oldCounts: () -> [RecordKey: Int], new: Zone, operations: [RecordOperation],
                        serial: SerialChange?) -> String? {
        if let error = new.errors.first {
            return "the edited zone does not parse: \(error)"
        }
        // What the records should be minus what they are, key by key: all zero when they agree.
        // (The old counts first: the old records are let go of before the new ones are read.)
        var difference = oldCounts()
        let newRecords = new.records
        for operation in operations {
            switch operation.kind {
            case .create(let type, let rdata, _, _):
                difference[RecordKey(operation.owner, type, rdata), default: 0] += 1
            case .replace(let existing, let rdata, _):
                difference[RecordKey(existing.owner, existing.type, existing.rdata), default: 0] -= 1
                difference[RecordKey(existing.owner, existing.type, rdata), default: 0] += 1
            case .remove(let existing):
                difference[RecordKey(existing.owner, existing.type, existing.rdata), default: 0] -= 1
            }
        }
        for record in newRecords where record.type != .soa {
            difference[RecordKey(record.owner, record.type, record.rdata), default: 0] -= 1
        }
        if difference.values.contains(where: { $0 != 0 }) {
            let actual = counts(newRecords)
            var expected: [RecordKey: Int] = [:]
            for (key, count) in difference where count + (actual[key] ?? 0) != 0 {
                expected[key] = count + (actual[key] ?? 0)
            }
            let missing = expected.filter { actual[$0.key] != $0.value }.keys.map(\.text).sorted().prefix(3)
            let extra = actual.filter { expected[$0.key] != $0.value }.keys.map(\.text).sorted().prefix(3)
            return "the edited zone's records differ from the plan (expected \(missing.joined(separator: "; ")); found \(extra.joined(separator: "; ")))"
        }
        if let serial {
            let wire = newRecords.first { $0.type == .soa }?.rdata.wire ?? []
            guard wire.count >= 20 else { return "the edited zone has no readable SOA" }
            let value = wire[(wire.count - 20)..<(wire.count - 16)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if value != serial.to { return "the edited SOA serial is \(value), not \(serial.to)" }
        }
        return nil
    }
}

extension PlanCheck {
    /// The check for a saved plan, which carries items rather than operations: the edited zone parses,
    /// its serial is the planned one, records change only at the planned owners and types, and every
    /// planned value is there.
    static func problem(old: Zone, new: Zone, zonePlan: ZonePlan) -> String? {
        if let error = new.errors.first {
            return "the edited zone does not parse: \(error)"
        }
        var touched = Set<String>()
        var wanted: [(DomainName, RRType, String)] = []
        for sender in zonePlan.senders {
            for item in sender.items where [.create, .merge, .replace].contains(item.action) {
                guard let owner = try? DomainName(parsing: item.name), let type = RRType(mnemonic: item.type) else {
                    return "the plan names a record mailzone cannot read: \(item.name) \(item.type)"
                }
                touched.insert("\(owner.lowercased) \(type.rawValue)")
                if let after = item.after { wanted.append((owner, type, after)) }
            }
        }
        func untouched(_ zone: Zone) -> [String: Int] {
            var counts: [String: Int] = [:]
            for record in zone.records where record.type != .soa && !touched.contains("\(record.owner.lowercased) \(record.type.rawValue)") {
                counts[key(record.owner, record.type, record.rdata), default: 0] += 1
            }
            return counts
        }
        if untouched(old) != untouched(new) {
            return "records the plan does not name would change"
        }
        for (owner, type, after) in wanted {
            guard let rdata = try? RData(type: type, presentation: after, origin: owner) else {
                return "the plan's value for \(owner) \(type) cannot be read: \(after)"
            }
            if !new.records(at: owner, type: type).contains(where: { $0.rdata == rdata }) {
                return "\(owner) \(type) \(after) is missing after the edit"
            }
        }
        if let serial = zonePlan.serial {
            let wire = new.records.first { $0.type == .soa }?.rdata.wire ?? []
            guard wire.count >= 20 else { return "the edited zone has no readable SOA" }
            let value = wire[(wire.count - 20)..<(wire.count - 16)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if value != serial.to { return "the edited SOA serial is \(value), not \(serial.to)" }
        }
        return nil
    }
}
