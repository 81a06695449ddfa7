import Foundation
import Testing

@testable import ZoneFile

/// The loader's scanner takes an entry's owner word where the owner read-ahead found it
/// (`EntryScanner.scan(ownerEnd:)`) instead of scanning it again: the tokens, problems and entry end
/// must be those of a full scan, on every entry of every corpus file and real zone and on crafted
/// owners (escapes, quotes, NULs, owners glued to parentheses and comments, owners at the end).
@Suite struct ScannerOwnerEndTests {
    /// Scans every entry of `bytes` both ways; returns how many entries had an owner read ahead.
    static func compare(_ bytes: [UInt8], _ label: String) -> Int {
        var taken = 0
        bytes.withUnsafeBufferPointer { text in
            var offset = 0
            while offset < text.count {
                var full: [Token] = []
                var fullProblems: [LexProblem] = []
                let fullEnd = EntryScanner.scan(text, from: offset, tokens: &full, problems: &fullProblems)
                let ownerEnd = OwnerLookahead.ownerText(text, at: offset)?.upperBound ?? -1
                if ownerEnd >= 0 { taken += 1 }
                var reused: [Token] = []
                var reusedProblems: [LexProblem] = []
                let reusedEnd = EntryScanner.scan(
                    text, from: offset, tokens: &reused, problems: &reusedProblems, ownerEnd: ownerEnd)
                #expect(reusedEnd == fullEnd, "\(label) at \(offset)")
                #expect(reused == full, "\(label) at \(offset)")
                #expect(reusedProblems.map(\.offset) == fullProblems.map(\.offset), "\(label) at \(offset)")
                offset = fullEnd
            }
        }
        return taken
    }

    @Test("an owner read ahead scans as a full scan does, on every corpus file and real zone")
    func corpusAndRealZones() throws {
        var taken = 0
        for url in TestPaths.corpusAndRealZoneFiles() {
            taken += Self.compare(Array(try Data(contentsOf: url)), url.lastPathComponent)
        }
        #expect(taken > 5_000, "only \(taken) owners read ahead")
    }

    @Test(
        "crafted owners",
        arguments: [
            "www A 192.0.2.1\n", "www\tA 192.0.2.1\n", "w\\ x A 192.0.2.1\n", "www(A)\n", "www;c\n", "www\"q\"\n",
            "www\r\n", "w\0w A 1\n", "www", "www ", "w\u{0B}w A 1\n", " A 192.0.2.1\n", "$TTL 1\n", ";c\n", "(\n)\n",
            "\"q\" A 1\n", "www)\n", "x.example. ( A\n 192.0.2.1 )\n",
        ])
    func crafted(text: String) {
        _ = Self.compare(Array(text.utf8), text)
    }
}
