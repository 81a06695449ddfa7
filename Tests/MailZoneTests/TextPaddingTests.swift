import Testing
import ZoneFile

@testable import MailZone

/// The text outputs' columns are aligned by one helper, which pads and never cuts.
struct TextPaddingTests {
    @Test(arguments: [("MX", 5, "MX   "), ("CNAME", 5, "CNAME"), ("OPENPGPKEY", 5, "OPENPGPKEY"), ("", 2, "  ")])
    func padsToTheWidthAndNeverCuts(text: String, width: Int, padded: String) {
        #expect(text.padded(to: width) == padded)
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
