/// The outcome of merging a wanted DMARC record into the one a name has.
public enum DMARCMergeOutcome: Sendable, Hashable {
    case unchanged
    /// The new record text; `replacing` is the old DMARC record's text, nil when there was none.
    case changed(record: String, replacing: String?)
    case conflict(DMARCConflict)
}

/// Merging wanted DMARC tags into an existing record without ever weakening it
/// (MAILAUTH.md "Merging"):
///
/// - `p`, `sp` (and DMARCbis' `np`): the stronger of the two, none < quarantine < reject; a
///   wanted `sp` is compared with what subdomains get now (`sp`, else `p`).
/// - `pct`: the higher (absent means 100). `adkim`, `aspf`: strict (`s`) wins over relaxed.
/// - `rua`, `ruf`: the existing URIs first, then wanted ones not yet there; `fo`: the union
///   of options.
/// - Any other tag (`rf`, `ri`, unknown tags): added when absent, the owner's value kept
///   when present, since mailzone cannot tell what a change would mean.
/// - The result keeps the existing tags' names, values and order, with `v` first and `p`
///   second; new tags follow in the wanted record's order.
public enum DMARCMerge {
    /// - Parameters:
    ///   - wanted: The record a sender asks for, e.g. `v=DMARC1; p=none`.
    ///   - existing: The text of every TXT record at the name; those that are not DMARC
    ///     records are ignored.
    ///   - name: The owner as the user sees it (`_dmarc`, `_dmarc.abc`), used in messages.
    public static func merge(wanted: String, existing: [String], name: String = "_dmarc") -> DMARCMergeOutcome {
        let wantedRecord: DMARCRecord
        do {
            wantedRecord = try DMARCRecord(wanted)
        } catch {
            return .conflict(.invalidWanted(record: wanted, problems: [error]))
        }
        let wantedErrors = wantedRecord.errors
        if !wantedErrors.isEmpty {
            return .conflict(.invalidWanted(record: wanted, problems: wantedErrors))
        }

        let records = existing.filter(DMARCRecord.isDMARC)
        if records.count > 1 {
            return .conflict(.multipleRecords(name: name, records: records))
        }
        guard let current = records.first else {
            return .changed(record: wantedRecord.orderedForWriting.text, replacing: nil)
        }
        let existingRecord: DMARCRecord
        do {
            existingRecord = try DMARCRecord(current)
        } catch {
            return .conflict(.invalidExisting(name: name, record: current, problems: [error]))
        }
        let existingErrors = existingRecord.errors
        if !existingErrors.isEmpty {
            return .conflict(.invalidExisting(name: name, record: current, problems: existingErrors))
        }

        var merged = existingRecord
        for tag in wantedRecord.tags.dropFirst() {
            merged.merge(tag)
        }
        if merged == existingRecord {
            return .unchanged
        }
        return .changed(record: merged.orderedForWriting.text, replacing: current)
    }
}

extension DMARCRecord {
    /// `v` first, `p` second, the rest in order.
    var orderedForWriting: DMARCRecord {
        var rest = tags
        var ordered: [Tag] = []
        for name in ["v", "p"] {
            if let index = rest.firstIndex(where: { $0.name.lowercased() == name }) {
                ordered.append(rest.remove(at: index))
            }
        }
        return DMARCRecord(tags: ordered + rest)
    }

    private mutating func set(_ name: String, to value: String) {
        if let index = tags.firstIndex(where: { $0.name.lowercased() == name }) {
            tags[index].value = value
        } else {
            tags.append(Tag(name: name, value: value))
        }
    }

    /// Folds one wanted tag into the record, never weakening it.
    fileprivate mutating func merge(_ wanted: Tag) {
        let name = wanted.name.lowercased()
        let current = value(of: name)
        switch name {
        case "p", "sp", "np":
            guard let wantedPolicy = DMARCPolicy(value: wanted.value) else { return }
            // What the record gives now: sp and np fall back to p when absent.
            let now = current.flatMap(DMARCPolicy.init(value:)) ?? (name == "p" ? nil : policy)
            if now.map({ wantedPolicy > $0 }) ?? true {
                set(name, to: wanted.value)
            }
        case "pct":
            if let wantedPercentage = Int(wanted.value), wantedPercentage > (current.flatMap { Int($0) } ?? 100) {
                set(name, to: wanted.value)
            }
        case "adkim", "aspf":
            if wanted.value.lowercased() == "s" && current?.lowercased() != "s" {
                set(name, to: wanted.value)
            }
        case "rua", "ruf":
            let have = current.map { Self.entries($0) } ?? []
            var union = have
            for entry in Self.entries(wanted.value) where !union.contains(where: { Self.sameDestination($0, entry) }) {
                union.append(entry)
            }
            if union.count != have.count {
                set(name, to: union.joined(separator: ","))
            }
        case "fo":
            let have = current.map(TagList.colonList) ?? []
            var union = have
            for option in TagList.colonList(wanted.value)
            where !union.contains(where: { $0.lowercased() == option.lowercased() }) {
                union.append(option)
            }
            if union.count != have.count {
                set(name, to: union.joined(separator: ":"))
            }
        default:
            if current == nil {
                set(name, to: wanted.value)
            }
        }
    }

    private static func entries(_ value: String) -> [String] {
        value.split(separator: ",").map { String(TagList.trimFWS($0)) }
    }

    private static func sameDestination(_ lhs: String, _ rhs: String) -> Bool {
        guard case .success(let left) = DMARCReportURI.parse(lhs),
            case .success(let right) = DMARCReportURI.parse(rhs)
        else { return lhs == rhs }
        return left.destinationKey == right.destinationKey
    }
}
