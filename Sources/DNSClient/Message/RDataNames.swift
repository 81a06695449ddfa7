import ZoneFile

/// Where domain names sit inside the RDATA of the types whose names may be compressed.
///
/// RFC 1035 types (NS, CNAME, SOA, PTR, MX, MINFO, ...) may carry compressed names in
/// answers; RFC 3597 §4 asks readers to also decompress RP, AFSDB, RT, PX and SRV. Every
/// other type's RDATA is opaque and taken as is.
enum RDataNames {
    enum Field {
        case name
        case fixed(Int)
    }

    /// The field layout of `type`'s RDATA up to and including its last name; nil for opaque types.
    static func layout(_ type: RRType) -> [Field]? {
        switch type {
        case .ns, .md, .mf, .cname, .mb, .mg, .mr, .ptr: [.name]
        case .soa: [.name, .name, .fixed(20)]
        case .minfo, .rp: [.name, .name]
        case .mx, .afsdb, .rt: [.fixed(2), .name]
        case .px: [.fixed(2), .name, .name]
        case .srv: [.fixed(6), .name]
        default: nil
        }
    }

    /// Types whose RDATA names mailzone compresses when it writes a message (RFC 3597 §4 allows only
    /// the RFC 1035 types).
    static func compressesOnWrite(_ type: RRType) -> Bool {
        switch type {
        case .ns, .md, .mf, .cname, .mb, .mg, .mr, .ptr, .soa, .minfo, .mx: true
        default: false
        }
    }
}
