/// A Domain Connect template field with `%variable%` parts: `%dkimkey%._domainkey`,
/// `v=DMARC1; p=%policy%`, `include:%fqdn%`.
///
/// Parsed once when the template is read, so a stray `%` is reported at the field's line and
/// substitution cannot fail. The spec has no escape for `%`: every `%` opens or closes a variable.
struct DomainConnectText: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        case variable(String)
    }

    /// The variables every template may use without a parameter (spec, "Template Record"): the
    /// host the template is applied to, the domain (the zone), and both joined.
    static let builtInVariables = ["host", "domain", "fqdn"]

    let parts: [Part]
    /// The field as written in the template.
    let text: String

    /// Parses `text`; fails on a `%` without its closing `%` and on `%%` (a variable without a name).
    init(parsing text: String) throws(DomainConnectTextError) {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "%") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            let nameStart = rest.index(after: open)
            guard let close = rest[nameStart...].firstIndex(of: "%") else {
                throw .unclosed(String(rest[open...]))
            }
            let name = String(rest[nameStart..<close])
            guard !name.isEmpty else { throw .emptyName }
            parts.append(.variable(name))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        self.parts = parts
        self.text = text
    }

    /// A field without variables (a number written as digits).
    init(literal text: String) {
        self.parts = text.isEmpty ? [] : [.literal(text)]
        self.text = text
    }

    /// The variable names, in order of first use.
    var variables: [String] {
        var seen = Set<String>()
        return parts.compactMap {
            if case .variable(let name) = $0, seen.insert(name).inserted { return name }
            return nil
        }
    }

    /// True when the field is one variable and nothing else (`"%ttl%"`), the only form the spec
    /// allows in numeric fields.
    var isSingleVariable: Bool {
        parts.count == 1 && { if case .variable = parts[0] { return true } else { return false } }()
    }

    /// The text with every variable replaced; a variable without a value is left as written (the
    /// caller has checked that every variable has one).
    func substituted(_ values: [String: String]) -> String {
        parts.map {
            switch $0 {
            case .literal(let text): text
            case .variable(let name): values[name] ?? "%\(name)%"
            }
        }.joined()
    }
}

/// Why a template field's variables could not be read.
enum DomainConnectTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `%` that no second `%` closes; carries the text from the `%`.
    case unclosed(String)
    /// `%%`.
    case emptyName

    var description: String {
        switch self {
        case .unclosed(let text):
            "'\(text)' opens a variable with '%' but never closes it (Domain Connect has no escape for '%')"
        case .emptyName: "'%%' is a variable without a name"
        }
    }
}
