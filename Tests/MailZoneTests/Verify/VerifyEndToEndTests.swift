import DNSClient
import DNSTestSupport
import Foundation
import MailAuth
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// `verify` against a real BIND `named` started for each test on 127.0.0.1 and a free port,
/// serving the lab's zone; stopped by `defer` even when the test fails.
///
/// Where the stand-in servers of `VerifierTests` gave a golden output, the real server must give
/// the same bytes (the port aside): what mailzone reads off the wire is what the zone holds.
@Suite(.enabled(if: NamedServer.shouldRun, Comment(rawValue: NamedServer.skipMessage)))
struct VerifyEndToEndTests {
    private func client(edns: EDNS? = EDNS(), tcpFallback: Bool = true) -> DNSQueryClient {
        DNSQueryClient(options: DNSQueryOptions(timeout: 2, retries: 1, tcpFallback: tcpFallback, edns: edns))
    }

    /// The port of a test server replaced with the one the golden files use.
    private func normalize(_ text: String, _ servers: [(NamedServer, UInt16)]) -> String {
        servers.reduce(text) { $0.replacingOccurrences(of: "127.0.0.1:\($1.0.port)", with: "127.0.0.1:\($1.1)") }
    }

    private func records(_ report: VerifyReport) -> [VerifyRecord] {
        report.zones.flatMap(\.senders).flatMap(\.records)
    }

    @Test func everyRecordIsVerified() async throws {
        let named = try NamedServer.start(zones: [(VerifyLab.origin, VerifyLab.zoneText())])
        defer { named.stop() }
        let lab = try VerifyLab.make()
        defer { lab.remove() }

        let report = await Verifier(declaration: try lab.load(), client: client()).verify(
            servers: .given([named.address]))
        #expect(report.exitCode == 0)
        #expect(records(report).count == 11)
        #expect(records(report).allSatisfy { $0.status == .verified })
        GoldenFile.assert(
            normalize(VerifyTextRenderer().render(report), [(named, 53001)]),
            at: VerifierTests.golden("verified.txt"))

        let run = try MailzoneBinary.run(["verify", "--server", named.address.description], in: lab.directory)
        #expect(run.status == 0, "stderr: \(run.errors)")
        GoldenFile.assert(
            normalize(run.output, [(named, 53001)]), at: VerifierTests.golden("verified.txt"))
    }

    @Test func missingWrongKeyAndWeakerDMARCAreEachReported() async throws {
        let named = try NamedServer.start(zones: [(VerifyLab.origin, VerifyLab.zoneText(records: VerifyLab.broken))])
        defer { named.stop() }
        let lab = try VerifyLab.make()
        defer { lab.remove() }

        let report = await Verifier(declaration: try lab.load(), client: client()).verify(
            servers: .given([named.address]))
        #expect(report.exitCode == 2)
        let byHost = Dictionary(
            records(report).map { ($0.host + " " + $0.type, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byHost["_dmarc.abc TXT"]?.status == .missing)
        #expect(byHost["qcloud._domainkey TXT"]?.status == .mismatch)
        #expect(
            byHost["qcloud._domainkey TXT"]?.results.first?.detail == "the served key is another key (p=1024-bit RSA)")
        #expect(
            byHost["_dmarc TXT"]?.results.first?.detail
                == "the served DMARC policy is weaker: p=none where p=reject is wanted")
        GoldenFile.assert(
            normalize(VerifyJSONRenderer.render(report), [(named, 53001)]),
            at: VerifierTests.golden("problems.json"))

        let run = try MailzoneBinary.run(
            ["verify", "--server", named.address.description, "--format", "json"], in: lab.directory)
        #expect(run.status == 2, "stderr: \(run.errors)")
        GoldenFile.assert(
            normalize(run.output, [(named, 53001)]), at: VerifierTests.golden("problems.json"))
        let text = try MailzoneBinary.run(["verify", "--server", named.address.description], in: lab.directory)
        #expect(text.status == 2)
        GoldenFile.assert(
            normalize(text.output, [(named, 53001)]), at: VerifierTests.golden("problems.txt"))
    }

