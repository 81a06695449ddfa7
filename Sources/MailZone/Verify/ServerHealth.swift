import DNSClient

/// The servers found bad during a run, each with the error of its first failed question (by
/// question order, so the report does not depend on which question failed first in time).
actor ServerHealth {
    private var bad: [DNSServerAddress: (question: Int, reason: String)] = [:]

    func isBad(_ server: DNSServerAddress) -> Bool { bad[server] != nil }

    func markBad(_ server: DNSServerAddress, question: Int, reason: String) {
        if let known = bad[server], known.question < question { return }
        bad[server] = (question, reason)
    }

    /// The bad servers' reasons.
    var reasons: [DNSServerAddress: String] { bad.mapValues(\.reason) }
}
