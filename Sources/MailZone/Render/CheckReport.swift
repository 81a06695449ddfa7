/// The result of `check --format json` (`schemas/check.schema.json`): the verdict and the
/// exit code it gives, with the plan that explains it, so a CI job can act on one field
/// and still show the details.
public struct CheckReport: Encodable, Sendable {
    /// Version of the check document.
    public static let formatVersion = 1

    public var version: Int
    public var status: PlanStatus
    /// The exit code `check` returns for this status.
    public var exitCode: Int32
    public var summary: PlanSummary
    public var plan: Plan

    public init(plan: Plan) {
        self.init(plan: plan, tally: PlanTally(plan))
    }

    /// The report of `plan` whose counts are `tally` (a plan whose zones are given apart, see `PlanJSONAssembler`).
    init(plan: Plan, tally: PlanTally) {
        self.version = Self.formatVersion
        self.status = PlanStatus(tally)
        self.exitCode = status.checkExitCode
        self.summary = tally.summary
        self.plan = plan
    }

    private enum CodingKeys: String, CodingKey {
        case version, status, exitCode, summary, plan
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(status, forKey: .status)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(summary, forKey: .summary)
        try container.encode(PlanDocument(plan: plan, summary: summary), forKey: .plan)
    }

    /// The one-line verdict that ends `check`'s text output.
    public static func verdictLine(_ tally: PlanTally, declaration: String) -> String {
        let s = tally.summary
        switch PlanStatus(tally) {
        case .satisfied:
            return "Check passed: the zones satisfy \(declaration).\n"
        case .changesNeeded:
            let changes = s.create + s.merge + s.replace + s.delete
            let deletes = s.delete > 0 ? ", \(s.delete) to delete" : ""
            return
                "Check: \(changes) \(changes == 1 ? "change" : "changes") needed (\(s.create) to add, \(s.merge) to merge, \(s.replace) to replace\(deletes)). Run `mailzone plan` to review and `mailzone apply` to write them.\n"
        case .failed:
            return "Check failed: \(s.counts) \(s.resolveFirst(where: "see fix: above") ?? "")\n"
        }
    }
}
