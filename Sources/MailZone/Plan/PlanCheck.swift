import ZoneFile

/// The guarantee that an edit does exactly what was planned: the edited text,
/// read again, holds the old records plus exactly the planned changes (and the
/// new SOA serial), and no errors. Otherwise nothing is written.
enum PlanCheck {
    private static func key(_ owner: DomainName, _ type: RRType, _ rdata: RData) -> String {
        "\(owner.lowercased) \(type.rawValue) \(Hex.encode(rdata.canonicalWire))"
    }

    /// A record's data as the check compares it: owner (case-insensitively), type, canonical RDATA.
    /// The owner is kept as it is written: a name compares and hashes ASCII case ignored, so no lower-cased
    /// copy is made per record (the lower-cased form is made only for the records a failure names, in `text`
    /// and `presentation`). The RDATA's octets are hashed in bulk.
    struct RecordKey: Hashable {
        let owner: DomainName
        let type: RRType
        let rdata: [UInt8]

        init(_ owner: DomainName, _ type: RRType, _ rdata: RData) {
            self.owner = owner
            self.type = type
            self.rdata = rdata.canonicalWire
        }

        static func == (lhs: RecordKey, rhs: RecordKey) -> Bool {
            lhs.type == rhs.type && lhs.rdata == rhs.rdata && lhs.owner == rhs.owner
        }

        func hash(into hasher: inout Hasher) {
            owner.hash(into: &hasher)
            hasher.combine(type)
            hasher.combine(rdata.count)
            rdata.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        var text: String {
            PlanCheck.key(owner, type, RData(type: type, wire: rdata))
        }

        /// `owner TYPE value`, the value cut at 60 characters: for messages people read.
        var presentation: String {
            let value = RData(type: type, wire: rdata).presentation
            return "\(owner.lowercased) \(type) \(value.count > 60 ? String(value.prefix(57)) + "..." : value)"
        }
    }

    /// `file:line` of a record's data (a re-read zone keeps no entry table, so the line is found from the data).
    private static func line(of record: Record, in zone: Zone) -> String? {
        guard let source = record.source, source.fileIndex < zone.files.count else { return nil }
        let offset = source.rdataRange?.lowerBound ?? source.entryRange.lowerBound
        return "\(source.path):\(zone.files[source.fileIndex].source.location(of: offset).line)"
    }

    /// Why the edited zone's SOA serial is not `expected`, or nil when it is.
    static func serialProblem(_ reread: ZoneReread, expected: UInt32) -> String? {
        // The SOA's serial only, read where the re-read kept its data: a whole record would count the lines of the
        // edited text to say where it is.
        guard let index = reread.apexSOA, let value = reread.soaSerial(ofRecord: index)
        else {
            return "the edited zone has no readable SOA"
        }
        return value == expected ? nil : "the edited SOA serial is \(value), not \(expected)"
    }

    /// Reads the edited text of `old` again (given in `options.overrides`), setting apart the records
    /// whose text differs; the SOA is left out, its serial being checked by itself. With the `edits` that
    /// made the text (by path), only the edited stretches are read (`ZoneLoader.reread`).
    static func reread(
        _ old: Zone, path: String, options: LoadOptions, edits: [String: [SourceEdit]]? = nil
    ) -> ZoneReread {
        ZoneLoader.reread(path: path, options: options, editedFrom: old, excluding: [.soa], edits: edits)
    }

    /// `reread` of the edited texts given as old bytes and edits (by path), which makes no copy of a
    /// large file's text (`ZoneLoader.reread(path:options:editedFrom:excluding:edited:)`).
    static func reread(_ old: Zone, path: String, options: LoadOptions, edited: [String: EditedText]) -> ZoneReread {
        ZoneLoader.reread(path: path, options: options, editedFrom: old, excluding: [.soa], edited: edited)
    }

    /// Why the edited zone, read again (`reread`), is not the old zone plus exactly `operations` and the
    /// new serial; nil when it is.
    ///
    /// Records written the same way in both texts are the same records, so only the few whose text
    /// differs (the edited lines, and a line whose owner an edit moved) are compared by meaning: those of
    /// the old text, minus what the plan replaces or removes, plus what it creates, must be exactly those
    /// of the new text. They are first paired one to one with the plan's (`PlannedRecordPairing`), which
    /// a right edit passes; otherwise they are counted by meaning (`recordProblem`), which says what differs.
    static func problem(old: Zone, reread: ZoneReread, operations: [RecordOperation], serial: SerialChange?) -> String?
    {
        if let error = reread.edited.errors.first {
            return "the edited zone does not parse: \(error)"
        }
        if !PlannedRecordPairing.pairs(old: old, reread: reread, operations: operations),
            let problem = recordProblem(old: old, reread: reread, operations: operations)
        {
            return problem
        }
        return serial.flatMap { serialProblem(reread, expected: $0.to) }
    }

