import Foundation
import Testing

@testable import MailZone

/// An example planned twice: with every part of the plan, and with one of the options that leave a part
/// out (`PlannerOptions.fileEdits`, `.fileDigests`) turned off. The tests of those options compare the two.
struct LeanPlan {
    let fullOutcome: PlanOutcome
    let leanOutcome: PlanOutcome
    var full: Plan { fullOutcome.plan }
    var lean: Plan { leanOutcome.plan }

    init(_ example: String, without option: WritableKeyPath<PlannerOptions, Bool>) async throws {
        let declaration = try PlanStreamingTests.declaration(example)
        var options = PlanStreamingTests.options
        fullOutcome = await Planner.plan(declaration, options: options)
        options[keyPath: option] = false
        leanOutcome = await Planner.plan(declaration, options: options)
    }
}

extension Plan {
    /// This plan with `change` made to every zone's changed files and `input` to every digest of its inputs.
    func changingFiles(
        _ change: (inout FileChange) -> Void, inputs input: (inout FileDigest) -> Void = { _ in }
    ) -> Plan {
        var plan = self
        for zone in plan.zones.indices {
            for index in plan.zones[zone].inputs.indices { input(&plan.zones[zone].inputs[index]) }
            for index in plan.zones[zone].files.indices { change(&plan.zones[zone].files[index]) }
        }
        return plan
    }
}
