import Foundation
import TestSupport
import Testing
import ZoneFile

/// The lines `RecordWriter` writes like the records of every real zone, held to a golden file: a
/// change in how a new line is put together (its owner field, separators, columns, TTL and class
/// fields, letter case, parenthesised TXT strings) shows as a diff, on the layouts people keep.
struct RecordWriterRealZoneTests {
    static let golden = DeclarationFixtures.testsDirectory.appendingPathComponent(
        "Fixtures/RecordWriter/real-zone-lines.txt")

    @Test("new lines written like records of every real zone are the golden ones")
    func linesLikeEveryRealZonesRecords() throws {
        var text = ""
        var lines = 0
        // Every real zone, and conformance-corpus zones of layouts they lack (lower-case classes and types).
        var zones = try ZoneStateTests.corpusZones().map { ($0.corpusCase.name, $0.corpusCase.folder.path, $0.zone) }
        let corpus = DeclarationFixtures.testsDirectory.deletingLastPathComponent()
            .appendingPathComponent("ZoneFileTests/Fixtures/corpus")
        for (path, origin) in [
            ("probes/lowercase-mnemonics.zone", "example.com."), ("dnspython/example1.good", "example."),
        ] {
            let zone = ZoneLoader.load(
                path: corpus.appendingPathComponent(path).path,
                options: LoadOptions(origin: try DomainName(parsing: origin)))
            // example1.good holds types not read here (errors); its other records are written like.
            #expect(zone.records.count > 3, "\(path)")
            zones.append(("corpus", corpus.path, zone))
        }
        for (name, folder, zone) in zones {
            let writer = RecordWriter(zone: zone)
            let written = zone.records.filter { $0.source.map { !$0.generated } ?? false }
            // Eight records spread over the zone, its first among them.
            let step = max(1, written.count / 8)
            for (position, neighbour) in written.enumerated() where position % step == 0 && position / step < 8 {
                let owner = neighbour.owner
                let dmarc = try owner.prepending("_dmarc")
                let new: [(RecordWriter.NewRecord, Bool)] = [
                    (try Self.new(owner, .mx, "10 mx.example.net."), false),
                    (try Self.new(owner, .a, "192.0.2.1", ttl: 300), false),
                    (try Self.new(dmarc, .txt, "\"v=DMARC1; p=none\""), false),
                    (try Self.new(dmarc, .txt, "\"v=DMARC1; p=none\""), true),
                    // Two strings: written in parentheses over two lines.
                    (
                        try Self.new(
                            try owner.prepending("_domainkey").prepending("sel"), .txt,
                            "\"v=DKIM1; k=rsa; p=MIIBIjAN\" \"BgkqhkiG9w0B\""), false
                    ),
                ]
                // The file as the case names it, not where the corpus is on this machine.
                let path = (neighbour.source?.path ?? "").replacingOccurrences(of: folder + "/", with: "")
                text += "\(name) \(path) entry \(neighbour.source?.entryIndex ?? -1):\n"
                for (record, absolute) in new {
                    text += try writer.line(for: record, like: neighbour, absoluteOwner: absolute) + "\n"
                    lines += 1
                }
            }
        }
        #expect(lines > 1_000, "only \(lines) lines written")
        GoldenFile.assert(text, at: Self.golden, what: "lines written like real zones' records")
    }

    static func new(_ owner: DomainName, _ type: RRType, _ rdata: String, ttl: UInt32? = nil) throws
        -> RecordWriter.NewRecord
    {
        RecordWriter.NewRecord(
            owner: owner, type: type, rdata: try RData(type: type, presentation: rdata, origin: owner), ttl: ttl,
            presentation: type == .txt ? nil : rdata)
    }
}
