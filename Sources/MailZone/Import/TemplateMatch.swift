/// Reading a preset template backwards: which input values make `${token1}._domainkey` the name
/// `abc123._domainkey`, or `s1.domainkey.${account_host}.` the target in the zone.
///
/// `mailzone init` recognises a service by its records, so it needs the inputs that would give
/// them; matching the catalogue's own templates keeps it free of any per-service code, and a new
/// or corrected preset is recognised as soon as it is in the catalogue.
enum TemplateMatch {
    /// Every way `text` reads as `template` given the values already `bound` (all of `bound`, plus
    /// the placeholders this template binds), at most `limit` of them. `caseInsensitive` for names
    /// and host targets, where DNS ignores case; placeholders take the text as the zone writes it.
    static func bindings(
        of template: Template, in text: String, bound: [String: String], caseInsensitive: Bool, limit: Int = 8
    ) -> [[String: String]] {
        let characters = Array(text)
        let folded = caseInsensitive ? Array(text.lowercased()) : characters
        // Lower-casing may change the count of characters (rare scripts); then match exactly.
        let haystack = folded.count == characters.count ? folded : characters
        var results: [[String: String]] = []
        func fold(_ value: String) -> [Character] {
            let lowered = caseInsensitive ? Array(value.lowercased()) : Array(value)
            return lowered.count == value.count ? lowered : Array(value)
        }
        func match(_ partIndex: Int, _ position: Int, _ values: [String: String]) {
            guard results.count < limit else { return }
            guard partIndex < template.parts.count else {
                if position == haystack.count { results.append(values) }
                return
            }
            switch template.parts[partIndex] {
            case .literal(let literal):
                let wanted = fold(literal)
                guard position + wanted.count <= haystack.count,
                    Array(haystack[position..<position + wanted.count]) == wanted
                else { return }
                match(partIndex + 1, position + wanted.count, values)
            case .placeholder(let name):
                if let value = values[name] {
                    let wanted = fold(value)
                    guard position + wanted.count <= haystack.count,
                        Array(haystack[position..<position + wanted.count]) == wanted
                    else { return }
                    match(partIndex + 1, position + wanted.count, values)
                    return
                }
                // A placeholder takes at least one character; the shortest first, so a literal that
                // follows finds its first occurrence.
                guard position < haystack.count else { return }
                for end in (position + 1)...haystack.count {
                    var next = values
                    next[name] = String(characters[position..<end])
                    match(partIndex + 1, end, next)
                    if results.count >= limit { return }
                }
            }
        }
        match(0, 0, bound)
        return results
    }

    /// How much of `template` is fixed text (its literals, and the placeholders `defaults` gives),
    /// ignoring `@`, dots, spaces and DNS's own labels (`_domainkey`, `_dmarc`): a template with
    /// little fixed text (`${label}` → `${host}.`, `${selector}._domainkey`) matches almost anything,
    /// so it only counts once another record has bound its inputs.
    static func fixedLength(_ template: Template, defaults: [String: String] = [:]) -> Int {
        let text = template.parts.reduce(into: "") { text, part in
            switch part {
            case .literal(let literal): text += literal
            case .placeholder(let name): text += defaults[name].map { " \($0) " } ?? " "
            }
        }
        return text.lowercased().replacingOccurrences(of: "_domainkey", with: "")
            .replacingOccurrences(of: "_dmarc", with: "")
            .filter { $0 != "@" && $0 != "." && $0 != " " }.count
    }
}
