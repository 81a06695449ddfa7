import Foundation
import Testing

@testable import MailZone

/// A plan made without the files' edits as text (`PlannerOptions.fileEdits` off, as `check` and `plan` plan
/// for a text report) is the plan made with them but for the edits, which it leaves empty; its text report
/// is the same.
@Suite struct PlanFileEditsTests {
    /// `plan` with every file's edits taken out.
    static func withoutEdits(_ plan: Plan) -> Plan {
        var plan = plan
        for zone in plan.zones.indices {
            for file in plan.zones[zone].files.indices { plan.zones[zone].files[file].edits = [] }
        }
        return plan
    }

    @Test(arguments: ExamplesTests.examples)
    func aPlanWithoutEditsIsThePlanWithThem(_ example: String) async throws {
        let declaration = try PlanStreamingTests.declaration(example)
        var options = PlanStreamingTests.options
        let full = await Planner.plan(declaration, options: options).plan
        options.fileEdits = false
        let lean = await Planner.plan(declaration, options: options).plan
        #expect(lean == Self.withoutEdits(full))
        let renderer = PlanTextRenderer(style: TextStyle(color: false))
        #expect(lean.zones.map { renderer.renderZone($0) } == full.zones.map { renderer.renderZone($0) })
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
