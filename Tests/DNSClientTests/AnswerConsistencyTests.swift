import DNSTestSupport
import Testing
import ZoneFile

@testable import DNSClient

/// Only an answer from the server asked, with the query's ID and question, counts; and an answer
/// that contradicts itself (NXDOMAIN with records, records for a name not asked) is an error that
/// names the server. Each case is a crafted datagram from a UDP server on 127.0.0.1.
struct AnswerConsistencyTests {
    private let name = (try? DomainName(parsing: "sampledomain.com.")) ?? .root
    private let client = DNSQueryClient(options: DNSQueryOptions(timeout: 0.3, retries: 0))

    private static func txt(_ owner: String, _ text: String) -> DNSResourceRecord? {
        guard let owner = try? DomainName(parsing: owner) else { return nil }
        return try? DNSResourceRecord(owner: owner, type: .txt, ttl: 300, presentation: "\"\(text)\"")
    }

    private static func cname(_ owner: String, _ target: String) -> DNSResourceRecord? {
        guard let owner = try? DomainName(parsing: owner) else { return nil }
        return try? DNSResourceRecord(owner: owner, type: .cname, ttl: 300, presentation: target)
    }

    @Test func nxdomainWithAnswerRecordsIsAnErrorNamingTheServer() throws {
        let record = try #require(Self.txt("sampledomain.com.", "v=spf1 include:qcloudmail.com -all"))
        let server = try CraftedServer { query, _ in [CraftedServer.answer(to: query, rcode: 3, answers: [record])] }
        defer { server.stop() }
        let address = try server.address()
        let error = #expect(throws: DNSClientError.self) { try client.query(name, type: .txt, server: address) }
        #expect(
            error?.description == "\(address) sent an inconsistent answer: "
                + "NXDOMAIN (sampledomain.com. does not exist) with 1 record in the answer section; its answers are not counted"
        )
    }

    /// RFC 6604 §3: NXDOMAIN after a CNAME chain speaks of the chain's last name.
    @Test func nxdomainAtTheEndOfAnAliasChainIsConsistent() throws {
        let alias = try #require(Self.cname("sampledomain.com.", "gone.example.net."))
        let server = try CraftedServer { query, _ in [CraftedServer.answer(to: query, rcode: 3, answers: [alias])] }
        defer { server.stop() }
        let answer = try client.query(name, type: .txt, server: try server.address())
        #expect(answer.rcode == .nameError)
        #expect(answer.records.isEmpty)
        #expect(answer.aliases == [alias])
    }

    @Test func recordsForANameNotAskedAreAnError() throws {
        let record = try #require(Self.txt("other.example.", "v=spf1 -all"))
        let server = try CraftedServer { query, _ in [CraftedServer.answer(to: query, answers: [record])] }
        defer { server.stop() }
        let address = try server.address()
        let error = #expect(throws: DNSClientError.self) { try client.query(name, type: .txt, server: address) }
        #expect(
            error?.description == "\(address) sent an inconsistent answer: "
                + "the answer section holds other.example. TXT, which is neither sampledomain.com. nor an alias on its way; its answers are not counted"
        )
    }

    /// Datagrams with another ID or another question (or none, for an answer that is not an error
    /// about the query itself) are not the answer (RFC 5452 §9.1): the real
    /// one that follows them is taken; without it the query times out.
    @Test func anotherIDOrQuestionIsNotTheAnswer() throws {
        let record = try #require(Self.txt("sampledomain.com.", "v=spf1 -all"))
        let other = try #require(Self.txt("sampledomain.com.", "forged"))
        let wrong: @Sendable ([UInt8]) -> [[UInt8]] = { query in
            let id = (try? DNSMessage(decoding: query))?.header.id ?? 0
            let mx = [DNSQuestion(name: (try? DomainName(parsing: "sampledomain.com.")) ?? .root, type: .mx)]
            return [
                CraftedServer.answer(to: query, id: id &+ 1, answers: [other]),
                CraftedServer.answer(to: query, questions: mx, answers: [other]),
                CraftedServer.answer(to: query, questions: [], answers: [other]),
                CraftedServer.answer(to: query, rcode: 3, questions: []),
            ]
        }
        let honest = try CraftedServer { query, _ in
            wrong(query) + [CraftedServer.answer(to: query, answers: [record])]
        }
        defer { honest.stop() }
        #expect(try client.query(name, type: .txt, server: try honest.address()).records == [record])

        let forger = try CraftedServer { query, _ in wrong(query) }
        defer { forger.stop() }
        let address = try forger.address()
        #expect(throws: DNSClientError.timeout(server: address, seconds: 0.3, attempts: 1, transport: .udp)) {
            try client.query(name, type: .txt, server: address)
        }
        #expect(forger.queries == 1)
    }

    /// An answer from another port than the one asked is not the server's: it is never read.
    @Test func anAnswerFromAnotherPortIsNotTheServers() throws {
        let record = try #require(Self.txt("sampledomain.com.", "v=spf1 -all"))
        let server = try CraftedServer(fromOtherPort: true) { query, _ in
            [CraftedServer.answer(to: query, answers: [record])]
        }
        defer { server.stop() }
        let address = try server.address()
        #expect(throws: DNSClientError.timeout(server: address, seconds: 0.3, attempts: 1, transport: .udp)) {
            try client.query(name, type: .txt, server: address)
        }
    }
}
