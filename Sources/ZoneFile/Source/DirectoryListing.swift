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

    /// A name as the file system has it: its bytes, compared as bytes (not as Unicode text, which
    /// would take two spellings of one accented letter as one name), and hashed in one go.
    private struct Name: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let entries: [Name: Kind]
    /// The ending of every name (`ending(of:)`): a name whose ending no entry has is not there, which this
    /// small set tells without a look into the large table, whose entries are far apart in memory. A run
    /// over thousands of zone files asks for two journals beside each (`FILE.jnl`, `FILE.signed.jnl`), and
    /// a directory without journals holds no name ending in `jnl`.
    private let endings: Set<Name>

    /// The listing of `directory`, or nil when it cannot be read (then every question goes to the file).
    package init?(directory: String) {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var entries: [Name: Kind] = [:]
        var endings = Set<Name>()
        while let entry = readdir(stream) {
            let kind: Kind = Int32(entry.pointee.d_type) == Int32(DT_REG) ? .file : .other
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                Array(bytes.prefix { $0 != 0 })
            }
            endings.insert(Name(bytes: Self.ending(of: name)))
            entries[Name(bytes: name)] = kind
        }
        self.entries = entries
        self.endings = endings
    }

    /// What the directory says the entry `name` is; nil when it holds no such name.
    package func kind(of name: String) -> Kind? {
        let bytes = Array(name.utf8)
        guard endings.contains(Name(bytes: Self.ending(of: bytes))) else { return nil }
        return entries[Name(bytes: bytes)]
    }

    /// The bytes after a name's last `.` (the whole name when it has none).
    private static func ending(of name: [UInt8]) -> [UInt8] {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return name }
        return Array(name[(dot + 1)...])
    }
}
