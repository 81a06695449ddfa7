import DNSClient
import DNSTestSupport
import Foundation
import MailAuth
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// Forty records and three servers: one good, one that answers the SOA and then only bytes that
/// are no DNS message, one that answers the SOA and then goes silent. A server that has failed
/// so is marked bad for the rest of the run, and each server's questions are asked side by side
/// (at most `Verifier.concurrency` at once), so the whole run costs about one timeout, not one
/// per record.
struct VerifyBadServerTests {
    static let good = DNSServerAddress(host: "127.0.0.1", port: 53001) ?? .loopback
    static let garbage = DNSServerAddress(host: "127.0.0.1", port: 53002) ?? .loopback
    static let silent = DNSServerAddress(host: "127.0.0.1", port: 53003) ?? .loopback
    static let silent2 = DNSServerAddress(host: "127.0.0.1", port: 53004) ?? .loopback

    /// Ten senders of four records each (MX, SPF, DKIM, DMARC): forty records.
    static let declaration: String = {
        var text = """
            version: 1
            zones:
              - origin: sampledomain.com.
                file: db.sampledomain.com
            senders:

            """
        for index in 1...10 {
            text += """
                  - domain: s\(index).sampledomain.com
                    services:
                      - preset: tencent-ses
                        dkim: { qcloud: "v=DKIM1; k=rsa; p=\(TestKeys.rsa2048)" }

                """
        }
        return text
    }()

    static let zone = """
        $TTL 3600
        $ORIGIN sampledomain.com.
        @ IN SOA ns1 hostmaster ( 2026113001 7200 3600 1209600 300 )
        @ IN NS ns1
        ns1 IN A 127.0.0.1

        """

    static func lab() throws -> URL {
        let directory = try ProcessScratch.directory(prefix: "mailzone-verify-bad")
        try declaration.write(to: directory.appendingPathComponent("mailzone.yaml"), atomically: true, encoding: .utf8)
        try zone.write(to: directory.appendingPathComponent("db.sampledomain.com"), atomically: true, encoding: .utf8)
        return directory
    }

