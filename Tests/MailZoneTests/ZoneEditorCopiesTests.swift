import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// `ZoneEditor.copies(of:in:)` compares only the owner's records of the record's type, by data, and
/// builds only the copies: it must give what a search of every built record at the owner gives.
struct ZoneEditorCopiesTests {
    /// The general path: the owner's records, built, that hold the same data; the record itself if none.
    static func searched(_ record: Record, in zone: Zone) -> [Record] {
        let copies = zone.records(at: record.owner).filter { $0.sameData(as: record) }
        return copies.isEmpty ? [record] : copies
    }

    static func expectAgreement(_ zone: Zone, _ label: String) -> Int {
        var copied = 0
        for record in zone.records {
            let found = ZoneEditor.copies(of: record, in: zone)
            let expected = searched(record, in: zone)
            #expect(found == expected, "\(label): \(record)")
            #expect(found.map(\.source) == expected.map(\.source), "\(label): sources of \(record)")
            if found.count > 1 { copied += 1 }
        }
        return copied
    }

    @Test("the copies of each record of every real zone are those a search of its owner's records finds")
    func agreeWithASearch() throws {
        var records = 0
        for (corpusCase, _, zone) in try ZoneStateTests.corpusZones() {
            _ = Self.expectAgreement(zone, corpusCase.name)
            records += zone.recordCount
        }
        #expect(records > 1_000)
    }

    @Test(
        "a record written twice, in other letter cases and TTLs, has both lines as copies; a record not in the zone has itself"
    )
    func recordsWrittenTwice() throws {
        let text = """
            $ORIGIN example.com.
            @ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @ IN NS ns1
            @ IN MX 10 MX.Example.NET.
            @ IN TXT "v=spf1 -all"
            @ 300 IN MX 10 mx.example.net.
            @ IN MX 20 mx.example.net.
            www IN MX 10 mx.example.net.
            ns1 IN A 192.0.2.1

            """
        let zone = ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
        #expect(zone.errors.isEmpty)
        #expect(Self.expectAgreement(zone, "twice") == 2)
        let mx = try #require(zone.records(at: try DomainName(parsing: "example.com."), type: .mx).first)
        #expect(ZoneEditor.copies(of: mx, in: zone).count == 2)
        let elsewhere = Record(
            owner: try DomainName(parsing: "mail.example.com."), ttl: 300, type: .mx,
            rdata: try RData(type: .mx, presentation: "10 mx.example.net."))
        #expect(ZoneEditor.copies(of: elsewhere, in: zone) == [elsewhere])
    }
}
