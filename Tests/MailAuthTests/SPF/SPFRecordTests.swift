import TestSupport
import Testing

@testable import MailAuth

struct SPFRecognitionTests {
    @Test(arguments: [
        ("v=spf1", true),
        ("v=spf1 -all", true),
        ("V=SPF1 -all", true),
        ("v=Spf1 include:_spf.google.com ~all", true),
        ("v=spf10", false),
        ("v=spf1-all", false),
        ("v=spf1\t-all", false),
        (" v=spf1 -all", false),
        ("v=spf2.0/pra include:example.com", false),
        ("spf1 -all", false),
        ("google-site-verification=abc", false),
        ("", false),
    ])
    func recognises(text: String, isSPF: Bool) {
        #expect(SPFRecord.isSPF(text) == isSPF)
        #expect((SPFRecord(text) != nil) == isSPF)
    }
}

struct SPFRoundTripTests {
    @Test(arguments: [
        "v=spf1",
        "v=spf1 -all",
        "V=SPF1 MX ~ALL",
        "v=spf1  include:_spf.google.com   ~all",
        "v=spf1 a mx -all ",
        "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 include:qcloudmail.com. -all exp=explain.example.com",
        "v=spf1 ip4:1.2.3 bogus -all",
    ])
    func printsBackUnchanged(text: String) throws {
        let record = try #require(SPFRecord(text))
        #expect(record.text == text)
    }

    @Test func readsARecordSplitOverThreeStrings() throws {
        let record = try #require(
            SPFRecord(strings: ["v=spf1 include:_spf.goo", "gle.com include:qcloud", "mail.com ~all"]))
        #expect(record.terms.map(\.text) == ["include:_spf.google.com", "include:qcloudmail.com", "~all"])
        #expect(record.terms.map(\.includeDomain) == ["_spf.google.com", "qcloudmail.com", nil])
        #expect(record.problems.isEmpty)
    }

    @Test func keepsSpacing() throws {
        let record = try #require(SPFRecord("v=spf1  a   -all  "))
        #expect(record.terms.map(\.leadingSpace) == ["  ", "   "])
        #expect(record.trailingSpace == "  ")
    }
}

struct SPFTermTests {
    @Test(arguments: [
        ("all", SPFDirective.mechanism(qualifier: nil, .all)),
        ("-all", .mechanism(qualifier: .fail, .all)),
        ("~ALL", .mechanism(qualifier: .softFail, .all)),
        ("?all", .mechanism(qualifier: .neutral, .all)),
        ("+all", .mechanism(qualifier: .pass, .all)),
        ("include:_spf.google.com", .mechanism(qualifier: nil, .include(domainSpec: "_spf.google.com"))),
        ("Include:qcloudmail.com.", .mechanism(qualifier: nil, .include(domainSpec: "qcloudmail.com."))),
        ("a", .mechanism(qualifier: nil, .a(domainSpec: nil, ip4PrefixLength: nil, ip6PrefixLength: nil))),
        ("a/24", .mechanism(qualifier: nil, .a(domainSpec: nil, ip4PrefixLength: 24, ip6PrefixLength: nil))),
        (
            "a:mail.example.com/24//64",
            .mechanism(qualifier: nil, .a(domainSpec: "mail.example.com", ip4PrefixLength: 24, ip6PrefixLength: 64))
        ),
        ("mx//64", .mechanism(qualifier: nil, .mx(domainSpec: nil, ip4PrefixLength: nil, ip6PrefixLength: 64))),
        (
            "?mx:example.com",
            .mechanism(qualifier: .neutral, .mx(domainSpec: "example.com", ip4PrefixLength: nil, ip6PrefixLength: nil))
        ),
        ("ptr", .mechanism(qualifier: nil, .ptr(domainSpec: nil))),
        ("ptr:example.com", .mechanism(qualifier: nil, .ptr(domainSpec: "example.com"))),
        ("ip4:192.0.2.1", .mechanism(qualifier: nil, .ip4(network: "192.0.2.1", prefixLength: nil))),
        ("ip4:192.0.2.0/24", .mechanism(qualifier: nil, .ip4(network: "192.0.2.0", prefixLength: 24))),
        ("ip4:0.0.0.0/0", .mechanism(qualifier: nil, .ip4(network: "0.0.0.0", prefixLength: 0))),
        ("ip6:2001:db8::/32", .mechanism(qualifier: nil, .ip6(network: "2001:db8::", prefixLength: 32))),
        ("ip6:::1", .mechanism(qualifier: nil, .ip6(network: "::1", prefixLength: nil))),
        ("ip6:::ffff:192.0.2.1", .mechanism(qualifier: nil, .ip6(network: "::ffff:192.0.2.1", prefixLength: nil))),
        (
            "ip6:2001:db8:0:0:0:0:0:1/128",
            .mechanism(qualifier: nil, .ip6(network: "2001:db8:0:0:0:0:0:1", prefixLength: 128))
        ),
        ("exists:%{i}._spf.%{d}", .mechanism(qualifier: nil, .exists(domainSpec: "%{i}._spf.%{d}"))),
        (
            "exists:%{ir}.%{l1r+-}._spf.%{d2}",
            .mechanism(qualifier: nil, .exists(domainSpec: "%{ir}.%{l1r+-}._spf.%{d2}"))
        ),
        ("redirect=_spf.example.com", .modifier(.redirect(domainSpec: "_spf.example.com"))),
        ("REDIRECT=_spf.example.com", .modifier(.redirect(domainSpec: "_spf.example.com"))),
        ("exp=explain.%{d}", .modifier(.exp(domainSpec: "explain.%{d}"))),
        ("foo=bar", .modifier(.unknown(name: "foo", value: "bar"))),
        ("x-note=%{c}", .modifier(.unknown(name: "x-note", value: "%{c}"))),
    ])
    func parses(term: String, directive: SPFDirective) {
        #expect(SPFTerm(text: term).directive == directive)
    }

