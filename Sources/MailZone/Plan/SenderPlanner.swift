import MailAuth
import ZoneFile

/// Plans one sender against its zone: compares each wanted record with what the
/// zone has (and what earlier senders planned) and decides to create, merge,
/// replace, leave alone, or refuse with a conflict — following MAILAUTH.md.
///
/// A sender with any conflict changes nothing: its operations are dropped and
/// its items show the conflicts with the reason and a fix.
struct SenderPlanner {
    let sender: SenderRecords
    let origin: DomainName
    let zoneDisplayPath: String
    var state: ZoneState

    private(set) var items: [PlanItem] = []
    private(set) var operations: [RecordOperation] = []
    /// MX this sender plans to add, with the services that want them (see `planMX`).
    private var plannedMX: [(name: DomainName, value: MXValue, presets: [String])] = []
    /// The purpose and declaration line of the first record this sender creates at each name (for `warnAboutWildcards`).
    private var firstCreate: [DomainName: (purpose: String, declaration: YAMLLocation?)] = [:]
    /// Service MX left out under `mx: keep-existing`, by name: the one warning that lists them all
    /// (its index in `items`), so a sender gets one line, not one per MX.
    private var keptOutMX: [DomainName: (item: Int, values: [(value: MXValue, presets: [String])])] = [:]
    /// Names and services whose MX conflict is reported: one conflict per service, not one per MX.
    private var reportedMXConflicts: Set<String> = []

    init(sender: SenderRecords, origin: DomainName, zoneDisplayPath: String, state: ZoneState) {
        self.sender = sender
        self.origin = origin
        self.zoneDisplayPath = zoneDisplayPath
        self.state = state
    }

    /// The zone state, handed back when planning is done and replaced here by an empty one, so the state's
    /// arrays are held once and the next commit appends to them in place (a copy left in the planner made
    /// every commit copy every operation planned so far: quadratic in the senders of a zone).
    mutating func handOverState() -> ZoneState {
        let handed = state
        state = ZoneState(zone: state.zone)
        return handed
    }

    /// Plans everything the sender wants; returns its plan and the operations to commit (none on conflict).
    mutating func plan() -> (SenderPlan, [RecordOperation]) {
        var work: [(order: Int, index: Int, run: (inout SenderPlanner) -> Void)] = []
        for (index, spf) in sender.spf.enumerated() {
            work.append((RecordPurpose.spf.reviewOrder, index, { $0.planSPF(spf) }))
        }
        for (index, record) in sender.records.enumerated() {
            work.append((record.purpose.reviewOrder, sender.spf.count + index, { $0.planRecord(record) }))
        }
        for step in work.sorted(by: { ($0.order, $0.index) < ($1.order, $1.index) }) {
            step.run(&self)
        }
        if !items.contains(where: { $0.action == .conflict }) { warnAboutWildcards() }
        let plan = SenderPlan(
            domain: sender.sender.domain.value.absolute,
            services: sender.sender.presentServices.map(\.preset.value), items: items)
        return (plan, plan.hasConflicts ? [] : operations)
    }

    // MARK: Helpers

    private func relative(_ name: DomainName) -> String { name.relative(to: origin) }

    private func location(_ record: Record?) -> PlanLocation? {
        guard let source = record?.source else { return nil }
        return PlanLocation(file: source.path, line: source.location.line)
    }

    private func yaml(_ location: YAMLLocation?) -> PlanLocation? {
        location.map { PlanLocation(file: $0.file, line: $0.line, column: $0.column) }
    }

    private mutating func add(
        _ action: PlanItem.Action, _ name: DomainName, _ type: String, _ purpose: String,
        before: String? = nil, after: String? = nil, message: String? = nil, fix: String? = nil,
        note: String? = nil, zone: Record? = nil, declaration: YAMLLocation? = nil
    ) {
        if action == .create, firstCreate[name] == nil { firstCreate[name] = (purpose, declaration) }
        items.append(
            PlanItem(
                action: action, owner: relative(name), name: name.description, type: type, purpose: purpose,
                before: before, after: after, message: message, fix: fix, note: note,
                zoneLocation: location(zone), declarationLocation: yaml(declaration)))
    }

    private mutating func conflict(
        _ name: DomainName, _ type: String, _ purpose: String, _ message: String, fix: String?,
        before: String? = nil, zone: Record? = nil, declaration: YAMLLocation?
    ) {
        add(
            .conflict, name, type, purpose, before: before, message: message, fix: fix, zone: zone,
            declaration: declaration)
    }

