/// `deletions:` in mailzone.yaml: whether apply may delete the records mailzone manages that the
/// declaration no longer asks for, and how many at once (see `DeletionGuard`).
public struct DeletionPolicy: Sendable, Hashable {
    /// `allow: true`: apply deletes without `--allow-delete`.
    public var allow: Bool?
    /// `max_records: N`: at most N records deleted in one zone by one apply, unless `--force-delete`.
    public var maxRecords: Int?
    /// `max_percent: P`: at most P% of the records mailzone manages in a zone (of 10 or more) deleted by
    /// one apply, unless `--force-delete`; 30 when unset (octoDNS's default).
    public var maxPercent: Int?

    public init(allow: Bool? = nil, maxRecords: Int? = nil, maxPercent: Int? = nil) {
        self.allow = allow
        self.maxRecords = maxRecords
        self.maxPercent = maxPercent
    }

    /// Whether the declaration itself allows deleting.
    public var allows: Bool { allow ?? false }
}
