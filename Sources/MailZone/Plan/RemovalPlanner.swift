import MailAuth
import ZoneFile

/// Plans what goes when the declaration no longer asks for what mailzone wrote: the records a
/// sender owns (their lines carry its marker, see `ZoneOwnership`) that none of its declared
/// services wants any more, and the SPF terms it added that no declared service needs.
///
/// Only owned records and owned SPF terms are ever removed; a record without marker, and every
/// term of an SPF record that its marker does not list, is someone else's and stays as written.
/// Removal is planned before the sender's records are, so what goes is out of the way of what
/// comes (a changed MX host does not conflict with the old one, a CNAME can replace a TXT key).
struct RemovalPlanner {
    /// The sender's records as declared; nil for a sender no longer declared in this zone.
    let sender: SenderRecords?
    let domain: DeclaredName
    let origin: DomainName

    private(set) var items: [PlanItem] = []
    private(set) var operations: [RecordOperation] = []

    init(sender: SenderRecords?, domain: DeclaredName, origin: DomainName) {
        self.sender = sender
        self.domain = domain
        self.origin = origin
    }

    /// The services the sender still declares (none for a sender removed or `state: absent`).
    private var declaredServices: [String] { sender?.sender.presentServices.map(\.preset.value) ?? [] }

    /// Why a record of `services` goes.
    private func reason(_ services: [String]) -> RemovalReason {
        guard let sender else { return .senderNotDeclared(domain.text) }
        if sender.sender.isAbsent { return .senderAbsent(domain.text) }
        var gone: [String] = []
        for service in services where !declaredServices.contains(service) && !gone.contains(service) {
            gone.append(service)
        }
        return gone.isEmpty ? .recordNotDeclared(domain.text) : .servicesNotDeclared(gone, sender: domain.text)
    }

    /// Plans the removals among `owned` (the sender's owned records) against `state`.
    mutating func plan(_ owned: [OwnedRecord], state: inout ZoneState) {
        var pairedMX: Set<String> = []
        for record in owned {
            let name = record.record.owner
            // Already gone (a record written twice is one record) or changed by an earlier sender.
            guard
                let current = state.records(at: name, type: record.record.type).first(where: {
                    $0.existing == record.record
                })
            else {
                continue
            }
            if let spf = record.marker.spf {
                planSPF(record, spf: spf, current: current)
                continue
            }
            if isWanted(record, current: current) { continue }
            if record.record.type == .mx, let replacement = mxReplacement(for: record, state: &state, paired: pairedMX)
            {
                pairedMX.insert(replacement.key)
                items.append(
                    item(
                        .replace, record, purpose: "mx", before: current.rdata.presentation,
                        after: replacement.rdata.presentation,
                        note: .mxHostChanged))
                operations.append(
                    RecordOperation(
                        owner: name,
                        kind: .replace(
                            existing: record.record, rdata: replacement.rdata, presentation: replacement.presentation)))
                continue
            }
            items.append(
                item(
                    .delete, record, purpose: purpose(of: record), before: shown(current),
                    note: .removed(reason(record.marker.services))))
            operations.append(RecordOperation(owner: name, kind: .remove(existing: record.record)))
        }
    }

    // MARK: Records

    /// Whether the sender still asks for `record`: an MX with the same host; a DMARC record while any
    /// service is declared; a DKIM key, DMARC or CNAME at the same name and type (a changed value is
    /// replaced in place by the sender's planning); any other record with the same value.
    private func isWanted(_ record: OwnedRecord, current: StateRecord) -> Bool {
        guard let sender, !sender.sender.isAbsent else { return false }
        let name = DeclaredName(labels: record.record.owner.declaredLabels)
        let type = record.record.type
        if type == .txt, name.labels.first == "_dmarc" {
            return !declaredServices.isEmpty
                || sender.records.contains { $0.owner.name == name && $0.purpose == .dmarc }
        }
        let here = sender.records.filter { $0.owner.name == name && RRType(mnemonic: $0.type) == type }
        switch type {
        case .mx:
            let host = MXValue(current.rdata.presentation)?.exchangeKey
            return here.contains { MXValue($0.value)?.exchangeKey == host }
        case .cname:
            return !here.isEmpty
        case .txt:
            if here.contains(where: { $0.purpose == .dkim || $0.purpose == .dmarc }) { return true }
            return here.contains { $0.value == current.text }
        default:
            return here.contains { (try? RData(type: type, presentation: $0.value, origin: origin)) == current.rdata }
        }
    }

    /// A declared MX at the same name, for one of the record's services, that the zone does not
    /// have yet: the owned line is given its host instead of one line going and another coming.
    private func mxReplacement(for record: OwnedRecord, state: inout ZoneState, paired: Set<String>) -> (
        key: String, rdata: RData, presentation: String
    )? {
        guard let sender else { return nil }
        let name = DeclaredName(labels: record.record.owner.declaredLabels)
        let present = Set(
            state.records(at: record.record.owner, type: .mx).compactMap { MXValue($0.rdata.presentation)?.exchangeKey }
        )
        for wanted in sender.records
        where wanted.owner.name == name && wanted.type.uppercased() == "MX"
            && !Set(wanted.presets).isDisjoint(with: record.marker.services)
        {
            guard let value = MXValue(wanted.value), !present.contains(value.exchangeKey),
                !paired.contains(value.exchangeKey),
                let rdata = try? RData(type: .mx, presentation: wanted.value, origin: origin)
            else { continue }
            return (value.exchangeKey, rdata, wanted.value)
        }
        return nil
    }

