import Testing
import ZoneFile

@testable import DNSClient

/// UPDATE messages (RFC 2136 §2) byte for byte: opcode 5, the zone as the question, prerequisites
/// as answers with the classes and TTLs that give them their meaning, changes as authority records.
struct DNSUpdateEncodingTests {
    private func name(_ text: String) throws -> DomainName { try DomainName(parsing: text) }

    @Test func prerequisitesAndChangesUseTheirClasses() throws {
        let zone = try name("ex.")
        let txt = try RData(type: .txt, presentation: "\"a\"")
        let update = DNSUpdate(
            zone: zone,
            prerequisites: [
                .rrsetEquals(owner: zone, type: .txt, rdata: [txt]),
                .rrsetDoesNotExist(owner: zone, type: .mx),
            ],
            changes: [
                .delete(owner: zone, type: .txt, rdata: txt),
                .add(owner: zone, type: .txt, ttl: 300, rdata: txt),
            ])
        let bytes = try update.message(id: 0x1234).encoded(compress: false)
        let exName: [UInt8] = [2, 0x65, 0x78, 0]
        var expected: [UInt8] = [0x12, 0x34, 0x28, 0x00, 0, 1, 0, 2, 0, 2, 0, 0]
        expected += exName + [0, 6, 0, 1]  // zone: ex. SOA IN
        expected += exName + [0, 16, 0, 1, 0, 0, 0, 0, 0, 2, 1, 0x61]  // ex. TXT IN 0 "a"
        expected += exName + [0, 15, 0, 254, 0, 0, 0, 0, 0, 0]  // ex. MX NONE 0 (empty)
        expected += exName + [0, 16, 0, 254, 0, 0, 0, 0, 0, 2, 1, 0x61]  // delete: ex. TXT NONE 0 "a"
        expected += exName + [0, 16, 0, 1, 0, 0, 1, 0x2C, 0, 2, 1, 0x61]  // add: ex. TXT IN 300 "a"
        #expect(bytes == expected)
    }

    @Test func descriptionsNameTheRRsets() throws {
        let zone = try name("ex.")
        #expect(DNSUpdatePrerequisite.rrsetDoesNotExist(owner: zone, type: .mx).description == "ex. MX does not exist")
        #expect(
            DNSUpdatePrerequisite.rrsetEquals(owner: zone, type: .txt, rdata: []).description
                == "ex. TXT is exactly 0 records")
    }
}
