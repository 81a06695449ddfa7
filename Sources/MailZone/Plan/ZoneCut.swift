import ZoneFile

/// Where a zone stops answering for the names below a point: a delegation (NS at a name other
/// than the apex, RFC 1034 §4.2.1) or a DNAME (RFC 6672 §2.3). BIND loads records written at or
/// below a delegation, or below a DNAME, but never serves them (it answers with a referral or a
/// redirection), so planning must not write mail records there.
struct ZoneCut {
    enum Kind {
        /// NS records at a name below the apex; `hasDS` when the delegation is also signed (DS).
        case delegation(hasDS: Bool)
        /// A DNAME; names strictly below its owner are redirected to its target.
        case dname(target: DomainName)
    }

    var owner: DomainName
    var kind: Kind
    /// The NS or DNAME record that makes the cut, for its file and line.
    var record: StateRecord
}

extension ZoneState {
    /// The highest cut that hides `name` from the zone's answers: NS at `name` or an ancestor below
    /// the apex, or a DNAME at an ancestor (the apex included). Nil when `name` is served.
    mutating func cut(hiding name: DomainName, origin: DomainName) -> ZoneCut? {
        guard mayHaveCuts(origin: origin) else { return nil }
        return walkToCut(hiding: name, origin: origin)
    }

    /// `cut(hiding:origin:)` found by walking from the apex down to `name`, asking each name on the way.
    mutating func walkToCut(hiding name: DomainName, origin: DomainName) -> ZoneCut? {
        var chain: [DomainName] = []  // from `name` up to the apex
        var current: DomainName? = name
        while let next = current, next.isSubdomain(of: origin) {
            chain.append(next)
            current = next == origin ? nil : next.parent
        }
        for owner in chain.reversed() where mayHoldCut(owner) {
            if owner != origin, let ns = records(at: owner, type: .ns).first {
                return ZoneCut(
                    owner: owner, kind: .delegation(hasDS: !records(at: owner, type: .ds).isEmpty), record: ns)
            }
            if owner != name, let dname = records(at: owner, type: .dname).first,
                let target = try? DomainName(parsing: dname.rdata.presentation)
            {
                return ZoneCut(owner: owner, kind: .dname(target: target), record: dname)
            }
        }
        return nil
    }
}
