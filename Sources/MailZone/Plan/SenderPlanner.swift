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

    var items: [PlanItem] = []
    var operations: [RecordOperation] = []
    /// MX this sender plans to add, with the services that want them (see `planMX`).
    var plannedMX: [(name: DomainName, value: MXValue, presets: [String])] = []
    /// The purpose and declaration line of the first record this sender creates at each name (for `warnAboutWildcards`),
    /// kept only when a wildcard may be stopped (most zones have none: then no table is made for each sender).
    var firstCreate: [DomainName: (purpose: String, declaration: YAMLLocation?)] = [:]
    /// Service MX left out under `mx: keep-existing`, by name: the one warning that lists them all
    /// (its index in `items`), so a sender gets one line, not one per MX.
    var keptOutMX: [DomainName: (item: Int, values: [KeptOutMXWarning.KeptOutMX])] = [:]
    /// Names and services whose MX conflict is reported: one conflict per service, not one per MX.
    var reportedMXConflicts: Set<String> = []
    /// The name of the wanted record being planned and its owner as the declaration made it relative to the
    /// zone (`relative(_:)` gives it without printing the name again); nil when the declaration's zone is
    /// not the one planned here.
    var wantedOwner: (name: DomainName, relative: String)? = nil
    /// Whether the sender's declared zone has the origin planned here, so its owners' relative forms are this
    /// zone's.
    let declaredZoneIsPlanned: Bool
    /// The sender's domain as a DNS name, made once: the plan names it, and the DMARC rules compare it.
    let domainName: DomainName

    /// `declaredZoneIsPlanned` is worked out by the caller, once for the senders of a zone (see `isPlanned`).
    init(
        sender: SenderRecords, origin: DomainName, zoneDisplayPath: String, state: ZoneState,
        declaredZoneIsPlanned: Bool
    ) {
        self.sender = sender
        self.origin = origin
        self.zoneDisplayPath = zoneDisplayPath
        self.state = state
        self.declaredZoneIsPlanned = declaredZoneIsPlanned
        domainName = sender.sender.domain.value.dnsName
    }

    /// Whether `zone`, a sender's declared zone, has `origin`: its owners' relative forms are then this zone's.
    /// `last` is the origin last asked about and the answer: a zone's senders nearly all declare one zone, whose
    /// origin is then not made a DNS name again for each.
    static func isPlanned(
        _ zone: ZoneDeclaration?, origin: DomainName, last: inout (declared: DeclaredName, planned: Bool)?
    ) -> Bool {
        guard let declared = zone?.origin.value else { return false }
        if let last, last.declared == declared { return last.planned }
        let planned = declared.dnsName == origin
        last = (declared, planned)
        return planned
    }

    /// The zone state, handed back when planning is done and replaced here by an empty one, so the state's
    /// arrays are held once and the next commit appends to them in place (a copy left in the planner made
    /// every commit copy every operation planned so far: quadratic in the senders of a zone). Swapped out, not
    /// copied: a copy retained each of the state's tables, and the planner's end released them again.
    mutating func handOverState() -> ZoneState {
        var handed = ZoneState(zone: state.zone)
        swap(&handed, &state)
        return handed
    }

    /// Plans everything the sender wants; returns its plan and the operations to commit (none on conflict).
    mutating func plan() -> (SenderPlan, [RecordOperation]) {
        // The sender's SPF records, then its other records, each by its position (`index`: SPF records first,
        // then the others), planned in review order: positions, not closures holding a copy of each record.
        // The steps are a sender's few records: sorted in room taken for the call (not an array made per sender).
        let spfCount = sender.spf.count
        let count = spfCount + sender.records.count
        withUnsafeTemporaryAllocation(of: (order: Int, index: Int).self, capacity: count) { room in
            var work = room
            for index in sender.spf.indices { work[index] = (RecordPurpose.spf.reviewOrder, index) }
            for (index, record) in sender.records.enumerated() {
                work[spfCount + index] = (record.purpose.reviewOrder, spfCount + index)
            }
            work.sort { ($0.order, $0.index) < ($1.order, $1.index) }
            // A line and an operation for each record, nearly always: room made once, not grown a record at a time.
            items.reserveCapacity(count)
            operations.reserveCapacity(count)
            for step in work {
                if step.index < spfCount {
                    planSPF(sender.spf[step.index])
                } else {
                    planRecord(sender.records[step.index - spfCount])
                }
            }
        }
        if !items.contains(where: { $0.action == .conflict }) { warnAboutWildcards() }
        // `presentServices`' names, without its filtered copy of the services.
        var services: [String] = []
        if !sender.sender.isAbsent {
            services.reserveCapacity(sender.sender.services.count)
            for service in sender.sender.services where !service.isAbsent { services.append(service.preset.value) }
        }
        let plan = SenderPlan(domain: domainName, services: services, items: items)
        return (plan, plan.hasConflicts ? [] : operations)
    }

    // MARK: Helpers

    func relative(_ name: DomainName) -> String {
        if let wantedOwner, wantedOwner.name == name { return wantedOwner.relative }
        return name.relative(to: origin)
    }

    /// The DNS name of a wanted record's owner, remembered with its relative form for `relative(_:)`.
    mutating func wantedName(_ owner: RecordOwner) -> DomainName {
        // A record at the sender's own name (its MX, its SPF record) is at `domainName`, made once.
        let name = owner.name == sender.sender.domain.value ? domainName : owner.name.dnsName
        wantedOwner = declaredZoneIsPlanned ? owner.relative.map { (name: name, relative: $0) } : nil
        return name
    }

    func location(_ record: Record?) -> PlanLocation? {
        guard let source = record?.source else { return nil }
        return PlanLocation(file: source.path, line: source.location.line)
    }

    func yaml(_ location: YAMLLocation?) -> PlanLocation? {
        location.map { PlanLocation(file: $0.file, line: $0.line, column: $0.column) }
    }

    mutating func add(
        _ action: PlanItem.Action, _ name: DomainName, _ type: RRType, _ purpose: String,
        before: String? = nil, after: String? = nil, message: String? = nil, fix: String? = nil,
        note: String? = nil, zone: Record? = nil, declaration: YAMLLocation? = nil
    ) {
        if action == .create, state.mayHaveWildcards(), firstCreate[name] == nil {
            firstCreate[name] = (purpose, declaration)
        }
        items.append(
            PlanItem(
                action: action, owner: relative(name), name: name, type: type, purpose: purpose,
                before: before, after: after, message: message, fix: fix, note: note,
                zoneLocation: location(zone), declarationLocation: yaml(declaration)))
    }

    /// A conflict: `problem` says what stops the record and what to do (its words live with the
    /// rule, in MailAuth); `before` is the record in the way, `zone` where it is written.
    mutating func conflict(
        _ name: DomainName, _ type: RRType, _ purpose: String, _ problem: some MailAuthDiagnostic,
        before: String? = nil, zone: Record? = nil, declaration: YAMLLocation?
    ) {
        add(
            .conflict, name, type, purpose, before: before, message: problem.summary, fix: problem.fix, zone: zone,
            declaration: declaration)
    }

    /// A warning: the plan goes on, and `problem` says what may go wrong and what to do.
    mutating func warn(
        _ name: DomainName, _ type: RRType, _ purpose: String, _ problem: some MailAuthDiagnostic,
        zone: Record? = nil, declaration: YAMLLocation?
    ) {
        add(
            .warning, name, type, purpose, message: problem.summary, fix: problem.fix, zone: zone,
            declaration: declaration)
    }

    /// A conflict or a warning, as `problem`'s severity says.
    mutating func report(
        _ name: DomainName, _ type: RRType, _ purpose: String, _ problem: some MailAuthDiagnostic,
        declaration: YAMLLocation?
    ) {
        if problem.severity == .error {
            conflict(name, type, purpose, problem, declaration: declaration)
        } else {
            warn(name, type, purpose, problem, declaration: declaration)
        }
    }

    /// The TTL of a record this sender creates at `name`, and what the plan says about it. A record joining an
    /// RRset (in the zone, or one this plan creates) takes the RRset's TTL, as all records of an RRset must have
    /// one TTL (RFC 2181 §5.2): a declared `ttl:` that differs is noted, not used. A record starting an RRset gets
    /// the declared TTL, or nil: the zone's default where its line goes (chosen by `ZoneEditor`).
    mutating func newRecordTTL(
        at name: DomainName, type: RRType, declared: Located<UInt32>?, note: String?
    ) -> (ttl: UInt32?, note: String?) {
        // The zone's RRset or an earlier sender's create, else one this sender plans (not committed yet).
        var joined = state.rrsetTTL(at: name, type: type)
        if joined == nil,
            let planned = operations.first(where: {
                guard $0.owner == name, case .create(let plannedType, _, _, _) = $0.kind else { return false }
                return plannedType == type
            }), case .create(_, _, let ttl, _) = planned.kind
        {
            joined = .some(ttl)
        }
        guard let joined else {
            return (
                declared?.value, PlanNote.joined(note, declared.map { PlanNote.declaredTTL($0.value).description })
            )
        }
        guard let declared, declared.value != joined else { return (joined, note) }
        let kept = PlanNote.keepsRRsetTTL(ttl: joined, owner: relative(name), type: type, declared: declared.value)
        return (joined, PlanNote.joined(note, kept.description))
    }

    /// Plans a record this sender creates at `name`: the TTL it takes (`newRecordTTL`), the `+` line the plan
    /// shows (`shown`, with `note`), and the operation that writes `written` with `marker`, so a later
    /// removal can prove the record is this sender's.
    mutating func create(
        _ type: RRType, at name: DomainName, rdata: RData, written: String, shown: String, purpose: String,
        declaredTTL: Located<UInt32>?, note: String?, marker: OwnershipMarker, declaration: YAMLLocation?
    ) {
        let (ttl, note) = newRecordTTL(at: name, type: type, declared: declaredTTL, note: note)
        add(.create, name, type, purpose, after: shown, note: note, declaration: declaration)
        operations.append(
            RecordOperation(
                owner: name, kind: .create(type: type, rdata: rdata, ttl: ttl, presentation: written),
                marker: marker))
    }

    /// `create` for a record a service wants: its purpose, declared TTL and declaration line, marked
    /// with the services that asked for it.
    mutating func create(
        _ wanted: WantedRecord, _ type: RRType, at name: DomainName, rdata: RData, written: String, shown: String,
        note: String?
    ) {
        create(
            type, at: name, rdata: rdata, written: written, shown: shown, purpose: wanted.purpose.rawValue,
            declaredTTL: wanted.ttl, note: note, marker: marker(for: wanted), declaration: wanted.source)
    }

    /// Plans `existing` rewritten in place as `rdata` (`written` in the file): the `action` line
    /// (merge or replace) showing `before` and `after`, and the operation. `marker` is set when the
    /// record's marker changes with it (an SPF merge records the includes it adds).
    mutating func replace(
        _ existing: Record, _ action: PlanItem.Action, at name: DomainName, type: RRType, purpose: String,
        rdata: RData, written: String, before: String, after: String, note: String?,
        marker: OwnershipMarker? = nil, declaration: YAMLLocation?
    ) {
        add(
            action, name, type, purpose, before: before, after: after, note: note, zone: existing,
            declaration: declaration)
        operations.append(
            RecordOperation(
                owner: name, kind: .replace(existing: existing, rdata: rdata, presentation: written), marker: marker))
    }

    /// Builds TXT RDATA from a value, splitting it into ≤255-octet strings: once per value for the run
    /// (`txtEncodings`), as senders of one service want the same DKIM, DMARC and SPF values.
    static func txtRData(_ value: String) throws -> (RData, String) {
        try txtEncodings.value(for: ExactText(value)).get()
    }

    /// The TXT RDATA and presentation of each value `txtRData(_:)` was last asked for (or why it has none).
    static let txtEncodings = ValueMemo<ExactText, Result<(RData, String), any Error>>(limit: 256) { value in
        Result { try encodeTXT(value.text) }
    }

    /// `txtRData(_:)` worked out.
    static func encodeTXT(_ value: String) throws -> (RData, String) {
        let strings = try TXTPresentation.split(value)
        let presentation = try TXTPresentation.oneLine(strings)
        // The RDATA is made from the strings, which the presentation reads back to: not parsed again.
        guard let rdata = TXTPresentation.rdata(strings) else {
            return (try RData(type: .txt, presentation: presentation), presentation)
        }
        return (rdata, presentation)
    }

    /// The TXT RDATA of `wanted`'s value and its presentation; nil when the value cannot be a TXT
    /// record, after a conflict saying why (`problem` words it for the record's rule). `encoded` is the value's
    /// `txtRData(_:)` when the caller has it already (a DKIM key read with it).
    mutating func wantedTXT<Problem: MailAuthDiagnostic>(
        _ wanted: WantedRecord, at name: DomainName, encoded: Result<(RData, String), any Error>? = nil,
        problem: (String) -> Problem
    ) -> (rdata: RData, presentation: String)? {
        do {
            if let encoded { return try encoded.get() }
            return try Self.txtRData(wanted.value)
        } catch {
            conflict(name, .txt, wanted.purpose.rawValue, problem("\(error)"), declaration: wanted.source)
            return nil
        }
    }

    func quotedOneLine(_ strings: [String]) -> String {
        (try? TXTPresentation.oneLine(strings)) ?? strings.map { "\"\($0)\"" }.joined(separator: " ")
    }

    /// The marker of a record created for `wanted`: this sender, and the services that asked for it.
    func marker(for wanted: WantedRecord) -> OwnershipMarker {
        OwnershipMarker(sender: .domain(sender.sender.domain.value), services: Self.distinct(wanted.presets))
    }

    /// `names` without repeats, in order. A record's services are nearly always distinct (one service asks
    /// for most records): then the list is `names` itself, not a copy made for every record created.
    static func distinct(_ names: [String]) -> [String] {
        let repeats = names.indices.contains { index in names[..<index].contains(names[index]) }
        guard repeats else { return names }
        var services: [String] = []
        for name in names where !services.contains(name) { services.append(name) }
        return services
    }

    // MARK: Records

    mutating func planRecord(_ wanted: WantedRecord) {
        let name = wantedName(wanted.owner)
        guard let type = RRType(mnemonic: wanted.type) else {
            // Not reached: presets and templates are read with known types only. TYPE0 is no type (RFC 6895 §3.1).
            conflict(
                name, RRType(rawValue: 0), wanted.purpose.rawValue, ServiceRecordProblem.unknownType(wanted.type),
                declaration: wanted.source)
            return
        }
        if occludedConflict(
            at: name, wanting: type, purpose: wanted.purpose.rawValue, declaration: wanted.source)
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

    /// The remarks on a wanted record's line: unconfirmed, and the service's own note.
    func unconfirmedNote(_ wanted: WantedRecord) -> String? {
        PlanNote.joined(wanted.unconfirmed ? PlanNote.unconfirmedValue.description : nil, wanted.note)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
