import Foundation
import TestSupport
import Testing

@testable import MailZone

/// `mailzone records --managed`: what the ownership markers in the zone files say mailzone manages,
/// per zone and sender, with file and line; narrowed by `--sender`/`--zone`; markers of a sender the
/// declaration no longer has shown apart; unreadable markers reported at their line and column.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct ManagedRecordsTests {
    @Test func listsWhatApplyMarked() throws {
        let directory = try ApplySupport.copy(ExamplesTests.directory("tencent-plus-google"))
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let before = try MailzoneBinary.run(["records", "--managed"], in: directory)
        #expect(before.status == 0)
        #expect(
            before.output == """
                zone corp2.example.  zones/db.corp2.example
                  no record carries a mailzone marker
                Managed: 0 records of 0 senders in 1 zone.

                """)
        #expect(try MailzoneBinary.run(["apply", "--auto-approve"], in: directory).status == 0)
        let after = try MailzoneBinary.run(["records", "--managed"], in: directory)
        #expect(after.status == 0, "\(after.errors)")
        #expect(
            after.output == """
                zone corp2.example.  zones/db.corp2.example
                  sender corp2.example
                    zones/db.corp2.example:17  @                  TXT   spf=merged: include:qcloudmail.com (tencent-ses)
                    zones/db.corp2.example:22  qcloud._domainkey  TXT   tencent-ses
                    zones/db.corp2.example:24  _dmarc             TXT   tencent-ses
                Managed: 3 records of 1 sender in 1 zone.

                """)
        let json = try MailzoneBinary.run(["records", "--managed", "--format", "json"], in: directory)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let zones = try #require(object["zones"] as? [[String: Any]])
        let senders = try #require(zones.first?["senders"] as? [[String: Any]])
        let records = try #require(senders.first?["records"] as? [[String: Any]])
        #expect(records.compactMap { $0["owner"] as? String } == ["@", "qcloud._domainkey", "_dmarc"])
        #expect((records.first?["spf"] as? [String: Any])?["origin"] as? String == "merged")
    }

    /// A marker naming a sender the declaration lacks, one that cannot be read, and narrowing.
    @Test func undeclaredSendersBadMarkersAndNarrowing() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": """
            version: 1
            zones:
              - { origin: a.example, file: db.a }
              - { origin: b.example, file: db.b }
            senders:
              - domain: a.example
                services: [ { preset: sendgrid, inputs: { return_path_label: em1, account_host: u1.wl1.sendgrid.net } } ]
              - domain: b.example
                services: [ { preset: sendgrid, inputs: { return_path_label: em2, account_host: u2.wl2.sendgrid.net } } ]
            """,
            "db.a": """
            $ORIGIN a.example.
            @ 300 IN SOA ns1 hostmaster (1 2 3 4 5)
            @ 300 IN NS ns1
            em1 300 IN CNAME u1.wl1.sendgrid.net. ; mailzone: sender=a.example service=sendgrid
            old 300 IN CNAME x.example.net. ; mailzone: sender=old.a.example service=postmark
            s1._domainkey 300 IN CNAME s1.domainkey.u1.wl1.sendgrid.net. ; mailzone: sender=a.example service=sendgrid,,

            """,
            "db.b": """
            $ORIGIN b.example.
            @ 300 IN SOA ns1 hostmaster (1 2 3 4 5)
            @ 300 IN NS ns1
            em2 300 IN CNAME u2.wl2.sendgrid.net. ; mailzone: sender=@ service=sendgrid

            """,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = try MailzoneBinary.run(["records", "--managed"], in: directory)
        #expect(all.status == 0, "\(all.errors)")
        #expect(
            all.output == """
                zone a.example.  db.a
                  db.a:6:108: warning: '' in the mailzone marker is not a service name: mailzone does not manage this record
                    fix: write the service as its preset is named (tencent-ses), several separated by commas (or delete the marker to leave the record to you)
                  sender a.example
                    db.a:4  em1  CNAME sendgrid
                  sender old.a.example  (not in mailzone.yaml: its records are a removed sender's)
                    db.a:5  old  CNAME postmark
                zone b.example.  db.b
                  sender b.example
                    db.b:4  em2  CNAME sendgrid
                Managed: 3 records of 3 senders in 2 zones.

                """)
        let narrowed = try MailzoneBinary.run(["records", "--managed", "--sender", "a.example"], in: directory)
        #expect(narrowed.status == 0)
        #expect(
            narrowed.output.hasPrefix(
                "Narrowed to sender a.example. (--sender, --zone): the other senders and zones of mailzone.yaml are not planned.\nzone a.example.  db.a\n"
            ))
        #expect(!narrowed.output.contains("old.a.example") && !narrowed.output.contains("zone b.example."))
        let zone = try MailzoneBinary.run(["records", "--managed", "--zone", "a.example"], in: directory)
        #expect(zone.output.contains("sender old.a.example"))
        #expect(!zone.output.contains("zone b.example."))
        let both = try MailzoneBinary.run(["records", "a.example", "--managed"], in: directory)
        #expect(both.status == 1)
        #expect(
            both.errors.hasPrefix(
                "Error: --managed lists every sender's records; narrow it with --sender DOMAIN, not DOMAIN\n"))
        let neither = try MailzoneBinary.run(["records"], in: directory)
        #expect(neither.status == 1)
        #expect(neither.errors.hasPrefix("Error: give the sender DOMAIN whose records to print, or --managed\n"))
    }
}
