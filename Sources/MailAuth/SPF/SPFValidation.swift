extension SPFRecord {
    /// Every problem in the record, errors and warnings, in the order of the terms.
    public var problems: [SPFProblem] {
        var problems: [SPFProblem] = []
        for term in terms {
            if case .invalid(let reason) = term.directive {
                problems.append(.invalidTerm(term: term.text, reason: reason))
            }
        }
        problems += duplicateModifiers
        for term in terms where term.mechanism.map({ if case .ptr = $0 { true } else { false } }) ?? false {
            problems.append(.ptrUsed(term: term.text))
        }
        if let allIndex = firstAllIndex {
            let all = terms[allIndex].text
            let after = terms[(allIndex + 1)...].filter { $0.mechanism != nil }.map(\.text)
            if !after.isEmpty {
                problems.append(.termsAfterAll(all: all, terms: after))
            }
            if let redirect = terms.first(where: { if case .redirect = $0.modifier { true } else { false } }) {
                problems.append(.redirectIgnored(redirect: redirect.text, all: all))
            }
        }
        let lookups = lookupTerms
        if lookups.count > Self.lookupLimit {
            problems.append(.tooManyLookups(count: lookups.count, terms: lookups.map(\.text)))
        }
        return problems
    }

    /// Problems that make the record a permerror whatever else happens: bad syntax and
    /// repeated `redirect=`/`exp=`. A record with any of these cannot be merged into.
    public var syntaxProblems: [SPFProblem] {
        problems.filter {
            switch $0 {
            case .invalidTerm, .duplicateModifier: true
            default: false
            }
        }
    }

    private var duplicateModifiers: [SPFProblem] {
        var problems: [SPFProblem] = []
        for name in ["redirect", "exp"] {
            let found = terms.filter { $0.modifier?.name == name }.map(\.text)
            if found.count > 1 {
                problems.append(.duplicateModifier(name: name, terms: found))
            }
        }
        return problems
    }
}
