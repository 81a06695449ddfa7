import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// `ZoneState`'s short cuts against what its records say: `mayHoldCut` (which lets the zone-cut walk
/// skip names) and `holdsRecords` against the records at every name of every real zone, and a sender taken back leaves
/// the state as it was before it.
@Suite("Zone state")
struct ZoneStateTests {
    /// Every owner of the zone, the names between it and the origin, and a name below it.
    static func names(of zone: Zone, origin: DomainName) -> [DomainName] {
        var names: [DomainName] = []
        var seen = Set<DomainName>()
        for owner in zone.owners {
            var current: DomainName? = owner
            while let name = current, name.isSubdomain(of: origin), seen.insert(name).inserted {
                names.append(name)
                current = name == origin ? nil : name.parent
            }
            if let below = try? owner.prepending("mzbelow") { names.append(below) }
        }
        return names
    }

    /// Every zone of the real-zone corpus, loaded.
    static func corpusZones() throws -> [(corpusCase: RealZoneCorpus.Case, origin: DomainName, zone: Zone)] {
        try RealZoneCorpus.cases().map { corpusCase in
            let origin = try DomainName(parsing: corpusCase.origin)
            let path = corpusCase.folder.appendingPathComponent(corpusCase.zone).path
            return (corpusCase, origin, ZoneLoader.load(path: path, options: LoadOptions(origin: origin)))
        }
    }

    @Test("mayHoldCut is true exactly where the records hold an NS or a DNAME, on every real zone")
    func mayHoldCutAgreesWithTheRecords() throws {
        var cuts = 0
        var asked = 0
        for (corpusCase, origin, zone) in try Self.corpusZones() {
            var state = ZoneState(zone: zone)
            for name in Self.names(of: zone, origin: origin) {
                #expect(state.holdsRecords(at: name) == !zone.records(at: name).isEmpty)
                let holdsCut = state.records(at: name).contains { $0.type == .ns || $0.type == .dname }
                #expect(state.mayHoldCut(name) == holdsCut, "\(corpusCase.name): \(name)")
                #expect(state.holdsRecords(at: name) == !state.records(at: name).isEmpty)
                if holdsCut { cuts += 1 }
                asked += 1
            }
        }
        // The corpus has delegations, so both answers are asked for.
        #expect(cuts > 10)
        #expect(asked > 1000)
    }

    @Test("cut(hiding:) answers as the walk from the apex does, for every name of every real zone")
    func cutAgreesWithTheWalk() throws {
        var hidden = 0
        var zonesWithoutCuts = 0
        for (corpusCase, origin, zone) in try Self.corpusZones() {
            var state = ZoneState(zone: zone)
            if !state.mayHaveCuts(origin: origin) { zonesWithoutCuts += 1 }
            for name in Self.names(of: zone, origin: origin) {
                let fast = state.cut(hiding: name, origin: origin)
                let walked = state.walkToCut(hiding: name, origin: origin)
                #expect(fast?.owner == walked?.owner, "\(corpusCase.name): \(name)")
                #expect(fast?.record.rdata == walked?.record.rdata, "\(corpusCase.name): \(name)")
                if walked != nil { hidden += 1 }
            }
        }
        // Both kinds of zone are in the corpus: with cuts (names hidden) and without.
        #expect(hidden > 10)
        #expect(zonesWithoutCuts > 0)
    }

    static let zoneText = """
        $ORIGIN example.com.
        $TTL 3600
        @ SOA ns hostmaster 2026112801 7200 3600 1209600 300
        @ NS ns
        @ TXT "v=spf1 -all"
        ns A 192.0.2.53

        """

