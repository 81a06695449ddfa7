import MailAuth
import ZoneFile

/// DMARC (RFC 7489): the sender's policy merged into the `_dmarc` record, never weaker than the zone's
/// or what the sender inherits.
extension SenderPlanner {

    mutating func planDMARC(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: .txt, purpose: purpose, declaration: wanted.source) { return }
        let txts = state.records(at: name, type: .txt)
        let dmarcs = txts.filter { DMARCRecord.isDMARC($0.text) }
        if dmarcs.isEmpty,
            nearMissConflict(
                in: txts, at: name, purpose: purpose, declaration: wanted.source,
                find: NearMissRecord.dmarc)
        {
            return
        }
        // Senders of one service merge the same record into the same records (often none): merged once per run.
        // Only a conflict's words name the record's owner, so a conflict is worked out again with it.
        var outcome = Self.dmarcMerges.value(
            for: DMARCMergeInput(wanted: ExactText(wanted.value), dmarcRecords: dmarcs.map { ExactText($0.text) }))
        if case .conflict = outcome {
            outcome = DMARCMerge.merge(wanted: wanted.value, existing: txts.map(\.text), name: relative(name))
        }
        var result: String
        switch outcome {
        case .unchanged:
            result = dmarcs.first?.text ?? wanted.value
        case .changed(let record, _):
            result = record
        case .conflict(let problem):
            conflict(
                name, .txt, purpose, problem,
                before: dmarcs.map { quotedOneLine($0.strings) }.joined(separator: " | ").nilIfEmpty,
                zone: dmarcs.first?.existing, declaration: wanted.source)
            return
        }
        // The merge never weakens the zone's record; a weaker p/sp asked for is said, or, as a reviewed
        // downgrade (`dmarc: { allow_weaker: true }`), written.
        let policies = DMARCPolicyComparison(
            wanted: wanted.value, existing: dmarcs.count == 1 ? dmarcs.first?.text : nil,
            merged: result, declared: sender.sender.dmarc, presets: wanted.presets,
            downgrade: sender.sender.allowsDMARCDowngrade, read: Self.readDMARC)
        result = policies.result
        let unchanged = { if case .unchanged = outcome { return policies.lowered.isEmpty } else { return false } }()
        // A subdomain's own record must not weaken what it inherits from the organisational domain (RFC 7489 §6.6.3).
        let domain = domainName
        if domain != origin, !sender.sender.allowsWeakerDMARC,
            let organisational = state.organisationalDMARCName(origin: origin),
            let orgRecord = state.firstRecord(at: organisational, type: .txt, where: { DMARCRecord.isDMARC($0.text) }),
            let weakening = DMARCInheritance.weakening(
                record: result, recordName: relative(name),
                domain: String(domain.description.dropLast()),
                organisationalDomain: String(origin.description.dropLast()),
                organisationalRecord: orgRecord.text, read: Self.readDMARC, isValid: Self.isValidDMARC)
        {
            conflict(
                name, .txt, purpose, DMARCConflict.weakensInherited(weakening),
                before: quotedOneLine(orgRecord.strings), zone: orgRecord.existing ?? dmarcs.first?.existing,
                declaration: sender.sender.dmarc?.location ?? wanted.source)
            return
        }
        // Most merges have no remark of their own: then the line's note is the record's, not joined again.
        let note =
            policies.remarks.isEmpty
            ? unconfirmedNote(wanted)
            : (policies.remarks + [unconfirmedNote(wanted)].compactMap { $0 }).joined(separator: "; ").nilIfEmpty
        if unchanged {
            add(
                .unchanged, name, .txt, purpose, after: dmarcs.first.map { quotedOneLine($0.strings) }, note: note,
                zone: dmarcs.first?.existing, declaration: wanted.source)
            return
        }
        do {
            let (rdata, presentation) = try Self.txtRData(result)
            if let current = dmarcs.first, let existing = current.existing {
                replace(
                    existing, policies.lowered.isEmpty ? .merge : .replace, at: name, type: .txt, purpose: purpose,
                    rdata: rdata, written: presentation, before: quotedOneLine(current.strings), after: presentation,
                    note: note, declaration: wanted.source)
            } else {
                create(wanted, .txt, at: name, rdata: rdata, written: presentation, shown: presentation, note: note)
            }
            // Most records ask for no reports (`p=none`): then none needs an authorisation, and the domain is
            // not printed to find out.
            let written = Self.readDMARC(result) ?? DMARCRecord(tags: [])
            if !written.aggregateReportURIs.isEmpty || !written.failureReportURIs.isEmpty {
                for uri in DMARCReportAuthorisation.needed(
                    by: written, dmarcDomain: String(domain.description.dropLast()))
                {
                    warn(name, .txt, purpose, uri, declaration: wanted.source)
                }
            }
        } catch {
            conflict(name, .txt, purpose, DMARCConflict.notWritable(reason: "\(error)"), declaration: wanted.source)
        }
    }
}

extension SenderPlanner {
    /// Each DMARC merge `planDMARC` last worked out, by what it depends on (see `DMARCMergeInput`).
    static let dmarcMerges = ValueMemo<DMARCMergeInput, DMARCMergeOutcome>(limit: 256) { input in
        DMARCMerge.merge(wanted: input.wanted.text, existing: input.dmarcRecords.map(\.text))
    }
}

extension SenderPlanner {
    /// Each DMARC record `planDMARC` last read, by its text (nil when it is none): the record senders of one
    /// service want, and the organisational record every subdomain of a zone inherits from.
    static let dmarcRecords = ValueMemo<ExactText, DMARCRecord?>(limit: 256) { try? DMARCRecord($0.text) }
    /// Whether each DMARC record `planDMARC` last checked has no error (`DMARCRecord.errors`), by its text.
    static let dmarcValidity = ValueMemo<ExactText, Bool>(limit: 256) { text in
        readDMARC(text.text)?.errors.isEmpty ?? false
    }

    /// `text` read as a DMARC record (nil when it is none), as read before when it was.
    static func readDMARC(_ text: String) -> DMARCRecord? { dmarcRecords.value(for: ExactText(text)) }

    /// Whether `text` is a DMARC record without an error, as found before when it was.
    static func isValidDMARC(_ text: String) -> Bool { dmarcValidity.value(for: ExactText(text)) }
}

/// What a DMARC merge's outcome depends on, but for the owner a conflict names: the record wanted and the
/// DMARC records at the name (`DMARCMerge` looks at no other TXT).
struct DMARCMergeInput: Hashable, Sendable {
    var wanted: ExactText
    var dmarcRecords: [ExactText]
}
