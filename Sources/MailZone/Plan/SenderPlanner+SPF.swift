import MailAuth
import ZoneFile

/// SPF (RFC 7208): the sender's includes merged into the name's one SPF record, or folded into one.
extension SenderPlanner {
    // MARK: SPF

    mutating func planSPF(_ wanted: WantedSPF) {
        let name = wantedName(wanted.owner)
        let where_ = wanted.includes.first?.source
        if occludedConflict(at: name, wanting: .txt, purpose: "spf", declaration: where_) { return }
        if cnameConflict(at: name, wanting: .txt, purpose: "spf", declaration: where_) { return }
        let txts = state.records(at: name, type: .txt)
        let spfs = txts.filter { SPFRecord.isSPF($0.text) }
        if spfs.isEmpty,
            nearMissConflict(in: txts, at: name, purpose: "spf", declaration: where_, find: NearMissRecord.spf)
        {
            return
        }
        let unconfirmed = wanted.includes.filter(\.unconfirmed).map(\.domain)
        let note = unconfirmed.isEmpty ? nil : PlanNote.unconfirmedIncludes(unconfirmed).description
        // The name's TXT texts once its SPF records are folded into one; nil when they are not (then the SPF
        // texts are those of `spfs`, and the name's texts are made only for a conflict's words).
        var foldedTexts: [String]? = nil
        var folded: [StateRecord] = []
        if spfs.count > 1, wanted.fold {
            switch SPFFold.fold(spfs.map(\.text), name: relative(name)) {
            case .changed(let record, _):
                folded = spfs
                foldedTexts = txts.filter { !SPFRecord.isSPF($0.text) }.map(\.text) + [record]
            case .conflict(let problem):
                conflict(
                    name, .txt, "spf", problem,
                    before: spfs.map { quotedOneLine($0.strings) }.joined(separator: " | "),
                    zone: spfs.first?.existing, declaration: where_)
                return
            case .unchanged:
                break
            }
        }
        // Senders of one service merge the same includes into the same records (often none): merged once per
        // run. Only a conflict's words name the record's owner, so a conflict is worked out again with it.
        var outcome = Self.spfMerges.value(
            for: SPFMergeInput(
                includes: wanted.includes,
                spfRecords: foldedTexts.map { $0.filter(SPFRecord.isSPF).map(ExactText.init) }
                    ?? spfs.map { ExactText($0.text) },
                all: ExactText(wanted.all)))
        if case .conflict = outcome {
            outcome = SPFMerge.merge(
                includeDomains: wanted.includes.map(\.domain), existing: foldedTexts ?? txts.map(\.text),
                name: relative(name),
                suggestedAll: wanted.all)
        }
        switch outcome {
        case .unchanged:
            let current = spfs.first
            add(
                .unchanged, name, .txt, "spf", after: current.map { quotedOneLine($0.strings) }, note: note,
                zone: current?.existing, declaration: where_)
        case .conflict(var problem):
            if case .multipleRecords(let name, let records) = problem {
                problem = .multipleRecordsToFold(name: name, records: records)
            }
            conflict(
                name, .txt, "spf", problem,
                before: spfs.first.map { quotedOneLine($0.strings) }, zone: spfs.first?.existing, declaration: where_)
        case .changed(let record, _):
            do {
                let (rdata, presentation) = try Self.txtRData(record)
                if folded.isEmpty, let current = spfs.first, let existing = current.existing {
                    replace(
                        existing, .merge, at: name, type: .txt, purpose: "spf", rdata: rdata, written: presentation,
                        before: quotedOneLine(current.strings), after: presentation, note: note,
                        marker: spfMarker(wanted, merging: [existing], before: [current.text]), declaration: where_)
                } else if !folded.isEmpty, let keep = folded.first?.existing {
                    replace(
                        keep, .merge, at: name, type: .txt, purpose: "spf", rdata: rdata, written: presentation,
                        before: folded.map { quotedOneLine($0.strings) }.joined(separator: " | "),
                        after: presentation,
                        note: PlanNote.joined(Self.fold(folded.map(\.text), into: record).description, note),
                        marker: spfMarker(wanted, merging: folded.compactMap(\.existing), before: folded.map(\.text)),
                        declaration: where_)
                    for other in folded.dropFirst() {
                        if let existing = other.existing {
                            operations.append(RecordOperation(owner: name, kind: .remove(existing: existing)))
                        }
                    }
                } else {
                    create(
                        .txt, at: name, rdata: rdata, written: presentation, shown: presentation, purpose: "spf",
                        declaredTTL: wanted.ttl, note: note, marker: spfMarker(wanted, merging: [], before: []),
                        declaration: where_)
                }
                sizeWarning(at: name, txts: txts, adding: rdata, replacing: spfs.first, declaration: where_)
            } catch {
                conflict(name, .txt, "spf", SPFConflict.notWritable(reason: "\(error)"), declaration: where_)
            }
        }
    }

