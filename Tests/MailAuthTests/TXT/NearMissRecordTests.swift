import MailAuth
import TestSupport
import Testing

/// TXT records that misspell the version of an SPF, DMARC or DKIM key record are found, with
/// the record corrected; records spelt right and unrelated TXT records are not taken for them.
@Suite struct NearMissRecordTests {
    static let spf: [(text: String, written: String?, corrected: String?)] = [
        ("v=spfv1 mx ~all", "v=spfv1", "v=spf1 mx ~all"),
        ("spf1 mx ~all", "spf1", "v=spf1 mx ~all"),
        ("v=spf1mx ~all", "v=spf1mx", "v=spf1 mx ~all"),
        (" v=spf1 include:_spf.google.com -all", " v=spf1", "v=spf1 include:_spf.google.com -all"),
        ("v = spf1 a -all", "v = spf1", "v=spf1 a -all"),
        ("V:SPF1 -all", "V:SPF1", "v=spf1 -all"),
        ("v=spf 1 ip4:192.0.2.1 -all", "v=spf 1", "v=spf1 ip4:192.0.2.1 -all"),
        // Spelt right (any case), another version, a broken term, unrelated TXT: not near misses.
        ("v=spf1 mx ~all", nil, nil),
        ("V=SPF1 mx ~all", nil, nil),
        ("v=spf2.0/pra mx -all", nil, nil),
        ("v=spf10 mx", nil, nil),
        ("spf1-verification=abc123", nil, nil),
        ("google-site-verification=abc123", nil, nil),
        ("v=spfv1 mx ~al!", nil, nil),
    ]

    @Test(arguments: spf)
    func spfNearMisses(_ text: String, _ written: String?, _ corrected: String?) {
        let found = NearMissRecord.spf(text, name: "@")
        #expect(found?.written == written)
        #expect(found?.corrected == corrected)
    }

    static let dmarc: [(text: String, corrected: String?)] = [
        ("v=dmarc1; p=none", "v=DMARC1; p=none"),
        ("v=DMARCv1; p=reject", "v=DMARC1; p=reject"),
        ("DMARC1; p=quarantine; rua=mailto:d@example.com", "v=DMARC1; p=quarantine; rua=mailto:d@example.com"),
        ("v=DMARC1 p=none", "v=DMARC1; p=none"),
        ("v:DMARC1; p=none", "v=DMARC1; p=none"),
        ("v=DMARC1; p=none", nil),
        ("v=DMARC2; p=none", nil),
        ("some other text", nil),
    ]

    @Test(arguments: dmarc)
    func dmarcNearMisses(_ text: String, _ corrected: String?) {
        #expect(NearMissRecord.dmarc(text, name: "_dmarc")?.corrected == corrected)
    }

    static let key = TestKeys.rsa2048

    static let dkim: [(text: String, corrected: String?)] = [
        ("v=dkim1; k=rsa; p=\(key)", "v=DKIM1; k=rsa; p=\(key)"),
        ("v=DKIM1 k=rsa; p=\(key)", "v=DKIM1; k=rsa; p=\(key)"),
        ("DKIM1; p=\(key)", "v=DKIM1; p=\(key)"),
        ("v=DKIM1; k=rsa; p=\(key)", nil),
        ("k=rsa; p=\(key)", nil),
        ("v=dkim1; k=rsa; p=not*base64", nil),
    ]

    @Test(arguments: dkim)
    func dkimNearMisses(_ text: String, _ corrected: String?) {
        #expect(NearMissRecord.dkim(text, name: "qcloud._domainkey")?.corrected == corrected)
    }

    @Test func messageQuotesWhatWasWrittenAndGivesTheRecordCorrected() throws {
        let found = try #require(NearMissRecord.spf("v=spfv1 mx ~all", name: "@"))
        #expect(
            found.summary == "@ has a TXT record that is almost an SPF record: it starts \"v=spfv1\" instead of "
                + "\"v=spf1\", so receivers ignore it; mailzone does not add a second SPF record beside it")
        #expect(found.fix == "correct the record to \"v=spf1 mx ~all\", then plan again")
    }
}
