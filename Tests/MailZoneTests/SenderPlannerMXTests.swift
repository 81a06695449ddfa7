import Foundation
import MailAuth
import Testing

@testable import MailZone

/// MX decisions that involve several MX of one service (Google's five) or several services
/// of one sender: the same decision whether the other MX are in the zone already or only
/// planned, so a plan after apply agrees with the plan before it.
struct SenderPlannerMXTests {
    static let googleKey = CommandLineTests.key

    private func plan(
        zone mx: [String], mxPolicy: String? = nil, services: [String] = ["google-workspace", "tencent-ses"]
    ) async throws -> Plan {
        let zone = mx.map { "@ IN MX \($0)\n" }.joined() + "ns1 IN A 192.0.2.53\n"
        let sender =
            (mxPolicy.map { "    mx: \($0)\n" } ?? "") + CorpExampleRepository.services(services, key: Self.googleKey)
        return try await CorpExampleRepository.plan(zone: zone, sender: sender)
    }

    private func mxItems(_ plan: Plan) -> [(PlanItem.Action, String)] {
        plan.zones.flatMap(\.senders).flatMap(\.items).filter { $0.type == .mx }.map {
            ($0.action, $0.after ?? $0.message ?? "")
        }
    }

    @Test func aServiceCompletesItsOwnMXSet() async throws {
        let plan = try await plan(zone: ["1 aspmx.l.google.com."], services: ["google-workspace"])
        let actions = mxItems(plan).map(\.0)
        #expect(actions == [.unchanged, .create, .create, .create, .create])
        #expect(!plan.hasProblems)
    }

    @Test(arguments: [
        [String](),
        [
            "1 aspmx.l.google.com.", "5 alt1.aspmx.l.google.com.", "5 alt2.aspmx.l.google.com.",
            "10 alt3.aspmx.l.google.com.", "10 alt4.aspmx.l.google.com.",
        ],
    ])
    func aSecondServiceMeetsTheFirstsMXPlannedOrNot(_ zone: [String]) async throws {
        let conflicting = try await plan(zone: zone)
        let tencent = mxItems(conflicting).last
        #expect(tencent?.0 == .conflict, "Tencent's MX beside Google's would divert inbound mail")
        #expect(conflicting.hasProblems)

        let kept = try await plan(zone: zone, mxPolicy: "keep-existing")
        #expect(mxItems(kept).last?.0 == .warning)
        #expect(!kept.hasProblems)
        #expect(mxItems(kept).filter { $0.0 == .create || $0.0 == .unchanged }.count == 5)

        let added = try await plan(zone: zone, mxPolicy: "add")
        #expect(mxItems(added).filter { $0.0 == .create || $0.0 == .unchanged }.count == 6)
    }
}
