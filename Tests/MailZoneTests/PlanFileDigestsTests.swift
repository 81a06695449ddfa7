import Foundation
import Testing

@testable import MailZone

/// A plan made without the files' digests (`PlannerOptions.fileDigests` off, as `check` plans unless it
/// prints JSON) is the plan made with them but for the digests, which it leaves empty.
@Suite struct PlanFileDigestsTests {
    /// `plan` with every file digest emptied.
    static func withoutDigests(_ plan: Plan) -> Plan {
        var plan = plan
        for zone in plan.zones.indices {
            for input in plan.zones[zone].inputs.indices { plan.zones[zone].inputs[input].sha256 = "" }
            for file in plan.zones[zone].files.indices { plan.zones[zone].files[file].sha256 = "" }
        }
        return plan
    }

    @Test(arguments: ExamplesTests.examples)
    func aPlanWithoutDigestsIsThePlanWithThem(_ example: String) async throws {
        let declaration = try PlanStreamingTests.declaration(example)
        var options = PlanStreamingTests.options
        let full = await Planner.plan(declaration, options: options).plan
        options.fileDigests = false
        let lean = await Planner.plan(declaration, options: options).plan
        let digests = full.zones.flatMap { $0.inputs.map(\.sha256) + $0.files.map(\.sha256) }
        #expect(!digests.isEmpty && digests.allSatisfy { $0.count == 64 })
        #expect(lean == Self.withoutDigests(full))
    }
}
