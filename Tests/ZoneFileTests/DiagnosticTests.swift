import Testing

@testable import ZoneFile

/// Problems are reported like a compiler's, every one of them, with file, line and column.
@Suite struct DiagnosticTests {
    static let head = "$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 hostmaster 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n"

    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var expected: [String]
        var testDescription: String { body }
    }

    static let cases: [Case] = [
        Case(
            body: "a 1x A 192.0.2.1\n",
            expected: ["db.example.com:6:4: error: TTL '1x' has an unknown unit 'x'; use w, d, h, m or s"]),
        Case(
            body: "a A 192.0.2.256\n", expected: ["db.example.com:6:5: error: A RDATA: bad IPv4 address '192.0.2.256'"]),
        Case(
            body: "a FOO 1\n",
            expected: ["db.example.com:6:3: error: unknown record type 'FOO'; use a mnemonic such as TXT or TYPEnnn"]),
        Case(
            body: "a TXT \"open\n",
            expected: ["db.example.com:6:7: error: unbalanced quotes: this string has no closing '\"' on its line"]),
        Case(
            body: "a TXT ( \"x\"\n",
            expected: [
                "db.example.com:6:7: error: '(' is never closed; the rest of the file was read as part of this entry"
            ]),
        Case(body: "a A 192.0.2.1 )\n", expected: ["db.example.com:6:15: error: ')' without a matching '('"]),
        Case(body: "a MX 10\n", expected: ["db.example.com:6:8: error: MX RDATA: missing exchange"]),
        Case(
            body: "$FOO bar\n",
            expected: ["db.example.com:6:1: error: unknown directive '$FOO'; known: $ORIGIN, $TTL, $INCLUDE, $GENERATE"]
        ),
        Case(
            body: String(repeating: "a", count: 64) + " A 192.0.2.1\n",
            expected: [
                "db.example.com:6:1: error: bad owner name '\(String(repeating: "a", count: 64))': label is 64 octets long; the limit is 63"
            ]),
        Case(
            body: "a..b A 192.0.2.1\n",
            expected: [
                "db.example.com:6:1: error: bad owner name 'a..b': empty label (two dots in a row, or a leading dot)"
            ]),
        Case(
            body: "a CH A 192.0.2.1\n",
            expected: ["db.example.com:6:1: error: class CH differs from the zone's class IN"]),
        Case(
            body: "a TYPE255 \\# 0\n",
            expected: ["db.example.com:6:3: error: ANY is a meta type and cannot appear in a zone file"]),
        Case(
            body: "a A \\# 3 C00002\n",
            expected: [
                "db.example.com:6:5: error: A RDATA: generic RDATA of 3 octets is not valid A RDATA (RFC 3597 §5)"
            ]),
        Case(
            body: "a A 192.0.2.1\u{0}\n",
            expected: ["db.example.com:6:14: error: NUL byte in the zone file (binary data?)"]),
        Case(
            body: "other.org. A 192.0.2.1\n",
            expected: ["db.example.com:6:1: warning: ignoring out-of-zone data: other.org. is not in example.com."]),
        Case(
            body: "w CNAME x\nw A 192.0.2.1\n",
            expected: [
                "db.example.com:7:1: error: CNAME and other data at w.example.com.: a name with a CNAME can have no other records (RFC 1034 §3.6.2)\n  note: the CNAME is at db.example.com:6; the A record at db.example.com:7"
            ]),
    ]

    @Test(arguments: cases)
    func reports(_ testCase: Case) {
        let zone = ZoneLoader.load(text: Self.head + testCase.body, path: "db.example.com")
        #expect(zone.diagnostics.map(\.description) == testCase.expected)
        // The same without keeping the records (`zone check`).
        var lean = LoadOptions()
        lean.keepRecords = false
        #expect(
            ZoneLoader.load(text: Self.head + testCase.body, path: "db.example.com", options: lean)
                .diagnostics.map(\.description) == testCase.expected)
        // The same when the text is read again as an edit of the zone without the body (apply's check).
        var edited = LoadOptions()
        edited.overrides = ["db.example.com": Array((Self.head + testCase.body).utf8)]
        let before = ZoneLoader.load(text: Self.head, path: "db.example.com")
        #expect(
            ZoneLoader.reread(path: "db.example.com", options: edited, editedFrom: before)
                .edited.diagnostics.map(\.description) == testCase.expected)
    }

    @Test func everyProblemIsReported() {
        let text = Self.head + "a 1x A 192.0.2.1\nb A 300.0.0.1\nc BOGUS x\nd A 192.0.2.4\n"
        let zone = ZoneLoader.load(text: text, path: "db.example.com")
        #expect(zone.diagnostics.map { $0.location?.line ?? 0 } == [6, 7, 8])
        #expect(zone.records.count == 4)
    }

    @Test func apexProblems() {
        let zone = ZoneLoader.load(text: "$ORIGIN example.com.\n$TTL 1h\nwww A 192.0.2.1\n", path: "db")
        #expect(
            zone.diagnostics.map(\.description) == [
                "db: error: no SOA record at the zone apex example.com.",
                "db: error: no NS records at the zone apex example.com.",
            ])
    }

    @Test func noTTLAtAll() {
        let zone = ZoneLoader.load(text: "$ORIGIN example.com.\nwww A 192.0.2.1\n", path: "db")
        #expect(
            zone.diagnostics.first?.description
                == "db:2:1: error: no TTL specified: add a TTL to this record or a $TTL line before it")
    }

    @Test func hostileInputNeverCrashes() {
        let inputs = [
            "(", ")", "\"", "\\", "$INCLUDE", "$GENERATE", "$GENERATE 1-2", "$ORIGIN", "@", " A", "\u{0}",
            "( ( ( ) ) )", "a \\", "a TXT \"\\", String(repeating: "(", count: 10000),
            String(repeating: "a.", count: 200) + " A 1.2.3.4", "$TTL 99999999999999999999",
        ]
        for input in inputs {
            let zone = ZoneLoader.load(text: input, path: "h", options: LoadOptions(origin: .root))
            #expect(zone.files.first?.bytes == Array(input.utf8))
        }
    }
}
