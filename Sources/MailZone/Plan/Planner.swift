import Crypto
import Foundation
import ZoneFile

/// Settings of a planning run.
public struct PlannerOptions: Sendable {
    /// "Now" for date and unix-time serials; the command line takes it from `SOURCE_DATE_EPOCH` when set,
    /// so plans are reproducible.
    public var now: Date
    /// Forces a serial scheme instead of the one each zone already uses.
    public var serialScheme: SerialScheme?
    /// Lets zone files and their `$INCLUDE`s be read outside the declaration's directory tree.
    public var allowOutside: Bool
    /// The serial changes a saved plan chose, by zone file path (as `ZonePlan.file`): applying a saved plan
    /// plans again and keeps the saved serial when it still moves the zone's serial forward and is no
    /// later than the one chosen now, so the plan made again matches the saved one byte for byte.
    public var plannedSerials: [String: SerialChange]
    /// What a zone with a BIND journal beside its file may have done to it (see `JournalPolicy`).
    public var journal: JournalPolicy
    /// The part of the declaration to plan (`--sender`, `--zone`); nil plans all of it.
    public var target: PlanTarget?
    /// What apply may delete (`--allow-delete`, `--force-delete`), with the declaration's `deletions:`.
    public var deletions = DeletionPermission()
    /// Whether each zone file's SHA-256 is taken (`ZonePlan.inputs`, `FileChange.sha256`), which apply and a
    /// saved plan compare with the files. A report that shows none (`check` but as JSON) leaves them empty:
    /// hashing is a tenth of reading a small zone, and a repository has thousands.
    public var fileDigests = true
    /// Whether each changed file's edits are kept as text (`FileChange.edits`), which a diff, a JSON plan and
    /// apply read. A report that shows none (`check` and `plan` as text, no plan saved) leaves them empty: each
    /// new line (a DKIM key's is hundreds of octets) would be copied into a string that nothing reads.
    public var fileEdits = true
    /// Whether each changed file's text as read and as edited is kept (`ZoneOutcome.originalFiles`, `newFiles`),
    /// which a diff, a Markdown report and apply read. A report that shows none (`check` but as Markdown, `plan`
    /// as text or JSON) leaves them empty: two tables made and hashed into for each of thousands of zones.
    public var fileTexts = true
    /// Test hook: called with a zone's path right after its files are loaded, before it is planned, so a
    /// test can write to a file in the moment between reading and planning.
    public var afterLoad: (@Sendable (String) -> Void)?

    public init(
        now: Date = Date(), serialScheme: SerialScheme? = nil, allowOutside: Bool = false,
        plannedSerials: [String: SerialChange] = [:], journal: JournalPolicy = .refuse, target: PlanTarget? = nil
    ) {
        self.now = now
        self.serialScheme = serialScheme
        self.allowOutside = allowOutside
        self.plannedSerials = plannedSerials
        self.journal = journal
        self.target = target
    }
}

/// A plan with the file contents it was made from and the contents it would write.
public struct PlanOutcome: Sendable {
    public var plan: Plan
    /// Each changed file's bytes as read, by the path the plan shows.
    public var originalFiles: [String: SourceBytes]
    /// Each changed file's text after the plan's edits, by the path the plan shows.
    public var newFiles: [String: EditedText]
}

/// One zone's plan with the file contents it was made from and those it would write.
public struct ZoneOutcome: Sendable {
    public var plan: ZonePlan
    /// Each changed file's bytes as read, by the path the plan shows.
    public var originalFiles: [String: SourceBytes]
    /// Each changed file's text after the plan's edits (its bytes as read and the edits, not a copy), by
    /// the path the plan shows.
    public var newFiles: [String: EditedText]

    init(plan: ZonePlan, originalFiles: [String: SourceBytes] = [:], newFiles: [String: EditedText] = [:]) {
        self.plan = plan
        self.originalFiles = originalFiles
        self.newFiles = newFiles
    }
}

