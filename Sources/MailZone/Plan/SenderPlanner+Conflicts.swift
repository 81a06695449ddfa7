import MailAuth
import ZoneFile

/// What stops a record before any rule of its own: a CNAME or a zone cut at its name, a TXT that
/// misspells the record wanted there; and the wildcard a created name stops matching.
extension SenderPlanner {

    /// A CNAME at a name that needs other data is a conflict (RFC 1034 §3.6.2).
    mutating func cnameConflict(
        at name: DomainName, wanting type: String, purpose: String,
        declaration: YAMLLocation?
    ) -> Bool {
        guard let cname = state.records(at: name, type: .cname).first else { return false }
        conflict(
            name, type, purpose,
            "\(relative(name)) has a CNAME (to \(cname.rdata.presentation)), so \(type == "MX" ? "an" : "a") \(type) record cannot be added there",
            fix: "remove the CNAME at \(relative(name)), or send from a name without one",
            before: "CNAME \(cname.rdata.presentation)", zone: cname.existing, declaration: declaration)
        return true
    }

    /// A record at or below a delegation, or below a DNAME, would be loaded but never served
    /// (RFC 1034 §4.2.1, RFC 6672 §2.3): a conflict naming the cut and where it is written.
    mutating func occludedConflict(
        at name: DomainName, wanting type: String, purpose: String,
        declaration: YAMLLocation?
    ) -> Bool {
        guard let cut = state.cut(hiding: name, origin: origin) else { return false }
        let owner = relative(cut.owner)
        let record = "\(cut.record.type) \(cut.record.rdata.presentation)"
        let written = cut.record.existing?.source.map { " at \($0.path):\($0.location.line)" } ?? ""
        let aRecord = "\(type == "MX" ? "an" : "a") \(type) record"
        switch cut.kind {
        case .delegation(let hasDS):
            let cutText = "\(record)\(written)\(hasDS ? ", with DS" : "")"
            let position =
                name == cut.owner
                ? "is delegated to another zone" : "is below the delegation of \(owner) to another zone"
            conflict(
                name, type, purpose,
                "\(relative(name)) \(position) (\(cutText)): \(aRecord) written in this zone would never be served; resolvers are referred to the child zone (RFC 1034 §4.2.1)",
                fix:
                    "declare the child zone's file (a zone with origin \(cut.owner)) so the record is written there, or remove the delegation",
                before: record, zone: cut.record.existing, declaration: declaration)
        case .dname(let target):
            let redirected = (try? target.prepending(name.relative(to: cut.owner)))?.description ?? target.description
            conflict(
                name, type, purpose,
                "\(relative(name)) is below the DNAME at \(owner) (\(record)\(written)): names below a DNAME are redirected to \(target), so \(aRecord) written here would never be served (RFC 6672 §2.3)",
                fix: "declare the zone of \(redirected) and write the record there, or remove the DNAME",
                before: record, zone: cut.record.existing, declaration: declaration)
        }
        return true
    }

    /// Warns once per wildcard-covered name this sender creates: the wildcard's records stop matching it.
    mutating func warnAboutWildcards() {
        var warned = Set<DomainName>()
        for operation in operations {
            guard case .create(let type, _, _, _) = operation.kind, !warned.contains(operation.owner),
                let coverage = state.wildcardCovering(operation.owner, origin: origin)
            else { continue }
            let names = coverage.names.filter { warned.insert($0).inserted }
            guard !names.isEmpty else { continue }
            let shown = coverage.records.prefix(3).map { "\($0.type) \($0.rdata.presentation)" }
            let records =
                shown.joined(separator: ", ")
                + (coverage.records.count > 3 ? " and \(coverage.records.count - 3) more" : "")
            let relativeNames = names.map(relative)
            let list =
                relativeNames.count == 1
                ? relativeNames[0]
                : relativeNames.dropLast().joined(separator: ", ") + " and " + (relativeNames.last ?? "")
            let created = firstCreate[operation.owner]
            add(
                .warning, operation.owner, type.mnemonic, created?.purpose ?? "other",
                message:
                    "creating \(relative(operation.owner)) makes \(list) exist, so the wildcard \(coverage.wildcard) stops matching \(names.count == 1 ? "it" : "them"): its records (\(records)) will no longer be served for \(list) (RFC 4592 §2.2.1)",
                fix: "nothing to do if that is intended; otherwise also add the records \(list) should keep",
                zone: coverage.records.first?.existing,
                declaration: created?.declaration)
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
                name, "TXT", purpose, nearMiss.summary, fix: nearMiss.fix, before: quotedOneLine(txt.strings),
                zone: txt.existing, declaration: declaration)
            return true
        }
        return false
    }
}
