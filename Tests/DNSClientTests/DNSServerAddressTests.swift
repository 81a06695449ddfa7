import Testing

@testable import DNSClient

/// `--server` values: IPv4 with or without a port, IPv6 bare or in brackets.
struct DNSServerAddressTests {
    @Test(arguments: [
        ("127.0.0.1", "127.0.0.1:53"),
        ("127.0.0.1:5353", "127.0.0.1:5353"),
        ("::1", "[::1]:53"),
        ("[::1]", "[::1]:53"),
        ("[::1]:5353", "[::1]:5353"),
        ("[0:0::1]:5300", "[::1]:5300"),
        ("2001:db8::1", "[2001:db8::1]:53"),
    ])
    func parses(text: String, printed: String) throws {
        #expect(try DNSServerAddress(parsing: text).description == printed)
    }

    @Test(arguments: [
        "", "localhost", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536", "[::1", "[::1]5353", "1.2.3.4.5",
        "[127.0.0.1]x",
    ])
    func refuses(text: String) {
        #expect(throws: DNSClientError.badServerAddress(text)) { try DNSServerAddress(parsing: text) }
    }

    @Test func defaultPortApplies() throws {
        #expect(try DNSServerAddress(parsing: "127.0.0.1", defaultPort: 5300).port == 5300)
        #expect(try DNSServerAddress(parsing: "[::1]:1", defaultPort: 5300).port == 1)
    }

    @Test func errorMessageShowsTheAcceptedForms() {
        #expect(
            DNSClientError.badServerAddress("ns1").description
                == "'ns1' is not a server address; write an IPv4 address, an IPv6 address in brackets or a host name, with an optional port: 192.0.2.1, 192.0.2.1:5353, [2001:db8::1]:53, ns1.example.net"
        )
    }
}
