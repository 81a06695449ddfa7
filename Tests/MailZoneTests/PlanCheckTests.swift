import Testing
@testable import MailZone
@testable import ZoneFile

/// The re-read check refuses an edited text whose records are not the old ones plus exactly the plan.
@Suite struct PlanCheckTests {
    static let old = "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.80\n"

    static func operations(_ zone: Zone) throws -> [RecordOperation] {
        let owner = try DomainName(parsing: "_dmarc.example.com.")
        let rdata = try RData(type: .txt, presentation: "\"v=DMARC1; p=none\"")
        return [RecordOperation(owner: owner, kind: .create(type: .txt, rdata: rdata, ttl: nil, presentation: "\"v=DMARC1; p=none\""))]
    }

    @Test func acceptsExactlyThePlan() throws {
        let old = ZoneLoader.load(text: Self.old, path: "db")
        let new = ZoneLoader.load(text: Self.old + "_dmarc TXT \"v=DMARC1; p=none\"\n", path: "db")
        #expect(PlanCheck.problem(old: old, new: new, operations: try Self.operations(old), serial: nil) == nil)
        // Rewriting a record another way without changing it is fine too.
        let respelled = ZoneLoader.load(text: Self.old.replacingOccurrences(of: "www A", with: "www.example.com. IN A")
                                        + "_dmarc TXT ( \"v=DMARC1; p=none\" ) ; new\n", path: "db")
        #expect(PlanCheck.problem(old: old, new: respelled, operations: try Self.operations(old), serial: nil) == nil)
    }

    @Test func refusesAnUnplannedChange() throws {
        let old = ZoneLoader.load(text: Self.old, path: "db")
        let new = ZoneLoader.load(text: Self.old.replacingOccurrences(of: "192.0.2.80", with: "192.0.2.81")
                                  + "_dmarc TXT \"v=DMARC1; p=none\"\n", path: "db")
        let problem = PlanCheck.problem(old: old, new: new, operations: try Self.operations(old), serial: nil)
        #expect(problem == "the edited zone's records differ from the plan (expected www.example.com. 1 C0000250; found www.example.com. 1 C0000251)")
    }

    @Test func refusesAMissingRecord() throws {
        let old = ZoneLoader.load(text: Self.old, path: "db")
        let new = ZoneLoader.load(text: Self.old, path: "db")
        #expect(PlanCheck.problem(old: old, new: new, operations: try Self.operations(old), serial: nil)?
            .hasPrefix("the edited zone's records differ from the plan (expected _dmarc.example.com. 16 ") == true)
    }

    @Test func refusesAWrongSerial() throws {
        let old = ZoneLoader.load(text: Self.old, path: "db")
        let new = ZoneLoader.load(text: Self.old + "_dmarc TXT \"v=DMARC1; p=none\"\n", path: "db")
        let serial = SerialChange(from: 1, to: 2, scheme: "counter", location: nil)
        #expect(PlanCheck.problem(old: old, new: new, operations: try Self.operations(old), serial: serial)
            == "the edited SOA serial is 1, not 2")
    }
}
