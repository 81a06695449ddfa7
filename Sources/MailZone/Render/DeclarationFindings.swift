/// A declaration that does not load, as a plan: no zones, and each of its errors a finding
/// outside any zone, worded as on stderr (the same message and fix). So every output format
/// (`--format json`, `markdown`, `github`) carries the errors instead of printing nothing,
/// and a CI job reading the JSON sees why the run failed.
extension Plan {
    public init(declaration: String, invalid errors: DeclarationErrors) {
        self.init(declaration: declaration, zones: [], errors: errors.findings)
    }
}

extension DeclarationErrors {
    /// Each error as a plan finding at its YAML line and column.
    public var findings: [PlanFinding] {
        errors.map { error in
            PlanFinding(
                severity: .error, message: error.message, fix: error.hint,
                location: PlanLocation(file: error.file, line: error.line, column: error.column))
        }
    }
}

/// One declaration error as one line of text, for formats that show it in a list.
public enum DeclarationFinding {
    /// `file:line:column: message (fix: ...)`, the same words as on stderr.
    public static func text(_ finding: PlanFinding) -> String {
        var text = ""
        if let location = finding.location { text += "\(location): " }
        text += finding.message
        if let fix = finding.fix { text += " (fix: \(fix))" }
        return text
    }
}
