/// A DMARC policy (`p=`, `sp=`), ordered by strength: none < quarantine < reject.
public enum DMARCPolicy: String, Sendable, Hashable, CaseIterable, Comparable {
    case none
    case quarantine
    case reject

    /// Reads a policy value; DMARC keywords are case-insensitive.
    public init?(value: String) {
        self.init(rawValue: value.lowercased())
    }

    private var strength: Int {
        switch self {
        case .none: 0
        case .quarantine: 1
        case .reject: 2
        }
    }

    public static func < (lhs: DMARCPolicy, rhs: DMARCPolicy) -> Bool {
        lhs.strength < rhs.strength
    }
}
