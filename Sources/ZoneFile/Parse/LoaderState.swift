/// One load in progress: the reader's state as it goes through the top file and its includes —
/// the zone's origin, the TTL a record without one takes, the files being read, the names,
/// records, syntax and diagnostics built so far — beside the fixed `policy` that says what the
/// load may read and how much.
///
/// Its methods are spread by what they read: `FileParser` (the entry loop), `DirectiveParser`
/// (`$ORIGIN`, `$TTL`, `$INCLUDE`), `GenerateDirective` and `RecordParser`.
struct LoaderState {
    /// What this load may do; it does not change while reading (its include directory is resolved
    /// when first needed).
    var policy: LoadPolicy

    // MARK: What has been built

    var names = NameTable()
    var records = RecordStore()
    /// The lossless syntax of each file read, the top file first.
    var files: [ZoneFileSyntax] = []
    var diagnostics: [Diagnostic] = []
    /// The RDATA text `$GENERATE` made, which generated records point into.
    var generatedText: [UInt8] = []
    /// The zone-level checks, fed record by record.
    var checks = ZoneChecks()

    // MARK: Where the reading is

    /// The zone's origin: given, or set by the first `$ORIGIN` or absolute owner before any record.
    var zoneOrigin: DomainName?
    /// The apex's interned id, once it has been seen.
    var apexID: UInt32?
    /// What TTL a record without one takes at this point.
    var inheritedTTL = TTLInheritance()
    /// Resolved paths of the files being read, outermost first, to find `$INCLUDE` cycles; the top
    /// file's is resolved at the first `$INCLUDE` (`resolveIncludeStack()`): most zones have none,
    /// and resolving costs a system call per path component.
    var includeStack: [String] = []
    /// The top file's path as given, until the first `$INCLUDE` puts it in `includeStack` resolved.
    var unresolvedTopFile: String?
    /// How much of the policy's limits the load has used.
    var tally = LoadTally()
    /// Owners found outside the zone's origin so far.
    var outOfZone = OutOfZoneNames()
    /// Set when re-reading an edited zone (`ZoneLoader.reread`): pairs each record with the old zone's
    /// record written the same way, and only the records left unpaired are kept.
    var pairing: WrittenRecordPairing?
    /// Checkpoints taken as the zone is read (records kept), for a later re-read of an edited copy.
    var history: ReadingHistory?
    /// Set when re-reading an edited zone with its edits: the stretches no edit touched are stepped over.
    var skipping: RereadSkipping?
    /// Whether the `;` of record comments marked with `policy.options.commentMark` are noted: in a load that
    /// keeps its records and reads the whole text (not a re-read, which steps over text).
    var notesMarkedComments = false
    /// The offsets noted (`notesMarkedComments`), by file index.
    var markedComments: [[Int]] = []
    /// Time spent reading the top file from disk (for `zone check --timings`).
    var readDuration: Duration = .zero

    // MARK: Scratch buffers reused for every record, so the hot loop does not allocate
    // (taken from the last load's, `LoaderScratch`, and given back by `recycle()`)

    var tokens: TokenBuffer
    var problems: [LexProblem]
    var fields: [RDataField]
    /// The RDATA text of a record read by the general reader, copied here so `fields` can be array slices.
    var fieldText: [UInt8]
    /// The RDATA of the record being read is `wire[wireStart..<wireEnd]`; the octets after it are room to
    /// write the next record's in (see `startRData(room:)`).
    var wire: [UInt8]
    var wireStart = 0
    var wireEnd = 0
    /// The general reader's RDATA, before it is copied into `wire` (`encodeGeneralRData`).
    var generalWire: [UInt8]
    var nameScratch: [UInt8]
    /// The next entry's owner, read while the current entry is (see `OwnerLookahead`).
    var ownerLookahead: OwnerLookahead
    /// Where the read-ahead found the next entry's owner text, in which file (an empty range at -1:
    /// nowhere): the scanner takes that word without scanning it again (`EntryScanner.scan(ownerEnd:)`).
    var nextOwner: (file: Int, text: Range<Int>) = (0, -1 ..< -1)

    /// A load of the zone file at `zonePath` (its path as given, which anchors the include policy), in the
    /// buffers of `scratch` (an earlier load's, by default).
    init(options: LoadOptions, zonePath: String, scratch: consuming LoaderScratch = LoaderScratch.take()) {
        self.policy = LoadPolicy(options: options, zonePath: zonePath)
        self.zoneOrigin = options.origin
        // The buffers emptied; the octets of `wire` and of the owners read ahead are written before they are
        // read, and the tokens are cleared before each entry.
        scratch.problems.removeAll(keepingCapacity: true)
        scratch.fields.removeAll(keepingCapacity: true)
        scratch.fieldText.removeAll(keepingCapacity: true)
        scratch.generalWire.removeAll(keepingCapacity: true)
        scratch.nameScratch.removeAll(keepingCapacity: true)
        tokens = scratch.tokens
        tokens.removeAll()
        problems = scratch.problems
        fields = scratch.fields
        fieldText = scratch.fieldText
        wire = scratch.wire
        generalWire = scratch.generalWire
        nameScratch = scratch.nameScratch
        ownerLookahead = OwnerLookahead(room: scratch.ownerLookahead)
        checks.adopt(&scratch.checks)
        if options.keepRecords, options.checkpointInterval > 0 {
            history = ReadingHistory(interval: options.checkpointInterval)
            checks.keepKeys()
        }
    }

