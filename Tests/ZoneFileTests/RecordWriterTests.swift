import Foundation
import Testing

@testable import ZoneFile

/// The record writer on zones people keep: a new line is written like its neighbour (tabs or spaces,
/// columns, inherited or relative owner, TTL and class only where the neighbour has them), long TXT
/// values in parentheses like the zone's other multi-line records; new RDATA touches only the RDATA.
@Suite struct RecordWriterTests {
    /// A zone of the real-zone fixtures (`Tests/MailZoneTests/Fixtures/RealZones`, sources in each SOURCE file).
    static func realZone(_ directory: String, _ file: String, origin: String) throws -> Zone {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/MailZoneTests/Fixtures/RealZones")
            .appendingPathComponent(directory).appendingPathComponent(file)
        return ZoneLoader.load(
            bytes: Array(try Data(contentsOf: url)), path: file,
            options: LoadOptions(origin: try DomainName(parsing: origin)))
    }

    /// A zone of the conformance corpus (`Tests/ZoneFileTests/Fixtures/corpus`, see its NOTICE.md).
    static func corpusZone(_ path: String, origin: String) throws -> Zone {
        let url = TestPaths.corpus.appendingPathComponent(path)
        return ZoneLoader.load(
            bytes: Array(try Data(contentsOf: url)), path: path,
            options: LoadOptions(origin: try DomainName(parsing: origin)))
    }

    static func record(_ zone: Zone, _ owner: String, _ type: RRType, last: Bool = false) throws -> Record {
        let records = zone.records(at: try DomainName(parsing: owner), type: type)
        return try #require(last ? records.last : records.first)
    }

    static func new(_ owner: String, _ type: RRType, _ rdata: String, ttl: UInt32? = nil) throws
        -> RecordWriter.NewRecord
    {
        RecordWriter.NewRecord(
            owner: try DomainName(parsing: owner), type: type, rdata: try RData(type: type, presentation: rdata),
            ttl: ttl, presentation: type == .txt ? nil : rdata)
    }

    /// One writer asked for line after line, following one neighbour several times in a row and then others
    /// (it keeps the layout of the line it last followed), writes what a fresh writer writes each time.
    @Test func aWriterFollowingLinesInTurnWritesWhatAFreshOneWrites() throws {
        let zones = [
            try Self.realZone("jmainguy-jmainguy-com", "roles/dns/files/jmainguy.com", origin: "jmainguy.com."),
            try Self.realZone("bsdlp-sjchen-com-compiled", "nsd/compiled/sjchen.com.zone", origin: "sjchen.com."),
            try Self.realZone("ocf-io", "etc/zones/db.ocf.io", origin: "ocf.io."),
        ]
        var compared = 0
        for zone in zones {
            let writer = RecordWriter(zone: zone)
            let written = zone.records.filter { $0.source.map { !$0.generated } ?? false }
            // Each neighbour twice, then back to the one before it: the kept layout is used and replaced.
            var neighbours: [Record] = []
            for (index, record) in written.enumerated() {
                neighbours += [record, record]
                if index > 0 { neighbours.append(written[index - 1]) }
            }
            for (index, neighbour) in neighbours.enumerated() {
                let owner = index % 2 == 0 ? neighbour.owner : try neighbour.owner.prepending("_dmarc")
                let record = RecordWriter.NewRecord(
                    owner: owner, type: .txt, rdata: try RData(type: .txt, presentation: "\"v=DMARC1; p=none\""))
                let line = try writer.line(for: record, like: neighbour)
                #expect(line == (try RecordWriter(zone: zone).line(for: record, like: neighbour)), "\(neighbour)")
                compared += 1
            }
        }
        #expect(compared > 100, "only \(compared) lines compared")
    }

