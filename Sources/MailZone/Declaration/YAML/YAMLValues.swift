import Foundation

/// Reading typed values out of nodes, with "expected X, found Y" errors.
///
/// Types follow YAML 1.2's core schema (what editors' YAML language server and the JSON
/// Schema validators see): `1` is an integer and `"1"` a string, `true` a boolean and `yes`
/// text, so the schema and mailzone agree on what is valid.
extension YAMLNode {
    /// The text of a string scalar. `expected` names what was wanted: "a DNS name" (worded only for
    /// an error: a declaration of thousands of senders reads most values without one).
    func string(
        _ expected: @autoclosure () -> String, suggestQuotes: Bool = true, diagnostics: inout Diagnostics
    ) -> Located<String>? {
        if let scalar, scalar.kind == .string {
            return Located(scalar.text, at: location)
        }
        diagnostics.error(
            at: location, "expected \(expected()), found \(kindDescription)",
            hint: suggestQuotes ? quoteHint : nil)
        return nil
    }

    /// The text of a string or integer scalar, as written (for tokens and ids that may be all digits).
    func text(_ expected: @autoclosure () -> String, diagnostics: inout Diagnostics) -> Located<String>? {
        if let scalar, scalar.kind == .string || scalar.kind == .integer {
            return Located(scalar.text, at: location)
        }
        diagnostics.error(at: location, "expected \(expected()), found \(kindDescription)", hint: quoteHint)
        return nil
    }

    func integer(_ expected: @autoclosure () -> String, diagnostics: inout Diagnostics) -> Located<Int>? {
        if let scalar, scalar.kind == .integer, let value = Int(scalar.text.replacingOccurrences(of: "_", with: "")) {
            return Located(value, at: location)
        }
        if let scalar, scalar.kind == .integer {
            // YAML's integers are unbounded and may be hexadecimal or octal; say which rule this one breaks.
            diagnostics.error(
                at: location,
                "expected \(expected()), found \(scalar.text), which is not a decimal integer "
                    + "from \(Int.min) to \(Int.max)")
            return nil
        }
        diagnostics.error(at: location, "expected \(expected()), found \(kindDescription)")
        return nil
    }

    /// A boolean; `key` names the setting in the message ("expected true or false for 'fold'").
    func boolean(for key: String, diagnostics: inout Diagnostics) -> Located<Bool>? {
        if let scalar, scalar.kind == .boolean {
            switch scalar.text.lowercased() {
            case "true", "yes", "on": return Located(true, at: location)
            default: return Located(false, at: location)
            }
        }
        if let scalar, isPlain, let meant = Self.yaml11Booleans[scalar.text] {
            diagnostics.error(
                at: location,
                "expected true or false for '\(key)', found \(scalar.text), which YAML 1.2 reads as text",
                hint: "write \(key): \(meant); YAML 1.2 reads `\(scalar.text)` as text, not as a boolean")
            return nil
        }
        diagnostics.error(
            at: location, "expected true or false for '\(key)', found \(kindDescription)",
            hint: scalar?.kind == .string ? "write \(key): true or \(key): false, without quotes" : nil)
        return nil
    }

    /// YAML 1.1's other words for true and false (its `bool` type): text in YAML 1.2, which
    /// mailzone reads, and in YAML 1.2 editors. Written unquoted for a boolean setting they
    /// were surely meant as the boolean, so the error names the one to write instead.
    private static let yaml11Booleans: [String: Bool] = {
        var words: [String: Bool] = [:]
        for (word, value) in [("yes", true), ("y", true), ("on", true), ("no", false), ("n", false), ("off", false)] {
            for spelling in [word, word.prefix(1).uppercased() + word.dropFirst(), word.uppercased()] {
                words[spelling] = value
            }
        }
        return words
    }()

    /// The items of a list; `expected` names it: "a list of services".
    func list(_ expected: @autoclosure () -> String, diagnostics: inout Diagnostics) -> [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        diagnostics.error(at: location, "expected \(expected()), found \(kindDescription)")
        return nil
    }

    /// One of the raw values of `E`, with the nearest one suggested.
    func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type, what: String, diagnostics: inout Diagnostics)
        -> Located<E>? where E.RawValue == String
    {
        // A valid value (nearly every one) is read without the wording of the errors below.
        if let scalar, scalar.kind == .string, let value = E(rawValue: scalar.text) {
            return Located(value, at: location)
        }
        let allowed = E.allCases.map(\.rawValue)
        let quoted = MappingReader.list(allowed.map { "'\($0)'" })
        guard let text = string("one of \(quoted) for \(what)", suggestQuotes: false, diagnostics: &diagnostics)
        else { return nil }
        if let value = E(rawValue: text.value) { return Located(value, at: location) }
        let suggestion = Suggestion.didYouMean(text.value, in: allowed)
        diagnostics.error(
            at: location, "'\(text.value)' is not a valid \(what)\(suggestion)",
            hint: suggestion.isEmpty ? "use one of \(quoted)" : nil)
        return nil
    }

    /// A hint for values YAML read as another type than string: quoting makes them strings.
    private var quoteHint: String? {
        guard let scalar, [.integer, .float, .boolean, .timestamp].contains(scalar.kind) else { return nil }
        return "YAML reads \(scalar.text) as \(scalar.kind); write \"\(scalar.text)\" in quotes to make it a string"
    }
}

extension Located where Value == String {
    /// Reports and returns false when the value holds a control character (a line break, a tab):
    /// values are written into zone files, where a line break would start a new record.
    /// `what` is worded only for an error.
    func checkSingleLine(what: @autoclosure () -> String, diagnostics: inout Diagnostics) -> Bool {
        // Printable ASCII, the usual case (DKIM keys are hundreds of bytes), has no control character.
        if value.utf8.allBytesSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return true }
        guard let bad = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) else {
            return true
        }
        let name: String
        switch bad {
        case "\n", "\r": name = "a line break"
        case "\t": name = "a tab"
        default: name = "the control character U+\(String(bad.value, radix: 16, uppercase: true))"
        }
        diagnostics.error(
            at: location, "\(what()) contains \(name); values are written into the zone file and must be one line",
            hint: bad == "\n" || bad == "\r"
                ? "write the value on one line, or fold it with '>-' instead of '|'" : "remove it")
        return false
    }
}
