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
}
