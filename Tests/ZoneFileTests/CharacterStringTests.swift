import Testing

@testable import ZoneFile

/// The one RFC 1035 character-string routine: quoting (§5.1), decoding escapes, splitting to 255 octets.
@Suite struct CharacterStringTests {
    @Test func quotingEscapesQuotesBackslashesAndOctetsThatAreNotPrintable() {
        let octets: [UInt8] = Array("a \"b\" \\c".utf8) + [0x09, 0x7F, 0xC3, 0xA9]
        #expect(CharacterString.quoted(octets) == #""a \"b\" \\c\009\127\195\169""#)
        // Text checked to be UTF-8 without control characters keeps its letters.
        #expect(CharacterString.quoted(Array("café \"x\"".utf8), keepingUTF8: true) == #""café \"x\"""#)
        #expect(CharacterString.quoted([]) == #""""#)
    }

    @Test func escapesDecode() throws {
        var octets: [UInt8] = []
        #expect(try CharacterString.decodeEscapes(Array(#"a\"b\\c\065\255\ "#.utf8)[...], into: &octets) == 8)
        #expect(octets == Array("a\"b\\cA".utf8) + [255, 0x20])
    }

    @Test(arguments: [
        (#"abc\"#, CharacterString.EscapeError.loneBackslash(at: 3)),
        (#"a\12"#, .shortDecimal(at: 1)),
        (#"a\1x3"#, .shortDecimal(at: 1)),
        (#"ab\256"#, .decimalAbove255(at: 2, value: 256)),
    ])
    func badEscapesAreRefused(_ text: String, _ expected: CharacterString.EscapeError) {
        var octets: [UInt8] = []
        #expect(throws: expected) { try CharacterString.decodeEscapes(Array(text.utf8)[...], into: &octets) }
    }

    @Test func splittingKeepsUTF8SequencesWhole() {
        let value = String(repeating: "a", count: 254) + "é" + String(repeating: "b", count: 300)
        let strings = CharacterString.split(value)
        #expect(strings.map(\.utf8.count) == [254, 255, 47])
        #expect(strings.joined() == value)
        #expect(CharacterString.split("") == [""])
    }

    /// What the printer quotes reads back through the zone-file reader to the same octets, for every octet.
    @Test func quotedTextReadsBack() throws {
        let octets = (0...255).map { UInt8($0) }
        for chunk in stride(from: 0, to: 256, by: 64) {
            let part = Array(octets[chunk..<(chunk + 64)])
            let rdata = try RData(type: .txt, presentation: CharacterString.quoted(part))
            #expect(rdata.txt == [part])
        }
    }
}
