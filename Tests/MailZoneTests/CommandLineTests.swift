import Foundation
import TestSupport
import Testing

@testable import MailZone

/// The command line's contract beyond the examples: declaration errors, `--out`,
/// `records` without a zone, `presets`, and the exit codes of each (DESIGN.md).
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct CommandLineTests {
    static let key =
        "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/McgujTfeeJU6qIOH2LlFXmrNvVZiJ0iqdA4lfcA/vpCEbhktgXyyxxkpsUzEohO/7GsOPOMgDLvsW7F7lfXb1adErXteVbxZ/7dHlHufgyqWABlLNKXXfZ5qj8QcLBuh1tPONlVIvI5ZAy+UXCcFiTJKXmB1H5u1Ji2+4UUEaT3e9zcoBEZabkOdrfSTapKlj6Ke46iJA/HgeXEoOi39hZ5UIFOOELtTG4Y0KUOAgNCdegUBoUVXd4+R1xRI480DKlz0aLT0Wa2Z2/rb+8rIOclqg0tMS2jLCLEYh7SBaV0jYuugyV8KsCrgVVSXLrLHn3H73+dFmQIDAQAB"

    @Test func declarationErrorsAreAllPrintedOnStderr() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            zones:
              - origin: bad..example
                file: db
            senders:
              - domain: ok.example
                services:
                  - preset: tencent-sse
            """
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["plan"], ["plan", "--format", "json"], ["check"], ["records", "ok.example"]] {
            let result = try MailzoneBinary.run(arguments, in: directory)
            #expect(result.status == 1, "\(arguments)")
            // JSON carries the errors too (see declarationErrorsAreInEveryFormat); text prints them on stderr only.
            #expect(result.stdout.isEmpty == !arguments.contains("json"), "\(arguments)")
            let lines = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(lines.count == 2, "\(arguments): \(result.errors)")
            #expect(lines.allSatisfy { $0.hasPrefix("mailzone.yaml:") })
            #expect(result.errors.contains("did you mean 'tencent-ses'"))
        }
        let github = try MailzoneBinary.run(["check", "--format", "github"], in: directory)
        #expect(github.status == 1)
        // The two errors, then the closing line.
        #expect(github.output.split(separator: "\n").count == 3)
        #expect(github.output.hasPrefix("::error file=mailzone.yaml,line=3,col="))
    }

    /// A declaration whose one error is a misspelt preset name, and that error as stderr words it.
    static let misspeltPreset = """
        version: 1
        senders:
          - domain: ok.example
            services:
              - preset: tencent-sse
        """
    static let misspeltPresetError =
        "mailzone.yaml:5:17: error: unknown preset 'tencent-sse'; did you mean 'tencent-ses'?\n"

    /// The `errors` member of a JSON output for `misspeltPreset` (check's plan, verify, records),
    /// each line indented by `indent` spaces and the last ending with its comma.
    static func misspeltPresetErrorsJSON(indent: Int) -> String {
        indented(
            by: indent,
            """
            "errors" : [
              {
                "location" : {
                  "column" : 17,
                  "file" : "mailzone.yaml",
                  "line" : 5
                },
                "message" : "unknown preset 'tencent-sse'; did you mean 'tencent-ses'?",
                "severity" : "error"
              }
            ],
            """)
    }

    /// The `summary` member of a plan whose only finding is one error, as `check --format json`
    /// prints it twice (in its plan and for the whole check).
    static func oneErrorPlanSummaryJSON(indent: Int) -> String {
        indented(
            by: indent,
            """
            "summary" : {
              "conflicts" : 0,
              "create" : 0,
              "delete" : 0,
              "errors" : 1,
              "held" : 0,
              "merge" : 0,
              "replace" : 0,
              "unchanged" : 0,
              "warnings" : 0,
              "zonesChanged" : 0
            },
            """)
    }

    private static func indented(by indent: Int, _ text: String) -> String {
        text.split(separator: "\n").map { String(repeating: " ", count: indent) + $0 }.joined(separator: "\n")
    }

    /// JSON, Markdown and GitHub output carry the declaration's errors, worded as on stderr.
    @Test func declarationErrorsAreInEveryFormat() throws {
        let directory = try TemporaryFiles.directory(["mailzone.yaml": Self.misspeltPreset])
        defer { try? FileManager.default.removeItem(at: directory) }
        let stderr = Self.misspeltPresetError
        let json = try MailzoneBinary.run(["check", "--format", "json"], in: directory)
        #expect(json.status == 1)
        #expect(json.errors == stderr)
        #expect(
            json.output == """
                {
                  "exitCode" : 1,
                  "plan" : {
                    "declaration" : "mailzone.yaml",
                \(Self.misspeltPresetErrorsJSON(indent: 4))
                \(Self.oneErrorPlanSummaryJSON(indent: 4))
                    "version" : 1,
                    "zones" : [

                    ]
                  },
                  "status" : "failed",
                \(Self.oneErrorPlanSummaryJSON(indent: 2))
                  "version" : 1
                }

                """)
        let plan = try MailzoneBinary.run(["plan", "--format", "json"], in: directory)
        #expect(
            try PlanJSON.decode(plan.stdout).errors == [
                PlanFinding(
                    severity: .error, message: "unknown preset 'tencent-sse'; did you mean 'tencent-ses'?",
                    location: PlanLocation(file: "mailzone.yaml", line: 5, column: 17))
            ])
        for command in ["plan", "check"] {
            let markdown = try MailzoneBinary.run([command, "--format", "markdown"], in: directory)
            #expect(markdown.status == 1)
            #expect(
                markdown.output == """
                    <!-- mailzone-plan -->
                    ### mailzone \(command)

                    **0 to add, 0 to merge, 0 to replace, 0 conflicts, 1 error. Resolve the 1 error first (see below): \
                    `mailzone apply` writes nothing until the plan has none.**

                    #### Conflicts and errors

                    - **error**: unknown preset 'tencent-sse'; did you mean 'tencent-ses'?
                      - at `mailzone.yaml:5:17`

                    """)
        }
        let github = try MailzoneBinary.run(["check", "--format", "github"], in: directory)
        #expect(
            github.output == """
                ::error file=mailzone.yaml,line=5,col=17,title=mailzone%3A error::unknown preset 'tencent-sse'; did you mean 'tencent-ses'?
                ::error title=mailzone%3A plan::Plan: 0 to add, 0 to merge, 0 to replace, 0 conflicts, 1 error. \
                Resolve the 1 error first (see the errors above): `mailzone apply` writes nothing until the plan has none.

                """)
    }

    /// verify's JSON, Markdown and GitHub output carry the declaration's errors too (no server is asked).
    @Test func verifyCarriesDeclarationErrorsInEveryFormat() throws {
        let directory = try TemporaryFiles.directory(["mailzone.yaml": Self.misspeltPreset])
        defer { try? FileManager.default.removeItem(at: directory) }
        let stderr = Self.misspeltPresetError
        let json = try MailzoneBinary.run(["verify", "--format", "json", "--server", "127.0.0.1:9"], in: directory)
        #expect(json.status == 1)
        #expect(json.errors == stderr)
        #expect(
            json.output == """
                {
                  "declaration" : "mailzone.yaml",
                \(Self.misspeltPresetErrorsJSON(indent: 2))
                  "exitCode" : 1,
                  "summary" : {
                    "errors" : 1,
                    "mismatch" : 0,
                    "missing" : 0,
                    "recordErrors" : 0,
                    "serverErrors" : 0,
                    "verified" : 0,
                    "warnings" : 0
                  },
                  "version" : 1,
                  "zones" : [

                  ]
                }

                """)
        let markdown = try MailzoneBinary.run(["verify", "--format", "markdown"], in: directory)
        #expect(markdown.status == 1)
        #expect(
            markdown.output == """
                ## mailzone verify

                **0 verified, 0 missing, 0 mismatched, 1 error.**

                - :x: mailzone.yaml:5:17: unknown preset 'tencent-sse'; did you mean 'tencent-ses'?

                """)
        let github = try MailzoneBinary.run(["verify", "--format", "github"], in: directory)
        #expect(github.status == 1)
        #expect(
            github.output == """
                ::error file=mailzone.yaml,line=5,col=17,title=mailzone%3A error::unknown preset 'tencent-sse'; \
                did you mean 'tencent-ses'?
                Verify: 0 verified, 0 missing, 0 mismatched, 1 error.

                """)
        let text = try MailzoneBinary.run(["verify"], in: directory)
        #expect(text.status == 1)
        #expect(text.output.isEmpty)
        #expect(text.errors == stderr)
    }

    /// records --format json says why there is no checklist, as stderr does.
    @Test func recordsJSONCarriesItsErrors() throws {
        let directory = try TemporaryFiles.directory(["mailzone.yaml": Self.misspeltPreset])
        defer { try? FileManager.default.removeItem(at: directory) }
        let invalid = try MailzoneBinary.run(["records", "ok.example", "--format", "json"], in: directory)
        #expect(invalid.status == 1)
        #expect(
            invalid.errors == "mailzone.yaml:5:17: error: unknown preset 'tencent-sse'; did you mean 'tencent-ses'?\n")
        #expect(
            invalid.output == """
                {
                  "domain" : "ok.example",
                \(Self.misspeltPresetErrorsJSON(indent: 2))
                  "version" : 1
                }

                """)
        let example = ExamplesTests.directory("tencent-ses-primary")
        let unknown = try MailzoneBinary.run(["records", "sampledomian.com", "--format", "json"], in: example)
        #expect(unknown.status == 1)
        #expect(
            unknown.output == """
                {
                  "domain" : "sampledomian.com",
                  "errors" : [
                    {
                      "message" : "sampledomian.com is not a sender in mailzone.yaml; did you mean 'sampledomain.com'?\\n    senders: sampledomain.com",
                      "severity" : "error"
                    }
                  ],
                  "version" : 1
                }

                """)
    }

    @Test func aMissingDeclarationIsAnError() throws {
        let directory = try TemporaryFiles.directory(["README": "no declaration here\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        #expect(result.status == 1)
        #expect(result.errors.contains("mailzone.yaml"))
        let other = try MailzoneBinary.run(["check", "--config", "elsewhere/mz.yaml"], in: directory)
        #expect(other.status == 1)
        #expect(other.errors.contains("elsewhere/mz.yaml"))
    }

    @Test func planOutSavesTheJSONPlan() throws {
        let example = ExamplesTests.directory("tencent-ses-primary")
        let out = try ProcessScratch.directory(prefix: "mailzone-plan").appendingPathComponent("plan.json")
        defer { try? FileManager.default.removeItem(at: out) }
        let text = try MailzoneBinary.run(["plan", "--out", out.path, "--detailed-exitcode"], in: example)
        #expect(text.status == 2)
        #expect(text.output.hasPrefix("zone sampledomain.com."))
        let json = try MailzoneBinary.run(["plan", "--format", "json"], in: example)
        #expect(try Data(contentsOf: out) == json.stdout)
        let plan = try PlanJSON.decode(try Data(contentsOf: out))
        #expect(plan.version == 1)
        #expect(plan.hasChanges)
        // Whatever the output format, the saved plan is the same document.
        for format in ["diff", "json", "markdown"] {
            try? FileManager.default.removeItem(at: out)
            let result = try MailzoneBinary.run(["plan", "--format", format, "--out", out.path], in: example)
            #expect(result.status == 0)
            #expect(try Data(contentsOf: out) == json.stdout, "--format \(format)")
        }
    }

    @Test func planOutToAnUnwritablePlaceFails() throws {
        let result = try MailzoneBinary.run(
            ["plan", "--out", "/nonexistent-dir/plan.json"], in: ExamplesTests.directory("tencent-ses-primary"))
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "error: cannot save the plan to /nonexistent-dir/plan.json: No such file or directory"))
    }

    @Test func recordsWithoutAZoneAreRelativeToTheSenderDomain() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            senders:
              - domain: abc.sampledomain.com
                services:
                  - preset: tencent-ses
                    dkim:
                      qcloud: "\(Self.key)"
            """
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["records", "ABC.sampledomain.com.", "--format", "json"], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        let checklist = try JSONDecoder().decode(RecordsChecklist.self, from: result.stdout)
        #expect(checklist.zone == nil)
        #expect(checklist.records.map(\.host) == ["@", "@", "qcloud._domainkey", "_dmarc"])
        #expect(checklist.records.map(\.type) == ["MX", "TXT", "TXT", "TXT"])
        #expect(checklist.records[0].value == "mxbiz1.qq.com.")
        #expect(checklist.records[0].priority == 10)
        #expect(checklist.records[1].value == "v=spf1 include:qcloudmail.com ~all")
        #expect(checklist.records[2].value == Self.key)
        let text = try MailzoneBinary.run(["records", "abc.sampledomain.com"], in: directory)
        #expect(text.status == 0)
        #expect(text.output.contains("relative to abc.sampledomain.com itself"))
        // The plan still needs a zone.
        let plan = try MailzoneBinary.run(["plan"], in: directory)
        #expect(plan.status == 1)
        #expect(plan.output.contains("is in no declared zone"))
    }

    @Test func recordsOfAnUnknownDomainIsAnError() throws {
        let result = try MailzoneBinary.run(
            ["records", "abd.sampledomain.com"], in: ExamplesTests.directory("tencent-ses-non-primary"))
        #expect(result.status == 1)
        #expect(result.errors.contains("did you mean 'abc.sampledomain.com'?"))
    }

    @Test func presetsListsEveryBuiltInService() throws {
        let result = try MailzoneBinary.run(["presets"], in: ProcessScratch.root)
        #expect(result.status == 0)
        for name in ["tencent-ses", "aws-ses", "google-workspace", "microsoft-365", "zoho"] {
            #expect(result.output.contains(name))
        }
        let zoho = result.output.split(separator: "\n").first { $0.hasPrefix("zoho ") }
        #expect(zoho?.hasSuffix("unconfirmed") == true)
        let tencent = result.output.split(separator: "\n").first { $0.hasPrefix("tencent-ses ") }
        #expect(tencent?.contains("qcloudmail.com") == true)
        // Every Microsoft 365 value is confirmed by Microsoft's pages; Tencent's optional mail selector is not.
        let microsoft = result.output.split(separator: "\n").first { $0.hasPrefix("microsoft-365 ") }
        #expect(microsoft?.contains("unconfirmed") == false)
        #expect(tencent?.contains("unconfirmed") == true)
    }

    @Test func presetsShowsOneServiceForExampleCom() throws {
        let result = try MailzoneBinary.run(["presets", "tencent-ses"], in: ProcessScratch.root)
        #expect(result.status == 0)
        #expect(result.output.contains("dkim.qcloud  required"))
        #expect(result.output.contains("@                  MX    10 mxbiz1.qq.com."))
        #expect(result.output.contains("@                  TXT   v=spf1 include:qcloudmail.com ~all"))
        #expect(result.output.contains("_dmarc             TXT   v=DMARC1; p=none"))
        #expect(result.output.contains("Notes:"))
        let microsoft = try MailzoneBinary.run(
            ["presets", "microsoft-365"], in: ProcessScratch.root)
        #expect(microsoft.output.contains("example-com"), "domain_dashed expands for example.com")
    }

    @Test(arguments: [("tencent", "tencent-ses"), ("googel", "google-workspace"), ("aws-sse", "aws-ses")])
    func anUnknownPresetSuggestsTheNearest(_ name: String, _ suggestion: String) throws {
        let result = try MailzoneBinary.run(["presets", name], in: ProcessScratch.root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.errors.contains("did you mean '\(suggestion)'"), "\(result.errors)")
    }

    @Test(arguments: [["plan", "--format", "xml"], ["check", "--format", "diff"], ["bogus"], ["records"]])
    func usageErrorsExitOne(_ arguments: [String]) throws {
        let result = try MailzoneBinary.run(arguments, in: ExamplesTests.directory("tencent-ses-primary"))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.errors.contains("Error:"))
    }

    @Test func noColourWithoutATerminal() throws {
        let result = try MailzoneBinary.run(["plan"], in: ExamplesTests.directory("conflict-null-mx"))
        #expect(!result.output.contains("\u{1B}["))
    }
}
