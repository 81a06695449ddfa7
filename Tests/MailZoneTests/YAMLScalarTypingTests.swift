import Testing
import Yams

@testable import MailZone

/// mailzone types plain scalars by the YAML 1.2 core schema with byte matchers; Yams with the
/// core schema's regular expressions (`YAMLCoreSchemaResolver`) is the reference they must
/// agree with.
@Suite struct YAMLScalarTypingTests {
    /// Texts at the edges of every rule: signs, bases, exponents, infinities and near misses of
    /// each; and what YAML 1.1 typed but the core schema reads as text: `yes`/`no`/`on`/`off`,
    /// binary, underscores, sexagesimal, dates with and without times and zones.
    static let texts: [String] = [
        "", "~", "null", "Null", "NULL", "nULL", "none",
        "yes", "Yes", "YES", "yEs", "no", "No", "NO", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "y", "n", "yes ", "truee",
        "0", "00", "07", "08", "0o7", "0o8", "0o", "0_", "0b", "0b1", "0b102", "0b_", "-0b1", "+0o17",
        "1", "-1", "+1", "12_345", "1_", "_1", "0x", "0x1F", "0X1F", "0xg", "-0xff", "0x_", "+0", "-",
        "1:30", "1:60", "1:5", "1:05", "1:123", "190:20:30", "0:30", "-1:30", "1:", "1::2",
        "1.0", "1.", ".5", "._", "-.5", "+.5", ".5e+1", ".5e1", "1e5", "1E+5", "1e", "1.5e-3", "-1_0.5_",
        "1:30.5", "1:30.", "-1:30.0", "1:30e5", ".inf", "-.inf", "+.Inf", ".INF", "inf", ".nan", ".NaN", "-.nan",
        ".NAN", "nan", "1.2.3", "1e5.0",
        "0777", "-0777", "0o777", "0O7", "+0o7", "-0o7", "0x1f", "+0x1F", "0X", "1_000", "0b101", "+.inf", "+.nan",
        "1e+5", "1E-05", "-1.e3", ".e3", "+", "+.", "00.5", "1.5.", "--1", "+-1",
        "<<", "<", "<<<", "=", "==",
        "2026-11-30", "2026-1-30", "2026-11-3", "26-11-30", "2026-11-30T10:20:30", "2026-11-30t1:20:30",
        "2026-1-3 10:20:30", "2026-11-30  10:20:30.123", "2026-11-30T10:20:30Z", "2026-11-30T10:20:30 Z",
        "2026-11-30T10:20:30+01", "2026-11-30T10:20:30-1:30", "2026-11-30T10:20:30 +01:00", "2026-11-30T10:20:30+0100",
        "2026-11-30T10:20", "2026-11-30T10:20:3", "2026-11-30X10:20:30", "2026-11-30T10:20:30.", "2026-11-30 ",
        "example.com", "v=spf1 -all", "tencent-ses", "1.2.3.4", "::1", "2001:db8::1", "10.0.0.0/8", "1_000:00",
        "\u{00e9}", "0x\u{0661}", "\u{0661}",
    ]

    @Test(arguments: texts)
    func agreesWithYams(_ text: String) {
        let expected: YAMLScalar.Kind
        switch YAMLCoreSchemaResolver.resolver.resolveTag(of: Node(text)) {
        case .str: expected = .string
        case .int: expected = .integer
        case .float: expected = .float
        case .bool: expected = .boolean
        case .null: expected = .null
        case .timestamp: expected = .timestamp
        case .merge: expected = .merge
        case let other: expected = .other(other.rawValue)
        }
        #expect(YAMLScalarTyping.plainKind(text) == expected, "\(text.debugDescription)")
    }

    /// What YAML 1.1 typed and YAML 1.2 reads as text, and the 1.2 numbers, spelled out.
    @Test func coreSchemaReadsYAML11BooleansAndDatesAsText() {
        for text in [
            "yes", "No", "ON", "off", "y", "2026-11-30", "2026-11-30T10:20:30Z", "0b101", "1_000", "1:30", "=",
        ] {
            #expect(YAMLScalarTyping.plainKind(text) == .string, "\(text)")
        }
        for text in ["0777", "-12", "+3", "0o17", "0x1F"] {
            #expect(YAMLScalarTyping.plainKind(text) == .integer, "\(text)")
        }
        for text in ["1.5", "1e3", ".5", "-.inf", ".NaN"] {
            #expect(YAMLScalarTyping.plainKind(text) == .float, "\(text)")
        }
        #expect(YAMLScalarTyping.plainKind("true") == .boolean)
        #expect(YAMLScalarTyping.plainKind("FALSE") == .boolean)
        #expect(YAMLScalarTyping.plainKind("~") == .null)
        #expect(YAMLScalarTyping.plainKind("<<") == .merge)
    }

    @Test func quotingAndTagsDecide() {
        #expect(YAMLScalarTyping.kind(text: "1", tag: nil, quotedImplicit: true) == .string)
        #expect(YAMLScalarTyping.kind(text: "1", tag: "!", quotedImplicit: false) == .string)
        #expect(YAMLScalarTyping.kind(text: "x", tag: "tag:yaml.org,2002:int", quotedImplicit: false) == .integer)
        #expect(YAMLScalarTyping.kind(text: "x", tag: "!custom", quotedImplicit: false) == .other("!custom"))
        #expect(YAMLScalarTyping.kind(text: "yes", tag: nil, quotedImplicit: false) == .string)
        #expect(
            YAMLScalarTyping.kind(text: "x", tag: "tag:yaml.org,2002:timestamp", quotedImplicit: false) == .timestamp)
    }
}
