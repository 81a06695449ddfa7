import MailAuth
import ZoneFile

/// The records a service needs verbatim: CNAMEs, verification TXT (with Domain Connect conflict
/// rules), and other types.
extension SenderPlanner {

    mutating func planCNAME(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        guard let rdata = try? RData(type: .cname, presentation: wanted.value, origin: origin) else {
            conflict(
                name, .cname, purpose, ServiceRecordProblem.cnameTargetNotName(value: wanted.value),
                declaration: wanted.source)
            return
        }
        let all = state.records(at: name)
        if let current = all.first(where: { $0.type == .cname }) {
            if current.rdata == rdata {
                add(
                    .unchanged, name, .cname, purpose, after: current.rdata.presentation,
                    note: unconfirmedNote(wanted),
                    zone: current.existing, declaration: wanted.source)
            } else if let existing = current.existing {
                replace(
                    existing, .replace, at: name, type: .cname, purpose: purpose, rdata: rdata, written: wanted.value,
                    before: current.rdata.presentation, after: rdata.presentation, note: unconfirmedNote(wanted),
                    declaration: wanted.source)
            }
            return
        }
        if let other = all.first(where: { $0.type != .rrsig && $0.type != .nsec }) {
            conflict(
                name, .cname, purpose,
                PlacementConflict.dataBesideCNAME(name: relative(name), existingType: "\(other.type)"),
                before: "\(other.type) \(other.rdata.presentation)", zone: other.existing, declaration: wanted.source)
            return
        }
        create(
            wanted, .cname, at: name, rdata: rdata, written: wanted.value, shown: rdata.presentation,
            note: unconfirmedNote(wanted))
    }

    /// A TXT record with a Domain Connect conflict rule: `Prefix` replaces the one record starting with
    /// the prefix (the service's older token), `All` must stand alone at its name. What the template
    /// would have a DNS provider delete is a conflict instead when it is more than one record: the
    /// plan never removes records it cannot show to be the service's.
    mutating func planConflictingTXT(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: .txt, purpose: purpose, declaration: wanted.source) { return }
        let notTXT = { ServiceRecordProblem.notTXT(value: wanted.value, reason: $0) }
        guard let txt = wantedTXT(wanted, at: name, problem: notTXT) else { return }
        let (rdata, presentation) = txt
        let txts = state.records(at: name, type: .txt)
        let same = txts.first { $0.rdata == rdata }
        let others: [StateRecord]
        switch wanted.txtConflict {
        case .none:
            planPlain(wanted, name, .txt)
            return
        case .all:
            others = txts.filter { $0.rdata != rdata }
        case .prefix(let prefix):
            others = txts.filter { $0.rdata != rdata && $0.text.hasPrefix(prefix) }
        }
        if let same, others.isEmpty {
            add(
                .unchanged, name, .txt, purpose, after: quotedOneLine(same.strings), note: unconfirmedNote(wanted),
                zone: same.existing, declaration: wanted.source)
            return
        }
        if others.count == 1, same == nil, case .prefix(let prefix) = wanted.txtConflict,
            let existing = others[0].existing
        {
            replace(
                existing, .replace, at: name, type: .txt, purpose: purpose, rdata: rdata, written: presentation,
                before: quotedOneLine(others[0].strings), after: presentation,
                note: PlanNote.replacesOlderRecord(prefix: prefix).description, declaration: wanted.source)
            return
        }
        if !others.isEmpty {
            let shownOthers = others.map { quotedOneLine($0.strings) }.joined(separator: " | ")
            let problem: ServiceRecordProblem
            if case .prefix(let prefix) = wanted.txtConflict {
                problem = .olderRecords(name: relative(name), count: others.count, prefix: prefix)
            } else {
                problem = .notAlone(name: relative(name), count: others.count)
            }
            conflict(
                name, .txt, purpose, problem, before: shownOthers, zone: others.first?.existing,
                declaration: wanted.source)
            return
        }
        create(
            wanted, .txt, at: name, rdata: rdata, written: presentation, shown: presentation,
            note: unconfirmedNote(wanted))
    }

    /// Verification tokens and other records needed verbatim: present or created, never merged.
    mutating func planPlain(_ wanted: WantedRecord, _ name: DomainName, _ type: RRType) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: type, purpose: purpose, declaration: wanted.source) { return }
        let rdata: RData
        let presentation: String
        do {
            if type == .txt {
                (rdata, presentation) = try Self.txtRData(wanted.value)
            } else {
                rdata = try RData(type: type, presentation: wanted.value, origin: origin)
                presentation = wanted.value
            }
        } catch {
            conflict(
                name, type, purpose,
                ServiceRecordProblem.notRData(value: wanted.value, type: "\(type)", reason: "\(error)"),
                declaration: wanted.source)
            return
        }
        if let same = state.records(at: name, type: type).first(where: { $0.rdata == rdata }) {
            add(
                .unchanged, name, type, purpose, after: same.rdata.presentation, note: unconfirmedNote(wanted),
                zone: same.existing, declaration: wanted.source)
            return
        }
        create(
            wanted, type, at: name, rdata: rdata, written: presentation, shown: rdata.presentation,
            note: unconfirmedNote(wanted))
    }
}
