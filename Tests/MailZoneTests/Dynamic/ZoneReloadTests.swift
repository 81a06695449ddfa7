import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// `apply --reload`: after writing a zone file, the server is told to load it (rndc reload), and
/// what it answered is reported. Against a real named with an rndc control channel on loopback.
@Suite struct ZoneReloadTests {
    @Test func theDefaultCommandIsRndcReloadOfTheZone() throws {
        let invocation = ZoneReload().invocation(origin: try DomainName(parsing: "example.com."))
        #expect(invocation.line == "rndc reload example.com")
        #expect(invocation.arguments == ["rndc", "reload", "example.com"])
        // The root zone keeps its one dot.
        #expect(ZoneReload().invocation(origin: .root).arguments == ["rndc", "reload", "."])
    }

    @Test func aConfiguredCommandGetsTheZoneNameQuoted() throws {
        #expect(
            ZoneReload(command: "rndc -s ns1 reload").invocation(origin: try DomainName(parsing: "example.com.")).line
                == "rndc -s ns1 reload 'example.com'")
        #expect(
            ZoneReload(command: "reload-zone {zone} now").invocation(origin: try DomainName(parsing: "it's.example."))
                .line
                == "reload-zone 'it'\\''s.example' now")
    }

    @Test func aFailingCommandIsReportedWithItsOutput() throws {
        let outcome = ZoneReload(command: "echo no such zone; exit 3 #").run(
            origin: try DomainName(parsing: "example.com."))
        #expect(!outcome.succeeded)
        #expect(
            outcome.description == "the reload of example.com failed (echo no such zone; exit 3 # 'example.com' "
                + "exited with status 3: no such zone); the zone file is written, but the server may still serve "
                + "the old zone: fix the cause and reload it yourself")
    }
}

@Suite(.enabled(if: DynamicNamed.shouldRun, Comment(rawValue: DynamicNamed.skipMessage)))
struct ZoneReloadEndToEndTests {
    @Test func afterApplyReloadTheServerServesTheNewRecords() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(),
            "zones/db.example.com": ZoneJournalTests.zone,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoneFile = directory.appendingPathComponent("zones/db.example.com")
        let named = try DynamicNamed.start(zones: [.init(origin: "example.com", file: zoneFile)])
        defer { named.stop() }
        #expect(try named.dig("example.com", "TXT") == ["\"v=spf1 mx -all\""])

        let run = try MailzoneBinary.run(
            ["apply", "--auto-approve", "--reload-command", "\(named.rndcCommand) reload"],
            in: directory)
        #expect(run.status == 0, "stderr: \(run.errors)\n\(named.log)")
        #expect(
            run.output.hasSuffix(
                """
                Applied example.com.: wrote zones/db.example.com (serial 2026113001 => 2026120100).
                Reloaded example.com (\(named.rndcCommand) reload 'example.com'): zone reload queued.

                """), "\(run.output)")
        #expect(try waitFor { try named.dig("example.com", "TXT") == ["\"v=spf1 mx include:qcloudmail.com -all\""] })
        #expect(try named.dig("example.com", "MX") == ["10 mxbiz1.qq.com."])
        #expect(try named.dig("_dmarc.example.com", "TXT") == ["\"v=DMARC1; p=none\""])
        #expect(try named.dig("example.com", "SOA").first?.contains(" 2026120100 ") == true)
    }

    @Test func aReloadTheServerRefusesIsAnError() throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(),
            "zones/db.example.com": ZoneJournalTests.zone,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        // The server serves another zone: it does not know example.com.
        let other = directory.appendingPathComponent("db.other")
        try ZoneJournalTests.zone.write(to: other, atomically: true, encoding: .utf8)
        let named = try DynamicNamed.start(zones: [.init(origin: "other.example", file: other)])
        defer { named.stop() }

        let run = try MailzoneBinary.run(
            ["apply", "--auto-approve", "--reload-command", "\(named.rndcCommand) reload"],
            in: directory)
        #expect(run.status == 1)
        #expect(
            run.output.hasSuffix(
                "Applied example.com.: wrote zones/db.example.com (serial 2026113001 => 2026120100).\n"))
        #expect(
            run.errors == """
                error: the reload of example.com failed (\(named.rndcCommand) reload 'example.com' exited with status 1: \
                rndc: 'reload' failed: not found no matching zone 'example.com' in any view); the zone file is written, \
                but the server may still serve the old zone: fix the cause and reload it yourself

                """)
    }

    /// Polls `condition` for up to 10 s: named loads a reloaded zone in the background.
    private func waitFor(_ condition: () throws -> Bool) throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }
}