/// Compares a declaration with its zone files and plans the change.
///
/// Zones are independent, so they are read and planned side by side in a task group of bounded
/// width (`ParallelMap`); results keep the declaration's order, so the plan's bytes do not depend
/// on scheduling.
public enum Planner {
    /// The whole plan, every zone's plan and file contents kept (for JSON, Markdown, apply).
    public static func plan(_ declaration: Declaration, options: PlannerOptions = PlannerOptions()) async -> PlanOutcome
    {
        var zones: [ZonePlan] = []
        zones.reserveCapacity(declaration.zones.count)
        var original: [String: SourceBytes] = [:]
        var new: [String: EditedText] = [:]
        await plan(declaration, options: options) { zone in
            zones.append(zone.plan)
            original.merge(zone.originalFiles) { first, _ in first }
            new.merge(zone.newFiles) { first, _ in first }
        }
        let plan = Plan(
            declaration: declaration.displayPath, zones: zones,
            errors: unplacedSenders(declaration, target: options.target), target: options.target)
        return PlanOutcome(plan: plan, originalFiles: original, newFiles: new)
    }

    /// Plans every zone and hands each to `receive` in the declaration's order, as soon as it and
    /// the zones before it are planned, keeping none: a repository of thousands of zones is
    /// reported (text, diff, GitHub annotations) with only the zones in flight in memory.
    /// The plan's other findings are `unplacedSenders(_:target:)`. With `options.target`, only the
    /// zones and senders it covers are planned (zones outside it are not read).
    /// When `receive` throws, no zone is handed over or started after it, and its error is thrown.
    public static func plan<Failure: Error>(
        _ declaration: Declaration, options: PlannerOptions = PlannerOptions(),
        receive: (ZoneOutcome) async throws(Failure) -> Void
    ) async throws(Failure) {
        let sendersByZone = options.target?.sendersByZone(declaration) ?? declaration.sendersByZone
        let zoneIndices = declaration.zones.indices.filter { index in
            options.target?.includes(zone: index, of: declaration, sendersByZone: sendersByZone) ?? true
        }
        let root = includeRoot(declarationPath: declaration.displayPath, allowOutside: options.allowOutside)
        // The zone files' directories resolved once for the run, not once per zone file (zones share a few).
        let paths = ResolvedDirectories(directoriesOf: zoneIndices.map { declaration.path(of: declaration.zones[$0]) })
        try await ParallelMap.forEachInOrder(
            zoneIndices,
            { index in
                await planZone(
                    declaration.zones[index], senders: sendersByZone[index], declaration: declaration, root: root,
                    paths: paths, options: options)
            }, receive: receive)
    }

    /// The plan's findings outside any zone: senders whose domain is in no declared zone (those of
    /// `target` only, when the plan is narrowed).
    public static func unplacedSenders(_ declaration: Declaration, target: PlanTarget? = nil) -> [PlanFinding] {
        declaration.senders.indices.filter {
            declaration.senderZones[$0] == nil && (target?.includes(senderAt: $0, of: declaration) ?? true)
        }.map { index in
            let sender = declaration.senders[index]
            return PlanFinding(
                severity: .error,
                message: "the sender \(sender.domain.value.text) is in no declared zone",
                fix: "add its zone under `zones:` in \(declaration.displayPath)",
                location: PlanLocation(
                    file: sender.location.file, line: sender.location.line,
                    column: sender.location.column))
        }
    }

    /// How zones are read: with their declared origin, `$INCLUDE` kept inside the declaration's directory tree.
    static func loadOptions(origin: DomainName, declarationPath: String, allowOutside: Bool) -> LoadOptions {
        loadOptions(
            origin: origin, includeRoot: includeRoot(declarationPath: declarationPath, allowOutside: allowOutside))
    }

    static func loadOptions(origin: DomainName, includeRoot: String?) -> LoadOptions {
        var options = LoadOptions(origin: origin)
        // The repository's tree, not the zone file's directory: zones share includes kept beside them.
        options.includes = includeRoot.map { .confined(to: $0) } ?? .anywhere
        // The ownership markers noted as the zone is read (`ZoneOwnership`), not searched for in its text again.
        options.commentMark = OwnershipMarker.keywordBytes
        return options
    }

    /// The declaration's directory, resolved (once per run: resolving costs file-system calls),
    /// which zone files and their `$INCLUDE`s must stay inside; nil with `--allow-outside`.
    static func includeRoot(declarationPath: String, allowOutside: Bool) -> String? {
        guard !allowOutside else { return nil }
        return FilePaths.resolved(FilePaths.directory(of: declarationPath))
    }

