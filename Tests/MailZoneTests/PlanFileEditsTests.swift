import Foundation
import Testing

@testable import MailZone

/// A plan made without the files' edits as text (`PlannerOptions.fileEdits` off, as `check` and `plan` plan
/// for a text report) is the plan made with them but for the edits, which it leaves empty; its text report
/// is the same.
@Suite struct PlanFileEditsTests {
    @Test(arguments: ExamplesTests.examples)
    func aPlanWithoutEditsIsThePlanWithThem(_ example: String) async throws {
        let plans = try await LeanPlan(example, without: \.fileEdits)
        #expect(plans.lean == plans.full.changingFiles { $0.edits = [] })
        let renderer = PlanTextRenderer(style: TextStyle(color: false))
        #expect(plans.lean.zones.map { renderer.renderZone($0) } == plans.full.zones.map { renderer.renderZone($0) })
    }

    @Test("the examples' plans have edits to leave out")
    func examplesHaveEdits() async throws {
        var edited = 0
        for example in ExamplesTests.examples {
            let plan = await Planner.plan(
                try PlanStreamingTests.declaration(example), options: PlanStreamingTests.options
            )
            .plan
            edited += plan.zones.flatMap(\.files).filter { !$0.edits.isEmpty }.count
        }
        #expect(edited > 3, "only \(edited) edited files")
    }
}
