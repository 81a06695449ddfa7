import Foundation
import Testing

@testable import ZoneFile

/// Names are read label by label with whole-label copies when they have no escape
/// (`NameParser.appendPlain`), byte by byte otherwise (`NameParser.appendEscaped`). The two must read
/// every text alike: the same wire form, or the same error with nothing left in the buffer. Checked on
/// every word of every corpus file and real zone, and on spellings at the edges of the limits.
@Suite struct NameParserTests {
    static let origin = DomainName(uncheckedWire: [6] + Array("origin".utf8) + [7] + Array("example".utf8) + [0])

    /// `text` read by `append` (plain first) and by the escaped reader alone, each after three bytes
    /// already in the buffer, which must be all that is left on an error.
    static func bothWays(_ text: [UInt8]) -> (fast: Result<[UInt8], NameError>, escaped: Result<[UInt8], NameError>) {
        let before: [UInt8] = [9, 8, 7]
        func read(_ reader: (UnsafeBufferPointer<UInt8>, inout [UInt8]) throws(NameError) -> Void) -> Result<
            [UInt8], NameError
        > {
            var buffer = before
            do {
                try text.withUnsafeBufferPointer { (text) throws(NameError) in try reader(text, &buffer) }
                return .success(buffer)
            } catch {
                #expect(buffer == before, "\(String(decoding: text, as: UTF8.self)): a refused name left bytes")
                return .failure(error)
            }
        }
        let fast = read { (text, buffer) throws(NameError) in
            try NameParser.append(text, origin: origin, to: &buffer)
        }
        let escaped = read { (text, buffer) throws(NameError) in
            try NameParser.appendEscaped(text, origin: origin, to: &buffer)
        }
        return (fast, escaped)
    }

    static func agree(_ text: [UInt8], _ label: String) {
        // `@` and `.` alone are read before either reader (the origin, the root).
        guard text != [UInt8(ascii: "@")], text != [UInt8(ascii: ".")] else { return }
        let (fast, escaped) = bothWays(text)
        #expect(fast == escaped, "\(label): \(String(decoding: text, as: UTF8.self))")
    }

    @Test("plain and escaped reading agree on every word of the corpus and the real zones")
    func corpusWords() throws {
        var words = 0
        for url in TestPaths.corpusAndRealZoneFiles() {
            let bytes = Array(try Data(contentsOf: url))
            for token in ZoneFileSyntax.tokens(in: bytes, range: 0..<bytes.count) where token.kind == .word {
                Self.agree(Array(bytes[token.start..<token.end]), url.lastPathComponent)
                words += 1
            }
        }
        #expect(words > 50_000, "only \(words) words read")
    }

    static let edges: [String] = [
        "a", "a.", "a.b", "a.b.", ".a", "..", "a..", "a..b", "a...", "@.", "@a", "a@", "-", "*", "*.a", "_sip._udp",
        "a\\.b", "a\\", "\\065", "\\06", "\\256", "x\\999", "a.\\.", "a\\\\.", "\\.", "Ab.CD.",
        String(repeating: "a", count: 63), String(repeating: "a", count: 64),
        String(repeating: "a", count: 63) + ".", String(repeating: "a", count: 64) + ".",
        String(repeating: "a", count: 70) + ".b\\065", "b\\065." + String(repeating: "a", count: 70),
        String(repeating: "a", count: 70) + "..", ".." + String(repeating: "a", count: 70),
        // Four 63-octet labels: 256 octets absolute, and more with the origin when relative.
        Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: ".") + ".",
        Array(repeating: String(repeating: "a", count: 63), count: 3).joined(separator: ".") + ".",
        Array(repeating: String(repeating: "a", count: 63), count: 3).joined(separator: "."),
        Array(repeating: String(repeating: "a", count: 61), count: 4).joined(separator: ".") + ".",
        Array(repeating: String(repeating: "a", count: 58), count: 4).joined(separator: "."),
        Array(repeating: "a", count: 128).joined(separator: ".") + ".",
        Array(repeating: "a", count: 127).joined(separator: ".") + ".",
    ]

    @Test("plain and escaped reading agree at the edges of the limits", arguments: edges)
    func edge(_ text: String) {
        Self.agree(Array(text.utf8), "edge")
    }

    @Test("a plain name is read in place with its origin")
    func plainName() throws {
        var buffer: [UInt8] = []
        try Array("Mail.x".utf8).withUnsafeBufferPointer { (text) throws(NameError) in
            try NameParser.append(text, origin: Self.origin, to: &buffer)
        }
        #expect(buffer == [4] + Array("Mail".utf8) + [1, UInt8(ascii: "x")] + Self.origin.wire)
    }
}
