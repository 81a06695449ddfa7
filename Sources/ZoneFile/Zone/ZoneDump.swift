/// Canonical ordering of records, for dumps that compare across tools.
public enum ZoneDump {
    /// RFC 4034 §6.1 name order, then type, then canonical RDATA octets.
    public static func canonicalOrder(_ records: [Record]) -> [Record] {
        records.sorted { lhs, rhs in
            if lhs.owner != rhs.owner { return lhs.owner < rhs.owner }
            if lhs.type != rhs.type { return lhs.type < rhs.type }
            return lhs.rdata.canonicalWire.lexicographicallyPrecedes(rhs.rdata.canonicalWire)
        }
    }
}
