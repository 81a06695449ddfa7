import Foundation
import TestSupport
import Testing

/// A preset TXT value long enough that its RDATA passes BIND's limit (65,510 octets, `RDataLength`)
/// used to be planned and written, and BIND then refused the whole zone ("ran out of space"). The
/// longest value BIND loads is planned and applied (and `named-checkzone` loads the result); one
/// character more is a conflict naming the limit, and nothing is written.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct RDataLengthPlanTests {
    static let zone = "$TTL 3600\n@ SOA ns hostmaster 2026112801 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.53\n"

    /// A declaration with one TXT record whose value is `characters` letters: 255 a string, so
    /// 65,254 characters make 256 strings and 65,510 octets of RDATA.
    private func folder(characters: Int) throws -> URL {
        let directory = try ProcessScratch.directory(prefix: "mailzone-long")
        try Data(Self.zone.utf8).write(to: directory.appendingPathComponent("db.example.com"))
        let yaml = """
            version: 1
            zones:
              - { origin: example.com., file: db.example.com }
            presets:
              - name: long-token
                inputs:
                  - { name: token, description: "verification token" }
                records:
                  - { name: "@", type: TXT, value: "${token}", purpose: verification }
            senders:
              - domain: example.com
                services:
                  - preset: long-token
                    inputs: { token: "\(String(repeating: "a", count: characters))" }

            """
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("mailzone.yaml"))
        return directory
    }

    @Test func oneCharacterPastBINDsLimitIsAConflict() throws {
        let directory = try folder(characters: 65_255)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try MailzoneBinary.run(["plan"], in: directory)
        #expect(plan.status == 1)
        #expect(
            plan.output == """
                zone example.com.  db.example.com
                  sender example.com  (long-token)
                    x @ TXT   the value '\(String(repeating: "a", count: 40))…' (65255 characters) is not valid TXT RDATA: \
                RDATA is 65511 octets long; BIND loads at most 65510 octets of RDATA (named-checkzone: "ran out of space"); \
                shorten the value or split it into several records
                      mailzone.yaml:14:26
                    this sender changes nothing until its conflict is resolved

                Plan: 0 to add, 0 to merge, 0 to replace, 1 conflict. Resolve the 1 conflict first (see fix: above): \
                `mailzone apply` writes nothing until the plan has none.

                """)
        let apply = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(apply.status == 1)
        #expect(
            try String(contentsOf: directory.appendingPathComponent("db.example.com"), encoding: .utf8) == Self.zone)
    }

    @Test func theLongestValueBINDLoadsIsWrittenAndLoads() throws {
        let directory = try folder(characters: 65_254)
        defer { try? FileManager.default.removeItem(at: directory) }
        let apply = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(apply.status == 0, "\(apply.errors)")
        let check = try MailzoneBinary.run(
            ["zone", "check", "--origin", "example.com.", "db.example.com"], in: directory)
        #expect(check.output == "db.example.com: example.com. 4 records, 0 errors, 0 warnings\n", "\(check.errors)")
        guard ApplySupport.bindAvailable else {
            #expect(!ApplySupport.inCI, "named-checkzone is missing (CI=true): install bind9-utils")
            return
        }
        let (status, output) = try ApplySupport.namedCheckzone(
            origin: "example.com.", file: directory.appendingPathComponent("db.example.com").path)
        #expect(status == 0, "\(output)")
    }

    /// `zone check` gives BIND's verdict on a record one octet past the limit, at the record's line.
    @Test func zoneCheckRefusesWhatBINDRefuses() throws {
        let directory = try folder(characters: 1)
        defer { try? FileManager.default.removeItem(at: directory) }
        // 256 strings: 255 of 255 letters and one of 230, 65,511 octets.
        let strings =
            Array(repeating: "\"" + String(repeating: "a", count: 255) + "\"", count: 255)
            + ["\"" + String(repeating: "a", count: 230) + "\""]
        try Data((Self.zone + "t TXT " + strings.joined(separator: " ") + "\n").utf8)
            .write(to: directory.appendingPathComponent("db.example.com"))
        let check = try MailzoneBinary.run(
            ["zone", "check", "--origin", "example.com.", "db.example.com"], in: directory)
        #expect(check.status == 1)
        #expect(
            check.errors.hasPrefix(
                "db.example.com:5:8: error: TXT RDATA: RDATA is 65511 octets long; BIND loads at most 65510 octets of RDATA (named-checkzone: \"ran out of space\"); shorten the value or split it into several records\n"
            ), "\(check.errors)")
        let plan = try MailzoneBinary.run(["plan"], in: directory)
        #expect(plan.status == 1)
        #expect(plan.output.contains("  x db.example.com:5:8: TXT RDATA: RDATA is 65511 octets long"), "\(plan.output)")
    }
}
