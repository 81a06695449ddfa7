import DNSClient
import Foundation
import MailAuth
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// The verifier against stand-in servers answering from zone text: statuses, details, serials,
/// disagreeing servers and dead ones, and every output format (golden files under
/// `Fixtures/verify`, re-recorded with `MAILZONE_RECORD=1`).
struct VerifierTests {
    static let primary = DNSServerAddress(host: "127.0.0.1", port: 53001) ?? .loopback
    static let secondary = DNSServerAddress(host: "127.0.0.1", port: 53002) ?? .loopback

    static func golden(_ name: String) -> URL {
        DeclarationFixtures.testsDirectory.appendingPathComponent("Fixtures/verify").appendingPathComponent(name)
    }

    /// Runs the verifier over the lab declaration with `servers` answering from their zone text.
    static func report(_ servers: [(DNSServerAddress, String?)], fileZone: String = VerifyLab.zoneText()) async throws
        -> VerifyReport
    {
        let lab = try VerifyLab.make(zone: fileZone)
        defer { lab.remove() }
        var zones: [DNSServerAddress: Zone] = [:]
        for (address, text) in servers {
            if let text { zones[address] = ZoneBackedDNS.zone(text) }
        }
        let verifier = Verifier(declaration: try lab.load(), client: ZoneBackedDNS(zones: zones))
        return await verifier.verify(servers: .given(servers.map(\.0)))
    }

    private func statuses(_ report: VerifyReport) -> [String] {
        report.zones.flatMap(\.senders).flatMap(\.records).map { "\($0.host) \($0.type) \($0.status.rawValue)" }
    }

    @Test func everyRecordServedIsVerified() async throws {
        let report = try await Self.report([(Self.primary, VerifyLab.zoneText())])
        #expect(report.exitCode == 0)
        #expect(report.summary.verified == 11)
        #expect(report.zones.first?.servers == [VerifyServer(address: "127.0.0.1:53001", serial: 2_026_113_001)])
        GoldenFile.assert(VerifyTextRenderer().render(report), at: Self.golden("verified.txt"))
    }