    /// The lab's declaration, read with the built-in presets.
    static func declaration(in directory: URL) throws -> Declaration {
        try DeclarationLoader.load(
            contentsOf: directory.appendingPathComponent("mailzone.yaml"),
            displayPath: "mailzone.yaml", builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
    }

    /// Every server answers the SOA from the zone; then `good` answers from it, `garbage` sends
    /// what cannot be read, and `silent` holds each question until `gathering` of them wait at
    /// once (or 10 s pass), then times out. It counts the questions each server gets, and the
    /// most that waited on `silent` at once: the questions were asked side by side only if that
    /// reaches `gathering`.
    final class ScriptedServers: DNSQuerying, @unchecked Sendable {
        let zone = ZoneBackedDNS(zones: [VerifyBadServerTests.good: ZoneBackedDNS.zone(VerifyBadServerTests.zone)])
        let gathering: Int
        private let condition = NSCondition()
        private var asked: [DNSServerAddress: Int] = [:]
        private var waiting = 0
        private(set) var mostWaiting = 0
        private var released = false

        init(gathering: Int) { self.gathering = gathering }

        func questions(to server: DNSServerAddress) -> Int {
            condition.lock()
            defer { condition.unlock() }
            return asked[server, default: 0]
        }

        func query(_ name: DomainName, type: RRType, server: DNSServerAddress) throws(DNSClientError) -> DNSAnswer {
            condition.lock()
            asked[server, default: 0] += 1
            condition.unlock()
            if type == .soa || server == VerifyBadServerTests.good {
                return try zone.query(name, type: type, server: VerifyBadServerTests.good)
            }
            if server == VerifyBadServerTests.garbage {
                throw .malformedAnswer(server: server, problem: .truncated(what: "header", offset: 0))
            }
            condition.lock()
            waiting += 1
            mostWaiting = max(mostWaiting, waiting)
            if waiting >= gathering { released = true }
            condition.broadcast()
            let limit = Date().addingTimeInterval(10)
            while !released, condition.wait(until: limit) {}
            waiting -= 1
            condition.unlock()
            throw .timeout(server: server, seconds: 2, attempts: 3, transport: .udp)
        }
    }

    @Test func aBadServerIsAskedAtMostOneRoundOfQuestions() async throws {
        let directory = try Self.lab()
        defer { try? FileManager.default.removeItem(at: directory) }
        let declaration = try Self.declaration(in: directory)
        let servers = ScriptedServers(gathering: 8)
        let verifier = Verifier(declaration: declaration, client: servers, concurrency: 8)
        let report = await verifier.verify(servers: .given([Self.good, Self.garbage, Self.silent]))

        let records = report.zones.flatMap(\.senders).flatMap(\.records)
        #expect(records.count == 40)
        // Every record judged on the good server only (nothing is served yet: the plan adds it all).
        #expect(records.allSatisfy { $0.results.map(\.server) == ["127.0.0.1:53001"] && $0.status == .missing })
        #expect(
            report.zones.first?.servers.map(\.error) == [
                nil,
                "127.0.0.1:53002 sent an answer mailzone cannot read: "
                    + "the message ends inside the header that starts at offset 0",
                "127.0.0.1:53003 did not answer in 2 s (3 attempts over UDP); "
                    + "check that the server runs and that a firewall lets DNS through, or raise --timeout",
            ])
        #expect(report.summary.serverErrors == 2)
        #expect(report.exitCode == 1)
        // The SOA, then at most one round of eight questions before each bad server is given up.
        #expect(servers.questions(to: Self.good) == 41)
        #expect((2...9).contains(servers.questions(to: Self.garbage)), "\(servers.questions(to: Self.garbage))")
        #expect(servers.questions(to: Self.silent) == 9)
        // Eight questions waited on the silent server at once: they were asked side by side.
        #expect(servers.mostWaiting == 8)
    }

    /// Servers are asked side by side too, each at most `concurrency` questions at once: sixteen
    /// questions wait on two silent servers at once (asked one server after the other, no more than
    /// eight could), never more, and each is given up after its one round.
    @Test func twoSilentServersAreAskedSideBySide() async throws {
        let directory = try Self.lab()
        defer { try? FileManager.default.removeItem(at: directory) }
        let declaration = try Self.declaration(in: directory)
        let servers = ScriptedServers(gathering: 16)
        let verifier = Verifier(declaration: declaration, client: servers, concurrency: 8)
        let report = await verifier.verify(servers: .given([Self.good, Self.silent, Self.silent2]))

        #expect(report.zones.flatMap(\.senders).flatMap(\.records).count == 40)
        #expect(report.summary.serverErrors == 2)
        #expect(servers.questions(to: Self.good) == 41)
        #expect(servers.questions(to: Self.silent) == 9)
        #expect(servers.questions(to: Self.silent2) == 9)
        #expect(servers.mostWaiting == 16)
    }
}

/// The same over the network: `named` as the good server, two crafted UDP servers on 127.0.0.1
/// as the bad ones, `mailzone verify --retries 0`. The second bad server holds its questions
/// until eight wait at once and only then answers them, all with garbage: it is given up after
/// that one round only if verify asked them side by side (asked one after another, the first
/// question would wait out the timeout, and the server would get two questions, not nine).
@Suite(.enabled(if: NamedServer.shouldRun, Comment(rawValue: NamedServer.skipMessage)))
struct VerifyBadServerEndToEndTests {
    /// Answers the SOA query as the zone's server would; anything else with `other`.
    static func crafted(_ other: @escaping @Sendable ([UInt8]) -> [[UInt8]]) throws -> CraftedServer {
        try CraftedServer { query, _ in soaAnswer(to: query) ?? other(query) }
    }

