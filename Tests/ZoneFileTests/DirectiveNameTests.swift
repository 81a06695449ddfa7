import Testing

@testable import ZoneFile

/// A directive is told from the file's bytes (`Directive`) as the loader told it from the word
/// upper-cased as a string: the same words are directives, in any case, and the same are not.
@Suite struct DirectiveNameTests {
    /// The old reading: the word upper-cased as a Swift string, then compared.
    static func byString(_ word: String) -> Directive? {
        switch word.uppercased() {
        case "$ORIGIN": .origin
        case "$TTL": .ttl
        case "$INCLUDE": .include
        case "$GENERATE": .generate
        default: nil
        }
    }

    static let words: [String] = [
        "$ORIGIN", "$origin", "$Origin", "$oRiGiN", "$TTL", "$ttl", "$Ttl", "$INCLUDE", "$include", "$GENERATE",
        "$generate", "$GeNeRaTe", "$", "$ORIGINS", "$ORIGI", "$TT", "$TTLX", "ORIGIN", "$ORIG\u{0}N", "$orıgin",
        "$ınclude", "$ORİGIN", "$ttL\u{301}", "$generatE", "$GENERATE2", "$ÖRIGIN", "$origin.", "$[TTL]", "$@",
        "$TTL\u{7F}", "$ttl\u{80}",
    ]

    @Test("each word is the directive its upper-cased string names", arguments: words)
    func sameAsTheStringReading(_ word: String) {
        let bytes = Array(word.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { Directive($0) }
        #expect(fromBytes == Self.byString(word), "\(word)")
    }

    @Test("every ASCII spelling of each directive of up to nine letters, in every case")
    func everyCase() {
        for name in ["$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE"] {
            let letters = Array(name.utf8)
            for mask in 0..<(1 << letters.count) {
                let word = letters.enumerated().map { index, byte in
                    mask >> index & 1 == 1 && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                let fromBytes = word.withUnsafeBufferPointer { Directive($0) }
                #expect(fromBytes == Self.byString(String(decoding: word, as: UTF8.self)))
                #expect(fromBytes != nil)
            }
        }
    }
}
