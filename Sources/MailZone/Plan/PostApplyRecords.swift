import MailAuth
import ZoneFile

/// One record a sender needs, and what the zone holds for it once `apply` has run: the merged
/// SPF record, the zone's stricter DMARC record kept, the MX records a name keeps under
/// `mx: keep-existing` — not the preset's raw values. `verify` asks the servers for exactly this
/// and `records` prints it, so neither says something the zone will not hold.
struct PlannedRecord: Sendable, Hashable {
    enum Outcome: Sendable, Hashable {
        /// After apply, these records (of `type`, at `owner`) stand for the need.
        case leaves([RData])
        /// The name keeps its own MX records (`mx: keep-existing`): the service's MX is not added.
        case keepsExisting([RData])
        /// The sender has a conflict, so apply writes none of its changes; `reason` says which.
        case heldBack(reason: String)
    }

    var owner: DomainName
    /// The owner relative to the zone (`@`, `_dmarc.abc`).
    var relative: String
    var type: RRType
    var purpose: RecordPurpose
    /// What the declaration asks, as it says it (for SPF, the `include:` terms).
    var declared: String
    var source: YAMLLocation
    var presets: [String]
    var outcome: Outcome
    /// Remarks for a reader: an unconfirmed preset value, the service's own note, and where the
    /// plan's record is the zone's own rather than the service's.
    var notes: [String] = []

    /// The records the plan leaves, in presentation form: TXT strings joined and unquoted (octets
    /// that are not printable as `\DDD`), other types as the zone file writes them.
    var values: [String] {
        switch outcome {
        case .leaves(let records), .keepsExisting(let records):
            records.map {
                $0.type == .txt ? ServedText.presentation(Array($0.characterStrings.joined())) : $0.presentation
            }
        case .heldBack:
            []
        }
    }
}

/// Reads the planner's result for `verify` and `records`: each zone's senders are planned as
/// `plan` plans them, and each need is looked up in the zone's records after every planned change
/// (`ZoneState`), so the two commands reuse the planner's decisions instead of re-deriving them.
enum PostApplyRecords {
    /// Per sender of `senderIndices` (in that order), its needs in review order (MX, SPF, DKIM,
    /// DMARC, the rest), each with what apply leaves for it.
    static func plan(
        _ zone: Zone, senders senderIndices: [Int], origin: DomainName, path: String,
        declaration: Declaration
    ) -> [[PlannedRecord]] {
        var (plans, state) = Planner.planSenders(
            zone, senders: senderIndices, origin: origin, path: path,
            declaration: declaration)
        return zip(senderIndices, plans).map { index, plan in
            records(for: declaration.records(ofSender: index), plan: plan, origin: origin, state: &state)
        }
    }

    static func records(
        for sender: SenderRecords, plan: SenderPlan, origin: DomainName,
        state: inout ZoneState
    ) -> [PlannedRecord] {
        let heldBack = plan.items.first { $0.action == .conflict }.map { item in
            "the plan holds back every change of \(sender.sender.domain.value.text): "
                + "conflict at \(item.owner) \(item.type): " + (item.message ?? "conflict")
        }
        var needs: [(order: Int, index: Int, record: PlannedRecord)] = []
        for (index, spf) in sender.spf.enumerated() {
            let owner = spf.owner.name.dnsName
            var record = PlannedRecord(
                owner: owner, relative: owner.relative(to: origin), type: .txt, purpose: .spf,
                declared: spf.includes.map { "include:\($0.domain)" }.joined(separator: " "),
                source: spf.includes.first?.source ?? sender.sender.location,
                presets: spf.includes.map(\.preset), outcome: .leaves([]))
            let unconfirmed = spf.includes.filter(\.unconfirmed).map(\.domain)
            if !unconfirmed.isEmpty {
                record.notes.append("unconfirmed include: \(unconfirmed.joined(separator: ", "))")
            }
            let spfs = state.records(at: owner, type: .txt).filter { SPFRecord.isSPF($0.text) }
            record.outcome = heldBack.map { .heldBack(reason: $0) } ?? .leaves(spfs.map(\.rdata))
            if heldBack == nil, spfs.contains(where: { $0.existing != nil }) {
                record.notes.append("the zone's own SPF record with the includes merged in; it replaces the one there")
            }
            needs.append((RecordPurpose.spf.reviewOrder, index, record))
        }
        for (index, wanted) in sender.records.enumerated() {
            let owner = wanted.owner.name.dnsName
            let type = RRType(mnemonic: wanted.type) ?? .txt
            var record = PlannedRecord(
                owner: owner, relative: owner.relative(to: origin), type: type,
                purpose: wanted.purpose, declared: wanted.value, source: wanted.source, presets: wanted.presets,
                outcome: .leaves([]))
            record.notes = [wanted.unconfirmed ? "unconfirmed value" : nil, wanted.note].compactMap { $0 }
            record.outcome =
                heldBack.map { .heldBack(reason: $0) }
                ?? outcome(of: wanted, type: type, origin: origin, state: &state)
            if case .keepsExisting = record.outcome {
                // The service's remarks are about its MX, which is not added.
                record.notes = ["kept (mx: keep-existing)"]
            }
            if wanted.purpose == .dmarc, case .leaves(let kept) = record.outcome, let value = record.values.first,
                !kept.isEmpty, value != wanted.value
            {
                record.notes.append(
                    "the zone's record, kept or merged without weakening; the declaration asks \(wanted.value)")
            }
            needs.append((wanted.purpose.reviewOrder, sender.spf.count + index, record))
        }
        return needs.sorted { ($0.order, $0.index) < ($1.order, $1.index) }.map(\.record)
    }

