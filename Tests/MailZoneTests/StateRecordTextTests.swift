import Testing
import ZoneFile

@testable import MailZone

/// `StateRecord.text` is made in one piece from ASCII RDATA and kept from a zone record's decoding: it must be
/// what decoding the strings one by one and joining them gives (`RData.characterStrings`), octet for octet,
/// on every TXT record of the real zones and on RDATA that is not ASCII or is cut short.
@Suite("State record text")
struct StateRecordTextTests {
    /// What `strings` and `text` were before: each string copied out, decoded, then joined.
    static func general(_ rdata: RData) -> (strings: [String], text: String) {
        let strings = rdata.characterStrings.map { String(decoding: $0, as: UTF8.self) }
        return (strings, strings.joined())
    }

    static func check(_ rdata: RData, _ comment: Comment? = nil) {
        let expected = general(rdata)
        let record = StateRecord(type: .txt, rdata: rdata, ttl: 0, existing: nil)
        #expect(Array(StateRecord.text(of: rdata).utf8) == Array(expected.text.utf8), comment)
        #expect(Array(record.text.utf8) == Array(expected.text.utf8), comment)
        #expect(Array(record.decodingText().text.utf8) == Array(expected.text.utf8), comment)
        #expect(record.strings.map { Array($0.utf8) } == expected.strings.map { Array($0.utf8) }, comment)
    }

    @Test("the text of every TXT record of the real zones is its strings decoded and joined")
    func realZones() throws {
        var checked = 0
        for (corpusCase, _, zone) in try ZoneStateTests.corpusZones() {
            for record in zone.records where record.type == .txt {
                Self.check(record.rdata, "\(corpusCase.name): \(record.rdata.presentation)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test(
        "RDATA that is not ASCII, split inside a character, cut short or empty reads as its strings joined",
        arguments: [
            [UInt8](), [0], [3, 0x61, 0x62, 0x63], [2, 0xC3, 0xA9, 1, 0x41],
            [1, 0xC3, 1, 0xA9], [5, 0x61, 0x62], [1, 0xFF, 0, 2, 0x7F, 0x20], [3, 0x61, 0x80, 0x62, 4, 0x63],
        ])
    func unusualRData(_ wire: [UInt8]) {
        Self.check(RData(type: .txt, wire: wire), "\(wire)")
    }

    @Test("a record given new RDATA reads the new text, not the one decoded before")
    func newRDataForgetsTheText() throws {
        var record = StateRecord(
            type: .txt, rdata: try RData(type: .txt, presentation: "\"v=spf1 -all\""), ttl: 0, existing: nil
        ).decodingText()
        #expect(record.text == "v=spf1 -all")
        record.rdata = try RData(type: .txt, presentation: "\"v=spf1 include:example.com\" \" -all\"")
        #expect(record.text == "v=spf1 include:example.com -all")
    }
}
