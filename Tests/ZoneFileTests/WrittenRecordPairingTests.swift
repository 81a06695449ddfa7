import Foundation
import Testing

@testable import ZoneFile

/// `WrittenRecordPairing.pair` looks for a record's old twin among the old records of its owner alone (the
/// owner index); it must pair exactly as a look at every old record of the lookahead in turn does, on every
/// zone of the corpus and the real zones with includes, fed their own records in edited orders (some left out,
/// some moved past the lookahead, some twice, some of another owner's text).
struct WrittenRecordPairingTests {
    /// The pairing as it was: every old record from the cursor on, as far as the lookahead goes, compared in turn.
    struct Scan {
        let old: Zone
        var cursor = 0
        var unpaired: [Int] = []

        func takesPart(_ index: Int) -> Bool {
            let slot = old.store[index]
            return !slot.flags.contains(.outOfZone) && slot.type != RRType.soa.rawValue
        }

        func alike(_ index: Int, as other: Int) -> Bool {
            let slot = old.store[index]
            let twin = old.store[other]
            return slot.type == twin.type && slot.owner == twin.owner && text(of: index) == text(of: other)
                && old.store.origin(of: index) == old.store.origin(of: other)
        }

        func text(of index: Int) -> [UInt8] {
            let slot = old.store[index]
            let bytes =
                slot.flags.contains(.generated)
                ? SourceBytes(old.generatedText) : old.files[Int(slot.file)].source.bytes
            return Array(bytes[old.store.rdataRange(of: index)])
        }

        mutating func pair(_ record: Int) -> Bool {
            guard old.store[record].type != RRType.soa.rawValue else { return false }
            var index = cursor
            var looked = 0
            while index < old.store.count, looked <= WrittenRecordPairing.lookahead {
                if takesPart(index) {
                    if alike(index, as: record) {
                        for skipped in cursor..<index where takesPart(skipped) { unpaired.append(skipped) }
                        cursor = index + 1
                        return true
                    }
                    looked += 1
                }
                index += 1
            }
            return false
        }

        func unpairedRest() -> [Int] {
            unpaired + (cursor..<old.store.count).filter(takesPart)
        }
    }

    /// The zone's records (in-zone ones) in an edited order: a few left out, a few moved far down, a few twice.
    static func editedOrder(_ zone: Zone) -> [Int] {
        var order = (0..<zone.store.count).filter { !zone.store[$0].flags.contains(.outOfZone) }
        var moved: [Int] = []
        var position = 0
        var edited: [Int] = []
        while position < order.count {
            let index = order[position]
            switch position % 97 {
            case 3: break  // left out
            case 11: moved.append(index)  // put back further down, often past the lookahead
            case 29: edited += [index, index]
            default: edited.append(index)
            }
            if position % 400 == 399 || position == order.count - 1 {
                edited += moved
                moved = []
            }
            position += 1
        }
        order = edited
        return order
    }

    static func expectAgreement(_ zone: Zone, _ label: String) -> Int {
        var pairing = WrittenRecordPairing(old: zone, excluding: [.soa])
        var scan = Scan(old: zone)
        var paired = 0
        for index in editedOrder(zone) {
            let slot = zone.store[index]
            let text =
                slot.flags.contains(.generated)
                ? SourceBytes(zone.generatedText) : zone.files[Int(slot.file)].source.bytes
            let found = pairing.pair(
                owner: slot.owner, type: RRType(slot.type), origin: zone.store.origin(of: index), text: text,
                rdata: zone.store.rdataRange(of: index))
            let expected = scan.pair(index)
            #expect(found == expected, "\(label): record \(index)")
            #expect(pairing.cursor == scan.cursor, "\(label): cursor after record \(index)")
            if expected { paired += 1 }
        }
        #expect(pairing.unpairedRest() == scan.unpairedRest(), "\(label): records left unpaired")
        return paired
    }

    @Test("pairing by the owner index pairs as a scan of the lookahead does")
    func agreesWithAScan() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var paired = 0
        for (item, _, zone) in try corpus.loadedZones() {
            paired += Self.expectAgreement(zone, item.file)
        }
        for included in try ZoneRereadSkippingTests.loadedIncludingZones() {
            paired += Self.expectAgreement(included.zone, included.path)
        }
        // A zone of hosts long enough for records moved past the lookahead.
        let hosts = (0..<2_000).map { "host\($0) A 10.0.\($0 / 256).\($0 % 256)\nhost\($0) TXT \"t\($0 % 3)\"\n" }
        let zone = ZoneLoader.load(text: ZoneRereadTests.head + hosts.joined(), path: "db")
        paired += Self.expectAgreement(zone, "hosts")
        #expect(paired > 10_000, "only \(paired) records paired")
    }
}
