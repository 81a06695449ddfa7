import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// The editor's short cuts in choosing where a new record goes, held to the general path: the last mail
/// record of a domain found from the end (only the records after it built), and an SPF version told from
/// a TXT string's octets.
struct ZoneEditorAnchorTests {
    @Test("the last mail record of each domain of every real zone is the last of its mail records, all built")
    func lastMailRecordAgreesWithAllBuilt() throws {
        var found = 0
        for (corpusCase, origin, zone) in try ZoneStateTests.corpusZones() {
            let editor = ZoneEditor(zone: zone, origin: origin)
            let all = zone.records
            var domains: [DomainName] = []
            var seen = Set<DomainName>()
            for record in all {
                for domain in [record.owner, ZoneEditor.mailDomain(of: record.owner)].compactMap({ $0 })
                where seen.insert(domain).inserted {
                    domains.append(domain)
                }
            }
            for domain in domains {
                let expected = all.filter { record in
                    [.mx, .spf, .txt].contains(record.type)
                        && (record.owner == domain || ZoneEditor.mailDomain(of: record.owner) == domain)
                        && editor.isMailRecord(record)
                }.last
                let last = editor.lastMailRecord(of: domain)
                #expect(last == expected, "\(corpusCase.name): \(domain)")
                #expect(last?.source == expected?.source, "\(corpusCase.name): \(domain) source")
                if last != nil { found += 1 }
            }
        }
        #expect(found > 20, "only \(found) domains with mail records")
    }

    /// Where a new owner's records go, worked out with every record of each name built (the rule as
    /// `ZoneEditor.anchorRecord(for:)` states it); nil stands for the end of the apex block.
    static func anchorWithAllBuilt(_ editor: ZoneEditor, zone: Zone, origin: DomainName, owner: DomainName) -> Record? {
        func written(_ records: [Record]) -> [Record] { records.filter { $0.source.map { !$0.generated } ?? false } }
        let own = written(zone.records(at: owner))
        if let last = own.last(where: { editor.isMailRecord($0) }) { return last }
        if !own.isEmpty { return owner == origin ? nil : own.last }
        if let domain = ZoneEditor.mailDomain(of: owner), let last = editor.lastMailRecord(of: domain) { return last }
        var ancestor = owner.parent
        while let name = ancestor, name.isSubdomain(of: origin) {
            let records = written(zone.records(at: name))
            if !records.isEmpty {
                let mail = records.filter { $0.type == .mx || $0.type == .txt }
                if name != origin, let last = mail.last ?? records.last { return last }
                if name == origin, let last = mail.last, last.source?.fileIndex != 0 { return last }
                break
            }
            ancestor = name.parent
        }
        return nil
    }

    /// A zone whose names hold their mail records before others, with a `$GENERATE`d
    /// name: the corners the real zones seldom have (a nearest ancestor whose last record is not a mail record).
    static let craftedZone = """
        $TTL 3600
        @\tIN\tSOA\tns1 hostmaster 1 7200 3600 1209600 300
        \tIN\tNS\tns1
        \tIN\tTXT\t"site-verification=1"
        ; hosts
        ns1\tIN\tA\t192.0.2.1
        mail\tIN\tMX\t10 mx.mail
        \tIN\tTXT\t"v=spf1 -all"
        \tIN\tA\t192.0.2.2
        shop\tIN\tTXT\t"hello"
        \tIN\tA\t192.0.2.3
        \tIN\tMX\t5 mx.shop
        \tIN\tAAAA\t2001:db8::3
        _dmarc.shop\tIN\tTXT\t"v=DMARC1; p=none"
        $GENERATE 1-3 host$\tIN\tA\t192.0.2.$
        web\tIN\tA\t192.0.2.9
        """

