/// How a zone is read: its origin and class, where `$INCLUDE` looks, and the
/// limits that keep a hostile file from exhausting the machine.
public struct LoadOptions: Sendable {
    /// Where relative `$INCLUDE` paths are resolved.
    public enum IncludeBase: Sendable, Equatable {
        /// Relative to the directory of the file that holds the `$INCLUDE` (the default).
        case includingFile
        /// Relative to a fixed directory, as BIND does with its working directory.
        case directory(String)
    }

    /// The zone's origin. When nil it is taken from a `$ORIGIN` before the first record,
    /// else from the first record's absolute owner (the SOA's, normally).
    public var origin: DomainName?
    /// The zone's class; records of another class are errors.
    public var zoneClass: RRClass = .in
    public var includeBase: IncludeBase = .includingFile
    /// Which files `$INCLUDE` may read: by default only those inside the zone file's directory
    /// (see `IncludePolicy` for why, and how to allow more).
    public var includes: IncludePolicy = .confinedToZoneDirectory
    /// Nested `$INCLUDE` depth at most.
    public var maxIncludeDepth: Int = 16
    /// Files `$INCLUDE` may read in one load at most, counting a file again each time it is
    /// included (a few files that each include the next twice would otherwise read 2^16 files).
    public var maxIncludedFiles: Int = 10_000
    /// Bytes read in one load at most, the top file and every included file together.
    public var maxTotalBytes: Int = Int(UInt32.max) - 1
    /// Records one `$GENERATE` may produce at most.
    public var maxGeneratedRecords: Int = 1_000_000
    /// Records all the `$GENERATE`s of a zone may produce together at most (a million records
    /// take about 100 MB; fifty one-line `$GENERATE`s would otherwise ask for 5 GB).
    public var maxGeneratedRecordsTotal: Int = 2_000_000
    /// Records in the whole zone at most.
    public var maxRecords: Int = 50_000_000
    /// Bytes in one entry (a logical line, parentheses included) at most. This bounds every
    /// line and every token too.
    public var maxEntryLength: Int = 1_048_576
    /// Problems reported at most; past it one `limit.diagnostics` error says the rest were left out.
    /// Reading goes on (the syntax stays whole), only the report stops growing.
    public var maxDiagnostics: Int = 10_000

    /// Keep the records and the lossless syntax (entries). Off, the load only checks: diagnostics, zone-level
    /// checks and the record count come back, `records` and `files[i].entries` are empty. `zone check` uses this
    /// to read a zone in little more memory than its bytes.
    public var keepRecords: Bool = true

    /// Entries between the checkpoints a load that keeps its records takes (0: none), past its first
    /// `ReadingHistory.denseCheckpoints` entries, which each have one. A re-read of an edited copy
    /// (`ZoneLoader.reread` with the edits) resumes at a checkpoint, so the fewer entries between them,
    /// the less unchanged text it reads again; each costs about a hundred bytes.
    package var checkpointInterval: Int = 256

    /// A word (ASCII, case ignored) whose comments a load that keeps its records notes as it reads: the
    /// offset of each `;` in a record's comment that is followed by blanks and this word
    /// (`ZoneFileSyntax.commentsMarked(with:)`), so that a caller looking for such markers (mailzone's
    /// ownership markers) does not read the whole text again. Empty: none noted.
    package var commentMark: [UInt8] = []

    /// File contents to use instead of reading the disk, by path as the loader computes it
    /// (the top file's path as given; an include's path joined to its base). `apply` uses it to
    /// re-read edited text before writing anything.
    package var overrides: [String: [UInt8]] = [:]

    /// Files at least this long are mapped rather than read (`SourceFile.read`); tests map every file.
    package var mapFilesFrom: Int = SourceFile.mappingThreshold

    /// Computed on each file's bytes as soon as they are read from disk, before the parser reads any of
    /// them, and kept as `SourceFile.fingerprint` (not for `overrides`).
    ///
    /// A mapped file is read from the page cache as the load and its users go, so a program writing it in
    /// place meanwhile can make them see part old, part new text. A digest taken first covers every byte
    /// read after it: when the file on disk still has that digest later (apply compares just before it
    /// replaces the file), everything read from it was that text; when it has not, something was written.
    /// A digest taken after the load could match a text the load read only half of.
    package var fingerprint: (@Sendable (SourceBytes) -> String)?

    public init(origin: DomainName? = nil) {
        self.origin = origin
    }
}
