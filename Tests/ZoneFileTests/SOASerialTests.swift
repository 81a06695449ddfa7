import Testing

@testable import ZoneFile

/// `RData.soaSerial` reads the serial where it lies in the wire data, building neither name; it answers as
/// the SOA's fields read in full (`soa?.serial`) do, for every SOA of the corpus and for the same data cut
/// short, lengthened or with a label length changed.
@Suite struct SOASerialTests {
    @Test func answersAsTheFieldsDo() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var soas = 0
        var variants = 0
        for (_, _, zone) in try corpus.loadedZones() {
            for index in 0..<zone.store.count where zone.store[index].type == RRType.soa.rawValue {
                let wire = zone.recordData(index: index).rdata.wire
                soas += 1
                var altered: [[UInt8]] = [wire, wire + [0], wire + [0, 0, 0, 0]]
                for length in 0..<wire.count { altered.append(Array(wire[..<length])) }
                for position in wire.indices {
                    for octet: UInt8 in [0, 1, 63, 64, 0xC0] {
                        var changed = wire
                        changed[position] = octet
                        altered.append(changed)
                    }
                }
                for data in altered {
                    let rdata = RData(type: .soa, wire: data)
                    #expect(rdata.soaSerial == rdata.soa?.serial, "\(data)")
                    variants += 1
                }
            }
        }
        // A name of 255 octets, the longest, and one of 257.
        let label: [UInt8] = [63] + [UInt8](repeating: UInt8(ascii: "a"), count: 63)
        let threeLabels: [UInt8] = label + label + label
        let longest: [UInt8] = threeLabels + [61] + [UInt8](repeating: UInt8(ascii: "a"), count: 61) + [0]
        let tooLong: [UInt8] = threeLabels + label + [0]
        #expect(longest.count == 255)
        for name in [longest, tooLong] {
            let rdata = RData(type: .soa, wire: name + [0] + [UInt8](repeating: 7, count: 20))
            #expect(rdata.soaSerial == rdata.soa?.serial)
        }
        #expect(soas > 100, "only \(soas) SOA records in the corpus")
        #expect(variants > 10_000)
    }
}
