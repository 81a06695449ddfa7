import Testing

@testable import ZoneFile

/// The loader writes each record's RDATA after the last one's in one reused buffer, starting over
/// past `LoaderState.wireReuse`, and copies the general reader's RDATA into the same buffer
/// (`LoaderState.startRData(room:)`, `encodeGeneralRData`). What the zone checks see of a record's
/// RDATA must be that record's alone, wherever in the buffer it was written: a zone far larger than
/// the buffer, its common types (written in place) mixed with CAA (the general reader), written three
/// times — the second time the same, the third time each value changed — has exactly the second
/// copy's records as duplicates.
@Suite struct RDataWireReuseTests {
    static let owners = 1_500

    static func lines(_ index: Int, changed: Bool) -> String {
        let owner = "h\(index)"
        let quad = "10.\(index / 256 % 256).\(index % 256).\(changed ? 2 : 1)"
        let text = String(repeating: changed ? "u" : "t", count: 100) + "\(index)"
        return """
            \(owner) A \(quad)
            \(owner) AAAA 2001:db8:\(changed ? 1 : 0)::\(String(index, radix: 16))
            \(owner) MX \(changed ? 20 : 10) mx\(index)
            \(owner) TXT "\(text)" "second \(index)"
            \(owner) CAA 0 issue "ca\(index)\(changed ? "b" : "a").example"
            \(owner) PTR host\(index)\(changed ? "b" : "").example.net.

            """
    }

    @Test("only the repeated records are duplicates, across many rounds of the wire buffer")
    func duplicatesAcrossBufferRounds() throws {
        var text = "$TTL 300\n@ SOA ns hostmaster 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.53\n"
        for changed in [false, false, true] {
            for index in 0..<Self.owners { text += Self.lines(index, changed: changed) }
        }
        // Several times the size past which the buffer starts over.
        #expect(text.utf8.count > 20 * LoaderState.wireReuse)
        for keepRecords in [true, false] {
            var options = LoadOptions(origin: try DomainName(parsing: "example."))
            options.keepRecords = keepRecords
            let zone = ZoneLoader.load(text: text, options: options)
            #expect(zone.errors.isEmpty, "\(zone.errors.prefix(3))")
            let duplicates = zone.diagnostics.filter { $0.id == "zone.duplicate-record" }
            #expect(duplicates.count == 6 * Self.owners)
            // Every duplicate is in the second copy: its lines follow the apex's four and the first copy's.
            let perOwner = Self.lines(0, changed: false).filter { $0 == "\n" }.count
            let firstCopy = (4 + 1)...(4 + perOwner * Self.owners)
            let secondCopy = (firstCopy.upperBound + 1)...(firstCopy.upperBound + perOwner * Self.owners)
            #expect(duplicates.allSatisfy { secondCopy.contains($0.location?.line ?? 0) })
        }
    }
}