    /// The zone's SOA, as its server would answer it; nil for another question.
    static func soaAnswer(to query: [UInt8]) -> [[UInt8]]? {
        let rdata = "ns1.sampledomain.com. hostmaster.sampledomain.com. 2026113001 7200 3600 1209600 300"
        guard let message = try? DNSMessage(decoding: query), message.questions.first?.type == .soa,
            let origin = try? DomainName(parsing: "sampledomain.com."),
            let soa = try? DNSResourceRecord(owner: origin, type: .soa, ttl: 300, presentation: rdata)
        else { return nil }
        return [CraftedServer.answer(to: query, answers: [soa])]
    }

    @Test func fortyRecordsAndTwoBadServersAreAskedOneRoundSideBySide() throws {
        let directory = try VerifyBadServerTests.lab()
        defer { try? FileManager.default.removeItem(at: directory) }
        let named = try NamedServer.start(zones: [(VerifyLab.origin, VerifyBadServerTests.zone)])
        defer { named.stop() }
        let garbage = try Self.crafted { _ in [[0x12, 0x34, 0x80]] }
        defer { garbage.stop() }
        let gathering = try CraftedServer(gathering: (count: 8, holds: { Self.soaAnswer(to: $0) == nil })) { query, _ in
            Self.soaAnswer(to: query) ?? [[0x12, 0x34, 0x80]]
        }
        defer { gathering.stop() }

        let run = try MailzoneBinary.run(
            [
                "verify", "--server", named.address.description,
                "--server", "127.0.0.1:\(garbage.port)",
                "--server", "127.0.0.1:\(gathering.port)", "--timeout", "30", "--retries", "0", "--format", "json",
            ], in: directory)
        #expect(run.status == 1, "stderr: \(run.errors)")
        for server in [garbage.port, gathering.port] {
            #expect(
                run.output.contains(
                    "\"error\" : \"127.0.0.1:\(server) sent an answer mailzone cannot read: "
                        + "the message ends inside the header"), "\(server)")
        }
        #expect(run.output.contains("\"missing\" : 40"))
        garbage.stop()
        gathering.stop()
        // The SOA and at most one round of eight questions each (retries 0: one datagram a question);
        // the gathering server got its whole round at once.
        #expect((2...9).contains(garbage.queries), "\(garbage.queries)")
        #expect(gathering.queries == 9)
    }
}

/// A server that says a name does not exist and serves its records in the same answer is not
/// believed: verify reports it, naming the server, and counts nothing it said.
struct VerifyInconsistentServerTests {
    @Test func nxdomainWithRecordsIsAnErrorNamingTheServer() throws {
        let lab = try VerifyLab.make()
        defer { lab.remove() }
        // Every answer after the SOA: NXDOMAIN, with exactly the record the plan leaves.
        let liar = try VerifyBadServerEndToEndTests.crafted { query in
            guard let message = try? DNSMessage(decoding: query), let question = message.questions.first,
                let record = try? DNSResourceRecord(
                    owner: question.name, type: .txt, ttl: 300,
                    presentation: "\"v=spf1 include:qcloudmail.com ~all\"")
            else { return [] }
            return [CraftedServer.answer(to: query, rcode: 3, answers: [record])]
        }
        defer { liar.stop() }
        let run = try MailzoneBinary.run(
            ["verify", "--server", "127.0.0.1:\(liar.port)", "--timeout", "1"],
            in: lab.directory)
        #expect(run.status == 1, "stderr: \(run.errors)")
        #expect(
            run.output.contains(
                "  server 127.0.0.1:\(liar.port)  serial 2026113001  error: 127.0.0.1:\(liar.port) "
                    + "sent an inconsistent answer: NXDOMAIN (sampledomain.com. does not exist) with 1 record in the answer "
                    + "section; its answers are not counted\n"))
        #expect(!run.output.contains("verified "))
        #expect(
            run.output.hasSuffix(
                "Verify: 0 verified, 0 missing, 0 mismatched, 11 errors. "
                    + "1 server could not be asked.\n"))
    }
}
