/// Prints diagnostics the way compilers do, with colour only when asked
/// (the command line asks on a terminal without `NO_COLOR`).
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour the output with ANSI escapes (a terminal, and no `NO_COLOR`).
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// `file:line:column: severity: message` and the notes, coloured when `color` is set.
    public func format(_ diagnostic: Diagnostic) -> String {
        guard color else { return diagnostic.description }
        var text = "\u{1B}[1m"
        text += diagnostic.file
        if let location = diagnostic.location { text += ":\(location.line):\(location.column)" }
        text += diagnostic.file.isEmpty ? "" : ": "
        switch diagnostic.severity {
        case .error: text += "\u{1B}[31merror:\u{1B}[0m\u{1B}[1m "
        case .warning: text += "\u{1B}[35mwarning:\u{1B}[0m\u{1B}[1m "
        }
        text += diagnostic.message + "\u{1B}[0m"
        for note in diagnostic.notes { text += "\n  \u{1B}[36mnote:\u{1B}[0m \(note)" }
        return text
    }
}
