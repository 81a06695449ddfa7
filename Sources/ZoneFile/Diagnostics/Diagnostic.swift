/// A problem found in a zone file, reported like a compiler does:
/// `db.example.com:14:22: error: TTL '1x' has an unknown unit 'x'`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// What the problem is, with the values its message names; `id`, `severity`, `message` and
    /// `notes` are the catalogue's for it (`DiagnosticCatalogue.swift`).
    public var kind: DiagnosticKind
    /// Stable identifier of the problem's family (`ttl.unknown-unit`), for tests and filters.
    public var id: String
    public var severity: Severity
    public var message: String
    /// Path of the file as given to the loader; empty for problems of the zone as a whole.
    public var file: String
    public var location: SourceLocation?
    /// Further remarks: where the other half of a conflict is, what to do.
    public var notes: [String]

    /// A diagnostic of `kind` at `location` in `file`, worded as the catalogue words it.
    public init(_ kind: DiagnosticKind, file: String, location: SourceLocation?) {
        self.kind = kind
        self.id = kind.id
        self.severity = kind.severity
        self.message = kind.message
        self.file = file
        self.location = location
        self.notes = kind.notes
    }

    /// `file:line:column: severity: message`, then notes indented on their own lines.
    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += text.isEmpty ? "" : ": "
        text += "\(severity.rawValue): \(message)"
        for note in notes { text += "\n  note: \(note)" }
        return text
    }
}
