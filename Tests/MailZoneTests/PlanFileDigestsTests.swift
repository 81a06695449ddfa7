import Foundation
import Testing

@testable import MailZone

/// A plan made without the files' digests (`PlannerOptions.fileDigests` off, as `check` plans unless it
/// prints JSON) is the plan made with them but for the digests, which it leaves empty.
@Suite struct PlanFileDigestsTests {
    @Test(arguments: ExamplesTests.examples)
    func aPlanWithoutDigestsIsThePlanWithThem(_ example: String) async throws {
        let plans = try await LeanPlan(example, without: \.fileDigests)
        let digests = plans.full.zones.flatMap { $0.inputs.map(\.sha256) + $0.files.map(\.sha256) }
        #expect(!digests.isEmpty && digests.allSatisfy { $0.count == 64 })
        #expect(plans.lean == plans.full.changingFiles({ $0.sha256 = "" }, inputs: { $0.sha256 = "" }))
    }
}
