import Foundation

/// Reads a zone: the top file and every file it `$INCLUDE`s, into lossless
/// syntax per file, a compact record table, and diagnostics.
///
/// All problems are collected — a broken line is reported and kept as an
/// `unexpected` entry, and reading goes on with the next line — so one run shows
/// every error in the file, like a compiler.
public enum ZoneLoader {
    /// Loads a zone from a file on disk.
    public static func load(path: String, options: LoadOptions = LoadOptions()) -> Zone {
        var state = LoaderState(options: options)
        let start = ContinuousClock.now
        state.loadTop(path: path, source: nil)
        let parsed = ContinuousClock.now
        var zone = state.finish()
        zone.timings = LoadTimings(
            read: state.readDuration, parse: parsed - start - state.readDuration,
            checks: ContinuousClock.now - parsed, bytes: zone.files.reduce(0) { $0 + $1.source.bytes.count })
        return zone
    }

    /// Loads a zone from bytes in memory (`path` names it in diagnostics and anchors relative `$INCLUDE`s).
    public static func load(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) -> Zone {
        var state = LoaderState(options: options)
        state.loadTop(path: path, source: SourceFile(path: path, bytes: bytes))
        return state.finish()
    }

    /// Loads a zone from text in memory.
    public static func load(text: String, path: String = "<input>", options: LoadOptions = LoadOptions()) -> Zone {
        load(bytes: Array(text.utf8), path: path, options: options)
    }
}

/// Per-file reading position: what `$ORIGIN`, the previous owner and TTLs are at this point.
struct FileContext {
    var fileIndex: Int
    var origin: DomainName?
    var originID: UInt32
    var lastOwner: UInt32?
    /// Where the previous explicit owner was written, to skip re-reading an identical owner.
    var lastOwnerStart: Int = 0
    var lastOwnerLength: Int = -1
    var lastOwnerOrigin: UInt32 = UInt32.max
    /// The origin changed (`$ORIGIN`, `$INCLUDE` with an origin) since `lastOwner` was written:
    /// a blank owner now is easily misread as the new origin.
    var originChangedSinceOwner = false
}

/// Everything one load accumulates across its files.
struct LoaderState {
    let options: LoadOptions
    /// `options.includeRoot` resolved, once per load rather than once per `$INCLUDE`.
    let includeRoot: String?
    var names = NameTable()
    var records = RecordStore()
    var files: [ZoneFileSyntax] = []
    var diagnostics: [Diagnostic] = []
    var generatedText: [UInt8] = []
    var zoneOrigin: DomainName?
    /// `$TTL` value, shared across included files as BIND shares it.
    var defaultTTL: UInt32?
    /// TTL of the previous record, used when there is no `$TTL` (RFC 1035 semantics).
    var previousTTL: UInt32?
    var warnedRFC1035TTL = false
    /// Resolved paths of the files being read, outermost first, to find `$INCLUDE` cycles.
    var includeStack: [String] = []
    /// Files read through `$INCLUDE` so far, and bytes read in all, for `maxIncludedFiles` and `maxTotalBytes`.
    var includedFiles = 0
    var bytesRead = 0
    /// Records made by `$GENERATE` so far, for `maxGeneratedRecordsTotal`.
    var generatedRecords = 0
    var tooManyRecordsReported = false
    /// Records added, in the zone or not (for `maxRecords`, and to know whether any came yet).
    var recordTotal = 0
    /// The zone-level checks, fed record by record.
    var checks = ZoneChecks()
    /// The apex's interned id, once it has been seen.
    var apexID: UInt32?
    /// Time spent reading the top file from disk (for `zone check --timings`).
    var readDuration: Duration = .zero
    var tooManyDiagnosticsReported = false
    var tooManyIncludesReported = false
    /// Ids below this have been checked against the zone origin; those outside it are in `outOfZoneNames`.
    var checkedNames: UInt32 = 0
    var outOfZoneNames = Set<UInt32>()
    /// Set when re-reading an edited zone (`ZoneLoader.reread`): pairs each record with the old zone's
    /// record written the same way, and only the records left unpaired are kept.
    var pairing: WrittenRecordPairing?

