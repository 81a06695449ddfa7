import Foundation
import Testing
import ZoneFile

/// ZoneFile as another Swift project sees it: only `import ZoneFile`, no `@testable`, so every call here
/// is public API. Load a zone from text and from a file, read its records and their typed RDATA, find
/// records by owner, read diagnostics with their line and column, and edit the text losslessly: insert
/// a record in the file's style, change RDATA, delete a record; every byte not edited stays.
@Suite struct ZoneFileAPITests {
    /// A small zone written the way people write them: tabs, relative owners, an owner-less line,
    /// a comment, a long DKIM key in parentheses.
    static let text = """
        $ORIGIN example.com.
        $TTL 3600
        @\tIN\tSOA\tns1 hostmaster ( 2026120601 7200 3600 1209600 300 )
        \tIN\tNS\tns1
        \tIN\tNS\tns2.example.net.
        \tIN\tMX\t10 mx1 ; primary
        \tIN\tTXT\t"v=spf1 mx -all"
        ns1\tIN\tA\t192.0.2.53
        mx1\tIN\tA\t192.0.2.25
        www\tIN\tCNAME\tns1
        sel._domainkey\tIN\tTXT\t( "v=DKIM1; k=rsa; "
        \t\t\t\t"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A" )

        """

    static let origin: DomainName = {
        do { return try DomainName(parsing: "example.com.") } catch { preconditionFailure("\(error)") }
    }()

    static func load(_ text: String = text) -> Zone {
        ZoneLoader.load(text: text, path: "db.example.com", options: LoadOptions(origin: origin))
    }

    static func name(_ text: String) throws -> DomainName { try DomainName(parsing: text, origin: origin) }

    // MARK: Loading

    @Test func loadFromText() throws {
        let zone = Self.load()
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(zone.origin == Self.origin)
        #expect(zone.recordCount == 9)
        #expect(zone.files.count == 1)
        #expect(zone.files[0].source.path == "db.example.com")
    }

