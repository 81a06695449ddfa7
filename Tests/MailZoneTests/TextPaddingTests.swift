import Testing
import ZoneFile

@testable import MailZone

/// The text outputs' columns are aligned by one helper, which pads and never cuts.
struct TextPaddingTests {
    @Test(arguments: [("MX", 5, "MX   "), ("CNAME", 5, "CNAME"), ("OPENPGPKEY", 5, "OPENPGPKEY"), ("", 2, "  ")])
    func padsToTheWidthAndNeverCuts(text: String, width: Int, padded: String) {
        #expect(text.padded(to: width) == padded)
    }

    /// The columns measure text in characters; the count read from the UTF-8 length where every byte is a
    /// character must be the grapheme count for any text: non-ASCII letters, combining marks, emoji, and a
    /// carriage return before a line feed (one character of two bytes).
    @Test(arguments: [
        "", "mail", "_dmarc.sub", "\\032x", "caf\u{E9}", "cafe\u{301}", "\u{1F600}x", "a\r\nb", "a\rb", "a\nb",
        "\u{01C5}", "\u{212A}elvin", "x\u{0}y", "\u{7F}",
    ])
    func characterCountIsTheCount(text: String) {
        #expect(text.characterCount == text.count)
        #expect(text.padded(to: 12) == text + String(repeating: " ", count: max(0, 12 - text.count)))
    }

    /// A record type wider than the type column is written whole, and the value still follows it.
    @Test func aWideTypeIsWrittenWhole() throws {
        let item = PlanItem(
            action: .delete, owner: "_25._tcp.mail", name: try DomainName(parsing: "_25._tcp.mail.example.com."),
            type: .openpgpkey, purpose: "other", before: "AQID")
        let zone = ZonePlan(
            origin: try DomainName(parsing: "example.com."), file: "db.example.com",
            senders: [
                SenderPlan(domain: try DomainName(parsing: "example.com."), services: ["custom"], items: [item])
            ])
        #expect(PlanTextRenderer().renderZone(zone).contains("- _25._tcp.mail OPENPGPKEY AQID"))
    }

    @Test func tableCellsArePaddedButTheLastIsNot() {
        let table = TextTable(header: ["HOST", "TYPE", "VALUE"], rows: [["_dmarc", "TXT", "v=DMARC1"]])
        #expect(table.render() == "HOST    TYPE  VALUE\n_dmarc  TXT   v=DMARC1\n")
    }
}
