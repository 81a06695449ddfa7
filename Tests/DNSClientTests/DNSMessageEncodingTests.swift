import Testing
import ZoneFile

@testable import DNSClient

/// Writing messages: queries byte for byte, name compression, and round trips through the reader.
struct DNSMessageEncodingTests {
    private func name(_ text: String) throws -> DomainName { try DomainName(parsing: text) }

    @Test func queryWithoutEDNSIsTheRFC1035Layout() throws {
        let query = DNSMessage.query(id: 0xBEEF, name: try name("example.com."), type: .mx, edns: nil)
        #expect(
            try query.encoded() == [
                0xBE, 0xEF, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                7, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 3, 0x63, 0x6F, 0x6D, 0, 0x00, 0x0F, 0x00, 0x01,
            ])
    }

    @Test func queryWithEDNSEndsWithAnOPTRecord() throws {
        let query = DNSMessage.query(id: 1, name: .root, type: .soa, edns: EDNS(udpPayloadSize: 512, dnssecOK: true))
        let bytes = try query.encoded()
        #expect(Array(bytes[10..<12]) == [0, 1])
        #expect(Array(bytes.suffix(11)) == [0, 0x00, 0x29, 0x02, 0x00, 0, 0, 0x80, 0, 0, 0])
    }

    @Test func repeatedNamesBecomePointers() throws {
        let owner = try name("sampledomain.com.")
        var message = DNSMessage(
            header: DNSHeader(id: 9, isResponse: true, isAuthoritative: true),
            questions: [DNSQuestion(name: owner, type: .mx)])
        message.answers = [
            try DNSResourceRecord(owner: owner, type: .mx, ttl: 300, presentation: "10 mx.sampledomain.com."),
            try DNSResourceRecord(owner: owner, type: .mx, ttl: 300, presentation: "20 MX2.SampleDomain.COM."),
        ]
        let compressed = try message.encoded()
        let plain = try message.encoded(compress: false)
        // The second owner and both MX targets' `sampledomain.com` are 2-octet pointers.
        #expect(compressed.count < plain.count)
        #expect(compressed.count == 12 + 22 + (2 + 10 + 2 + 5) + (2 + 10 + 2 + 6))
        let decoded = try DNSMessage(decoding: compressed)
        #expect(decoded == message)
        #expect(try DNSMessage(decoding: plain) == message)
    }

    @Test(arguments: CapturedMessages.names)
    func capturedAnswersRoundTrip(name: String) throws {
        let message = try DNSMessage(decoding: try CapturedMessages.load(name).response)
        #expect(try DNSMessage(decoding: try message.encoded()) == message)
        #expect(try DNSMessage(decoding: try message.encoded(compress: false)) == message)
    }

    /// Name compression follows `RRTypeTable`: RFC 1035's types are written with pointers into the
    /// message, RFC 3597 §4's later ones (RP, AFSDB, RT, PX, SRV) are written whole; every one reads
    /// back to the same RDATA.
    @Test(arguments: [
        ("NS", "ns1.sampledomain.com.", true), ("CNAME", "www.sampledomain.com.", true),
        ("PTR", "host.sampledomain.com.", true), ("MB", "mb.sampledomain.com.", true),
        ("MD", "md.sampledomain.com.", true), ("MF", "mf.sampledomain.com.", true),
        ("MG", "mg.sampledomain.com.", true), ("MR", "mr.sampledomain.com.", true),
        ("MX", "10 mx.sampledomain.com.", true), ("MINFO", "a.sampledomain.com. b.sampledomain.com.", true),
        ("SOA", "ns.sampledomain.com. host.sampledomain.com. 1 2 3 4 5", true),
        ("RP", "a.sampledomain.com. b.sampledomain.com.", false), ("AFSDB", "1 db.sampledomain.com.", false),
        ("RT", "10 rt.sampledomain.com.", false), ("PX", "10 a.sampledomain.com. b.sampledomain.com.", false),
        ("SRV", "1 2 3 target.sampledomain.com.", false),
    ])
    func namesInRDataAreCompressedAsTheTableSays(_ type: String, _ rdata: String, _ compressed: Bool) throws {
        let rrType = try #require(RRType(mnemonic: type))
        let owner = try name("sampledomain.com.")
        var message = DNSMessage(
            header: DNSHeader(id: 9, isResponse: true, isAuthoritative: true),
            questions: [DNSQuestion(name: owner, type: rrType)])
        message.answers = [try DNSResourceRecord(owner: owner, type: rrType, ttl: 300, presentation: rdata)]
        let written = try message.encoded()
        // Only the answer's owner is a pointer when the RDATA is written whole.
        let whole = try message.encoded(compress: false).count - (owner.wire.count - 2)
        #expect(compressed ? written.count < whole : written.count == whole)
        #expect(try DNSMessage(decoding: written).answers.first?.rdata.wire == message.answers.first?.rdata.wire)
    }
}
