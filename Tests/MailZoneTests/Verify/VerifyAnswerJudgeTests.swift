import DNSClient
import MailAuth
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// Judging one answer by meaning: the cases the lab zones do not cover.
struct VerifyAnswerJudgeTests {
    private static let origin = (try? DomainName(parsing: "example.com.")) ?? .root

    private func check(
        _ purpose: RecordPurpose, _ type: String, _ value: String, at owner: String = "@",
        keepsExistingMX: Bool = false
    ) throws -> VerifyCheck {
        let name = try #require(DeclaredName(owner == "@" ? "example.com" : owner + ".example.com"))
        let wanted = WantedRecord(
            owner: RecordOwner(name: name, relative: owner), type: type, value: value, purpose: purpose,
            presets: ["test"], source: YAMLLocation(file: "m.yaml", line: 1, column: 1), presetSource: nil)
        return VerifyCheck.check(for: wanted, keepsExistingMX: keepsExistingMX)
    }

    /// Judges `check` against an authoritative server answering from `zone` (records under example.com.).
    private func judge(_ check: VerifyCheck, zone records: String) throws -> VerifyResult {
        let zone = ZoneBackedDNS.zone(
            """
            $ORIGIN example.com.
            @ 300 IN SOA ns hostmaster 1 2 3 4 5
            @ 300 IN NS ns
            \(records)
            """)
        let server = DNSServerAddress.loopback
        let answer = try ZoneBackedDNS(zones: [server: zone]).query(check.owner, type: check.queryType, server: server)
        return AnswerJudge.judge(check, answer: answer, server: "s")
    }

    private func spfCheck() throws -> VerifyCheck {
        try check(.spf, "TXT", "v=spf1 include:qcloudmail.com ~all")
    }

    @Test func spfIncludeAmongOtherTermsPasses() throws {
        let result = try judge(
            try spfCheck(), zone: "@ 300 IN TXT \"v=spf1 mx include:_spf.google.com \" \"include:QCLOUDMAIL.COM. -all\""
        )
        #expect(result.status == .verified)
    }