    /// Plans one zone; `senderIndices` are the positions in `declaration.senders` of the senders
    /// assigned to it, in declaration order; `root` is `includeRoot(declarationPath:allowOutside:)`;
    /// `paths` resolves the zone file's path.
    static func planZone(
        _ zoneDeclaration: ZoneDeclaration, senders senderIndices: [Int], declaration: Declaration,
        root: String?, paths: ResolvedDirectories, options: PlannerOptions
    ) async -> ZoneOutcome {
        let path = declaration.path(of: zoneDeclaration)
        let origin = zoneDeclaration.origin.value.dnsName
        var result = ZoneOutcome(plan: ZonePlan(origin: origin, file: path))
        let loadOptions = Planner.loadOptions(origin: origin, includeRoot: root)
        let resolvedPath = paths.resolved(path)
        if let root, !FilePaths.isInside(resolved: resolvedPath, resolvedRoot: root) {
            result.plan.errors = [
                PlanFinding(
                    severity: .error,
                    message:
                        "the zone file \(path) is outside the directory of \(declaration.displayPath) (resolved: \(resolvedPath))",
                    fix: "keep zone files in the repository beside the declaration, or pass --allow-outside",
                    location: PlanLocation(
                        file: zoneDeclaration.file.location.file, line: zoneDeclaration.file.location.line,
                        column: zoneDeclaration.file.location.column))
            ]
            return result
        }
        // Each file's digest is taken as it is read, before it is parsed (`LoadOptions.fingerprint`): apply
        // compares it with the file just before replacing it, so a write by another program at any moment after
        // the read, even while the parser was half through a mapped file, stops apply.
        var readOptions = loadOptions
        if options.fileDigests { readOptions.fingerprint = { Digest.sha256($0) } }
        let zone = ZoneLoader.load(path: path, options: readOptions)
        options.afterLoad?(path)
        let errors = zone.errors
        if !errors.isEmpty {
            result.plan.inputs = zone.files.map {
                FileDigest(path: $0.source.path, sha256: OldZoneSummary.digest($0, taken: options.fileDigests))
            }
            result.plan.errors = ZoneLoadFinding.findings(
                for: zone, declared: zoneDeclaration, path: path,
                declaration: declaration.displayPath)
            return result
        }

        // Two halves, side by side for a large zone (a small one is one of many planned in parallel
        // already): what the old records and files tell the plan (the RRSIG warning, the files' digests);
        // planning, editing and reading the edited zone again.
        // A small zone's halves are called in turn here, not through `ParallelMap.both`: its first half is an
        // escaping closure, which copies the zone and the options into a context allocated for it (a
        // repository of thousands of small zones paid that for every zone).
        let size = zone.files.reduce(0) { $0 + $1.source.bytes.count }
        func edit() -> EditedZone {
            planAndEdit(
                zone, senders: senderIndices, origin: origin, path: path, loadOptions: loadOptions,
                declaration: declaration, options: options)
        }
        let old: OldZoneSummary
        let edited: EditedZone
        if size >= largeZoneBytes {
            (old, edited) = await ParallelMap.both({ OldZoneSummary(zone, digests: options.fileDigests) }, edit)
        } else {
            (old, edited) = (OldZoneSummary(zone, digests: options.fileDigests), edit())
        }

        result.plan.inputs = zip(zone.files, old.digests).map { FileDigest(path: $0.source.path, sha256: $1) }
        result.plan.warnings += duplicateWarnings(zone) + edited.ownershipProblems
        if old.signed {
            result.plan.warnings.append(
                PlanFinding(
                    severity: .warning,
                    message:
                        "the zone is DNSSEC-signed (it holds RRSIG records): the signatures will not cover the new records",
                    fix: "re-sign the zone after apply (dnssec-signzone, or let named's inline signing do it)",
                    location: PlanLocation(file: path, line: 1)))
        }
        result.plan.senders = edited.senders
        result.plan.managedRecords = edited.managedRecords > 0 ? edited.managedRecords : nil
        guard let edit = edited.edit else { return result }
        do {
            let edit = try edit.get()
            result.plan.serial = edit.serial
            if let warning = generatedSOAWarning(zone, origin: origin) { result.plan.warnings.append(warning) }
            for (fileIndex, newText) in edit.files {
                let file = zone.files[fileIndex]
                if options.fileTexts {
                    result.originalFiles[file.source.path] = file.source.bytes
                    result.newFiles[file.source.path] = newText
                }
                result.plan.files.append(
                    FileChange(
                        path: file.source.path, sha256: old.digests[fileIndex],
                        edits: edit.edits[fileIndex] ?? []))
            }
            if options.journal == .refuse,
                let journal = ZoneJournal.journals(
                    besideZoneFile: path, absolute: paths.absolute(path), resolved: resolvedPath,
                    mayExist: paths.mayExist(_:suffix:)
                ).first
            {
                result.plan.errors.append(ZoneJournal.finding(zonePath: path, origin: origin, journal: journal))
            }
        } catch {
            result.plan.errors.append(
                PlanFinding(
                    severity: .error, message: "mailzone cannot write this change safely: \(error)",
                    fix: "nothing was written; please report this with the zone file",
                    location: PlanLocation(file: path, line: 1)))
        }
        return result
    }

