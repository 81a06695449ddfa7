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

    /// What removal lines say: the words the sender-removed goldens hold, one note per case.
    @Test func removalNotes() {
        #expect(PlanNote.mxHostChanged.description == "MX host changed; the line keeps its place and comment")
        #expect(
            PlanNote.removed(.senderNotDeclared("corp.example")).description
                == "sender corp.example is no longer declared")
        #expect(PlanNote.removed(.senderAbsent("corp.example")).description == "sender corp.example is state: absent")
        #expect(
            PlanNote.removed(.servicesNotDeclared(["tencent-ses", "sendgrid"], sender: "corp.example")).description
                == "tencent-ses, sendgrid no longer declared for corp.example")
        #expect(
            PlanNote.removed(.recordNotDeclared("corp.example")).description == "no longer declared for corp.example")
        #expect(
            PlanNote.removesSPFTerms("include:qcloudmail.com", .senderAbsent("corp.example")).description
                == "removes include:qcloudmail.com: sender corp.example is state: absent")
        #expect(
            PlanNote.markerOutdated(terms: "include:qcloudmail.com").description
                == "the marker no longer lists include:qcloudmail.com, already gone from the record")
        #expect(
            PlanNote.wholeSPFRecordGoes(
                terms: "include:qcloudmail.com", count: 1, byHand: false, .senderNotDeclared("corp.example")
            ).description
                == "the whole SPF record goes: mailzone created it for include:qcloudmail.com, which is no longer "
                + "needed; sender corp.example is no longer declared")
        #expect(
            PlanNote.wholeSPFRecordGoes(
                terms: "include:a.example include:b.example", count: 2, byHand: false,
                .servicesNotDeclared(["a", "b"], sender: "corp.example")
            ).description
                == "the whole SPF record goes: mailzone created it for include:a.example include:b.example, which are "
                + "no longer needed; a, b no longer declared for corp.example")
        #expect(
            PlanNote.wholeSPFRecordGoes(
                terms: "include:a.example", count: 1, byHand: true, .recordNotDeclared("corp.example")
            ).description
                == "the whole SPF record goes: mailzone created it for include:a.example, already taken out of it by "
                + "hand; no longer declared for corp.example")
    }

    @Test func joinedInOrderOrNil() {
        #expect(PlanNote.joined(nil, nil) == nil)
        #expect(
            PlanNote.joined(PlanNote.staleKeyReplaced.description, "2048-bit RSA")
                == "stale key replaced; 2048-bit RSA")
        #expect(
            PlanNote.joined(PlanNote.unconfirmedIncludes(["a.example", "b.example"]).description, nil)
                == "unconfirmed include: a.example, b.example (check the service's documentation)")
    }
}