    @Test func twoSPFRecordsAreAMismatch() throws {
        let result = try judge(
            try spfCheck(),
            zone: """
                @ 300 IN TXT "v=spf1 include:qcloudmail.com ~all"
                @ 300 IN TXT "v=spf1 include:other.example -all"
                """)
        #expect(result.status == .mismatch)
        #expect(
            result.detail
                == "2 SPF records at example.com.: receivers treat that as a permanent error (RFC 7208 §4.5); keep one")
    }

    @Test func includeAfterAllOrWithAFailQualifierIsAMismatch() throws {
        let after = try judge(try spfCheck(), zone: "@ 300 IN TXT \"v=spf1 -all include:qcloudmail.com\"")
        #expect(after.status == .mismatch)
        #expect(after.detail == "the SPF record lacks include:qcloudmail.com before its all term")
        let failing = try judge(try spfCheck(), zone: "@ 300 IN TXT \"v=spf1 -include:qcloudmail.com ~all\"")
        #expect(failing.status == .mismatch)
        #expect(failing.detail?.contains("-include:qcloudmail.com") == true)
    }

    @Test func onlyOtherTXTRecordsMeansNoSPF() throws {
        let result = try judge(try spfCheck(), zone: "@ 300 IN TXT \"site-verification=1\"")
        #expect(result.status == .missing)
        #expect(result.detail == "no SPF record at example.com.")
        #expect(result.served == ["site-verification=1"])
    }

    @Test func dkimKeyBehindAnInZoneAliasPasses() throws {
        let key = "v=DKIM1; k=rsa; p=\(TestKeys.rsa2048)"
        let result = try judge(
            try check(.dkim, "TXT", key, at: "s1._domainkey"),
            zone: """
                s1._domainkey 300 IN CNAME keys.example.com.
                keys 300 IN TXT \(VerifyLab.strings("p=" + TestKeys.rsa2048 + "; k=rsa", size: 50))
                """)
        #expect(result.status == .verified)
        #expect(result.detail == "through the alias s1._domainkey.example.com. CNAME keys.example.com.")
        #expect(result.served.first == "CNAME keys.example.com.")
    }

    @Test func dkimAliasLeavingTheZoneIsNotTheWantedTXT() throws {
        let result = try judge(
            try check(.dkim, "TXT", "v=DKIM1; p=\(TestKeys.rsa2048)", at: "s1._domainkey"),
            zone: "s1._domainkey 300 IN CNAME s1.keys.elsewhere.example.")
        #expect(result.status == .missing)
        #expect(
            result.detail
                == "s1._domainkey.example.com. is an alias (CNAME) of s1.keys.elsewhere.example., which has no TXT record here"
        )
    }

    @Test func revokedOrUnreadableKeyIsAMismatch() throws {
        let key = "v=DKIM1; p=\(TestKeys.rsa2048)"
        let revoked = try judge(
            try check(.dkim, "TXT", key, at: "s1._domainkey"), zone: "s1._domainkey 300 IN TXT \"v=DKIM1; p=\"")
        #expect(revoked.status == .mismatch)
        let broken = try judge(
            try check(.dkim, "TXT", key, at: "s1._domainkey"), zone: "s1._domainkey 300 IN TXT \"hello\"")
        #expect(broken.status == .mismatch)
        #expect(broken.detail?.hasPrefix("the served key record cannot be read") == true)
    }

    @Test func strongerDMARCPassesWeakerDoesNot() throws {
        let wanted = try check(.dmarc, "TXT", "v=DMARC1; p=quarantine; pct=100", at: "_dmarc")
        #expect(try judge(wanted, zone: "_dmarc 300 IN TXT \"v=DMARC1; p=reject; adkim=s\"").status == .verified)
        let lower = try judge(wanted, zone: "_dmarc 300 IN TXT \"v=DMARC1; p=quarantine; pct=20\"")
        #expect(lower.status == .mismatch)
        #expect(lower.detail == "the served DMARC policy is weaker: pct=20 where pct=100 is wanted")
        let twice = try judge(
            wanted, zone: "_dmarc 300 IN TXT \"v=DMARC1; p=reject\"\n_dmarc 300 IN TXT \"v=DMARC1; p=none\"")
        #expect(twice.status == .mismatch)
    }

    @Test func mxKeepsExistingWhenTheSenderSaysSo() throws {
        let zone = "@ 300 IN MX 5 mail.example.com."
        #expect(try judge(try check(.mx, "MX", "10 mxbiz1.qq.com."), zone: zone).status == .missing)
        let kept = try judge(try check(.mx, "MX", "10 mxbiz1.qq.com.", keepsExistingMX: true), zone: zone)
        #expect(kept.status == .verified)
        #expect(
            kept.detail == "the name keeps its own MX records (mx: keep-existing); mxbiz1.qq.com. is not among them")
        let otherPreference = try judge(
            try check(.mx, "MX", "10 mxbiz1.qq.com."), zone: "@ 300 IN MX 20 MXBIZ1.QQ.COM.")
        #expect(otherPreference.status == .verified)
        #expect(otherPreference.detail == "served with preference 20 where 10 is wanted")
    }

    @Test func plainTXTMustMatchExactly() throws {
        let wanted = try check(.verification, "TXT", "token=abc")
        #expect(try judge(wanted, zone: "@ 300 IN TXT \"token=\" \"abc\"").status == .verified)
        #expect(try judge(wanted, zone: "@ 300 IN TXT \"token=abd\"").status == .missing)
    }

    @Test func serverErrorsAreErrorsNotMissing() throws {
        let check = try spfCheck()
        let question = DNSQuestion(name: check.owner, type: .txt)
        let refused = AnswerJudge.judge(
            check, answer: DNSAnswer(question: question, rcode: .refused, answerSection: []), server: "s")
        #expect(refused.status == .error)
        #expect(refused.detail == "the server refused the question (REFUSED): it does not serve this zone")
        let failed = AnswerJudge.judge(
            check, answer: DNSAnswer(question: question, rcode: .serverFailure, answerSection: []), server: "s")
        #expect(failed.status == .error)
        let ns = try DNSResourceRecord(owner: Self.origin, type: .ns, ttl: 1, presentation: "ns.example.net.")
        let referral = AnswerJudge.judge(
            check,
            answer: DNSAnswer(
                question: question, rcode: .noError, isAuthoritative: false,
                answerSection: [], authoritySection: [ns]), server: "s")
        #expect(referral.status == .error)
        #expect(referral.detail == "the server is not authoritative for example.com. (it answered with a referral)")
    }
}
