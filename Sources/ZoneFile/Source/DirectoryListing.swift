import Foundation

/// The names in a directory, each with what the directory says it is (a plain file, a link or other),
/// read once with `readdir(3)`.
///
/// A run over thousands of zone files in one directory asked the file system about each file three
/// times besides reading it: is it a link (`lstat`), and does a BIND journal (`FILE.jnl`,
/// `FILE.signed.jnl`) sit beside it (two `stat`s that nearly always fail). One listing answers the
/// questions for all of them: a name the directory does not hold does not exist, and a name it lists as
/// a plain file is not a link. Anything the listing cannot tell (a link, a type the file system does not
/// report) is asked of the file itself, as before.
///
/// The listing is read once: a file created or replaced while the run goes on is not seen as changed.
package struct DirectoryListing: Sendable {
    /// What the directory says an entry is.
    package enum Kind: Sendable, Equatable {
        /// A plain file (`DT_REG`): not a symbolic link.
        case file
        /// Anything else: a link, a directory, or a type the file system leaves unknown (`DT_UNKNOWN`).
        case other
    }

    /// The entries by name, compared as bytes (`PathBytes`). A name that is not valid UTF-8 is left out:
    /// no `String` asked about can name it.
    private let entries: [PathBytes: Kind]
    /// The ending of every name (`ending(of:)`): a name whose ending no entry has is not there, which this
    /// small set tells without a look into the large table, whose entries are far apart in memory. A run
    /// over thousands of zone files asks for two journals beside each (`FILE.jnl`, `FILE.signed.jnl`), and
    /// a directory without journals holds no name ending in `jnl`.
    private let endings: Set<PathBytes>

    /// The listing of `directory`, or nil when it cannot be read (then every question goes to the file).
    package init?(directory: String) {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [PathBytes: Kind] = [:]
        var endings = Set<PathBytes>()
        while let entry = readdir(stream) {
            let kind: Kind = Int32(entry.pointee.d_type) == Int32(DT_REG) ? .file : .other
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(validating: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let name else { continue }
            endings.insert(PathBytes(Self.ending(of: name[...])))
            entries[PathBytes(name)] = kind
        }
        self.entries = entries
        self.endings = endings
    }

    /// What the directory says the entry `name` is; nil when it holds no such name.
    package func kind(of name: Substring) -> Kind? {
        guard endings.contains(PathBytes(Self.ending(of: name))) else { return nil }
        return entries[PathBytes(name)]
    }

    /// Whether some name in the directory ends in `ending` after its last `.` (`ending(of:)`, the whole name
    /// when it has none).
    package func holdsName(ending: Substring) -> Bool {
        endings.contains(PathBytes(ending))
    }

    /// The bytes after a name's last `.` (the whole name when it has none).
    private static func ending(of name: Substring) -> Substring {
        let bytes = name.utf8
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return name }
        return Substring(bytes[bytes.index(after: dot)...])
    }
}
