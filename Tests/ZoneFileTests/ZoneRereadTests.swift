import Testing

@testable import ZoneFile

/// Reading an edited zone again sets apart exactly the records whose text differs, wherever the edit is.
@Suite struct ZoneRereadTests {
    static let head = "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\n"

    /// A zone of `count` hosts after the head, one A record each: host0 … hostN.
    static func hosts(_ count: Int) -> [String] {
        (0..<count).map { "host\($0) A 10.0.\($0 / 256).\($0 % 256)\n" }
    }

    static func reread(_ old: String, _ edited: String, excluding: Set<RRType> = [.soa]) -> (
        old: Zone, reread: ZoneReread
    ) {
        let zone = ZoneLoader.load(text: old, path: "db")
        var options = LoadOptions()
        options.overrides = ["db": Array(edited.utf8)]
        return (zone, ZoneLoader.reread(path: "db", options: options, editedFrom: zone, excluding: excluding))
    }

    static func described(_ zone: Zone, _ indexes: [Int]) -> [String] {
        indexes.map { index in
            let data = zone.recordData(index: index)
            return "\(data.owner) \(data.type) \(data.rdata.presentation)"
        }
    }

    @Test func anUnchangedTextPairsEveryRecord() {
        let text = Self.head + Self.hosts(1000).joined()
        let (_, reread) = Self.reread(text, text)
        #expect(reread.onlyOld.isEmpty)
        #expect(reread.onlyNew.isEmpty)
        #expect(reread.edited.diagnostics.isEmpty)
        // The SOA, left out of the pairing, is kept for its serial; nothing else is.
        #expect(reread.edited.records.map(\.type) == [.soa])
    }