    /// The crafted zone and every real zone of the corpus, each with its name and origin.
    static func zones() throws -> [(name: String, origin: DomainName, zone: Zone)] {
        let crafted = try TestZone(craftedZone, origin: "crafted.example.", path: "db.crafted")
        return [("crafted", crafted.origin, crafted.zone)]
            + (try ZoneStateTests.corpusZones().map { ($0.corpusCase.name, $0.origin, $0.zone) })
    }

    @Test("the anchor of a new record, records looked at from the last back, is the one found with all built")
    func anchorAgreesWithAllBuilt() throws {
        var compared = 0
        for (name, origin, zone) in try Self.zones() {
            // The apex records decoded as asked for, and all of them given by the zone state.
            let editor = ZoneEditor(zone: zone, origin: origin)
            var state = ZoneState(zone: zone)
            _ = state.records(at: origin)
            let given = ZoneEditor(zone: zone, origin: origin, apexRecords: state.apexRecords)
            var owners: [DomainName] = [origin]
            var seen = Set<DomainName>([origin])
            for owner in zone.records.map(\.owner) where owner.isSubdomain(of: origin) {
                let derived = ["_dmarc", "s1._domainkey", "new-host", "a.b"].compactMap { try? owner.prepending($0) }
                for candidate in [owner] + derived where seen.insert(candidate).inserted {
                    owners.append(candidate)
                }
            }
            for owner in owners {
                guard let anchor = try? editor.anchorRecord(for: owner) else { continue }
                let expected =
                    try Self.anchorWithAllBuilt(editor, zone: zone, origin: origin, owner: owner)
                    ?? editor.apexBlockEnd()
                #expect(anchor == expected, "\(name): \(owner)")
                #expect(anchor.source == expected.source, "\(name): \(owner) source")
                let fromGiven = try given.anchorRecord(for: owner)
                #expect(fromGiven == anchor && fromGiven.source == anchor.source, "\(name): \(owner) given")
                compared += 1
            }
        }
        #expect(compared > 500, "only \(compared) owners compared")
    }

    /// The end of the apex block as `ZoneEditor.apexBlockEnd()` states it, worked out with every apex record
    /// built: the last record of the first run of apex records in the top file, crossing blank lines and
    /// `$TTL` lines, and a comment only for NS lines.
    static func apexBlockEndWithAllBuilt(_ zone: Zone, origin: DomainName) -> Record? {
        guard let top = zone.files.first else { return nil }
        let apex = zone.records(at: origin).filter { $0.source?.fileIndex == 0 && $0.source?.generated == false }
        guard var last = apex.first, let start = last.source?.entryIndex else { return nil }
        var comment = false
        for index in (start + 1)..<top.entries.count {
            let entry = top.entries[index]
            let text = top.source.text(entry.range)
            if entry.kind == .trivia {
                comment = comment || text.contains(";")
                continue
            }
            if entry.kind == .directive, text.uppercased().hasPrefix("$TTL ") || text.uppercased().hasPrefix("$TTL\t") {
                continue
            }
            guard entry.kind == .record, let record = apex.first(where: { $0.source?.entryIndex == index }),
                !comment || record.type == .ns
            else { break }
            last = record
            comment = false
        }
        return last
    }

    @Test("the end of the apex block, found from where records are written, is the one found with all built")
    func apexBlockEndAgreesWithAllBuilt() throws {
        var compared = 0
        for (name, origin, zone) in try Self.zones() {
            let expected = Self.apexBlockEndWithAllBuilt(zone, origin: origin)
            let found = try? ZoneEditor(zone: zone, origin: origin).apexBlockEnd()
            #expect(found == expected && found?.source == expected?.source, "\(name)")
            if expected != nil { compared += 1 }
        }
        #expect(compared > 30, "only \(compared) apex blocks compared")
    }

