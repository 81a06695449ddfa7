import Foundation

/// What one load may do, fixed before its first byte is read: the zone's class, which files
/// `$INCLUDE` may read and from where, the limits that keep a hostile file from exhausting the
/// machine, whether records are kept, and the contents that stand in for files on disk.
///
/// `LoadOptions` is what a caller asks for; the policy is that request made ready to apply (the
/// include root resolved once per load, not once per `$INCLUDE`). The reader's state changes as it
/// reads; the policy does not.
struct LoadPolicy {
    /// The zone's class; records of another class are errors.
    let zoneClass: RRClass
    /// Keep the records and the lossless syntax, or only check (see `LoadOptions.keepRecords`).
    let keepRecords: Bool
    /// Where relative `$INCLUDE` paths are resolved.
    let includeBase: LoadOptions.IncludeBase
    /// `LoadOptions.includeRoot`, resolved: `$INCLUDE` may only read files inside it.
    let includeRoot: String?
    /// How deep, how much and how many a load may read and make.
    let limits: LoadLimits
    /// File contents to use instead of reading the disk, by path as the loader computes it.
    let overrides: [String: [UInt8]]

    init(options: LoadOptions) {
        zoneClass = options.zoneClass
        keepRecords = options.keepRecords
        includeBase = options.includeBase
        includeRoot = options.includeRoot.map(FilePaths.resolved)
        limits = LoadLimits(options: options)
        overrides = options.overrides
    }

    /// The path an `$INCLUDE` of `name` reads when written in the file at `includingFile`.
    func includePath(_ name: String, includingFile: String) -> String {
        if name.hasPrefix("/") { return name }
        switch includeBase {
        case .includingFile:
            return FilePaths.path(name, besideFile: includingFile)
        case .directory(let base):
            return (base as NSString).appendingPathComponent(name)
        }
    }

    /// The file at `path`: its override when there is one, else read from disk, at most `maxBytes` long.
    func source(at path: String, maxBytes: Int) throws(SourceReadError) -> SourceFile {
        if let bytes = overrides[path] { return SourceFile(path: path, bytes: bytes) }
        return try SourceFile.read(path: path, maxBytes: maxBytes)
    }
}

/// The limits of one load, each bounding one way a hostile file could exhaust the machine
/// (`LoadOptions` says why each default is what it is).
struct LoadLimits {
    /// Nested `$INCLUDE` depth.
    let maxIncludeDepth: Int
    /// Files `$INCLUDE` reads, each inclusion counted.
    let maxIncludedFiles: Int
    /// Bytes read, all files together.
    let maxTotalBytes: Int
    /// Records one `$GENERATE` makes.
    let maxGeneratedRecords: Int
    /// Records all `$GENERATE`s make together.
    let maxGeneratedRecordsTotal: Int
    /// Records in the zone.
    let maxRecords: Int
    /// Bytes in one entry, which bounds every line and token.
    let maxEntryLength: Int
    /// Problems reported before the rest are left out.
    let maxDiagnostics: Int

    init(options: LoadOptions) {
        maxIncludeDepth = options.maxIncludeDepth
        maxIncludedFiles = options.maxIncludedFiles
        maxTotalBytes = options.maxTotalBytes
        maxGeneratedRecords = options.maxGeneratedRecords
        maxGeneratedRecordsTotal = options.maxGeneratedRecordsTotal
        maxRecords = options.maxRecords
        maxEntryLength = options.maxEntryLength
        maxDiagnostics = options.maxDiagnostics
    }
}
