import MailAuth
import ZoneFile

/// What stops a record before any rule of its own: a CNAME or a zone cut at its name, a TXT that
/// misspells the record wanted there; and the wildcard a created name stops matching.
extension SenderPlanner {

    /// A CNAME at a name that needs other data is a conflict (RFC 1034 §3.6.2).
    mutating func cnameConflict(
        at name: DomainName, wanting type: RRType, purpose: String,
        declaration: YAMLLocation?
    ) -> Bool {
        guard let cname = state.firstRecord(at: name, type: .cname) else { return false }
        conflict(
            name, type, purpose,
            PlacementConflict.cnameAtName(name: relative(name), target: cname.rdata.presentation, type: type.mnemonic),
            before: "CNAME \(cname.rdata.presentation)", zone: cname.existing, declaration: declaration)
        return true
    }

    /// A record at or below a delegation, or below a DNAME, would be loaded but never served
    /// (RFC 1034 §4.2.1, RFC 6672 §2.3): a conflict naming the cut and where it is written.
    mutating func occludedConflict(
        at name: DomainName, wanting type: RRType, purpose: String,
        declaration: YAMLLocation?
    ) -> Bool {
        guard let cut = state.cut(hiding: name, origin: origin) else { return false }
        let record = "\(cut.record.type) \(cut.record.rdata.presentation)"
        let written = cut.record.existing?.source.map { "\($0.path):\($0.location.line)" }
        let problem: PlacementConflict
        switch cut.kind {
        case .delegation(let hasDS):
            problem = .delegated(
                name: relative(name), cut: relative(cut.owner), atCut: name == cut.owner, record: record,
                written: written, signed: hasDS, type: type.mnemonic, childOrigin: cut.owner.description)
        case .dname(let target):
            let redirected = (try? target.prepending(name.relative(to: cut.owner)))?.description ?? target.description
            problem = .belowDNAME(
                name: relative(name), cut: relative(cut.owner), record: record, written: written,
                target: target.description, redirected: redirected, type: type.mnemonic)
        }
        conflict(name, type, purpose, problem, before: record, zone: cut.record.existing, declaration: declaration)
        return true
    }

    /// Warns once per wildcard-covered name this sender creates: the wildcard's records stop matching it.
    mutating func warnAboutWildcards() {
        // No wildcard in the zone or the plan (most zones): no name is covered, and the operations are not read.
        guard state.mayHaveWildcards() else { return }
        var warned = Set<DomainName>()
        for operation in operations {
            guard case .create(let type, _, _, _) = operation.kind, !warned.contains(operation.owner),
                let coverage = state.wildcardCovering(operation.owner, origin: origin)
            else { continue }
            let names = coverage.names.filter { warned.insert($0).inserted }
            guard !names.isEmpty else { continue }
            let created = firstCreate[operation.owner]
            warn(
                operation.owner, type, created?.purpose ?? "other",
                PlacementConflict.wildcardStopsMatching(
                    created: relative(operation.owner), names: names.map(relative),
                    wildcard: coverage.wildcard.description,
                    records: coverage.records.prefix(3).map { "\($0.type) \($0.rdata.presentation)" },
                    more: max(coverage.records.count - 3, 0)),
                zone: coverage.records.first?.existing, declaration: created?.declaration)
        }
    }

    /// A TXT record at `name` that misspells the version of the record wanted there (`v=spfv1`,
    /// `v=dmarc1`) is a conflict at its line, with the record corrected as the fix: adding the
    /// wanted record beside it would leave two where the owner meant one. True when there is one.
    mutating func nearMissConflict(
        in txts: [StateRecord], at name: DomainName, purpose: String,
        declaration: YAMLLocation?,
        find: (String, String) -> NearMissRecord?
    ) -> Bool {
        for txt in txts {
            guard let nearMiss = find(txt.text, relative(name)) else { continue }
            conflict(
                name, .txt, purpose, nearMiss, before: quotedOneLine(txt.strings), zone: txt.existing,
                declaration: declaration)
            return true
        }
        return false
    }
}
