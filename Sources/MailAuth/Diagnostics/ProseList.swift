/// Items listed as a sentence says them: `a`, `a and b`, `a, b and c`.
public enum ProseList {
    /// The items joined with commas and a last `and`; empty for none.
    public static func joined(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Services as a plan names them, each once: `google-workspace`, `google-workspace and
    /// tencent-ses`; `another service` when none is known.
    public static func services(_ names: [String]) -> String {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return unique.isEmpty ? "another service" : joined(unique)
    }
}
