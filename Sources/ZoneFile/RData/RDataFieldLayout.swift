/// One field of a record type's RDATA, in wire order, as the type's RFC draws it.
///
/// A type's list of fields is the one description every RDATA user reads: the presentation
/// codec of the plain types is made from it, canonical form lower-cases its `name` fields
/// (RFC 4034 §6.2), a DNS message reader decompresses them (RFC 1035 §4.1.4), and the typed views
/// (`RData.mx`, `.soa`) decode through it.
public struct RDataFieldLayout: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case uint8
        case uint16
        case uint32
        /// 32 bits of seconds that presentation may write with TTL units (`1h`), the SOA timers.
        case period
        /// Four octets, a dotted quad in presentation.
        case ipv4
        /// Sixteen octets, RFC 4291 text in presentation.
        case ipv6
        /// A domain name, uncompressed in zone data.
        case name
        /// One length-prefixed character-string (RFC 1035 §3.3).
        case characterString
        /// A last character-string that may be left out (ISDN's subaddress).
        case optionalCharacterString
        /// One or more character-strings up to the end of the RDATA (TXT).
        case characterStrings
        /// The rest of the RDATA, at least one octet, written in hexadecimal (RFC 4648 §8) that
        /// presentation may split across fields (TLSA's certificate association data).
        case hex
        /// The rest of the RDATA, at least one octet, written in base64 (RFC 4648 §4) that presentation
        /// may split across fields (an OPENPGPKEY key, DHCID data).
        case base64
        /// The rest of the RDATA, laid out by the type's own format (keys, bitmaps, parameters).
        case opaque
    }

    public let kind: Kind
    /// What the field is called in messages (`SRV priority`, `exchange`).
    public let label: String

    public init(_ kind: Kind, _ label: String) {
        self.kind = kind
        self.label = label
    }

    /// Octets the field takes on the wire when that is fixed; nil for names and strings.
    public var wireSize: Int? {
        switch kind {
        case .uint8: 1
        case .uint16: 2
        case .uint32, .period, .ipv4: 4
        case .ipv6: 16
        case .name, .characterString, .optionalCharacterString, .characterStrings, .hex, .base64, .opaque: nil
        }
    }

    static func uint8(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.uint8, label) }
    static func uint16(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.uint16, label) }
    static func uint32(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.uint32, label) }
    static func period(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.period, label) }
    static func name(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.name, label) }
    static func string(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.characterString, label) }
    static func hex(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.hex, label) }
    static func base64(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.base64, label) }
    static func opaque(_ label: String) -> RDataFieldLayout { RDataFieldLayout(.opaque, label) }
}

/// Whether a type's RDATA names may be compressed in DNS messages (RFC 1035 §4.1.4, RFC 3597 §4).
public enum NameCompression: Sendable, Equatable {
    /// Never compressed: the RDATA is taken as it is.
    case none
    /// Old servers may compress them (RFC 3597 §4 names RP, AFSDB, RT, PX, SRV): decompressed on
    /// reading, never compressed on writing.
    case decompressOnly
    /// The RFC 1035 types (NS, CNAME, SOA, PTR, MX, MINFO, ...): compressed on writing too.
    case compressed
}

/// Everything known about one record type's RDATA: its fields, whether canonical form lower-cases
/// its names, whether messages compress them, and its presentation format. A class: every record
/// read looks its type up, and a reference is one retain where a struct of arrays and closures is several.
public final class RRTypeDescription: Sendable {
    public let type: RRType
    public let fields: [RDataFieldLayout]
    /// Names in the RDATA are lower-cased in canonical form (RFC 4034 §6.2 as amended by RFC 6840 §5.1).
    public let lowercasesNames: Bool
    public let compression: NameCompression
    /// Presentation ↔ wire: made from `fields` unless the type needs its own (`hasOwnFormat`).
    package let format: RDataFormat
    /// True when the presentation format is the type's own code rather than made from `fields`.
    package let hasOwnFormat: Bool

    init(
        _ type: RRType, _ fields: [RDataFieldLayout], lowercasesNames: Bool = false,
        compression: NameCompression = .none, format: RDataFormat? = nil
    ) {
        self.type = type
        self.fields = fields
        self.lowercasesNames = lowercasesNames
        self.compression = compression
        self.format = format ?? FieldFormat.make(type, fields)
        self.hasOwnFormat = format != nil
    }
}
