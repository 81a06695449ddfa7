/// Types whose RDATA is names and numbers: NS, CNAME, DNAME, PTR, MX, SOA.
enum NameFormats {
    /// NS, CNAME, DNAME, PTR (and the obsolete MD MF MB MG MR): one domain name.
    static let singleName = RDataFormat(
        canonicalLowercase: true,
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.name()
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            try reader.name()
        })

    /// MX (RFC 1035 §3.3.9): preference and exchange.
    static let preferenceAndName = RDataFormat(
        canonicalLowercase: true,
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint16("preference")
            try reader.name("exchange")
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            "\(try reader.uint16()) \(try reader.name())"
        })

    /// SOA (RFC 1035 §3.3.13): MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM; the timers take TTL units.
    static let soa = RDataFormat(
        canonicalLowercase: true,
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.name("primary name server")
            try reader.name("mailbox")
            try reader.uint32("serial")
            for what in ["refresh", "retry", "expire", "minimum"] {
                let field = try reader.next(what)
                switch TTLParser.parse(field.bytes) {
                case .success(let value): reader.appendUInt32(value)
                case .failure: throw reader.error("bad SOA \(what) '\(field.text)'")
                }
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let mname = try reader.name()
            let rname = try reader.name()
            var parts = [mname, rname]
            for _ in 0..<5 { parts.append(String(try reader.uint32())) }
            return parts.joined(separator: " ")
        })
}
