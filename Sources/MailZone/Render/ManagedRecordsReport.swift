import Foundation
import ZoneFile

/// `mailzone records --managed`: what mailzone manages in each declared zone, read from the
/// ownership markers on the zone files' lines (`ZoneOwnership`), with file and line.
///
/// The zone file is the only state, so this is the one place to ask "which of these records may
/// mailzone change or remove?" before a removal is planned, or after someone edited lines by hand.
/// A marker naming a sender the declaration no longer has is shown apart: those are the records a
/// plan of the whole declaration treats as the leftovers of a removed sender.
public struct ManagedRecordsReport: Encodable, Sendable {
    /// Version of the document (`schemas/managed.schema.json`).
    public static let formatVersion = 1

    public var version = ManagedRecordsReport.formatVersion
    public var declaration: String
    public var zones: [Zone]
    /// Set when the report covers part of the declaration (`--sender`, `--zone`).
    public var target: PlanTarget?

    public struct Zone: Encodable, Sendable {
        public var origin: String
        public var file: String
        /// The senders owning records here, in the order their first record is written.
        public var senders: [Sender]
        /// The zone cannot be read: nothing is known to be managed.
        public var errors: [PlanFinding]
        /// Markers that cannot be read (their records are not managed).
        public var warnings: [PlanFinding]
    }

    public struct Sender: Encodable, Sendable {
        /// Absolute.
        public var domain: String
        /// Whether the declaration has this sender.
        public var declared: Bool
        public var records: [Entry]
    }

    public struct Entry: Encodable, Sendable {
        public var location: PlanLocation
        /// Relative to the zone's origin (`@`, `qcloud._domainkey.news`).
        public var owner: String
        public var name: String
        public var type: String
        /// RDATA in presentation form.
        public var value: String
        /// The services the marker names (empty on SPF lines and on a sender's own record).
        public var services: [String]
        /// On an SPF line: `created` or `merged`, and the terms mailzone manages in it.
        public var spf: SPF?
    }

    public struct SPF: Encodable, Sendable {
        public var origin: String
        public var terms: [Term]
    }

    public struct Term: Encodable, Sendable {
        public var term: String
        public var services: [String]
    }

    /// Reads the markers of every declared zone (those of `target` when given), in declaration order.
    public static func make(_ declaration: Declaration, target: PlanTarget? = nil, allowOutside: Bool = false)
        -> ManagedRecordsReport
    {
        let root = Planner.includeRoot(declarationPath: declaration.displayPath, allowOutside: allowOutside)
        let sendersByZone = target?.sendersByZone(declaration) ?? declaration.sendersByZone
        let declared = Set(declaration.senders.map(\.domain.value))
        var zones: [Zone] = []
        for (index, zoneDeclaration) in declaration.zones.enumerated() {
            if let target, !target.includes(zone: index, of: declaration, sendersByZone: sendersByZone) { continue }
            let path = declaration.path(of: zoneDeclaration)
            let originName = zoneDeclaration.origin.value
            var zone = Zone(origin: originName.absolute, file: path, senders: [], errors: [], warnings: [])
            defer { zones.append(zone) }
            if let root, !FilePaths.isInside(resolved: FilePaths.resolved(path), resolvedRoot: root) {
                zone.errors.append(
                    ZoneLoadFinding.outside(
                        path: path, declared: zoneDeclaration, declaration: declaration.displayPath))
                continue
            }
            let loaded = ZoneLoader.load(
                path: path, options: Planner.loadOptions(origin: originName.dnsName, includeRoot: root))
            if !loaded.errors.isEmpty {
                zone.errors = ZoneLoadFinding.findings(
                    for: loaded, declared: zoneDeclaration, path: path, declaration: declaration.displayPath)
                continue
            }
            let ownership = ZoneOwnership(zone: loaded)
            zone.warnings = ownership.problems
            // Narrowed to senders (not this whole zone): only theirs.
            let zoneTargeted = target.map { $0.zones.contains(originName.absolute) } ?? true
            let wanted = Set(sendersByZone[index].map { declaration.senders[$0].domain.value })
            for sender in ownership.senders where zoneTargeted || wanted.contains(sender) {
                let records = ownership.records(ofSender: sender).map { owned in
                    Entry(
                        location: owned.location,
                        owner: owned.record.owner.relative(to: originName.dnsName),
                        name: owned.record.owner.description, type: owned.record.type.description,
                        value: owned.record.rdata.presentation, services: owned.marker.services,
                        spf: owned.marker.spf.map { spf in
                            SPF(
                                origin: spf.origin.rawValue,
                                terms: spf.terms.map { Term(term: $0.term, services: $0.services) })
                        })
                }
                zone.senders.append(
                    Sender(domain: sender.absolute, declared: declared.contains(sender), records: records))
            }
        }
        return ManagedRecordsReport(declaration: declaration.displayPath, zones: zones, target: target)
    }

    /// Every managed record, per zone and sender, with its file and line; the closing line counts them.
    public func renderText() -> String {
        var out = target.map { $0.notice(declaration: declaration) + "\n" } ?? ""
        var count = 0
        for zone in zones {
            out += "zone \(zone.origin)  \(zone.file)\n"
            for finding in zone.errors + zone.warnings {
                let place = finding.location.map { "\($0): " } ?? ""
                out += "  \(place)\(finding.severity): \(finding.message)\n"
                if let fix = finding.fix { out += "    fix: \(fix)\n" }
            }
            if zone.errors.isEmpty, zone.senders.isEmpty { out += "  no record carries a mailzone marker\n" }
            for sender in zone.senders {
                let note = sender.declared ? "" : "  (not in \(declaration): its records are a removed sender's)"
                out += "  sender \(sender.domain.dropLast())\(note)\n"
                let places = sender.records.map { "\($0.location.file):\($0.location.line)" }
                let placeWidth = places.map(\.count).max() ?? 0
                let ownerWidth = sender.records.map(\.owner.count).max() ?? 0
                for (entry, place) in zip(sender.records, places) {
                    let what: String
                    if let spf = entry.spf {
                        let terms = spf.terms.map { "\($0.term) (\($0.services.joined(separator: ", ")))" }
                        what = "spf=\(spf.origin): " + terms.joined(separator: ", ")
                    } else {
                        what = entry.services.isEmpty ? "the sender's own" : entry.services.joined(separator: ", ")
                    }
                    out +=
                        "    " + place.padded(to: placeWidth) + "  " + entry.owner.padded(to: ownerWidth) + "  "
                        + entry.type.padded(to: 5) + " " + what + "\n"
                }
                count += sender.records.count
            }
        }
        let senders = zones.reduce(0) { $0 + $1.senders.count }
        out +=
            "Managed: \(count) \(count == 1 ? "record" : "records") of \(senders) \(senders == 1 ? "sender" : "senders") "
            + "in \(zones.count) \(zones.count == 1 ? "zone" : "zones").\n"
        return out
    }

    /// Exit status: 1 when a zone cannot be read, else 0.
    public var exitCode: Int32 { zones.contains { !$0.errors.isEmpty } ? 1 : 0 }
}
