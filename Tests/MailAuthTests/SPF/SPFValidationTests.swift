import Testing

@testable import MailAuth

struct SPFValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var record: String
        var messages: [String]
        var testDescription: String { record }
    }

    static let twelveIncludes =
        "v=spf1 " + (1...11).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"

    @Test(arguments: [
        Case(record: "v=spf1 include:_spf.google.com ~all", messages: []),
        Case(record: "v=spf1", messages: []),
        Case(
            record: "v=spf1 ip4:192.0.2.300 -all",
            messages: [
                "SPF term \"ip4:192.0.2.300\" is invalid: \"192.0.2.300\" is not an IPv4 address; correct or remove the term: one bad term makes receivers ignore the whole record"
            ]),
        Case(
            record: "v=spf1 include:a.example.com -all include:b.example.com",
            messages: [
                "SPF terms after \"-all\" are never evaluated: \"include:b.example.com\"; move them before the all mechanism, or remove them"
            ]),
        Case(
            record: "v=spf1 a ?all mx ip4:192.0.2.1",
            messages: [
                "SPF terms after \"?all\" are never evaluated: \"mx\", \"ip4:192.0.2.1\"; move them before the all mechanism, or remove them"
            ]),
        Case(
            record: "v=spf1 mx -all redirect=_spf.example.com",
            messages: [
                "SPF \"redirect=_spf.example.com\" is ignored because the record has \"-all\"; remove the redirect, or remove the all mechanism if the redirect's policy should apply"
            ]),
        Case(
            record: "v=spf1 ptr -all",
            messages: [
                "SPF term \"ptr\" uses the ptr mechanism, which RFC 7208 §5.5 says should not be used; list the sending hosts with ip4:, ip6:, a or include: instead"
            ]),
        Case(
            record: "v=spf1 redirect=a.example.com redirect=b.example.com",
            messages: [
                "SPF modifier redirect= appears 2 times (\"redirect=a.example.com\", \"redirect=b.example.com\"); it may appear once; keep one redirect= and remove the others"
            ]),
        Case(
            record: "v=spf1 -all exp=a.example.com EXP=b.example.com",
            messages: [
                "SPF modifier exp= appears 2 times (\"exp=a.example.com\", \"EXP=b.example.com\"); it may appear once; keep one exp= and remove the others"
            ]),
        Case(
            record: twelveIncludes,
            messages: [
                "SPF record needs 11 DNS lookups ("
                    + (1...11).map { "\"include:s\($0).example.com\"" }.joined(separator: ", ")
                    + "), more than the 10 allowed; replace some include, a or mx terms with ip4:/ip6: ranges, or drop services that no longer send"
            ]),
    ])
    func reports(_ test: Case) throws {
        let record = try #require(SPFRecord(test.record))
        #expect(record.problems.map(\.message) == test.messages)
    }

    @Test func severities() throws {
        let record = try #require(SPFRecord("v=spf1 ptr bogus -all mx redirect=a.example.com redirect=b.example.com"))
        #expect(record.problems.map(\.severity) == [.error, .error, .warning, .warning, .warning])
        #expect(record.syntaxProblems.count == 2)
    }

    @Test(arguments: [
        (
            "v=spf1 a mx ptr exists:%{i}.x.example.com include:a.example.com ip4:192.0.2.1 ip6:::1 exp=e.example.com redirect=r.example.com",
            6
        ),
        ("v=spf1 a -all redirect=r.example.com", 1),
        ("v=spf1 a -all mx include:a.example.com", 1),
        ("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all", 0),
        (twelveIncludes, 11),
    ])
    func countsLookupTerms(record: String, count: Int) throws {
        #expect(try #require(SPFRecord(record)).lookupTerms.count == count)
    }
}
