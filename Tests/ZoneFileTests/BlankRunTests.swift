import Testing

@testable import ZoneFile

/// The scanner steps over a run of blanks (spaces, tabs, carriage returns) in one go: a run must
/// separate tokens exactly as one blank does, inside parentheses too, and leave quoted text alone.
@Suite struct BlankRunTests {
    /// Entries with `_` where a blank separates fields (or leads an entry whose owner is left out).
    static let entries = [
        "www_A_192.0.2.1", "@_TXT_\"a b  c\"_;note", "x_MX_(_10\n_mx_)", "y_CNAME_z_", "_A_192.0.2.2",
        "a\\ b_TXT_x", "ttl_300_IN_A_192.0.2.3", "_", "q_TXT_\"x\"\"y\"_z", "p_(\n_\n_A_192.0.2.4_)_;end",
    ]

    /// The tokens of the entry at the start of `text` (kinds and texts) and whether it ended where `text` does.
    static func scan(_ text: String) -> (tokens: [String], problems: Int, atEnd: Bool) {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var problems: [LexProblem] = []
        let end = bytes.withUnsafeBufferPointer { EntryScanner.scan($0, from: 0, tokens: &tokens, problems: &problems) }
        let texts = tokens.map { "\($0.kind) \(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))" }
        return (texts, problems.count, end == bytes.count)
    }

    @Test(arguments: ["  ", "\t\t", " \t \r ", "\r\r", String(repeating: " ", count: 40)])
    func aRunOfBlanksSeparatesAsOneBlankDoes(run: String) {
        for entry in Self.entries {
            let single = Self.scan(entry.replacingOccurrences(of: "_", with: " ") + "\n")
            let spaced = Self.scan(entry.replacingOccurrences(of: "_", with: run) + "\n")
            #expect(spaced.tokens == single.tokens, "\(entry) with \(Array(run.utf8))")
            #expect(spaced.problems == single.problems)
            #expect(spaced.atEnd && single.atEnd, "\(entry)")
        }
    }

    /// A run of blanks at the end of the text, with no newline after it, ends the entry there.
    @Test func aRunAtTheEndOfTheText() {
        let scanned = Self.scan("www A 192.0.2.1 \t \t")
        #expect(scanned.tokens == ["word www", "word A", "word 192.0.2.1"])
        #expect(scanned.atEnd)
    }
}