    static func smallZone() throws -> Zone {
        ZoneLoader.load(text: zoneText, options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
    }

    @Test("a delegation the plan creates is a cut for the names below it; taken back, it is not")
    func plannedDelegation() throws {
        let origin = try DomainName(parsing: "example.com.")
        let child = try DomainName(parsing: "child.example.com.")
        let below = try DomainName(parsing: "_dmarc.child.example.com.")
        var state = ZoneState(zone: try Self.smallZone())
        #expect(state.cut(hiding: below, origin: origin) == nil)
        #expect(!state.mayHoldCut(child))
        state.beginTentative()
        let ns = try RData(type: .ns, presentation: "ns.elsewhere.example.")
        state.commit([
            RecordOperation(
                owner: child, kind: .create(type: .ns, rdata: ns, ttl: nil, presentation: "ns.elsewhere.example."))
        ])
        #expect(state.mayHoldCut(child))
        #expect(state.holdsRecords(at: child))
        #expect(state.cut(hiding: below, origin: origin)?.owner == child)
        state.rollbackTentative()
        #expect(state.cut(hiding: below, origin: origin) == nil)
        #expect(!state.holdsRecords(at: child))
        #expect(state.operations.isEmpty)
        #expect(state.firstPlannedCreate(at: child, type: .ns) == nil)
    }

    @Test("a wildcard the plan creates is found below its parent; taken back, it is not")
    func plannedWildcard() throws {
        let origin = try DomainName(parsing: "example.com.")
        let wildcard = try DomainName(parsing: "*.example.com.")
        let new = try DomainName(parsing: "_dmarc.news.example.com.")
        var state = ZoneState(zone: try Self.smallZone())
        func covering() -> DomainName? { state.wildcardCovering(new, origin: origin)?.wildcard }
        func hasWildcard() -> Bool { state.hasWildcard(below: origin) }
        #expect(!hasWildcard())
        #expect(covering() == nil)
        let before = state.mayHaveWildcards()
        #expect(!before)
        state.beginTentative()
        let txt = try RData(type: .txt, presentation: "\"wildcard\"")
        state.commit([
            RecordOperation(owner: wildcard, kind: .create(type: .txt, rdata: txt, ttl: nil, presentation: "\"w\""))
        ])
        #expect(hasWildcard())
        #expect(covering() == wildcard)
        let planned = state.mayHaveWildcards()
        #expect(planned)
        state.rollbackTentative()
        #expect(!hasWildcard())
        #expect(covering() == nil)
    }

    @Test("hasWildcard(below:) is whether the records at the wildcard name are there, on every real zone")
    func wildcardBelowAgreesWithTheRecords() throws {
        var wildcards = 0
        for (_, origin, zone) in try Self.corpusZones() {
            var state = ZoneState(zone: zone)
            for name in Self.names(of: zone, origin: origin) {
                let holds = (try? name.prepending("*")).map { !zone.records(at: $0).isEmpty } ?? false
                let first = state.hasWildcard(below: name)
                let again = state.hasWildcard(below: name)
                #expect(first == holds, "\(name)")
                #expect(again == holds, "\(name), asked again")
                if holds { wildcards += 1 }
            }
        }
        #expect(wildcards > 0)
    }

    @Test("a name's records hold a planned record of a type exactly when a committed create of it is found")
    func plannedRecordsAgreeWithTheCreates() throws {
        let names = try ["example.com.", "news.example.com.", "_dmarc.news.example.com."].map {
            try DomainName(parsing: $0)
        }
        var state = ZoneState(zone: try Self.smallZone())
        func create(_ name: DomainName, _ type: RRType, _ text: String) throws -> RecordOperation {
            RecordOperation(
                owner: name,
                kind: .create(
                    type: type, rdata: try RData(type: type, presentation: text), ttl: 300, presentation: text))
        }
        func agrees() {
            for name in names {
                for type in [RRType.txt, .mx, .a] {
                    let planned = state.records(at: name).contains { $0.type == type && $0.existing == nil }
                    #expect(planned == (state.firstPlannedCreate(at: name, type: type) != nil), "\(name) \(type)")
                }
            }
        }
        state.beginTentative()
        state.commit([try create(names[1], .txt, "\"v=spf1 -all\""), try create(names[0], .mx, "10 mx.example.")])
        state.keepTentative()
        agrees()
        state.beginTentative()
        state.commit([try create(names[2], .txt, "\"v=DMARC1; p=none\""), try create(names[1], .mx, "10 mx.example.")])
        agrees()
        state.rollbackTentative()
        agrees()
        #expect(state.firstPlannedCreate(at: names[1], type: .txt) != nil)
        #expect(state.firstPlannedCreate(at: names[2], type: .txt) == nil)
    }

    @Test("a sender's two changes of one record are one operation; an earlier sender's change stays its own")
    func replacementsCoalesceWithinOneSender() throws {
        let origin = try DomainName(parsing: "example.com.")
        let zone = try Self.smallZone()
        guard let spf = zone.records(at: origin, type: .txt).first else {
            Issue.record("no SPF record")
            return
        }
        func replace(_ text: String) throws -> RecordOperation {
            RecordOperation(
                owner: origin,
                kind: .replace(existing: spf, rdata: try RData(type: .txt, presentation: text), presentation: text))
        }
        var state = ZoneState(zone: zone)
        state.beginTentative()
        state.commit([try replace("\"v=spf1 include:a.example -all\"")])
        state.keepTentative()
        state.beginTentative()
        state.commit([try replace("\"v=spf1 include:a.example include:b.example -all\"")])
        state.commit([try replace("\"v=spf1 include:b.example -all\"")])
        state.keepTentative()
        #expect(state.operations.count == 2)
        guard case .replace(_, let rdata, _) = state.operations.last?.kind else {
            Issue.record("not a replacement")
            return
        }
        #expect(rdata.presentation == "\"v=spf1 include:b.example -all\"")
        #expect(state.records(at: origin, type: .txt).map { $0.rdata.presentation } == [rdata.presentation])
    }

    @Test("a refused sender's creates and replacements at a name are taken back, whatever was decoded between")
    func rollbackAfterDecoding() throws {
        let origin = try DomainName(parsing: "example.com.")
        let zone = ZoneLoader.load(
            text: ZoneStateTypedRecordsTests.duplicatesText, options: LoadOptions(origin: origin))
        var untouched = ZoneState(zone: zone)
        let before = ZoneStateTypedRecordsTests.shown(untouched.records(at: origin))
        guard let spf = zone.records(at: origin, type: .txt).first else {
            Issue.record("no SPF record")
            return
        }
        func create(_ type: RRType, _ text: String) throws -> RecordOperation {
            RecordOperation(
                owner: origin,
                kind: .create(
                    type: type, rdata: try RData(type: type, presentation: text), ttl: nil, presentation: text))
        }
        var state = ZoneState(zone: zone)
        state.beginTentative()
        // A create among records not decoded yet, then the MX decoded (an exact duplicate left out), a replacement
        // (the name's records saved with the create among them), and one more create.
        state.commit([try create(.txt, "\"v=DMARC1; p=none\"")])
        #expect(state.records(at: origin, type: .mx).count == 2)
        let merged = "\"v=spf1 include:a.example -all\""
        state.commit([
            RecordOperation(
                owner: origin,
                kind: .replace(existing: spf, rdata: try RData(type: .txt, presentation: merged), presentation: merged)),
            try create(.mx, "30 mx"),
        ])
        state.rollbackTentative()
        #expect(ZoneStateTypedRecordsTests.shown(state.records(at: origin)) == before)
        #expect(state.operations.isEmpty)
        #expect(state.firstPlannedCreate(at: origin, type: .txt) == nil)
        // The next sender's create is planned as in a state that never saw the refused one.
        state.beginTentative()
        state.commit([try create(.mx, "40 mx")])
        state.keepTentative()
        #expect(state.firstPlannedCreate(at: origin, type: .mx) != nil)
        #expect(ZoneStateTypedRecordsTests.shown(state.records(at: origin)).count == before.count + 1)
    }
}

/// The records of one type at a name, decoded without the name's other types, against all of the name's
/// records decoded at once (the general path), on every real zone.
@Suite("Zone state, records by type")
struct ZoneStateTypedRecordsTests {
    /// What a test compares of a state record: the zone's record it stands for (with where it is written),
    /// its type, RDATA and TTL.
    static func shown(_ records: [StateRecord]) -> [String] {
        records.map { record in
            let written = record.existing?.source.map { "\($0.path):\($0.entryIndex)" } ?? "planned"
            return "\(record.type) \(record.rdata.presentation) \(record.ttl) \(written)"
        }
    }

