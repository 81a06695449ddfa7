import Testing

@testable import MailAuth

struct DMARCRecordTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var record: String
        var messages: [String]
        var testDescription: String { record }
    }

    @Test(arguments: [
        Case(record: "v=DMARC1; p=none", messages: []),
        Case(record: "v=DMARC1;p=reject;", messages: []),
        Case(
            record:
                "v=DMARC1; p=reject; sp=quarantine; adkim=s; aspf=r; pct=50; fo=0:1:d:s; rf=afrf; ri=86400; rua=mailto:a@example.com!10m,mailto:b@example.net; ruf=mailto:f@example.com!500k",
            messages: []),
        Case(record: "v=DMARC1; P=Reject; SP=None", messages: []),
        Case(record: "v=DMARC1; p=none; rua=mailto:a@example.com , https://reports.example.net/dmarc", messages: []),
        Case(record: "v=DMARC1; p=none; np=reject; psd=n; t=y", messages: []),
        Case(
            record: "v=DMARC1; rua=mailto:a@example.com",
            messages: [
                "DMARC record has no p= tag; add p=none, p=quarantine or p=reject after v=DMARC1"
            ]),
        Case(
            record: "v=DMARC1; rua=mailto:a@example.com; p=none",
            messages: [
                "DMARC record's p= is not right after v=DMARC1; move p= to follow v=DMARC1"
            ]),
        Case(
            record: "v=DMARC1; p=block",
            messages: [
                "DMARC p=block is invalid: p must be none, quarantine or reject; correct p= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; sp=all",
            messages: [
                "DMARC sp=all is invalid: sp must be none, quarantine or reject; correct sp= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; pct=101",
            messages: [
                "DMARC pct=101 is invalid: pct must be a whole number from 0 to 100; correct pct= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; pct=-1",
            messages: [
                "DMARC pct=-1 is invalid: pct must be a whole number from 0 to 100; correct pct= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; adkim=x",
            messages: [
                "DMARC adkim=x is invalid: adkim must be r (relaxed) or s (strict); correct adkim= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; fo=2",
            messages: [
                "DMARC fo=2 is invalid: fo must be 0, 1, d or s, separated by colons; correct fo= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; ri=daily",
            messages: [
                "DMARC ri=daily is invalid: ri must be a whole number of seconds; correct ri= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; rf=iodef",
            messages: [
                "DMARC rf=iodef is invalid: rf must be afrf; correct rf= or remove it"
            ]),
        Case(
            record: "v=DMARC1; p=none; rua=dmarc@example.com",
            messages: [
                "DMARC rua= has an invalid entry: \"dmarc@example.com\" is not a URI (write mailto:address); write rua= as comma-separated URIs such as mailto:dmarc@example.com!10m"
            ]),
        Case(
            record: "v=DMARC1; p=none; rua=mailto:a@example.com!10x",
            messages: [
                "DMARC rua= has an invalid entry: size limit \"!10x\" must be digits with an optional k, m, g or t; write rua= as comma-separated URIs such as mailto:dmarc@example.com!10m"
            ]),
        Case(
            record: "v=DMARC1; p=none; ruf=mailto:example.com",
            messages: [
                "DMARC ruf= has an invalid entry: \"mailto:example.com\" has no mail address (write mailto:name@example.com); write ruf= as comma-separated URIs such as mailto:dmarc@example.com!10m"
            ]),
        Case(
            record: "v=DMARC1; p=none; p=reject",
            messages: [
                "DMARC record has the tag p= twice; keep one p= tag"
            ]),
        Case(
            record: "p=none; v=DMARC1",
            messages: [
                "\"p=none; v=DMARC1\" is not a DMARC record: it must start with v=DMARC1; start the record with v=DMARC1 (exactly, in capitals)"
            ]),
        Case(
            record: "v=dmarc1; p=none",
            messages: [
                "\"v=dmarc1; p=none\" is not a DMARC record: it must start with v=DMARC1; start the record with v=DMARC1 (exactly, in capitals)"
            ]),
        Case(
            record: "v=DMARC1; p",
            messages: [
                "DMARC record is not a tag list: \"p\" has no \"=\"; write tag=value pairs separated by semicolons, e.g. v=DMARC1; p=none"
            ]),
    ])
    func validates(_ test: Case) {
        #expect(DMARCRecord.problems(in: test.record).map(\.message) == test.messages)
    }

    @Test func readsTags() throws {
        let record = try DMARCRecord(strings: [
            "v=DMARC1; p=quarantine; sp=reject; pct=25; rua=mailto:a@exam", "ple.com!10m,mailto:b@example.net; x=1",
        ])
        #expect(record.policy == .quarantine)
        #expect(record.subdomainPolicy == .reject)
        #expect(record.inheritedSubdomainPolicy == .reject)
        #expect(record.percentage == 25)
        #expect(
            record.aggregateReportURIs == [
                DMARCReportURI(uri: "mailto:a@example.com", sizeLimit: "10m"),
                DMARCReportURI(uri: "mailto:b@example.net", sizeLimit: nil),
            ])
        #expect(record.aggregateReportURIs.map(\.text) == ["mailto:a@example.com!10m", "mailto:b@example.net"])
        #expect(record.tags.map(\.name) == ["v", "p", "sp", "pct", "rua", "x"])
        #expect(
            record.text
                == "v=DMARC1; p=quarantine; sp=reject; pct=25; rua=mailto:a@example.com!10m,mailto:b@example.net; x=1")
    }

    @Test func subdomainsInheritPWithoutSp() throws {
        #expect(try DMARCRecord("v=DMARC1; p=reject").inheritedSubdomainPolicy == .reject)
    }

    @Test(arguments: [
        ("v=DMARC1; p=none", true),
        ("v = DMARC1 ; p=none", true),
        ("V=DMARC1; p=none", true),
        ("v=DMARC1", true),
        ("v=dmarc1; p=none", false),
        ("v=DMARC2; p=none", false),
        ("p=none; v=DMARC1", false),
        ("v=spf1 -all", false),
    ])
    func recognises(text: String, isDMARC: Bool) {
        #expect(DMARCRecord.isDMARC(text) == isDMARC)
    }

    /// ASCII text is told a DMARC record from its octets: the answer must be the one read from its characters,
    /// for every way of writing the first tag (blanks, letter case, what follows it) and for text that is not
    /// ASCII (read as characters, where `;` and a combining accent are one character).
    @Test("a DMARC record told from its octets is the one told from its characters")
    func toldFromOctetsAsFromCharacters() {
        let blanks = ["", " ", "\t", "\r\n", " \n "]
        let names = ["v", "V", "vv", "", "p", "\u{00E9}"]
        let values = ["DMARC1", "dmarc1", "DMARC1x", "DMARC", "DMARC1\u{301}", ""]
        let tails = ["", ";", "; p=none", "x;", ";\u{301} p=none", "=1", "; v=DMARC1"]
        var texts: [String] = ["", ";", "=", "v", "v=", "=DMARC1", ";v=DMARC1"]
        for lead in blanks {
            for name in names {
                for gap in blanks {
                    for value in values {
                        for tail in tails { texts.append(lead + name + gap + "=" + gap + value + lead + tail) }
                    }
                }
            }
        }
        var recognised = 0
        for text in texts {
            let expected = DMARCRecord.dmarcVersionTag(readingCharacters: text)
            #expect(DMARCRecord.isDMARC(text) == expected, "\(text.debugDescription)")
            if expected { recognised += 1 }
        }
        #expect(texts.count > 5_000)
        #expect(recognised > 100)
    }

    @Test(arguments: [
        ("mailto:a@example.com", "example.com"),
        ("mailto:A@Example.COM!10m", "example.com"),
        ("https://reports.example.net/dmarc", "reports.example.net"),
        ("http://user@reports.example.net:8080/x", "reports.example.net"),
    ])
    func reportHosts(uri: String, host: String) throws {
        let entry = try DMARCReportURI.parse(uri).get()
        #expect(entry.host == host)
    }

    @Test func policiesAreOrdered() {
        #expect(DMARCPolicy.none < .quarantine)
        #expect(DMARCPolicy.quarantine < .reject)
        #expect(DMARCPolicy.allCases.sorted() == [.none, .quarantine, .reject])
    }
}
