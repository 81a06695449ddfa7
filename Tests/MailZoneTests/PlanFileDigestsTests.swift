import Foundation
import Testing

@testable import MailZone

/// A plan made without the files' digests (`PlannerOptions.fileDigests` off, as `check` and `plan` plan unless
/// they print JSON or save the plan) is the plan made with them but for the digests, which it leaves empty;
/// the reports that show no digest (text, diff, Markdown) are the same.
@Suite struct PlanFileDigestsTests {
    @Test(arguments: ExamplesTests.examples)
    func aPlanWithoutDigestsIsThePlanWithThem(_ example: String) async throws {
        let plans = try await LeanPlan(example, without: \.fileDigests)
        let digests = plans.full.zones.flatMap { $0.inputs.map(\.sha256) + $0.files.map(\.sha256) }
        #expect(!digests.isEmpty && digests.allSatisfy { $0.count == 64 })
        #expect(plans.lean == plans.full.changingFiles({ $0.sha256 = "" }, inputs: { $0.sha256 = "" }))
    }

    @Test(arguments: ExamplesTests.examples)
    func reportsWithoutDigestsAreTheSame(_ example: String) async throws {
        let plans = try await LeanPlan(example, without: \.fileDigests)
        let text = PlanTextRenderer(style: TextStyle(color: false))
        #expect(plans.lean.zones.map { text.renderZone($0) } == plans.full.zones.map { text.renderZone($0) })
        #expect(PlanDiff.files(plans.leanOutcome).map(\.diff) == PlanDiff.files(plans.fullOutcome).map(\.diff))
        let markdown = PlanMarkdownRenderer(title: "mailzone plan")
        #expect(markdown.render(plans.leanOutcome) == markdown.render(plans.fullOutcome))
    }
}