    /// The marker of the SPF record at `wanted`'s name once its includes are in: the terms the
    /// records had before (`before`) stay unmanaged unless a marker on `records` already managed
    /// them; the includes added are managed, each with the service that needs it. A record that
    /// was not there (`records` empty) is `spf=created`, else it keeps its marker's origin or is `merged`.
    func spfMarker(_ wanted: WantedSPF, merging records: [Record], before: [String]) -> OwnershipMarker {
        let previous = records.lazy.compactMap { self.state.ownership.owner(of: $0)?.marker.spf }.first
        let present = Set(before.flatMap(SPFRecord.includeDomains(in:)).map { $0.lowercased() })
        let origin: SPFOwnership.Origin = records.isEmpty ? .created : previous?.origin ?? .merged
        let terms =
            (previous == nil ? Self.managedTerms(ofOnly: wanted.includes, present: present) : nil)
            ?? Self.managedTerms(previous: previous?.terms ?? [], present: present, adding: wanted.includes)
        return OwnershipMarker(
            sender: .domain(sender.sender.domain.value), spf: SPFOwnership(origin: origin, terms: terms))
    }

    /// The managed terms of an SPF record once `includes` are in it: those of its marker before (`previous`) that
    /// are still in the record (`present`: the include domains it had, lower-cased) keep their place, unless a
    /// removal planned just before took them out; each include gets its services; an include the record had
    /// without a managed term stays unmanaged.
    static func managedTerms(
        previous: [ManagedSPFTerm], present: Set<String>, adding includes: [SPFInclude]
    ) -> [ManagedSPFTerm] {
        var terms = previous.filter { term in
            RemovalPlanner.includeDomain(term.term).map { present.contains($0) } ?? true
        }
        for include in includes {
            let term = "include:\(include.domain)"
            if let index = terms.firstIndex(where: { $0.term.lowercased() == term.lowercased() }) {
                if !terms[index].services.contains(include.preset) { terms[index].services.append(include.preset) }
            } else if !present.contains(include.domain.lowercased()) {
                terms.append(ManagedSPFTerm(term: term, services: [include.preset]))
            }
        }
        return terms
    }

    /// `managedTerms(previous: [], present:adding:)` of a record that gets one include (nearly every sender's SPF
    /// record): its one term made once per run for the include and its service, not a term, a list of services
    /// and a list of terms made for every sender. Nil for more includes than one.
    static func managedTerms(ofOnly includes: [SPFInclude], present: Set<String>) -> [ManagedSPFTerm]? {
        guard includes.count == 1, let include = includes.first else { return nil }
        if !present.isEmpty, present.contains(include.domain.lowercased()) { return [] }
        return includeTerms.value(for: SPFIncludeTerm(domain: include.domain, service: include.preset))
    }

    /// The managed term of one include added for one service (`managedTerms(ofOnly:present:)`), by the include's
    /// and the service's exact text.
    static let includeTerms = ValueMemo<SPFIncludeTerm, [ManagedSPFTerm]>(limit: 256) { include in
        [ManagedSPFTerm(term: "include:\(include.domain.text)", services: [include.service.text])]
    }

