import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// The `; mailzone: ...` marker: written, read back, refused with a position when malformed.
@Suite struct OwnershipMarkerTests {
    static let sender = MarkerSender.domain(DeclaredName("news.example.com")!)

    @Test func aRecordMarkerIsWrittenAsTheDocsShowIt() {
        let marker = OwnershipMarker(sender: Self.sender, services: ["sendgrid"])
        #expect(marker.comment == "; mailzone: sender=news.example.com service=sendgrid")
    }

    @Test func anSPFMarkerListsItsTermsAndTheirServices() {
        let marker = OwnershipMarker(
            sender: Self.sender,
            spf: SPFOwnership(
                origin: .merged,
                terms: [
                    ManagedSPFTerm(term: "include:sendgrid.net", services: ["sendgrid"]),
                    ManagedSPFTerm(term: "include:_spf.google.com", services: ["google-workspace", "google-groups"]),
                ]))
        #expect(
            marker.comment
                == "; mailzone: sender=news.example.com spf=merged include:sendgrid.net=sendgrid "
                + "include:_spf.google.com=google-workspace,google-groups")
    }

    @Test(arguments: [
        "; mailzone: sender=news.example.com service=sendgrid",
        "; mailzone: sender=example.com service=google-workspace,tencent-ses",
        "; mailzone: sender=example.com",
        "; mailzone: sender=example.com spf=created include:qcloudmail.com=tencent-ses",
        "; mailzone: sender=example.com spf=merged",
        "; mailzone: sender=@ service=tencent-ses",
        "; mailzone: sender=@ service=postbox.example.mail",
    ])
    func readingAWrittenMarkerGivesItBack(_ comment: String) throws {
        let found = try #require(try OwnershipMarker.find(inComment: comment))
        #expect(found.offset == 0)
        #expect(found.marker.comment == comment)
    }

    @Test func theMarkerMayFollowTheUsersOwnComment() throws {
        let found = try #require(
            try OwnershipMarker.find(inComment: "; our relay ;mailzone: sender=Example.COM. service=in-house"))
        #expect(found.offset == 12)
        #expect(found.marker == OwnershipMarker(sender: .domain(DeclaredName("example.com")!), services: ["in-house"]))
    }

    @Test func aCommentWithoutMarkerHasNone() throws {
        #expect(try OwnershipMarker.find(inComment: "; see mailzone: docs") == nil)
        #expect(try OwnershipMarker.find(inComment: "; serial") == nil)
    }

    @Test(arguments: [
        (
            "; mailzone: service=sendgrid", 11, "the mailzone marker has no sender= field"
        ),
        (
            "; mailzone: sender=example.com owner=me", 31, "unknown field 'owner' in the mailzone marker"
        ),
        (
            "; mailzone: sender=example.com include:a.example=x", 31,
            "the mailzone marker lists SPF terms without spf=created or spf=merged"
        ),
        (
            "; mailzone: sender=example.com service=a,,b", 41, "'' in the mailzone marker is not a service name"
        ),
        (
            "; mailzone: sender=example.com spf=kept", 35,
            "spf=kept in the mailzone marker is not created or merged"
        ),
        (
            "; mailzone: sender=exa mple.com", 23, "'mple.com' in the mailzone marker is not KEY=VALUE"
        ),
        (
            "; mailzone: sender=-bad-.com service=x", 19, "'-bad-.com' in the mailzone marker is not a domain name"
        ),
        (
            "; mailzone: sender=a.example sender=b.example service=x", 29,
            "the mailzone marker names its sender twice"
        ),
        (
            "; mailzone: sender=a.example service=x spf=created", 11,
            "the mailzone marker has both service= and spf="
        ),
    ])
    func aMalformedMarkerIsRefusedAtItsPosition(_ comment: String, _ offset: Int, _ message: String) {
        #expect(throws: OwnershipMarkerError.self) { try OwnershipMarker.find(inComment: comment) }
        do {
            _ = try OwnershipMarker.find(inComment: comment)
        } catch {
            #expect(error.offset == offset, "\(comment)")
            #expect(error.message == message)
        }
    }
}

