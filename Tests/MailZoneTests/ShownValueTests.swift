import Testing

@testable import MailZone

/// A long value is shortened in the text outputs to its first 80 and last 17 characters; values read by
/// their bytes (ASCII) must come out as counting characters gives them.
struct ShownValueTests {
    /// The definition: characters (graphemes) counted and cut.
    private func byCharacters(_ value: String) -> String {
        guard value.count > PlanTextRenderer.valueLimit else { return value }
        return String(value.prefix(PlanTextRenderer.valueLimit - 20)) + "..." + String(value.suffix(17))
    }

    static let key = "v=DKIM1; k=rsa; p=" + String(repeating: "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", count: 9)

    @Test(arguments: [
        "", "v=DMARC1; p=none", String(repeating: "a", count: 100), String(repeating: "a", count: 101), key,
        // A carriage return and line feed are one character: 101 bytes, 100 characters.
        String(repeating: "a", count: 99) + "\r\n", String(repeating: "a", count: 120) + "\r\n" + "tail",
        // Several bytes a character: 150 bytes, 75 characters; and 200 characters of mixed widths.
        String(repeating: "é", count: 75), String(repeating: "aé", count: 100),
        String(repeating: "e\u{301}", count: 60) + key,
    ])
    func shortenedAsCountingCharactersDoes(value: String) {
        #expect(PlanTextRenderer().shown(value) == byCharacters(value))
        // Appended in place to a line, as the plan's lines take it.
        var line = "    + qcloud._domainkey TXT   "
        PlanTextRenderer().appendShown(value, to: &line)
        #expect(line == "    + qcloud._domainkey TXT   " + byCharacters(value))
    }

    @Test func nothingIsAppendedForNoValue() {
        var line = "x"
        PlanTextRenderer().appendShown(nil, to: &line)
        #expect(line == "x")
    }

    @Test func aDKIMKeyKeepsItsTwoEnds() {
        let shown = PlanTextRenderer().shown(Self.key)
        #expect(shown.count == 100)
        #expect(shown.hasPrefix("v=DKIM1; k=rsa; p=MIIB"))
        #expect(shown.hasSuffix("..." + Self.key.suffix(17)))
    }
}
