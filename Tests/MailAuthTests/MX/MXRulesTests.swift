import Testing

@testable import MailAuth

struct MXValueTests {
    @Test(arguments: [
        ("10 mxbiz1.qq.com.", Optional(MXValue(preference: 10, exchange: "mxbiz1.qq.com."))),
        ("0 .", MXValue(preference: 0, exchange: ".")),
        ("5\talt1.aspmx.l.google.com.", MXValue(preference: 5, exchange: "alt1.aspmx.l.google.com.")),
        ("65535 mx.example.com.", MXValue(preference: 65535, exchange: "mx.example.com.")),
        ("65536 mx.example.com.", nil),
        ("-1 mx.example.com.", nil),
        ("mx.example.com.", nil),
        ("10", nil),
        ("10 a. b.", nil),
    ])
    func parses(rdata: String, value: MXValue?) {
        #expect(MXValue(rdata) == value)
    }

    @Test("ASCII values read as octets agree with the reading by characters")
    func octetsAgreeWithCharacters() {
        let values = [
            "10 mxbiz1.qq.com.", "0 .", "5\talt1.aspmx.l.google.com.", "65535 mx.example.com.", "65536 mx.example.com.",
            "99999999999999999999 a.", "-1 mx.example.com.", "+1 a.", "mx.example.com.", "10", "10 a. b.", "", " ",
            "\t", "  10   a.  ", "10\r\na.", "10 a.\r\n", "1 0 a.", "0x10 a.", "10 MX.Example.COM", "00010 a.",
            "10\u{0B}a.", "10 a\u{00}b.",
        ]
        for value in values {
            let octets = value.utf8.withContiguousStorageIfAvailable { MXValue.read(ascii: $0) }
            #expect(octets == .some(MXValue.read(characters: value)), "\(value)")
            #expect(MXValue(value) == MXValue.read(characters: value), "\(value)")
        }
        for value in ["10 mx.exämple.com.", "１０ a.", "10\u{00A0}a.", "10 \u{301}a."] {
            #expect(MXValue(value) == MXValue.read(characters: value), "\(value)")
        }
    }

    @Test func nullMX() {
        #expect(MXValue(preference: 0, exchange: ".").isNull)
        #expect(!MXValue(preference: 0, exchange: "mx.example.com.").isNull)
        #expect(
            MXRules.hasNullMX([MXValue(preference: 10, exchange: "a.example."), MXValue(preference: 0, exchange: ".")]))
        #expect(!MXRules.hasNullMX([MXValue(preference: 10, exchange: "a.example.")]))
    }
}

struct MXConflictTests {
    static let tencent = [MXValue(preference: 10, exchange: "mxbiz1.qq.com.")]

    static func values(_ rdata: [String]) -> [MXValue] { rdata.compactMap(MXValue.init) }

    @Test(arguments: [
        ([String](), ["10 mxbiz1.qq.com."]),
        (["10 mxbiz1.qq.com."], ["10 mxbiz1.qq.com."]),
        (["5 MXBIZ1.QQ.COM"], ["10 mxbiz1.qq.com."]),
        (["10 mxbiz1.qq.com.", "20 backup.corp.example."], ["10 mxbiz1.qq.com."]),
        (
            ["1 aspmx.l.google.com."],
            ["1 aspmx.l.google.com.", "5 alt1.aspmx.l.google.com.", "5 alt2.aspmx.l.google.com."]
        ),
    ])
    func noConflict(existing: [String], wanted: [String]) {
        #expect(MXRules.conflict(adding: Self.values(wanted), to: Self.values(existing), name: "@") == nil)
    }

    @Test func nullMXBlocksAdding() {
        let conflict = MXRules.conflict(adding: Self.tencent, to: Self.values(["0 ."]), name: "@")
        #expect(conflict == .nullMX(name: "@", wanted: Self.tencent))
        #expect(
            conflict?.message
                == "@ has a null MX (0 .), which says it takes no mail; adding MX \"10 mxbiz1.qq.com.\" beside it is invalid; remove the null MX if the name should receive mail, or send from a subdomain"
        )
    }

    @Test func existingInboundMX() {
        let existing = Self.values(["10 mx1.corp.example.", "20 mx2.corp.example.", "30 mxbiz1.qq.com."])
        let wanted = Self.values(["10 mxbiz1.qq.com.", "20 mxbiz2.qq.com."])
        let conflict = MXRules.conflict(adding: wanted, to: existing, name: "abc")
        #expect(
            conflict
                == .existingInbound(
                    name: "abc", existing: Self.values(["10 mx1.corp.example.", "20 mx2.corp.example."]),
                    wanted: Self.values(["20 mxbiz2.qq.com."])))
        #expect(
            conflict?.message
                == "abc already receives mail at MX \"10 mx1.corp.example.\", \"20 mx2.corp.example.\"; adding MX \"20 mxbiz2.qq.com.\" would divert part of it; keep the existing MX and add none (the service's advice when you run your own mail server), choose to add the service's MX anyway, or send from a subdomain"
        )
        #expect(
            MXRules.otherInbound(existing: existing, wanted: wanted)
                == Self.values(["10 mx1.corp.example.", "20 mx2.corp.example."]))
    }

    @Test(arguments: [
        ("mxbiz1.qq.com.", Optional<String>.none),
        (".", nil),
        (
            "mxbiz1.qq.com",
            "MX exchange \"mxbiz1.qq.com\" does not end with \".\", so the zone file would read it relative to the zone's origin; write it as an absolute name: \"mxbiz1.qq.com.\""
        ),
    ])
    func absoluteExchange(exchange: String, message: String?) {
        #expect(MXRules.checkAbsolute(exchange)?.message == message)
    }

    @Test(arguments: [
        ("10 mxbiz1.qq.com.", Optional<MXProblem>.none),
        ("10 mxbiz1.qq.com", .relativeExchange(exchange: "mxbiz1.qq.com")),
        ("mxbiz1.qq.com.", .malformed(rdata: "mxbiz1.qq.com.")),
    ])
    func checksRDATA(rdata: String, problem: MXProblem?) {
        #expect(MXRules.check(rdata: rdata) == problem)
    }

    @Test func malformedMessage() {
        #expect(
            MXProblem.malformed(rdata: "mx.example.com.").message
                == "MX value \"mx.example.com.\" is not a preference (0-65535) followed by a host name; write it as PREFERENCE HOST., e.g. \"10 mxbiz1.qq.com.\""
        )
    }
}
