import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Domain Connect templates as presets: the template reader's errors, `presets --domain-connect`,
/// and a declaration whose template services cannot be used. The end-to-end plan and apply of
/// templates is `examples/domain-connect` (ExamplesTests, ApplyExamplesTests).
@Suite struct DomainConnectTests {
    static let fixtures = DeclarationFixtures.testsDirectory.appendingPathComponent("Fixtures/DomainConnect")
    static let golden = fixtures.appendingPathComponent("golden")
    static let examples = "examples/domain-connect/templates"

    /// Reads a template's bytes as mailzone does; the errors as printed, or "" when it is accepted.
    static func errors(reading text: String, file: String = "t.json") -> String {
        var diagnostics = Diagnostics()
        let template = DomainConnectLibrary.read(Array(text.utf8), displayPath: file, diagnostics: &diagnostics)
        #expect((template == nil) == !diagnostics.isEmpty)
        return DeclarationErrors(diagnostics.errors).description
    }

    // MARK: JSON

    @Test func malformedJSONIsReportedAtItsLineAndColumn() {
        #expect(
            Self.errors(reading: "{\n  \"providerId\": \"a\",\n  \"records\": [1,]\n}")
                == "t.json:3:17: error: the template is not valid JSON: a comma before ']' is not allowed in JSON\n"
                + "    fix: remove the last comma\n")
        #expect(
            Self.errors(reading: "{\"a\": 1, \"a\": 2}")
                == "t.json:1:10: error: the template is not valid JSON: the key \"a\" is given twice in this object\n"
                + "    fix: the first is at line 1; keep one\n")
        #expect(
            Self.errors(reading: "{\"a\": 'x'}")
                == "t.json:1:7: error: the template is not valid JSON: JSON strings are written in double quotes, not single quotes\n"
        )
        #expect(
            Self.errors(reading: "{\"a\": \"line\nbreak\"}")
                == "t.json:1:12: error: the template is not valid JSON: the string is not closed before the end of the line\n"
                + "    fix: add the closing '\"', or write a line break as \\n\n")
        #expect(
            Self.errors(reading: "{\"é\": 01}")
                == "t.json:1:7: error: the template is not valid JSON: a JSON number cannot start with 0\n"
                + "    fix: remove the leading zeros\n")
        #expect(
            Self.errors(reading: "")
                == "t.json:1:1: error: the template is not valid JSON: the template is empty\n"
                + "    fix: a template is a JSON object: { \"providerId\": … }\n")
        #expect(
            Self.errors(reading: String(repeating: "[", count: 100))
                == "t.json:1:65: error: the template is not valid JSON: the JSON is nested more than 64 levels deep\n")
    }

    /// A long line is read in linear time: a column is not counted again from the line's start at
    /// every value (that took hours on this 1 MiB line of 500,000 numbers).
    @Test func aOneMegabyteLineIsReadAtOnce() {
        let line = "[" + String(repeating: "0,", count: (JSONReader.maxBytes - 8) / 2) + "\"é\"]"
        #expect(
            Self.errors(reading: line)
                == "t.json:1:1: error: a Domain Connect template is a JSON object, found an array\n"
                + "    fix: start the file with { \"providerId\": …, \"serviceId\": …, \"records\": [ … ] }\n")
        #expect(
            Self.errors(reading: line.dropLast() + "x")
                == "t.json:1:1048573: error: the template is not valid JSON: expected ',' or ']' after an array item, found 'x'\n"
        )
    }

    @Test func jsonEscapesAndNumbersAreRead() throws {
        let value = try JSONReader.parse(
            Array(#"{"s": "a\"\\\/\n\u00e9\ud83d\ude00", "n": -1.5e3, "t": [true, false, null]}"#.utf8), file: "x")
        guard case .object(let members) = value.content else {
            Issue.record("not an object")
            return
        }
        #expect(members[0].value.string == "a\"\\/\né😀")
        #expect(members[1].value.content == .number("-1.5e3"))
        #expect(members[1].value.location == YAMLLocation(file: "x", line: 1, column: 43))
    }

    // MARK: Templates, through the command line

    /// `mailzone ARGUMENTS` in the package root: stdout and stderr against `golden/NAME.stdout|stderr`.
    func expectGolden(_ name: String, _ arguments: [String], status: Int32) throws {
        let result = try MailzoneBinary.run(arguments, in: DeclarationFixtures.packageRoot)
        #expect(result.status == status, "mailzone \(arguments.joined(separator: " ")): \(result.errors)")
        GoldenFile.assert(
            String(decoding: result.stdout, as: UTF8.self), at: Self.golden.appendingPathComponent("\(name).stdout"))
        GoldenFile.assert(result.errors, at: Self.golden.appendingPathComponent("\(name).stderr"))
    }

    static let fixturesPath = "Tests/MailZoneTests/Fixtures/DomainConnect"

    @Test(.enabled(if: MailzoneBinary.shouldRun))
    func presetsShowsWhatATemplateWouldPlan() throws {
        try expectGolden(
            "sendwave-news",
            [
                "presets", "--domain-connect", "\(Self.examples)/sendwave.example.sending.json",
                "--param", "token1=t4kvq2bz", "--param", "token2=m8wq1cpa", "--param", "token3=zr5nd0ye",
                "--param", "region=eu-west-1", "--domain", "shop.example", "--host", "news",
            ], status: 0)
        try expectGolden(
            "postbox-groups",
            [
                "presets", "--domain-connect", "\(Self.examples)/postbox.example.mail.json", "--param",
                "account=acme42", "--group", "spf", "--group", "dkim",
            ], status: 0)
        try expectGolden(
            "verifyco",
            [
                "presets", "--domain-connect", "\(Self.examples)/verifyco.example.ownership.json",
                "--param", "token=9d1e77-new", "--param", "code=verifyco-code=4410",
            ], status: 0)
    }

    @Test(.enabled(if: MailzoneBinary.shouldRun))
    func missingParamsListTheTemplatesVariables() throws {
        try expectGolden(
            "sendwave-missing-params",
            [
                "presets", "--domain-connect", "\(Self.examples)/sendwave.example.sending.json", "--param",
                "token1=a", "--param", "tokn2=b", "--param", "fqdn=x",
            ], status: 1)
    }

    @Test(.enabled(if: MailzoneBinary.shouldRun))
    func templateOptionsWithoutATemplateAreRefused() throws {
        try expectGolden("options-without-template", ["presets", "--param", "token=x"], status: 1)
        try expectGolden(
            "template-and-name",
            ["presets", "tencent-ses", "--domain-connect", "\(Self.examples)/postbox.example.mail.json"], status: 1)
    }

    @Test(.enabled(if: MailzoneBinary.shouldRun))
    func badTemplatesGiveClearErrors() throws {
        for name in ["malformed", "schema-violations", "refused-types"] {
            try expectGolden(
                "bad-\(name)", ["presets", "--domain-connect", "\(Self.fixturesPath)/bad/\(name).json"], status: 1)
        }
        try expectGolden(
            "bad-spf-rules",
            [
                "presets", "--domain-connect", "\(Self.fixturesPath)/bad/spf-rules.json", "--param", "cluster=eu",
                "--param", "prio=ten",
            ], status: 1)
    }

    @Test(.enabled(if: MailzoneBinary.shouldRun))
    func theSpecsExampleTemplateIsRefusedForItsCAARecord() throws {
        try expectGolden(
            "spec-example",
            ["presets", "--domain-connect", "\(Self.fixturesPath)/spec/exampleprovider.exampleservice.json"],
            status: 1)
    }

    @Test(.enabled(if: MailzoneBinary.shouldRun))
    func templateServicesThatCannotBeUsedAreErrorsOfTheDeclaration() throws {
        try expectGolden(
            "declaration", ["plan", "--config", "\(Self.fixturesPath)/declaration/mailzone.yaml"], status: 1)
    }

    // MARK: The schema

    /// The template schema of the spec (CC0, `spec/NOTICE.md`): mailzone's checker knows its keys.
    @Test func theCheckerKnowsTheSchemasKeysAndRecordTypes() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("spec/template.schema"))
        let schema = try JSONReader.parse(Array(data), file: "template.schema")
        func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
            guard let value, case .object(let members) = value.content else { return nil }
            return members.first { $0.key.value == key }?.value
        }
        func keys(_ value: JSONValue?) -> [String] {
            guard let value, case .object(let members) = value.content else { return [] }
            return members.map(\.key.value)
        }
        func strings(_ value: JSONValue?) -> [String] {
            guard let value, case .array(let items) = value.content else { return [] }
            return items.compactMap(\.string)
        }
        let definitions = member(schema, "definitions")
        let template = member(definitions, "DomainConnectTemplate")
        #expect(Set(keys(member(template, "properties"))) == Set(DomainConnectSchema.templateKeys))
        #expect(strings(member(template, "required")) == DomainConnectSchema.requiredTemplateKeys)
        #expect(Set(keys(member(member(definitions, "Record-All"), "properties"))) == ["groupId", "essential"])
        for kind in DomainConnectRecord.Kind.allCases {
            guard case .array(let parts) = member(member(definitions, "Record-\(kind.rawValue)"), "allOf")?.content,
                let shape = parts.last, let expected = DomainConnectSchema.recordKeys[kind]
            else {
                Issue.record("the schema has no Record-\(kind.rawValue)")
                continue
            }
            let schemaKeys = Set(keys(member(shape, "properties"))).subtracting(["type"])
            // SPFM's ttl is not in the schema; the spec's own example template gives one.
            #expect(schemaKeys == Set(expected.keys).subtracting(kind == .spfm ? ["ttl"] : []), "\(kind)")
            #expect(Set(strings(member(shape, "required"))) == Set(expected.required + ["type"]), "\(kind)")
        }
        // Every other type the schema names is refused with a reason.
        for other in ["REDIR301", "REDIR302", "APEXCNAME"] {
            #expect(member(definitions, "Record-\(other)") != nil)
            #expect(DomainConnectSchema.refusedTypes[other] != nil)
        }
    }

    /// `essential` is read whatever its case: the template schema gives it no enum, the reference
    /// implementation (DomainConnectApplyZone) compares it with "Always" only, and a published
    /// template writes "onApply". A word that names neither value is still refused.
    @Test(arguments: [
        ("onApply", Optional(DomainConnectRecord.Essential.onApply)), ("ONAPPLY", .onApply), ("OnApply", .onApply),
        ("always", .always), ("Always", .always), ("Sometimes", nil),
    ])
    func essentialIsReadWhateverItsCase(written: String, meaning: DomainConnectRecord.Essential?) {
        let text =
            #"{"providerId": "p.example", "providerName": "P", "serviceId": "s", "serviceName": "S", "records": ["#
            + #"{"type": "TXT", "host": "@", "data": "x", "ttl": 3600, "essential": "\#(written)"}]}"#
        var diagnostics = Diagnostics()
        let template = DomainConnectLibrary.read(Array(text.utf8), displayPath: "t.json", diagnostics: &diagnostics)
        #expect(template?.records.first?.essential == meaning)
        if meaning == nil {
            #expect(
                DeclarationErrors(diagnostics.errors).description
                    == "t.json:1:168: error: \"essential\" cannot be 'Sometimes'\n"
                    + "    fix: the spec's values are \"Always\" and \"OnApply\"\n")
        }
    }
}
