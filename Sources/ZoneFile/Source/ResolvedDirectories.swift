import Foundation

/// Resolves many file paths that share a few directories, as `FilePaths.resolved` answers, each
/// directory resolved once.
///
/// `realpath(3)` costs a system call per component of the path: a repository of 10,000 zone files
/// in one directory paid about seven a file. Here each distinct directory is resolved when the
/// resolver is made, and a file costs one `lstat(2)`: a file that is not a symbolic link resolves to
/// its directory's resolved path and its name, which is the answer `realpath` gives. Anything else
/// (a link, a missing file, a name of `.` or `..`, a directory not seen at the start) is resolved by
/// `FilePaths.resolved` in full.
///
/// A directory holding many of the files (`listedFiles` or more) is listed once (`DirectoryListing`):
/// a file it lists as a plain file costs no system call at all, and `mayExist` answers for the names
/// beside the files (BIND's journals) without asking the file system.
///
/// The directories are resolved and listed once for a whole run: a directory link changed during the
/// run is not followed to its new target, nor a file created in a listed directory seen.
package struct ResolvedDirectories: Sendable {
    /// Each directory as `FilePaths.directory(of:)` gives it, resolved. The keys are looked up as parts of
    /// the paths asked about (`FilePaths.directoryPart(of:)`), no string made for them.
    private var directories: [PathBytes: String] = [:]
    /// The listings of the directories that hold `listedFiles` of the files or more, by the same keys.
    private var listings: [PathBytes: DirectoryListing] = [:]
    /// The current directory when the resolver was made, which relative paths are read from.
    private let currentDirectory = FileManager.default.currentDirectoryPath

    /// How many of the files a directory holds before it is listed: reading a listing costs about as
    /// much as a few `lstat`s per entry it holds, and a directory may hold many other files.
    package static let listedFiles = 16

    /// A resolver for the files at `paths` (as given: relative to the current directory or absolute).
    package init(directoriesOf paths: some Sequence<String>) {
        var files: [PathBytes: Int] = [:]
        for path in paths {
            let directory = FilePaths.directory(of: path)
            let key = PathBytes(directory)
            if directories[key] == nil { directories[key] = FilePaths.resolved(directory) }
            files[key, default: 0] += 1
        }
        for (directory, count) in files where count >= Self.listedFiles {
            listings[directory] = DirectoryListing(directory: String(directory.text))
        }
    }

    /// The absolute path of `path` with `.`, `..` and symbolic links resolved: `FilePaths.resolved(path)`.
    package func resolved(_ path: String) -> String {
        let key = PathBytes(FilePaths.directoryPart(of: path))
        guard let directory = directories[key], let name = Self.lastComponent(of: path)
        else { return FilePaths.resolved(path) }
        let candidate = FilePaths.joined(directory, name)
        if listings[key]?.kind(of: name) == .file { return candidate }
        var status = stat()
        guard lstat(candidate, &status) == 0, status.st_mode & S_IFMT != S_IFLNK else {
            return FilePaths.resolved(path)
        }
        return candidate
    }

    /// False when `path`'s directory was listed and holds no such name, so nothing is there; true
    /// otherwise (it may be there: ask the file system).
    package func mayExist(_ path: String) -> Bool {
        guard let listing = listings[PathBytes(FilePaths.directoryPart(of: path))],
            let name = Self.lastComponent(of: path)
        else {
            return true
        }
        return listing.kind(of: name) != nil
    }

    /// `mayExist(path + suffix)`, told without making that path when `path`'s directory was listed and none of
    /// its names ends as the suffix does after its last `.`: a plan asks for two journals (`.jnl`,
    /// `.signed.jnl`) beside each of thousands of zone files, and nearly always none is there.
    ///
    /// Only for a suffix with something after its last `.` and no `/`, after a path not ending in `/`: the
    /// joined path then names an entry of `path`'s directory, whose name ends as the suffix does.
    package func mayExist(_ path: String, suffix: String) -> Bool {
        let bytes = suffix.utf8
        let slash = UInt8(ascii: "/")
        if let dot = bytes.lastIndex(of: UInt8(ascii: ".")), bytes.index(after: dot) < bytes.endIndex,
            !bytes.contains(slash), path.utf8.last != slash,
            let listing = listings[PathBytes(FilePaths.directoryPart(of: path))],
            !listing.holdsName(ending: Substring(bytes[bytes.index(after: dot)...]))
        {
            return false
        }
        return mayExist(path + suffix)
    }

    /// `path` made absolute, as written otherwise (`.` and `..` kept, links not followed).
    package func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FilePaths.joined(currentDirectory, path[...])
    }

    /// The last component of `path` when it names an entry of its directory: not `.`, `..`, empty or
    /// followed by a slash.
    private static func lastComponent(of path: String) -> Substring? {
        let bytes = path.utf8
        let start = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        let name = bytes[start...]
        // Not empty, `.` nor `..`, told by the bytes (a comparison of strings would compare Unicode text).
        let dot = UInt8(ascii: ".")
        guard !name.isEmpty, name.contains(where: { $0 != dot }) || name.count > 2 else { return nil }
        return Substring(name)
    }
}