    @Test func anInsertedRecordIsTheOnlyNewOne() {
        var lines = Self.hosts(1000)
        let old = Self.head + lines.joined()
        lines.insert("_dmarc.host500 TXT \"v=DMARC1; p=none\"\n", at: 501)
        let (_, reread) = Self.reread(old, Self.head + lines.joined())
        #expect(reread.onlyOld.isEmpty)
        #expect(
            Self.described(reread.edited, reread.onlyNew) == ["_dmarc.host500.example.com. TXT \"v=DMARC1; p=none\""])
    }

    @Test func aReplacedAndARemovedRecordAreSetApart() {
        var lines = Self.hosts(1000)
        let old = Self.head + lines.joined()
        lines[200] = "host200 A 192.0.2.200\n"
        lines.remove(at: 700)
        let (zone, reread) = Self.reread(old, Self.head + lines.joined())
        #expect(
            Self.described(zone, reread.onlyOld) == [
                "host200.example.com. A 10.0.0.200", "host700.example.com. A 10.0.2.188",
            ])
        #expect(Self.described(reread.edited, reread.onlyNew) == ["host200.example.com. A 192.0.2.200"])
    }

    @Test func aRecordWrittenAnotherWayIsSetApartThoughItMeansTheSame() {
        var lines = Self.hosts(10)
        let old = Self.head + lines.joined()
        lines[3] = "host3.example.com. IN A 10.0.0.3 ; the same record\n"
        lines[4] = "HOST4 A 10.0.0.4\n"
        let (zone, reread) = Self.reread(old, Self.head + lines.joined())
        // Written with other fields around the same RDATA text, or another case of the owner, is written alike.
        #expect(reread.onlyOld.isEmpty)
        #expect(reread.onlyNew.isEmpty)
        lines[5] = "host5 A \\# 4 0A000005\n"
        let (_, respelled) = Self.reread(old, Self.head + lines.joined())
        #expect(Self.described(zone, respelled.onlyOld) == ["host5.example.com. A 10.0.0.5"])
        #expect(Self.described(respelled.edited, respelled.onlyNew) == ["host5.example.com. A 10.0.0.5"])
    }

    @Test func aRecordWhoseOwnerOrOriginAnEditChangedIsSetApart() {
        let old = Self.head + "www A 192.0.2.80\n AAAA 2001:db8::80\nmail MX 10 mx\n"
        // A line with an owner put between a record and the next one that inherits its owner moves that record.
        let (zone, moved) = Self.reread(
            old, Self.head + "www A 192.0.2.80\n_dmarc TXT \"v=DMARC1; p=none\"\n AAAA 2001:db8::80\nmail MX 10 mx\n")
        #expect(Self.described(zone, moved.onlyOld) == ["www.example.com. AAAA 2001:db8::80"])
        #expect(
            Self.described(moved.edited, moved.onlyNew)
                == ["_dmarc.example.com. TXT \"v=DMARC1; p=none\"", "_dmarc.example.com. AAAA 2001:db8::80"])
        // A `$ORIGIN` changes what the relative names after it mean, though their text is the same.
        let (_, reorigined) = Self.reread(
            old, Self.head + "www A 192.0.2.80\n AAAA 2001:db8::80\n$ORIGIN sub.example.com.\nmail MX 10 mx\n")
        #expect(Self.described(zone, reorigined.onlyOld) == ["mail.example.com. MX 10 mx.example.com."])
        #expect(
            Self.described(reorigined.edited, reorigined.onlyNew) == ["mail.sub.example.com. MX 10 mx.sub.example.com."]
        )
    }

    @Test func aDuplicatedRecordIsNew() {
        let lines = Self.hosts(100)
        let old = Self.head + lines.joined()
        let (_, reread) = Self.reread(old, Self.head + lines.joined() + lines[40])
        #expect(reread.onlyOld.isEmpty)
        #expect(Self.described(reread.edited, reread.onlyNew) == ["host40.example.com. A 10.0.0.40"])
    }

    @Test func recordsMovedFarStillPairOrAreSetApartOnBothSides() {
        // Past the lookahead the pairing loses track, which costs only comparisons: what is set apart
        // is the same records on both sides.
        let lines = Self.hosts(3 * WrittenRecordPairing.lookahead)
        let old = Self.head + lines.joined()
        let (zone, reversed) = Self.reread(old, Self.head + lines.reversed().joined())
        #expect(
            Self.described(zone, reversed.onlyOld).sorted()
                == Self.described(reversed.edited, reversed.onlyNew).sorted())
        #expect(reversed.onlyOld.count + reversed.onlyNew.count > 0)
        // One record moved from the top to the bottom.
        let (movedZone, moved) = Self.reread(old, Self.head + lines.dropFirst().joined() + lines[0])
        #expect(Self.described(movedZone, moved.onlyOld) == ["host0.example.com. A 10.0.0.0"])
        #expect(Self.described(moved.edited, moved.onlyNew) == ["host0.example.com. A 10.0.0.0"])
    }

    @Test func outOfZoneDataAndGeneratedRecords() {
        let old = Self.head + "$GENERATE 1-50 h$ A 10.1.0.$\nother.org. A 192.0.2.9\nwww A 192.0.2.80\n"
        let (_, same) = Self.reread(old, old)
        #expect(same.onlyOld.isEmpty)
        #expect(same.onlyNew.isEmpty)
        let (zone, changed) = Self.reread(
            old, Self.head + "$GENERATE 1-50 h$ A 10.2.0.$\nother.org. A 192.0.2.9\nwww A 192.0.2.80\n")
        #expect(changed.onlyOld.count == 50)
        #expect(changed.onlyNew.count == 50)
        #expect(Self.described(zone, [changed.onlyOld[0]]) == ["h1.example.com. A 10.1.0.1"])
        #expect(Self.described(changed.edited, [changed.onlyNew[0]]) == ["h1.example.com. A 10.2.0.1"])
    }

    @Test func theExcludedTypesAreKeptAndInNeitherList() throws {
        let old = Self.head + "www A 192.0.2.80\n"
        let (_, reread) = Self.reread(old, old.replacingOccurrences(of: "h 1 2", with: "h 7 2"))
        #expect(reread.onlyOld.isEmpty)
        #expect(reread.onlyNew.isEmpty)
        let origin = try DomainName(parsing: "example.com.")
        #expect(reread.edited.records(at: origin, type: .soa).first?.rdata.soaSerial == 7)
        // Without exclusions the SOA is paired like any record.
        let (_, all) = Self.reread(old, old.replacingOccurrences(of: "h 1 2", with: "h 7 2"), excluding: [])
        #expect(all.onlyOld.count == 1)
        #expect(all.onlyNew.count == 1)
    }

    @Test func theEditedZonesNamesExtendTheOldOnes() {
        var old = NameTable()
        let www = old.intern([3, 0x77, 0x77, 0x77, 0][...])
        var edited = NameTable(extending: old)
        #expect(edited.intern([3, 0x57, 0x57, 0x57, 0][...]) == www)
        let mail = edited.intern([4, 0x6D, 0x61, 0x69, 0x6C, 0][...])
        #expect(mail == 1)
        #expect(edited.count == 2)
        #expect(edited.wire(www) == [3, 0x77, 0x77, 0x77, 0])
        #expect(edited.wire(mail) == [4, 0x6D, 0x61, 0x69, 0x6C, 0])
        #expect(edited.intern([4, 0x4D, 0x41, 0x49, 0x4C, 0][...]) == mail)
    }
}
