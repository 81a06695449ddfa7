/// A warning that the TXT records at one name make a DNS answer too big for one UDP packet.
///
/// RFC 7208 §3.4: an SPF query answer should fit in 512 octets; keeping the owner name plus
/// every TXT string at that name under about 450 octets leaves room for the header and the
/// rest of the message. Past that, resolvers fall back to TCP or fail, and SPF checks may
/// end in temperror.
public struct TXTAnswerSizeWarning: MailAuthDiagnostic, Hashable {
    /// Octets counted: the owner name plus each string's length octet and content.
    public var octets: Int
    /// The budget that was passed.
    public var limit: Int

    public var severity: MailAuthSeverity { .warning }

    public var summary: String {
        "the TXT records at this name take \(octets) octets with the name, more than the \(limit) that keep a DNS answer within 512 octets (RFC 7208 §3.4)"
    }

    public var fix: String? {
        "shorten them (remove unused TXT records or SPF terms, or move verification tokens to their own names)"
    }
}

extension TXTPresentation {
    /// The octet budget for a name plus all its TXT strings (RFC 7208 §3.4).
    public static let answerOctetBudget = 450

    /// Octets the name and TXT strings take in an answer: the owner name's length as the caller
    /// counts it (its wire length), plus for each character-string its length octet and content.
    public static func answerOctets(ownerNameLength: Int, strings: [String]) -> Int {
        strings.reduce(ownerNameLength) { $0 + 1 + $1.utf8.count }
    }

    /// A warning when the name and the strings of every TXT record at it pass the budget.
    public static func answerSizeWarning(
        ownerNameLength: Int, strings: [String],
        limit: Int = answerOctetBudget
    ) -> TXTAnswerSizeWarning? {
        let octets = answerOctets(ownerNameLength: ownerNameLength, strings: strings)
        return octets > limit ? TXTAnswerSizeWarning(octets: octets, limit: limit) : nil
    }
}