    /// Ends the load: its scratch buffers and check tables go to the next load (`LoaderScratch`).
    consuming func recycle() {
        LoaderScratch.giveBack(scratch)
    }

    /// The load's scratch buffers and check tables, as they are.
    var scratch: LoaderScratch {
        LoaderScratch(
            tokens: tokens, problems: problems, fields: fields, fieldText: fieldText, wire: wire,
            generalWire: generalWire, nameScratch: nameScratch, ownerLookahead: ownerLookahead.room,
            checks: checks.room)
    }

    /// Puts the top file's resolved path at the bottom of `includeStack`, if it is not there yet.
    mutating func resolveIncludeStack() {
        guard let top = unresolvedTopFile else { return }
        includeStack.insert(FilePaths.resolved(top), at: 0)
        unresolvedTopFile = nil
    }

    mutating func loadTop(path: String, source: SourceFile?) {
        let file: SourceFile
        if let source {
            file = source
        } else {
            do {
                let start = ContinuousClock.now
                file = try policy.source(
                    at: path, maxBytes: min(policy.options.maxTotalBytes, Int(UInt32.max) - 1))
                readDuration = ContinuousClock.now - start
            } catch {
                let kind: DiagnosticKind =
                    error.tooLarge ? .fileOverTotalBytes(reason: error.reason) : .fileUnreadable(reason: error.reason)
                diagnostics.append(Diagnostic(kind, file: path, location: nil))
                return
            }
        }
        includeStack = []
        unresolvedTopFile = path
        tally.bytesRead = file.length
        if file.length == 0 {
            // An empty included file is fine; an empty zone is a mistake (a truncated checkout, the wrong path).
            diagnostics.append(Diagnostic(.fileEmpty, file: path, location: nil))
        }
        // A first reading meets all the zone's names (a lean one too: `zone check`); a re-read of an edited
        // zone (`pairing`) finds nearly all of them in the old zone's table. Room for them before the origin
        // is interned, so that the name table's lists are made once, at their size.
        if pairing == nil, file.bytes.count < Int(UInt32.max) {
            names.reserve(names: file.bytes.count / 96 + 16)
            checks.reserve(owners: file.bytes.count / 96 + 16)
        }
        notesMarkedComments =
            policy.options.keepRecords && !policy.options.commentMark.isEmpty && pairing == nil && skipping == nil
        var context = FileContext(fileIndex: 0, origin: zoneOrigin, originID: 0, lastOwner: nil)
        if let origin = zoneOrigin {
            names.setSuffix(origin)
            context.originID = names.intern(origin.wire[...])
        }
        parseFile(file, context: &context)
    }

    // MARK: Diagnostics

    /// Reports a problem at `offset` in `source` (nil: the file as a whole), up to the policy's
    /// `maxDiagnostics`; past it one `limit.diagnostics` error says the rest were left out.
    mutating func report(_ kind: DiagnosticKind, source: SourceFile, offset: Int?) {
        let limit = policy.options.maxDiagnostics
        guard diagnostics.count < limit else {
            if !tally.reportedTooManyDiagnostics {
                tally.reportedTooManyDiagnostics = true
                diagnostics.append(
                    Diagnostic(
                        .tooManyProblems(limit: limit), file: source.path,
                        location: offset.map { source.location(of: $0) }))
            }
            return
        }
        diagnostics.append(Diagnostic(kind, file: source.path, location: offset.map { source.location(of: $0) }))
    }

    func finish() -> Zone {
        var diagnostics = diagnostics
        // A mapped file cut short while read was read partly as zeros (`SourceBytes.wasCut`).
        for file in files where file.source.bytes.wasCut {
            diagnostics.append(Diagnostic(.fileChangedWhileRead, file: file.source.path, location: nil))
        }
        return Zone(
            origin: zoneOrigin, zoneClass: policy.options.zoneClass, files: files, names: names, store: records,
            generatedText: generatedText, loadDiagnostics: diagnostics,
            checkDiagnostics: checks.finish(
                origin: zoneOrigin, files: files, steppedPlace: { skipping?.place(ofStepped: $0) ?? $0 }),
            recordCount: checks.count,
            maxDiagnostics: policy.options.maxDiagnostics, history: history, checkKeys: checks.keys ?? [],
            repeatedKeys: checks.repeatedKeys)
    }
}
