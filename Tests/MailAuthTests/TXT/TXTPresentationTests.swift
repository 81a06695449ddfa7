import TestSupport
import Testing

@testable import MailAuth

struct TXTSplitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var value: String
        var expected: [String]
        var testDescription: String { label }
    }

    static let a255 = String(repeating: "a", count: 255)

    @Test(arguments: [
        Case(label: "empty value is one empty string", value: "", expected: [""]),
        Case(label: "short", value: "v=DMARC1; p=none", expected: ["v=DMARC1; p=none"]),
        Case(label: "exactly 255", value: a255, expected: [a255]),
        Case(label: "256 splits", value: a255 + "b", expected: [a255, "b"]),
        Case(
            label: "600 in three", value: String(repeating: "x", count: 600),
            expected: [
                String(repeating: "x", count: 255), String(repeating: "x", count: 255),
                String(repeating: "x", count: 90),
            ]),
        Case(
            label: "two-octet character not cut", value: String(repeating: "a", count: 254) + "é",
            expected: [String(repeating: "a", count: 254), "é"]),
        Case(
            label: "two-octet character fits at 255", value: String(repeating: "a", count: 253) + "é",
            expected: [String(repeating: "a", count: 253) + "é"]),
        Case(
            label: "four-octet character not cut", value: String(repeating: "a", count: 253) + "😀z",
            expected: [String(repeating: "a", count: 253), "😀z"]),
        Case(
            label: "quotes count once, unescaped", value: String(repeating: "\"", count: 255),
            expected: [String(repeating: "\"", count: 255)]),
    ])
    func splits(_ test: Case) throws {
        let strings = try TXTPresentation.split(test.value)
        #expect(strings == test.expected)
        #expect(strings.allSatisfy { $0.utf8.count <= 255 })
        #expect(strings.joined() == test.value)
    }

    @Test func dkimKeyOf2048BitsTakesTwoStrings() throws {
        let record = "v=DKIM1; k=rsa; p=" + TestKeys.rsa2048
        let strings = try TXTPresentation.split(record)
        #expect(strings.map(\.utf8.count) == [255, record.utf8.count - 255])
    }

    @Test(arguments: [
        (
            "a\nb",
            "TXT value contains the control character U+000A at octet 1; remove it (keep the value on one line, without tabs or line breaks)"
        ),
        (
            "tab\there",
            "TXT value contains the control character U+0009 at octet 3; remove it (keep the value on one line, without tabs or line breaks)"
        ),
        (
            "é\u{7F}",
            "TXT value contains the control character U+007F at octet 2; remove it (keep the value on one line, without tabs or line breaks)"
        ),
    ])
    func rejectsControlCharacters(value: String, message: String) {
        #expect(throws: TXTError.self) { try TXTPresentation.split(value) }
        do {
            _ = try TXTPresentation.quote(value)
            Issue.record("quote accepted a control character")
        } catch {
            #expect(error.message == message)
        }
    }
}

struct TXTQuoteTests {
    @Test(arguments: [
        ("v=spf1 -all", "\"v=spf1 -all\""),
        ("", "\"\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("a;b c", "\"a;b c\""),
        ("é", "\"é\""),
    ])
    func quotes(value: String, presentation: String) throws {
        #expect(try TXTPresentation.quote(value) == presentation)
        #expect(try TXTPresentation.unquote(presentation) == [value])
    }

    @Test func quotedStringsSplitsThenQuotes() throws {
        let value = String(repeating: "\\", count: 256)
        #expect(
            try TXTPresentation.quotedStrings(value)
                == ["\"" + String(repeating: "\\\\", count: 255) + "\"", "\"\\\\\""])
    }

    @Test func oneLine() throws {
        #expect(
            try TXTPresentation.oneLine(["v=DKIM1; k=rsa; p=MIIB", "IjAN"]) == "\"v=DKIM1; k=rsa; p=MIIB\" \"IjAN\"")
    }

    @Test func multiLine() throws {
        let block = try TXTPresentation.multiLine(
            ["v=DKIM1; k=rsa; p=MIIB", "IjAN", "IDAQAB"], indent: "                    ")
        #expect(
            block == """
                ( "v=DKIM1; k=rsa; p=MIIB"
                                    "IjAN"
                                    "IDAQAB" )
                """)
        #expect(try TXTPresentation.multiLine(["one"], indent: "  ") == "( \"one\" )")
    }

    @Test func roundTripsAKeyRecord() throws {
        let record = "v=DKIM1; k=rsa; p=" + TestKeys.rsa4096
        let line = try TXTPresentation.oneLine(try TXTPresentation.split(record))
        #expect(TXTPresentation.joined(try TXTPresentation.unquote(line)) == record)
    }
}

struct TXTUnquoteTests {
    @Test(arguments: [
        ("\"abc\"", ["abc"]),
        ("\"a\" \"b\"", ["a", "b"]),
        ("\"a\"\t\"b\"", ["a", "b"]),
        ("abc def", ["abc", "def"]),
        ("\"v=spf1 \"\"-all\"", ["v=spf1 ", "-all"]),
        ("\"a\\\"b\"", ["a\"b"]),
        ("\"a\\\\b\"", ["a\\b"]),
        ("\"\\065BC\"", ["ABC"]),
        ("\\065BC", ["ABC"]),
        ("\"\\;\"", [";"]),
        ("\"\"", [""]),
        ("\"\\195\\169\"", ["é"]),
        ("   ", []),
    ])
    func reads(presentation: String, expected: [String]) throws {
        #expect(try TXTPresentation.unquote(presentation) == expected)
    }

    @Test(arguments: [
        ("\"abc", "TXT string \"abc has no closing quote; close the string with \""),
        (
            "\"\\25\"",
            "TXT string has an invalid escape \\25\"; write \\DDD with three decimal digits from 000 to 255, or \\\" and \\\\"
        ),
        (
            "\"\\256\"",
            "TXT string has an invalid escape \\256; write \\DDD with three decimal digits from 000 to 255, or \\\" and \\\\"
        ),
        ("abc\\", "TXT string abc\\ ends with a lone backslash; escape the backslash as \\\\"),
        ("\"\\255\"", "TXT string \"\\255\" does not decode as UTF-8 text; write the value as UTF-8 text"),
        (
            "\"" + String(repeating: "a", count: 256) + "\"",
            "TXT character-string is 256 octets long, more than the 255 a string can hold; split the text into several strings of at most 255 octets"
        ),
    ])
    func rejects(presentation: String, message: String) {
        do {
            _ = try TXTPresentation.unquote(presentation)
            Issue.record("read \(presentation)")
        } catch {
            #expect(error.message == message)
        }
    }
}

struct TXTAnswerSizeTests {
    @Test func countsNameAndLengthOctets() {
        #expect(TXTPresentation.answerOctets(ownerNameLength: 17, strings: ["abc", ""]) == 17 + 4 + 1)
    }

    @Test func warnsPast450() {
        let strings = [String(repeating: "a", count: 255), String(repeating: "b", count: 174)]
        // 19 + 256 + 175 = 450
        #expect(TXTPresentation.answerSizeWarning(ownerNameLength: 19, strings: strings) == nil)
        let warning = TXTPresentation.answerSizeWarning(ownerNameLength: 20, strings: strings)
        #expect(warning?.octets == 451)
        #expect(warning?.severity == .warning)
        #expect(
            warning?.message
                == "the TXT records at this name take 451 octets with the name, more than the 450 that keep a DNS answer within 512 octets (RFC 7208 §3.4); shorten them (remove unused TXT records or SPF terms, or move verification tokens to their own names)"
        )
    }
}
