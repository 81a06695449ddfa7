/// The registry of presentation formats, by type code.
enum RDataFormats {
    static func format(for type: RRType) -> RDataFormat? {
        table[type.rawValue]
    }

    static let table: [UInt16: RDataFormat] = {
        var table: [UInt16: RDataFormat] = [:]
        table[RRType.a.rawValue] = AddressFormats.a
        table[RRType.aaaa.rawValue] = AddressFormats.aaaa
        for type in [RRType.ns, .cname, .dname, .ptr, .md, .mf, .mb, .mg, .mr] {
            table[type.rawValue] = NameFormats.singleName
        }
        table[RRType.mx.rawValue] = NameFormats.preferenceAndName
        table[RRType.txt.rawValue] = TextFormats.txt
        table[RRType.spf.rawValue] = TextFormats.txt
        table[RRType.soa.rawValue] = NameFormats.soa
        return table
    }()
}
