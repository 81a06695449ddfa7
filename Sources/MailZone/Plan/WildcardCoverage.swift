import ZoneFile

/// A wildcard that answers for names a plan is about to create (RFC 4592 §2.2.1): while a name does
/// not exist, a query for it is answered from `*.` at its closest encloser; once the plan writes a record
/// there, the name exists (and so do the empty non-terminals between it and that encloser) and the
/// wildcard's records stop being served for it. Often intended, sometimes not: planning warns.
struct WildcardCoverage {
    /// The wildcard's owner (`*.example.com.`).
    var wildcard: DomainName
    /// Its records, which stop matching `names`.
    var records: [StateRecord]
    /// The names that start to exist: the new owner first, then the empty non-terminals above it.
    var names: [DomainName]
}

extension ZoneState {
    /// The wildcard that answers for `name` today, when `name` does not exist yet and a wildcard covers it.
    mutating func wildcardCovering(_ name: DomainName, origin: DomainName) -> WildcardCoverage? {
        guard name != origin, wildcardAbove(name, origin: origin), !exists(name, origin: origin) else { return nil }
        var names = [name]
        var encloser = name.parent
        while let candidate = encloser, candidate != origin, candidate.isSubdomain(of: origin),
            !exists(candidate, origin: origin)
        {
            names.append(candidate)
            encloser = candidate.parent
        }
        guard let closest = encloser, closest.isSubdomain(of: origin), let wildcard = try? closest.prepending("*"),
            holdsRecords(at: wildcard)
        else {
            return nil
        }
        let records = records(at: wildcard)
        guard !records.isEmpty else { return nil }
        return WildcardCoverage(wildcard: wildcard, records: records, names: names)
    }

    /// Whether a wildcard (`*.A`) holds records at some ancestor A of `name` at or below `origin`: the
    /// only names a closest encloser's wildcard can be. Asked first, from the owner index alone, so a
    /// zone without such a wildcard (most zones) never works out which of its names exist.
    private mutating func wildcardAbove(_ name: DomainName, origin: DomainName) -> Bool {
        guard mayHaveWildcards() else { return false }
        var ancestor = name.parent
        while let candidate = ancestor, candidate.isSubdomain(of: origin) {
            if hasWildcard(below: candidate) { return true }
            ancestor = candidate.parent
        }
        return false
    }
}
