/// TXT and SPF (RFC 1035 §3.3.14, RFC 7208 §3): one or more character-strings.
enum TextFormats {
    static let txt = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            guard !reader.isAtEnd else { throw RDataError("missing text: TXT needs at least one string") }
            while !reader.isAtEnd {
                try reader.characterString()
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            guard !reader.isAtEnd else { throw RDataError("TXT RDATA needs at least one string") }
            var parts: [String] = []
            while !reader.isAtEnd { parts.append(try reader.characterString()) }
            return parts.joined(separator: " ")
        })
}
