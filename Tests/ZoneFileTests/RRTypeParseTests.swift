import Testing

@testable import ZoneFile

/// The parser reads a record's type from the file's bytes, the common mnemonics without building a
/// string: it must read every mnemonic, in any ASCII case, as the string reading does, and refuse what
/// that refuses.
@Suite struct RRTypeParseTests {
    static func spellings(_ mnemonic: String) -> [String] {
        let mixed = String(
            mnemonic.enumerated().map { index, character in
                index % 2 == 0 ? character : Character(character.lowercased())
            })
        return [mnemonic, mnemonic.lowercased(), mixed]
    }

    @Test func everyMnemonicReadsAsTheStringReadingReadsIt() {
        let words = RRType.mnemonics.values.flatMap(Self.spellings) + ["TYPE65", "type65280", "TYPE65536"]
        for word in words {
            #expect(RRType.parse(Array(word.utf8)) == RRType(mnemonic: word), "\(word)")
        }
    }

    @Test func nearMissesAreRefused() {
        for word in ["CA", "CAAA", "D", "DSS", "NSEC4", "HTTP", "SVC", "DNSKEYS", "TXT1", "AAA", "ÇAA", "C-A", ""] {
            #expect(RRType.parse(Array(word.utf8)) == nil, "\(word)")
            #expect(RRType(mnemonic: word) == nil, "\(word)")
        }
    }
}
