import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// A record written twice with the same data is one record to BIND (RFC 2181 §5): it loads the zone and keeps
/// one copy. Generated includes often repeat a line (`proxy CNAME host.` twice); that is a warning naming both
/// lines, not "more than one CNAME".
@Suite struct DuplicateRecordTests {
    static let apex = "$TTL 300\n@ SOA ns hostmaster 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.53\n"

    func load(_ text: String) throws -> Zone {
        ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "example.")))
    }

    @Test func repeatedCNAMEIsAWarningNamingBothLines() throws {
        let zone = try load(
            Self.apex + "proxy CNAME host.example.net.\nwww A 192.0.2.80\nPROXY 600 CNAME HOST.example.net.\n")
        #expect(zone.errors.isEmpty, "\(zone.errors)")
        let warnings = zone.diagnostics.filter { $0.id == "zone.duplicate-record" }
        #expect(
            warnings.map(\.message) == ["proxy.example. CNAME appears again with the same data; BIND keeps one copy"])
        #expect(warnings.map { $0.location?.line } == [7])
        #expect(warnings.map(\.notes) == [["the same record is at <input>:5"]])
    }

    /// The first copy's place names its own file, back and forth between a zone file and its includes.
    @Test func theFirstCopyIsNamedInItsOwnFile() throws {
        let directory = try ProcessScratch.directory(prefix: "mailzone-duplicates")
        let top = directory.appendingPathComponent("db.example").path
        let included = directory.appendingPathComponent("mail.inc").path
        try Data("mx A 192.0.2.25\nwww A 192.0.2.80\n".utf8).write(to: URL(fileURLWithPath: included))
        try Data(
            (Self.apex + "www A 192.0.2.80\n$INCLUDE mail.inc\nmx A 192.0.2.25\nns A 192.0.2.53\n").utf8
        ).write(to: URL(fileURLWithPath: top))
        let zone = ZoneLoader.load(path: top, options: LoadOptions(origin: try DomainName(parsing: "example.")))
        #expect(zone.errors.isEmpty, "\(zone.errors)")
        let warnings = zone.diagnostics.filter { $0.id == "zone.duplicate-record" }
        #expect(
            warnings.map(\.notes) == [
                ["the same record is at \(top):5"], ["the same record is at \(included):1"],
                ["the same record is at \(top):4"],
            ])
        #expect(warnings.map(\.file) == [included, top, top])
    }

    @Test func aCNAMEWithOtherDataIsStillAnError() throws {
        let zone = try load(Self.apex + "proxy CNAME host.example.net.\nproxy CNAME other.example.net.\n")
        #expect(zone.errors.map(\.id) == ["zone.multiple-cname"])
    }

    @Test func everyDuplicateIsReportedInLineOrder() throws {
        let zone = try load(
            Self.apex + "@ TXT \"v=spf1 -all\"\n@ MX 10 mx\n@ TXT \"v=spf1 -all\"\n@ MX 10 MX.example.\n")
        #expect(zone.errors.isEmpty, "\(zone.errors)")
        let warnings = zone.diagnostics.filter { $0.id == "zone.duplicate-record" }
        #expect(
            warnings.map(\.message) == [
                "example. TXT appears again with the same data; BIND keeps one copy",
                "example. MX appears again with the same data; BIND keeps one copy",
            ])
        #expect(warnings.map { $0.location?.line } == [7, 8])
    }
}

/// The table of first-written records on its own: records are found by owner, a duplicate of a record
/// written long before (other owners in between) is found, and so is one at an owner with more records
/// than its short list holds (past that, the owner's records move to the shared table).
@Suite struct FirstWrittenRecordsTests {
    typealias Place = ZoneChecks.Place

    @Test func aRecordIsFoundUnderItsOwnerOnly() {
        var table = FirstWrittenRecords()
        #expect(table.firstPlace(of: 42, owner: 1, else: Place(file: 0, offset: 10)) == nil)
        #expect(table.firstPlace(of: 42, owner: 2, else: Place(file: 0, offset: 20)) == nil)
        #expect(table.firstPlace(of: 42, owner: 1, else: Place(file: 0, offset: 30))?.offset == 10)
        #expect(table.firstPlace(of: 42, owner: 2, else: Place(file: 1, offset: 40))?.offset == 20)
        #expect(table.firstPlace(of: 43, owner: 2, else: Place(file: 1, offset: 50)) == nil)
    }

    @Test func aDuplicateFarBehindIsFound() {
        var table = FirstWrittenRecords()
        for owner in 0..<UInt32(50_000) {
            #expect(table.firstPlace(of: Int(owner) * 7, owner: owner, else: Place(file: 0, offset: owner)) == nil)
        }
        #expect(table.firstPlace(of: 7 * 3, owner: 3, else: Place(file: 0, offset: 1))?.offset == 3)
        #expect(table.firstPlace(of: 7 * 3, owner: 4, else: Place(file: 0, offset: 1)) == nil)
    }

    @Test func anOwnerWithManyRecordsKeepsEveryOne() {
        // The hashes cover the owner, as `ZoneChecks.duplicateKey` makes them.
        var table = FirstWrittenRecords()
        let count = 5 * FirstWrittenRecords.listLimit + 3
        for record in 1...count {
            #expect(table.firstPlace(of: 9_000 + record, owner: 9, else: Place(file: 0, offset: UInt32(record))) == nil)
            #expect(table.firstPlace(of: 8_000 + record, owner: 8, else: Place(file: 2, offset: UInt32(record))) == nil)
        }
        for record in 1...count {
            #expect(
                table.firstPlace(of: 9_000 + record, owner: 9, else: Place(file: 1, offset: 0))?.offset
                    == UInt32(record))
            #expect(table.firstPlace(of: 8_000 + record, owner: 8, else: Place(file: 1, offset: 0))?.file == 2)
        }
        #expect(table.firstPlace(of: 9_000 + count + 1, owner: 9, else: Place(file: 1, offset: 0)) == nil)
    }

    @Test func manyRecordsAtOneOwnerInAZoneAreAllCheckedForDuplicates() throws {
        var text = DuplicateRecordTests.apex
        for index in 0..<200 { text += "pool A 10.0.\(index / 256).\(index % 256)\n" }
        text += "pool A 10.0.0.7\npool A 10.0.0.199\n"
        let zone = ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "example.")))
        let warnings = zone.diagnostics.filter { $0.id == "zone.duplicate-record" }
        #expect(warnings.map { $0.location?.line } == [205, 206])
        #expect(warnings.map(\.notes) == [["the same record is at <input>:12"], ["the same record is at <input>:204"]])
    }
}
