/// Which interned names lie outside the zone's origin, worked out once per distinct name: names
/// are interned with increasing ids, so each id is checked the first time a record reaches it.
struct OutOfZoneNames {
    /// Ids below this have been checked against the zone origin.
    private var checked: UInt32 = 0
    /// The checked ids that are outside the zone.
    private var outside = Set<UInt32>()

    /// Whether `owner` is outside `zoneOrigin`.
    mutating func contains(_ owner: UInt32, names: NameTable, zoneOrigin: DomainName) -> Bool {
        if owner < checked { return !outside.isEmpty && outside.contains(owner) }
        while checked <= owner {
            if !names.wireIsSubdomain(checked, of: zoneOrigin) { outside.insert(checked) }
            checked += 1
        }
        return outside.contains(owner)
    }
}
