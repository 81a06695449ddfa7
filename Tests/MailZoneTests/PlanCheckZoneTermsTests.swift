import Foundation
import TestSupport
import Testing

@testable import MailZone
@testable import ZoneFile

/// When the edited text does not read back as planned, apply says so in zone terms: owner, type, value and
/// line, never wire data in hex.
@Suite struct PlanCheckZoneTermsTests {
    @Test func aMovedOwnerIsNamedWithItsLines() throws {
        let old =
            "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1.example.net.\n  A 192.0.2.80\n"
        // An inserted line that takes the owner-less A record over: the mistake the check exists to catch.
        let edited =
            "$ORIGIN example.com.\n$TTL 300\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1.example.net.\n"
            + "mail MX 10 mx.example.net.\n  A 192.0.2.80\n"
        let directory = try TemporaryFiles.directory(["db": old])
        let path = directory.appendingPathComponent("db").path
        let options = LoadOptions(origin: try DomainName(parsing: "example.com."))
        let zone = ZoneLoader.load(path: path, options: options)
        var rereadOptions = options
        rereadOptions.overrides = [path: Array(edited.utf8)]
        let reread = PlanCheck.reread(zone, path: path, options: rereadOptions)
        let create = RecordOperation(
            owner: try DomainName(parsing: "mail.example.com."),
            kind: .create(
                type: .mx, rdata: try RData(type: .mx, presentation: "10 mx.example.net."),
                ttl: nil, presentation: "10 mx.example.net."))
        let problem = PlanCheck.problem(old: zone, reread: reread, operations: [create], serial: nil)
        #expect(
            problem
                == "the edited zone's records differ from the plan: the edited text lacks example.com. A 192.0.2.80 "
                + "(\(path):5); it has records the plan does not add: mail.example.com. A 192.0.2.80 (\(path):6)")
    }
}
