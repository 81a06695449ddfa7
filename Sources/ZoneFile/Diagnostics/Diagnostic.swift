/// A problem found in a zone file, reported like a compiler does:
/// `db.example.com:14:22: error: TTL '1x' has an unknown unit 'x'`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// Stable identifier of the kind of problem (`ttl.unknown-unit`), for tests and filters.
    public var id: String
    public var severity: Severity
    public var message: String
    /// Path of the file as given to the loader; empty for problems of the zone as a whole.
    public var file: String
    public var location: SourceLocation?
    /// Further remarks: where the other half of a conflict is, what to do.
    public var notes: [String]

    public init(
        id: String, severity: Severity, message: String, file: String, location: SourceLocation?,
        notes: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.file = file
        self.location = location
        self.notes = notes
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
