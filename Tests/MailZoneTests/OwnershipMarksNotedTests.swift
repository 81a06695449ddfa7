import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// The ownership markers a plan's load notes as it reads (`LoadOptions.commentMark`) give the ownership that
/// searching the whole text for them gives (`ZoneOwnership.markerHits`), which is what reads a zone loaded
/// without them: on every zone of the examples, on the real zones, and on crafted zones with markers where a
/// search finds what is no marker.
@Suite struct OwnershipMarksNotedTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every zone file under `examples/` and the real zones (a file named `db.ORIGIN`, or any file of a
    /// `zones` folder), with the origin its name gives (the root otherwise).
    static func zoneFiles() -> [(path: String, origin: DomainName)] {
        var found: [(String, DomainName)] = []
        for folder in ["examples", "Tests/MailZoneTests/Fixtures/RealZones"] {
            let root = packageRoot.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let url as URL in walk {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let name = url.lastPathComponent
                guard
                    name.hasPrefix("db.") || url.deletingLastPathComponent().lastPathComponent == "zones"
                        || name.hasSuffix(".zone")
                else { continue }
                let origin =
                    name.hasPrefix("db.") ? (try? DomainName(parsing: String(name.dropFirst(3)) + ".")) ?? .root : .root
                found.append((url.path, origin))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The zone at `path` loaded as a plan loads it, with and without the markers noted.
    static func loadedBothWays(
        path: String, origin: DomainName, bytes: [UInt8]? = nil, overrides: [String: [UInt8]] = [:]
    ) -> (noted: Zone, searched: Zone) {
        var noted = Planner.loadOptions(origin: origin, includeRoot: nil)
        noted.overrides = overrides
        var searched = noted
        searched.commentMark = []
        if let bytes {
            return (
                ZoneLoader.load(bytes: bytes, path: path, options: noted),
                ZoneLoader.load(bytes: bytes, path: path, options: searched)
            )
        }
        return (ZoneLoader.load(path: path, options: noted), ZoneLoader.load(path: path, options: searched))
    }

    static func expectSameOwnership(_ noted: Zone, _ searched: Zone, _ label: String) {
        for file in noted.files {
            #expect(file.commentsMarked(with: OwnershipMarker.keywordBytes) != nil, "\(label): \(file.source.path)")
        }
        #expect(searched.files.allSatisfy { $0.commentsMarked(with: OwnershipMarker.keywordBytes) == nil })
        let fast = ZoneOwnership(zone: noted)
        let slow = ZoneOwnership(zone: searched)
        #expect(fast.records == slow.records, "\(label): owned records")
        #expect(fast.problems == slow.problems, "\(label): marker problems")
    }

    @Test("the markers noted as an example or real zone is read give the ownership a search of its text gives")
    func examplesAndRealZones() {
        var owned = 0
        var zones = 0
        for (path, origin) in Self.zoneFiles() {
            let (noted, searched) = Self.loadedBothWays(path: path, origin: origin)
            Self.expectSameOwnership(noted, searched, path)
            owned += ZoneOwnership(zone: searched).records.count
            zones += 1
        }
        #expect(zones > 20, "only \(zones) zones")
        #expect(owned > 50, "only \(owned) owned records")
    }

    @Test(
        "a marker after other text in a comment, in an included file, or malformed is noted; a search's others are not markers"
    )
    func craftedZones() throws {
        let included = """
            inc TXT "v=spf1 -all" ; mailzone: sender=inc.example.com spf=created
            inc2 MX 10 mx.example.net. ; x;mailzone: sender=inc2.example.com service=google-workspace

            """
        let text = """
            $ORIGIN example.com.
            $TTL 300
            @ SOA ns1 h 1 2 3 4 5
            @ NS ns1
            @ TXT "v=spf1 ; mailzone: sender=@ -all" ; a plain comment
            @ MX 10 mx ; a note ; MAILZONE: sender=@ service=google-workspace
            w TXT "a;mailzone:b"
            w2 TXT "a\\;mailzone: sender=@" ; no marker here
            x TXT ( "long"
                "text" ) ; mailzone: sender=x service=google-workspace
            y A 192.0.2.1 ;	mailzone: bogus-field=1
            ; mailzone: sender=@ on a line of its own
            $INCLUDE included.zone
            z TXT "after" ; mailzone: sender=z.example.com service=google-workspace ; mailzone: again

            """
        let (noted, searched) = Self.loadedBothWays(
            path: "crafted.zone", origin: try DomainName(parsing: "example.com."), bytes: Array(text.utf8),
            overrides: ["included.zone": Array(included.utf8)])
        #expect(noted.files.count == 2, "\(noted.diagnostics)")
        Self.expectSameOwnership(noted, searched, "crafted")
        // Five markers on records and one malformed: the quoted and escaped `;` are none, nor a comment line.
        let ownership = ZoneOwnership(zone: searched)
        #expect(ownership.records.count + ownership.problems.count == 6, "\(ownership.records) \(ownership.problems)")
    }
}
