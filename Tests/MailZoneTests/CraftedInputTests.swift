import Foundation
import TestSupport
import Testing

/// Inputs that used to kill every command with SIGILL (a Swift runtime trap) instead of an answer:
/// one-character zone file names, which Foundation's `deletingLastPathComponent` traps on, and
/// `$GENERATE` offsets at the ends of Int. Each command must finish with its normal exit code.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct CraftedInputTests {
    static let apex = "$TTL 3600\n@ SOA ns hostmaster 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.53\n"

    private func declaration(file: String) -> String {
        """
        version: 1
        zones:
          - { origin: example.com., file: "\(file)" }
        senders:
          - domain: example.com
            services:
              - preset: tencent-ses
                dkim: { qcloud: "\(CommandLineTests.key)" }
        """
    }

    @Test(arguments: ["z", "-"])
    func aOneCharacterZoneFileName(_ file: String) throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": declaration(file: file), file: Self.apex + "$INCLUDE mail.inc\n",
            "mail.inc": "www A 192.0.2.80\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try MailzoneBinary.run(["plan", "--detailed-exitcode"], in: directory)
        #expect(plan.status == 2, "\(plan.errors)")
        #expect(plan.output.hasPrefix("zone example.com.  \(file)\n"), "\(plan.output)")
        let check = try MailzoneBinary.run(["check"], in: directory)
        #expect(check.status == 2, "\(check.errors)")
        let zoneCheck = try MailzoneBinary.run(["zone", "check", "--origin", "example.com.", file], in: directory)
        #expect(zoneCheck.status == 0, "\(zoneCheck.errors)")
        #expect(zoneCheck.output == "\(file): example.com. 4 records, 0 errors, 0 warnings\n")
        let apply = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(apply.status == 0, "\(apply.errors)")
        #expect(apply.output.hasSuffix("Applied example.com.: wrote \(file) (serial 1 => 2).\n"), "\(apply.output)")
        let after = try MailzoneBinary.run(["check"], in: directory)
        #expect(after.status == 0, "\(after.output)\(after.errors)")
    }

    @Test func aGenerateOffsetAtTheEndOfInt() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": declaration(file: "db.example.com"),
            "db.example.com": Self.apex + "$GENERATE 1-2 h${9223372036854775807} A 192.0.2.1\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoneCheck = try MailzoneBinary.run(
            ["zone", "check", "--origin", "example.com.", "db.example.com"], in: directory)
        #expect(zoneCheck.status == 1)
        #expect(
            zoneCheck.errors.hasPrefix(
                "db.example.com:5:15: error: $GENERATE: value 1 plus offset 9223372036854775807 is out of range\n"),
            "\(zoneCheck.errors)")
        let error =
            "  x db.example.com:5:15: $GENERATE: value 1 plus offset 9223372036854775807 is out of range\n"
            + "      fix: fix the zone file, then plan again\n"
        let plan = try MailzoneBinary.run(["plan"], in: directory)
        #expect(plan.status == 1)
        #expect(
            plan.output == "zone example.com.  db.example.com\n" + error
                + "\nPlan: 0 to add, 0 to merge, 0 to replace, 0 conflicts, 1 error. Resolve the 1 error first (see fix: above): "
                + "`mailzone apply` writes nothing until the plan has none.\n")
        let check = try MailzoneBinary.run(["check"], in: directory)
        #expect(check.status == 1)
        #expect(
            check.output == "zone example.com.  db.example.com\n" + error
                + "\nCheck failed: 0 to add, 0 to merge, 0 to replace, 0 conflicts, 1 error. Resolve the 1 error first (see fix: above): "
                + "`mailzone apply` writes nothing until the plan has none.\n")
        let apply = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(apply.status == 1)
        #expect(
            apply.errors.hasSuffix(
                "error: the plan has 0 conflicts and 1 error; resolve them and plan again — nothing was written\n"))
    }

    /// A saved plan whose edit range runs backwards (`start` after `end`) made apply trap building the range.
    @Test(arguments: [(5, 2), (-1, 3)])
    func aSavedPlanWithAnEditRangeThatIsNotARange(_ start: Int, _ end: Int) throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": declaration(file: "db.example.com"), "db.example.com": Self.apex,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try MailzoneBinary.run(["plan", "--out", "plan.json"], in: directory)
        #expect(plan.status == 0, "\(plan.errors)")
        let url = directory.appendingPathComponent("plan.json")
        var document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var zones = try #require(document["zones"] as? [[String: Any]])
        var files = try #require(zones[0]["files"] as? [[String: Any]])
        var edits = try #require(files[0]["edits"] as? [[String: Any]])
        edits[0]["start"] = start
        edits[0]["end"] = end
        files[0]["edits"] = edits
        zones[0]["files"] = files
        document["zones"] = zones
        try JSONSerialization.data(withJSONObject: document).write(to: url)
        let before = try Data(contentsOf: directory.appendingPathComponent("db.example.com"))
        let apply = try MailzoneBinary.run(["apply", "--plan", "plan.json"], in: directory)
        #expect(apply.status == 1)
        #expect(
            apply.errors
                == "error: plan.json: the plan's zones[0].files[0].edits[0].end is invalid: edit \(start)-\(end) is not a byte range of the file (0 <= start <= end); make the plan again with `mailzone plan --out FILE`\n"
        )
        #expect(try Data(contentsOf: directory.appendingPathComponent("db.example.com")) == before)
    }
}
