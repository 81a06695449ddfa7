import Testing

@testable import MailAuth

struct DMARCReportAuthorisationTests {
    @Test func listsExternalHosts() {
        let needed = DMARCReportAuthorisation.needed(
            dmarcDomain: "corp.example",
            rua: ["mailto:dmarc@corp.example", "mailto:d@Reports.Example.NET!10m", "mailto:e@reports.example.net"],
            ruf: ["mailto:f@sub.corp.example", "mailto:x@forensics.example.org"])
        #expect(
            needed.map(\.name) == [
                "corp.example._report._dmarc.reports.example.net",
                "corp.example._report._dmarc.forensics.example.org",
            ])
        #expect(needed.map(\.tag) == ["rua", "ruf"])
        #expect(needed.first?.severity == .warning)
        #expect(
            needed.first?.message
                == "rua=mailto:d@Reports.Example.NET!10m sends reports outside corp.example; receivers send them only if reports.example.net publishes TXT \"v=DMARC1\" at corp.example._report._dmarc.reports.example.net; ask the operator of reports.example.net to publish that record, or use a report address in corp.example"
        )
    }

    @Test(arguments: [
        ("news.corp.example", Optional("corp.example"), ["mailto:d@corp.example"], [String]()),
        ("news.corp.example", nil, ["mailto:d@corp.example"], ["news.corp.example._report._dmarc.corp.example"]),
        (
            "news.corp.example.", "corp.example.", ["mailto:d@other.example"],
            ["news.corp.example._report._dmarc.other.example"]
        ),
        (
            "corp.example", nil, ["https://reports.example.net/dmarc"],
            ["corp.example._report._dmarc.reports.example.net"]
        ),
        ("corp.example", nil, ["ftp://reports.example.net/x", "not a uri"], []),
        ("corp.example", nil, ["mailto:d@notcorp.example"], ["corp.example._report._dmarc.notcorp.example"]),
    ])
    func names(dmarcDomain: String, organisationalDomain: String?, rua: [String], expected: [String]) {
        #expect(
            DMARCReportAuthorisation.needed(
                dmarcDomain: dmarcDomain, organisationalDomain: organisationalDomain, rua: rua
            ).map(\.name)
                == expected)
    }

    @Test func fromARecord() throws {
        let record = try DMARCRecord(
            "v=DMARC1; p=none; rua=mailto:a@dmarc.service.example!10m; ruf=mailto:f@corp.example")
        #expect(
            DMARCReportAuthorisation.needed(by: record, dmarcDomain: "corp.example").map(\.name)
                == ["corp.example._report._dmarc.dmarc.service.example"])
    }
}