    @Test func loadFromAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ZoneFileAPITests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.example.com").path
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))

        let zone = ZoneLoader.load(path: path, options: LoadOptions(origin: Self.origin))
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(zone.records.map(\.description) == Self.load().records.map(\.description))
        #expect(zone.records.first?.source?.path == path)
    }

    // MARK: Records

    @Test func iterateRecords() throws {
        let zone = Self.load()
        var lines: [String] = []
        for record in zone.records {
            lines.append(record.description)
        }
        #expect(
            lines == [
                "example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2026120601 7200 3600 1209600 300",
                "example.com. 3600 IN NS ns1.example.com.",
                "example.com. 3600 IN NS ns2.example.net.",
                "example.com. 3600 IN MX 10 mx1.example.com.",
                "example.com. 3600 IN TXT \"v=spf1 mx -all\"",
                "ns1.example.com. 3600 IN A 192.0.2.53",
                "mx1.example.com. 3600 IN A 192.0.2.25",
                "www.example.com. 3600 IN CNAME ns1.example.com.",
                "sel._domainkey.example.com. 3600 IN TXT \"v=DKIM1; k=rsa; \" \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\"",
            ])
        // Where each was written: file, line and column of its entry.
        let mx = try #require(zone.records(at: Self.origin, type: .mx).first)
        let source = try #require(mx.source)
        #expect(source.path == "db.example.com")
        #expect(source.location.line == 6)
        #expect(source.location.column == 1)
        #expect(!source.explicitTTL)
        #expect(source.origin == Self.origin)
    }

    @Test func typedViews() throws {
        let zone = Self.load()
        let mx = try #require(zone.records(at: Self.origin, type: .mx).first?.rdata.mx)
        #expect(mx.preference == 10)
        #expect(mx.exchange == (try Self.name("mx1")))
        let ns = zone.records(at: Self.origin, type: .ns).compactMap(\.rdata.ns)
        #expect(ns == [try Self.name("ns1"), try Self.name("ns2.example.net.")])
        let cname = try #require(zone.records(at: try Self.name("www"), type: .cname).first?.rdata.cname)
        #expect(cname == (try Self.name("ns1")))
        let dkim = try #require(zone.records(at: try Self.name("sel._domainkey"), type: .txt).first?.rdata.txt)
        #expect(
            dkim.map { String(decoding: $0, as: UTF8.self) } == [
                "v=DKIM1; k=rsa; ", "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A",
            ])
        let soa = try #require(zone.records(at: Self.origin, type: .soa).first?.rdata.soa)
        #expect(soa.mname == (try Self.name("ns1")))
        #expect(soa.rname == (try Self.name("hostmaster")))
        #expect(
            [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum] == [
                2_026_120_601, 7200, 3600, 1_209_600, 300,
            ])
        // A view of another type is nil, not a misreading.
        #expect(zone.records(at: Self.origin, type: .soa).first?.rdata.mx == nil)
        // RDATA from presentation text, compared by meaning (names case-insensitively).
        #expect(
            try RData(type: .mx, presentation: "10 MX1.example.com.")
                == zone.records(at: Self.origin, type: .mx)[0].rdata)
    }

    @Test func ownerLookupsThroughTheIndex() throws {
        let zone = Self.load()
        #expect(zone.records(at: Self.origin).map(\.type) == [.soa, .ns, .ns, .mx, .txt])
        #expect(zone.records(at: try Self.name("ns1"), type: .a).map(\.rdata.presentation) == ["192.0.2.53"])
        #expect(zone.records(at: try Self.name("nowhere")).isEmpty)
        // Names are compared as DNS does: ASCII case ignored.
        #expect(zone.records(at: try Self.name("NS1")).count == 1)
        // An empty non-terminal exists; a name with nothing at or below it does not.
        #expect(zone.exists(try Self.name("_domainkey")))
        #expect(!zone.exists(try Self.name("_dmarc")))
        // Positions in the record table, to look at owners and types without building records.
        let indices = zone.recordIndices(at: Self.origin, type: .ns)
        #expect(indices.map { zone.type(ofRecord: $0) } == [.ns, .ns])
        #expect(
            indices.map { zone.record(index: $0).rdata.ns } == [
                try Self.name("ns1"), try Self.name("ns2.example.net."),
            ])
        #expect(zone.owners.count == 5)
    }

    // MARK: Diagnostics

    @Test func diagnosticsNameFileLineAndColumn() throws {
        let broken = Self.text.replacingOccurrences(of: "mx1\tIN\tA\t192.0.2.25", with: "mx1\tIN\tA\t192.0.2.256")
        let zone = Self.load(broken)
        #expect(zone.hasErrors)
        let error = try #require(zone.errors.first)
        #expect(error.severity == .error)
        #expect(error.file == "db.example.com")
        // Lines and columns count from 1; a column counts bytes (a tab is one), as BIND and compilers do.
        #expect(error.location?.line == 9)
        #expect(error.location?.column == 10)
        #expect(error.description.hasPrefix("db.example.com:9:10: error: A RDATA: bad IPv4 address"))
        // The broken line is kept, byte for byte; the other records are read.
        #expect(zone.files[0].bytes == Array(broken.utf8))
        #expect(zone.records(at: try Self.name("ns1"), type: .a).count == 1)
        #expect(DiagnosticFormatter(color: false).format(error) == error.description)
    }

    // MARK: Lossless editing

    @Test func roundTripIsByteIdentical() throws {
        let zone = Self.load()
        #expect(zone.files[0].bytes == Array(Self.text.utf8))
        // The syntax layer alone, without records, gives the same bytes back, CRLF and all.
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let (syntax, diagnostics) = ZoneFileSyntax.parse(SourceFile(path: "crlf", bytes: Array(crlf.utf8)))
        #expect(diagnostics.isEmpty)
        #expect(syntax.bytes == Array(crlf.utf8))
        #expect(syntax.lineEnding == "\r\n")
        #expect(syntax.entries.map(\.kind).filter { $0 == .record }.count == 9)
    }

    @Test func insertChangeAndDeleteAsSmallestEdits() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let writer = RecordWriter(zone: zone)

        // Insert: a DMARC record after the apex TXT, written like it (tab columns, class field, relative owner).
        let spf = try #require(zone.records(at: Self.origin, type: .txt).first)
        let dmarc = RecordWriter.NewRecord(
            owner: try Self.name("_dmarc"), type: .txt,
            rdata: try RData(type: .txt, presentation: "\"v=DMARC1; p=none\""))
        let insertion = try writer.insertion(of: [dmarc], after: spf)
        #expect(insertion.fileIndex == 0)
        #expect(
            String(decoding: insertion.edit.replacement, as: UTF8.self) == "_dmarc\tIN\tTXT\t\"v=DMARC1; p=none\"\n")

        // Change RDATA: only the RDATA bytes of the MX line; its comment stays.
        let mx = try #require(zone.records(at: Self.origin, type: .mx).first)
        let change = try writer.replacingRData(
            of: mx, with: try RData(type: .mx, presentation: "20 mx1", origin: Self.origin))
        #expect(String(decoding: change.edit.replacement, as: UTF8.self) == "20 mx1.example.com.")

        // Delete: the CNAME line, whole.
        let www = try #require(zone.records(at: try Self.name("www"), type: .cname).first)
        let removal = file.removal(ofEntry: try #require(www.source?.entryIndex))

        let edits = [insertion.edit, change.edit] + removal
        let edited = try SourceEdit.apply(edits, to: file.source.bytes)
        let expected = Self.text
            .replacingOccurrences(of: "\tIN\tMX\t10 mx1 ; primary", with: "\tIN\tMX\t20 mx1.example.com. ; primary")
            .replacingOccurrences(
                of: "\tIN\tTXT\t\"v=spf1 mx -all\"\n",
                with: "\tIN\tTXT\t\"v=spf1 mx -all\"\n_dmarc\tIN\tTXT\t\"v=DMARC1; p=none\"\n"
            )
            .replacingOccurrences(of: "www\tIN\tCNAME\tns1\n", with: "")
        #expect(String(decoding: edited, as: UTF8.self) == expected)

        // The edited text means the old records plus exactly the changes.
        let reloaded = ZoneLoader.load(bytes: edited, path: "db.example.com", options: LoadOptions(origin: Self.origin))
        #expect(reloaded.diagnostics.isEmpty, "\(reloaded.diagnostics)")
        #expect(reloaded.records(at: try Self.name("_dmarc"), type: .txt).map(\.ttl) == [3600])
        #expect(reloaded.records(at: Self.origin, type: .mx).compactMap(\.rdata.mx?.preference) == [20])
        #expect(reloaded.records(at: try Self.name("www")).isEmpty)
        #expect(reloaded.recordCount == zone.recordCount)
    }

    /// Edits are checked against each other: two that touch the same bytes are refused, not merged.
    @Test func overlappingEditsAreRefused() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let entry = try #require(zone.records(at: Self.origin, type: .mx).first?.source?.entryIndex)
        let change = try #require(file.replacingRData(ofEntry: entry, with: "20 mx1"))
        #expect(throws: SourceEditError.self) {
            try SourceEdit.apply([change] + file.removal(ofEntry: entry), to: file.source.bytes)
        }
    }
}
