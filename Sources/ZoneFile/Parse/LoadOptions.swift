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
    /// When set, `$INCLUDE` may only read files inside this directory (after resolving links).
    public var includeRoot: String?
    /// Nested `$INCLUDE` depth at most.
    public var maxIncludeDepth: Int = 16
    /// Records one `$GENERATE` may produce at most.
    public var maxGeneratedRecords: Int = 1_000_000
    /// Records in the whole zone at most.
    public var maxRecords: Int = 50_000_000
    /// Bytes in one entry (a logical line, parentheses included) at most.
    public var maxEntryLength: Int = 1_048_576

    /// File contents to use instead of reading the disk, by path as the loader computes it
    /// (the top file's path as given; an include's path joined to its base). `apply` uses it to
    /// re-read edited text before writing anything.
    public var overrides: [String: [UInt8]] = [:]

    public init(origin: DomainName? = nil) {
        self.origin = origin
    }
}