    // Scratch buffers reused for every record, so the hot loop does not allocate.
    var tokens: [Token] = []
    var problems: [LexProblem] = []
    var fields: [RDataField] = []
    var wire: [UInt8] = []
    var nameScratch: [UInt8] = []

    init(options: LoadOptions) {
        self.options = options
        self.includeRoot = options.includeRoot.map(FilePaths.resolved)
        self.zoneOrigin = options.origin
        tokens.reserveCapacity(64)
        fields.reserveCapacity(64)
        wire.reserveCapacity(1024)
        nameScratch.reserveCapacity(256)
    }

    mutating func loadTop(path: String, source: SourceFile?) {
        let file: SourceFile
        if let source {
            file = source
        } else if let bytes = options.overrides[path] {
            file = SourceFile(path: path, bytes: bytes)
        } else {
            do {
                let start = ContinuousClock.now
                file = try SourceFile.read(path: path, maxBytes: min(options.maxTotalBytes, Int(UInt32.max) - 1))
                readDuration = ContinuousClock.now - start
            } catch {
                diagnostics.append(
                    Diagnostic(
                        id: error.tooLarge ? "limit.total-bytes" : "file.unreadable", severity: .error,
                        message: error.reason, file: path, location: nil))
                return
            }
        }
        includeStack = [FilePaths.resolved(path)]
        bytesRead = file.bytes.count
        if file.bytes.isEmpty {
            // An empty included file is fine; an empty zone is a mistake (a truncated checkout, the wrong path).
            diagnostics.append(
                Diagnostic(
                    id: "file.empty", severity: .error,
                    message: "the zone file is empty; a zone needs at least its SOA and NS records",
                    file: path, location: nil))
        }
        var context = FileContext(fileIndex: 0, origin: zoneOrigin, originID: 0, lastOwner: nil)
        if let origin = zoneOrigin {
            names.setSuffix(origin)
            context.originID = names.intern(origin.wire[...])
        }
        parseFile(file, context: &context)
    }

    // MARK: Diagnostics

    mutating func report(
        _ id: String, _ severity: Diagnostic.Severity, _ message: String,
        source: SourceFile, offset: Int?, notes: [String] = []
    ) {
        guard diagnostics.count < options.maxDiagnostics else {
            if !tooManyDiagnosticsReported {
                tooManyDiagnosticsReported = true
                diagnostics.append(
                    Diagnostic(
                        id: "limit.diagnostics", severity: .error,
                        message:
                            "more than \(options.maxDiagnostics) problems; the rest are not reported (is this a zone file?)",
                        file: source.path, location: offset.map { source.location(of: $0) }))
            }
            return
        }
        diagnostics.append(
            Diagnostic(
                id: id, severity: severity, message: message, file: source.path,
                location: offset.map { source.location(of: $0) }, notes: notes))
    }

    func finish() -> Zone {
        Zone(
            origin: zoneOrigin, zoneClass: options.zoneClass, files: files, names: names, store: records,
            generatedText: generatedText, loadDiagnostics: diagnostics,
            checkDiagnostics: checks.finish(origin: zoneOrigin, files: files), recordCount: checks.count,
            maxDiagnostics: options.maxDiagnostics)
    }
}

/// Where the time of a load went: reading the file, parsing it into syntax and records, zone-level checks.
public struct LoadTimings: Sendable, Hashable {
    public var read: Duration
    public var parse: Duration
    public var checks: Duration
    /// Bytes read, all files together.
    public var bytes: Int

    public init(read: Duration = .zero, parse: Duration = .zero, checks: Duration = .zero, bytes: Int = 0) {
        self.read = read
        self.parse = parse
        self.checks = checks
        self.bytes = bytes
    }

    /// Parse throughput in MB/s (10^6 bytes a second).
    public var parseMegabytesPerSecond: Double {
        let seconds = Double(parse.components.seconds) + Double(parse.components.attoseconds) / 1e18
        return seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
    }
}
