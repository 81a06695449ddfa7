import Foundation
import Testing

@testable import ZoneFile

/// A load writes into the buffers and check tables an earlier load leaves behind (`LoaderScratch`): what
/// it reads must not depend on what they held. Every corpus file and real zone is loaded in fresh buffers
/// and in those of a load that filled each of them (many owners, CNAME and other data, duplicates, apex
/// keys, the general RDATA reader, lexical problems), and the two zones compared.
@Suite struct LoaderScratchTests {
    /// A zone that writes into every part of the scratch: more owners and records than a small zone's
    /// tables start with, owners met again, CNAMEs beside other data, exact duplicates, a second SOA,
    /// DNSKEY and CDNSKEY at the apex, RDATA that only the general reader reads (`\#`, a LOC), a long TXT
    /// and an unbalanced quote.
    static let dirtying: [UInt8] = {
        var text = "$ORIGIN dirty.example.\n$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n\tNS ns\n"
        text += "@ SOA ns2 hostmaster 9 2 3 4 5\n"
        text +=
            "@ DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n"
        text +=
            "@ CDNSKEY 257 3 13 AAAAUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n"
        for index in 0..<600 {
            text += "host\(index) A 192.0.2.\(index % 250)\n\tAAAA 2001:db8::\(index)\n"
            if index % 7 == 0 { text += "host\(index) CNAME elsewhere.example.\n" }
            if index % 11 == 0 { text += "host\(index) A 192.0.2.\(index % 250)\n" }
            if index % 13 == 0 { text += "host\(index) TYPE65534 \\# 4 0A000001\n" }
            if index % 17 == 0 { text += "host\(index) LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m\n" }
        }
        text +=
            "long TXT \"" + String(repeating: "x", count: 250) + "\" \"" + String(repeating: "y", count: 250) + "\"\n"
        text += "broken TXT \"no end\n"
        return Array(text.utf8)
    }()

    /// The scratch a load of `dirtying` leaves behind.
    static func dirtyScratch() -> LoaderScratch {
        var state = LoaderState(options: LoadOptions(), zonePath: "dirty.zone", scratch: LoaderScratch())
        state.loadTop(path: "dirty.zone", source: SourceFile(path: "dirty.zone", bytes: dirtying))
        _ = state.finish()
        return state.scratch
    }

    /// `bytes` loaded as the zone file at `path` in the buffers of `scratch`.
    static func load(_ bytes: [UInt8], path: String, scratch: LoaderScratch) -> Zone {
        var state = LoaderState(options: LoadOptions(), zonePath: path, scratch: scratch)
        state.loadTop(path: path, source: SourceFile(path: path, bytes: bytes))
        return state.finish()
    }

    /// Whether two loads of one text read the same zone: records, diagnostics and what the checks kept.
    static func same(_ fresh: Zone, _ reused: Zone) -> Bool {
        fresh.records == reused.records && fresh.diagnostics == reused.diagnostics
            && fresh.recordCount == reused.recordCount && fresh.checkKeys == reused.checkKeys
            && fresh.repeatedKeys == reused.repeatedKeys && fresh.names.count == reused.names.count
    }

    @Test("the dirtying zone fills the tables a small zone's load starts with")
    func dirtyingFillsTheScratch() {
        let scratch = Self.dirtyScratch()
        // Past the room of a fresh scratch and of a small zone's reservations: the tables grew.
        #expect(scratch.checks.octets > LoaderScratch().checks.octets + 4096)
        #expect(scratch.fieldText.count > 0 && scratch.generalWire.count > 0 && scratch.problems.count > 0)
        // Its own load in its own leftovers reads the same zone.
        #expect(
            Self.same(
                Self.load(Self.dirtying, path: "d", scratch: LoaderScratch()),
                Self.load(Self.dirtying, path: "d", scratch: scratch)))
    }

    @Test("every corpus file and real zone reads the same in an earlier load's buffers as in fresh ones")
    func corpusReadsTheSame() throws {
        let files = TestPaths.corpusAndRealZoneFiles()
        #expect(files.count > 50)
        var differing: [String] = []
        for url in files {
            let bytes = try [UInt8](Data(contentsOf: url))
            let fresh = Self.load(bytes, path: url.lastPathComponent, scratch: LoaderScratch())
            let reused = Self.load(bytes, path: url.lastPathComponent, scratch: Self.dirtyScratch())
            if !Self.same(fresh, reused) { differing.append(url.lastPathComponent) }
        }
        #expect(differing.isEmpty, "read differently: \(differing.prefix(10))")
    }
}
