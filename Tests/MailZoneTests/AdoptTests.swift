import Foundation
import TestSupport
import Testing

@testable import MailZone

/// `mailzone adopt`: markers written on the records a zone already has for the declaration, with
/// apply's review and atomic writes; nothing but comments changes.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct AdoptTests {
    /// The import example (what `mailzone init` wrote for a zone set up by hand), in a scratch copy.
    static func copy() throws -> URL {
        try ApplySupport.copy(ExamplesTests.directory("import-google-sendgrid"))
    }

    /// adopt on the import example: the marks shown, the zone written as `golden/adopted/` holds it
    /// (`MAILZONE_RECORD=1` re-records it and `golden/adopt.txt`), the records and serial unchanged.
    @Test func adoptMarksWhatTheDeclarationAndTheZoneAgreeOn() throws {
        let directory = try Self.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let zoneFile = directory.appendingPathComponent("zones/db.acme.example")
        let before = try ApplySupport.read(zoneFile)
        let result = try MailzoneBinary.run(["adopt", "--auto-approve"], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        let golden = ExamplesTests.golden("import-google-sendgrid")
        let goldenZone = golden.appendingPathComponent("adopted/zones/db.acme.example")
        GoldenFile.assert(result.stdout, at: golden.appendingPathComponent("adopt.txt"), what: "adopt's output")
        let after = try ApplySupport.read(zoneFile)
        GoldenFile.assert(after, at: goldenZone, what: "the adopted zone")
        // Only comments changed: every line is the old line, or the old line and a marker.
        let oldLines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = after.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(oldLines.count == newLines.count)
        for (old, new) in zip(oldLines, newLines) where old != new {
            #expect(new.hasPrefix(old + " ; mailzone: sender=@ "), "\(new)")
        }
        // The DMARC record stays the user's, and so does the CRM's key, which no declared service asks for.
        for owner in ["_dmarc", "crm._domainkey"] {
            let line = newLines.first { $0.hasPrefix(owner + "\t") }
            #expect(line.map { !$0.contains("mailzone:") } == true, "\(owner)")
        }
        // The plan still changes nothing, BIND reads the zone, and everything adopted is managed now.
        #expect(try MailzoneBinary.run(["plan", "--detailed-exitcode"], in: directory).status == 0)
        let managed = try MailzoneBinary.run(["records", "--managed"], in: directory)
        #expect(managed.output.hasSuffix("Managed: 11 records of 1 sender in 1 zone.\n"), "\(managed.output)")
        if ApplySupport.bindAvailable {
            let (status, output) = try ApplySupport.namedCheckzone(origin: "acme.example", file: zoneFile.path)
            #expect(status == 0, "\(output)")
        } else {
            #expect(!ApplySupport.inCI, "named-checkzone is missing; scripts/test installs bind9-utils")
        }
        // Again: nothing left to mark, nothing written.
        let again = try MailzoneBinary.run(["adopt", "--auto-approve"], in: directory)
        #expect(again.status == 0)
        #expect(
            again.output.hasSuffix(
                "Nothing to mark: every record of the declaration the zones have is managed already, or none is there.\n"
            ))
        #expect(try ApplySupport.read(zoneFile) == after)
    }

    /// Without a terminal and without --auto-approve adopt refuses, and writes nothing.
    @Test func adoptAsksFirst() throws {
        let directory = try Self.copy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let zoneFile = directory.appendingPathComponent("zones/db.acme.example")
        let before = try ApplySupport.read(zoneFile)
        let result = try MailzoneBinary.run(["adopt"], in: directory)
        #expect(result.status == 1)
        #expect(
            result.errors
                == "error: adopt asks for confirmation, but standard input is not a terminal; review the marks and pass --auto-approve\n"
        )
        #expect(try ApplySupport.read(zoneFile) == before)
    }

    /// A record already marked keeps its marker; --sender narrows; a zone that does not parse stops
    /// adopt before anything is written, with the error at its line.
    @Test func markedRecordsNarrowingAndErrors() throws {
        let sendgrid = "{ preset: sendgrid, inputs: { return_path_label: em1, account_host: u1.wl1.sendgrid.net } }"
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            zones:
              - { origin: a.example, file: db.a }
              - { origin: b.example, file: db.b }
            senders:
              - { domain: a.example, services: [ \(sendgrid) ] }
              - { domain: news.a.example, services: [ \(sendgrid) ] }
              - { domain: b.example, services: [ \(sendgrid) ] }
            """,
            "db.a": """
            $ORIGIN a.example.
            @ 300 IN SOA ns1 hostmaster (1 2 3 4 5)
            @ 300 IN NS ns1
            em1 300 IN CNAME u1.wl1.sendgrid.net. ; mailzone: sender=a.example service=sendgrid
            s1._domainkey 300 IN CNAME s1.domainkey.u1.wl1.sendgrid.net. ; ours
            em1.news 300 IN CNAME u1.wl1.sendgrid.net.

            """,
            "db.b": """
            $ORIGIN b.example.
            @ 300 IN SOA ns1 hostmaster (1 2 3 4 5)
            @ 300 IN NS ns1
            em1 300 IN CNAME u1.wl1.sendgrid.net.

            """,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let narrowed = try MailzoneBinary.run(["adopt", "--auto-approve", "--sender", "a.example"], in: directory)
        #expect(narrowed.status == 0, "\(narrowed.errors)")
        #expect(
            narrowed.output == """
                Narrowed to sender a.example. (--sender, --zone): the other senders and zones of mailzone.yaml are not planned.
                zone a.example.  db.a
                  + db.a:5  s1._domainkey  CNAME  ; mailzone: sender=@ service=sendgrid
                Adopt: 1 record to mark in 1 zone. Only comments change: the records and the SOA serial stay as they are.
                Adopted a.example.: marked 1 record in db.a.

                """)
        let zoneA = try ApplySupport.read(directory.appendingPathComponent("db.a"))
        #expect(zoneA.contains("em1 300 IN CNAME u1.wl1.sendgrid.net. ; mailzone: sender=a.example service=sendgrid\n"))
        #expect(
            zoneA.contains(
                "s1._domainkey 300 IN CNAME s1.domainkey.u1.wl1.sendgrid.net. ; ours ; mailzone: sender=@ service=sendgrid\n"
            ))
        #expect(zoneA.contains("em1.news 300 IN CNAME u1.wl1.sendgrid.net.\n"))
        #expect(
            try ApplySupport.read(directory.appendingPathComponent("db.b")).hasSuffix(
                "em1 300 IN CNAME u1.wl1.sendgrid.net.\n"))

        try Data(
            "$ORIGIN b.example.\n@ 300 IN SOA ns1 hostmaster (1 2 3 4 5)\n@ 300 IN NS ns1\nem1 300 IN CNAME\n".utf8
        )
        .write(to: directory.appendingPathComponent("db.b"))
        let broken = try MailzoneBinary.run(["adopt", "--auto-approve"], in: directory)
        #expect(broken.status == 1)
        #expect(broken.stdout.isEmpty)
        #expect(broken.errors.contains("db.b:4:"), "\(broken.errors)")
        #expect(try ApplySupport.read(directory.appendingPathComponent("db.a")) == zoneA)
    }
}