    /// The TTL of a record this sender creates at `name`, and what the plan says about it. A record joining an
    /// RRset (in the zone, or one this plan creates) takes the RRset's TTL, as all records of an RRset must have
    /// one TTL (RFC 2181 §5.2): a declared `ttl:` that differs is noted, not used. A record starting an RRset gets
    /// the declared TTL, or nil: the zone's default where its line goes (chosen by `ZoneEditor`).
    private mutating func newRecordTTL(
        at name: DomainName, type: RRType, declared: Located<UInt32>?, note: String?
    ) -> (ttl: UInt32?, note: String?) {
        var joined: (ttl: UInt32?, shown: String)? = nil
        if let existing = state.records(at: name, type: type).first(where: { $0.existing != nil }) {
            joined = (existing.ttl, "TTL \(existing.ttl)")
        } else if let planned = state.firstPlannedCreate(at: name, type: type)
            ?? operations.first(where: {
                guard $0.owner == name, case .create(let plannedType, _, _, _) = $0.kind else { return false }
                return plannedType == type
            }), case .create(_, _, let ttl, _) = planned.kind
        {
            joined = (ttl, ttl.map { "TTL \($0)" } ?? "the zone's default TTL")
        }
        guard let joined else {
            let declaredNote = declared.map { "declared TTL \($0.value)" }
            return (declared?.value, [note, declaredNote].compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
        }
        guard let declared, declared.value != joined.ttl else { return (joined.ttl, note) }
        let kept =
            "keeps the \(joined.shown) of the \(relative(name)) \(type.mnemonic) RRset it joins, not the declared "
            + "ttl \(declared.value): an RRset has one TTL, RFC 2181 §5.2"
        return (joined.ttl, [note, kept].compactMap { $0 }.joined(separator: "; "))
    }

    /// A CNAME at a name that needs other data is a conflict (RFC 1034 §3.6.2).
    private mutating func cnameConflict(
        at name: DomainName, wanting type: String, purpose: String,
        declaration: YAMLLocation?
    ) -> Bool {
        guard let cname = state.records(at: name, type: .cname).first else { return false }
        conflict(
            name, type, purpose,
            "\(relative(name)) has a CNAME (to \(cname.rdata.presentation)), so \(type == "MX" ? "an" : "a") \(type) record cannot be added there",
            fix: "remove the CNAME at \(relative(name)), or send from a name without one",
            before: "CNAME \(cname.rdata.presentation)", zone: cname.existing, declaration: declaration)
        return true
    }

    /// A record at or below a delegation, or below a DNAME, would be loaded but never served
    /// (RFC 1034 §4.2.1, RFC 6672 §2.3): a conflict naming the cut and where it is written.
    private mutating func occludedConflict(
        at name: DomainName, wanting type: String, purpose: String,
        declaration: YAMLLocation?
    ) -> Bool {
        guard let cut = state.cut(hiding: name, origin: origin) else { return false }
        let owner = relative(cut.owner)
        let record = "\(cut.record.type) \(cut.record.rdata.presentation)"
        let written = cut.record.existing?.source.map { " at \($0.path):\($0.location.line)" } ?? ""
        let aRecord = "\(type == "MX" ? "an" : "a") \(type) record"
        switch cut.kind {
        case .delegation(let hasDS):
            let cutText = "\(record)\(written)\(hasDS ? ", with DS" : "")"
            let position =
                name == cut.owner
                ? "is delegated to another zone" : "is below the delegation of \(owner) to another zone"
            conflict(
                name, type, purpose,
                "\(relative(name)) \(position) (\(cutText)): \(aRecord) written in this zone would never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)",
                fix:
                    "declare the child zone's file (a zone with origin \(cut.owner)) so the record is written there, or remove the delegation",
                before: record, zone: cut.record.existing, declaration: declaration)
        case .dname(let target):
            let redirected = (try? target.prepending(name.relative(to: cut.owner)))?.description ?? target.description
            conflict(
                name, type, purpose,
                "\(relative(name)) is below the DNAME at \(owner) (\(record)\(written)): names below a DNAME are redirected to \(target), so \(aRecord) written here would never be served (RFC 6672 §2.3)",
                fix: "declare the zone of \(redirected) and write the record there, or remove the DNAME",
                before: record, zone: cut.record.existing, declaration: declaration)
        }
        return true
    }

    /// Warns once per wildcard-covered name this sender creates: the wildcard's records stop matching it.
    private mutating func warnAboutWildcards() {
        var warned = Set<DomainName>()
        for operation in operations {
            guard case .create(let type, _, _, _) = operation.kind, !warned.contains(operation.owner),
                let coverage = state.wildcardCovering(operation.owner, origin: origin)
            else { continue }
            let names = coverage.names.filter { warned.insert($0).inserted }
            guard !names.isEmpty else { continue }
            let shown = coverage.records.prefix(3).map { "\($0.type) \($0.rdata.presentation)" }
            let records =
                shown.joined(separator: ", ")
                + (coverage.records.count > 3 ? " and \(coverage.records.count - 3) more" : "")
            let relativeNames = names.map(relative)
            let list =
                relativeNames.count == 1
                ? relativeNames[0]
                : relativeNames.dropLast().joined(separator: ", ") + " and " + (relativeNames.last ?? "")
            let created = firstCreate[operation.owner]
            add(
                .warning, operation.owner, type.mnemonic, created?.purpose ?? "other",
                message:
                    "creating \(relative(operation.owner)) makes \(list) exist, so the wildcard \(coverage.wildcard) stops matching \(names.count == 1 ? "it" : "them"): its records (\(records)) will no longer be served for \(list) (RFC 4592 §2.2.1)",
                fix: "nothing to do if that is intended; otherwise also add the records \(list) should keep",
                zone: coverage.records.first?.existing,
                declaration: created?.declaration)
        }
    }

    /// A TXT record at `name` that misspells the version of the record wanted there (`v=spfv1`,
    /// `v=dmarc1`) is a conflict at its line, with the record corrected as the fix: adding the
    /// wanted record beside it would leave two where the owner meant one. True when there is one.
    private mutating func nearMissConflict(
        in txts: [StateRecord], at name: DomainName, purpose: String,
        declaration: YAMLLocation?,
        find: (String, String) -> NearMissRecord?
    ) -> Bool {
        for txt in txts {
            guard let nearMiss = find(txt.text, relative(name)) else { continue }
            conflict(
                name, "TXT", purpose, nearMiss.summary, fix: nearMiss.fix, before: quotedOneLine(txt.strings),
                zone: txt.existing, declaration: declaration)
            return true
        }
        return false
    }

    /// Builds TXT RDATA from a value, splitting it into ≤255-octet strings.
    private func txtRData(_ value: String) throws -> (RData, String) {
        let strings = try TXTPresentation.split(value)
        let presentation = try TXTPresentation.oneLine(strings)
        return (try RData(type: .txt, presentation: presentation), presentation)
    }

    /// A value quoted for a message; a long one (a 64 KB TXT) by its start and length, so the message stays readable.
    static func shown(_ value: String) -> String {
        value.count <= 80 ? "'\(value)'" : "'\(value.prefix(40))…' (\(value.count) characters)"
    }

    private func quotedOneLine(_ strings: [String]) -> String {
        (try? TXTPresentation.oneLine(strings)) ?? strings.map { "\"\($0)\"" }.joined(separator: " ")
    }

    // MARK: SPF

    mutating func planSPF(_ wanted: WantedSPF) {
        let name = wanted.owner.name.dnsName
        let where_ = wanted.includes.first?.source
        if occludedConflict(at: name, wanting: "TXT", purpose: "spf", declaration: where_) { return }
        if cnameConflict(at: name, wanting: "TXT", purpose: "spf", declaration: where_) { return }
        let txts = state.records(at: name, type: .txt)
        let spfs = txts.filter { SPFRecord.isSPF($0.text) }
        if spfs.isEmpty,
            nearMissConflict(in: txts, at: name, purpose: "spf", declaration: where_, find: NearMissRecord.spf)
        {
            return
        }
        let domains = wanted.includes.map(\.domain)
        let unconfirmed = wanted.includes.filter(\.unconfirmed).map(\.domain)
        let note =
            unconfirmed.isEmpty
            ? nil : "unconfirmed include: \(unconfirmed.joined(separator: ", ")) (check the service's documentation)"
        var existingTexts = txts.map(\.text)
        var folded: [StateRecord] = []
        if spfs.count > 1, wanted.fold {
            switch SPFFold.fold(spfs.map(\.text), name: relative(name)) {
            case .changed(let record, _):
                folded = spfs
                existingTexts = txts.filter { !SPFRecord.isSPF($0.text) }.map(\.text) + [record]
            case .conflict(let problem):
                conflict(
                    name, "TXT", "spf", problem.summary, fix: problem.fix,
                    before: spfs.map { quotedOneLine($0.strings) }.joined(separator: " | "),
                    zone: spfs.first?.existing, declaration: where_)
                return
            case .unchanged:
                break
            }
        }
        let outcome = SPFMerge.merge(
            includeDomains: domains, existing: existingTexts, name: relative(name),
            suggestedAll: wanted.all)
        switch outcome {
        case .unchanged:
            let current = spfs.first
            add(
                .unchanged, name, "TXT", "spf", after: current.map { quotedOneLine($0.strings) }, note: note,
                zone: current?.existing, declaration: where_)
        case .conflict(let problem):
            var fix = problem.fix
            if case .multipleRecords = problem {
                // The repair mailzone can make, said as the declaration says it.
                fix =
                    "set `spf: { fold: true }` for this sender to fold them into one (the strictest `all` is kept), "
                    + "or fold them by hand, then plan again"
            }
            conflict(
                name, "TXT", "spf", problem.summary, fix: fix,
                before: spfs.first.map { quotedOneLine($0.strings) }, zone: spfs.first?.existing, declaration: where_)
        case .changed(let record, _):
            do {
                let (rdata, presentation) = try txtRData(record)
                if folded.isEmpty, let current = spfs.first, let existing = current.existing {
                    add(
                        .merge, name, "TXT", "spf", before: quotedOneLine(current.strings), after: presentation,
                        note: note,
                        zone: existing, declaration: where_)
                    operations.append(
                        RecordOperation(
                            owner: name, kind: .replace(existing: existing, rdata: rdata, presentation: presentation),
                            marker: spfMarker(wanted, merging: [existing], before: [current.text])))
                } else if !folded.isEmpty, let keep = folded.first?.existing {
                    add(
                        .merge, name, "TXT", "spf",
                        before: folded.map { quotedOneLine($0.strings) }.joined(separator: " | "),
                        after: presentation,
                        note: "folds \(folded.count) SPF records into one (spf.fold)"
                            + Self.allChange(folded.map(\.text), folded: record) + (note.map { "; \($0)" } ?? ""),
                        zone: keep, declaration: where_)
                    operations.append(
                        RecordOperation(
                            owner: name, kind: .replace(existing: keep, rdata: rdata, presentation: presentation),
                            marker: spfMarker(
                                wanted, merging: folded.compactMap(\.existing), before: folded.map(\.text))))
                    for other in folded.dropFirst() {
                        if let existing = other.existing {
                            operations.append(RecordOperation(owner: name, kind: .remove(existing: existing)))
                        }
                    }
                } else {
                    let (ttl, note) = newRecordTTL(at: name, type: .txt, declared: wanted.ttl, note: note)
                    add(.create, name, "TXT", "spf", after: presentation, note: note, declaration: where_)
                    operations.append(
                        RecordOperation(
                            owner: name, kind: .create(type: .txt, rdata: rdata, ttl: ttl, presentation: presentation),
                            marker: spfMarker(wanted, merging: [], before: [])))
                }
                sizeWarning(at: name, adding: record, replacing: spfs.first, declaration: where_)
            } catch {
                conflict(
                    name, "TXT", "spf", "the merged SPF record cannot be written: \(error)", fix: nil,
                    declaration: where_)
            }
        }
    }

    /// The marker of the SPF record at `wanted`'s name once its includes are in: the terms the
    /// records had before (`before`) stay unmanaged unless a marker on `records` already managed
    /// them; the includes added are managed, each with the service that needs it. A record that
    /// was not there (`records` empty) is `spf=created`, else it keeps its marker's origin or is `merged`.
    private func spfMarker(_ wanted: WantedSPF, merging records: [Record], before: [String]) -> OwnershipMarker {
        let previous = records.lazy.compactMap { self.state.ownership.owner(of: $0)?.marker.spf }.first
        let present = Set(
            before.compactMap { SPFRecord($0) }.flatMap(\.terms).compactMap { $0.includeDomain?.lowercased() })
        // Managed terms no longer in the record (a removal planned just before) are no longer listed.
        var terms = (previous?.terms ?? []).filter { term in
            RemovalPlanner.includeDomain(term.term).map { present.contains($0) } ?? true
        }
        for include in wanted.includes {
            let term = "include:\(include.domain)"
            if let index = terms.firstIndex(where: { $0.term.lowercased() == term.lowercased() }) {
                if !terms[index].services.contains(include.preset) { terms[index].services.append(include.preset) }
            } else if !present.contains(include.domain.lowercased()) {
                terms.append(ManagedSPFTerm(term: term, services: [include.preset]))
            }
        }
        let origin: SPFOwnership.Origin = records.isEmpty ? .created : previous?.origin ?? .merged
        return OwnershipMarker(
            sender: .domain(sender.sender.domain.value), spf: SPFOwnership(origin: origin, terms: terms))
    }

    /// The marker of a record created for `wanted`: this sender, and the services that asked for it.
    private func marker(for wanted: WantedRecord) -> OwnershipMarker {
        var services: [String] = []
        for preset in wanted.presets where !services.contains(preset) { services.append(preset) }
        return OwnershipMarker(sender: .domain(sender.sender.domain.value), services: services)
    }

    /// `; ~all becomes -all`: what a fold does to the `all` of records that had a weaker one (the fold
    /// keeps the strictest), so the plan says that mail passing softly before may now fail.
    private static func allChange(_ records: [String], folded: String) -> String {
        func allTerm(_ text: String) -> String? {
            text.split(separator: " ").map { $0.lowercased() }.first {
                ["all", "+all", "-all", "~all", "?all"].contains($0)
            }
        }
        guard let kept = allTerm(folded) else { return "" }
        let changed = Set(records.compactMap(allTerm).filter { $0 != kept }).sorted()
        guard !changed.isEmpty else { return "" }
        return "; \(changed.joined(separator: " and ")) becomes \(kept), the strictest of the records'"
    }

    /// Warns when the TXT records at a name would pass the ~450-octet answer budget (RFC 7208 §3.4).
    private mutating func sizeWarning(
        at name: DomainName, adding value: String, replacing: StateRecord?, declaration: YAMLLocation?
    ) {
        // The name's TXT strings once the SPF record is written: the one it replaces left out.
        var strings = state.records(at: name, type: .txt)
            .filter { replacing == nil || $0.existing != replacing?.existing }.flatMap(\.strings)
        strings += (try? TXTPresentation.split(value)) ?? [value]
        if let warning = TXTPresentation.answerSizeWarning(ownerNameLength: name.wire.count, strings: strings) {
            add(.warning, name, "TXT", "spf", message: warning.summary, fix: warning.fix, declaration: declaration)
        }
    }

    // MARK: Records

    mutating func planRecord(_ wanted: WantedRecord) {
        let name = wanted.owner.name.dnsName
        guard let type = RRType(mnemonic: wanted.type) else {
            conflict(
                name, wanted.type, wanted.purpose.rawValue, "unknown record type \(wanted.type)", fix: nil,
                declaration: wanted.source)
            return
        }
        if occludedConflict(
            at: name, wanting: type.mnemonic, purpose: wanted.purpose.rawValue, declaration: wanted.source)
        {
            return
        }
        switch (wanted.purpose, type) {
        case (.mx, .mx): planMX(wanted, name)
        case (.dkim, .txt): planDKIM(wanted, name)
        case (.dmarc, .txt): planDMARC(wanted, name)
        case (_, .txt) where wanted.txtConflict != .none: planConflictingTXT(wanted, name)
        case (_, .cname): planCNAME(wanted, name)
        default: planPlain(wanted, name, type)
        }
    }

    private func unconfirmedNote(_ wanted: WantedRecord) -> String? {
        let parts = [wanted.unconfirmed ? "unconfirmed value (check the service's documentation)" : nil, wanted.note]
            .compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    private mutating func planMX(_ wanted: WantedRecord, _ name: DomainName) {
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
        let (ttl, note) = newRecordTTL(at: name, type: .mx, declared: wanted.ttl, note: unconfirmedNote(wanted))
        add(.create, name, "MX", purpose, after: rdata.presentation, note: note, declaration: wanted.source)
        operations.append(
            RecordOperation(
                owner: name, kind: .create(type: .mx, rdata: rdata, ttl: ttl, presentation: wanted.value),
                marker: marker(for: wanted)))
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
    private static func services(_ presets: [String]) -> String {
        var unique: [String] = []
        for preset in presets where !unique.contains(preset) { unique.append(preset) }
        return unique.count <= 1
            ? unique.first ?? "another service"
            : unique.dropLast().joined(separator: ", ") + " and " + (unique.last ?? "")
    }

    /// Leaves a service's MX out under `mx: keep-existing`, with one warning per name that says
    /// which MX stay (in the zone, or added for another service) and which are not added. The
    /// services the sender lists in `mx_not_added` are left out without a word: the choice is explicit.
    private mutating func keepOut(
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
    private static func quoted(_ values: [MXValue]) -> String {
        values.map { "\"\($0.text)\"" }.joined(separator: ", ")
    }

    private mutating func planDKIM(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: "TXT", purpose: purpose, declaration: wanted.source) { return }
        let wantedRecord: DKIMKeyRecord
        do {
            wantedRecord = try DKIMKeyRecord(wanted.value)
        } catch {
            conflict(
                name, "TXT", purpose, "the DKIM key for \(relative(name)) is not a valid key record: \(error.summary)",
                fix: error.fix ?? "copy the record value from the service's console again", declaration: wanted.source)
            return
        }
        var note = unconfirmedNote(wanted)
        var keyDescription: String? = nil
        if let key = try? wantedRecord.publicKey() {
            keyDescription = key.description
            if let weak = key.strengthProblem {
                add(
                    weak.severity == .error ? .conflict : .warning, name, "TXT", purpose, message: weak.summary,
                    fix: weak.fix,
                    declaration: wanted.source)
                if weak.severity == .error { return }
            }
        }
        note = [keyDescription, note].compactMap { $0 }.joined(separator: "; ").nilIfEmpty
        let txts = state.records(at: name, type: .txt)
        if !txts.contains(where: { (try? DKIMKeyRecord($0.text)) != nil }),
            nearMissConflict(
                in: txts, at: name, purpose: purpose, declaration: wanted.source, find: NearMissRecord.dkim)
        {
            return
        }
        let dkims = txts.filter { DKIMComparisonHelper.looksLikeDKIM($0.text) }
        let rdata: RData
        let presentation: String
        do {
            (rdata, presentation) = try txtRData(wanted.value)
        } catch {
            conflict(
                name, "TXT", purpose, "the DKIM value cannot be written as TXT: \(error)",
                fix: "remove control characters from the value",
                declaration: wanted.source)
            return
        }
        if let current = dkims.first ?? (txts.count == 1 ? txts.first : nil) {
            switch DKIMComparison.compare(wanted: wantedRecord, published: current.strings) {
            case .same:
                add(
                    .unchanged, name, "TXT", purpose, after: quotedOneLine(current.strings), note: note,
                    zone: current.existing,
                    declaration: wanted.source)
                return
            case .different, .publishedInvalid:
                if dkims.count > 1 {
                    conflict(
                        name, "TXT", purpose,
                        "\(relative(name)) has \(dkims.count) DKIM key records; a selector has one key",
                        fix: "remove all but one of them, then plan again", zone: current.existing,
                        declaration: wanted.source)
                    return
                }
                guard let existing = current.existing else { break }
                add(
                    .replace, name, "TXT", purpose, before: quotedOneLine(current.strings), after: presentation,
                    note: note.map { "stale key replaced; \($0)" } ?? "stale key replaced", zone: existing,
                    declaration: wanted.source)
                operations.append(
                    RecordOperation(
                        owner: name, kind: .replace(existing: existing, rdata: rdata, presentation: presentation)))
                return
            case .wantedInvalid(let problem):
                conflict(
                    name, "TXT", purpose, "the DKIM key for \(relative(name)) is not valid: \(problem.summary)",
                    fix: problem.fix,
                    declaration: wanted.source)
                return
            }
        }
        let (ttl, ttlNote) = newRecordTTL(at: name, type: .txt, declared: wanted.ttl, note: note)
        add(.create, name, "TXT", purpose, after: presentation, note: ttlNote, declaration: wanted.source)
        operations.append(
            RecordOperation(
                owner: name, kind: .create(type: .txt, rdata: rdata, ttl: ttl, presentation: presentation),
                marker: marker(for: wanted)))
    }

    private mutating func planDMARC(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: "TXT", purpose: purpose, declaration: wanted.source) { return }
        let txts = state.records(at: name, type: .txt)
        let dmarcs = txts.filter { DMARCRecord.isDMARC($0.text) }
        if dmarcs.isEmpty,
            nearMissConflict(
                in: txts, at: name, purpose: purpose, declaration: wanted.source,
                find: NearMissRecord.dmarc)
        {
            return
        }
        let outcome = DMARCMerge.merge(wanted: wanted.value, existing: txts.map(\.text), name: relative(name))
        var result: String
        switch outcome {
        case .unchanged:
            result = dmarcs.first?.text ?? wanted.value
        case .changed(let record, _):
            result = record
        case .conflict(let problem):
            conflict(
                name, "TXT", purpose, problem.summary, fix: problem.fix,
                before: dmarcs.map { quotedOneLine($0.strings) }.joined(separator: " | ").nilIfEmpty,
                zone: dmarcs.first?.existing, declaration: wanted.source)
            return
        }
        // The merge never weakens the zone's record; a weaker p/sp asked for is said, or, as a reviewed
        // downgrade (`dmarc: { allow_weaker: true }`), written.
        let policies = DMARCPolicyComparison(
            wanted: wanted.value, existing: dmarcs.count == 1 ? dmarcs.first?.text : nil,
            merged: result, declared: sender.sender.dmarc, presets: wanted.presets,
            downgrade: sender.sender.allowsDMARCDowngrade)
        result = policies.result
        let unchanged = { if case .unchanged = outcome { return policies.lowered.isEmpty } else { return false } }()
        // A subdomain's own record must not weaken what it inherits from the organisational domain (RFC 7489 §6.6.3).
        let domain = sender.sender.domain.value.dnsName
        if domain != origin, !sender.sender.allowsWeakerDMARC,
            let organisational = try? origin.prepending("_dmarc"),
            let orgRecord = state.records(at: organisational, type: .txt).first(where: { DMARCRecord.isDMARC($0.text) }
            ),
            let weakening = DMARCInheritance.weakening(
                record: result, recordName: relative(name),
                domain: String(domain.description.dropLast()),
                organisationalDomain: String(origin.description.dropLast()),
                organisationalRecord: orgRecord.text)
        {
            // Both ways out are written in the declaration (publishing no record at all is not one).
            let inherited = weakening.inheritedPolicy.rawValue
            conflict(
                name, "TXT", purpose, weakening.summary,
                fix: "set `dmarc: { p: \(inherited) }` for this sender to publish the policy it inherits, "
                    + "or `dmarc: { allow_weaker: true }` to publish p=\(weakening.policy.rawValue) anyway",
                before: quotedOneLine(orgRecord.strings), zone: orgRecord.existing ?? dmarcs.first?.existing,
                declaration: sender.sender.dmarc?.location ?? wanted.source)
            return
        }
        let note = (policies.remarks + [unconfirmedNote(wanted)].compactMap { $0 }).joined(separator: "; ").nilIfEmpty
        if unchanged {
            add(
                .unchanged, name, "TXT", purpose, after: dmarcs.first.map { quotedOneLine($0.strings) }, note: note,
                zone: dmarcs.first?.existing, declaration: wanted.source)
            return
        }
        do {
            let (rdata, presentation) = try txtRData(result)
            if let current = dmarcs.first, let existing = current.existing {
                add(
                    policies.lowered.isEmpty ? .merge : .replace, name, "TXT", purpose,
                    before: quotedOneLine(current.strings),
                    after: presentation, note: note, zone: existing, declaration: wanted.source)
                operations.append(
                    RecordOperation(
                        owner: name, kind: .replace(existing: existing, rdata: rdata, presentation: presentation)))
            } else {
                let (ttl, note) = newRecordTTL(at: name, type: .txt, declared: wanted.ttl, note: note)
                add(.create, name, "TXT", purpose, after: presentation, note: note, declaration: wanted.source)
                operations.append(
                    RecordOperation(
                        owner: name, kind: .create(type: .txt, rdata: rdata, ttl: ttl, presentation: presentation),
                        marker: marker(for: wanted)))
            }
            for uri in DMARCReportAuthorisation.needed(
                by: (try? DMARCRecord(result)) ?? DMARCRecord(tags: []),
                dmarcDomain: String(domain.description.dropLast()))
            {
                add(.warning, name, "TXT", purpose, message: uri.summary, fix: uri.fix, declaration: wanted.source)
            }
        } catch {
            conflict(
                name, "TXT", purpose, "the DMARC record cannot be written as TXT: \(error)", fix: nil,
                declaration: wanted.source)
        }
    }

    private mutating func planCNAME(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        guard let rdata = try? RData(type: .cname, presentation: wanted.value, origin: origin) else {
            conflict(
                name, "CNAME", purpose, "CNAME target '\(wanted.value)' is not a domain name", fix: nil,
                declaration: wanted.source)
            return
        }
        let all = state.records(at: name)
        if let current = all.first(where: { $0.type == .cname }) {
            if current.rdata == rdata {
                add(
                    .unchanged, name, "CNAME", purpose, after: current.rdata.presentation,
                    note: unconfirmedNote(wanted),
                    zone: current.existing, declaration: wanted.source)
            } else if let existing = current.existing {
                add(
                    .replace, name, "CNAME", purpose, before: current.rdata.presentation, after: rdata.presentation,
                    note: unconfirmedNote(wanted), zone: existing, declaration: wanted.source)
                operations.append(
                    RecordOperation(
                        owner: name, kind: .replace(existing: existing, rdata: rdata, presentation: wanted.value)))
            }
            return
        }
        if let other = all.first(where: { $0.type != .rrsig && $0.type != .nsec }) {
            conflict(
                name, "CNAME", purpose,
                "\(relative(name)) already has \(other.type) data, so a CNAME cannot be added there (RFC 1034 §3.6.2)",
                fix: "remove the other records at \(relative(name)), or ask the service for a TXT alternative",
                before: "\(other.type) \(other.rdata.presentation)", zone: other.existing, declaration: wanted.source)
            return
        }
        let (ttl, note) = newRecordTTL(at: name, type: .cname, declared: wanted.ttl, note: unconfirmedNote(wanted))
        add(.create, name, "CNAME", purpose, after: rdata.presentation, note: note, declaration: wanted.source)
        operations.append(
            RecordOperation(
                owner: name, kind: .create(type: .cname, rdata: rdata, ttl: ttl, presentation: wanted.value),
                marker: marker(for: wanted)))
    }

    /// A TXT record with a Domain Connect conflict rule: `Prefix` replaces the one record starting with
    /// the prefix (the service's older token), `All` must stand alone at its name. What the template
    /// would have a DNS provider delete is a conflict instead when it is more than one record: the
    /// plan never removes records it cannot show to be the service's.
    private mutating func planConflictingTXT(_ wanted: WantedRecord, _ name: DomainName) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: "TXT", purpose: purpose, declaration: wanted.source) { return }
        let rdata: RData
        let presentation: String
        do {
            (rdata, presentation) = try txtRData(wanted.value)
        } catch {
            conflict(
                name, "TXT", purpose, "the value \(Self.shown(wanted.value)) cannot be written as TXT: \(error)",
                fix: nil, declaration: wanted.source)
            return
        }
        let txts = state.records(at: name, type: .txt)
        let same = txts.first { $0.rdata == rdata }
        let rule: String
        let others: [StateRecord]
        switch wanted.txtConflict {
        case .none:
            planPlain(wanted, name, .txt)
            return
        case .all:
            rule = "txtConflictMatchingMode All"
            others = txts.filter { $0.rdata != rdata }
        case .prefix(let prefix):
            rule = "txtConflictMatchingMode Prefix '\(prefix)'"
            others = txts.filter { $0.rdata != rdata && $0.text.hasPrefix(prefix) }
        }
        if let same, others.isEmpty {
            add(
                .unchanged, name, "TXT", purpose, after: quotedOneLine(same.strings), note: unconfirmedNote(wanted),
                zone: same.existing, declaration: wanted.source)
            return
        }
        if others.count == 1, same == nil, case .prefix = wanted.txtConflict, let existing = others[0].existing {
            add(
                .replace, name, "TXT", purpose, before: quotedOneLine(others[0].strings), after: presentation,
                note: "replaces the service's older record; \(rule)", zone: existing,
                declaration: wanted.source)
            operations.append(
                RecordOperation(
                    owner: name, kind: .replace(existing: existing, rdata: rdata, presentation: presentation)))
            return
        }
        if !others.isEmpty {
            let shownOthers = others.map { quotedOneLine($0.strings) }.joined(separator: " | ")
            let message: String
            let fix: String
            if case .prefix(let prefix) = wanted.txtConflict {
                message =
                    "\(relative(name)) has \(others.count) TXT records starting with '\(prefix)', the service's older "
                    + "records (txtConflictMatchingMode Prefix): mailzone replaces one, not several"
                fix = "remove the older records from the zone, keeping at most one, then plan again"
            } else {
                let these = others.count == 1 ? "a TXT record" : "\(others.count) TXT records"
                message =
                    "\(relative(name)) has \(these) of its own, and the template's TXT record must stand alone there "
                    + "(txtConflictMatchingMode All)"
                fix =
                    "remove \(others.count == 1 ? "it" : "them") from the zone if the service's record may take "
                    + "\(others.count == 1 ? "its" : "their") place, then plan again"
            }
            conflict(
                name, "TXT", purpose, message, fix: fix, before: shownOthers, zone: others.first?.existing,
                declaration: wanted.source)
            return
        }
        let (ttl, note) = newRecordTTL(at: name, type: .txt, declared: wanted.ttl, note: unconfirmedNote(wanted))
        add(.create, name, "TXT", purpose, after: presentation, note: note, declaration: wanted.source)
        operations.append(
            RecordOperation(
                owner: name, kind: .create(type: .txt, rdata: rdata, ttl: ttl, presentation: presentation),
                marker: marker(for: wanted)))
    }

