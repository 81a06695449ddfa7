/// Folding two or more SPF records at one name into one: an explicit opt-in, because the
/// name is broken (permerror, RFC 7208 §3.2) and someone must choose to repair it.
///
/// The rule:
/// - Mechanisms evaluated in each record (those before its `all`) are kept in order, record
///   after record, each once; the same mechanism with different qualifiers is refused.
/// - One `all` ends the record: the strictest of the records' (`-` over `~` over `?`); a record
///   without `all` or `redirect` counts as `?all`, since its default result is neutral (§4.7).
///   A `+all` beside any other `all` is refused: it authorises every host and no fold can keep
///   both meanings.
/// - Terms after an `all` are never evaluated (§5.1) and are dropped, as are `redirect=`
///   modifiers beside an `all` (§6.1).
/// - A `redirect=` that takes effect is kept only when every record has the same one and none
///   has an `all`; otherwise the fold is refused.
/// - `exp=` is kept when the records agree on it; unknown modifiers are kept once each.
/// - The folded record must stay within 10 DNS lookups.
public enum SPFFold {
    /// Folds the SPF records among `existing` (the text of every TXT record at the name; others
    /// are ignored) into one. `.changed` carries `replacing: nil`, since the folded record
    /// replaces every SPF record at the name; one record alone is `.unchanged`.
    public static func fold(_ existing: [String], name: String = "@") -> SPFMergeOutcome {
        let texts = existing.filter(SPFRecord.isSPF)
        var records: [SPFRecord] = []
        for text in texts {
            guard let record = SPFRecord(text) else { continue }
            let broken = record.syntaxProblems
            if !broken.isEmpty {
                return .conflict(.unparseable(name: name, record: text, problems: broken))
            }
            records.append(record)
        }
        guard !records.isEmpty else {
            return .conflict(.nothingToFold(name: name))
        }
        if records.count == 1 {
            return .unchanged
        }

        // redirect: only when all records delegate to the same place.
        let redirects = records.map(\.effectiveRedirect)
        var keptRedirect: SPFTerm?
        if redirects.contains(where: { $0 != nil }) {
            let keys = Set(redirects.map { $0.map { SPFDomain.comparisonKey($0.text) } ?? "" })
            guard keys.count == 1, let first = redirects.first ?? nil else {
                return .conflict(.foldRedirectDisagrees(name: name, records: texts))
            }
            keptRedirect = first
        }

        // all: the strictest, counting a record without all or redirect as ?all.
        let allTerms = records.compactMap { record in record.firstAllIndex.map { record.terms[$0] } }
        var keptAll: SPFTerm?
        if !allTerms.isEmpty {
            let qualifiers = Set(allTerms.compactMap(\.effectiveQualifier))
            if qualifiers.contains(.pass) && (qualifiers.count > 1 || allTerms.count < records.count) {
                return .conflict(.foldAllDisagrees(name: name, allTerms: allTerms.map(\.text)))
            }
            keptAll = allTerms.max {
                ($0.effectiveQualifier?.strictness ?? 0) < ($1.effectiveQualifier?.strictness ?? 0)
            }
        }

        // Evaluated mechanisms, in order, once each.
        var mechanisms: [SPFTerm] = []
        var modifiers: [SPFTerm] = []
        var exps: [SPFTerm] = []
        for record in records {
            let allIndex = record.firstAllIndex ?? record.terms.count
            for (index, term) in record.terms.enumerated() {
                if term.mechanism != nil {
                    guard index < allIndex else { continue }
                    if let same = mechanisms.first(where: { $0.matchKey == term.matchKey }) {
                        if same.effectiveQualifier != term.effectiveQualifier {
                            return .conflict(.foldQualifierDisagrees(name: name, terms: [same.text, term.text]))
                        }
                        continue
                    }
                    mechanisms.append(term)
                } else if let modifier = term.modifier {
                    switch modifier {
                    case .redirect:
                        continue
                    case .exp:
                        if !exps.contains(where: { $0.matchKey == term.matchKey }) { exps.append(term) }
                    case .unknown:
                        if !modifiers.contains(where: { $0.matchKey == term.matchKey }) { modifiers.append(term) }
                    }
                }
            }
        }
        if exps.count > 1 {
            return .conflict(.foldExpDisagrees(name: name, terms: exps.map(\.text)))
        }

        let folded = mechanisms + [keptAll].compactMap { $0 } + exps + modifiers + [keptRedirect].compactMap { $0 }
        let record = SPFRecord(terms: folded.map(\.text))
        if let conflict = record.lookupConflict(name: name) { return .conflict(conflict) }
        return .changed(record: record.text, replacing: nil)
    }
}
