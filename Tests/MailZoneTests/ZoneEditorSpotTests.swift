import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// Owners whose new lines go at one spot of a file share one insertion, written in one buffer: in plan
/// order, except that lines without an owner field go first, so they still follow the record whose owner
/// they inherit.
struct ZoneEditorSpotTests {
    static let zoneText = """
        $TTL 300
        @\tIN\tSOA\tns1 hostmaster 1 7200 3600 1209600 300
        \tIN\tNS\tns1

        ns1\tIN\tA\t192.0.2.1
        www\tIN\tA\t192.0.2.2

        """

    static func create(_ owner: String, _ type: RRType, _ presentation: String) throws -> RecordOperation {
        RecordOperation(
            owner: try DomainName(parsing: owner),
            kind: .create(
                type: type, rdata: try RData(type: type, presentation: presentation), ttl: nil,
                presentation: presentation))
    }

    @Test("owners placed at one spot are written in plan order, the lines without an owner field first")
    func ownersAtOneSpot() throws {
        let example = try TestZone(Self.zoneText, origin: "example.com.", path: "db.example.com")
        let (origin, zone) = (example.origin, example.zone)
        // The apex's lines (owner-less, like the NS line they follow) come after other owners in the plan; a
        // host's lines go at another spot, after its own line.
        let operations = [
            try Self.create("_dmarc.example.com.", .txt, "\"v=DMARC1; p=none\""),
            try Self.create("www.example.com.", .mx, "10 mx.example.net."),
            try Self.create("example.com.", .mx, "10 mx.example.net."),
            try Self.create("s1._domainkey.example.com.", .txt, "\"v=DKIM1; p=AB\""),
            try Self.create("example.com.", .txt, "\"v=spf1 -all\""),
            try Self.create("_dmarc.www.example.com.", .txt, "\"v=DMARC1; p=reject\""),
        ]
        let editor = ZoneEditor(zone: zone, origin: origin)
        let edits = try editor.edits(for: operations, serialScheme: .counter, now: Date(timeIntervalSince1970: 0))
        let text = String(
            decoding: try SourceEdit.apply(edits.edits[0] ?? [], to: zone.files[0].source.bytes), as: UTF8.self)
        #expect(
            text == """
                $TTL 300
                @\tIN\tSOA\tns1 hostmaster 2 7200 3600 1209600 300
                \tIN\tNS\tns1
                \tIN\tMX\t10 mx.example.net.
                \tIN\tTXT\t"v=spf1 -all"
                _dmarc\tIN\tTXT\t"v=DMARC1; p=none"
                s1._domainkey\tIN\tTXT\t"v=DKIM1; p=AB"

                ns1\tIN\tA\t192.0.2.1
                www\tIN\tA\t192.0.2.2
                www\tIN\tMX\t10 mx.example.net.
                _dmarc.www\tIN\tTXT\t"v=DMARC1; p=reject"

                """)
        // One insertion per spot, and the serial.
        #expect(edits.edits[0]?.count == 3)
    }
}
