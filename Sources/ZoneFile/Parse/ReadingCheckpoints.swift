/// What reading the next entry of a file depends on, besides its text: the origin in force, the
/// owner a blank owner inherits, the TTLs a record without one takes, and the one-time warnings
/// already given. Two loads in the same reading state read the same text the same way.
struct ReadingState: Sendable, Equatable {
    var originID: UInt32
    var lastOwner: UInt32?
    var originChangedSinceOwner: Bool
    var inheritedTTL: TTLInheritance
}

/// Where a load stood at the start of an entry: its reading state and how much it had read, so a
/// later read of an edited copy of the text can resume there without reading what came before.
struct ReadingCheckpoint: Sendable {
    /// The file (index in the load's file list) and the entry's start in it.
    var file: Int
    var offset: Int
    var state: ReadingState
    /// Records stored and records shown to the zone checks so far.
    var records: Int
    var observed: Int
    /// Diagnostics given, files read (the top file and the included ones) and the counts limits watch.
    var diagnostics: Int
    var files: Int
    var tally: LoadTally
}

/// A load's checkpoints, taken at every entry of its start, then every `interval` entries of each file, and
/// at each file's end; and the hash the zone checks gave each record (`ZoneChecks.duplicateKey`): with
/// them, reading an edited copy of the zone again (`ZoneLoader.reread`) reads the edited stretches and
/// steps over the rest.
struct ReadingHistory: Sendable {
    /// Entries between checkpoints; `LoadOptions.checkpointInterval`.
    let interval: Int
    /// Checkpoints by file index, each file's in offset order.
    private(set) var checkpoints: [[ReadingCheckpoint]] = []
    /// Checkpoints taken, in every file.
    private(set) var count = 0

    /// A load takes a checkpoint at every entry until it has taken this many, then every `interval` entries.
    static let denseCheckpoints = 1024
    /// Checkpoints the top file's list has room for from the start.
    static let reservedInTopFile = 64

    init(interval: Int) { self.interval = interval }

    mutating func add(_ checkpoint: ReadingCheckpoint) {
        while checkpoints.count <= checkpoint.file {
            // Room in the top file's list for a small zone's dense checkpoints at once, not grown one doubling
            // at a time (a repository of thousands of small zones takes a few dozen in each).
            var file: [ReadingCheckpoint] = []
            if checkpoints.isEmpty { file.reserveCapacity(Self.reservedInTopFile) }
            checkpoints.append(file)
        }
        checkpoints[checkpoint.file].append(checkpoint)
        count += 1
    }

    /// The checkpoints of file `index`.
    func of(file index: Int) -> [ReadingCheckpoint] {
        index < checkpoints.count ? checkpoints[index] : []
    }
}

extension LoaderState {
    /// The reading state at the start of the next entry of a file read in `context`; nil before an origin is known.
    func readingState(_ context: FileContext) -> ReadingState? {
        guard context.origin != nil, zoneOrigin != nil else { return nil }
        return ReadingState(
            originID: context.originID, lastOwner: context.lastOwner,
            originChangedSinceOwner: context.originChangedSinceOwner, inheritedTTL: inheritedTTL)
    }

    /// A checkpoint at `offset` of the file being read in `context`, when an origin is known.
    func checkpoint(at offset: Int, context: FileContext) -> ReadingCheckpoint? {
        guard let state = readingState(context) else { return nil }
        return ReadingCheckpoint(
            file: context.fileIndex, offset: offset, state: state, records: records.count, observed: checks.count,
            diagnostics: diagnostics.count, files: files.count, tally: tally)
    }

    /// Records a checkpoint at entry `entry` (starting at `offset`) of the file read in `context` when it is
    /// the interval's turn, or at the file's end (`atEnd`), or at any entry while the load has taken fewer
    /// than `ReadingHistory.denseCheckpoints`: a small zone's re-read then steps over every line from the
    /// first after an edit whose reading state is the old one (a mail change edits a few lines near the
    /// apex of each of thousands of 20-record zones), and a large zone's apex is read again in a few lines.
    mutating func recordCheckpoint(entry: Int, offset: Int, atEnd: Bool = false, context: FileContext) {
        guard let interval = history?.interval, let taken = history?.count,
            atEnd || entry % interval == 0 || taken < ReadingHistory.denseCheckpoints,
            let checkpoint = checkpoint(at: offset, context: context)
        else { return }
        history?.add(checkpoint)
    }
}