    @Test func a4096BitKeyThatOnlyFitsOverTCPIsVerified() async throws {
        let named = try NamedServer.start(zones: [(VerifyLab.origin, VerifyLab.zoneText())])
        defer { named.stop() }
        let lab = try VerifyLab.make()
        defer { lab.remove() }
        let declaration = try lab.load()

        // No EDNS, or a 512-octet buffer: the 4096-bit key record does not fit, TC=1 sends the question to TCP.
        for edns in [nil, EDNS(udpPayloadSize: 512)] {
            let report = await Verifier(declaration: declaration, client: client(edns: edns)).verify(
                servers: .given([named.address]))
            #expect(report.exitCode == 0)
            let key = try #require(records(report).first { $0.host == "qcloud._domainkey.abc" })
            #expect(key.status == .verified)
            #expect(key.results.map(\.transport) == ["tcp"])
            // The short records come over UDP (the 2048-bit key sits near 512 octets: BIND decides).
            #expect(
                records(report).filter { !$0.host.hasPrefix("qcloud.") }.allSatisfy {
                    $0.results.first?.transport == nil
                })
        }

        // Without the TCP fallback the truncated answer is an error, not a silent pass.
        let report = await Verifier(declaration: declaration, client: client(edns: nil, tcpFallback: false))
            .verify(servers: .given([named.address]))
        #expect(report.exitCode == 1)
        let key = try #require(records(report).first { $0.host == "qcloud._domainkey.abc" })
        #expect(key.status == .error)
        #expect(key.results.first?.detail == "\(named.address) sent a truncated answer and TCP is not allowed")

        let tcpOnly = try MailzoneBinary.run(
            ["verify", "--server", named.address.description, "--tcp", "--format", "json"],
            in: lab.directory)
        #expect(tcpOnly.status == 0, "stderr: \(tcpOnly.errors)")
        #expect(tcpOnly.output.components(separatedBy: "\"transport\" : \"tcp\"").count == 12)

        let run = try MailzoneBinary.run(
            [
                "verify", "--server", named.address.description, "--edns-buffer-size", "0",
                "--format", "json",
            ], in: lab.directory)
        #expect(run.status == 0, "stderr: \(run.errors)")
        #expect(run.output.contains("\"transport\" : \"tcp\""))
    }

    @Test func aServerThatDoesNotAnswerIsAClearErrorAndAskedNothingMore() throws {
        let lab = try VerifyLab.make()
        defer { lab.remove() }
        let silent = try CraftedServer { _, _ in [] }
        defer { silent.stop() }

        let run = try MailzoneBinary.run(
            ["verify", "--server", "127.0.0.1:\(silent.port)", "--timeout", "1", "--retries", "1"],
            in: lab.directory)
        #expect(run.status == 1)
        #expect(
            run.output.contains(
                "server 127.0.0.1:\(silent.port)  error: 127.0.0.1:\(silent.port) did not answer in 1 s (2 attempts over UDP)"
            ))
        // Two attempts for the SOA, then the server is not asked again (without that rule it would
        // be asked about every record, and verify would wait for each).
        silent.stop()
        #expect(silent.queries == 2)

        // Refused, not timed out: "did not answer" would say the refusal was missed and waited out.
        let closed = try FreePort.find()
        let refused = try MailzoneBinary.run(["verify", "--server", "127.0.0.1:\(closed)"], in: lab.directory)
        #expect(refused.status == 1)
        #expect(refused.output.contains("127.0.0.1:\(closed) refused the UDP connection: nothing listens on that port"))
        #expect(!refused.output.contains("did not answer"))
    }

    @Test func twoServersWithDifferentSerialsAreReported() async throws {
        let current = try NamedServer.start(zones: [(VerifyLab.origin, VerifyLab.zoneText())])
        defer { current.stop() }
        let behind = try NamedServer.start(zones: [
            (
                VerifyLab.origin,
                VerifyLab.zoneText(serial: 2_026_112_801, records: VerifyLab.broken)
            )
        ])
        defer { behind.stop() }
        let lab = try VerifyLab.make()
        defer { lab.remove() }

        let report = await Verifier(declaration: try lab.load(), client: client())
            .verify(servers: .given([current.address, behind.address]))
        #expect(report.exitCode == 2)
        #expect(report.zones.first?.servers.map(\.serial) == [2_026_113_001, 2_026_112_801])
        let servers = [(current, UInt16(53001)), (behind, UInt16(53002))]
        GoldenFile.assert(
            normalize(VerifyTextRenderer().render(report), servers),
            at: VerifierTests.golden("two-servers.txt"))

        let run = try MailzoneBinary.run(
            [
                "verify", "--server", current.address.description, "--server",
                behind.address.description, "--format", "markdown",
            ], in: lab.directory)
        #expect(run.status == 2, "stderr: \(run.errors)")
        GoldenFile.assert(normalize(run.output, servers), at: VerifierTests.golden("two-servers.md"))
    }

    @Test func withoutServersTheZonesNameServersAreAsked() async throws {
        let named = try NamedServer.start(zones: [(VerifyLab.origin, VerifyLab.zoneText())])
        defer { named.stop() }
        let lab = try VerifyLab.make()
        defer { lab.remove() }

        // ns1.sampledomain.com. has glue 127.0.0.1 in the zone; the lab's named listens on another port than 53.
        let report = await Verifier(declaration: try lab.load(), client: client()).verify(
            servers: .authoritative(port: named.port))
        #expect(report.exitCode == 0)
        #expect(
            report.zones.first?.servers == [
                VerifyServer(
                    address: named.address.description, nameServer: "ns1.sampledomain.com.", serial: 2_026_113_001)
            ])
        let run = try MailzoneBinary.run(["verify", "--port", String(named.port)], in: lab.directory)
        #expect(run.status == 0, "stderr: \(run.errors)")
        #expect(run.output.contains("  server ns1.sampledomain.com. (\(named.address))  serial 2026113001\n"))
    }

    @Test func anIPv6ServerInBrackets() throws {
        let named = try NamedServer.start(zones: [(VerifyLab.origin, VerifyLab.zoneText())], ipv6: true)
        defer { named.stop() }
        let lab = try VerifyLab.make()
        defer { lab.remove() }
        let run = try MailzoneBinary.run(
            ["verify", "--server", "[::1]:\(named.port)", "--format", "github"], in: lab.directory)
        #expect(run.status == 0, "stdout: \(run.output) stderr: \(run.errors)")
        #expect(run.output == "Verify: 11 verified, 0 missing, 0 mismatched, 0 errors. Every record is served.\n")
    }
}

