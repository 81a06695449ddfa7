import MailAuth
import ZoneFile

/// MX: a service's MX added beside, kept out of, or refused by the MX a name already has (`mx:` policy).
extension SenderPlanner {
    mutating func planMX(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        if let problem = MXRules.check(rdata: wanted.value) {
            conflict(name, "MX", purpose, problem.summary, fix: problem.fix, declaration: wanted.source)
            return
        }
        if cnameConflict(at: name, wanting: "MX", purpose: purpose, declaration: wanted.source) { return }
        guard let wantedValue = MXValue(wanted.value), let rdata = try? RData(type: .mx, presentation: wanted.value)
        else {
            conflict(
                name, "MX", purpose, "MX value '\(wanted.value)' is not PREFERENCE HOST.", fix: nil,
                declaration: wanted.source)
            return
        }
        let existing = state.records(at: name, type: .mx)
        let existingValues = existing.compactMap { MXValue($0.rdata.presentation) }
        if let same = existing.first(where: {
            MXValue($0.rdata.presentation).map { $0.exchangeKey == wantedValue.exchangeKey } ?? false
        }) {
            add(
                .unchanged, name, "MX", purpose, after: same.rdata.presentation, note: unconfirmedNote(wanted),
                zone: same.existing,
                declaration: wanted.source)
            return
        }
        // The service's whole MX set at this name: its own MX already in the zone are not "other" inbound mail
        // (Google's aspmx beside its alt1..alt4). MX an earlier service of this sender plans to add are, so the
        // decision is the same before and after apply.
        let serviceSet = sender.records.filter {
            $0.purpose == .mx && $0.type.uppercased() == "MX" && $0.owner == wanted.owner
                && !Set($0.presets).isDisjoint(with: wanted.presets)
        }.compactMap { MXValue($0.value) }
        let planned = plannedMX.filter { $0.name == name && Set($0.presets).isDisjoint(with: wanted.presets) }
        let inbound = existingValues + planned.map(\.value)
        if let problem = MXRules.conflict(
            adding: serviceSet.isEmpty ? [wantedValue] : serviceSet,
            wantedBy: Self.services(wanted.presets), to: existingValues,
            planned: planned.map(\.value), plannedBy: Self.services(planned.flatMap(\.presets)),
            name: relative(name))
        {
            let isNull = MXRules.hasNullMX(inbound)
            switch (sender.sender.mxPolicy, isNull) {
            case (.keepExisting, false):
                keepOut(wantedValue, for: wanted, at: name, zone: existing, planned: planned)
                return
            case (.add, false) where !wanted.exclusive:
                break
            default:
                // The conflict lists every MX of the service's set: once per service, not once per MX.
                guard reportedMXConflicts.insert("\(name) \(wanted.presets.sorted())").inserted else { return }
                var fix = problem.fix ?? ""
                if wanted.exclusive {
                    fix =
                        "\(Self.services(wanted.presets)) needs its MX to be the only one at \(relative(name)): give it a name "
                        + "that receives no other mail, or remove the other MX (`mx: add` cannot put it beside another)"
                } else if case .existingInbound = problem {
                    fix += " (or set `mx: keep-existing` or `mx: add` for this sender)"
                }
                // "in the zone:" shows the zone's MX only; MX another service plans are in the message.
                conflict(
                    name, "MX", purpose, problem.summary, fix: fix,
                    before: existingValues.map(\.text).joined(separator: ", ").nilIfEmpty,
                    zone: existing.first?.existing,
                    declaration: wanted.source)
                return
            }
        }
        create(
            wanted, .mx, at: name, rdata: rdata, written: wanted.value, shown: rdata.presentation,
            note: unconfirmedNote(wanted))
        plannedMX.append((name, wantedValue, wanted.presets))
        // An MX target that is an alias in this zone breaks delivery (RFC 2181 §10.3).
        if let target = try? DomainName(parsing: wantedValue.exchange), target.isSubdomain(of: origin),
            let alias = state.records(at: target, type: .cname).first
        {
            add(
                .warning, name, "MX", purpose,
                message:
                    "the MX target \(wantedValue.exchange) is a CNAME in this zone; MX targets must not be aliases (RFC 2181 §10.3)",
                fix: "point the MX at the canonical name \(alias.rdata.presentation)", zone: alias.existing,
                declaration: wanted.source)
        }
    }

