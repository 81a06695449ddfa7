import Foundation
import Testing

@testable import ZoneFile

/// The loader scans each entry into a `TokenBuffer` (pointer storage, reused for the whole load), where
/// the syntax tree scans into arrays. Both must hold the same tokens: checked on every entry of every
/// corpus file and real zone, one buffer reused throughout as the loader reuses it, and on entries with
/// more tokens than the buffer first has room for.
@Suite struct TokenBufferTests {
    /// Scans every entry of `bytes` into an array and into `buffer`; returns how many entries were compared.
    static func compareEntries(of bytes: [UInt8], buffer: inout TokenBuffer, _ label: String) -> Int {
        var entries = 0
        bytes.withUnsafeBufferPointer { text in
            var offset = 0
            var arrayProblems: [LexProblem] = []
            var bufferProblems: [LexProblem] = []
            while offset < text.count {
                var array: [Token] = []
                arrayProblems.removeAll()
                bufferProblems.removeAll()
                buffer.removeAll()
                let arrayEnd = EntryScanner.scan(text, from: offset, tokens: &array, problems: &arrayProblems)
                let bufferEnd = EntryScanner.scan(text, from: offset, tokens: &buffer, problems: &bufferProblems)
                #expect(arrayEnd == bufferEnd, "\(label) at \(offset)")
                #expect(Array(buffer.tokens) == array, "\(label) at \(offset)")
                #expect(buffer.count == array.count)
                for index in array.indices { #expect(buffer[index] == array[index]) }
                entries += 1
                offset = arrayEnd
            }
        }
        return entries
    }

    @Test("an entry's tokens in the buffer are the array's, on every corpus file and real zone")
    func corpusAndRealZones() throws {
        var buffer = TokenBuffer()
        var entries = 0
        for url in TestPaths.corpusAndRealZoneFiles() {
            entries += Self.compareEntries(of: Array(try Data(contentsOf: url)), buffer: &buffer, url.lastPathComponent)
        }
        #expect(entries > 20_000, "only \(entries) entries compared")
    }

    @Test("a buffer grows past its first room and keeps the tokens it held")
    func growth() {
        // 300 fields in one entry, from a buffer with room for 2: it grows several times mid-entry.
        let text = "txt TXT ( " + (0..<300).map { "\"s\($0)\"" }.joined(separator: " ") + " )\n"
        var buffer = TokenBuffer(capacity: 2)
        #expect(Self.compareEntries(of: Array(text.utf8), buffer: &buffer, "long entry") == 1)
        #expect(buffer.count == 304)
    }

    @Test("a token written in place replaces that token only; clearing keeps nothing")
    func writeAndClear() {
        var buffer = TokenBuffer(capacity: 4)
        for start in 0..<6 { buffer.append(Token(kind: .word, start: start, end: start + 1)) }
        buffer[1] = buffer[4]
        #expect(buffer.tokens.map(\.start) == [0, 4, 2, 3, 4, 5])
        buffer.removeAll()
        #expect(buffer.count == 0)
        #expect(buffer.tokens.isEmpty)
        buffer.append(Token(kind: .comment, start: 9, end: 12))
        #expect(Array(buffer.tokens) == [Token(kind: .comment, start: 9, end: 12)])
    }
}
