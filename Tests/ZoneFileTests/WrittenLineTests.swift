import Foundation
import Testing

@testable import ZoneFile

/// `Zone.writtenLine(ofRecord:)` reads from the record table what a new line written like a record reads of it
/// (the editor's anchors are made so, not built as records): it must say what the built record says, and the
/// place found after it and the lines written like it must be those the built record gives, on every zone of
/// the corpus and the real zones with includes.
struct WrittenLineTests {
    static func expectAgreement(_ zone: Zone, origin: DomainName, _ label: String) throws -> (lines: Int, moved: Int) {
        let writer = RecordWriter(zone: zone)
        // A new owner of its own (the point then moves past the owner-less lines after the anchor), and a record
        // of the anchor's own owner (written without an owner field after a line that has none).
        let newOwner = try origin.prepending("new-owner-of-the-written-line-test")
        var lines = 0
        var moved = 0
        for index in 0..<zone.store.slots.count where !zone.store[index].flags.contains(.outOfZone) {
            let record = zone.record(index: index)
            let line = zone.writtenLine(ofRecord: index)
            #expect(WrittenLine(record) == line, "\(label): record \(index)")
            guard !line.generated else { continue }
            for owner in [newOwner, record.owner] {
                let point = InsertionPoint.find(after: record, owner: owner, in: zone)
                let found = InsertionPoint.find(after: line, owner: owner, in: zone)
                #expect(
                    found
                        == LineInsertionPoint(
                            anchor: try #require(WrittenLine(point.anchor)), fileIndex: point.fileIndex,
                            entryIndex: point.entryIndex, absoluteOwner: point.absoluteOwner),
                    "\(label): \(owner) after record \(index)")
                if point.entryIndex != line.entryIndex { moved += 1 }
                let new = RecordWriter.NewRecord(
                    owner: owner, type: .txt, rdata: try RData(type: .txt, presentation: "\"v=DMARC1; p=none\""))
                // A line the writer cannot read the layout of is refused by both.
                var built: [UInt8]? = []
                var read: [UInt8]? = []
                do {
                    try writer.appendLine(for: new, like: point.anchor, absoluteOwner: point.absoluteOwner, to: &built!)
                } catch { built = nil }
                do {
                    try writer.appendLine(for: new, like: found.anchor, absoluteOwner: found.absoluteOwner, to: &read!)
                } catch { read = nil }
                #expect(read == built, "\(label): line of \(owner) after record \(index)")
                if built != nil { lines += 1 }
            }
        }
        return (lines, moved)
    }

    @Test("a record's line read from the record table is the built record's, and is written like alike")
    func agreesWithTheBuiltRecord() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var lines = 0
        var moved = 0
        for (item, origin, zone) in try corpus.loadedZones() {
            let found = try Self.expectAgreement(zone, origin: origin, item.file)
            lines += found.lines
            moved += found.moved
        }
        for included in try ZoneRereadSkippingTests.loadedIncludingZones() {
            #expect(included.zone.files.count > 1, "\(included.path) includes no file")
            let found = try Self.expectAgreement(included.zone, origin: included.origin, included.path)
            lines += found.lines
            moved += found.moved
        }
        #expect(lines > 10_000, "only \(lines) lines written")
        #expect(moved > 100, "only \(moved) points moved past owner-less lines")
    }
}
