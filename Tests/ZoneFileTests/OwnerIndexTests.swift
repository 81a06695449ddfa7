import Foundation
import Testing
import ZoneFile

/// Lookups by owner name go through the zone's owner index (and its empty non-terminals); these tests
/// hold them to what a scan of every record gives, on every zone of the conformance corpus.
@Suite("Owner index")
struct OwnerIndexTests {
    /// The names a test asks about: every owner, the names between it and the origin, a name below it,
    /// and names that are not in the zone.
    static func askedNames(_ records: [Record], origin: DomainName) -> [DomainName] {
        var names: [DomainName] = [origin]
        var seen = Set<DomainName>([origin])
        for record in records {
            var current: DomainName? = record.owner
            while let name = current, seen.insert(name).inserted {
                names.append(name)
                current = name.parent
            }
            if let below = try? record.owner.prepending("not-there-below") { names.append(below) }
        }
        if let absent = try? origin.prepending("absent-name-0123") { names.append(absent) }
        return names
    }

    @Test("containsRecord(ofTypes:where:) answers as a search of the built records, on every corpus zone")
    func containsRecordEqualsASearch() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var cuts = 0
        for (item, origin, zone) in try corpus.loadedZones() {
            let questions: [(Set<RRType>, (DomainName, RRType) -> Bool)] = [
                ([.ns, .dname], { owner, type in type == .dname || owner != origin }),
                ([.mx], { _, _ in true }),
                ([.txt, .cname], { owner, _ in owner.description.lowercased().hasPrefix("_dmarc.") }),
                ([RRType(65_280)], { _, _ in true }),
            ]
            for (types, predicate) in questions {
                let searched = zone.records(ofTypes: types).contains { predicate($0.owner, $0.type) }
                #expect(zone.containsRecord(ofTypes: types, where: predicate) == searched, "\(item.file): \(types)")
            }
            if zone.containsRecord(ofTypes: [.ns, .dname], where: questions[0].1) { cuts += 1 }
            // `containsCut(below:)` is the first question, for the zone's origin and for names it may not hold.
            for apex in [origin, .root, try? origin.prepending("absent-name-0123")].compactMap({ $0 }) {
                let searched = zone.records(ofTypes: [.ns, .dname]).contains { $0.type == .dname || $0.owner != apex }
                #expect(zone.containsCut(below: apex) == searched, "\(item.file): \(apex)")
            }
        }
        #expect(cuts > 0, "no corpus zone has a cut: the question is not asked")
    }

    @Test("records(at:), records(at:type:), recordIndices and exists equal a scan, on every corpus zone")
    func indexEqualsScan() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var zonesAsked = 0
        var namesAsked = 0
        var emptyNonTerminals = 0
        for (item, origin, zone) in try corpus.loadedZones() {
            let all = zone.records
            guard !all.isEmpty, zone.origin == origin else { continue }
            zonesAsked += 1
            // The oracle, from one pass over every record: the records of each owner in file order, and
            // every name at or above an owner (up to the origin).
            let byOwner = Dictionary(grouping: all, by: \.owner)
            var existing = Set<DomainName>()
            for owner in byOwner.keys {
                var current: DomainName? = owner
                while let name = current, name.isSubdomain(of: origin), existing.insert(name).inserted {
                    current = name.parent
                }
            }
            for name in OwnerIndexTests.askedNames(all, origin: origin) {
                namesAsked += 1
                let scanned = byOwner[name] ?? []
                let found = zone.records(at: name)
                #expect(found == scanned, "\(item.file): records at \(name)")
                #expect(found.map(\.source) == scanned.map(\.source), "\(item.file): sources at \(name)")
                #expect(zone.recordIndices(at: name).map { zone.record(index: $0) } == scanned)
                for type in Set(scanned.map(\.type)) {
                    let ofType = scanned.filter { $0.type == type }
                    #expect(zone.records(at: name, type: type) == ofType, "\(item.file): \(name) \(type)")
                    #expect(zone.recordIndices(at: name, type: type).map { zone.record(index: $0) } == ofType)
                }
                let exists = existing.contains(name)
                #expect(zone.exists(name) == exists, "\(item.file): exists(\(name))")
                if exists, scanned.isEmpty { emptyNonTerminals += 1 }
            }
        }
        // The corpus is large enough that the comparison means something.
        #expect(zonesAsked > 150, "only \(zonesAsked) corpus zones loaded with records")
        #expect(namesAsked > 5_000, "only \(namesAsked) names asked")
        #expect(emptyNonTerminals > 20, "only \(emptyNonTerminals) empty non-terminals met")
    }

    @Test("exists answers for empty non-terminals in any letter case, and not for names beside or outside them")
    func emptyNonTerminalsIgnoreCase() throws {
        let lines = [
            "$ORIGIN example.com.", "@ 300 SOA ns1 hostmaster 1 7200 3600 1209600 300", "@ 300 NS ns1",
            "s1._domainkey.Mail 300 TXT \"v=DKIM1; p=AAAA\"", "a.b.c.d 300 A 192.0.2.1", "c.d 300 A 192.0.2.2",
            "x.y.example.org. 300 A 192.0.2.3",
        ]
        let text = lines.joined(separator: "\n")
        let zone = ZoneLoader.load(text: text, path: "db.example.com")
        let expected: [(String, Bool)] = [
            ("_domainkey.mail.example.com.", true), ("_DOMAINKEY.MAIL.EXAMPLE.COM.", true), ("mail.example.com.", true),
            ("MAIL.example.com.", true), ("b.c.d.example.com.", true), ("B.C.D.example.com.", true),
            ("d.example.com.", true), ("c.d.example.com.", true), ("_domainkey.other.example.com.", false),
            ("s2._domainkey.mail.example.com.", false), ("y.example.org.", false), ("example.org.", false),
            ("b.example.com.", false), ("com.", false),
        ]
        for (name, exists) in expected {
            #expect(zone.exists(try DomainName(parsing: name)) == exists, "exists(\(name))")
        }
    }

    /// Mail names in any letter case, one owner written twice apart, an owner with both labels, a label
    /// inside a longer one, a record of another type and out-of-zone data.
    static let labelledZone = """
        $ORIGIN example.com.
        $TTL 300
        @ SOA ns1 hostmaster 1 7200 3600 1209600 300
        @ NS ns1
        @ TXT "v=spf1 -all"
        _DMARC TXT "v=DMARC1; p=none"
        s1._domainkey TXT "v=DKIM1; p=AAAA"
        s2._DomainKey.mail TXT "v=DKIM1; p=BBBB"
        _domainkey.mail MX 10 mx
        _dmarc.mail TXT "v=DMARC1; p=reject"
        _Dmarc TXT "second, other case"
        _dmarc._domainkey.odd TXT "both labels"
        _dmarc.mail A 192.0.2.1
        x_dmarc TXT "not a label match"
        _dmarc.example.org. TXT "out of zone"
        s3._domainkey TXT "v=DKIM1; p=CCCC"
        s1._domainkey MX 10 mx
        """

    /// Whether a record is of the types asked and its owner has one of `labels` (lower case).
    static func labelled(_ record: Record, _ labels: [String]) -> Bool {
        (record.type == .txt || record.type == .mx)
            && record.owner.labels.contains { labels.contains(String(decoding: $0, as: UTF8.self).lowercased()) }
    }

    @Test("recordIndices(ofTypes:ownerLabel:) equals a scan, in file order, any letter case")
    func ownerLabelEqualsScan() throws {
        let zone = ZoneLoader.load(text: Self.labelledZone, path: "db.example.com")
        let all = zone.records
        for label in ["_dmarc", "_domainkey"] {
            let found = zone.recordIndices(ofTypes: [.txt, .mx], ownerLabel: label).map { zone.record(index: $0) }
            let scanned = all.filter { Self.labelled($0, [label]) }
            #expect(found == scanned, "label \(label)")
            #expect(found.map(\.source) == scanned.map(\.source))
        }
        #expect(zone.recordIndices(ofTypes: [.txt, .mx], ownerLabel: "_domainkey").count == 6)
    }

    @Test("recordIndicesByOwner(ofTypes:ownerLabels:) groups a scan by owner, in first-written order")
    func ownerLabelsGroupedByOwner() throws {
        let zone = ZoneLoader.load(text: Self.labelledZone, path: "db.example.com")
        let labels = ["_dmarc", "_domainkey"]
        var expected: [(owner: DomainName, records: [Record])] = []
        for record in zone.records where Self.labelled(record, labels) {
            if let at = expected.firstIndex(where: { $0.owner == record.owner }) {
                expected[at].records.append(record)
            } else {
                expected.append((record.owner, [record]))
            }
        }
        let groups = zone.recordIndicesByOwner(ofTypes: [.txt, .mx], ownerLabels: labels)
        #expect(groups.map(\.owner) == expected.map(\.owner))
        #expect(groups.map { $0.indices.map { zone.record(index: $0) } } == expected.map(\.records))
        #expect(groups.map(\.indices.count) == [2, 2, 1, 1, 1, 1, 1])
    }
}
