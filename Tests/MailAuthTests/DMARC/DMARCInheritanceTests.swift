import Testing

@testable import MailAuth

struct DMARCInheritanceTests {
    @Test func tencentsPNoneUnderAPRejectOrganisation() throws {
        let weakening = try #require(
            DMARCInheritance.weakening(
                record: "v=DMARC1; p=none", recordName: "_dmarc.news", domain: "news.corp.example",
                organisationalDomain: "corp.example", organisationalRecord: "v=DMARC1; p=reject"))
        #expect(
            weakening.summary
                == "_dmarc.news TXT \"v=DMARC1; p=none\" would weaken the policy that news.corp.example inherits from _dmarc.corp.example (p=reject)"
        )
        #expect(weakening.fix == "ask for p=reject for this sender, or publish no _dmarc.news record")
        #expect(
            weakening.message
                == "_dmarc.news TXT \"v=DMARC1; p=none\" would weaken the policy that news.corp.example inherits from _dmarc.corp.example (p=reject); ask for p=reject for this sender, or publish no _dmarc.news record"
        )
        #expect(weakening.severity == .error)
        #expect(weakening.policy == .none)
    }

    @Test(arguments: [
        ("v=DMARC1; p=none", "v=DMARC1; p=reject; sp=quarantine", Optional("sp=quarantine")),
        ("v=DMARC1; p=quarantine", "v=DMARC1; p=reject; sp=quarantine", nil),
        ("v=DMARC1; p=quarantine", "v=DMARC1; p=reject", "p=reject"),
        ("v=DMARC1; p=reject", "v=DMARC1; p=reject", nil),
        ("v=DMARC1; p=none", "v=DMARC1; p=none", nil),
        ("v=DMARC1; p=none", "v=DMARC1; p=none; sp=reject", "sp=reject"),
        ("v=DMARC1; p=none", "v=DMARC1; p=reject; sp=none", nil),
        // No p= but a valid rua=: receivers act as if p=none.
        ("v=DMARC1; rua=mailto:d@corp.example", "v=DMARC1; p=quarantine", "p=quarantine"),
        // An invalid subdomain record is ignored; the inherited policy still applies.
        ("v=DMARC1; p=bogus", "v=DMARC1; p=reject", nil),
        ("not dmarc", "v=DMARC1; p=reject", nil),
        // An invalid organisational record gives nothing to weaken.
        ("v=DMARC1; p=none", "v=DMARC1; p=block", nil),
        ("v=DMARC1; p=none", "", nil),
    ])
    func detects(record: String, organisationalRecord: String, inherited: String?) {
        let weakening = DMARCInheritance.weakening(
            record: record, recordName: "_dmarc.abc", domain: "abc.example.com",
            organisationalDomain: "example.com", organisationalRecord: organisationalRecord)
        #expect(weakening.map { "\($0.inheritedTag)=\($0.inheritedPolicy.rawValue)" } == inherited)
    }

    @Test func theOrganisationalDomainItselfInheritsNothing() {
        #expect(
            DMARCInheritance.weakening(
                record: "v=DMARC1; p=none", recordName: "_dmarc", domain: "Example.com",
                organisationalDomain: "example.com", organisationalRecord: "v=DMARC1; p=reject") == nil)
    }

    @Test func messageWithSp() throws {
        let weakening = try #require(
            DMARCInheritance.weakening(
                record: "v=DMARC1; p=none", recordName: "_dmarc.abc", domain: "abc.sampledomain.com",
                organisationalDomain: "sampledomain.com", organisationalRecord: "v=DMARC1; p=reject; sp=quarantine"))
        #expect(
            weakening.message
                == "_dmarc.abc TXT \"v=DMARC1; p=none\" would weaken the policy that abc.sampledomain.com inherits from _dmarc.sampledomain.com (sp=quarantine); ask for p=quarantine for this sender, or publish no _dmarc.abc record"
        )
    }
}
