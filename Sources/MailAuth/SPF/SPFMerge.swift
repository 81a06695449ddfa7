/// Merging a service's required `include:` into the SPF record at a name (MAILAUTH.md
/// "Merging a required include:X", rules 1–8).
public enum SPFMerge {
    /// Merges `includeDomains` (in order) into the SPF record among `existing`.
    ///
    /// - Parameters:
    ///   - includeDomains: Domains each service needs as `include:`, e.g. `["qcloudmail.com"]`.
    ///   - existing: The text of every TXT record at the name, each record's strings joined;
    ///     TXT records that are not SPF are ignored.
    ///   - name: The owner as the user sees it (`@`, `abc`), used in messages.
    ///   - suggestedAll: The `all` ending a new record; ignored when a record exists (rule 6).
    ///   - allowWithRedirect: Insert before `redirect=` instead of refusing when the record
    ///     has a redirect and no `all` (rule 5's conflict is the default).
    public static func merge(
        includeDomains: [String], existing: [String], name: String = "@",
        suggestedAll: String = "~all", allowWithRedirect: Bool = false
    ) -> SPFMergeOutcome {
        var wanted: [String] = []
        for includeDomain in includeDomains {
            if let reason = SPFMacroSyntax.domainSpecProblem(includeDomain) {
                return .conflict(.invalidIncludeDomain(includeDomain: includeDomain, reason: reason))
            }
            if !wanted.contains(where: { SPFDomain.comparisonKey($0) == SPFDomain.comparisonKey(includeDomain) }) {
                wanted.append(includeDomain)
            }
        }

        let records = existing.filter(SPFRecord.isSPF)
        if records.count > 1 {
            return .conflict(.multipleRecords(name: name, records: records))
        }
        guard let current = records.first, let record = SPFRecord(current) else {
            return create(includeDomains: wanted, name: name, suggestedAll: suggestedAll)
        }
        let broken = record.syntaxProblems
        if !broken.isEmpty {
            return .conflict(.unparseable(name: name, record: current, problems: broken))
        }

        var merged = record
        for includeDomain in wanted {
            if let conflict = add(includeDomain, to: &merged, name: name, allowWithRedirect: allowWithRedirect) {
                return .conflict(conflict)
            }
        }
        if merged == record {
            return .unchanged
        }
        if let conflict = merged.lookupConflict(name: name) { return .conflict(conflict) }
        return .changed(record: merged.text, replacing: current)
    }

    /// Rule 1: no SPF record, so write the service's: `v=spf1 include:X ~all`.
    private static func create(includeDomains: [String], name: String, suggestedAll: String) -> SPFMergeOutcome {
        if includeDomains.isEmpty {
            return .unchanged
        }
        let allTerm = SPFTerm(text: suggestedAll)
        guard allTerm.isAll else {
            return .conflict(.invalidSuggestedAll(suggestedAll))
        }
        let record = SPFRecord(terms: includeDomains.map { "include:\($0)" } + [suggestedAll])
        if let conflict = record.lookupConflict(name: name) { return .conflict(conflict) }
        return .changed(record: record.text, replacing: nil)
    }

    /// Rules 4 and 5 for one include; returns a conflict or edits `record`.
    private static func add(
        _ includeDomain: String, to record: inout SPFRecord, name: String,
        allowWithRedirect: Bool
    ) -> SPFConflict? {
        let key = SPFDomain.comparisonKey(includeDomain)
        let allIndex = record.firstAllIndex ?? record.terms.count
        let matches = record.terms.indices.filter { index in
            record.terms[index].includeDomain.map(SPFDomain.comparisonKey) == key
        }
        let evaluated = matches.filter { $0 < allIndex }
        // The first evaluated match decides what the include gives: it must pass.
        if let first = evaluated.first {
            let term = record.terms[first]
            return term.effectiveQualifier == .pass
                ? nil
                : .qualifiedInclude(name: name, includeDomain: includeDomain, term: term.text)
        }
        if let qualified = matches.map({ record.terms[$0] }).first(where: { $0.effectiveQualifier != .pass }) {
            return .qualifiedInclude(name: name, includeDomain: includeDomain, term: qualified.text)
        }

        // Present only after all: move the first one (spelling kept) before all, drop the rest.
        var newTerm = SPFTerm(leadingSpace: " ", text: "include:\(includeDomain)")
        if let first = matches.first {
            newTerm = record.terms[first]
            newTerm.leadingSpace = " "
            for index in matches.reversed() {
                record.terms.remove(at: index)
            }
        }

        if let allIndex = record.firstAllIndex {
            record.terms.insert(newTerm, at: allIndex)
        } else if let redirect = record.effectiveRedirect {
            guard allowWithRedirect, let redirectIndex = record.terms.firstIndex(of: redirect) else {
                return .redirectWithoutAll(name: name, includeDomain: includeDomain, redirect: redirect.text)
            }
            record.terms.insert(newTerm, at: redirectIndex)
        } else {
            record.terms.append(newTerm)
        }
        return nil
    }
}
