/// Which interned names lie outside the zone's origin, worked out once per distinct name: names
/// are interned with increasing ids, so each id is checked the first time a record reaches it.
///
/// A re-read of an edited zone meets the old zone's names (`NameTable(extending:)`) in no order and
/// far ahead of the ids checked: such a name is checked alone and remembered, rather than every id
/// below it (half a million names for one edit of a large zone).
struct OutOfZoneNames {
    /// Ids below this have been checked against the zone origin.
    private var checked: UInt32 = 0
    /// The checked ids that are outside the zone.
    private var outside = Set<UInt32>()
    /// Names checked out of order: whether each is outside.
    private var outOfOrder: [UInt32: Bool] = [:]

    /// Whether the name table's suffix is the zone origin, once asked: then every name stored with the
    /// suffix cut is inside, told by a flag instead of comparing its end with the origin.
    private var suffixIsOrigin: Bool?

    /// How far past the checked ids a name may be and still have the ids between checked with it.
    private static let gap: UInt32 = 64

    /// Whether name `id` is at or below `zoneOrigin`.
    private mutating func isInside(_ id: UInt32, names: NameTable, zoneOrigin: DomainName) -> Bool {
        if suffixIsOrigin == nil { suffixIsOrigin = names.isSuffix(zoneOrigin) }
        if suffixIsOrigin == true, names.endsInSuffix(id) { return true }
        return names.wireIsSubdomain(id, of: zoneOrigin)
    }

    /// Whether `owner` is outside `zoneOrigin`.
    mutating func contains(_ owner: UInt32, names: NameTable, zoneOrigin: DomainName) -> Bool {
        if owner < checked { return !outside.isEmpty && outside.contains(owner) }
        guard owner - checked <= OutOfZoneNames.gap else {
            if let known = outOfOrder[owner] { return known }
            let isOutside = !isInside(owner, names: names, zoneOrigin: zoneOrigin)
            outOfOrder[owner] = isOutside
            return isOutside
        }
        while checked <= owner {
            if !isInside(checked, names: names, zoneOrigin: zoneOrigin) { outside.insert(checked) }
            checked += 1
        }
        // Most zones have no name outside: an empty set is not hashed into.
        return !outside.isEmpty && outside.contains(owner)
    }
}
