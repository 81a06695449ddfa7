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
