import Foundation
import Testing

@testable import ZoneFile

/// `Zone.recordIndex(at:fileIndex:entryIndex:)` (what `InsertionPoint` asks for the owner-less lines
/// after an anchor) finds the record from the record table's positions; it must give the record a search
/// of the built records at that owner gives, on every zone of the corpus and the real zones with includes.
struct RecordAtEntryTests {
    static func expectAgreement(_ zone: Zone, origin: DomainName, _ label: String) -> Int {
        var asked = 0
        // The general path: the records at an owner, built (once per owner here), searched for the first
        // written by the entry.
        var built: [DomainName: [Record]] = [:]
        for record in zone.records {
            guard let source = record.source else { continue }
            // The record's own owner finds it; the origin finds it only when it is an apex record.
            for owner in [record.owner, origin] {
                let found = zone.recordIndex(at: owner, fileIndex: source.fileIndex, entryIndex: source.entryIndex)
                    .map { zone.record(index: $0) }
                if built[owner] == nil { built[owner] = zone.records(at: owner) }
                let expected = built[owner]?.first {
                    $0.source?.fileIndex == source.fileIndex && $0.source?.entryIndex == source.entryIndex
                }
                #expect(found == expected, "\(label): \(owner) at entry \(source.entryIndex)")
                #expect(found?.source == expected?.source, "\(label): source at entry \(source.entryIndex)")
                asked += 1
            }
        }
        return asked
    }

    @Test("the record an entry writes at an owner is the one a search of the owner's records finds")
    func agreesWithASearch() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var asked = 0
        for (item, origin, zone) in try corpus.loadedZones() {
            asked += Self.expectAgreement(zone, origin: origin, item.file)
        }
        for included in try ZoneRereadSkippingTests.loadedIncludingZones() {
            #expect(included.zone.files.count > 1, "\(included.path) includes no file")
            asked += Self.expectAgreement(included.zone, origin: included.origin, included.path)
        }
        #expect(asked > 10_000, "only \(asked) questions asked")
    }

    /// `InsertionPoint.find` builds only the last owner-less record it moves past: the anchor it gives is the
    /// record its entry writes at the anchor's owner, as the built records say, after every record of the
    /// corpus (a new owner of its own, so the point moves past the owner-less lines that follow).
    @Test("the anchor past owner-less lines is the record its entry writes, built")
    func insertionPointAnchorIsTheRecordOfItsEntry() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var moved = 0
        for (item, origin, zone) in try corpus.loadedZones() {
            let owner = try origin.prepending("new-owner-of-the-insertion-point-test")
            var built: [DomainName: [Record]] = [:]
            for record in zone.records {
                guard let source = record.source, !source.generated, record.owner != owner else { continue }
                let point = InsertionPoint.find(after: record, owner: owner, in: zone)
                guard !point.absoluteOwner else { continue }
                if built[record.owner] == nil { built[record.owner] = zone.records(at: record.owner) }
                let expected = built[record.owner]?.first {
                    $0.source?.fileIndex == point.fileIndex && $0.source?.entryIndex == point.entryIndex
                }
                #expect(point.anchor == expected, "\(item.file): after entry \(source.entryIndex)")
                #expect(point.anchor.source == expected?.source, "\(item.file): after entry \(source.entryIndex)")
                if point.entryIndex != source.entryIndex { moved += 1 }
            }
        }
        #expect(moved > 100, "only \(moved) points moved past owner-less lines")
    }
}
