import Testing

@testable import ZoneFile

/// Reading records as BIND does: owners, TTLs, classes, types, lexing corners.
@Suite struct ParserTests {
    static let apex =
        "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.53\n"

    /// Records after the three apex records, in canonical form.
    static func dump(_ body: String, origin: String? = nil) -> [String] {
        let zone = ZoneLoader.load(text: apex + body, path: "db.example.com")
        return zone.records.dropFirst(3).map(\.description)
    }

    static func diagnostics(_ text: String) -> [String] {
        ZoneLoader.load(text: text, path: "db.example.com").diagnostics.map(\.description)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "relative, absolute, @ and blank owners",
            body: "www A 192.0.2.1\n A 192.0.2.2\nmail.example.com. A 192.0.2.3\n@ A 192.0.2.4\n",
            expected: [
                "www.example.com. 3600 IN A 192.0.2.1", "www.example.com. 3600 IN A 192.0.2.2",
                "mail.example.com. 3600 IN A 192.0.2.3", "example.com. 3600 IN A 192.0.2.4",
            ]),
        Case(
            name: "TTL units in any case and order",
            body: "a 1w2d3h4m5s A 192.0.2.1\nb 1H30M A 192.0.2.1\nc 30m1h A 192.0.2.1\nd 2D A 192.0.2.1\n",
            expected: [
                "a.example.com. 788645 IN A 192.0.2.1", "b.example.com. 5400 IN A 192.0.2.1",
                "c.example.com. 5400 IN A 192.0.2.1", "d.example.com. 172800 IN A 192.0.2.1",
            ]),
        Case(
            name: "class and TTL in either order",
            body: "a IN 300 A 192.0.2.1\nb 300 IN A 192.0.2.1\nc in a 192.0.2.1\n",
            expected: [
                "a.example.com. 300 IN A 192.0.2.1", "b.example.com. 300 IN A 192.0.2.1",
                "c.example.com. 3600 IN A 192.0.2.1",
            ]),
        Case(
            name: "CLASS1 and TYPEnnn mnemonics", body: "a CLASS1 TYPE1 192.0.2.1\nb type16 \"x\"\n",
            expected: ["a.example.com. 3600 IN A 192.0.2.1", "b.example.com. 3600 IN TXT \"x\""]),
        Case(
            name: "RFC 3597 generic RDATA for known and unknown types",
            body: "a A \\# 4 C0000201\nb TYPE65280 \\# 2 abcd\nc TYPE65281 \\# 0\n",
            expected: [
                "a.example.com. 3600 IN A 192.0.2.1", "b.example.com. 3600 IN TYPE65280 \\# 2 ABCD",
                "c.example.com. 3600 IN TYPE65281 \\# 0",
            ]),
        Case(
            name: "wildcards, escaped dots and decimal escapes in owners",
            body: "* A 192.0.2.1\na\\.b A 192.0.2.1\n\\065bc A 192.0.2.1\n",
            expected: [
                "*.example.com. 3600 IN A 192.0.2.1", "a\\.b.example.com. 3600 IN A 192.0.2.1",
                "Abc.example.com. 3600 IN A 192.0.2.1",
            ]),
        Case(
            name: "parentheses across lines with comments inside",
            body: "t TXT ( \"one\" ; first\n  \"two\" ) ; after\n",
            expected: ["t.example.com. 3600 IN TXT \"one\" \"two\""]),
        Case(
            name: "quoted strings with escapes and semicolons",
            body: "t TXT \"a;b\" \"say \\\"hi\\\"\" \"back\\\\slash\" \"\\065\"\n",
            expected: ["t.example.com. 3600 IN TXT \"a;b\" \"say \\\"hi\\\"\" \"back\\\\slash\" \"A\""]),
        Case(
            name: "comments and parentheses glued to tokens", body: "g A 192.0.2.1;comment\nh TXT (\"x\")\n",
            expected: ["g.example.com. 3600 IN A 192.0.2.1", "h.example.com. 3600 IN TXT \"x\""]),
        Case(
            name: "8-bit bytes in strings and comments", body: "u TXT \"caf\u{e9}\" ; r\u{e9}sum\u{e9}\n",
            expected: ["u.example.com. 3600 IN TXT \"caf\\195\\169\""]),
        Case(
            name: "@ in RDATA is the origin", body: "w CNAME @\n",
            expected: ["w.example.com. 3600 IN CNAME example.com."]),
        Case(
            name: "$ORIGIN relative to the current origin", body: "$ORIGIN sub\nx A 192.0.2.1\n",
            expected: ["x.sub.example.com. 3600 IN A 192.0.2.1"]),
        Case(
            name: "$TTL changes the default for later records", body: "$TTL 60\nx A 192.0.2.1\n",
            expected: ["x.example.com. 60 IN A 192.0.2.1"]),
    ]

    @Test(arguments: cases)
    func reads(_ testCase: Case) {
        #expect(Self.dump(testCase.body) == testCase.expected)
        let zone = ZoneLoader.load(text: Self.apex + testCase.body, path: "db.example.com")
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
    }

    @Test func crlfAndNoFinalNewline() {
        let text = Self.apex.replacingOccurrences(of: "\n", with: "\r\n") + "x\tIN\tA\t192.0.2.9"
        let zone = ZoneLoader.load(text: text, path: "db")
        #expect(zone.diagnostics.isEmpty)
        #expect(zone.records.last?.description == "x.example.com. 3600 IN A 192.0.2.9")
    }

    @Test func soaMinimumWhenNoTTLAnywhere() {
        let text = "$ORIGIN example.\n@ SOA ns h 1 2 3 4 300\n@ NS ns\nns 60 A 192.0.2.1\nx A 192.0.2.2\n"
        let zone = ZoneLoader.load(text: text, path: "db")
        // As BIND: the SOA MINIMUM becomes the default TTL, so `x` gets 300, not the previous record's 60.
        #expect(zone.records.map(\.ttl) == [300, 300, 60, 300])
        #expect(
            zone.diagnostics.map(\.description) == ["db:2:1: warning: no TTL specified; using SOA MINTTL (300) instead"]
        )
    }

    @Test func originFromFirstAbsoluteOwner() {
        let zone = ZoneLoader.load(
            text: "example.org. 60 SOA ns h 1 2 3 4 5\n 60 NS ns\nns 60 A 192.0.2.1\n", path: "db")
        #expect(zone.origin?.description == "example.org.")
        #expect(zone.records.map(\.owner.description) == ["example.org.", "example.org.", "ns.example.org."])
        #expect(zone.diagnostics.isEmpty)
    }

    @Test func namesCompareCaseInsensitively() throws {
        let zone = ZoneLoader.load(text: Self.apex + "WWW A 192.0.2.1\nwww A 192.0.2.2\n", path: "db")
        let owner = try DomainName(parsing: "Www.Example.Com.")
        #expect(zone.records(at: owner).count == 2)
        #expect(zone.records(at: owner, type: .a).map(\.rdata.presentation) == ["192.0.2.1", "192.0.2.2"])
    }
}

@Suite struct RRClassTests {
    @Test(arguments: [
        ("IN", UInt16(1)), ("in", 1), ("CH", 3), ("chaos", 3), ("HS", 4), ("Hesiod", 4), ("NONE", 254),
        ("any", 255), ("CLASS1", 1), ("class65535", 65535),
    ])
    func reads(_ text: String, _ value: UInt16) {
        #expect(RRClass.parse(Array(text.utf8)[...])?.rawValue == value)
    }

    @Test(arguments: ["I", "INN", "CLASS", "CLASS65536", "CLASSx", "HESIODS", "A", "TXT", "3600"])
    func refuses(_ text: String) {
        #expect(RRClass.parse(Array(text.utf8)[...]) == nil)
    }
}