    /// The zone's exact duplicate records (BIND keeps one copy of each), in the order of the zone's files and
    /// lines, each naming both lines.
    static func duplicateWarnings(_ zone: Zone) -> [PlanFinding] {
        let duplicates = zone.diagnostics.filter { $0.id == "zone.duplicate-record" || $0.id == "zone.duplicate-soa" }
        // Most zones repeat no record: no table of their files' order is made for them.
        guard !duplicates.isEmpty else { return [] }
        let fileOrder = Dictionary(zone.files.enumerated().map { ($1.source.path, $0) }) { first, _ in first }
        return
            duplicates
            .sorted {
                (fileOrder[$0.file] ?? 0, $0.location?.line ?? 0) < (fileOrder[$1.file] ?? 0, $1.location?.line ?? 0)
            }
            .map { diagnostic in
                PlanFinding(
                    severity: .warning,
                    message: ([diagnostic.message] + diagnostic.notes).joined(separator: "; "),
                    fix: "delete one of the two lines; mailzone leaves both as they are",
                    location: diagnostic.location.map {
                        PlanLocation(
                            file: diagnostic.file, line: $0.line,
                            column: $0.column)
                    })
            }
    }

    /// Words in a file's first lines that say a program writes it.
    static let generatedMarkers = [
        "automatically generated", "autogenerated", "auto-generated", "do not edit",
        "generated by",
    ]

    /// A warning when the SOA, whose serial the plan bumps, is in an `$INCLUDE`d file whose header says
    /// it is generated: the next run of the generator writes its own serial over the bump.
    static func generatedSOAWarning(_ zone: Zone, origin: DomainName) -> PlanFinding? {
        // A zone of one file has its SOA in the zone file (most zones: no record needs reading for them).
        guard zone.files.count > 1, let source = zone.records(at: origin, type: .soa).first?.source,
            source.fileIndex != 0
        else { return nil }
        let text = String(decoding: zone.files[source.fileIndex].source.bytes.prefix(4096), as: UTF8.self)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(30).enumerated() {
            let lowered = line.lowercased()
            guard generatedMarkers.contains(where: { lowered.contains($0) }) else { continue }
            let path = FilePaths.displayed(source.path)
            let quoted = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r;#/*@"))
            return PlanFinding(
                severity: .warning,
                message: "the SOA serial is bumped in \(path), which says it is generated (\"\(quoted)\"): "
                    + "the bump is lost when that file is generated again",
                fix: "bump the serial where \(path) is generated from (its template or data), or generate it again "
                    + "after apply and check that the serial still went up",
                location: PlanLocation(file: source.path, line: number + 1))
        }
        return nil
    }

    /// Zones at least this large (bytes of their files) have their two halves planned side by side.
    static let largeZoneBytes = 4 << 20

    /// What the old zone's records and files tell the plan besides the edit.
    struct OldZoneSummary: Sendable {
        /// The zone holds RRSIG records: the new records will not be signed.
        var signed: Bool
        /// SHA-256 of each of the zone's files, in `Zone.files` order; each empty when not `taken`
        /// (`PlannerOptions.fileDigests`).
        var digests: [String]

        init(_ zone: Zone, digests taken: Bool = true) {
            signed = zone.contains(type: .rrsig)
            digests = zone.files.map { Self.digest($0, taken: taken) }
        }

        /// The digest the load took of a file as it read it; a file read without one (an override) is
        /// hashed now. Empty when digests are not `taken`.
        static func digest(_ file: ZoneFileSyntax, taken: Bool = true) -> String {
            guard taken else { return "" }
            return file.source.fingerprint ?? Digest.sha256(file.source.bytes)
        }
    }

    /// The planned edit of a zone, its text applied and read again.
    struct ZoneEdit: Sendable {
        var serial: SerialChange?
        /// New texts by index into `Zone.files`, in index order.
        var files: [(Int, EditedText)]
        /// Each changed file's edits, in file order, by index into `Zone.files`.
        var edits: [Int: [FileEdit]]
    }