    @Test("an SOA serial read from its field's digits is the one decoded from the SOA's data, on every zone")
    func serialFromItsDigitsIsTheDecodedOne() throws {
        var read = 0
        // Every real zone and every file of the conformance corpus (SOAs written in many ways).
        var zones = try ZoneStateTests.corpusZones().map(\.zone)
        let corpus = DeclarationFixtures.testsDirectory.deletingLastPathComponent()
            .appendingPathComponent("ZoneFileTests/Fixtures/corpus")
        let files = FileManager.default.enumerator(atPath: corpus.path)?.compactMap { $0 as? String } ?? []
        for relative in files.sorted() where !relative.hasPrefix("LICENSES") && !relative.hasSuffix(".md") {
            var isDirectory: ObjCBool = false
            let path = corpus.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            zones.append(ZoneLoader.load(path: path, options: LoadOptions()))
        }
        for zone in zones {
            for soa in zone.records(ofTypes: [.soa]) {
                guard let source = soa.source, !source.generated,
                    let layout = RecordLayout(file: zone.files[source.fileIndex], entryIndex: source.entryIndex),
                    layout.rdata.count == 7
                else { continue }
                let bytes = zone.files[source.fileIndex].source.bytes
                guard let serial = ZoneEditor.serial(written: layout.rdata[2], in: bytes) else { continue }
                #expect(serial == soa.rdata.soaSerial, "\(source.path): \(serial)")
                read += 1
            }
        }
        #expect(read > 100, "only \(read) serials read")
    }

    /// Whether a record is a mail record, told from its owner's labels and its first string's octets where
    /// they are, is what the mail domain and the decoded strings say, for every record of the real zones.
    @Test("a mail record told in place is the one told from the mail domain and the decoded strings")
    func mailRecordToldInPlaceAgreesWithTheDecodedStrings() throws {
        var mail = 0
        for (_, _, zone) in try ZoneStateTests.corpusZones() {
            for record in zone.records {
                var expected = false
                if record.source.map({ !$0.generated }) ?? false {
                    switch record.type {
                    case .mx, .spf: expected = true
                    case .txt:
                        expected =
                            ZoneEditor.mailDomain(of: record.owner) != nil
                            || Self.startsWithSPFVersionAsText(record.rdata.characterStrings.first ?? [])
                    default: expected = false
                    }
                }
                #expect(ZoneEditor.isMailRecord(record) == expected, "\(record)")
                if expected && record.type == .txt { mail += 1 }
            }
        }
        #expect(mail > 20, "only \(mail) mail TXT records")
    }

    /// The text rule the octet rule stands for: the first string decoded (invalid UTF-8 replaced) and
    /// lower-cased.
    static func startsWithSPFVersionAsText(_ string: [UInt8]) -> Bool {
        String(decoding: string, as: UTF8.self).lowercased().hasPrefix("v=spf")
    }

    @Test("an SPF version told from the octets is the one told from the lower-cased text")
    func spfVersionOctetsAgreeWithText() throws {
        var strings: [[UInt8]] = [
            "v=spf1 -all", "V=SPF1 include:x", "v=Spf1", "v=spf", "v=sp", "", "v", "vv=spf1", " v=spf1",
            "V=SPFİ", "İv=spf1", "\u{212A}v=spf1", "v=ſpf1", "v=\u{0301}spf1", "v=spf1\u{00E9}", "\u{FF56}=spf1",
        ].map { Array($0.utf8) }
        strings += [[0xFF, 0x76, 0x3D, 0x73, 0x70, 0x66], [0x76, 0x3D, 0x73, 0x70, 0x66, 0xC3], [0x56, 0x3D, 0xC5]]
        for (_, _, zone) in try ZoneStateTests.corpusZones() {
            for record in zone.records(ofTypes: [.txt, .spf]) { strings += record.rdata.characterStrings }
        }
        var spf = 0
        for string in strings {
            let expected = Self.startsWithSPFVersionAsText(string)
            #expect(ZoneEditor.startsWithSPFVersion(string) == expected, "\(string)")
            if expected { spf += 1 }
        }
        #expect(spf > 10)
    }
}
