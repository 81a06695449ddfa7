import Testing

@testable import MailAuth

/// The DNS placement rules' words, as plans show them (`OccludedNameTests` and the examples see
/// them in whole plans).
struct PlacementConflictTests {
    @Test func cnameAtTheName() {
        let problem = PlacementConflict.cnameAtName(name: "mail", target: "elsewhere.example.", type: "MX")
        #expect(problem.severity == .error)
        #expect(problem.summary == "mail has a CNAME (to elsewhere.example.), so an MX record cannot be added there")
        #expect(problem.fix == "remove the CNAME at mail, or send from a name without one")
        let txt = PlacementConflict.cnameAtName(name: "@", target: "x.example.", type: "TXT")
        #expect(txt.summary == "@ has a CNAME (to x.example.), so a TXT record cannot be added there")
    }

    @Test func dataBesideACNAME() {
        let problem = PlacementConflict.dataBesideCNAME(name: "em", existingType: "TXT")
        #expect(problem.summary == "em already has TXT data, so a CNAME cannot be added there (RFC 1034 §3.6.2)")
        #expect(problem.fix == "remove the other records at em, or ask the service for a TXT alternative")
    }

    @Test func delegatedNames() {
        let below = PlacementConflict.delegated(
            name: "_dmarc.sub", cut: "sub", atCut: false, record: "NS ns1.other.example.", written: "db.example:12",
            signed: true, type: "TXT", childOrigin: "sub.example.")
        #expect(
            below.summary
                == "_dmarc.sub is below the delegation of sub to another zone (NS ns1.other.example. at db.example:12, "
                + "with DS): a TXT record written in this zone would never be served; resolvers are referred to the "
                + "child zone (RFC 1034 §4.2.1)")
        #expect(
            below.fix
                == "declare the child zone's file (a zone with origin sub.example.) so the record is written there, "
                + "or remove the delegation")
        let at = PlacementConflict.delegated(
            name: "sub", cut: "sub", atCut: true, record: "NS ns1.other.example.", written: nil, signed: false,
            type: "MX", childOrigin: "sub.example.")
        #expect(
            at.summary
                == "sub is delegated to another zone (NS ns1.other.example.): an MX record written in this zone would "
                + "never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)")
    }

    @Test func belowADNAME() {
        let problem = PlacementConflict.belowDNAME(
            name: "_dmarc.old", cut: "old", record: "DNAME new.example.", written: "db.example:7",
            target: "new.example.", redirected: "_dmarc.new.example.", type: "TXT")
        #expect(
            problem.summary
                == "_dmarc.old is below the DNAME at old (DNAME new.example. at db.example:7): names below a DNAME are "
                + "redirected to new.example., so a TXT record written here would never be served (RFC 6672 §2.3)")
        #expect(
            problem.fix == "declare the zone of _dmarc.new.example. and write the record there, or remove the DNAME")
    }

    @Test func wildcardStopsMatching() {
        let one = PlacementConflict.wildcardStopsMatching(
            created: "_dmarc.x", names: ["x"], wildcard: "*.example.", records: ["A 192.0.2.1"], more: 0)
        #expect(one.severity == .warning)
        #expect(
            one.summary
                == "creating _dmarc.x makes x exist, so the wildcard *.example. stops matching it: its records "
                + "(A 192.0.2.1) will no longer be served for x (RFC 4592 §2.2.1)")
        #expect(one.fix == "nothing to do if that is intended; otherwise also add the records x should keep")
        let several = PlacementConflict.wildcardStopsMatching(
            created: "a.b.c", names: ["a.b.c", "b.c", "c"], wildcard: "*.example.",
            records: ["A 192.0.2.1", "AAAA 2001:db8::1", "MX 10 mx.example."], more: 2)
        #expect(
            several.summary
                == "creating a.b.c makes a.b.c, b.c and c exist, so the wildcard *.example. stops matching them: its "
                + "records (A 192.0.2.1, AAAA 2001:db8::1, MX 10 mx.example. and 2 more) will no longer be served for "
                + "a.b.c, b.c and c (RFC 4592 §2.2.1)")
    }
}
