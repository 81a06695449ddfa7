import Testing

@testable import ZoneFile

/// A record written twice with the same data is one record to BIND (RFC 2181 §5): it loads the zone and keeps
/// one copy. Generated includes often repeat a line (`proxy CNAME host.` twice); that is a warning naming both
/// lines, not "more than one CNAME".
@Suite struct DuplicateRecordTests {
    static let apex = "$TTL 300\n@ SOA ns hostmaster 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.53\n"

    func load(_ text: String) throws -> Zone {
        ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "example.")))
    }

    @Test func repeatedCNAMEIsAWarningNamingBothLines() throws {
        let zone = try load(
            Self.apex + "proxy CNAME host.example.net.\nwww A 192.0.2.80\nPROXY 600 CNAME HOST.example.net.\n")
        #expect(zone.errors.isEmpty, "\(zone.errors)")
        let warnings = zone.diagnostics.filter { $0.id == "zone.duplicate-record" }
        #expect(
            warnings.map(\.message) == ["proxy.example. CNAME appears again with the same data; BIND keeps one copy"])
        #expect(warnings.map { $0.location?.line } == [7])
        #expect(warnings.map(\.notes) == [["the same record is at <input>:5"]])
    }

    @Test func aCNAMEWithOtherDataIsStillAnError() throws {
        let zone = try load(Self.apex + "proxy CNAME host.example.net.\nproxy CNAME other.example.net.\n")
        #expect(zone.errors.map(\.id) == ["zone.multiple-cname"])
    }

    @Test func everyDuplicateIsReportedInLineOrder() throws {
        let zone = try load(
            Self.apex + "@ TXT \"v=spf1 -all\"\n@ MX 10 mx\n@ TXT \"v=spf1 -all\"\n@ MX 10 MX.example.\n")
        #expect(zone.errors.isEmpty, "\(zone.errors)")
        let warnings = zone.diagnostics.filter { $0.id == "zone.duplicate-record" }
        #expect(
            warnings.map(\.message) == [
                "example. TXT appears again with the same data; BIND keeps one copy",
                "example. MX appears again with the same data; BIND keeps one copy",
            ])
        #expect(warnings.map { $0.location?.line } == [7, 8])
    }
}
