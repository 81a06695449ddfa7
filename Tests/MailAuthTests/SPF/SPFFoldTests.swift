import Testing

@testable import MailAuth

struct SPFFoldTests {
    @Test(arguments: [
        (
            ["v=spf1 include:a.example.com -all", "v=spf1 include:b.example.com -all"],
            "v=spf1 include:a.example.com include:b.example.com -all"
        ),
        (["v=spf1 mx ~all", "v=spf1 include:_spf.google.com -all"], "v=spf1 mx include:_spf.google.com -all"),
        (
            ["v=spf1 include:qcloudmail.com ~all", "v=spf1 include:_spf.google.com ?all"],
            "v=spf1 include:qcloudmail.com include:_spf.google.com ~all"
        ),
        (
            ["v=spf1 mx include:a.example.com ~all", "v=spf1 MX include:A.example.com. ~all"],
            "v=spf1 mx include:a.example.com ~all"
        ),
        (
            ["v=spf1 ip4:192.0.2.1", "v=spf1 include:a.example.com ~all"],
            "v=spf1 ip4:192.0.2.1 include:a.example.com ~all"
        ),
        (["v=spf1 a", "v=spf1 mx"], "v=spf1 a mx"),
        (["v=spf1 a -all mx", "v=spf1 ip4:192.0.2.1 -all"], "v=spf1 a ip4:192.0.2.1 -all"),
        (["v=spf1 a -all foo=bar", "v=spf1 mx -all"], "v=spf1 a mx -all foo=bar"),
        (["v=spf1 a -all redirect=x.example.com", "v=spf1 mx -all"], "v=spf1 a mx -all"),
        (
            ["v=spf1 redirect=_spf.a.example.com", "v=spf1 a redirect=_spf.a.example.com"],
            "v=spf1 a redirect=_spf.a.example.com"
        ),
        (
            ["v=spf1 a -all exp=e.example.com", "v=spf1 mx -all exp=E.example.com."],
            "v=spf1 a mx -all exp=e.example.com"
        ),
        (["v=spf1 +all", "v=spf1 all"], "v=spf1 +all"),
        (["v=spf1 a -all", "TXT that is not SPF", "v=spf1 mx ~all"], "v=spf1 a mx -all"),
    ])
    func folds(records: [String], folded: String) {
        #expect(SPFFold.fold(records) == .changed(record: folded, replacing: nil))
    }

    @Test func oneRecordIsLeftAlone() {
        #expect(SPFFold.fold(["v=spf1 -all", "other"]) == .unchanged)
    }

    static let aSide: [String] = (1...6).map { "include:a\($0).example.com" }
    static let bSide: [String] = (1...5).map { "include:b\($0).example.com" }
    static let budgetMessage: String =
        "the SPF record at @ would need 11 DNS lookups, more than the 10 allowed: \"v=spf1 "
        + (aSide + bSide).joined(separator: " ")
        + " -all\"; replace some include, a or mx terms with ip4:/ip6: ranges, or remove services that no longer send"

    static let refusals: [(records: [String], message: String)] = [
        (records: [], message: "there is no SPF record at @ to fold"),
        (
            ["v=spf1 +all", "v=spf1 mx -all"],
            "the SPF records at @ end in \"+all\", \"-all\", and +all cannot be folded with a stricter all; decide which all applies and edit the records into one by hand"
        ),
        (
            ["v=spf1 +all", "v=spf1 mx"],
            "the SPF records at @ end in \"+all\", and +all cannot be folded with a stricter all; decide which all applies and edit the records into one by hand"
        ),
        (
            ["v=spf1 redirect=_spf.a.example.com", "v=spf1 mx -all"],
            "the SPF records at @ (\"v=spf1 redirect=_spf.a.example.com\", \"v=spf1 mx -all\") do not agree on a redirect, so folding them would change whose policy applies; edit the records into one by hand"
        ),
        (
            ["v=spf1 redirect=_spf.a.example.com", "v=spf1 redirect=_spf.b.example.com"],
            "the SPF records at @ (\"v=spf1 redirect=_spf.a.example.com\", \"v=spf1 redirect=_spf.b.example.com\") do not agree on a redirect, so folding them would change whose policy applies; edit the records into one by hand"
        ),
        (
            ["v=spf1 -ip4:192.0.2.1 ~all", "v=spf1 ip4:192.0.2.1 ~all"],
            "the SPF records at @ list the same mechanism with different qualifiers (\"-ip4:192.0.2.1\", \"ip4:192.0.2.1\"); decide which qualifier applies and edit the records into one by hand"
        ),
        (
            ["v=spf1 -all exp=a.example.com", "v=spf1 -all exp=b.example.com"],
            "the SPF records at @ name different explanations (\"exp=a.example.com\", \"exp=b.example.com\"); keep one exp= and remove the others"
        ),
        (
            ["v=spf1 a -all", "v=spf1 ip4:1 -all"],
            "the SPF record at @ \"v=spf1 ip4:1 -all\" is broken: SPF term \"ip4:1\" is invalid: \"1\" is not an IPv4 address; correct the record by hand, then plan again"
        ),
        (
            ["v=spf1 " + aSide.joined(separator: " ") + " -all", "v=spf1 " + bSide.joined(separator: " ") + " -all"],
            budgetMessage
        ),
    ]

    @Test(arguments: refusals)
    func refuses(records: [String], message: String) throws {
        guard case .conflict(let conflict) = SPFFold.fold(records) else {
            Issue.record("folded \(records)")
            return
        }
        #expect(conflict.message == message)
    }
}