    /// The small zone with exact duplicates: of TXT and MX at the apex among other records, and of its A alone.
    static let duplicatesText =
        ZoneStateTests.zoneText + """
            @ MX 10 mx
            @ TXT "v=spf1 -all"
            @ TXT "other"
            @ MX 10 mx
            @ MX 20 mx
            ns A 192.0.2.53

            """

    @Test("records(at:type:) and firstRecord(at:type:) give the filtered records(at:), on every real zone")
    func typedRecordsAgreeWithAllRecords() throws {
        var asked = 0
        var duplicates = 0
        // The real zones, and a zone written with exact duplicates (of two types at one name, and alone).
        let origin = try DomainName(parsing: "example.com.")
        let duplicated = ZoneLoader.load(text: Self.duplicatesText, options: LoadOptions(origin: origin))
        for (zoneName, origin, zone) in try ZoneStateTests.corpusZones().map({
            ($0.corpusCase.name, $0.origin, $0.zone)
        })
            + [("duplicates", origin, duplicated)]
        {
            var typed = ZoneState(zone: zone)
            var whole = ZoneState(zone: zone)
            for name in ZoneStateTests.names(of: zone, origin: origin) {
                let all = whole.records(at: name)
                let types = Set(zone.recordIndices(at: name).map { zone.type(ofRecord: $0) }).union([.cname, .txt])
                if all.count < zone.recordIndices(at: name).count { duplicates += 1 }
                // Each type asked on its own, in an order of the name's own (by mnemonic), then all of them.
                for type in types.sorted(by: { $0.mnemonic < $1.mnemonic }) {
                    let wanted = Self.shown(all.filter { $0.type == type })
                    #expect(Self.shown(typed.records(at: name, type: type)) == wanted, "\(zoneName): \(name)")
                    #expect(
                        Self.shown(typed.firstRecord(at: name, type: type).map { [$0] } ?? [])
                            == Array(wanted.prefix(1)), "\(zoneName): \(name) \(type)")
                    asked += 1
                }
                #expect(Self.shown(typed.records(at: name)) == Self.shown(all), "\(zoneName): \(name)")
                #expect(typed.holdsRecords(at: name) == !all.isEmpty, "\(zoneName): \(name)")
            }
        }
        #expect(asked > 1000)
        // Exact duplicates (one record, as BIND reads them) are among the names compared.
        #expect(duplicates > 0)
    }

