import Foundation

/// What one load may do, fixed before its first byte is read: the zone's class, which files
/// `$INCLUDE` may read and from where, the limits that keep a hostile file from exhausting the
/// machine, whether records are kept, and the contents that stand in for files on disk.
///
/// `LoadOptions` is what a caller asks for; the policy is that request made ready to apply (the
/// directory includes are confined to, resolved once per load rather than once per `$INCLUDE`).
/// The reader's state changes as it reads; the policy changes only by resolving that directory.
struct LoadPolicy {
    /// The options as given: the limits (`maxRecords` …), the class, `keepRecords` and the overrides
    /// are read from them as they are.
    let options: LoadOptions
    /// The directory `$INCLUDE` must stay inside, as given; nil when includes are refused or read anywhere.
    private let includeDirectory: String?
    /// `includeDirectory` resolved, once the first `$INCLUDE` asked for it.
    private var resolvedIncludeDirectory: String?

    /// The policy for loading the zone file at `zonePath` with `options`.
    init(options: LoadOptions, zonePath: String) {
        self.options = options
        switch options.includes {
        case .refused, .anywhere: includeDirectory = nil
        case .confinedToZoneDirectory: includeDirectory = FilePaths.directory(of: zonePath)
        case .confined(let directory): includeDirectory = directory
        }
    }

    /// The directory `$INCLUDE` must stay inside, resolved; nil when includes are refused or read anywhere.
    ///
    /// Resolved on the first `$INCLUDE` and kept for the rest of the load: resolving costs a system call
    /// per path component, and most zones (a repository of thousands, each read twice by a plan) have no
    /// `$INCLUDE` at all.
    mutating func includeRoot() -> String? {
        if resolvedIncludeDirectory == nil, let includeDirectory {
            resolvedIncludeDirectory = FilePaths.resolved(includeDirectory)
        }
        return resolvedIncludeDirectory
    }

    /// The path an `$INCLUDE` of `name` reads when written in the file at `includingFile`.
    func includePath(_ name: String, includingFile: String) -> String {
        if name.hasPrefix("/") { return name }
        switch options.includeBase {
        case .includingFile:
            return FilePaths.path(name, besideFile: includingFile)
        case .directory(let base):
            return (base as NSString).appendingPathComponent(name)
        }
    }

    /// Why an `$INCLUDE` of `name`, which resolves to `resolved`, may not be read; nil when it may.
    mutating func includeRefusal(name: String, resolved: String) -> DiagnosticKind? {
        switch options.includes {
        case .anywhere:
            return nil
        case .refused:
            return .includeRefused(name: name)
        case .confinedToZoneDirectory, .confined:
            guard let root = includeRoot(), !FilePaths.isInside(resolved: resolved, resolvedRoot: root) else {
                return nil
            }
            return options.includes == .confinedToZoneDirectory
                ? .includeOutsideZoneDirectory(name: name, resolved: resolved, directory: root)
                : .includeOutside(name: name, resolved: resolved, root: root)
        }
    }

    /// The file at `path`: its override when there is one, else read from disk, at most `maxBytes` long.
    func source(at path: String, maxBytes: Int) throws(SourceReadError) -> SourceFile {
        if let bytes = options.overrides[path] { return SourceFile(path: path, bytes: bytes) }
        let file = try SourceFile.read(path: path, maxBytes: maxBytes, mappingFrom: options.mapFilesFrom)
        guard let fingerprint = options.fingerprint else { return file }
        // Before the parser reads a byte of it (see `LoadOptions.fingerprint`).
        return SourceFile(path: file.path, bytes: file.bytes, fingerprint: fingerprint(file.bytes))
    }
}