/// How an edited copy of a zone is read against the zone it was edited from (`ZoneLoader.reread`
/// with the edits): a stretch of text no edit touched is stepped over from one checkpoint of the old
/// load to a later one once the reading state there is the old one, since the same text read in the
/// same state gives the same records and diagnostics. What reading them would have done is taken from
/// the old zone: its records are paired and shown to the zone checks (with the hash the old load gave
/// them), its diagnostics and included files are taken over, positions moved by the edits before them.
struct RereadSkipping: Sendable {
    let old: Zone
    let history: ReadingHistory
    /// Each edited file's edits (ranges in the old text), by path.
    let edits: [String: [SourceEdit]]
    /// Paths whose text differs from the old zone's (every override): never stepped over.
    let changed: Set<String>
    /// Old file indexes whose path is changed, ascending.
    let changedFiles: [Int]
    /// Old records kept by a re-read whatever their text (of the excluded types, in the zone), ascending.
    let keptRecords: [Int]
    /// Records stepped over so far.
    var steppedOver = 0
    /// Whether a record stepped over whose hash the old load found once is shown to the zone checks as
    /// unique (not kept for the duplicate check): true unless a record read has the same hash, which
    /// `ZoneLoader.reread` finds afterwards (`steppedKeys`) and then reads again without it.
    let uniqueKeys: Bool
    /// The hashes of the records the old load found repeated (`Zone.repeatedKeys`).
    let repeated: KeyFilter
    /// Each step over, in order: one list, made once, serves both the duplicate check and the places of the
    /// records stepped over (a small zone's re-read makes a few steps; a list each was an allocation more).
    var steps: [Step] = []
    /// Whether the reading went past the end of a window (`SourceFile.init(window:path:rest:shift:)`)
    /// rather than stepping over the rest: the result is then not the whole text's.
    var leftWindow = false

    init(
        old: Zone, history: ReadingHistory, edits: [String: [SourceEdit]], changed: Set<String>, excluded: Set<RRType>,
        uniqueKeys: Bool
    ) {
        self.old = old
        self.history = history
        self.edits = edits
        self.changed = changed
        self.uniqueKeys = uniqueKeys
        repeated = KeyFilter(old.repeatedKeys)
        changedFiles = old.files.indices.filter { changed.contains(old.files[$0].source.path) }
        // An array: a set would hash the type of each of a million records.
        let excludedCodes = excluded.map(\.rawValue)
        keptRecords = old.store.slots.indices.filter {
            let slot = old.store[$0]
            return excludedCodes.contains(slot.type) && !slot.flags.contains(.outOfZone)
        }
        // A step over each stretch between edits at most, and one past each edited file's last edit: room
        // for them at once (a small zone's re-read steps over a few, and grew the list for each).
        steps.reserveCapacity(edits.values.reduce(changed.count + 1) { $0 + $1.count })
    }

    /// One stretch of old text a re-read stepped over.
    struct Step {
        /// The range of `old.checkKeys` of its records.
        var keys: Range<Int>
        /// Its old records.
        var records: Range<Int>
        /// The file read then (index in the load's list).
        var file: Int
        /// The shift of the file's text there (new offset minus old): where a record stepped over is written
        /// in the edited text.
        var shift: Int
    }

    /// The ranges of `old.checkKeys` of the records stepped over, in order.
    var steppedKeys: some Collection<Range<Int>> { steps.lazy.map(\.keys) }
}

extension RereadSkipping {
    /// The entry in the edited text of the old record a re-read stepped over at `place` (`Place.stepped`).
    func place(ofStepped place: ZoneChecks.Place) -> ZoneChecks.Place {
        let record = Int(place.offset)
        var entries = EntryStarts(files: old.files)
        var start = entries.start(of: record, store: old.store)
        if let step = steps.first(where: { $0.records.contains(record) }), step.file == Int(place.file) {
            start += step.shift
        }
        return ZoneChecks.Place(file: place.file, offset: UInt32(truncatingIfNeeded: start))
    }
}

/// Where the re-read of one file stands against the old file: its unchanged stretches (in the new text,
/// with the shift from old offsets to new) and the old load's checkpoints in it.
struct ResumeCursor {
    struct Stretch {
        /// New offsets of the stretch: from the end of an edit (or the file's start) to the start of the next
        /// edit (or the file's end), both included as entry boundaries.
        var start: Int
        var end: Int
        /// New offset minus old offset in the stretch.
        var shift: Int
    }

    let file: Int
    let checkpoints: [ReadingCheckpoint]
    let stretches: [Stretch]
    var nextCheckpoint = 0
    var stretch = 0

