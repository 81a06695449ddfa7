import Foundation
import TestSupport
import Testing

@testable import MailZone
@testable import ZoneFile

/// Zones that read one physical file (a shared `$INCLUDE`, a file reached through two paths) have
/// their edits of it applied together and written once, after every zone that reads it is read
/// again; two applies that reach one file through different paths run one after the other.
@Suite struct ApplySharedFileTests {
    static func declaration(_ zones: [String]) -> String {
        """
        version: 1
        zones:
        \(zones.map { "  - { origin: \($0).test., file: zones/db.\($0).test }" }.joined(separator: "\n"))
        senders:
        \(zones.enumerated().map { index, zone in """
          - domain: \(zone).test
            services:
              - preset: tencent-ses
                dkim: { qcloud: "v=DKIM1; k=rsa; p=\(index == 0 ? ApplyTests.key1 : ApplyTests.key2)" }
        """ }.joined(separator: "\n"))
        """
    }

    /// A zone whose apex MX is written after the shared include, so its new records go into its own file.
    static func zone(mxAfterInclude: Bool = true) -> String {
        "$TTL 1h\n@\tIN\tSOA\tns1 hostmaster ( 2026113001 2h 1h 2w 5m )\n\tIN\tNS\tns1\n$INCLUDE ../common/mail.inc\n"
            + (mxAfterInclude ? "@\tIN\tMX\t10 mxbiz1.qq.com.\n" : "") + "ns1\tIN\tA\t192.0.2.53\n"
    }

