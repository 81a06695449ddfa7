import MailAuth
import Testing

@testable import MailZone

/// The managed terms of an SPF record that gets one include are made once per run for the include and its service
/// (`SenderPlanner.managedTerms(ofOnly:present:)`): they must be what the general reading gives with no terms
/// managed before, for every built-in preset's include, whether the record had the include (in any case) or not,
/// and for canonically equivalent domains and services (`String` holds them equal; the marker writes their octets).
@Suite("SPF managed terms")
struct SPFManagedTermsTests {
    @Test("one include's terms are the general reading's")
    func oneIncludeAsGeneral() throws {
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        var pairs: [(domain: String, service: String)] = catalog.names.compactMap { name in
            catalog.preset(named: name)?.preset.spf.map { (domain: $0.include, service: name) }
        }
        #expect(pairs.count > 5)
        pairs += [
            ("QcloudMail.COM", "tencent-ses"), ("caf\u{E9}.example", "caf\u{E9}"),
            ("cafe\u{301}.example", "cafe\u{301}"),
        ]
        let source = YAMLLocation(file: "mailzone.yaml", line: 1, column: 1)
        var empty = 0
        for (domain, service) in pairs {
            let include = SPFInclude(domain: domain, preset: service, unconfirmed: false, source: source)
            let presents: [Set<String>] = [
                [], [domain.lowercased()], ["other.example"], ["other.example", domain.lowercased()],
            ]
            for present in presents {
                let general = SenderPlanner.managedTerms(previous: [], present: present, adding: [include])
                let once = try #require(SenderPlanner.managedTerms(ofOnly: [include], present: present))
                #expect(Self.octets(once) == Self.octets(general), "\(domain) \(service) \(present)")
                if general.isEmpty { empty += 1 }
            }
            #expect(SenderPlanner.managedTerms(ofOnly: [include, include], present: []) == nil)
        }
        #expect(empty == 2 * pairs.count)
    }

    /// Each term and its services as octets: `==` on `String` holds canonically equivalent texts equal.
    static func octets(_ terms: [ManagedSPFTerm]) -> [[[UInt8]]] {
        terms.map { [Array($0.term.utf8)] + $0.services.map { Array($0.utf8) } }
    }
}
