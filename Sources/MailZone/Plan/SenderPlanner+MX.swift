import MailAuth
import ZoneFile

/// MX: a service's MX added beside, kept out of, or refused by the MX a name already has (`mx:` policy).
extension SenderPlanner {
    mutating func planMX(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        let read = Self.wantedMX.value(for: ExactText(wanted.value))
        if let problem = read.problem {
            conflict(name, .mx, purpose, problem, declaration: wanted.source)
            return
        }
        if cnameConflict(at: name, wanting: .mx, purpose: purpose, declaration: wanted.source) { return }
        guard let wantedValue = read.value, let rdata = read.rdata, let shown = read.presentation else {
            conflict(name, .mx, purpose, MXProblem.unreadable(value: wanted.value), declaration: wanted.source)
            return
        }
        let existing = state.records(at: name, type: .mx)
        // Each MX of the name read once (as presented), for the comparisons below and the warning: its value put
        // in an array made at its size, and the MX wanted looked for as they are read (no array of the reads).
        var existingValues: [MXValue] = []
        if !existing.isEmpty { existingValues.reserveCapacity(existing.count) }
        for record in existing {
            let zoneMX = Self.zoneMX.value(for: record.rdata.wire)
            if zoneMX.exchangeKey == read.exchangeKey {
                add(
                    .unchanged, name, .mx, purpose, after: zoneMX.presentation, note: unconfirmedNote(wanted),
                    zone: record.existing, declaration: wanted.source)
                return
            }
            if let value = zoneMX.value { existingValues.append(value) }
        }
        let planned = plannedMX.filter { $0.name == name && !$0.presets.contains(where: wanted.presets.contains) }
        // A name with no MX, in the zone or planned by another service, has nothing to conflict with (as
        // `MXRules.conflict` finds): its conflict, and the words it would be told in, are not worked out.
        if !existingValues.isEmpty || !planned.isEmpty,
            let problem = MXRules.conflict(
                adding: serviceSet(wanted) ?? [wantedValue],
                wantedBy: ProseList.services(wanted.presets), to: existingValues,
                planned: planned.map(\.value), plannedBy: ProseList.services(planned.flatMap(\.presets)),
                name: relative(name))
        {
            // The MX the name receives at, in the zone or planned, looked at where they are (not joined in one array).
            let isNull = MXRules.hasNullMX(existingValues) || planned.contains { $0.value.isNull }
            switch (sender.sender.mxPolicy, isNull) {
            case (.keepExisting, false):
                keepOut(
                    wantedValue, for: wanted, at: name, zone: existing, zoneValues: existingValues, planned: planned)
                return
            case (.add, false) where !wanted.exclusive:
                break
            default:
                // The conflict lists every MX of the service's set: once per service, not once per MX.
                guard reportedMXConflicts.insert("\(name) \(wanted.presets.sorted())").inserted else { return }
                let policy = MXPolicyConflict(
                    problem, name: relative(name),
                    exclusiveServices: wanted.exclusive ? ProseList.services(wanted.presets) : nil)
                // "in the zone:" shows the zone's MX only; MX another service plans are in the message.
                conflict(
                    name, .mx, purpose, policy,
                    before: existingValues.map(\.text).joined(separator: ", ").nilIfEmpty,
                    zone: existing.first?.existing,
                    declaration: wanted.source)
                return
            }
        }
        create(wanted, .mx, at: name, rdata: rdata, written: wanted.value, shown: shown, note: unconfirmedNote(wanted))
        plannedMX.append((name, wantedValue, wanted.presets))
        // An MX target that is an alias in this zone breaks delivery (RFC 2181 §10.3).
        if let target = read.exchangeName, target.isSubdomain(of: origin),
            let alias = state.firstRecord(at: target, type: .cname)
        {
            warn(
                name, .mx, purpose,
                MXProblem.exchangeIsAlias(exchange: wantedValue.exchange, canonical: alias.rdata.presentation),
                zone: alias.existing, declaration: wanted.source)
        }
    }

    /// The service's whole MX set at `wanted`'s name, nil when it has none to read: its own MX already in the
    /// zone are not "other" inbound mail (Google's aspmx beside its alt1..alt4). MX an earlier service of this
    /// sender plans to add are, so the decision is the same before and after apply.
    /// The sender's records are read in place, not copied into a filtered list first.
    func serviceSet(_ wanted: WantedRecord) -> [MXValue]? {
        var set: [MXValue] = []
        for record in sender.records
        where record.purpose == .mx && record.type.uppercased() == "MX" && record.owner == wanted.owner
            && record.presets.contains(where: wanted.presets.contains)
        {
            if let value = Self.wantedMX.value(for: ExactText(record.value)).value { set.append(value) }
        }
        return set.isEmpty ? nil : set
    }

