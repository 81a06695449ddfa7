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

    /// The decoder is one routine over memory (the loader writes TXT RDATA with it in place); read from a
    /// slice of a larger array, an error still gives the slice's own index, and what was decoded before
    /// it stays appended.
    @Test func aSliceKeepsItsIndicesAndWhatWasDecoded() throws {
        let bytes = Array(#"xx"ab\065\256"#.utf8)
        var octets: [UInt8] = [7]
        #expect(throws: CharacterString.EscapeError.decimalAbove255(at: 9, value: 256)) {
            try CharacterString.decodeEscapes(bytes[3..<13], into: &octets)
        }
        #expect(octets == [7] + Array("abA".utf8))
        var whole: [UInt8] = []
        #expect(try CharacterString.decodeEscapes(bytes[3..<9], into: &whole) == 3)
        #expect(whole == Array("abA".utf8))
    }

    @Test func splittingKeepsUTF8SequencesWhole() {
        let value = String(repeating: "a", count: 254) + "é" + String(repeating: "b", count: 300)
        let strings = CharacterString.split(value)
        #expect(strings.map(\.utf8.count) == [254, 255, 47])
        #expect(strings.joined() == value)
        #expect(CharacterString.split("") == [""])
    }

    /// Each string is as long as it can be: the next scalar would not have fitted (so every limit and
    /// mix of 1- to 4-octet characters is cut where the greedy rule cuts), and the strings join to the value.
    @Test(arguments: [4, 5, 7, 64, 255])
    func splittingFillsEachStringAsFarAsItGoes(_ limit: Int) {
        let values = [
            "", "a", String(repeating: "x", count: limit), String(repeating: "x", count: limit + 1),
            String(repeating: "aé€😀", count: 97), "v=DKIM1; k=rsa; p=" + String(repeating: "MIIBIjAN", count: 50),
        ]
        for value in values {
            let strings = CharacterString.split(value, maxOctets: limit)
            #expect(strings.joined() == value)
            #expect(strings.allSatisfy { $0.utf8.count <= limit })
            for (string, next) in zip(strings, strings.dropFirst()) {
                let nextScalar = next.unicodeScalars.first.map { UTF8.width($0) } ?? 0
                #expect(string.utf8.count + nextScalar > limit, "\(string) could have taken \(next.prefix(1))")
            }
        }
    }

    /// Octets in contiguous memory (a string's UTF-8, an array) and in any other sequence quote alike.
    @Test func quotingReadsAnySequence() {
        let octets = (0...255).map { UInt8($0) }
        let lazy = (0...255).lazy.map { UInt8($0) }
        #expect(CharacterString.quoted(lazy) == CharacterString.quoted(octets))
        #expect(CharacterString.quoted(lazy, keepingUTF8: true) == CharacterString.quoted(octets, keepingUTF8: true))
        #expect(CharacterString.quoted("a\"b\\c é".utf8, keepingUTF8: true) == #""a\"b\\c é""#)
        #expect(CharacterString.quoted("é".utf8) == #""\195\169""#)
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
