/// A YAML mapping read against the set of keys it may hold.
///
/// Creating one reports, once, everything wrong with the mapping's keys: keys that
/// are not plain strings, and unknown keys with the nearest known one. Lookups
/// then never fail on spelling; `required` reports a missing key at the mapping.
struct MappingReader {
    /// The mapping node (its location is where "missing key" errors point).
    let node: YAMLNode
    /// What the mapping is, in messages: "sender", "service", "zone".
    let what: String
    /// The known keys' pairs in the mapping's order: a declaration's mappings hold a few keys each (thousands
    /// of senders and services), so they are looked through rather than hashed into a table per mapping.
    private let values: [(key: String, pair: YAMLPair)]
    /// Known keys suggested for misspelt ones; not reported again as missing.
    private let suggested: Set<String>

    /// Reads `node` as a mapping of `what`; reports and returns nil when it is something else.
    init?(_ node: YAMLNode, what: String, expected: String? = nil, keys: [String], diagnostics: inout Diagnostics) {
        guard node.isMapping else {
            diagnostics.error(
                at: node.location, "expected \(expected ?? "a mapping for the \(what)"), found \(node.kindDescription)")
            return nil
        }
        self.node = node
        self.what = what
        var values: [(key: String, pair: YAMLPair)] = []
        values.reserveCapacity(node.pairCount)
        var suggested = Set<String>()
        // The pairs read in place, without the list of them `content` makes.
        node.forEachPair { keyNode, value in
            guard let key = keyNode.scalar, key.kind == .string || key.kind == .null || key.kind == .boolean else {
                diagnostics.error(
                    at: keyNode.location, "a key in the \(what) must be a name, found \(keyNode.kindDescription)")
                return
            }
            guard keys.contains(key.text) else {
                let suggestion = Suggestion.didYouMean(key.text, in: keys)
                if let nearest = Suggestion.nearest(to: key.text, in: keys) { suggested.insert(nearest) }
                diagnostics.error(
                    at: keyNode.location, "unknown key '\(key.text)' in the \(what)\(suggestion)",
                    hint: suggestion.isEmpty ? "the keys of the \(what) are \(Self.list(keys))" : nil)
                return
            }
            values.append((key.text, YAMLPair(key: keyNode, value: value)))
        }
        self.values = values
        self.suggested = suggested
    }

    /// The value of `key`, if present (a present `null` counts as present).
    subscript(key: String) -> YAMLNode? { pair(key)?.value }

    /// The pair of `key`; the last when the mapping repeats it (the tree builder refuses that already).
    private func pair(_ key: String) -> YAMLPair? {
        values.last { $0.key == key }?.pair
    }

    /// The value of `key`; reports "missing" at the mapping when absent.
    func required(_ key: String, diagnostics: inout Diagnostics, hint: String? = nil) -> YAMLNode? {
        if let value = pair(key)?.value { return value }
        // "unknown key 'servics'; did you mean 'services'?" already says it.
        if suggested.contains(key) { return nil }
        diagnostics.error(at: node.location, "the \(what) is missing the required key '\(key)'", hint: hint)
        return nil
    }

    /// The items of the list at the required `key` (`hint` says what to write when it is missing);
    /// an empty list is reported too (`empty`, with `emptyHint`), as a declaration without them
    /// means nothing. Nil when the key is missing or not a list.
    func requiredList(
        _ key: String, _ expected: String, diagnostics: inout Diagnostics, hint: String, empty: String,
        emptyHint: String
    ) -> [YAMLNode]? {
        guard let node = required(key, diagnostics: &diagnostics, hint: hint),
            let items = node.list(expected, diagnostics: &diagnostics)
        else { return nil }
        if items.isEmpty { diagnostics.error(at: node.location, empty, hint: emptyHint) }
        return items
    }

    /// "a, b and c".
    static func list(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        if words.count == 1 { return last }
        return words.dropLast().joined(separator: ", ") + " and " + last
    }
}