/// Reading the markers of a loaded zone: which records each sender owns, and where.
@Suite struct ZoneOwnershipTests {
    static let zone = [
        "$ORIGIN example.com.",
        "$TTL 3600",
        "@ IN SOA ns1 hostmaster 2026113001 7200 3600 1209600 300",
        "@ IN NS ns1.example.net.",
        "\tIN MX 10 mxbiz1.qq.com. ; mailzone: sender=example.com service=tencent-ses",
        "\tIN TXT \"v=spf1 mx include:qcloudmail.com -all\" ; ours ; mailzone: sender=example.com spf=merged include:qcloudmail.com=tencent-ses",
        "; mailzone: sender=example.com service=tencent-ses",
        "s1._domainkey IN TXT ( \"v=DKIM1; p=AAAA\"",
        "\t\"BBBB\" ) ; mailzone: sender=news.example.com service=sendgrid",
        "txt IN TXT \"; mailzone: sender=example.com service=x\"",
        "bad IN CNAME target.example.net. ; mailzone: sender=example.com owner=me",
        "",
    ].joined(separator: "\n")

    @Test func eachMarkedRecordIsOwnedByItsSender() throws {
        let zone = ZoneLoader.load(text: Self.zone, path: "db.example.com")
        #expect(!zone.hasErrors, "\(zone.errors)")
        let ownership = ZoneOwnership(zone: zone)
        #expect(ownership.senders == [DeclaredName("example.com")!, DeclaredName("news.example.com")!])
        let owned = ownership.records(ofSender: DeclaredName("example.com")!)
        #expect(owned.map { "\($0.record.type) \($0.location)" } == ["MX db.example.com:5", "TXT db.example.com:6"])
        #expect(owned.first?.marker.services == ["tencent-ses"])
        #expect(owned.last?.marker.spf?.managed("INCLUDE:qcloudmail.com")?.services == ["tencent-ses"])
        // The marker's bytes are exactly the marker, not the user's comment before it.
        let bytes = Array(Self.zone.utf8)
        let range = try #require(owned.last?.markerRange)
        #expect(String(decoding: bytes[range], as: UTF8.self).hasPrefix("; mailzone: sender=example.com spf=merged"))
        // A record over several lines, its marker on the last.
        let dkim = ownership.records(ofSender: DeclaredName("news.example.com")!)
        #expect(dkim.map { "\($0.record.owner) \($0.location.line)" } == ["s1._domainkey.example.com. 8"])
        // Lookup by record.
        let mx = try #require(zone.records(at: try DomainName(parsing: "example.com."), type: .mx).first)
        #expect(ownership.owner(of: mx)?.marker.services == ["tencent-ses"])
    }

    @Test func senderAtIsTheOriginInForceOnTheLine() {
        let text = [
            "$ORIGIN example.com.", "@ 3600 IN SOA ns1 h 1 2 3 4 5", "@ 3600 IN NS ns1.example.net.",
            "$ORIGIN news.example.com.", "@ 3600 IN MX 10 mx.example.net. ; mailzone: sender=@ service=x", "",
        ].joined(separator: "\n")
        let ownership = ZoneOwnership(zone: ZoneLoader.load(text: text, path: "db"))
        #expect(ownership.senders == [DeclaredName("news.example.com")!])
        #expect(ownership.records.first?.marker.sender == .origin)
    }

    @Test func aMarkerInsideAStringOrOnACommentLineOwnsNothing() {
        let ownership = ZoneOwnership(zone: ZoneLoader.load(text: Self.zone, path: "db.example.com"))
        #expect(!ownership.records.contains { $0.record.owner.description.hasPrefix("txt.") })
        #expect(ownership.records.count == 3)
    }