    @Test(arguments: [
        ("all:foo", "all takes no argument"),
        ("include", "include needs a domain: include:example.com"),
        ("include:", "include needs a domain: include:example.com"),
        (
            "include:localhost",
            "\"localhost\" is not a fully qualified domain (it needs a dot and a top-level label, like example.com)"
        ),
        ("include:example.123", "\"example.123\" does not end with a valid top-level label"),
        ("include:example.-com", "\"example.-com\" does not end with a valid top-level label"),
        ("include:foo..com", "\"foo..com\" has an empty label (two dots in a row)"),
        ("include:a\tb.com", "\"a\tb.com\" contains a character SPF does not allow (U+9)"),
        ("ip4:192.0.2.256", "\"192.0.2.256\" is not an IPv4 address"),
        ("ip4:01.2.3.4", "\"01.2.3.4\" is not an IPv4 address"),
        ("ip4:192.0.2", "\"192.0.2\" is not an IPv4 address"),
        ("ip4:192.0.2.0/33", "prefix length /33 must be 0 to 32 without leading zeros"),
        ("ip4:192.0.2.0/024", "prefix length /024 must be 0 to 32 without leading zeros"),
        ("ip4", "ip4 needs an address: ip4:192.0.2.0/24"),
        ("ip6:2001:db8::/129", "prefix length /129 must be 0 to 128 without leading zeros"),
        ("ip6:2001:db8:::1", "\"2001:db8:::1\" is not an IPv6 address"),
        ("ip6:1:2:3:4:5:6:7:8:9", "\"1:2:3:4:5:6:7:8:9\" is not an IPv6 address"),
        ("ip6:1::2::3", "\"1::2::3\" is not an IPv6 address"),
        ("ip6:192.0.2.1", "\"192.0.2.1\" is not an IPv6 address"),
        ("ip6:", "ip6 needs an address: ip6:2001:db8::/32"),
        ("a/33", "IPv4 prefix length /33 must be 0 to 32 without leading zeros"),
        ("mx//129", "IPv6 prefix length //129 must be 0 to 128 without leading zeros"),
        ("a:example.com/", "\"example.com/\" does not end with a valid top-level label"),
        ("foo", "unknown mechanism \"foo\" (known: all include a mx ptr ip4 ip6 exists)"),
        ("~include=foo.com", "unknown mechanism \"include=foo.com\" (known: all include a mx ptr ip4 ip6 exists)"),
        ("+", "a qualifier must be followed by a mechanism"),
        ("exists:%{x}.example.com", "macro %{x} uses unknown macro letter \"x\""),
        ("exists:%{c}.example.com", "macro %{c} may be used only in explanation text, not in a domain"),
        ("exists:%{d0}.example.com", "macro %{d0} keeps a number of labels that must be 1 to 128"),
        ("exists:%{d2x}.example.com", "macro %{d2x} has characters that are not delimiters (. - + , / _ =)"),
        ("exists:%{d.example.com", "macro in \"%{d.example.com\" has no closing \"}\""),
        ("exists:%q.example.com", "\"%q\" in \"%q.example.com\" is not a macro (macros are %{x}, %%, %_ and %-)"),
        ("exists:example.com%", "\"%\" at the end of \"example.com%\" starts no macro (write %% for a percent sign)"),
        ("redirect=", "redirect= needs a domain"),
        ("exp=", "exp= needs a domain"),
        (
            "redirect=nodot",
            "\"nodot\" is not a fully qualified domain (it needs a dot and a top-level label, like example.com)"
        ),
    ])
    func rejects(term: String, reason: String) {
        #expect(SPFTerm(text: term).directive == .invalid(reason: reason))
    }

