import Testing

@testable import ZoneFile

/// Byte-range edits: the new text is as intended and every byte outside the edited ranges is unchanged.
@Suite struct EditTests {
    static let text = """
        ; example.com — hand written\r
        $TTL 1h\r
        $ORIGIN example.com.\r
        @\tIN\tSOA\tns1 hostmaster ( 1 2 3 4 5 ) ; soa\r
        \tIN\tNS\tns1\r
        \r
        ns1\tIN\tA\t192.0.2.1 ; the server\r
        \tIN\tAAAA\t2001:db8::1\r
        spf\t300\tIN\tTXT\t"v=spf1 -all" ; keep this comment\r
        dkim\tIN\tTXT\t( "v=DKIM1; k=rsa; "\r
        \t\t\t"p=ABC" ) ; key\r
        last\tIN\tA\t192.0.2.9
        """

    static func load() -> Zone { ZoneLoader.load(text: text, path: "db.example.com") }

    /// Asserts that `new` equals `old` outside `range` (in old offsets) shifted by the replacement length.
    static func unchangedOutside(_ old: [UInt8], _ new: [UInt8], _ range: Range<Int>, _ replacementCount: Int) -> Bool {
        let suffixCount = old.count - range.upperBound
        return Array(new.prefix(range.lowerBound)) == Array(old.prefix(range.lowerBound))
            && Array(new.suffix(suffixCount)) == Array(old.suffix(suffixCount))
            && new.count == old.count - range.count + replacementCount
    }

    func entry(_ zone: Zone, _ owner: String, _ type: RRType) throws -> Int {
        let record = try #require(zone.records(at: try DomainName(parsing: owner), type: type).first)
        return try #require(record.source?.entryIndex)
    }

    @Test func loadsCleanly() {
        let zone = Self.load()
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(zone.files[0].lineEnding == "\r\n")
    }

    @Test func replaceRDataKeepsCommentAndLayout() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let index = try entry(zone, "spf.example.com.", .txt)
        let edit = try #require(file.replacingRData(ofEntry: index, with: "\"v=spf1 include:qcloudmail.com -all\""))
        let new = try SourceEdit.apply([edit], to: file.source.bytes)
        #expect(
            String(decoding: new, as: UTF8.self).contains(
                "spf\t300\tIN\tTXT\t\"v=spf1 include:qcloudmail.com -all\" ; keep this comment\r\n"))
        #expect(Self.unchangedOutside(Array(file.source.bytes), new, edit.range, edit.replacement.count))
        let reloaded = ZoneLoader.load(bytes: new, path: "db")
        #expect(
            reloaded.records(at: try DomainName(parsing: "spf.example.com."), type: .txt).map(\.rdata.presentation)
                == ["\"v=spf1 include:qcloudmail.com -all\""])
    }

    @Test func replaceMultiLineRDataKeepsParenthesesAndComment() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let index = try entry(zone, "dkim.example.com.", .txt)
        let edit = try #require(file.replacingRData(ofEntry: index, with: "\"v=DKIM1; k=rsa; \"\r\n\t\t\t\"p=XYZ\""))
        let new = try SourceEdit.apply([edit], to: file.source.bytes)
        #expect(
            String(decoding: new, as: UTF8.self).contains(
                "dkim\tIN\tTXT\t( \"v=DKIM1; k=rsa; \"\r\n\t\t\t\"p=XYZ\" ) ; key\r\n"))
        #expect(Self.unchangedOutside(Array(file.source.bytes), new, edit.range, edit.replacement.count))
    }

    @Test func replaceOrInsertTTL() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let spf = try #require(file.replacingTTL(ofEntry: try entry(zone, "spf.example.com.", .txt), with: "600"))
        #expect(spf.range.count == 3)
        let ns1 = try #require(file.replacingTTL(ofEntry: try entry(zone, "ns1.example.com.", .a), with: "60"))
        let new = try SourceEdit.apply([spf, ns1], to: file.source.bytes)
        let text = String(decoding: new, as: UTF8.self)
        #expect(text.contains("spf\t600\tIN\tTXT"))
        #expect(text.contains("ns1\t60 IN\tA\t192.0.2.1 ; the server"))
    }

    @Test func insertAfterAnEntryUsesTheFileLineEnding() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let index = try entry(zone, "ns1.example.com.", .aaaa)
        let edit = file.insertion(after: index, line: "_dmarc\tIN\tTXT\t\"v=DMARC1; p=none\"")
        let new = try SourceEdit.apply([edit], to: file.source.bytes)
        #expect(
            String(decoding: new, as: UTF8.self).contains(
                "\tIN\tAAAA\t2001:db8::1\r\n_dmarc\tIN\tTXT\t\"v=DMARC1; p=none\"\r\nspf"))
        #expect(Self.unchangedOutside(Array(file.source.bytes), new, edit.range, edit.replacement.count))
    }

    @Test func insertAfterTheLastLineWithoutNewline() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let edit = file.insertion(after: file.entries.count - 1, line: "new\tIN\tA\t192.0.2.10")
        let new = try SourceEdit.apply([edit], to: file.source.bytes)
        #expect(String(decoding: new, as: UTF8.self).hasSuffix("last\tIN\tA\t192.0.2.9\r\nnew\tIN\tA\t192.0.2.10"))
    }

    @Test func removeMovesTheOwnerToAnInheritingLine() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let edits = file.removal(ofEntry: try entry(zone, "ns1.example.com.", .a))
        let new = try SourceEdit.apply(edits, to: file.source.bytes)
        let text = String(decoding: new, as: UTF8.self)
        #expect(text.contains("\r\n\r\nns1\tIN\tAAAA\t2001:db8::1\r\nspf"))
        let reloaded = ZoneLoader.load(bytes: new, path: "db")
        #expect(reloaded.records(at: try DomainName(parsing: "ns1.example.com.")).map(\.type) == [.aaaa])
    }

    @Test func removeAPlainRecord() throws {
        let zone = Self.load()
        let file = zone.files[0]
        let edits = file.removal(ofEntry: try entry(zone, "spf.example.com.", .txt))
        #expect(edits.count == 1)
        let new = try SourceEdit.apply(edits, to: file.source.bytes)
        #expect(Self.unchangedOutside(Array(file.source.bytes), new, edits[0].range, 0))
        #expect(!String(decoding: new, as: UTF8.self).contains("spf"))
    }

    @Test func overlappingEditsAreRefused() {
        let bytes = Array("abcdef".utf8)
        #expect(throws: SourceEditError.overlapping(1..<3, 2..<4)) {
            try SourceEdit.apply(
                [SourceEdit(range: 1..<3, replacement: "x"), SourceEdit(range: 2..<4, replacement: "y")], to: bytes)
        }
    }
}
