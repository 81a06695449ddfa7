import Foundation
import Testing

@testable import ZoneFile

/// `Zone.forEachOwner(withLabelAmong:_:)` reads the name table instead of the record table; it must give
/// the owners a scan of every record finds, and the name table's walk the names `hasLabel` tells one by one.
struct LabelledOwnersTests {
    static let labels = [Array("_dmarc".utf8), Array("_domainkey".utf8), Array("_tcp".utf8)]

    /// The owners of in-zone records with one of `labels`, found by scanning the record table, each once.
    static func byScan(_ zone: Zone) -> Set<DomainName> {
        Set(
            zone.records.map(\.owner).filter { owner in
                labels.contains { label in owner.labels.contains { Array($0).lowercased() == label } }
            })
    }

    @Test("every corpus zone gives the labelled owners a scan of its records finds, with their records")
    func corpusAgrees() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var found = 0
        // The owner index tests' zone of labelled names in several letter cases (and one outside the zone).
        let labelled = (file: "labelled", zone: ZoneLoader.load(text: OwnerIndexTests.labelledZone, path: "db"))
        let zones =
            try [labelled]
            + corpus.cases.map { item in
                (
                    file: item.file,
                    zone: ZoneLoader.load(
                        path: item.path, options: LoadOptions(origin: try DomainName(parsing: item.origin)))
                )
            }
        for item in zones {
            let zone = item.zone
            var owners: [DomainName] = []
            zone.forEachOwner(withLabelAmong: Self.labels) { id, wire in
                let owner = DomainName(uncheckedWire: wire)
                owners.append(owner)
                #expect(zone.recordPositions(ofOwner: id) == zone.recordPositions(at: owner), "\(item.file): \(owner)")
                var scratch: [UInt8] = [1, 2, 3]
                zone.ownerWire(id, into: &scratch)
                #expect(scratch == wire)
            }
            #expect(owners.count == Set(owners).count, "\(item.file): an owner given twice")
            #expect(Set(owners) == Self.byScan(zone), "\(item.file)")
            found += owners.count
        }
        #expect(found > 8, "only \(found) labelled owners in the corpus")
    }

    @Test("a table extending another walks the other's names and its own, the suffix read once")
    func extendedTableAndSuffix() throws {
        let origin = try DomainName(parsing: "_domainkey.example.com.")
        var old = NameTable()
        old.setSuffix(origin)
        let names = ["s1._domainkey.example.com.", "www.example.com.", "_DMARC.example.com.", "a.b.example.com."]
        for name in names { _ = old.intern(try DomainName(parsing: name).wire[...]) }
        var table = NameTable(extending: old)
        for name in ["x._tcp.example.com.", "mail._domainkey.example.com.", "host.example.net.", "_x.example.net."] {
            _ = table.intern(try DomainName(parsing: name).wire[...])
        }
        for (names, labels) in [old, table].flatMap({ names in
            [Self.labels, [Array("_domainkey".utf8)], [Array("b".utf8)], []].map { (names, $0) }
        }) {
            var walked: [UInt32] = []
            names.forEachName(withLabelAmong: labels) { walked.append($0) }
            let told = (0..<UInt32(names.count)).filter { id in labels.contains { names.hasLabel(id, $0) } }
            #expect(walked == told, "\(labels)")
        }
        var walked: [UInt32] = []
        table.forEachName(withLabelAmong: Self.labels) { walked.append($0) }
        #expect(walked.count == 4)
    }

    /// Labels sharing a first octet that is no letter (`_`) are looked for with memchr, the names holding
    /// the octet found from where it is: names stored as the suffix alone (empty), the octet inside a label,
    /// names stored whole (outside the suffix), names of one label, every name holding the octet.
    @Test("the names holding a label's first octet, found with memchr, are those hasLabel tells")
    func sharedFirstOctet() throws {
        var table = NameTable()
        table.setSuffix(try DomainName(parsing: "example.com."))
        let names = [
            "example.com.", "x_dmarc.example.com.", "_dmarc.example.com.", "example.com.",
            "a._DomainKey.b.example.com.",
            "_x._tcp.example.com.", "-a.example.com.", "_dmarc.example.org.", "_.example.com.", "www.example.com.",
            "a-b._dmarc_.example.com.", "_domainkey.example.com.", "_dmarc._domainkey._dmarc.example.com.",
        ]
        for name in names { _ = table.intern(try DomainName(parsing: name).wire[...]) }
        let asked: [[[UInt8]]] = [
            [Array("_dmarc".utf8), Array("_domainkey".utf8)], [Array("_tcp".utf8)], [Array("_".utf8)],
            [Array("-a".utf8)], [Array("_dmarc".utf8), Array("-a".utf8)], [Array("_nothing".utf8)],
        ]
        for labels in asked {
            var walked: [UInt32] = []
            table.forEachName(withLabelAmong: labels) { walked.append($0) }
            let told = (0..<UInt32(table.count)).filter { id in labels.contains { table.hasLabel(id, $0) } }
            #expect(walked == told, "\(labels)")
        }
        var walked: [UInt32] = []
        table.forEachName(withLabelAmong: Self.labels) { walked.append($0) }
        #expect(walked.count == 6)
    }

    @Test("a folded hash is alike for names DNS holds equal, and is the name table's")
    func foldedHash() throws {
        let upper = try DomainName(parsing: "_DMARC.Example.COM.")
        let lower = try DomainName(parsing: "_dmarc.example.com.")
        #expect(DomainName.foldedHash(upper.wire[...]) == DomainName.foldedHash(lower.wire[...]))
        #expect(DomainName.foldedHash(upper.wire[7...]) == DomainName.foldedHash(lower.wire[7...]))
        #expect(DomainName.foldedHash(upper.wire[...]) != DomainName.foldedHash(upper.wire[7...]))
    }
}

extension Array where Element == UInt8 {
    fileprivate func lowercased() -> [UInt8] { map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
}