    /// The issue's case: each zone's SPF record in the shared file. Both changes are kept, the file is
    /// written once, and planning again finds nothing to do.
    @Test func bothZonesEditsOfASharedIncludeAreKept() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(["a", "b"]),
            "zones/db.a.test": Self.zone(), "zones/db.b.test": Self.zone(),
            "common/mail.inc": "a.test.\tIN\tTXT\t\"v=spf1 mx -all\"\nb.test.\tIN\tTXT\t\"v=spf1 a -all\"\n",
        ])
        let report = try await ApplySupport.apply(in: directory)
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        #expect(report.written == [path("zones/db.a.test"), path("zones/../common/mail.inc"), path("zones/db.b.test")])
        #expect(
            try ApplySupport.read(directory.appendingPathComponent("common/mail.inc"))
                == "a.test.\tIN\tTXT\t\"v=spf1 mx include:qcloudmail.com -all\" ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses\n"
                + "b.test.\tIN\tTXT\t\"v=spf1 a include:qcloudmail.com -all\" ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses\n"
        )
        let again = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        #expect(!again.plan.hasChanges)
        #expect(!again.plan.hasProblems)
    }

    /// Both zones read the same SPF line (a relative owner): the same merge, planned twice, is made once.
    @Test func theSameEditPlannedByTwoZonesIsMadeOnce() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(["a", "b"]),
            "zones/db.a.test": Self.zone(), "zones/db.b.test": Self.zone(),
            "common/mail.inc": "@\tIN\tTXT\t\"v=spf1 mx -all\"\n",
        ])
        let report = try await ApplySupport.apply(in: directory)
        #expect(report.written.count == 3)
        #expect(
            try ApplySupport.read(directory.appendingPathComponent("common/mail.inc"))
                == "@\tIN\tTXT\t\"v=spf1 mx include:qcloudmail.com -all\" ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses\n"
        )
        await #expect(
            !Planner.plan(try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
                .plan.hasChanges)
    }

    /// New records written into the shared file with relative owners would be records of every zone that
    /// reads it: the zone that did not plan them does not read back as planned, and nothing is written.
    @Test func editsThatChangeAnotherZoneAreRefused() async throws {
        let include = "a.test.\tIN\tTXT\t\"v=spf1 mx -all\"\nb.test.\tIN\tTXT\t\"v=spf1 a -all\"\n"
        let zone = Self.zone(mxAfterInclude: false)
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": Self.declaration(["a", "b"]),
            "zones/db.a.test": zone, "zones/db.b.test": zone, "common/mail.inc": include,
        ])
        await #expect {
            try await ApplySupport.apply(in: directory)
        } throws: { error in
            "\(error)"
                == "\(directory.path)/zones/db.a.test: zone a.test. does not read back as planned once the edits of every zone that reads \(directory.path)/zones/../common/mail.inc (also b.test.) are applied together (the edited zone's records differ from the plan (missing: none; not planned: _dmarc.a.test. TXT \"v=DMARC1; p=none\"; a.test. MX 10 mxbiz1.qq.com.; qcloud._domainkey.a.test. TXT \"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCg...)) — nothing was written; keep each zone's mail records in a file that only that zone reads"
        }
        #expect(try ApplySupport.read(directory.appendingPathComponent("common/mail.inc")) == include)
        #expect(try ApplySupport.read(directory.appendingPathComponent("zones/db.a.test")) == zone)
        #expect(try ApplySupport.read(directory.appendingPathComponent("zones/db.b.test")) == zone)
    }

    /// Two zones that need different changes of the same bytes: refused, naming the line.
    @Test func differentEditsOfTheSameBytesAreRefused() async throws {
        let include = "@\tIN\tTXT\t\"v=spf1 mx -all\"\n"
        let declaration = Self.declaration(["a", "b"]).replacingOccurrences(
            of: "preset: tencent-ses\n        dkim: { qcloud: \"v=DKIM1; k=rsa; p=\(ApplyTests.key2)\" }",
            with:
                "preset: mailjet\n        dkim: { mailjet: \"v=DKIM1; k=rsa; p=\(ApplyTests.key2)\" }"
        )
        #expect(declaration.contains("preset: mailjet"))
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": declaration, "zones/db.a.test": Self.zone(), "zones/db.b.test": Self.zone(),
            "common/mail.inc": include,
        ])
        await #expect {
            try await ApplySupport.apply(in: directory)
        } throws: { error in
            "\(error)"
                == "\(directory.path)/zones/../common/mail.inc is read by zones a.test., b.test., and the plans of a.test. and b.test. change it differently at line 1 — nothing was written; keep each zone's mail records in a file that only that zone reads"
        }
        #expect(try ApplySupport.read(directory.appendingPathComponent("common/mail.inc")) == include)
    }

    /// Two declarations name one zone file through different paths (a symbolic link in another directory):
    /// their applies lock the same directory, and neither loses the other's update.
    ///
    /// The overlap is made, not hoped for: the first apply is held in its approval, where it holds its
    /// locks and has planned from the file as it was; the second, started then with no time to wait
    /// for a lock, must be refused for the first one's lock. Had it locked another directory (the
    /// link's), it would plan from the same old file and its write would undo the first's. Run again
    /// once the first has written, it plans on the first's record and keeps it.
    @Test func appliesThroughDifferentPathsLoseNoUpdate() async throws {
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": ApplyTests.crlfZone,
            "a.yaml": ApplyTests.declaration().replacingOccurrences(
                of: "domain: example.com", with: "domain: a.example.com"),
            "b.yaml": ApplyTests.declaration(dkim: ApplyTests.key2).replacingOccurrences(
                of: "domain: example.com", with: "domain: b.example.com"
            )
            .replacingOccurrences(of: "zones/db.example.com", with: "linked/db.example.com"),
            "linked/README": "links to the zones\n",
        ])
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("linked/db.example.com").path,
            withDestinationPath: "../zones/db.example.com")
        let a = try DeclarationSource.load(path: directory.appendingPathComponent("a.yaml").path)
        let b = try DeclarationSource.load(path: directory.appendingPathComponent("b.yaml").path)
        let holdsLocks = AsyncSignal()
        let release = AsyncSignal()
        let first = Task { () async -> Result<ApplyReport, ApplyError> in
            do throws(ApplyError) {
                return .success(
                    try await Applier.apply(a, options: PlannerOptions(now: ApplySupport.now)) { _ in
                        await holdsLocks.fire()
                        await release.wait()
                        return true
                    })
            } catch {
                return .failure(error)
            }
        }
        await holdsLocks.wait()
        let zones = FilePaths.resolved(directory.appendingPathComponent("zones").path)
        await #expect {
            try await Applier.apply(b, options: PlannerOptions(now: ApplySupport.now), lockTimeout: 0) { _ in true }
        } throws: { error in
            "\(error)"
                == "\(zones): another mailzone apply is writing in this directory; waited 0 s — try again when it has finished"
        }
        await release.fire()
        #expect(try await first.value.get().written.count == 1)
        let second = try await Applier.apply(b, options: PlannerOptions(now: ApplySupport.now)) { _ in true }
        #expect(second.written.count == 1)
        let zone = ZoneLoader.load(path: directory.appendingPathComponent("zones/db.example.com").path)
        #expect(zone.diagnostics.isEmpty)
        for sender in ["a", "b"] {
            #expect(zone.records(at: try DomainName(parsing: "_dmarc.\(sender).example.com.")).count == 1)
        }
        #expect(zone.records.first { $0.type == .soa }?.rdata.presentation.contains(" 2026120101 ") == true)
    }
}