    /// Services as a plan names them: `google-workspace`, `google-workspace and tencent-ses`.
    static func services(_ presets: [String]) -> String {
        var unique: [String] = []
        for preset in presets where !unique.contains(preset) { unique.append(preset) }
        return unique.count <= 1
            ? unique.first ?? "another service"
            : unique.dropLast().joined(separator: ", ") + " and " + (unique.last ?? "")
    }

    /// Leaves a service's MX out under `mx: keep-existing`, with one warning per name that says
    /// which MX stay (in the zone, or added for another service) and which are not added. The
    /// services the sender lists in `mx_not_added` are left out without a word: the choice is explicit.
    mutating func keepOut(
        _ value: MXValue, for wanted: WantedRecord, at name: DomainName, zone: [StateRecord],
        planned: [(name: DomainName, value: MXValue, presets: [String])]
    ) {
        let acknowledged = Set(sender.sender.mxNotAdded.map(\.value))
        guard !wanted.presets.allSatisfy(acknowledged.contains) else { return }
        let zoneValues = zone.compactMap { MXValue($0.rdata.presentation) }
        var kept: [String] = []
        if !zoneValues.isEmpty { kept.append("MX \(Self.quoted(zoneValues)) (in the zone)") }
        if !planned.isEmpty {
            kept.append(
                "MX \(Self.quoted(planned.map(\.value))) (added for \(Self.services(planned.flatMap(\.presets))))")
        }
        var group = keptOutMX[name] ?? (item: items.count, values: [])
        group.values.append((value, wanted.presets))
        var byServices: [(services: [String], values: [MXValue])] = []
        for entry in group.values {
            if let index = byServices.firstIndex(where: { $0.services == entry.presets }) {
                byServices[index].values.append(entry.value)
            } else {
                byServices.append((entry.presets, [entry.value]))
            }
        }
        let left = byServices.map { "MX \(Self.quoted($0.values)) for \(Self.services($0.services))" }
        let leftOut = left.count == 1 && group.values.count == 1 ? left[0] + " is" : Self.services(left) + " are"
        let unacknowledged = group.values.flatMap(\.presets).filter { !acknowledged.contains($0) }
        let notAdded = Self.services(unacknowledged)
        let their = Set(unacknowledged).count > 1 ? "their" : "its"
        let item = PlanItem(
            action: .warning, owner: relative(name), name: name.description, type: "MX",
            purpose: wanted.purpose.rawValue,
            before: (zoneValues + planned.map(\.value)).map(\.text).joined(separator: ", "), after: nil,
            message:
                "\(relative(name)) keeps \(kept.joined(separator: " and ")); \(leftOut) not added (mx: keep-existing)",
            fix:
                "nothing to do if these MX should keep receiving the mail (\(notAdded) may then show \(their) MX as unverified); "
                + "write `mx_not_added: [\(notAdded.replacingOccurrences(of: " and ", with: ", "))]` in this sender to say so "
                + "and drop this warning",
            note: nil, zoneLocation: location(zone.first?.existing),
            declarationLocation: yaml(sender.sender.mx?.location ?? wanted.source))
        if group.item < items.count {
            items[group.item] = item
        } else {
            items.append(item)
        }
        keptOutMX[name] = group
    }

    /// MX values quoted and listed: `"10 mx1.example.", "20 mx2.example."`.
    static func quoted(_ values: [MXValue]) -> String {
        values.map { "\"\($0.text)\"" }.joined(separator: ", ")
    }
}