    @Test("rrsetTTL(at:type:) is the TTL of the RRset's first zone record, else its first create, on every real zone")
    func rrsetTTLAgreesWithTheRecords() throws {
        let txt = "\"v=spf1 -all\""
        let mx = "10 mx.example."
        var joinedZone = 0
        var joinedPlan = 0
        var asked = 0
        for (corpusCase, origin, zone) in try ZoneStateTests.corpusZones() {
            let names = ZoneStateTests.names(of: zone, origin: origin)
            var state = ZoneState(zone: zone)
            // Creates at every third name, committed before any name is read: a TXT with the zone's default TTL
            // (nil) and an MX with its own.
            var operations: [RecordOperation] = []
            for (index, name) in names.enumerated() where index % 3 == 0 {
                operations.append(
                    RecordOperation(
                        owner: name,
                        kind: .create(
                            type: .txt, rdata: try RData(type: .txt, presentation: txt), ttl: nil, presentation: txt)))
                operations.append(
                    RecordOperation(
                        owner: name,
                        kind: .create(
                            type: .mx, rdata: try RData(type: .mx, presentation: mx), ttl: 600, presentation: mx)))
            }
            state.beginTentative()
            state.commit(operations)
            state.keepTentative()
            for name in names {
                let types = Set(zone.recordIndices(at: name).map { zone.type(ofRecord: $0) }).union([.txt, .mx])
                for type in types.sorted(by: { $0.mnemonic < $1.mnemonic }) {
                    // Asked first, so the name's records of the type are decoded by it.
                    let fast = state.rrsetTTL(at: name, type: type)
                    let records = state.records(at: name, type: type)
                    var reference: UInt32?? = nil
                    if let existing = records.first(where: { $0.existing != nil }) {
                        reference = .some(existing.ttl)
                        joinedZone += 1
                    } else if records.contains(where: { $0.existing == nil }),
                        let create = state.firstPlannedCreate(at: name, type: type),
                        case .create(_, _, let ttl, _) = create.kind
                    {
                        reference = .some(ttl)
                        joinedPlan += 1
                    }
                    #expect(fast == reference, "\(corpusCase.name): \(name) \(type)")
                    asked += 1
                }
            }
        }
        #expect(asked > 1000)
        // Both answers are among those compared: the zone's RRset, and a create of the plan's alone.
        #expect(joinedZone > 100)
        #expect(joinedPlan > 100)
    }

