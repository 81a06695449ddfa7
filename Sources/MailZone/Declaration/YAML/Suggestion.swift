/// "Did you mean …?" for misspelt keys, preset names and inputs.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if close enough to be a plausible typo.
    ///
    /// Close enough: at most a third of the word's length (at least 1, at most 3)
    /// edits, ignoring case, and not a wholly different short word.
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        let threshold = min(3, max(1, lowered.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            guard distance <= threshold, distance < candidate.count else { continue }
            if best == nil || distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The preset names a mistyped `name` may mean, best first: the nearest by edit distance, names
    /// containing it or contained in it (`tencent` for `tencent-ses`), and a misspelt service name
    /// without its suffix (`googel` for `google-workspace`). The declaration's `preset:` and the
    /// `presets NAME` command suggest the same names.
    static func presetNames(near name: String, in names: [String]) -> [String] {
        var suggestions: [String] = []
        if let nearest = nearest(to: name, in: names) { suggestions.append(nearest) }
        let lowered = name.lowercased()
        suggestions += names.filter {
            !suggestions.contains($0) && !lowered.isEmpty && ($0.contains(lowered) || lowered.contains($0))
        }
        let heads = Dictionary(
            names.map { (String($0.split(separator: "-").first ?? ""), $0) }, uniquingKeysWith: { first, _ in first })
        if let head = nearest(to: lowered, in: heads.keys), let full = heads[head], !suggestions.contains(full) {
            suggestions.append(full)
        }
        return suggestions
    }

    /// "; did you mean 'a' or 'b'?" or nothing, to append to a message.
    static func didYouMean(any suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// "; did you mean 'x'?" or nothing, to append to a message.
    static func didYouMean(
        _ word: String, in candidates: some Sequence<String>, quote: (String) -> String = { "'\($0)'" }
    )
        -> String
    {
        guard let nearest = nearest(to: word, in: candidates) else { return "" }
        return "; did you mean \(quote(nearest))?"
    }

    /// Levenshtein distance (insertions, deletions, substitutions), over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