/// The seed's two steps end to end: `apply` writes the records, a name server that loaded the new
/// zone verifies them, one still serving the old zone is reported as behind.
@Suite(.enabled(if: NamedServer.shouldRun, Comment(rawValue: NamedServer.skipMessage)))
struct VerifyAfterApplyTests {
    @Test func appliedZoneVerifiesAndTheOldServerIsBehind() async throws {
        let example = DeclarationFixtures.packageRoot.appendingPathComponent("examples/tencent-ses-primary")
        let directory = try ProcessScratch.directory(prefix: "mailzone-verify-apply")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("zones"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in ["mailzone.yaml", "zones/db.sampledomain.com"] {
            try FileManager.default.copyItem(
                at: example.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        let zoneFile = directory.appendingPathComponent("zones/db.sampledomain.com")
        let load = {
            try DeclarationLoader.load(
                contentsOf: directory.appendingPathComponent("mailzone.yaml"), displayPath: "mailzone.yaml",
                builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
        }
        let client = DNSQueryClient(options: DNSQueryOptions(timeout: 2, retries: 1))

        let old = try NamedServer.start(zones: [(VerifyLab.origin, try String(contentsOf: zoneFile, encoding: .utf8))])
        defer { old.stop() }
        let before = await Verifier(declaration: try load(), client: client).verify(servers: .given([old.address]))
        #expect(before.exitCode == 2)
        #expect(
            before.zones.flatMap(\.senders).flatMap(\.records).map(\.status) == [
                .missing, .missing, .missing, .missing,
            ])

        // `apply` as a user runs it, from the zone repository's root.
        let apply = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(apply.status == 0, "apply: \(apply.output) \(apply.errors)")
        let new = try NamedServer.start(zones: [(VerifyLab.origin, try String(contentsOf: zoneFile, encoding: .utf8))])
        defer { new.stop() }

        let after = await Verifier(declaration: try load(), client: client).verify(
            servers: .given([new.address, old.address]))
        let zone = try #require(after.zones.first)
        let fileSerial = try #require(zone.fileSerial)
        #expect(zone.servers.map(\.serial) == [fileSerial, 2_026_112_801])
        #expect(
            zone.warnings == [
                "\(old.address) serves serial 2026112801 but zones/db.sampledomain.com has \(fileSerial): it has not loaded it yet"
            ])
        let records = zone.senders.flatMap(\.records)
        #expect(records.allSatisfy { $0.results.map(\.status) == [.verified, .missing] })
        #expect(after.exitCode == 2)

        let onlyNew = await Verifier(declaration: try load(), client: client).verify(servers: .given([new.address]))
        #expect(onlyNew.exitCode == 0)
    }
}