    struct EditedZone: Sendable {
        var senders: [SenderPlan]
        /// Markers that cannot be read (their records are not managed), as warnings.
        var ownershipProblems: [PlanFinding] = []
        /// How many records carry a marker.
        var managedRecords = 0
        /// Nil when no sender changes anything.
        var edit: Result<ZoneEdit, ZoneEditor.Failure>?
    }

    /// The zone's senders planned one after the other against the zone's records: their plans in
    /// declaration order, and the zone's records as they are once every planned change is made
    /// (what `apply` leaves, which `verify` and `records` check and print).
    static func planSenders(
        _ zone: Zone, senders senderIndices: [Int], origin: DomainName, path: String,
        declaration: Declaration, target: PlanTarget? = nil
    ) -> (plans: [SenderPlan], state: ZoneState) {
        // Every sender's records expanded in one pass, before planning: expanded one at a time between the
        // senders' plans, the expansion took 1.7 times as long (its tables no longer in the caches), for a few
        // megabytes less. Organisational domains first, so a subdomain sees the DMARC record the plan gives its
        // parent: the positions are sorted, not the records.
        // Each sender's records are taken out of the list when it is planned (`take()`), not copied: a copy
        // retained each of the declaration's and the records' parts, and released them again, for every sender.
        var senders: [SenderRecords?] = senderIndices.map { declaration.records(ofSender: $0) }
        // A zone of one sender (most zones of a repository) has no order to work out: no list of the senders'
        // depths and positions is made for it (`ordered` nil: the declaration's order).
        var ordered: [Int]? = nil
        if senders.count > 1 {
            let depth = senders.map { $0?.sender.domain.value.labels.count ?? 0 }
            ordered = senders.indices.sorted { (depth[$0], senderIndices[$0]) < (depth[$1], senderIndices[$1]) }
        }
        var state = ZoneState(zone: zone, ownership: ZoneOwnership(zone: zone))
        // Room for the names the senders' records are at, so the table of names is not grown (and rehashed) as
        // they are looked up.
        state.reserveNames(senders.reduce(0) { $0 + ($1?.records.count ?? 0) + ($1?.spf.count ?? 0) })
        var plans = [SenderPlan?](repeating: nil, count: senderIndices.count)
        var lastDeclaredOrigin: (declared: DeclaredName, planned: Bool)? = nil
        for step in senders.indices {
            let position = ordered?[step] ?? step
            guard let sender = senders[position].take() else { continue }
            // What the sender owns and no longer wants goes first, out of the way of what it wants;
            // all of it is taken back when the sender has a conflict. A sender that owns nothing here (every
            // sender of a zone mailzone has not written to yet) has nothing to remove: no removal is planned.
            let domain = sender.sender.domain.value
            state.beginTentative()
            let owned = state.ownership.records(ofSender: domain)
            var removals: [PlanItem] = []
            if !owned.isEmpty {
                var removal = RemovalPlanner(sender: sender, domain: domain, origin: origin)
                removal.plan(owned, state: &state)
                state.commit(removal.operations)
                removals = removal.items
            }
            // The state moves into the planner and back, not copied: a copy would duplicate the
            // zone's record caches for every sender.
            let declaredZoneIsPlanned = SenderPlanner.isPlanned(sender.zone, origin: origin, last: &lastDeclaredOrigin)
            var planner = SenderPlanner(
                sender: consume sender, origin: origin, zoneDisplayPath: path, state: consume state,
                declaredZoneIsPlanned: declaredZoneIsPlanned)
            var (plan, operations) = planner.plan()
            state = planner.handOverState()
            plan.items = RemovalPlanner.merged(plan.items, removals: removals)
            if plan.hasConflicts {
                state.rollbackTentative()
            } else {
                state.commit(operations)
                state.keepTentative()
            }
            plans[position] = plan
        }
        var result = plans.compactMap { $0 }
        // Senders that own records here but are not declared in this zone: another declaration may manage
        // them (two declarations may add their senders to one zone), so nothing of theirs is removed; a
        // warning says how to remove them (`state: absent`). Only for senders the plan covers. A zone without
        // markers (most) has no sender to look for: the table of the planned senders is not made for it.
        let owners = state.ownership.senders
        guard !owners.isEmpty else { return (result, state) }
        let planned = Set(senderIndices.map { declaration.senders[$0].domain.value })
        let zoneName = DeclaredName(labels: origin.declaredLabels)
        for domain in owners
        where !planned.contains(domain) && (target?.includes(sender: domain, zone: zoneName) ?? true) {
            let owned = state.ownership.records(ofSender: domain)
            guard let first = owned.first else { continue }
            let item = PlanItem(
                action: .warning, owner: first.record.owner.relative(to: origin), name: first.record.owner,
                type: first.record.type, purpose: "other",
                message: "\(domain.text) owns \(owned.count) \(owned.count == 1 ? "record" : "records") here "
                    + "(their lines carry its mailzone marker) but \(declaration.displayPath) does not declare it; "
                    + "they stay, as another declaration may manage them",
                fix: "to remove them, declare the sender with `state: absent` (its services need no inputs); "
                    + "to keep them as your own, delete their markers",
                zoneLocation: first.location)
            result.append(SenderPlan(domain: domain.dnsName, services: [], items: [item]))
        }
        return (result, state)
    }