    /// Why the records of the edited zone (`reread`, which parses) are not the old zone's plus exactly
    /// `operations`, counted by meaning; nil when they are.
    static func recordProblem(old: Zone, reread: ZoneReread, operations: [RecordOperation]) -> String? {
        let new = reread.edited
        var difference = textDifference(old: old, reread: reread, plannedRecords: operations.count)
        for index in operations.indices {
            switch operations[index].kind {
            case .create(let type, let rdata, _, _):
                difference[RecordKey(operations[index].owner, type, rdata), default: 0] += 1
            case .replace(let existing, let rdata, _):
                // Every copy of a record written more than once is edited alike.
                let copies = ZoneEditor.copies(of: existing, in: old).count
                difference[RecordKey(existing.owner, existing.type, existing.rdata), default: 0] -= copies
                difference[RecordKey(existing.owner, existing.type, rdata), default: 0] += copies
            case .remove(let existing):
                let copies = ZoneEditor.copies(of: existing, in: old).count
                difference[RecordKey(existing.owner, existing.type, existing.rdata), default: 0] -= copies
            }
        }
        if difference.values.contains(where: { $0 != 0 }) {
            // Where the differing records are written: found only now, as lines are counted for a message.
            var lines: [RecordKey: String] = [:]
            for index in reread.onlyOld {
                let record = old.record(index: index)
                let key = RecordKey(record.owner, record.type, record.rdata)
                if lines[key] == nil { lines[key] = line(of: record, in: old) }
            }
            for index in reread.onlyNew {
                let record = new.record(index: index)
                let key = RecordKey(record.owner, record.type, record.rdata)
                lines[key] = line(of: record, in: new) ?? lines[key]
            }
            // In zone terms: which records the edited text lacks or has too many of, and on which line.
            func described(_ key: RecordKey) -> String {
                "\(key.presentation)" + (lines[key].map { " (\($0))" } ?? "")
            }
            let missing = difference.filter { $0.value > 0 }.keys.map(described).sorted().prefix(3)
            let extra = difference.filter { $0.value < 0 }.keys.map(described).sorted().prefix(3)
            var parts: [String] = []
            if !missing.isEmpty { parts.append("the edited text lacks \(missing.joined(separator: "; "))") }
            if !extra.isEmpty { parts.append("it has records the plan does not add: \(extra.joined(separator: "; "))") }
            return "the edited zone's records differ from the plan: " + parts.joined(separator: "; ")
        }
        return nil
    }

    /// The records only one of the old and the edited text has, counted: +1 for each the old text
    /// has, −1 for each the edited text has. The plan's changes are counted against these (+1 for
    /// a record it writes, −1 for one it takes out), and a right edit leaves every count 0.
    /// Room is made for `plannedRecords` more keys, the records the plan's changes count: a table grown
    /// key by key rehashes every key (all of an RDATA's octets) each time it doubles.
    private static func textDifference(old: Zone, reread: ZoneReread, plannedRecords: Int = 0) -> [RecordKey: Int] {
        var difference: [RecordKey: Int] = [:]
        difference.reserveCapacity(reread.onlyOld.count + reread.onlyNew.count + plannedRecords)
        for index in reread.onlyOld {
            let record = old.recordData(index: index)
            difference[RecordKey(record.owner, record.type, record.rdata), default: 0] += 1
        }
        for index in reread.onlyNew {
            let record = reread.recordData(index: index)
            difference[RecordKey(record.owner, record.type, record.rdata), default: 0] -= 1
        }
        return difference
    }
}

extension PlanCheck {
    /// The check from a zone's plan alone, which carries items rather than operations (for a file
    /// several zones read, edited with every zone's edits): the edited zone parses, its serial is the
    /// planned one, and its records are exactly the old ones, minus each merged or replaced record's
    /// `before`, plus each planned `after` — so a record another zone's edit adds or changes in this
    /// zone is found even at an owner and type this zone's plan touches. `reread` is the edited text
    /// read again against `old` (`reread(_:path:options:)`), so only the records written differently
    /// are decoded, as for a fresh apply.
    static func problem(old: Zone, reread: ZoneReread, zonePlan: ZonePlan) -> String? {
        let new = reread.edited
        if let error = new.errors.first {
            return "the edited zone does not parse: \(error)"
        }
        var difference = textDifference(old: old, reread: reread)
        for sender in zonePlan.senders where !sender.hasConflicts {
            for item in sender.items where [.create, .merge, .replace].contains(item.action) {
                let (owner, type) = (item.name, item.type)
                if item.action != .create, let before = item.before {
                    guard let rdata = try? RData(type: type, presentation: before, origin: owner) else {
                        return "the plan's value for \(owner) \(type) cannot be read: \(before)"
                    }
                    difference[RecordKey(owner, type, rdata), default: 0] -= 1
                }
                if let after = item.after {
                    guard let rdata = try? RData(type: type, presentation: after, origin: owner) else {
                        return "the plan's value for \(owner) \(type) cannot be read: \(after)"
                    }
                    difference[RecordKey(owner, type, rdata), default: 0] += 1
                }
            }
        }
        let unexpected = difference.filter { $0.value != 0 }
        if !unexpected.isEmpty {
            let missing = unexpected.filter { $0.value > 0 }.keys.map(\.presentation).sorted().prefix(3)
            let extra = unexpected.filter { $0.value < 0 }.keys.map(\.presentation).sorted().prefix(3)
            let listed = { (keys: ArraySlice<String>) in keys.isEmpty ? "none" : keys.joined(separator: "; ") }
            return
                "the edited zone's records differ from the plan (missing: \(listed(missing)); not planned: \(listed(extra)))"
        }
        return zonePlan.serial.flatMap { serialProblem(reread, expected: $0.to) }
    }
}