    /// Leaves a service's MX out under `mx: keep-existing`, with one warning per name that says
    /// which MX stay (in the zone, or added for another service) and which are not added. The
    /// services the sender lists in `mx_not_added` are left out without a word: the choice is explicit.
    /// `zoneValues` are `zone`'s MX as `planMX` read them. The warning's words but for the name are worded once
    /// for every name that keeps the same MX and leaves out the same (`keptOutWords`).
    mutating func keepOut(
        _ value: MXValue, for wanted: WantedRecord, at name: DomainName, zone: [StateRecord], zoneValues: [MXValue],
        planned: [(name: DomainName, value: MXValue, presets: [String])]
    ) {
        // Most senders acknowledge none: then no set is made.
        let notAdded = sender.sender.mxNotAdded
        let acknowledged: Set<String> = notAdded.isEmpty ? [] : Set(notAdded.map(\.value))
        guard !wanted.presets.allSatisfy(acknowledged.contains) else { return }
        var group = keptOutMX[name] ?? (item: items.count, values: [])
        group.values.append(KeptOutMXWarning.KeptOutMX(value: value, presets: wanted.presets))
        let words = Self.keptOutWords.value(
            for: KeptOutMXWarning(
                inZone: zoneValues, planned: planned.map(\.value), plannedBy: planned.flatMap(\.presets),
                keptOut: group.values, acknowledged: acknowledged))
        let owner = relative(name)
        let item = PlanItem(
            action: .warning, owner: owner, name: name, type: .mx,
            purpose: wanted.purpose.rawValue,
            before: words.before, after: nil,
            message: owner + words.summaryAfterName, fix: words.fix, note: nil,
            zoneLocation: location(zone.first?.existing),
            declarationLocation: yaml(sender.sender.mx?.location ?? wanted.source))
        if group.item < items.count {
            items[group.item] = item
        } else {
            items.append(item)
        }
        keptOutMX[name] = group
    }
}

extension SenderPlanner {
    /// Each wanted MX value `planMX` last read: a service's MX are the same for all its senders.
    static let wantedMX = ValueMemo<ExactText, ReadWantedMX>(limit: 256) { ReadWantedMX($0.text) }
    /// Each MX RDATA of a zone `planMX` last read as a value, by its wire octets (not `RData`, whose
    /// equality ignores the case of names, which the value keeps): zones of one provider repeat their MX.
    static let zoneMX = ValueMemo<[UInt8], ReadZoneMX>(limit: 256) { ReadZoneMX(RData(type: .mx, wire: $0)) }
}

/// A wanted MX value (`10 mx.example.net.`) as `planMX` reads it: what is wrong with it, its preference
/// and exchange (read even when something is wrong, as a service's other MX are), and its RDATA with what
/// the plan shows and compares of it, worked out once for the senders that all want it.
struct ReadWantedMX: Sendable {
    var problem: MXProblem?
    var value: MXValue?
    var rdata: RData?
    /// `rdata.presentation`: the `+` line of a created MX.
    var presentation: String?
    /// `value.exchangeKey`: the exchange as DNS compares it.
    var exchangeKey: String?
    /// The exchange as a name, nil when it is none (then no alias in the zone can be it).
    var exchangeName: DomainName?

    init(_ text: String) {
        problem = MXRules.check(rdata: text)
        value = MXValue(text)
        rdata = problem == nil ? try? RData(type: .mx, presentation: text) : nil
        presentation = rdata?.presentation
        exchangeKey = value?.exchangeKey
        exchangeName = value.flatMap { try? DomainName(parsing: $0.exchange) }
    }
}

/// An MX of a zone as `planMX` reads it: its value (nil when its presentation is not one), the value's
/// exchange as DNS compares it, and its presentation (the `=` line when it is the MX wanted).
struct ReadZoneMX: Sendable {
    var value: MXValue?
    var exchangeKey: String?
    var presentation: String

    init(_ rdata: RData) {
        presentation = rdata.presentation
        value = MXValue(presentation)
        exchangeKey = value?.exchangeKey
    }
}
