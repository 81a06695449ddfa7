import Testing
import ZoneFile

@testable import MailZone

/// The remarks plan lines carry, in the words reviewers have seen (the examples' goldens hold them
/// in whole plans).
@Suite struct PlanNoteTests {
    @Test func ttlNotes() {
        #expect(PlanNote.declaredTTL(300).description == "declared TTL 300")
        #expect(
            PlanNote.keepsRRsetTTL(ttl: 3600, owner: "@", type: .txt, declared: 300).description
                == "keeps the TTL 3600 of the @ TXT RRset it joins, not the declared ttl 300: an RRset has one TTL, "
                + "RFC 2181 §5.2")
        // A joined RRset planned at the zone's default TTL ("keeps the the zone's default TTL" before).
        #expect(
            PlanNote.keepsRRsetTTL(ttl: nil, owner: "mail", type: .mx, declared: 300).description
                == "keeps the zone's default TTL of the mail MX RRset it joins, not the declared ttl 300: an RRset has "
                + "one TTL, RFC 2181 §5.2")
    }

    @Test func foldNotes() {
        #expect(
            PlanNote.foldsSPF(records: 2, weakerAll: [], keptAll: "-all").description
                == "folds 2 SPF records into one (spf.fold)")
        #expect(
            PlanNote.foldsSPF(records: 3, weakerAll: ["?all", "~all"], keptAll: "-all").description
                == "folds 3 SPF records into one (spf.fold); ?all and ~all becomes -all, the strictest of the records'")
    }

    @Test func joinedInOrderOrNil() {
        #expect(PlanNote.joined([nil, nil]) == nil)
        #expect(
            PlanNote.joined([PlanNote.staleKeyReplaced.description, "2048-bit RSA"])
                == "stale key replaced; 2048-bit RSA")
        #expect(
            PlanNote.joined([PlanNote.unconfirmedIncludes(["a.example", "b.example"]).description])
                == "unconfirmed include: a.example, b.example (check the service's documentation)")
    }
}