    /// The records at the need's name once the plan is applied that stand for it.
    private static func outcome(
        of wanted: WantedRecord, type: RRType, origin: DomainName,
        state: inout ZoneState
    ) -> PlannedRecord.Outcome {
        let owner = wanted.owner.name.dnsName
        let present = state.records(at: owner, type: type)
        switch (wanted.purpose, type) {
        case (.mx, .mx):
            guard let value = MXValue(wanted.value) else { return .leaves([]) }
            if let same = present.first(where: { MXValue($0.rdata.presentation)?.exchangeKey == value.exchangeKey }) {
                return .leaves([same.rdata])
            }
            // The planner added no MX: the name keeps the mail servers it has (mx: keep-existing).
            return .keepsExisting(present.map(\.rdata))
        case (.dkim, .txt):
            guard let key = try? DKIMKeyRecord(wanted.value) else { return .leaves([]) }
            let same = present.filter {
                if case .same = DKIMComparison.compare(wanted: key, published: $0.strings) { return true }
                return false
            }
            return .leaves(same.map(\.rdata))
        case (.dmarc, .txt):
            return .leaves(present.filter { DMARCRecord.isDMARC($0.text) }.map(\.rdata))
        case (_, .cname):
            return .leaves(present.map(\.rdata))
        case (_, .txt):
            return .leaves(present.filter { $0.text == wanted.value }.map(\.rdata))
        default:
            guard let rdata = try? RData(type: type, presentation: wanted.value, origin: origin) else {
                return .leaves([])
            }
            return .leaves(present.filter { $0.rdata == rdata }.map(\.rdata))
        }
    }
}

extension PostApplyRecords {
    /// Why a sender's zone cannot be planned (the file is outside the tree, unreadable, has errors).
    struct Unplanned: Error, Sendable, Hashable {
        var file: String
        var reason: String
    }

    /// What apply leaves for the declaration's sender `index`, its zone planned as `plan` plans it
    /// (every sender of the zone, so a subdomain sees its parent's planned DMARC record); nil when
    /// the sender is in no declared zone.
    static func plan(
        sender index: Int, in declaration: Declaration,
        allowOutside: Bool
    ) -> Result<(file: String, records: [PlannedRecord]), Unplanned>? {
        guard declaration.senderZones.indices.contains(index), let zoneIndex = declaration.senderZones[index] else {
            return nil
        }
        let zoneDeclaration = declaration.zones[zoneIndex]
        let path = declaration.path(of: zoneDeclaration)
        let origin = zoneDeclaration.origin.value.dnsName
        let root = Planner.includeRoot(declarationPath: declaration.displayPath, allowOutside: allowOutside)
        if let root, !FilePaths.isInside(resolved: FilePaths.resolved(path), resolvedRoot: root) {
            return .failure(
                Unplanned(
                    file: path,
                    reason: "is outside the directory of \(declaration.displayPath) (pass --allow-outside to read it)"))
        }
        let zone = ZoneLoader.load(path: path, options: Planner.loadOptions(origin: origin, includeRoot: root))
        if let error = zone.errors.first {
            return .failure(Unplanned(file: path, reason: "cannot be planned: \(error.message)"))
        }
        let senders = declaration.sendersByZone[zoneIndex]
        let planned = plan(zone, senders: senders, origin: origin, path: path, declaration: declaration)
        guard let position = senders.firstIndex(of: index) else { return nil }
        return .success((path, planned[position]))
    }
}