    /// Applies `edit` to its file and reloads the zone's top file: what the new text means.
    static func reload(_ zone: Zone, _ fileIndex: Int, _ edit: SourceEdit) throws -> (text: String, zone: Zone) {
        let bytes = try SourceEdit.apply([edit], to: zone.files[fileIndex].source.bytes)
        let reloaded = ZoneLoader.load(bytes: bytes, path: "reloaded", options: LoadOptions(origin: zone.origin))
        return (String(decoding: bytes, as: UTF8.self), reloaded)
    }

    // MARK: Tabs, inherited owners

    /// nono.io (a `named-compilezone` dump): owner-less apex lines indented with three tabs, fields
    /// separated by one tab. A new apex record inherits the owner too; a new name is written relative
    /// to the `$ORIGIN` in force, in the tab columns.
    @Test func tabsAndInheritedOwnersInADump() throws {
        let zone = try Self.realZone(
            "cunnie-nono-io", "named_chroot/usr/local/etc/namedb/dynamic/nono.io", origin: "nono.io.")
        #expect(!zone.hasErrors, "\(zone.errors)")
        let writer = RecordWriter(zone: zone)
        let mx = try Self.record(zone, "nono.io.", .mx)
        #expect(
            try writer.line(for: Self.new("nono.io.", .mx, "20 mailsec.protonmail.ch."), like: mx)
                == "\t\t\tMX\t20 mailsec.protonmail.ch.")
        let dmarc = try Self.record(zone, "_dmarc.nono.io.", .txt)
        #expect(
            try writer.line(for: Self.new("_mta-sts.nono.io.", .txt, "\"v=STSv1; id=1\""), like: dmarc)
                == "_mta-sts\t\tTXT\t\"v=STSv1; id=1\"")
    }

    /// The inherited-owner line joins its neighbour's owner where the edit lands, and the reloaded zone
    /// holds exactly one more record, at the apex, with the zone's default TTL (`$TTL 300`).
    @Test func insertedLineInheritsTheApexOwner() throws {
        let zone = try Self.realZone(
            "cunnie-nono-io", "named_chroot/usr/local/etc/namedb/dynamic/nono.io", origin: "nono.io.")
        let writer = RecordWriter(zone: zone)
        let mx = try Self.record(zone, "nono.io.", .mx)
        let (fileIndex, edit) = try writer.insertion(
            of: [Self.new("nono.io.", .mx, "20 mailsec.protonmail.ch.")], after: mx)
        let (text, reloaded) = try Self.reload(zone, fileIndex, edit)
        #expect(text.contains("\t\t\tMX\t10 mail.protonmail.ch.\n\t\t\tMX\t20 mailsec.protonmail.ch.\n\t\t\tTXT\t"))
        #expect(reloaded.records.count == zone.records.count + 1)
        let added = reloaded.records(at: try DomainName(parsing: "nono.io."), type: .mx)
        #expect(added.map(\.rdata.presentation) == ["10 mail.protonmail.ch.", "20 mailsec.protonmail.ch."])
        #expect(added.map(\.ttl) == [300, 300])
    }

    // MARK: Spaces, aligned columns

    /// jmainguy.com aligns its fields with spaces (owner 16 wide, class 11, type 8): a new name lines
    /// up in the same columns; a new apex MX as well.
    @Test func spaceAlignedColumns() throws {
        let zone = try Self.realZone("jmainguy-jmainguy-com", "roles/dns/files/jmainguy.com", origin: "jmainguy.com.")
        #expect(!zone.hasErrors, "\(zone.errors)")
        let writer = RecordWriter(zone: zone)
        let mx = try Self.record(zone, "jmainguy.com.", .mx, last: true)
        #expect(
            try writer.line(for: Self.new("_dmarc.jmainguy.com.", .txt, "\"v=DMARC1; p=none\""), like: mx)
                == "_dmarc          IN         TXT     \"v=DMARC1; p=none\"")
        #expect(
            try writer.line(for: Self.new("jmainguy.com.", .mx, "40 mx.example.net."), like: mx)
                == "@               IN         MX      40 mx.example.net.")
    }

    /// dnspython's example zone separates fields by one space and writes a TTL on every line: one space
    /// it is, and the TTL of the RRset the record joins (300), not the neighbour's own.
    @Test func singleSpacesAndATTLColumn() throws {
        let zone = try Self.corpusZone("dnspython/example1.good", origin: "example.")
        let writer = RecordWriter(zone: zone)
        let a01 = try Self.record(zone, "a01.example.", .a)
        #expect(a01.ttl == 3600)
        #expect(try writer.line(for: Self.new("a.example.", .txt, "\"bar\""), like: a01) == "a 300 IN TXT \"bar\"")
        #expect(
            try writer.line(for: Self.new("mail.example.", .mx, "10 mx.example.", ttl: 60), like: a01)
                == "mail 60 IN MX 10 mx.example.")
    }

    // MARK: Absolute owners, TTL columns

    /// sjchen.com (an NSD dump) writes every owner in full and a TTL on every line, after tabs and
    /// spaces (the TTL starts in column 46). A new line keeps the TTL field (the SOA MINIMUM when the zone
    /// has no `$TTL`), reaching the column with tabs, the separator's first character (to 48, the first tab
    /// stop past 46); it writes its owner relative to the origin in force, or in full where the writer is
    /// told the origin differs.
    @Test func absoluteOwnersAndATTLColumn() throws {
        let zone = try Self.realZone("bsdlp-sjchen-com-compiled", "nsd/compiled/sjchen.com.zone", origin: "sjchen.com.")
        #expect(!zone.hasErrors, "\(zone.errors)")
        let writer = RecordWriter(zone: zone)
        let mx = try Self.record(zone, "sjchen.com.", .mx, last: true)
        let spf = try Self.new("sjchen.com.", .txt, "\"v=spf1 include:_spf.google.com ~all\"")
        #expect(
            try writer.line(for: spf, like: mx) == "@\t\t\t\t\t\t86400 IN TXT\t\"v=spf1 include:_spf.google.com ~all\"")
        #expect(
            try writer.line(for: spf, like: mx, absoluteOwner: true)
                == "sjchen.com.\t\t\t\t\t86400 IN TXT\t\"v=spf1 include:_spf.google.com ~all\"")
        // Joining the MX RRset: its TTL, 1800.
        #expect(
            try writer.line(for: Self.new("sjchen.com.", .mx, "20 mx.example.net."), like: mx, absoluteOwner: true)
                == "sjchen.com.\t\t\t\t\t1800 IN MX\t20 mx.example.net.")
    }

    // MARK: Parenthesised TXT

    /// A DKIM key longer than one string goes in parentheses, continued with the zone's own indent
    /// (the probe's continuation lines start with one tab).
    @Test func longTXTValueInParenthesesWithTheZonesIndent() throws {
        let zone = try Self.corpusZone("probes/txt-multi-paren.zone", origin: "example.com.")
        let writer = RecordWriter(zone: zone)
        #expect(writer.continuationIndent == "\t")
        let ns1 = try Self.record(zone, "ns1.example.com.", .a)
        let key = String(repeating: "A", count: 250)
        let line = try writer.line(
            for: Self.new("new._domainkey.example.com.", .txt, "\"v=DKIM1; k=rsa; \" \"p=\(key)\""), like: ns1)
        #expect(line == "new._domainkey IN TXT ( \"v=DKIM1; k=rsa; \"\n\t\"p=\(key)\" )")
    }

    /// New RDATA of several strings inside a record's parentheses: one string a line, indented like the
    /// record's own second line; the parentheses and the comment after them stay, nothing else moves.
    @Test func replacingParenthesisedTXTKeepsParenthesesAndComment() throws {
        let zone = try Self.corpusZone("probes/txt-multi-paren.zone", origin: "example.com.")
        let writer = RecordWriter(zone: zone)
        let dkim = try Self.record(zone, "sel._domainkey.example.com.", .txt)
        let rdata = try RData(type: .txt, presentation: "\"v=DKIM1; k=rsa; \" \"p=NEW\" \"KEY\"")
        let (fileIndex, edit) = try writer.replacingRData(of: dkim, with: rdata)
        let (text, reloaded) = try Self.reload(zone, fileIndex, edit)
        #expect(
            text.hasSuffix(
                "sel._domainkey TXT ( \"v=DKIM1; k=rsa; \"\n\t\"p=NEW\"\n\t\"KEY\" )\t; comment after paren\n"))
        let old = zone.files[0].source.bytes
        #expect(Array(text.utf8.prefix(edit.range.lowerBound)) == Array(old.prefix(edit.range.lowerBound)))
        #expect(try Self.record(reloaded, "sel._domainkey.example.com.", .txt).rdata == rdata)
    }

    /// ocf.io writes its DKIM key in parentheses with continuation lines that are not indented: a value of
    /// one string replaces the RDATA on one line, keeping `(` `)` around it.
    @Test func replacingWithOneStringInARealZone() throws {
        let zone = try Self.realZone("ocf-io", "etc/zones/db.ocf.io", origin: "ocf.io.")
        let writer = RecordWriter(zone: zone)
        let dkim = try Self.record(zone, "google._domainkey.ocf.io.", .txt)
        let (fileIndex, edit) = try writer.replacingRData(
            of: dkim, with: try RData(type: .txt, presentation: "\"v=DKIM1; k=rsa; p=SHORT\""))
        let (text, _) = try Self.reload(zone, fileIndex, edit)
        #expect(text.contains("\ngoogle._domainkey IN TXT (\"v=DKIM1; k=rsa; p=SHORT\")\n"))
    }

    // MARK: What cannot be written

    /// A record built in memory, or one of another zone, has no line here to copy: a clear error, not a
    /// guess and not a crash.
    @Test func recordWithoutALineIsAnError() throws {
        let zone = try Self.corpusZone("probes/txt-multi-paren.zone", origin: "example.com.")
        let writer = RecordWriter(zone: zone)
        let owner = try DomainName(parsing: "x.example.com.")
        let detached = Record(owner: owner, ttl: 60, type: .a, rdata: try RData(type: .a, presentation: "192.0.2.1"))
        #expect(throws: RecordWriterError.noLine(owner: owner, type: .a)) {
            try writer.line(for: Self.new("y.example.com.", .a, "192.0.2.2"), like: detached)
        }
        #expect(throws: RecordWriterError.noLine(owner: owner, type: .a)) {
            try writer.replacingRData(of: detached, with: try RData(type: .a, presentation: "192.0.2.2"))
        }
        // A record of another, longer zone points past this zone's entries.
        let other = try Self.realZone("jmainguy-jmainguy-com", "roles/dns/files/jmainguy.com", origin: "jmainguy.com.")
        let foreign = try Self.record(other, "jmainguy.com.", .mx, last: true)
        #expect(throws: RecordWriterError.noLine(owner: foreign.owner, type: .mx)) {
            try writer.insertion(of: [Self.new("y.example.com.", .a, "192.0.2.2")], after: foreign)
        }
    }

    /// Octets that are not UTF-8 text are escaped (`\DDD`), so the line reads back to the same RDATA.
    @Test func nonTextOctetsAreEscaped() throws {
        let zone = try Self.corpusZone("probes/txt-multi-paren.zone", origin: "example.com.")
        let writer = RecordWriter(zone: zone)
        let ns1 = try Self.record(zone, "ns1.example.com.", .a)
        let record = RecordWriter.NewRecord(
            owner: try DomainName(parsing: "bin.example.com."), type: .txt,
            rdata: RData(type: .txt, wire: [4, 0x61, 0xFF, 0x0A, 0x62]))
        let (fileIndex, edit) = try writer.insertion(of: [record], after: ns1)
        let (text, reloaded) = try Self.reload(zone, fileIndex, edit)
        #expect(text.contains("\nbin IN TXT \"a\\255\\010b\"\n"))
        #expect(try Self.record(reloaded, "bin.example.com.", .txt).rdata == record.rdata)
    }
}
