import Testing
import ZoneFile

@testable import MailAuth

/// TXT values mailzone writes go through ZoneFile's character-string routine: what
/// `TXTPresentation` quotes and splits, the zone-file reader reads back to the same value.
@Suite struct TXTPresentationZoneFileTests {
    @Test(arguments: [
        "v=spf1 include:_spf.example.com -all",
        #"quote " and backslash \ and semicolon ; and (parentheses)"#,
        "café, 日本語, emoji 📬",
        String(repeating: "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", count: 12),
        String(repeating: "é", count: 200),
        "",
    ])
    func writtenValuesReadBackThroughTheZoneFileReader(_ value: String) throws {
        let quoted = try TXTPresentation.quotedStrings(value)
        let rdata = try RData(type: .txt, presentation: quoted.joined(separator: " "))
        let strings = try #require(rdata.txt)
        #expect(strings.allSatisfy { $0.count <= CharacterString.maxOctets })
        #expect(String(decoding: strings.joined(), as: UTF8.self) == value)
        // And MailAuth's own reader agrees with ZoneFile's.
        #expect(try TXTPresentation.unquote(quoted.joined(separator: " ")).joined() == value)
    }

    @Test(
        "RDATA made from the split strings is the RDATA their presentation reads to",
        arguments: [
            "v=spf1 include:_spf.example.com -all", #"quote " and backslash \ and semicolon ; and (parentheses)"#,
            "café, 日本語, emoji 📬", String(repeating: "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", count: 12),
            String(repeating: "é", count: 200), "", " ", "\\", "\"", "v=DMARC1; p=none", "a\u{7E}b",
            String(repeating: "x", count: 255), String(repeating: "x", count: 256), String(repeating: "x", count: 511),
            String(repeating: "📬", count: 70),
        ])
    func rdataFromStringsAgreesWithThePresentation(_ value: String) throws {
        let strings = try TXTPresentation.split(value)
        let rdata = try #require(TXTPresentation.rdata(strings))
        #expect(rdata == (try RData(type: .txt, presentation: try TXTPresentation.oneLine(strings))))
        #expect(rdata.wire == (try RData(type: .txt, presentation: try TXTPresentation.oneLine(strings))).wire)
    }

    @Test("no RDATA is made from a string longer than a character-string, or past what BIND loads")
    func tooLongAString() throws {
        #expect(TXTPresentation.rdata([String(repeating: "x", count: 256)]) == nil)
        #expect(TXTPresentation.rdata([String(repeating: "x", count: 255)])?.wire.count == 256)
        // 256 strings of 255 octets are 65,536 octets; BIND loads 65,510 (`RDataLength`).
        let longest = try TXTPresentation.split(String(repeating: "a", count: 65_254))
        #expect(TXTPresentation.rdata(longest)?.wire.count == 65_510)
        let past = try TXTPresentation.split(String(repeating: "a", count: 65_255))
        #expect(TXTPresentation.rdata(past) == nil)
        #expect(throws: RDataError.self) {
            try RData(type: .txt, presentation: try TXTPresentation.oneLine(past))
        }
    }
}
