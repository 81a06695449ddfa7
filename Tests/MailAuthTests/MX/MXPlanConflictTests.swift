import Foundation
import Testing

@testable import MailAuth

/// The MX findings a plan shows for a sender's `mx:` policy: the conflict's fix as the
/// declaration can act on it, the MX kept out under `mx: keep-existing`, an MX target that is an alias.
struct MXPlanConflictTests {
    let google = MXValue(preference: 1, exchange: "smtp.google.com.")
    let own = MXValue(preference: 10, exchange: "mail.example.com.")

    @Test func existingInboundOffersTheMXPolicies() {
        let conflict = MXConflict.existingInbound(name: "@", existing: [own], wanted: [google])
        let policy = MXPolicyConflict(conflict, name: "@", exclusiveServices: nil)
        #expect(policy.summary == conflict.summary)
        #expect(policy.fix == (conflict.fix ?? "") + " (or set `mx: keep-existing` or `mx: add` for this sender)")
        let nullMX = MXConflict.nullMX(name: "@", wanted: [google])
        #expect(MXPolicyConflict(nullMX, name: "@", exclusiveServices: nil).fix == nullMX.fix)
    }

    @Test func anExclusiveServiceNeedsItsMXAlone() {
        let conflict = MXConflict.existingInbound(name: "@", existing: [own], wanted: [google])
        let policy = MXPolicyConflict(conflict, name: "@", exclusiveServices: "proton-mail")
        #expect(
            policy.fix
                == "proton-mail needs its MX to be the only one at @: give it a name that receives no other mail, or "
                + "remove the other MX (`mx: add` cannot put it beside another)")
    }

    @Test func keptOutUnderKeepExisting() {
        let one = MXConflict.keptOut(
            name: "@", inZone: [own], planned: [], plannedBy: [],
            leftOut: [MXLeftOut(values: [google], services: ["google-workspace"])],
            unacknowledged: ["google-workspace"])
        #expect(one.severity == .warning)
        #expect(
            one.summary
                == "@ keeps MX \"10 mail.example.com.\" (in the zone); MX \"1 smtp.google.com.\" for google-workspace "
                + "is not added (mx: keep-existing)")
        #expect(
            one.fix
                == "nothing to do if these MX should keep receiving the mail (google-workspace may then show its MX as "
                + "unverified); write `mx_not_added: [google-workspace]` in this sender to say so and drop this warning"
        )
        let zoho = MXValue(preference: 10, exchange: "mx.zoho.eu.")
        let two = MXConflict.keptOut(
            name: "@", inZone: [], planned: [google], plannedBy: ["google-workspace"],
            leftOut: [MXLeftOut(values: [zoho], services: ["zoho"]), MXLeftOut(values: [own], services: ["other"])],
            unacknowledged: ["zoho", "other"])
        #expect(
            two.summary
                == "@ keeps MX \"1 smtp.google.com.\" (added for google-workspace); MX \"10 mx.zoho.eu.\" for zoho and "
                + "MX \"10 mail.example.com.\" for other are not added (mx: keep-existing)")
        #expect(
            two.fix?.contains(
                "(zoho and other may then show their MX as unverified); write `mx_not_added: [zoho, other]`") == true)
    }

    @Test("the services to write in mx_not_added are the prose list with its ands made commas")
    func notAddedListAgreesWithTheProse() {
        let lists: [[String]] = [
            [], ["zoho"], ["zoho", "other"], ["a", "b", "a", "c"], ["google-workspace", "tencent-ses"],
            ["my and yours", "x"], ["x and", "y"], ["é", "f"], ["a\tb"], ["dc/provider.example/service"],
        ]
        for services in lists {
            let prose = ProseList.services(services)
            #expect(
                MXConflict.yamlList(services, prose: prose) == prose.replacingOccurrences(of: " and ", with: ", "),
                "\(services)")
        }
    }

    @Test func anAliasedExchange() {
        let problem = MXProblem.exchangeIsAlias(exchange: "mx.example.com.", canonical: "real.example.com.")
        #expect(problem.severity == .warning)
        #expect(
            problem.summary
                == "the MX target mx.example.com. is a CNAME in this zone; MX targets must not be aliases (RFC 2181 §10.3)"
        )
        #expect(problem.fix == "point the MX at the canonical name real.example.com.")
        #expect(MXProblem.unreadable(value: "10 a..b.").summary == "MX value '10 a..b.' is not PREFERENCE HOST.")
    }
}