    /// The cursor for file `index` of the re-read (path `path`, `size` bytes), nil when it cannot be set
    /// against the old file of that index (another file there, or edits not given). The skipping is
    /// borrowed: an initializer's arguments are otherwise passed owned, which made the caller copy it.
    init?(skipping: borrowing RereadSkipping, file index: Int, path: String, size: Int) {
        // The old zone read in place, not copied (a copy retains each of its tables).
        guard index < skipping.old.files.count, skipping.old.files[index].source.path == path else { return nil }
        let oldSize = skipping.old.files[index].source.bytes.count
        var stretches: [Stretch] = []
        if skipping.changed.contains(path) {
            guard let edits = skipping.edits[path] else { return nil }
            let ordered = SourceEdit.ordered(edits)
            stretches.reserveCapacity(ordered.count + 1)
            var oldCursor = 0
            var shift = 0
            for edit in ordered {
                guard edit.range.lowerBound >= oldCursor, edit.range.upperBound <= oldSize else { return nil }
                stretches.append(Stretch(start: oldCursor + shift, end: edit.range.lowerBound + shift, shift: shift))
                shift += edit.replacement.count - edit.range.count
                oldCursor = edit.range.upperBound
            }
            stretches.append(Stretch(start: oldCursor + shift, end: oldSize + shift, shift: shift))
            guard oldSize + shift == size else { return nil }
        } else {
            guard oldSize == size else { return nil }
            stretches = [Stretch(start: 0, end: size, shift: 0)]
        }
        self.file = index
        self.checkpoints = skipping.history.of(file: index)
        self.stretches = stretches
    }
}

extension LoaderState {
    /// At the start of an entry at `offset` of the file being re-read: when the text from here to the next
    /// edit is the old text, a checkpoint of the old load is here and the reading state is the one it
    /// saved, steps over that text to the last checkpoint before the edit and returns the offset reached;
    /// nil to read on.
    mutating func resume(
        _ cursor: inout ResumeCursor, source: SourceFile, offset: Int, context: inout FileContext
    ) -> Int? {
        while cursor.stretch < cursor.stretches.count, cursor.stretches[cursor.stretch].end < offset {
            cursor.stretch += 1
        }
        guard cursor.stretch < cursor.stretches.count else { return nil }
        let stretch = cursor.stretches[cursor.stretch]
        guard offset >= stretch.start else { return nil }
        let oldOffset = offset - stretch.shift
        let checkpoints = cursor.checkpoints
        while cursor.nextCheckpoint < checkpoints.count, checkpoints[cursor.nextCheckpoint].offset < oldOffset {
            cursor.nextCheckpoint += 1
        }
        let first = cursor.nextCheckpoint
        guard first < checkpoints.count, checkpoints[first].offset == oldOffset else { return nil }
        let from = checkpoints[first]
        // `skipping` is read in place, field by field, not copied (a copy retains each of its tables): a small
        // zone's re-read resumes a few times, and thousands of zones are read again.
        guard skipping != nil, readingState(context) == from.state, pairing?.cursor == from.records,
            files.count == from.files
        else {
            return nil
        }
        // The furthest checkpoint before the next edit with no changed file read and no kept record between.
        let oldEnd = stretch.end - stretch.shift
        let fileLimit = skipping?.changedFiles.first { $0 >= from.files } ?? Int.max
        let recordLimit = skipping?.keptRecords.first { $0 >= from.records } ?? Int.max
        var last = first
        var index = first + 1
        while index < checkpoints.count, checkpoints[index].offset <= oldEnd {
            let candidate = checkpoints[index]
            if candidate.files > fileLimit || candidate.records > recordLimit { break }
            last = index
            index += 1
        }
        guard last > first else { return nil }
        let to = checkpoints[last]
        stepOver(from: from, to: to, source: source, shift: stretch.shift, context: &context)
        cursor.nextCheckpoint = last
        return to.offset + stretch.shift
    }

    /// Does what reading the old text between two checkpoints did, from the old zone (`skipping`'s).
    ///
    /// The skipping is moved out of the state for the step and back, not copied: a copy retains each table of
    /// the old zone it holds (some twenty), and a repository's thousands of small zones each step over a few
    /// stretches.
    private mutating func stepOver(
        from: ReadingCheckpoint, to: ReadingCheckpoint, source: SourceFile, shift: Int, context: inout FileContext
    ) {
        guard let taken = skipping.take() else { return }
        let observed = stepOver(from: from, to: to, source: source, shift: shift, context: &context, skipping: taken)
        var skipping = consume taken
        skipping.steps.append(
            RereadSkipping.Step(
                keys: from.observed..<observed, records: from.records..<to.records, file: from.file, shift: shift))
        skipping.steppedOver += to.records - from.records
        self.skipping = consume skipping
    }

