import Testing

@testable import MailZone
@testable import ZoneFile

/// The re-read check refuses an edited text whose records are not the old ones plus exactly the plan.
@Suite struct PlanCheckTests {
    static let old =
        "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\nns1 A 192.0.2.1\nwww A 192.0.2.80\n"
    static let dmarc = "_dmarc TXT \"v=DMARC1; p=none\"\n"

    static func operations() throws -> [RecordOperation] {
        let owner = try DomainName(parsing: "_dmarc.example.com.")
        let rdata = try RData(type: .txt, presentation: "\"v=DMARC1; p=none\"")
        return [
            RecordOperation(
                owner: owner, kind: .create(type: .txt, rdata: rdata, ttl: nil, presentation: "\"v=DMARC1; p=none\""))
        ]
    }

    /// What apply's check says of `edited` as the edit of `old` planned as `operations()`.
    static func problem(_ old: String = old, edited: String, serial: SerialChange? = nil) throws -> String? {
        let zone = ZoneLoader.load(text: old, path: "db")
        var options = LoadOptions()
        options.overrides = ["db": Array(edited.utf8)]
        let reread = PlanCheck.reread(zone, path: "db", options: options)
        return PlanCheck.problem(old: zone, reread: reread, operations: try operations(), serial: serial)
    }

    @Test func acceptsExactlyThePlan() throws {
        #expect(try Self.problem(edited: Self.old + Self.dmarc) == nil)
        // Rewriting a record another way without changing it is fine too.
        #expect(
            try Self.problem(
                edited: Self.old.replacingOccurrences(of: "www A", with: "www.example.com. IN A")
                    + "_dmarc TXT ( \"v=DMARC1; p=none\" ) ; new\n") == nil)
        #expect(
            try Self.problem(
                edited: Self.old.replacingOccurrences(of: "192.0.2.80", with: "\\# 4 C0000250") + Self.dmarc) == nil)
    }

    @Test func refusesAnUnplannedChange() throws {
        let problem = try Self.problem(
            edited: Self.old.replacingOccurrences(of: "192.0.2.80", with: "192.0.2.81") + Self.dmarc)
        #expect(
            problem
                == "the edited zone's records differ from the plan: the edited text lacks www.example.com. A 192.0.2.80 (db:6); "
                + "it has records the plan does not add: www.example.com. A 192.0.2.81 (db:6)")
    }

    @Test func refusesAMissingRecord() throws {
        #expect(
            try Self.problem(edited: Self.old)
                == "the edited zone's records differ from the plan: the edited text lacks _dmarc.example.com. TXT \"v=DMARC1; p=none\""
        )
    }

    @Test func refusesALostRecord() throws {
        let problem = try Self.problem(
            edited: Self.old.replacingOccurrences(of: "www A 192.0.2.80\n", with: "") + Self.dmarc)
        #expect(
            problem
                == "the edited zone's records differ from the plan: the edited text lacks www.example.com. A 192.0.2.80 (db:6)"
        )
    }

    @Test func refusesADuplicatedRecord() throws {
        let problem = try Self.problem(edited: Self.old + Self.dmarc + "www A 192.0.2.80\n")
        #expect(
            problem
                == "the edited zone's records differ from the plan: it has records the plan does not add: www.example.com. A 192.0.2.80 (db:8)"
        )
        #expect(
            try Self.problem(edited: Self.old + Self.dmarc + Self.dmarc)?.hasPrefix("the edited zone's records differ")
                == true)
    }

    @Test func refusesARecordWhoseOwnerTheEditChanged() throws {
        // The new line goes between a record and the next one, which inherits its owner: it would move to _dmarc.
        let old = Self.old + " AAAA 2001:db8::80\n"
        let edited = Self.old + Self.dmarc + " AAAA 2001:db8::80\n"
        #expect(
            try Self.problem(old, edited: edited)
                == "the edited zone's records differ from the plan: the edited text lacks www.example.com. AAAA 2001:db8::80 (db:7); "
                + "it has records the plan does not add: _dmarc.example.com. AAAA 2001:db8::80 (db:8)")
    }

    @Test func refusesAnEditThatDoesNotParseOrBreaksTheZone() throws {
        #expect(
            try Self.problem(edited: Self.old + "_dmarc TXT \"v=DMARC1; p=none\n")?.hasPrefix(
                "the edited zone does not parse: ") == true)
        #expect(
            try Self.problem(edited: Self.old + Self.dmarc + "_dmarc CNAME www\n")?
                .hasPrefix("the edited zone does not parse: db:8:1: error: CNAME and other data at _dmarc.example.com.")
                == true)
    }

    @Test func refusesAWrongSerial() throws {
        let serial = SerialChange(from: 1, to: 2, scheme: "counter", location: nil)
        #expect(try Self.problem(edited: Self.old + Self.dmarc, serial: serial) == "the edited SOA serial is 1, not 2")
        #expect(
            try Self.problem(
                edited: Self.old.replacingOccurrences(of: "h 1 2", with: "h 3 2") + Self.dmarc, serial: serial)
                == "the edited SOA serial is 3, not 2")
        #expect(
            try Self.problem(
                edited: Self.old.replacingOccurrences(of: "h 1 2", with: "h 2 2") + Self.dmarc, serial: serial) == nil)
    }

    @Test func findsTheDifferenceInALargeZoneWhereverItIs() throws {
        // Past the pairing's lookahead: records reordered throughout still mean the same; one changed among them does not.
        let hosts = (0..<2000).map { "host\($0) A 10.0.\($0 / 256).\($0 % 256)\n" }
        let old = Self.old + hosts.joined()
        #expect(try Self.problem(old, edited: Self.old + hosts.reversed().joined() + Self.dmarc) == nil)
        var changed = Array(hosts.reversed())
        changed[1500] = "host499 A 10.0.1.244\n"
        #expect(
            try Self.problem(old, edited: Self.old + changed.joined() + Self.dmarc)
                == "the edited zone's records differ from the plan: the edited text lacks host499.example.com. A 10.0.1.243 (db:506); "
                + "it has records the plan does not add: host499.example.com. A 10.0.1.244 (db:1507)")
    }
}