    /// Plans the zone's senders and, when they change anything, edits its text and reads it again.
    private static func planAndEdit(
        _ zone: Zone, senders senderIndices: [Int], origin: DomainName, path: String,
        loadOptions: LoadOptions, declaration: Declaration,
        options: PlannerOptions
    ) -> EditedZone {
        let planned = planSenders(
            zone, senders: senderIndices, origin: origin, path: path, declaration: declaration,
            target: options.target)
        let state = planned.state
        var edited = EditedZone(
            senders: planned.plans, ownershipProblems: state.ownership.problems,
            managedRecords: state.ownership.records.count)

        let operations = state.operations
        guard !operations.isEmpty else { return edited }
        do {
            let editor = ZoneEditor(
                zone: zone, origin: origin, ownership: state.ownership,
                apexRecords: zone.origin == origin ? state.apexRecords : nil)
            let (edits, serial) = try editor.edits(
                for: operations, serialScheme: options.serialScheme,
                now: options.now, planned: options.plannedSerials[path])
            // The edited texts as the old bytes and the edits: read again through a window, written piece by piece.
            var editedTexts: [String: EditedText] = [:]
            var files: [(Int, EditedText)] = []
            var fileEdits: [Int: [FileEdit]] = [:]
            for (fileIndex, sourceEdits) in edits.sorted(by: { $0.key < $1.key }) {
                let file = zone.files[fileIndex]
                let newText = try EditedText(original: file.source.bytes, edits: sourceEdits)
                editedTexts[file.source.path] = newText
                files.append((fileIndex, newText))
                guard options.fileEdits else { continue }
                fileEdits[fileIndex] = sourceEdits.sorted { $0.range.lowerBound < $1.range.lowerBound }
                    .map {
                        FileEdit(
                            start: $0.range.lowerBound, end: $0.range.upperBound,
                            text: String(decoding: $0.replacement, as: UTF8.self))
                    }
            }
            let reread = PlanCheck.reread(zone, path: path, options: loadOptions, edited: editedTexts)
            if let problem = PlanCheck.problem(old: zone, reread: reread, operations: operations, serial: serial) {
                throw ZoneEditor.Failure(description: problem)
            }
            edited.edit = .success(ZoneEdit(serial: serial, files: files, edits: fileEdits))
        } catch {
            edited.edit = .failure(ZoneEditor.Failure(description: "\(error)"))
        }
        return edited
    }
}

/// SHA-256 digests of file contents, to recognise a file that changed since a plan.
public enum Digest {
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The digest of a file's text.
    public static func sha256(_ bytes: SourceBytes) -> String {
        var hash = SHA256()
        bytes.forEachPiece { piece in
            hash.update(bufferPointer: UnsafeRawBufferPointer(piece))
            return true
        }
        return hex(hash.finalize())
    }

    /// The digest in lower-case hex, written straight into the string's storage: every zone file read
    /// is hashed, and a repository of 10,000 small zones spent a quarter of the hashing on making the text
    /// through an array.
    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { octets in
            String(unsafeUninitializedCapacity: octets.count * 2) { text in
                for (index, octet) in octets.enumerated() {
                    text[2 * index] = hexDigit(octet >> 4)
                    text[2 * index + 1] = hexDigit(octet & 0x0F)
                }
                return octets.count * 2
            }
        }
    }

    /// The lower-case hex digit of a value below 16.
    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }
}