    /// `stepOver(from:to:source:shift:context:)` with the skipping out of the state, read in place; returns
    /// how many records the zone checks have been shown once the step is done.
    private mutating func stepOver(
        from: ReadingCheckpoint, to: ReadingCheckpoint, source: SourceFile, shift: Int, context: inout FileContext,
        skipping: RereadSkipping
    ) -> Int {
        // Diagnostics, positions in this file moved by the edits before them; the included files are
        // the old ones.
        for diagnostic in skipping.old.diagnostics[from.diagnostics..<to.diagnostics] {
            let file: SourceFile
            var offset = diagnostic.location?.offset
            if diagnostic.file == source.path {
                file = source
                offset = offset.map { $0 + shift }
            } else {
                file =
                    skipping.old.files[from.files..<to.files].first { $0.source.path == diagnostic.file }?.source
                    ?? SourceFile(path: diagnostic.file, bytes: [])
            }
            report(diagnostic.kind, source: file, offset: offset)
        }
        // Files included in between, read as they were.
        for index in from.files..<to.files {
            files.append(ZoneFileSyntax(source: skipping.old.files[index].source, entries: EntryList()))
        }
        // Records: paired with themselves, shown to the zone checks.
        if apexID == nil, let zoneOrigin { apexID = names.lookup(zoneOrigin) }
        var entries = EntryStarts(files: skipping.old.files)
        var observed = from.observed
        // Taken once, not for each of the (many) records stepped over.
        let names = self.names
        let apex = apexID
        let store = skipping.old.store
        let keys = skipping.old.checkKeys
        for index in from.records..<to.records {
            let slot = store[index]
            if slot.flags.contains(.outOfZone) { continue }
            let type = RRType(slot.type)
            let atApex = slot.owner == apex
            let key = keys[observed]
            let unique = skipping.uniqueKeys && !skipping.repeated.contains(key)
            // Most records need not be placed (their entry found) to be shown to the checks.
            if checks.observeWithoutPlace(
                owner: slot.owner, type: type, atApex: atApex, key: key, unique: unique, record: index, file: slot.file)
            {
                observed += 1
                continue
            }
            var start = entries.start(of: index, store: store)
            if Int(slot.file) == from.file { start += shift }
            let rdata: [UInt8] =
                atApex && (type == .soa || type == .dnskey || type == .cdnskey)
                ? skipping.old.recordData(index: index).rdata.wire : []
            rdata.withUnsafeBufferPointer { rdata in
                checks.observe(
                    owner: slot.owner, type: type,
                    place: ZoneChecks.Place(file: slot.file, offset: UInt32(truncatingIfNeeded: start)),
                    atApex: atApex, rdata: rdata, key: Int(Int64(bitPattern: key)), unique: unique, names: names)
            }
            observed += 1
        }
        pairing?.advance(to: to.records)
        tally.records += to.tally.records - from.tally.records
        tally.includedFiles += to.tally.includedFiles - from.tally.includedFiles
        tally.bytesRead += to.tally.bytesRead - from.tally.bytesRead
        tally.generatedRecords += to.tally.generatedRecords - from.tally.generatedRecords
        // The reading state the old load had there.
        if context.originID != to.state.originID {
            context.originID = to.state.originID
            context.origin = names.name(to.state.originID)
        }
        context.lastOwner = to.state.lastOwner
        context.lastOwnerLength = -1
        context.originChangedSinceOwner = to.state.originChangedSinceOwner
        inheritedTTL = to.state.inheritedTTL
        return observed
    }
}

/// The entry start of each record of a zone, for records asked in file order: one cursor per file
/// walks its entries forward, so a run of records costs a step each, not a search. The entries of the
/// file asked last are held, not fetched again (and retained) for every record of a run.
struct EntryStarts {
    let files: [ZoneFileSyntax]
    /// The cursors of the files left, by file index (-1: none yet); made when a first file is left, as
    /// most zones are one file (a small zone's re-read steps over a few stretches of it, each with its
    /// own `EntryStarts`).
    private var cursors: [Int] = []
    /// The file asked last, its entries and its cursor (the others' are in `cursors`).
    private var file = -1
    private var entries = EntryList()
    private var cursor = -1

    init(files: [ZoneFileSyntax]) {
        self.files = files
    }

    mutating func start(of index: Int, store: RecordStore) -> Int {
        let slot = store[index]
        if slot.flags.contains(.generated) { return store.entry(of: index, files: files).start }
        let fileIndex = Int(slot.file)
        if fileIndex != file {
            if file >= 0 {
                if cursors.isEmpty { cursors = Array(repeating: -1, count: files.count) }
                cursors[file] = cursor
            }
            file = fileIndex
            entries = files[fileIndex].entries
            cursor = cursors.isEmpty ? -1 : cursors[fileIndex]
        }
        let offset = Int(slot.rdataStart) - (slot.rdataLength == 0 ? 1 : 0)
        if cursor < 0 || cursor >= entries.count || Int(entries[cursor].start) > offset {
            cursor = files[fileIndex].entryIndex(containing: offset) ?? 0
        }
        while cursor + 1 < entries.count, Int(entries[cursor].end) <= offset { cursor += 1 }
        return cursor < entries.count ? Int(entries[cursor].start) : 0
    }
}
