import DNSTestSupport
import TestSupport
import Testing
import ZoneFile

@testable import DNSClient

/// The transport's failures: a silent server times out after each attempt's timeout with a
/// message that says so, a closed port is refused without waiting, and only an answer to the
/// question asked is accepted. Time is counted on a `CountingDNSClock`, never measured.
struct DNSTransportTests {
    private let name = (try? DomainName(parsing: "sampledomain.com.")) ?? .root

    /// Each attempt waits exactly its timeout, one after the other: two attempts of 0.3 s.
    @Test func silentServerTimesOutAfterEveryAttemptsTimeout() throws {
        let server = try BoundSocket(udp: true, port: 0)
        defer { server.close() }
        let address = try DNSServerAddress(parsing: "127.0.0.1:\(server.port)")
        let clock = CountingDNSClock(.instant)
        let client = DNSQueryClient(options: DNSQueryOptions(timeout: 0.3, retries: 1), clock: clock)
        #expect(throws: DNSClientError.timeout(server: address, seconds: 0.3, attempts: 2, transport: .udp)) {
            try client.query(name, type: .soa, server: address)
        }
        #expect(clock.now == .milliseconds(600))
        #expect(clock.expiredWaits == 2)
    }

    /// Over TCP too: the connection or the read of each attempt ends at the attempt's deadline.
    @Test func silentTCPServerTimesOutOnEveryAttempt() throws {
        let server = try BoundSocket(udp: false, port: 0)
        defer { server.close() }
        try server.listen()
        let address = try DNSServerAddress(parsing: "127.0.0.1:\(server.port)")
        let clock = CountingDNSClock(.instant)
        let client = DNSQueryClient(options: DNSQueryOptions(timeout: 0.3, retries: 1, forceTCP: true), clock: clock)
        #expect(throws: DNSClientError.timeout(server: address, seconds: 0.3, attempts: 2, transport: .tcp)) {
            try client.query(name, type: .soa, server: address)
        }
        #expect(clock.now == .milliseconds(600))
        #expect(clock.expiredWaits == 2)
    }

    @Test func timeoutMessageNamesServerAndWait() throws {
        let address = try DNSServerAddress(parsing: "127.0.0.1:5353")
        #expect(
            DNSClientError.timeout(server: address, seconds: 2, attempts: 3, transport: .udp).description
                == "127.0.0.1:5353 did not answer in 2 s (3 attempts over UDP); check that the server runs and that a firewall lets DNS through, or raise --timeout"
        )
        #expect(
            DNSClientError.timeout(server: address, seconds: 0.5, attempts: 1, transport: .tcp).description
                == "127.0.0.1:5353 did not answer in 0.5 s (over TCP); check that the server runs and that a firewall lets DNS through, or raise --timeout"
        )
    }

    /// The ICMP "port unreachable" ends the first attempt: no wait runs out, no retry is made.
    @Test func closedUDPPortIsRefused() throws {
        let address = try DNSServerAddress(parsing: "127.0.0.1:\(try FreePort.find())")
        let clock = CountingDNSClock(.real)
        let client = DNSQueryClient(options: DNSQueryOptions(timeout: 2, retries: 2), clock: clock)
        #expect(throws: DNSClientError.refused(server: address, transport: .udp)) {
            try client.query(name, type: .soa, server: address)
        }
        #expect(clock.expiredWaits == 0)
    }

    @Test func closedTCPPortIsRefused() throws {
        let address = try DNSServerAddress(parsing: "127.0.0.1:\(try FreePort.find())")
        let clock = CountingDNSClock(.real)
        let client = DNSQueryClient(options: DNSQueryOptions(timeout: 2, retries: 0, forceTCP: true), clock: clock)
        #expect(throws: DNSClientError.refused(server: address, transport: .tcp)) {
            try client.query(name, type: .soa, server: address)
        }
        #expect(clock.expiredWaits == 0)
        #expect(
            DNSClientError.refused(server: address, transport: .tcp).description
                == "\(address) refused the TCP connection: nothing listens on that port; check the address and port, and that the name server runs"
        )
    }

    @Test func onlyTheAnswerToTheQuestionAskedMatches() throws {
        let query = DNSMessage.query(id: 77, name: name, type: .mx)
        var answer = DNSMessage(header: DNSHeader(id: 77, isResponse: true), questions: query.questions)
        #expect(DNSTransport.matches(answer, query))
        answer.header.id = 78
        #expect(!DNSTransport.matches(answer, query))
        answer.header.id = 77
        answer.questions = [DNSQuestion(name: name, type: .txt)]
        #expect(!DNSTransport.matches(answer, query))
        answer.questions = [DNSQuestion(name: try DomainName(parsing: "SampleDomain.COM."), type: .mx)]
        #expect(DNSTransport.matches(answer, query))
        answer.header.isResponse = false
        #expect(!DNSTransport.matches(answer, query))
    }
}

/// `--server` by host name: resolved with the given resolver, every address on the given port.
struct ServerHostNameTests {
    struct StubResolver: HostResolving {
        var answers: [String: [String]]
        func addresses(of host: DomainName) throws(DNSClientError) -> [String] {
            answers[host.description] ?? []
        }
    }

    let resolver = StubResolver(answers: ["ns1.example.net.": ["192.0.2.7", "2001:db8::7"]])

    @Test func numericAddressesNeedNoResolver() throws {
        #expect(
            try DNSServerAddress.addresses(parsing: "192.0.2.1:5353", resolver: resolver).map(\.description) == [
                "192.0.2.1:5353"
            ])
    }

    @Test func hostNamesAreResolved() throws {
        #expect(
            try DNSServerAddress.addresses(parsing: "ns1.example.net", resolver: resolver).map(\.description)
                == ["192.0.2.7:53", "[2001:db8::7]:53"])
        #expect(
            try DNSServerAddress.addresses(parsing: "ns1.example.net.:5353", resolver: resolver).map(\.description)
                == ["192.0.2.7:5353", "[2001:db8::7]:5353"])
    }

    @Test(arguments: ["ns2.example.net", "ns1..example.net", "ns1.example.net:0", "ns1.example.net:x", ""])
    func refusesWhatIsNotAServer(_ text: String) {
        #expect(throws: DNSClientError.badServerAddress(text)) {
            try DNSServerAddress.addresses(parsing: text, resolver: resolver)
        }
    }
}
