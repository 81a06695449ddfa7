/// One problem found in mailzone.yaml or a preset file: where, what is wrong, what to do.
///
/// Problems are values, collected while decoding and reported together like a
/// compiler's, so one run shows the user every mistake instead of the first.
public struct DeclarationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: YAMLLocation
    /// What is wrong, in one line: "unknown key 'servics' in sender; did you mean 'services'?".
    public var message: String
    /// What to do about it, when the message alone does not say.
    public var hint: String?

    public init(at location: YAMLLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    public var column: Int { location.column }

    /// `file:line:column: error: message`, followed by an indented `fix:` line when there is a hint.
    public var description: String {
        var text = "\(location): error: \(message)"
        if let hint {
            text += "\n    fix: \(hint)"
        }
        return text
    }
}

/// Every problem a load found, in source order; thrown as one error.
public struct DeclarationErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [DeclarationError]

    public init(_ errors: [DeclarationError]) {
        self.errors = errors.sortedBySource()
    }

    /// All errors, one block each, each line ended by a newline.
    public var description: String {
        errors.map { $0.description + "\n" }.joined()
    }
}

extension Array where Element == DeclarationError {
    /// Source order (file, line, column), keeping the order of errors found at the same place;
    /// exact duplicates (the same node reached twice through an alias) are dropped.
    func sortedBySource() -> [DeclarationError] {
        var seen = Set<DeclarationError>()
        let unique = filter { seen.insert($0).inserted }
        return unique.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
