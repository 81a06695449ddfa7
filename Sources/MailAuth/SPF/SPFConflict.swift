/// Why mailzone will not merge into, or fold, the SPF records at a name. Each case names the
/// record text at fault and what the user can do.
public enum SPFConflict: Error, MailAuthDiagnostic, Hashable {
    /// Two or more SPF records at one name: receivers return permerror (RFC 7208 §3.2).
    case multipleRecords(name: String, records: [String])
    /// The record breaks the grammar or repeats `redirect=`/`exp=` (§4.6, §6).
    case unparseable(name: String, record: String, problems: [SPFProblem])
    /// The include is already there with a `-`, `~` or `?` qualifier; mailzone never changes
    /// someone's qualifier silently.
    case qualifiedInclude(name: String, includeDomain: String, term: String)
    /// The record has `redirect=` and no `all`: its policy lives at the redirect target, so an
    /// include here may not be what the owner wants.
    case redirectWithoutAll(name: String, includeDomain: String, redirect: String)
    /// The merged or folded record would need more than 10 DNS lookups (§4.6.4).
    case tooManyLookups(name: String, record: String, count: Int)
    /// A wanted include domain is not a valid domain-spec.
    case invalidIncludeDomain(includeDomain: String, reason: String)
    /// The `all` term suggested for a new record is not an `all` mechanism.
    case invalidSuggestedAll(String)
    /// Folding: the records end in `all` terms that cannot be folded into one without
    /// changing what passes (one of them authorises every host with `+all`).
    case foldAllDisagrees(name: String, allTerms: [String])
    /// Folding: a record hands its policy to `redirect=` and the others do not agree with it.
    case foldRedirectDisagrees(name: String, records: [String])
    /// Folding: the records name different `exp=` explanations.
    case foldExpDisagrees(name: String, terms: [String])
    /// Folding: the same mechanism appears with different qualifiers.
    case foldQualifierDisagrees(name: String, terms: [String])
    /// Folding needs at least one SPF record.
    case nothingToFold(name: String)
    /// `multipleRecords` where the sender can ask mailzone to fold them (`spf: { fold: true }`).
    case multipleRecordsToFold(name: String, records: [String])
    /// The merged record holds what a TXT record cannot (`reason`).
    case notWritable(reason: String)

    public var severity: MailAuthSeverity { .error }

    public var summary: String {
        switch self {
        case .multipleRecords(let name, let records), .multipleRecordsToFold(let name, let records):
            return
                "\(records.count) SPF records at \(name) (\(SPFProblem.quoted(records))); receivers treat more than one as a permanent error"
        case .unparseable(let name, let record, let problems):
            let reasons = problems.map(\.summary).joined(separator: "; ")
            return "the SPF record at \(name) \"\(record)\" is broken: \(reasons)"
        case .qualifiedInclude(let name, _, let term):
            return "the SPF record at \(name) already has \"\(term)\", which does not pass mail from that service"
        case .redirectWithoutAll(let name, let includeDomain, let redirect):
            return
                "the SPF record at \(name) ends in \"\(redirect)\" and has no all, so its policy lives at the redirect target; mailzone will not add include:\(includeDomain) on its own"
        case .tooManyLookups(let name, let record, let count):
            return "the SPF record at \(name) would need \(count) DNS lookups, more than the 10 allowed: \"\(record)\""
        case .invalidIncludeDomain(let includeDomain, let reason):
            return "include domain \"\(includeDomain)\" is invalid: \(reason)"
        case .invalidSuggestedAll(let term):
            return "suggested all \"\(term)\" is not an all mechanism"
        case .foldAllDisagrees(let name, let allTerms):
            return
                "the SPF records at \(name) end in \(SPFProblem.quoted(allTerms)), and +all cannot be folded with a stricter all"
        case .foldRedirectDisagrees(let name, let records):
            return
                "the SPF records at \(name) (\(SPFProblem.quoted(records))) do not agree on a redirect, so folding them would change whose policy applies"
        case .foldExpDisagrees(let name, let terms):
            return "the SPF records at \(name) name different explanations (\(SPFProblem.quoted(terms)))"
        case .foldQualifierDisagrees(let name, let terms):
            return
                "the SPF records at \(name) list the same mechanism with different qualifiers (\(SPFProblem.quoted(terms)))"
        case .nothingToFold(let name):
            return "there is no SPF record at \(name) to fold"
        case .notWritable(let reason):
            return "the merged SPF record cannot be written: \(reason)"
        }
    }

    public var fix: String? {
        switch self {
        case .multipleRecords:
            return "fold them into one SPF record, then plan again"
        case .multipleRecordsToFold:
            // The repair mailzone can make, said as the declaration says it.
            return "set `spf: { fold: true }` for this sender to fold them into one (the strictest `all` is kept), "
                + "or fold them by hand, then plan again"
        case .notWritable:
            return nil
        case .unparseable:
            return "correct the record by hand, then plan again"
        case .qualifiedInclude(_, let includeDomain, _):
            return
                "change it to include:\(includeDomain) if the service should pass, or drop the service from this sender"
        case .redirectWithoutAll(_, let includeDomain, _):
            return
                "add include:\(includeDomain) to the SPF record at the redirect target, or replace the redirect with include: and an all"
        case .tooManyLookups:
            return "replace some include, a or mx terms with ip4:/ip6: ranges, or remove services that no longer send"
        case .invalidIncludeDomain:
            return "correct the include domain in the preset or mailzone.yaml"
        case .invalidSuggestedAll:
            return "write -all, ~all, ?all or +all"
        case .foldAllDisagrees:
            return "decide which all applies and edit the records into one by hand"
        case .foldRedirectDisagrees:
            return "edit the records into one by hand"
        case .foldExpDisagrees:
            return "keep one exp= and remove the others"
        case .foldQualifierDisagrees:
            return "decide which qualifier applies and edit the records into one by hand"
        case .nothingToFold:
            return nil
        }
    }
}