    @Test func eachProblemIsReportedForWhatItIs() async throws {
        let report = try await Self.report([(Self.primary, VerifyLab.zoneText(records: VerifyLab.broken))])
        #expect(report.exitCode == 2)
        #expect(
            statuses(report) == [
                "@ MX verified", "@ TXT mismatch", "qcloud._domainkey TXT mismatch", "_dmarc TXT mismatch",
                "abc MX verified", "abc TXT verified", "qcloud._domainkey.abc TXT verified",
                "tok1._domainkey.abc CNAME verified",
                "tok2._domainkey.abc CNAME mismatch", "tok3._domainkey.abc CNAME verified", "_dmarc.abc TXT missing",
            ])
        let details = report.zones.flatMap(\.senders).flatMap(\.records).compactMap { $0.results.first?.detail }
        #expect(details.contains("the SPF record lacks include:qcloudmail.com before its all term"))
        #expect(details.contains("the served key is another key (p=1024-bit RSA)"))
        #expect(details.contains("the served DMARC policy is weaker: p=none where p=reject is wanted"))
        #expect(details.contains("_dmarc.abc.sampledomain.com. does not exist (NXDOMAIN)"))
        #expect(
            details.contains(
                "tok2._domainkey.abc.sampledomain.com. is an alias of tok9.dkim.amazonses.com., not of tok2.dkim.amazonses.com."
            ))
        GoldenFile.assert(VerifyTextRenderer().render(report), at: Self.golden("problems.txt"))
        GoldenFile.assert(VerifyJSONRenderer.render(report), at: Self.golden("problems.json"))
        GoldenFile.assert(VerifyMarkdownRenderer.render(report), at: Self.golden("problems.md"))
        GoldenFile.assert(VerifyGitHubRenderer.render(report), at: Self.golden("problems.github"))
    }

    @Test func disagreeingServersAreShownServerByServer() async throws {
        let report = try await Self.report([
            (Self.primary, VerifyLab.zoneText()),
            (Self.secondary, VerifyLab.zoneText(serial: 2_026_112_801, records: VerifyLab.broken)),
        ])
        #expect(report.exitCode == 2)
        let servers = try #require(report.zones.first?.servers)
        #expect(servers.map(\.serial) == [2_026_113_001, 2_026_112_801])
        #expect(
            report.zones.first?.warnings == [
                "127.0.0.1:53002 serves serial 2026112801 but db.sampledomain.com has 2026113001: it has not loaded it yet"
            ])
        let dmarc = try #require(report.zones.first?.senders.first?.records.first { $0.host == "_dmarc" })
        #expect(dmarc.serversDisagree)
        #expect(dmarc.results.map(\.status) == [.verified, .mismatch])
        GoldenFile.assert(VerifyTextRenderer().render(report), at: Self.golden("two-servers.txt"))
        GoldenFile.assert(VerifyMarkdownRenderer.render(report), at: Self.golden("two-servers.md"))
    }

    @Test func aServerThatDoesNotAnswerIsAnErrorAskedOnce() async throws {
        let report = try await Self.report([(Self.primary, VerifyLab.zoneText()), (Self.secondary, nil)])
        #expect(report.exitCode == 1)
        let servers = try #require(report.zones.first?.servers)
        #expect(
            servers[1].error
                == "127.0.0.1:53002 did not answer in 2 s (3 attempts over UDP); check that the server runs and that a firewall lets DNS through, or raise --timeout"
        )
        let records = report.zones.flatMap(\.senders).flatMap(\.records)
        // Records are judged on the server that answers; the dead one is reported once.
        #expect(records.allSatisfy { $0.status == .verified && $0.results.map(\.server) == ["127.0.0.1:53001"] })
        #expect(report.summary.serverErrors == 1)
        GoldenFile.assert(VerifyTextRenderer().render(report), at: Self.golden("dead-server.txt"))
        GoldenFile.assert(VerifyGitHubRenderer.render(report), at: Self.golden("dead-server.github"))
    }

    @Test func colourOnlyWhenAsked() async throws {
        let report = try await Self.report([(Self.primary, VerifyLab.zoneText(records: VerifyLab.broken))])
        #expect(!VerifyTextRenderer(color: false).render(report).contains("\u{1B}["))
        #expect(VerifyTextRenderer(color: true).render(report).contains("\u{1B}[31mmismatch\u{1B}[0m"))
    }

    @Test func exitCodes() {
        var report = VerifyReport(declaration: "m.yaml", zones: [])
        #expect(report.exitCode == 0)
        let record = { (status: VerifyStatus) in
            VerifyRecord(
                name: "a.", relative: "@", type: "TXT", purpose: "other", expected: "x",
                source: PlanLocation(file: "m.yaml", line: 1), results: [VerifyResult(server: "s", status: status)])
        }
        report.zones = [
            VerifyZone(
                origin: "a.", file: nil,
                senders: [VerifySender(domain: "a.", services: [], records: [record(.verified)])])
        ]
        #expect(report.exitCode == 0)
        report.zones[0].senders[0].records.append(record(.missing))
        #expect(report.exitCode == 2)
        report.zones[0].senders[0].records.append(record(.error))
        #expect(report.exitCode == 1)
        report.zones[0].senders[0].records.removeLast()
        report.zones[0].servers = [VerifyServer(address: "s", error: "no")]
        #expect(report.exitCode == 1)
    }

    /// Like plan, verify reads no zone file outside the declaration's directory tree unless
    /// allowed: the file's serial is then unknown, and the zone says why.
    @Test func aZoneFileOutsideTheTreeIsNotRead() async throws {
        let top = try ProcessScratch.directory(prefix: "mailzone-verify-outside")
        defer { try? FileManager.default.removeItem(at: top) }
        let repository = top.appendingPathComponent("repo")
        let elsewhere = top.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let declaration = VerifyLab.declaration.replacingOccurrences(
            of: "file: db.sampledomain.com",
            with: "file: ../elsewhere/db.sampledomain.com")
        try declaration.write(to: repository.appendingPathComponent("mailzone.yaml"), atomically: true, encoding: .utf8)
        try VerifyLab.zoneText().write(
            to: elsewhere.appendingPathComponent("db.sampledomain.com"), atomically: true, encoding: .utf8)
        let loaded = try DeclarationLoader.load(
            contentsOf: repository.appendingPathComponent("mailzone.yaml"),
            displayPath: "mailzone.yaml",
            builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
        let client = ZoneBackedDNS(zones: [Self.primary: ZoneBackedDNS.zone(VerifyLab.zoneText())])

        let refused = await Verifier(declaration: loaded, client: client).verify(servers: .given([Self.primary]))
        #expect(refused.zones.first?.fileSerial == nil)
        #expect(refused.zones.first?.errors.count == 1)
        #expect(
            refused.zones.first?.errors.first?.hasPrefix(
                "the zone file ../elsewhere/db.sampledomain.com is outside the directory of mailzone.yaml") == true)
        #expect(
            refused.zones.first?.errors.first?.hasSuffix(
                "so it is not read; keep zone files beside the declaration, or pass --allow-outside") == true)

        let allowed = await Verifier(declaration: loaded, client: client, allowOutside: true).verify(
            servers: .given([Self.primary]))
        #expect(allowed.zones.first?.fileSerial == 2_026_113_001)
        #expect(allowed.zones.first?.errors.isEmpty == true)
        #expect(allowed.summary.verified == 11)
    }
}
