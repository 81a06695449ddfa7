import MailAuth

extension RecordPurpose {
    /// The order a sender's records are shown in, in plans and verify reports alike:
    /// MX, SPF, DKIM, DMARC, then the rest — the order of the seed's checklist.
    public var reviewOrder: Int {
        switch self {
        case .mx: 0
        case .spf: 1
        case .dkim: 2
        case .dmarc: 3
        case .verification: 4
        case .tracking: 5
        case .other: 6
        }
    }
}