    @Test func aMalformedMarkerIsAWarningAtItsColumnAndOwnsNothing() {
        let ownership = ZoneOwnership(zone: ZoneLoader.load(text: Self.zone, path: "db.example.com"))
        #expect(!ownership.records.contains { $0.record.owner.description.hasPrefix("bad.") })
        #expect(ownership.problems.count == 1)
        let problem = ownership.problems.first
        #expect(
            problem?.message == "unknown field 'owner' in the mailzone marker: mailzone does not manage this record")
        #expect(problem?.location == PlanLocation(file: "db.example.com", line: 11, column: 65))
    }

    /// `markerHits` finds `;` with memchr; every offset it gives is the one a byte-by-byte scan gives,
    /// on the markers above (at the start, the end, after another `;`) and on every real zone file.
    @Test func markerHitsAreWhereAByteScanFindsThem() throws {
        func scanned(_ bytes: [UInt8]) -> [Int] {
            let keyword = Array("mailzone:".utf8)
            return bytes.indices.filter { index in
                guard bytes[index] == UInt8(ascii: ";") else { return false }
                var at = index + 1
                while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 { at += 1 }
                guard at + keyword.count <= bytes.count else { return false }
                return zip(bytes[at..<(at + keyword.count)], keyword).allSatisfy { $0 | 0x20 == $1 | 0x20 }
            }
        }
        var texts = [
            Array(Self.zone.utf8), Array(";mailzone:".utf8), Array(";;\t MAILZONE: x ;".utf8), Array(";".utf8), [],
            Array("a ; mailzone".utf8),
        ]
        for corpusCase in RealZoneCorpus.cases() {
            texts.append(Array(try Data(contentsOf: corpusCase.folder.appendingPathComponent(corpusCase.zone))))
        }
        var hits = 0
        for bytes in texts {
            #expect(ZoneOwnership.markerHits(in: SourceBytes(bytes)) == scanned(bytes))
            hits += scanned(bytes).count
        }
        #expect(hits >= 6)
    }

    @Test func aZoneWithoutMarkersOwnsNothing() {
        let zone = ZoneLoader.load(
            text: "$ORIGIN example.com.\n@ 3600 IN SOA ns1 h 1 2 3 4 5\n@ 3600 IN NS ns1.example.net.\n",
            path: "db")
        let ownership = ZoneOwnership(zone: zone)
        #expect(ownership.records.isEmpty && ownership.problems.isEmpty)
    }
}

/// apply writes markers on what it creates and merges, and the markers survive later edits.
@Suite struct OwnershipMarkerApplyTests {
    static let zone = [
        "$ORIGIN example.com.", "$TTL 3600", "@ IN SOA ns1 hostmaster 2026113001 7200 3600 1209600 300",
        "@ IN NS ns1.example.net.", "@ IN TXT \"v=spf1 mx -all\" ; our own servers", "",
    ].joined(separator: "\n")

    static func lines(_ directory: URL) throws -> [String] {
        try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")).components(separatedBy: "\n")
    }

    @Test func applyMarksWhatItCreatesAndTheTermsItMerges() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": Self.zone,
        ])
        _ = try await ApplySupport.apply(in: directory)
        let lines = try Self.lines(directory)
        #expect(
            lines[4]
                == "@ IN TXT \"v=spf1 mx include:qcloudmail.com -all\" ; our own servers ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses"
        )
        #expect(lines.contains("@ IN MX 10 mxbiz1.qq.com. ; mailzone: sender=@ service=tencent-ses"))
        #expect(lines.filter { $0.contains("; mailzone: sender=@ service=tencent-ses") }.count == 3)
        let zone = ZoneLoader.load(path: directory.appendingPathComponent("zones/db.example.com").path)
        let owned = ZoneOwnership(zone: zone).records(ofSender: DeclaredName("example.com")!)
        #expect(owned.map(\.record.type) == [.txt, .mx, .txt, .txt])
        let again = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        #expect(!again.plan.hasChanges && !again.plan.hasProblems)
    }

    @Test func aReplacedKeyKeepsItsMarker() async throws {
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": Self.zone,
        ])
        _ = try await ApplySupport.apply(in: directory)
        try Data(ApplyTests.declaration(dkim: ApplyTests.key2).utf8).write(
            to: directory.appendingPathComponent("mailzone.yaml"))
        _ = try await ApplySupport.apply(in: directory)
        let lines = try Self.lines(directory)
        let start = try #require(lines.firstIndex { $0.hasPrefix("qcloud._domainkey") })
        #expect(lines.filter { $0.hasPrefix("qcloud._domainkey") }.count == 1)
        #expect(lines[start].contains(ApplyTests.key2.prefix(20)))
        // The key is written over two lines; the marker stays after the closing parenthesis.
        #expect(lines[start + 1].hasSuffix("\" ) ; mailzone: sender=@ service=tencent-ses"))
    }

    @Test func mergingAgainRewritesTheMarkerInPlace() async throws {
        let marked = Self.zone.replacingOccurrences(
            of: "; our own servers",
            with: "; our own servers ; mailzone: sender=example.com spf=merged")
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": marked,
        ])
        _ = try await ApplySupport.apply(in: directory)
        #expect(
            try Self.lines(directory)[4]
                == "@ IN TXT \"v=spf1 mx include:qcloudmail.com -all\" ; our own servers ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses"
        )
    }
}
