import Foundation
import MailAuth
import Testing

@testable import MailZone

/// Senders go to the zone with the longest matching origin; names become the seed's host records.
@Suite struct DeclarationZoneAssignmentTests {
    private func name(_ text: String) throws -> DeclaredName { try #require(DeclaredName(text)) }

    private func zone(_ origin: String) throws -> ZoneDeclaration {
        let location = YAMLLocation(file: "m.yaml", line: 1, column: 1)
        return ZoneDeclaration(
            location: location, origin: Located(try name(origin), at: location),
            file: Located("db", at: location), directory: URL(fileURLWithPath: "/"))
    }

    @Test func longestSuffixWins() throws {
        let zones = ZoneIndex([try zone("example.com."), try zone("sub.example.com"), try zone("com.example")])
        #expect(zones.zone(for: try name("a.sub.example.com"))?.origin.value.text == "sub.example.com")
        #expect(zones.zone(for: try name("SUB.Example.COM."))?.origin.value.text == "sub.example.com")
        #expect(zones.zone(for: try name("other.example.com"))?.origin.value.text == "example.com")
        #expect(zones.zone(for: try name("badexample.com")) == nil)
        #expect(zones.zone(for: try name("example.net")) == nil)
    }

    @Test(arguments: [
        ("sampledomain.com", "@", "@", "sampledomain.com."),
        ("sampledomain.com", "_dmarc", "_dmarc", "_dmarc.sampledomain.com."),
        ("sampledomain.com", "qcloud._domainkey", "qcloud._domainkey", "qcloud._domainkey.sampledomain.com."),
        ("abc.sampledomain.com", "@", "abc", "abc.sampledomain.com."),
        ("abc.sampledomain.com", "_dmarc", "_dmarc.abc", "_dmarc.abc.sampledomain.com."),
        ("abc.sampledomain.com", "mail._domainkey", "mail._domainkey.abc", "mail._domainkey.abc.sampledomain.com."),
        ("x.abc.sampledomain.com", "_dmarc", "_dmarc.x.abc", "_dmarc.x.abc.sampledomain.com."),
    ])
    func hostRecords(sender: String, presetName: String, relative: String, absolute: String) throws {
        let owner = try #require(
            ZoneAssignment.owner(
                forPresetName: presetName, sender: try name(sender),
                origin: try name("sampledomain.com.")))
        #expect(owner.relative == relative)
        #expect(owner.name.absolute == absolute)
    }

    @Test func ownerWithoutZone() throws {
        let owner = try #require(
            ZoneAssignment.owner(forPresetName: "_dmarc", sender: try name("a.example"), origin: nil))
        #expect(owner.relative == nil)
        #expect(owner.description == "_dmarc.a.example.")
    }

    @Test func domainNames() throws {
        #expect(try name("Example.COM").absolute == "example.com.")
        #expect(try name("example.com.") == name("EXAMPLE.com"))
        #expect(DeclaredName("a..b") == nil)
        #expect(DeclaredName("") == nil)
        #expect(DeclaredName(".") == nil)
        #expect(DeclaredName("_dmarc.example.com", allowUnderscore: false) == nil)
        #expect(DeclaredName(String(repeating: "a", count: 64) + ".com") == nil)
        #expect(DeclaredName(String(repeating: "a", count: 63) + ".com") != nil)
        #expect(try name("abc.example.com").relative(to: name("example.com")) == "abc")
        #expect(try name("example.com").relative(to: name("abc.example.com")) == nil)
    }

    @Test("a record's owner from its sender's relative name is the owner made relative again, on every sender")
    func ownersFromTheSendersRelativeName() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var senders: [(domain: DeclaredName, origin: DeclaredName?)] = []
        for example in ExamplesTests.examples {
            let url = ExamplesTests.directory(example).appendingPathComponent("mailzone.yaml")
            let declaration = try DeclarationLoader.load(contentsOf: url, builtInPresets: catalog)
            for (index, sender) in declaration.senders.enumerated() {
                let zone = declaration.senderZones[index].map { declaration.zones[$0].origin.value }
                senders += [(sender.domain.value, zone), (sender.domain.value, nil)]
                senders.append((sender.domain.value, try name("elsewhere.example")))
                if let zone { senders.append((zone, sender.domain.value)) }
            }
        }
        for corpusCase in RealZoneCorpus.cases() {
            let origin = try name(corpusCase.origin)
            senders += [(origin, origin), (try name("\(RealZoneCorpus.newLabel).\(corpusCase.domain)"), origin)]
        }
        #expect(senders.count > 100)
        let presetNames = [
            "@", "_dmarc", "qcloud._domainkey", "s1._domainkey", "em123", "a.b.c", "Mixed.Case", "-bad", "bad-",
            "dot.", "", "a..b", "_spf", "*.x", String(repeating: "x", count: 64), "caf\u{E9}",
            Array(repeating: String(repeating: "y", count: 60), count: 4).joined(separator: "."),
        ]
        for (domain, origin) in senders {
            let senderRelative = origin.flatMap { domain.relative(to: $0) }
            for presetName in presetNames {
                let general = ZoneAssignment.owner(forPresetName: presetName, sender: domain, origin: origin)
                let known = ZoneAssignment.owner(
                    forPresetName: presetName, sender: domain, origin: origin, senderRelative: senderRelative)
                #expect(known == general, "\(presetName) for \(domain) in \(origin?.absolute ?? "no zone")")
            }
        }
    }
}
