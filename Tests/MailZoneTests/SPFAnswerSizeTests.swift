import MailAuth
import Testing
import ZoneFile

@testable import MailZone

/// `SenderPlanner.sizeWarning` counts a new SPF record's octets from its RDATA as written, not from its value
/// split again: the two counts must agree on every value the examples want, every TXT text of the real zones,
/// and values long enough to be split, inside and outside ASCII.
@Suite("SPF answer size")
struct SPFAnswerSizeTests {
    @Test("a written TXT record's octets are those of its value split into strings")
    func writtenOctetsAreTheSplitValues() throws {
        var values = try PlanValueMemoTests.wantedValues().filter { $0.type == "TXT" }.map(\.value)
        values += try TXTVersionChecksTests.texts()
        values += [
            "v=spf1 " + String(repeating: "include:_spf.example.com ", count: 20) + "-all",
            "v=spf1 " + String(repeating: "exists:é.example ", count: 30) + "~all", String(repeating: "é", count: 200),
            String(repeating: "🙂", count: 100), "",
        ]
        var checked = 0
        for value in values {
            guard let (rdata, _) = try? SenderPlanner.txtRData(value) else { continue }
            let split = try TXTPresentation.split(value)
            #expect(
                SenderPlanner.answerOctets(of: rdata)
                    == TXTPresentation.answerOctets(ownerNameLength: 0, strings: split),
                "\(value)")
            checked += 1
        }
        #expect(checked > 50)
    }
}
