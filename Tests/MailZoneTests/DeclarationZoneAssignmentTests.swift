import Foundation
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
}
