import Foundation
import TestSupport
import Testing

@testable import MailZone

/// The errors and remarks a new user meets in the first hour, each with its exact words:
/// a DKIM key pasted as a console shows it, a declared DMARC weaker than the zone's, the SPF
/// fold, a wrong zone path or origin, a missing saved plan, a near-miss preset name, a
/// user-defined preset shown by `presets`, and readable `--timings`.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct FirstHourErrorsTests {
    static let key = CommandLineTests.key
    static let keyValue = String(key.dropFirst("v=DKIM1; k=rsa; p=".count))

    /// example.com with two SPF records (`~all` and `-all`) and `_dmarc` at `p=quarantine`.
    static let zone = """
        $ORIGIN example.com.
        $TTL 3600
        @   IN SOA ns1.example.com. hostmaster.example.com. ( 2026112801 7200 900 1209600 3600 )
            IN NS  ns1.example.com.
        ns1 IN A   192.0.2.1
        @   IN TXT "v=spf1 include:_spf.google.com ~all"
        @   IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
        _dmarc IN TXT "v=DMARC1; p=quarantine"

        """

    static func declaration(sender: String, dkim: String) -> String {
        """
        version: 1
        zones:
          - origin: example.com
            file: zones/db.example.com
        senders:
          - domain: example.com
            mx: keep-existing
        \(sender)
            services:
              - preset: tencent-ses
                dkim:
        \(dkim)

        """
    }

    // MARK: DKIM pasted in zone-file form

    @Test(arguments: [
        ("\"v=DKIM1; k=rsa; p=ABC\"", "v=DKIM1; k=rsa; p=ABC"),
        ("\"v=DKIM1; k=rsa; \" \"p=AB\" \"C\"", "v=DKIM1; k=rsa; p=ABC"),
        ("( \"v=DKIM1; k=rsa; \"\n  \"p=ABC\" )  ; ----- DKIM key qcloud for example.com", "v=DKIM1; k=rsa; p=ABC"),
        ("v=DKIM1; k=rsa;\np=AB\nC\n", "v=DKIM1; k=rsa;p=ABC"),
        ("\"v=DKIM1; k=rsa; p=A\\\"B\\067\"", "v=DKIM1; k=rsa; p=A\"BC"),
        ("v=DKIM1; k=rsa; p=ABC", "v=DKIM1; k=rsa; p=ABC"),
        // Not a key record: its line break is left for the single-line check to refuse.
        ("abc\nevil IN A 192.0.2.1", "abc\nevil IN A 192.0.2.1"),
        ("v=DKIM1; p=abc\nevil IN A 192.0.2.1", "v=DKIM1; p=abc\nevil IN A 192.0.2.1"),
    ])
    func aPastedKeyIsReadAsOneValue(_ pasted: String, _ value: String) {
        #expect(DKIMPastedValue.normalize(pasted, what: "the key") == .success(value))
    }

    @Test(arguments: ["v=DKIM1; p=\"ABC\"", "\"v=DKIM1; p=ABC", "\"v=DKIM1;\" p=ABC"])
    func ambiguousQuotesAskToRemoveThem(_ pasted: String) {
        #expect(
            DKIMPastedValue.normalize(pasted, what: "the key")
                == .failure(
                    DKIMPastedValue.Problem(
                        message: "the key has quotes (\") inside the value, which a DKIM record does not have",
                        hint:
                            "remove the quotes: write the value as the tag list alone, like 'v=DKIM1; k=rsa; p=MIIB...'"
                    )))
    }

    @Test func aKeyPastedSplitAndQuotedOnSeveralLinesIsPlanned() throws {
        let key = Self.keyValue
        let dkim =
            "          qcloud: |\n            \"v=DKIM1; k=rsa; \"\n            \"p=\(key.prefix(200))\"\n            \"\(key.dropFirst(200))\""
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": Self.zone,
            "mailzone.yaml": Self.declaration(sender: "    spf: { fold: true }", dkim: dkim),
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan", "--format", "json"], in: directory)
        #expect(result.errors == "")
        #expect(
            result.output.contains(
                "\"after\" : \"\\\"v=DKIM1; k=rsa; p=\(key.prefix(237))\\\" \\\"\(key.dropFirst(237))\\\"\""))
    }

    @Test func quotesInsideTheKeyAreReportedAtTheirYAMLLine() throws {
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": Self.zone,
            "mailzone.yaml": Self.declaration(sender: "", dkim: "          qcloud: 'v=DKIM1; p=\"MIIB\"'"),
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        #expect(result.status == 1)
        #expect(
            result.errors == """
                mailzone.yaml:12:19: error: the DKIM key for selector 'qcloud' has quotes (") inside the value, which a DKIM record does not have
                    fix: remove the quotes: write the value as the tag list alone, like 'v=DKIM1; k=rsa; p=MIIB...'

                """)
    }

    // MARK: DMARC weaker than the zone's, SPF fold

    @Test func aWeakerDeclaredDMARCIsKeptAndSaidAndTheFoldSaysWhatItStrengthens() throws {
        let dkim = "          qcloud: \"\(Self.key)\""
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": Self.zone,
            "mailzone.yaml": Self.declaration(sender: "    spf: { fold: true }\n    dmarc: { p: none }", dkim: dkim),
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        #expect(
            result.output == """
                zone example.com.  zones/db.example.com
                  sender example.com  (tencent-ses)
                    + @                 MX    10 mxbiz1.qq.com.   (Tencent's documentation gives no preference; mailzone uses 10)
                    ~ @                 TXT   "v=spf1 include:_spf.google.com ~all" | "v=spf1 ip4:192.0.2.0/24 -all"
                                            => "v=spf1 include:_spf.google.com ip4:192.0.2.0/24 include:qcloudmail.com -all"   \
                (folds 2 SPF records into one (spf.fold); ~all becomes -all, the strictest of the records')
                    + qcloud._domainkey TXT   "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/Mcguj...n3H73+dFmQIDAQAB"   (2048-bit RSA)
                    = _dmarc            TXT   "v=DMARC1; p=quarantine"   (kept p=quarantine; the declaration asks p=none: \
                add `allow_weaker: true` under `dmarc:` to lower it)
                  ~ @ SOA serial 2026112801 => 2026120100 (date)

                Plan: 2 to add, 1 to merge, 0 to replace, 0 conflicts. `mailzone apply` writes zones/db.example.com.

                """)
    }

    @Test func anAllowedDowngradeIsAReplace() throws {
        let dkim = "          qcloud: \"\(Self.key)\""
        let sender = "    spf: { fold: true }\n    dmarc: { p: none, allow_weaker: true }"
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": Self.zone, "mailzone.yaml": Self.declaration(sender: sender, dkim: dkim),
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("    ~ _dmarc            TXT   \"v=DMARC1; p=quarantine\""))
        #expect(
            lines.contains(
                "                            => \"v=DMARC1; p=none\"   (lowers p=quarantine to p=none: "
                    + "a downgrade `allow_weaker: true` allows)"))
        #expect(
            lines.last
                == "Plan: 2 to add, 1 to merge, 1 to replace, 0 conflicts. `mailzone apply` writes zones/db.example.com."
        )
    }

    @Test func twoSPFRecordsNameTheFoldOption() throws {
        let dkim = "          qcloud: \"\(Self.key)\""
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": Self.zone, "mailzone.yaml": Self.declaration(sender: "", dkim: dkim),
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                """
                      fix: set `spf: { fold: true }` for this sender to fold them into one (the strictest `all` is kept), \
                or fold them by hand, then plan again

                """))
    }

    // MARK: Zone path and origin

    @Test func aWrongZonePathIsReportedAtItsYAMLLine() throws {
        let dkim = "          qcloud: \"\(Self.key)\""
        let declaration = Self.declaration(sender: "", dkim: dkim).replacingOccurrences(
            of: "file: zones/db.example.com",
            with: "file: zones/db.exmaple.com")
        let directory = try TemporaryFiles.directory(["zones/db.example.com": Self.zone, "mailzone.yaml": declaration])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        #expect(result.status == 1)
        #expect(
            result.output == """
                zone example.com.  zones/db.exmaple.com
                  x mailzone.yaml:4:11: the zone file zones/db.exmaple.com cannot be read: no such file
                      fix: correct `file:` of zone example.com. in mailzone.yaml (relative to the directory of mailzone.yaml)

                Plan: 0 to add, 0 to merge, 0 to replace, 0 conflicts, 1 error. Resolve the 1 error first (see fix: above): \
                `mailzone apply` writes nothing until the plan has none.

                """)
    }

    @Test func anOriginThatIsNotTheFilesSaysSoInDNSTerms() throws {
        let dkim = "          qcloud: \"\(Self.key)\""
        let declaration = Self.declaration(sender: "", dkim: dkim)
            .replacingOccurrences(of: "origin: example.com", with: "origin: example.org")
            .replacingOccurrences(of: "domain: example.com", with: "domain: example.org")
        let directory = try TemporaryFiles.directory(["zones/db.example.com": Self.zone, "mailzone.yaml": declaration])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        #expect(result.status == 1)
        #expect(
            result.output == """
                zone example.org.  zones/db.example.com
                  x mailzone.yaml:3:13: no SOA record at the zone apex example.org.: the records of zones/db.example.com are out of zone \
                (ignoring out-of-zone data: example.com. is not in example.org., zones/db.example.com:3), so its $ORIGIN is of another zone
                      fix: make `origin:` in mailzone.yaml the zone the file holds, or correct the file's $ORIGIN

                Plan: 0 to add, 0 to merge, 0 to replace, 0 conflicts, 1 error. Resolve the 1 error first (see fix: above): \
                `mailzone apply` writes nothing until the plan has none.

                """)
    }

    // MARK: Saved plan, presets, timings

    @Test func aMissingSavedPlanSaysWhy() throws {
        let directory = try TemporaryFiles.directory(["README": "empty\n", "dir/x": ""])
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try MailzoneBinary.run(["apply", "--plan", "plan.json"], in: directory)
        #expect(missing.status == 1)
        #expect(
            missing.errors == "error: plan.json: cannot read the saved plan: No such file or directory; "
                + "make it with `mailzone plan --out plan.json`\n")
        let folder = try MailzoneBinary.run(["apply", "--plan", "dir"], in: directory)
        #expect(
            folder.errors
                == "error: dir: cannot read the saved plan: it is not a regular file; make it with `mailzone plan --out dir`\n"
        )
        let notAPlan = try MailzoneBinary.run(["apply", "--plan", "README"], in: directory)
        #expect(
            notAPlan.errors == "error: README: the file is not a mailzone plan (not JSON, or not the fields "
                + "`mailzone plan --out` writes); make it with `mailzone plan --out README`\n")
    }

    @Test func aPresetNameWithoutItsSuffixGetsDidYouMean() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            senders:
              - domain: example.com
                services:
                  - preset: tencent
                    dkim: { qcloud: "v=DKIM1; k=rsa; p=MIIB" }
            """
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["plan"], in: directory)
        #expect(result.errors == "mailzone.yaml:5:17: error: unknown preset 'tencent'; did you mean 'tencent-ses'?\n")
    }

    @Test func presetsShowsTheDeclarationsOwnPreset() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            presets:
              - name: acme-mail
                title: Acme Mail
                spf: { include: spf.acme.example }
                records:
                  - { name: "acme._domainkey", type: CNAME, value: "dkim.acme.example.", purpose: dkim }
            senders:
              - domain: example.com
                services: [acme-mail]
            """
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let shown = try MailzoneBinary.run(["presets", "acme-mail", "--config", "mailzone.yaml"], in: directory)
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.hasPrefix("acme-mail: Acme Mail\n"))
        #expect(shown.output.contains("acme._domainkey"))
        let unknown = try MailzoneBinary.run(["presets", "acme-mial", "--config", "mailzone.yaml"], in: directory)
        #expect(unknown.status == 1)
        #expect(
            unknown.errors.hasPrefix(
                "error: no preset (built in or in the declaration) is called 'acme-mial'; did you mean 'acme-mail'?\n"))
        let builtIn = try MailzoneBinary.run(["presets", "acme-mail"], in: directory)
        #expect(builtIn.status == 1)
    }

    /// On a terminal (a pseudo-terminal from `script`), `NO_COLOR=1` gives the plain golden text and an
    /// empty `NO_COLOR=` is ignored, as no-color.org says and the docs now say.
    @Test func anEmptyNoColorIsIgnoredOnATerminal() throws {
        let binary = try #require(MailzoneBinary.url)
        let example = ExamplesTests.directory("conflict-null-mx")
        func onATerminal(noColor: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "'\(binary.path)' plan", "/dev/null"]
            process.currentDirectoryURL = example
            var environment = MailzoneBinary.environment
            environment["NO_COLOR"] = noColor
            environment["TERM"] = "xterm"
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            // The terminal writes CR LF for each LF.
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let golden = try String(
            contentsOf: ExamplesTests.golden("conflict-null-mx").appendingPathComponent("plan.txt"), encoding: .utf8)
        #expect(try onATerminal(noColor: "1") == golden)
        let coloured = try onATerminal(noColor: "")
        #expect(coloured.hasPrefix("\u{1B}[1mzone nomail.example.\u{1B}[0m  zones/db.nomail.example\n"))
    }

    @Test func durationsAreReadable() {
        #expect(DurationText.format(.nanoseconds(30_299)) == "30.3 µs")
        #expect(DurationText.format(.nanoseconds(999)) == "999 ns")
        #expect(DurationText.format(.microseconds(1_020)) == "1.02 ms")
        #expect(DurationText.format(.milliseconds(250)) == "250 ms")
        #expect(DurationText.format(.seconds(2)) == "2 s")
        #expect(DurationText.format(.milliseconds(12_345)) == "12.3 s")
    }

    /// The full check ends its line with the checks' time; `--syntax-only` says it read the syntax alone.
    @Test(arguments: [([String](), "checks [0-9.]+ (ns|µs|ms|s)"), (["--syntax-only"], "syntax only")])
    func zoneCheckTimingsAreReadable(flags: [String], last: String) throws {
        let directory = try TemporaryFiles.directory(["db": Self.zone])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(["zone", "check", "--timings"] + flags + ["db"], in: directory)
        let pattern = try Regex(
            #"^timings: read [0-9.]+ (ns|µs|ms|s), parse [0-9.]+ (ns|µs|ms|s) \([0-9]+ MB/s over [0-9]+ bytes\), "#
                + last + "\n$")
        #expect(result.errors.wholeMatch(of: pattern) != nil, "\(result.errors)")
    }
}
