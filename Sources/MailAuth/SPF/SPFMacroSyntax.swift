/// Macro-strings and domain-specs (RFC 7208 §7.1):
///
/// ```
/// domain-spec  = macro-string domain-end
/// domain-end   = ( "." toplabel [ "." ] ) / macro-expand
/// macro-string = *( macro-expand / macro-literal )
/// macro-expand = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
/// ```
enum SPFMacroSyntax {
    /// Why `spec` is not a domain-spec, or nil when it is one.
    static func domainSpecProblem(_ spec: String) -> String? {
        let scanned = scan(spec, allowExplanationLetters: false)
        if let problem = scanned.problem {
            return problem
        }
        if scanned.endsWithMacroExpand {
            return nil
        }
        // domain-end = "." toplabel [ "." ]
        var body = Substring(spec)
        if body.hasSuffix(".") { body = body.dropLast() }
        guard let lastDot = body.lastIndex(of: ".") else {
            return
                "\"\(spec)\" is not a fully qualified domain (it needs a dot and a top-level label, like example.com)"
        }
        let toplabel = body[body.index(after: lastDot)...]
        guard isTopLabel(toplabel) else {
            return "\"\(spec)\" does not end with a valid top-level label"
        }
        if !spec.utf8.contains(UInt8(ascii: "%")) {
            let labels = body.split(separator: ".", omittingEmptySubsequences: false)
            if labels.contains(where: \.isEmpty) {
                return "\"\(spec)\" has an empty label (two dots in a row)"
            }
            if labels.contains(where: { $0.utf8.count > 63 }) {
                return "\"\(spec)\" has a label longer than 63 octets"
            }
            if body.utf8.count > 253 {
                return "\"\(spec)\" is longer than 253 octets"
            }
        }
        return nil
    }

    /// Why `text` is not a macro-string, or nil. The macro letters `c`, `r` and `t` are
    /// allowed only in explanation text (§7.2), never in a domain-spec.
    static func macroStringProblem(_ text: String, allowExplanationLetters: Bool) -> String? {
        scan(text, allowExplanationLetters: allowExplanationLetters).problem
    }

    /// Reads a macro-string token by token; reports the first problem and whether the last
    /// token was a macro-expand (which can end a domain-spec on its own).
    private static func scan(_ text: String, allowExplanationLetters: Bool)
        -> (problem: String?, endsWithMacroExpand: Bool)
    {
        // Text of macro-literals alone (no `%`, every octet printable ASCII: an include domain) has no problem
        // and ends with no macro-expand, as the walk through its scalars finds.
        if isLiteralOnly(text) { return (nil, false) }
        return scanScalars(text, allowExplanationLetters: allowExplanationLetters)
    }

    /// Whether `text` is macro-literals only: each octet one of %x21-24 / %x26-7E.
    static func isLiteralOnly(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { octets in
            octets.allSatisfy { $0 >= 0x21 && $0 <= 0x7E && $0 != UInt8(ascii: "%") }
        } ?? false
    }

    /// `scan` by Unicode scalars, for any text.
    static func scanScalars(_ text: String, allowExplanationLetters: Bool)
        -> (problem: String?, endsWithMacroExpand: Bool)
    {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var lastWasMacro = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 1 < scalars.count else {
                    return ("\"%\" at the end of \"\(text)\" starts no macro (write %% for a percent sign)", false)
                }
                let next = scalars[index + 1]
                lastWasMacro = true
                if next == "%" || next == "_" || next == "-" {
                    index += 2
                    continue
                }
                guard next == "{" else {
                    return ("\"%\(next)\" in \"\(text)\" is not a macro (macros are %{x}, %%, %_ and %-)", false)
                }
                guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                    return ("macro in \"\(text)\" has no closing \"}\"", false)
                }
                let macro = String(String.UnicodeScalarView(scalars[index..<(close + 1)]))
                if let problem = macroExpandProblem(
                    scalars[(index + 2)..<close], macro: macro,
                    allowExplanationLetters: allowExplanationLetters)
                {
                    return (problem, false)
                }
                index = close + 1
                continue
            }
            // macro-literal = %x21-24 / %x26-7E
            guard scalar.value >= 0x21 && scalar.value <= 0x7E else {
                let code = String(scalar.value, radix: 16, uppercase: true)
                return ("\"\(text)\" contains a character SPF does not allow (U+\(code))", false)
            }
            lastWasMacro = false
            index += 1
        }
        return (nil, lastWasMacro)
    }

    /// `macro-letter transformers *delimiter` between `%{` and `}`.
    private static func macroExpandProblem(
        _ inside: ArraySlice<Unicode.Scalar>, macro: String,
        allowExplanationLetters: Bool
    ) -> String? {
        guard let letter = inside.first else {
            return "macro \(macro) names no macro letter"
        }
        let lower = Character(letter).lowercased()
        guard "slodiphcrtv".contains(lower) else {
            return "macro \(macro) uses unknown macro letter \"\(Character(letter))\""
        }
        if !allowExplanationLetters && "crt".contains(lower) {
            return "macro \(macro) may be used only in explanation text, not in a domain"
        }
        var rest = inside.dropFirst()
        let digits = rest.prefix { SPFTermParser.isDigit($0) }
        if !digits.isEmpty {
            guard let value = Int(String(String.UnicodeScalarView(digits))), value > 0, value <= 128 else {
                return "macro \(macro) keeps a number of labels that must be 1 to 128"
            }
            rest = rest.dropFirst(digits.count)
        }
        if let first = rest.first, first == "r" || first == "R" {
            rest = rest.dropFirst()
        }
        guard rest.allSatisfy({ ".-+,/_=".unicodeScalars.contains($0) }) else {
            return "macro \(macro) has characters that are not delimiters (. - + , / _ =)"
        }
        return nil
    }

    /// `toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )`
    private static func isTopLabel(_ label: Substring) -> Bool {
        let scalars = Array(label.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        let isAlphanumeric = { (scalar: Unicode.Scalar) in
            SPFTermParser.isAlpha(scalar) || SPFTermParser.isDigit(scalar)
        }
        guard scalars.allSatisfy({ isAlphanumeric($0) || $0 == "-" }) else { return false }
        if scalars.contains("-") {
            return isAlphanumeric(first) && isAlphanumeric(last)
        }
        return scalars.contains(where: SPFTermParser.isAlpha)
    }
}
