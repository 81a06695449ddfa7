import Testing

@testable import MailAuth

struct DMARCMergeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var existing: [String]
        var wanted: String
        var expected: DMARCMergeOutcome
        var testDescription: String { label }
    }

    @Test(arguments: [
        Case(
            label: "no record", existing: [], wanted: "v=DMARC1; p=none",
            expected: .changed(record: "v=DMARC1; p=none", replacing: nil)),
        Case(
            label: "other TXT at the name", existing: ["some-verification=1"],
            wanted: "v=DMARC1;p=none;rua=mailto:d@example.com",
            expected: .changed(record: "v=DMARC1; p=none; rua=mailto:d@example.com", replacing: nil)),
        Case(label: "same record", existing: ["v=DMARC1; p=none"], wanted: "v=DMARC1; p=none", expected: .unchanged),
        Case(
            label: "stronger p kept", existing: ["v=DMARC1; p=reject"], wanted: "v=DMARC1; p=none", expected: .unchanged
        ),
        Case(
            label: "p raised", existing: ["v=DMARC1; p=none"], wanted: "v=DMARC1; p=quarantine",
            expected: .changed(record: "v=DMARC1; p=quarantine", replacing: "v=DMARC1; p=none")),
        Case(
            label: "sp weaker than inherited p kept out", existing: ["v=DMARC1; p=reject"],
            wanted: "v=DMARC1; p=none; sp=none",
            expected: .unchanged),
        Case(
            label: "sp raised above p", existing: ["v=DMARC1; p=none"], wanted: "v=DMARC1; p=none; sp=reject",
            expected: .changed(record: "v=DMARC1; p=none; sp=reject", replacing: "v=DMARC1; p=none")),
        Case(
            label: "sp existing stronger", existing: ["v=DMARC1; p=none; sp=reject"],
            wanted: "v=DMARC1; p=none; sp=quarantine",
            expected: .unchanged),
        Case(
            label: "pct never lowered", existing: ["v=DMARC1; p=quarantine; pct=50"],
            wanted: "v=DMARC1; p=quarantine; pct=25",
            expected: .unchanged),
        Case(
            label: "pct raised", existing: ["v=DMARC1; p=quarantine; pct=50"],
            wanted: "v=DMARC1; p=quarantine; pct=100",
            expected: .changed(record: "v=DMARC1; p=quarantine; pct=100", replacing: "v=DMARC1; p=quarantine; pct=50")),
        Case(
            label: "absent pct is 100", existing: ["v=DMARC1; p=quarantine"], wanted: "v=DMARC1; p=quarantine; pct=50",
            expected: .unchanged),
        Case(
            label: "strict alignment kept", existing: ["v=DMARC1; p=none; adkim=s; aspf=s"],
            wanted: "v=DMARC1; p=none; adkim=r; aspf=r",
            expected: .unchanged),
        Case(
            label: "strict alignment added", existing: ["v=DMARC1; p=none; aspf=r"],
            wanted: "v=DMARC1; p=none; adkim=s; aspf=s",
            expected: .changed(record: "v=DMARC1; p=none; aspf=s; adkim=s", replacing: "v=DMARC1; p=none; aspf=r")),
        Case(
            label: "rua union, existing first", existing: ["v=DMARC1; p=none; rua=mailto:a@example.com"],
            wanted: "v=DMARC1; p=none; rua=mailto:b@example.com,mailto:a@example.com",
            expected: .changed(
                record: "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com",
                replacing: "v=DMARC1; p=none; rua=mailto:a@example.com")),
        Case(
            label: "rua with size limit is the same address",
            existing: ["v=DMARC1; p=none; rua=mailto:A@example.com!10m"],
            wanted: "v=DMARC1; p=none; rua=mailto:a@example.com", expected: .unchanged),
        Case(
            label: "rua added with its size", existing: ["v=DMARC1; p=none"],
            wanted: "v=DMARC1; p=none; rua=mailto:a@example.com!10m",
            expected: .changed(record: "v=DMARC1; p=none; rua=mailto:a@example.com!10m", replacing: "v=DMARC1; p=none")),
        Case(
            label: "ruf union", existing: ["v=DMARC1; p=none; ruf=mailto:f@example.com"],
            wanted: "v=DMARC1; p=none; ruf=mailto:g@example.com",
            expected: .changed(
                record: "v=DMARC1; p=none; ruf=mailto:f@example.com,mailto:g@example.com",
                replacing: "v=DMARC1; p=none; ruf=mailto:f@example.com")),
        Case(
            label: "fo union", existing: ["v=DMARC1; p=none; fo=1"], wanted: "v=DMARC1; p=none; fo=d:1",
            expected: .changed(record: "v=DMARC1; p=none; fo=1:d", replacing: "v=DMARC1; p=none; fo=1")),
        Case(
            label: "owner's ri kept", existing: ["v=DMARC1; p=none; ri=3600"], wanted: "v=DMARC1; p=none; ri=86400",
            expected: .unchanged),
        Case(
            label: "ri added", existing: ["v=DMARC1; p=none"], wanted: "v=DMARC1; p=none; ri=86400",
            expected: .changed(record: "v=DMARC1; p=none; ri=86400", replacing: "v=DMARC1; p=none")),
        Case(
            label: "unknown tags and order kept, p moved second",
            existing: ["v=DMARC1; foo=bar; p=none; rua=mailto:a@example.com"],
            wanted: "v=DMARC1; p=reject",
            expected: .changed(
                record: "v=DMARC1; p=reject; foo=bar; rua=mailto:a@example.com",
                replacing: "v=DMARC1; foo=bar; p=none; rua=mailto:a@example.com")),
        Case(
            label: "p after another tag, nothing to change", existing: ["v=DMARC1; rua=mailto:a@example.com; p=reject"],
            wanted: "v=DMARC1; p=none", expected: .unchanged),
        Case(
            label: "tag spelling kept", existing: ["v=DMARC1; P=None; RUA=mailto:a@example.com"],
            wanted: "v=DMARC1; p=quarantine; rua=mailto:b@example.com",
            expected: .changed(
                record: "v=DMARC1; P=quarantine; RUA=mailto:a@example.com,mailto:b@example.com",
                replacing: "v=DMARC1; P=None; RUA=mailto:a@example.com")),
        Case(
            label: "DMARCbis np never weakened", existing: ["v=DMARC1; p=none; np=reject"],
            wanted: "v=DMARC1; p=none; np=none",
            expected: .unchanged),
    ])
    func merges(_ test: Case) {
        #expect(DMARCMerge.merge(wanted: test.wanted, existing: test.existing) == test.expected)
    }

    @Test(arguments: [
        (
            ["v=DMARC1; p=none", "v=DMARC1; p=reject"], "v=DMARC1; p=none",
            "2 DMARC records at _dmarc (\"v=DMARC1; p=none\", \"v=DMARC1; p=reject\"); receivers apply none of them; keep one DMARC record at the name and remove the others"
        ),
        (
            ["v=DMARC1; p=block"], "v=DMARC1; p=none",
            "the DMARC record at _dmarc \"v=DMARC1; p=block\" is invalid: DMARC p=block is invalid: p must be none, quarantine or reject; correct the record by hand, then plan again"
        ),
        (
            ["v=DMARC1; rua=mailto:a@example.com"], "v=DMARC1; p=none",
            "the DMARC record at _dmarc \"v=DMARC1; rua=mailto:a@example.com\" is invalid: DMARC record has no p= tag; correct the record by hand, then plan again"
        ),
        (
            [], "v=DMARC1",
            "the wanted DMARC record \"v=DMARC1\" is invalid: DMARC record has no p= tag; correct the dmarc settings in mailzone.yaml or the preset"
        ),
        (
            [], "p=none",
            "the wanted DMARC record \"p=none\" is invalid: \"p=none\" is not a DMARC record: it must start with v=DMARC1; correct the dmarc settings in mailzone.yaml or the preset"
        ),
    ])
    func refuses(existing: [String], wanted: String, message: String) {
        guard case .conflict(let conflict) = DMARCMerge.merge(wanted: wanted, existing: existing) else {
            Issue.record("merged \(wanted) into \(existing)")
            return
        }
        #expect(conflict.message == message)
    }

    @Test func namesTheOwner() {
        let outcome = DMARCMerge.merge(
            wanted: "v=DMARC1; p=none", existing: ["v=DMARC1; p=none", "v=DMARC1; p=none"], name: "_dmarc.abc")
        #expect(
            outcome
                == .conflict(.multipleRecords(name: "_dmarc.abc", records: ["v=DMARC1; p=none", "v=DMARC1; p=none"])))
    }
}