    @Test(arguments: ["%{d}", "%{i}.%{v}._spf.%{d2}", "_spf.%{d}", "a.b.example.%-", "1-2.example.com-x"])
    func acceptsDomainSpecsEndingInMacrosOrTopLabels(spec: String) {
        #expect(SPFMacroSyntax.domainSpecProblem(spec) == nil)
    }

    @Test("text of macro-literals only is what the walk by scalars finds without a problem or a macro")
    func literalOnlyAgreesWithTheScalarWalk() {
        let texts = [
            "qcloudmail.com", "_spf.google.com", "", "a", "!", "~", "a b", "a\tb", "%", "%%", "a%{d}", "%{d}.x",
            "caf\u{E9}.example", "\u{7F}x", "x\u{20}", "\"quoted\"", "a.b.example.%-", "spf.protection.outlook.com",
            "\u{1F4EC}.example", "a\u{0}b",
        ]
        for text in texts {
            let walked = SPFMacroSyntax.scanScalars(text, allowExplanationLetters: false)
            if SPFMacroSyntax.isLiteralOnly(text) {
                #expect(walked.problem == nil, "\(text)")
                #expect(!walked.endsWithMacroExpand, "\(text)")
            }
        }
        #expect(SPFMacroSyntax.isLiteralOnly("qcloudmail.com"))
        #expect(!SPFMacroSyntax.isLiteralOnly("a%{d}"))
        #expect(!SPFMacroSyntax.isLiteralOnly("caf\u{E9}.example"))
        #expect(!SPFMacroSyntax.isLiteralOnly("a b"))
    }

    @Test("ASCII records are split by their bytes as by their characters, on every record built from tricky parts")
    func asciiSplitAgreesWithCharacterSplit() throws {
        let parts = [
            " ", "  ", "\t", "include:_spf.example.com", "-all", "~ALL", "ip4:192.0.2.1/24", "a", "\r\n", "\"",
            "redirect=x.example", "e\u{301}", " \u{301}", "\u{E9}", "mx:mail.example.", "+",
        ]
        var generator = SplitMix64(seed: 17)
        var compared = 0
        var ascii = 0
        for count in 0..<2000 {
            var text = count.isMultiple(of: 2) ? "v=spf1" : "V=SPF1"
            if count % 9 != 0 { text += " " }
            for _ in 0..<(count % 9) { text += parts[Int(generator.next() % UInt64(parts.count))] }
            guard let record = SPFRecord(text) else { continue }
            let rest = Substring(text.utf8.dropFirst(6))
            let general = SPFRecord.characterTerms(rest)
            #expect(record.terms == general.terms, "\(text.debugDescription)")
            #expect(record.trailingSpace == general.trailingSpace, "\(text.debugDescription)")
            #expect(record.text == text, "\(text.debugDescription)")
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                let fast = SPFRecord.asciiTerms(rest)
                #expect(fast.terms == general.terms, "\(text.debugDescription)")
                #expect(fast.trailingSpace == general.trailingSpace, "\(text.debugDescription)")
                ascii += 1
            }
            compared += 1
        }
        #expect(compared > 1000)
        #expect(ascii > 100)
        #expect(compared - ascii > 100)
    }
}
