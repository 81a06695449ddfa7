import Foundation
import ZoneFile

/// Which zone a sender's records go to, and what their owners are called there.
///
/// The seed's "host record": for the primary domain `sampledomain.com` the MX
/// goes at `@`, for `abc.sampledomain.com` at `abc`, its DKIM key at
/// `qcloud._domainkey.abc`, its DMARC policy at `_dmarc.abc`.
public enum ZoneAssignment {
    /// The owner of a preset record named `presetName` (`@`, `_dmarc`, `qcloud._domainkey`, relative
    /// to the sender domain) for `sender`, made relative to `origin` when a zone is known.
    /// Nil when the result is not a valid DNS name.
    public static func owner(forPresetName presetName: String, sender: DeclaredName, origin: DeclaredName?)
        -> RecordOwner?
    {
        guard let name = sender.appending(relative: presetName) else { return nil }
        return RecordOwner(name: name, relative: origin.flatMap { name.relative(to: $0) })
    }

    /// `owner(forPresetName:sender:origin:)` for a sender whose name relative to `origin` is known
    /// (`senderRelative`, `sender.relative(to: origin)`): a record's relative owner is its preset name's labels
    /// put before it, not the whole name made relative again, once for every record of every sender.
    static func owner(
        forPresetName presetName: String, sender: DeclaredName, origin: DeclaredName?, senderRelative: String?
    ) -> RecordOwner? {
        guard origin != nil, let senderRelative else {
            return owner(forPresetName: presetName, sender: sender, origin: origin)
        }
        guard let name = sender.appending(relative: presetName) else { return nil }
        let prefix = name.labels.dropLast(sender.labels.count)
        guard !prefix.isEmpty else { return RecordOwner(name: name, relative: senderRelative) }
        let labels = prefix.joined(separator: ".")
        return RecordOwner(name: name, relative: senderRelative == "@" ? labels : joined(labels, senderRelative))
    }
}

extension ZoneAssignment {
    /// `owner(forPresetName:sender:origin:senderRelative:)` of a name without placeholders, read once for its preset
    /// (`WrittenName`): its labels put before the sender's, not read again for every record of every sender.
    static func owner(
        written: PresetDefinition.WrittenName, sender: DeclaredName, origin: DeclaredName?, senderRelative: String?
    ) -> RecordOwner? {
        guard origin != nil, let senderRelative else {
            return owner(forPresetName: written.text, sender: sender, origin: origin)
        }
        guard !written.labels.isEmpty else { return RecordOwner(name: sender, relative: senderRelative) }
        guard written.text.utf8.count + sender.lengthBelowPrefix <= 253 else { return nil }
        return RecordOwner(
            name: DeclaredName(labels: written.labels + sender.labels),
            relative: senderRelative == "@" ? written.relative : joined(written.relative, senderRelative))
    }

    /// `prefix.relative`, made in one piece: a DKIM selector's owner (`qcloud._domainkey.abc`) is too long to be
    /// held inline, and joined a part at a time it was made twice, once for every sender.
    static func joined(_ prefix: String, _ relative: String) -> String {
        var text = ""
        text.reserveCapacity(prefix.utf8.count + 1 + relative.utf8.count)
        text += prefix
        text += "."
        text += relative
        return text
    }
}

/// The declared zones by origin, to find the zone of a domain: the zone whose origin is the
/// longest suffix of the domain, label by label. Each lookup walks the domain's suffixes (a few
/// dictionary lookups) instead of scanning every zone; with two zones of the same origin (an
/// error the validator reports), the first wins.
public struct ZoneIndex: Sendable {
    private let zones: [ZoneDeclaration]
    private var byOrigin: [DeclaredName: Int] = [:]

    public init(_ zones: [ZoneDeclaration]) {
        self.zones = zones
        byOrigin.reserveCapacity(zones.count)
        for (index, zone) in zones.enumerated() where byOrigin[zone.origin.value] == nil {
            byOrigin[zone.origin.value] = index
        }
    }

    /// The zone whose origin is the longest suffix of `domain`, label by label; nil when none is.
    public func zone(for domain: DeclaredName) -> ZoneDeclaration? {
        index(for: domain).map { zones[$0] }
    }

    /// The position in the zones of the zone `zone(for:)` finds.
    public func index(for domain: DeclaredName) -> Int? {
        guard !byOrigin.isEmpty else { return nil }
        var labels = domain.labels[...]
        while !labels.isEmpty {
            if let index = byOrigin[DeclaredName(labels: Array(labels))] { return index }
            labels = labels.dropFirst()
        }
        return nil
    }
}

/// A record's owner name: absolute, and relative to its zone's origin as the zone file writes it.
public struct RecordOwner: Sendable, Hashable, CustomStringConvertible {
    /// The absolute owner: `_dmarc.abc.example.com.`.
    public var name: DeclaredName
    /// Relative to the zone origin: `@`, `abc`, `_dmarc.abc`; nil when the declaration has no zone for it.
    public var relative: String?

    public init(name: DeclaredName, relative: String?) {
        self.name = name
        self.relative = relative
    }

    /// The relative form when known, else the absolute one.
    public var description: String { relative ?? name.absolute }
}

extension Declaration {
    /// Each zone's senders (by position in `zones`), as indices into `senders` in declaration order —
    /// found in one pass, so planning or verifying thousands of zones does not scan every sender for every zone.
    public var sendersByZone: [[Int]] {
        var result = [[Int]](repeating: [], count: zones.count)
        for (offset, zone) in senderZones.enumerated() {
            if let zone { result[zone].append(offset) }
        }
        return result
    }

    /// The path a zone file is shown and opened by: relative to the current directory, like the declaration's.
    public func path(of zone: ZoneDeclaration) -> String {
        FilePaths.path(zone.file.value, besideFile: displayPath)
    }
}