    /// The note on `records` folded into `folded`, with what the fold does to the `all` of records that
    /// had a weaker one (`~all becomes -all`: it keeps the strictest), so the plan says that mail passing
    /// softly before may now fail.
    static func fold(_ records: [String], into folded: String) -> PlanNote {
        func allTerm(_ text: String) -> String? {
            text.split(separator: " ").map { $0.lowercased() }.first {
                ["all", "+all", "-all", "~all", "?all"].contains($0)
            }
        }
        guard let kept = allTerm(folded) else { return .foldsSPF(records: records.count, weakerAll: [], keptAll: "") }
        let changed = Set(records.compactMap(allTerm).filter { $0 != kept }).sorted()
        return .foldsSPF(records: records.count, weakerAll: changed, keptAll: kept)
    }

    /// Warns when the TXT records at a name (`txts`, as `planSPF` read them: the state does not change while a
    /// sender is planned, so they are not gathered again) would pass the ~450-octet answer budget (RFC 7208
    /// §3.4) once the SPF record `added` (its RDATA as written) is there.
    mutating func sizeWarning(
        at name: DomainName, txts: [StateRecord], adding added: RData, replacing: StateRecord?,
        declaration: YAMLLocation?
    ) {
        // The name and its TXT strings once the SPF record is written (the one it replaces left out), counted
        // without a string made for the records already there, nor the new record's value split again: its RDATA
        // holds the strings the value was split into.
        var octets = name.wire.count
        for record in txts where replacing == nil || record.existing != replacing?.existing {
            octets += Self.answerOctets(of: record.rdata)
        }
        octets += Self.answerOctets(of: added)
        if let warning = TXTPresentation.answerSizeWarning(ownerNameLength: octets, strings: []) {
            warn(name, .txt, "spf", warning, declaration: declaration)
        }
    }

    /// The octets a TXT record's strings take in `TXTPresentation.answerOctets`: a length octet and the
    /// string as decoded text (invalid UTF-8 replaced) each. RDATA of ASCII octets alone (nearly every
    /// record) is its length: each string is decoded to as many octets, after its length octet.
    static func answerOctets(of rdata: RData) -> Int {
        if rdata.wire.allSatisfy({ $0 < 0x80 }) { return rdata.wire.count }
        return rdata.characterStrings.reduce(0) { $0 + 1 + String(decoding: $1, as: UTF8.self).utf8.count }
    }
}

extension SenderPlanner {
    /// Each SPF merge `planSPF` last worked out, by what it depends on (see `SPFMergeInput`).
    static let spfMerges = ValueMemo<SPFMergeInput, SPFMergeOutcome>(limit: 256) { input in
        SPFMerge.merge(
            includeDomains: input.includes.map(\.domain), existing: input.spfRecords.map(\.text),
            suggestedAll: input.all.text)
    }
}

/// An SPF include and the service that needs it, as one managed term of a marker lists them.
struct SPFIncludeTerm: Hashable, Sendable {
    var domain: ExactText
    var service: ExactText

    init(domain: String, service: String) {
        self.domain = ExactText(domain)
        self.service = ExactText(service)
    }
}

/// What an SPF merge's outcome depends on, but for the owner a conflict names: the includes wanted, the
/// SPF records at the name (`SPFMerge` looks at no other TXT), and the `all` of a record it creates.
struct SPFMergeInput: Hashable, Sendable {
    /// The includes wanted, told apart by their domains' exact text alone (the merge reads nothing else of
    /// them): the sender's own list, not a list of the domains made for every sender.
    var includes: [SPFInclude]
    var spfRecords: [ExactText]
    var all: ExactText

    static func == (lhs: SPFMergeInput, rhs: SPFMergeInput) -> Bool {
        lhs.all == rhs.all && lhs.spfRecords == rhs.spfRecords && lhs.includes.count == rhs.includes.count
            && zip(lhs.includes, rhs.includes).allSatisfy { ExactText($0.domain) == ExactText($1.domain) }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(includes.count)
        for include in includes { hasher.combine(ExactText(include.domain)) }
        hasher.combine(spfRecords)
        hasher.combine(all)
    }
}
