import Testing

@testable import MailAuth

struct SPFMergeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var existing: [String]
        var includes: [String] = ["qcloudmail.com"]
        var expected: SPFMergeOutcome
        var testDescription: String { label }
    }

    static let tenIncludes = "v=spf1 " + (1...10).map { "include:s\($0).example.com" }.joined(separator: " ") + " ~all"

    @Test(arguments: [
        Case(
            label: "rule 1: no record", existing: [],
            expected: .changed(record: "v=spf1 include:qcloudmail.com ~all", replacing: nil)),
        Case(
            label: "rule 1: several services at once", existing: [], includes: ["qcloudmail.com", "_spf.google.com"],
            expected: .changed(record: "v=spf1 include:qcloudmail.com include:_spf.google.com ~all", replacing: nil)),
        Case(
            label: "rule 1: other TXT records are not SPF", existing: ["google-site-verification=abc", "v=spf10 -all"],
            expected: .changed(record: "v=spf1 include:qcloudmail.com ~all", replacing: nil)),
        Case(
            label: "rule 1: the same include twice is written once", existing: [],
            includes: ["qcloudmail.com", "QCloudMail.com."],
            expected: .changed(record: "v=spf1 include:qcloudmail.com ~all", replacing: nil)),
        Case(
            label: "rule 5: before -all", existing: ["v=spf1 include:_spf.google.com -all"],
            expected: .changed(
                record: "v=spf1 include:_spf.google.com include:qcloudmail.com -all",
                replacing: "v=spf1 include:_spf.google.com -all")),
        Case(
            label: "rule 5: mixed case kept", existing: ["V=SPF1 MX ~ALL"],
            expected: .changed(record: "V=SPF1 MX include:qcloudmail.com ~ALL", replacing: "V=SPF1 MX ~ALL")),
        Case(
            label: "rule 5: all in the middle", existing: ["v=spf1 a ?all mx"],
            expected: .changed(record: "v=spf1 a include:qcloudmail.com ?all mx", replacing: "v=spf1 a ?all mx")),
        Case(
            label: "rule 5: no all and no redirect appends, adds no all", existing: ["v=spf1 mx"],
            expected: .changed(record: "v=spf1 mx include:qcloudmail.com", replacing: "v=spf1 mx")),
        Case(
            label: "rule 5: bare version", existing: ["v=spf1"],
            expected: .changed(record: "v=spf1 include:qcloudmail.com", replacing: "v=spf1")),
        Case(
            label: "rule 5: redirect beside all is ignored, insert before all",
            existing: ["v=spf1 a -all redirect=_spf.example.com"],
            expected: .changed(
                record: "v=spf1 a include:qcloudmail.com -all redirect=_spf.example.com",
                replacing: "v=spf1 a -all redirect=_spf.example.com")),
        Case(
            label: "rule 6: spacing kept", existing: ["v=spf1  a   -all  "],
            expected: .changed(record: "v=spf1  a include:qcloudmail.com   -all  ", replacing: "v=spf1  a   -all  ")),
        Case(
            label: "rule 6: several includes into one record", existing: ["v=spf1 include:qcloudmail.com -all"],
            includes: ["qcloudmail.com", "_spf.google.com", "mailgun.org"],
            expected: .changed(
                record: "v=spf1 include:qcloudmail.com include:_spf.google.com include:mailgun.org -all",
                replacing: "v=spf1 include:qcloudmail.com -all")),
        Case(label: "rule 4: present", existing: ["v=spf1 include:qcloudmail.com ~all"], expected: .unchanged),
        Case(
            label: "rule 4: present with trailing dot", existing: ["v=spf1 include:qcloudmail.com. ~all"],
            expected: .unchanged),
        Case(
            label: "rule 4: present in other case", existing: ["v=spf1 INCLUDE:QCloudMail.COM ~all"],
            expected: .unchanged),
        Case(label: "rule 4: present with +", existing: ["v=spf1 +include:qcloudmail.com -all"], expected: .unchanged),
        Case(label: "rule 4: present, no all", existing: ["v=spf1 include:qcloudmail.com"], expected: .unchanged),
        Case(
            label: "rule 4: wanted with trailing dot, present without",
            existing: ["v=spf1 include:qcloudmail.com -all"],
            includes: ["qcloudmail.com."], expected: .unchanged),
        Case(
            label: "rule 4: only after all moves before all", existing: ["v=spf1 mx -all include:qcloudmail.com"],
            expected: .changed(
                record: "v=spf1 mx include:qcloudmail.com -all", replacing: "v=spf1 mx -all include:qcloudmail.com")),
        Case(
            label: "rule 4: moved term keeps its spelling", existing: ["v=spf1 -all  include:QCLOUDMAIL.com. a"],
            expected: .changed(
                record: "v=spf1 include:QCLOUDMAIL.com. -all a", replacing: "v=spf1 -all  include:QCLOUDMAIL.com. a")),
        Case(label: "no includes wanted", existing: ["v=spf1 -all"], includes: [], expected: .unchanged),
        Case(label: "no includes wanted, no record", existing: [], includes: [], expected: .unchanged),
    ])
    func merges(_ test: Case) {
        #expect(SPFMerge.merge(includeDomains: test.includes, existing: test.existing) == test.expected)
    }

    struct ConflictCase: Sendable, CustomTestStringConvertible {
        var label: String
        var existing: [String]
        var includes: [String] = ["qcloudmail.com"]
        var message: String
        var testDescription: String { label }
    }

    @Test(arguments: [
        ConflictCase(
            label: "rule 2: two SPF records",
            existing: ["v=spf1 include:_spf.google.com -all", "site-verification=x", "v=spf1 mx ~all"],
            message:
                "2 SPF records at @ (\"v=spf1 include:_spf.google.com -all\", \"v=spf1 mx ~all\"); receivers treat more than one as a permanent error; fold them into one SPF record, then plan again"
        ),
        ConflictCase(
            label: "rule 3: unparseable", existing: ["v=spf1 ip4:192.0.2 -all"],
            message:
                "the SPF record at @ \"v=spf1 ip4:192.0.2 -all\" is broken: SPF term \"ip4:192.0.2\" is invalid: \"192.0.2\" is not an IPv4 address; correct the record by hand, then plan again"
        ),
        ConflictCase(
            label: "rule 3: exp twice", existing: ["v=spf1 -all exp=a.example.com exp=b.example.com"],
            message:
                "the SPF record at @ \"v=spf1 -all exp=a.example.com exp=b.example.com\" is broken: SPF modifier exp= appears 2 times (\"exp=a.example.com\", \"exp=b.example.com\"); it may appear once; correct the record by hand, then plan again"
        ),
        ConflictCase(
            label: "rule 4: present with ~", existing: ["v=spf1 ~include:qcloudmail.com -all"],
            message:
                "the SPF record at @ already has \"~include:qcloudmail.com\", which does not pass mail from that service; change it to include:qcloudmail.com if the service should pass, or drop the service from this sender"
        ),
        ConflictCase(
            label: "rule 4: present with - after all", existing: ["v=spf1 -all -include:QCloudMail.com"],
            message:
                "the SPF record at @ already has \"-include:QCloudMail.com\", which does not pass mail from that service; change it to include:qcloudmail.com if the service should pass, or drop the service from this sender"
        ),
        ConflictCase(
            label: "rule 4: first evaluated match decides",
            existing: ["v=spf1 ?include:qcloudmail.com include:qcloudmail.com -all"],
            message:
                "the SPF record at @ already has \"?include:qcloudmail.com\", which does not pass mail from that service; change it to include:qcloudmail.com if the service should pass, or drop the service from this sender"
        ),
        ConflictCase(
            label: "rule 5: redirect and no all", existing: ["v=spf1 a redirect=_spf.example.com"],
            message:
                "the SPF record at @ ends in \"redirect=_spf.example.com\" and has no all, so its policy lives at the redirect target; mailzone will not add include:qcloudmail.com on its own; add include:qcloudmail.com to the SPF record at the redirect target, or replace the redirect with include: and an all"
        ),
        ConflictCase(
            label: "rule 7: lookup budget", existing: [tenIncludes],
            message: "the SPF record at @ would need 11 DNS lookups, more than the 10 allowed: \""
                + tenIncludes.replacingOccurrences(of: " ~all", with: " include:qcloudmail.com ~all")
                + "\"; replace some include, a or mx terms with ip4:/ip6: ranges, or remove services that no longer send"
        ),
        ConflictCase(
            label: "rule 7: lookup budget on a new record", existing: [],
            includes: (1...11).map { "s\($0).example.com" },
            message: "the SPF record at @ would need 11 DNS lookups, more than the 10 allowed: \"v=spf1 "
                + (1...11).map { "include:s\($0).example.com" }.joined(separator: " ")
                + " ~all\"; replace some include, a or mx terms with ip4:/ip6: ranges, or remove services that no longer send"
        ),
        ConflictCase(
            label: "bad include domain", existing: [], includes: ["qcloudmail"],
            message:
                "include domain \"qcloudmail\" is invalid: \"qcloudmail\" is not a fully qualified domain (it needs a dot and a top-level label, like example.com); correct the include domain in the preset or mailzone.yaml"
        ),
    ])
    func refuses(_ test: ConflictCase) throws {
        let outcome = SPFMerge.merge(includeDomains: test.includes, existing: test.existing)
        guard case .conflict(let conflict) = outcome else {
            Issue.record("expected a conflict, got \(outcome)")
            return
        }
        #expect(conflict.message == test.message)
        #expect(conflict.severity == .error)
    }

    @Test func namesTheOwnerInMessages() throws {
        let outcome = SPFMerge.merge(
            includeDomains: ["qcloudmail.com"], existing: ["v=spf1 a -all", "v=spf1 mx -all"], name: "abc")
        guard case .conflict(let conflict) = outcome else { throw Failure("no conflict") }
        #expect(conflict == .multipleRecords(name: "abc", records: ["v=spf1 a -all", "v=spf1 mx -all"]))
    }

    @Test func suggestedAllForANewRecord() {
        #expect(
            SPFMerge.merge(includeDomains: ["amazonses.com"], existing: [], suggestedAll: "-all")
                == .changed(record: "v=spf1 include:amazonses.com -all", replacing: nil))
        #expect(
            SPFMerge.merge(includeDomains: ["amazonses.com"], existing: ["v=spf1 mx ?all"], suggestedAll: "-all")
                == .changed(record: "v=spf1 mx include:amazonses.com ?all", replacing: "v=spf1 mx ?all"))
        let outcome = SPFMerge.merge(includeDomains: ["amazonses.com"], existing: [], suggestedAll: "reject")
        #expect(outcome == .conflict(.invalidSuggestedAll("reject")))
        if case .conflict(let conflict) = outcome {
            #expect(
                conflict.message == "suggested all \"reject\" is not an all mechanism; write -all, ~all, ?all or +all")
        }
    }

    @Test func redirectCanBeAllowed() {
        #expect(
            SPFMerge.merge(
                includeDomains: ["qcloudmail.com"], existing: ["v=spf1 a redirect=_spf.example.com"],
                allowWithRedirect: true)
                == .changed(
                    record: "v=spf1 a include:qcloudmail.com redirect=_spf.example.com",
                    replacing: "v=spf1 a redirect=_spf.example.com"))
    }

    @Test func mergesARecordReadFromThreeStrings() throws {
        let strings = ["v=spf1 include:_spf.goo", "gle.com ip4:192.0.2.0/24", " -all"]
        let outcome = SPFMerge.merge(includeDomains: ["qcloudmail.com"], existing: [TXTPresentation.joined(strings)])
        #expect(
            outcome
                == .changed(
                    record: "v=spf1 include:_spf.google.com ip4:192.0.2.0/24 include:qcloudmail.com -all",
                    replacing: "v=spf1 include:_spf.google.com ip4:192.0.2.0/24 -all"))
    }

    @Test func longResultIsSplitInto255OctetStrings() throws {
        let ranges = (1...30).map { "ip4:198.51.100.\($0)" }.joined(separator: " ")
        let outcome = SPFMerge.merge(includeDomains: ["qcloudmail.com"], existing: ["v=spf1 \(ranges) -all"])
        let strings = try #require(outcome.strings)
        #expect(strings.count == 3)
        #expect(strings.map(\.utf8.count).prefix(2) == [255, 255])
        #expect(strings.joined() == "v=spf1 \(ranges) include:qcloudmail.com -all")
        #expect(SPFMergeOutcome.unchanged.strings == nil)
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
