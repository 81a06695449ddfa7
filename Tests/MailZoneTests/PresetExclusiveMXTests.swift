import Foundation
import MailAuth
import Testing

@testable import MailZone

/// An MX a service needs to be the only one at its name (Amazon SES's custom MAIL FROM domain,
/// Resend's return path): another MX there is a conflict even with `mx: add`, which otherwise
/// puts a service's MX beside the zone's.
struct PresetExclusiveMXTests {
    private func plan(mxPolicy: String?, bounceMX: String?) async throws -> Plan {
        let zone = (bounceMX.map { "bounce IN MX \($0)\n" } ?? "") + "ns1 IN A 192.0.2.53\n"
        let sender =
            (mxPolicy.map { "    mx: \($0)\n" } ?? "") + "    services:\n      - preset: aws-ses\n"
            + "        inputs: { token1: t1, token2: t2, token3: t3, region: eu-west-1, mail_from: bounce }\n"
        return try await CorpExampleRepository.plan(zone: zone, sender: sender)
    }

    private func bounceMX(_ plan: Plan) -> [PlanItem] {
        plan.zones.flatMap(\.senders).flatMap(\.items).filter { $0.type == .mx }
    }

    @Test func theFeedbackMXIsAddedWhereNoOtherMXIs() async throws {
        let plan = try await plan(mxPolicy: "add", bounceMX: nil)
        #expect(bounceMX(plan).map(\.action) == [.create])
        #expect(!plan.hasProblems)
    }

    /// `mx: add` would put SES's feedback MX beside the name's own: a conflict whose fix is another name.
    @Test func mxAddDoesNotPutItBesideAnotherMX() async throws {
        let plan = try await plan(mxPolicy: "add", bounceMX: "10 mail.corp.example.")
        let item = try #require(bounceMX(plan).first)
        #expect(item.action == .conflict)
        #expect(
            item.fix
                == "aws-ses needs its MX to be the only one at bounce: give it a name that receives no other mail, or remove the other MX (`mx: add` cannot put it beside another)"
        )
        #expect(plan.hasProblems)
    }

    @Test func keepExistingStillKeepsItOut() async throws {
        let plan = try await plan(mxPolicy: "keep-existing", bounceMX: "10 mail.corp.example.")
        #expect(bounceMX(plan).map(\.action) == [.warning])
        #expect(!plan.hasProblems)
    }
}