    // MARK: SPF

    /// Takes out of an owned SPF record the managed terms no declared service needs, leaving every
    /// other term, its order and its qualifier. A record mailzone created that is left with nothing
    /// but `all` goes, unless the sender still wants includes there (they are merged into it next).
    private mutating func planSPF(_ record: OwnedRecord, spf: SPFOwnership, current: StateRecord) {
        let name = DeclaredName(labels: record.record.owner.declaredLabels)
        let wanted = Set(
            (sender?.sender.isAbsent == true ? [] : sender?.spf ?? []).filter { $0.owner.name == name }
                .flatMap(\.includes).map { $0.domain.lowercased() })
        let gone = spf.terms.filter { term in
            guard let domain = Self.includeDomain(term.term) else { return false }
            return !wanted.contains(domain)
        }
        guard !gone.isEmpty, var parsed = SPFRecord(current.text) else { return }
        let goneDomains = Set(gone.compactMap { Self.includeDomain($0.term) })
        let before = parsed.terms.count
        parsed.terms.removeAll { term in term.includeDomain.map { goneDomains.contains(Self.bare($0)) } ?? false }
        let removedTerms = gone.map(\.term).joined(separator: " ")
        // When the terms were taken out by hand already, only the marker is out of date: rewritten below.
        let byHand = parsed.terms.count == before
        let note: PlanNote =
            byHand
            ? .markerOutdated(terms: removedTerms) : .removesSPFTerms(removedTerms, reason(gone.flatMap(\.services)))
        let onlyAll = parsed.terms.allSatisfy(\.isAll)
        if onlyAll, spf.origin == .created, wanted.isEmpty {
            // The `-` line shows the whole record: the note says that all of it goes, and why.
            let whole = PlanNote.wholeSPFRecordGoes(
                terms: removedTerms, count: gone.count, byHand: byHand, reason(gone.flatMap(\.services)))
            items.append(item(.delete, record, purpose: "spf", before: shown(current), note: whole))
            operations.append(RecordOperation(owner: record.record.owner, kind: .remove(existing: record.record)))
            return
        }
        guard let (rdata, presentation) = try? Self.txt(parsed.text) else { return }
        var marker = record.marker
        marker.spf?.terms.removeAll { term in Self.includeDomain(term.term).map(goneDomains.contains) ?? false }
        let dropsMarker = marker.spf?.origin == .merged && marker.spf?.terms.isEmpty == true
        items.append(
            item(
                .replace, record, purpose: "spf", before: shown(current),
                after: presentation, note: note))
        var operation = RecordOperation(
            owner: record.record.owner,
            kind: .replace(existing: record.record, rdata: rdata, presentation: presentation),
            marker: dropsMarker ? nil : marker)
        operation.dropsMarker = dropsMarker
        operations.append(operation)
    }

    /// `qcloudmail.com` for `include:qcloudmail.com` (any qualifier, any case, trailing dot dropped).
    static func includeDomain(_ term: String) -> String? {
        SPFTerm(text: term).includeDomain.map(bare)
    }

    private static func bare(_ domain: String) -> String {
        let lower = domain.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }

    private static func txt(_ value: String) throws -> (RData, String) {
        let strings = try TXTPresentation.split(value)
        let presentation = try TXTPresentation.oneLine(strings)
        return (try RData(type: .txt, presentation: presentation), presentation)
    }

    // MARK: Plan lines

    private func purpose(of record: OwnedRecord) -> String {
        let labels = record.record.owner.declaredLabels
        switch record.record.type {
        case .mx: return "mx"
        case .txt where labels.first == "_dmarc": return "dmarc"
        case .txt, .cname:
            if labels.contains("_domainkey") { return "dkim" }
            if let sender {
                let name = DeclaredName(labels: labels)
                if let wanted = sender.records.first(where: {
                    $0.owner.name == name && RRType(mnemonic: $0.type) == record.record.type
                }) {
                    return wanted.purpose.rawValue
                }
            }
            return record.record.type == .cname ? "tracking" : "other"
        default: return "other"
        }
    }

    private func shown(_ record: StateRecord) -> String {
        guard record.type == .txt else { return record.rdata.presentation }
        return (try? TXTPresentation.oneLine(record.strings)) ?? record.rdata.presentation
    }

    private func item(
        _ action: PlanItem.Action, _ record: OwnedRecord, purpose: String, before: String, after: String? = nil,
        note: PlanNote
    ) -> PlanItem {
        PlanItem(
            action: action, owner: record.record.owner.relative(to: origin), name: record.record.owner,
            type: record.record.type, purpose: purpose, before: before, after: after, note: note.description,
            zoneLocation: record.location)
    }
}

extension RemovalPlanner {
    /// A sender's plan lines after its removals (planned first, so the lines read in the order the
    /// changes build on each other); a record the removal gave a new value (an MX whose host
    /// changed) is not shown again as unchanged.
    static func merged(_ items: [PlanItem], removals: [PlanItem]) -> [PlanItem] {
        guard !removals.isEmpty else { return items }
        let replaced = Set(removals.filter { $0.action == .replace }.map { "\($0.name) \($0.type) \($0.after ?? "")" })
        return removals
            + items.filter { $0.action != .unchanged || !replaced.contains("\($0.name) \($0.type) \($0.after ?? "")") }
    }
}