    /// Verification tokens and other records needed verbatim: present or created, never merged.
    private mutating func planPlain(_ wanted: WantedRecord, _ name: DomainName, _ type: RRType) {
        let purpose = wanted.purpose.rawValue
        if cnameConflict(at: name, wanting: type.mnemonic, purpose: purpose, declaration: wanted.source) { return }
        let rdata: RData
        let presentation: String
        do {
            if type == .txt {
                (rdata, presentation) = try txtRData(wanted.value)
            } else {
                rdata = try RData(type: type, presentation: wanted.value, origin: origin)
                presentation = wanted.value
            }
        } catch {
            conflict(
                name, type.mnemonic, purpose,
                "the value \(Self.shown(wanted.value)) is not valid \(type) RDATA: \(error)",
                fix: nil, declaration: wanted.source)
            return
        }
        if let same = state.records(at: name, type: type).first(where: { $0.rdata == rdata }) {
            add(
                .unchanged, name, type.mnemonic, purpose, after: same.rdata.presentation, note: unconfirmedNote(wanted),
                zone: same.existing, declaration: wanted.source)
            return
        }
        let (ttl, note) = newRecordTTL(at: name, type: type, declared: wanted.ttl, note: unconfirmedNote(wanted))
        add(.create, name, type.mnemonic, purpose, after: rdata.presentation, note: note, declaration: wanted.source)
        operations.append(
            RecordOperation(
                owner: name, kind: .create(type: type, rdata: rdata, ttl: ttl, presentation: presentation),
                marker: marker(for: wanted)))
    }
}

/// Tells DKIM key records from other TXT at a selector name.
enum DKIMComparisonHelper {
    static func looksLikeDKIM(_ text: String) -> Bool {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        return trimmed.hasPrefix("v=DKIM1") || trimmed.contains("p=")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
