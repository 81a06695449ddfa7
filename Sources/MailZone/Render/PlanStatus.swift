/// What a plan means for the exit code, the same for every output format, as the command
/// line contract of DESIGN.md says: `plan` exits 0 with nothing to do, 2 with changes
/// (only with `--detailed-exitcode`, so scripts opt in), 1 on an error or a conflict;
/// `check`, the CI gate, is always detailed.
public enum PlanStatus: String, Sendable, Hashable, Codable {
    /// The zones already satisfy the declaration.
    case satisfied
    /// Applying would change a zone file.
    case changesNeeded = "changes-needed"
    /// A conflict or an error stops (part of) the plan.
    case failed

    public init(_ plan: Plan) {
        self.init(PlanTally(plan))
    }

    public init(_ tally: PlanTally) {
        if tally.hasProblems {
            self = .failed
        } else if tally.hasChanges {
            self = .changesNeeded
        } else {
            self = .satisfied
        }
    }

    /// `check`'s exit code: 0 satisfied, 2 changes needed, 1 failed.
    public var checkExitCode: Int32 {
        switch self {
        case .satisfied: 0
        case .changesNeeded: 2
        case .failed: 1
        }
    }

    /// `plan`'s exit code: like `check`'s, but changes exit 0 unless `--detailed-exitcode` is given.
    public func planExitCode(detailed: Bool) -> Int32 {
        self == .changesNeeded && !detailed ? 0 : checkExitCode
    }
}
