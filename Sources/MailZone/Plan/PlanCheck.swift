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

    /// Why the edited zone's SOA serial is not `expected`, or nil when it is.
    static func serialProblem(_ zone: Zone, expected: UInt32) -> String? {
        guard let value = zone.origin.flatMap({ zone.records(at: $0, type: .soa).first })?.rdata.soaSerial else {
            return "the edited zone has no readable SOA"
        }
        return value == expected ? nil : "the edited SOA serial is \(value), not \(expected)"
    }

    /// Reads the edited text of `old` again (given in `options.overrides`), setting apart the records
    /// whose text differs; the SOA is left out, its serial being checked by itself.
    static func reread(_ old: Zone, path: String, options: LoadOptions) -> ZoneReread {
        ZoneLoader.reread(path: path, options: options, editedFrom: old, excluding: [.soa])
    }

    /// Why the edited zone, read again (`reread`), is not the old zone plus exactly `operations` and the
    /// new serial; nil when it is.
    ///
    /// Records written the same way in both texts are the same records, so only the few whose text
    /// differs (the edited lines, and a line whose owner an edit moved) are decoded and compared by
    /// meaning: those of the old text, minus what the plan replaces or removes, plus what it creates,
    /// must be exactly those of the new text.
    static func problem(old: Zone, reread: ZoneReread, operations: [RecordOperation], serial: SerialChange?) -> String? {
        let new = reread.edited
        if let error = new.errors.first {
            return "the edited zone does not parse: \(error)"
        }
        var difference: [RecordKey: Int] = [:]
        for index in reread.onlyOld {
            let record = old.recordData(index: index)
            difference[RecordKey(record.owner, record.type, record.rdata), default: 0] += 1
        }
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
        var actual: [RecordKey: Int] = [:]
        for index in reread.onlyNew {
            let record = new.recordData(index: index)
            let key = RecordKey(record.owner, record.type, record.rdata)
            difference[key, default: 0] -= 1
            actual[key, default: 0] += 1
        }
        if difference.values.contains(where: { $0 != 0 }) {
            var expected: [RecordKey: Int] = [:]
            for (key, count) in difference where count + (actual[key] ?? 0) != 0 {
                expected[key] = count + (actual[key] ?? 0)
            }
            let missing = expected.filter { actual[$0.key] != $0.value }.keys.map(\.text).sorted().prefix(3)
            let extra = actual.filter { expected[$0.key] != $0.value }.keys.map(\.text).sorted().prefix(3)
            return "the edited zone's records differ from the plan (expected \(missing.joined(separator: "; ")); found \(extra.joined(separator: "; ")))"
        }
        if let serial {
            if let problem = serialProblem(new, expected: serial.to) { return problem }
        }
        return nil
    }
}

extension PlanCheck {
    /// The check for a saved plan, which carries items rather than operations: the edited zone parses,
    /// its serial is the planned one, records change only at the planned owners and types, and every
    /// planned value is there. `reread` is the edited text read again against `old` (`reread(_:path:options:)`),
    /// so only the records written differently are decoded, as for a fresh apply.
    static func problem(old: Zone, reread: ZoneReread, zonePlan: ZonePlan) -> String? {
        let new = reread.edited
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
        // Only records written differently in the two texts can have changed; among them, those
        // the plan does not name must mean the same before and after.
        func untouched(_ zone: Zone, _ indexes: [Int]) -> [String: Int] {
            var counts: [String: Int] = [:]
            for index in indexes {
                let record = zone.recordData(index: index)
                if touched.contains("\(record.owner.lowercased) \(record.type.rawValue)") { continue }
                counts[key(record.owner, record.type, record.rdata), default: 0] += 1
            }
            return counts
        }
        if untouched(old, reread.onlyOld) != untouched(new, reread.onlyNew) {
            return "records the plan does not name would change"
        }
        // The records written anew, decoded once; a planned value is there, or else it is an old
        // record written the same way in both texts (paired by the re-read, so not in `onlyOld`).
        let written = Set(reread.onlyNew.map { index in
            let record = new.recordData(index: index)
            return RecordKey(record.owner, record.type, record.rdata)
        })
        let rewritten = Set(reread.onlyOld)
        for (owner, type, after) in wanted {
            guard let rdata = try? RData(type: type, presentation: after, origin: owner) else {
                return "the plan's value for \(owner) \(type) cannot be read: \(after)"
            }
            if written.contains(RecordKey(owner, type, rdata)) { continue }
            let kept = old.recordIndices(at: owner, type: type).contains { index in
                !rewritten.contains(index) && old.recordData(index: index).rdata == rdata
            }
            if !kept {
                return "\(owner) \(type) \(after) is missing after the edit"
            }
        }
        if let serial = zonePlan.serial {
            if let problem = serialProblem(new, expected: serial.to) { return problem }
        }
        return nil
    }
}