    @Test("each name's records are its own whatever name was asked before it, on every real zone")
    func namesAskedInTurnKeepTheirRecords() throws {
        var asked = 0
        for (corpusCase, origin, zone) in try ZoneStateTests.corpusZones() {
            let names = ZoneStateTests.names(of: zone, origin: origin)
            guard let first = names.first else { continue }
            var state = ZoneState(zone: zone)
            // Every name asked right after the first one, and the first one right after it: the name asked just
            // before is another name each time (the state keeps the last one it looked up).
            for name in names {
                var reference = ZoneState(zone: zone)
                var firstReference = ZoneState(zone: zone)
                #expect(
                    Self.shown(state.records(at: name)) == Self.shown(reference.records(at: name)),
                    "\(corpusCase.name): \(name)")
                #expect(
                    Self.shown(state.records(at: first, type: .txt))
                        == Self.shown(firstReference.records(at: first, type: .txt)), "\(corpusCase.name): \(name)")
                #expect(
                    Self.shown(state.firstRecord(at: name, type: .cname).map { [$0] } ?? [])
                        == Self.shown(reference.records(at: name, type: .cname).prefix(1).map { $0 }),
                    "\(corpusCase.name): \(name)")
                asked += 1
            }
        }
        #expect(asked > 1000)
    }

    @Test("a record planned before the name's zone records of its type are read comes after them")
    func plannedBeforeTheZoneRecordsAreRead() throws {
        let origin = try DomainName(parsing: "example.com.")
        let zone = try ZoneStateTests.smallZone()
        let text = "\"v=DMARC1; p=none\""
        var state = ZoneState(zone: zone)
        #expect(state.holdsRecords(at: origin))
        state.beginTentative()
        state.commit([
            RecordOperation(
                owner: origin,
                kind: .create(
                    type: .txt, rdata: try RData(type: .txt, presentation: text), ttl: 300, presentation: text)
            )
        ])
        state.keepTentative()
        #expect(
            state.records(at: origin, type: .txt).map { $0.rdata.presentation } == ["\"v=spf1 -all\"", text])
        #expect(state.records(at: origin).map(\.type) == [.soa, .ns, .txt, .txt])
        // The apex records the editor is handed are the zone's, decoded.
        #expect(state.apexRecords?.count == 3)
    }

    @Test("a zone record replaced or removed before its name's other types are read")
    func replacedAndRemovedBeforeTheOtherTypesAreRead() throws {
        let origin = try DomainName(parsing: "example.com.")
        let zone = try ZoneStateTests.smallZone()
        let spf = try #require(zone.records(at: origin, type: .txt).first)
        let ns = try #require(zone.records(at: origin, type: .ns).first)
        let text = "\"v=spf1 include:a.example -all\""
        var state = ZoneState(zone: zone)
        state.beginTentative()
        state.commit([
            RecordOperation(
                owner: origin,
                kind: .replace(existing: spf, rdata: try RData(type: .txt, presentation: text), presentation: text)),
            RecordOperation(owner: origin, kind: .remove(existing: ns)),
        ])
        state.keepTentative()
        #expect(state.records(at: origin).map { $0.rdata.presentation }.dropFirst() == [text])
        #expect(state.records(at: origin, type: .ns).isEmpty)
    }
}
