/// One RDATA field's value, read from wire form by the type's layout in `RRTypeTable`.
public enum RDataValue: Sendable, Hashable {
    /// An 8-, 16- or 32-bit number (SOA timers included).
    case number(UInt32)
    /// An IPv4 or IPv6 address's octets.
    case address([UInt8])
    case name(DomainName)
    /// One character-string's octets, without its length octet.
    case string([UInt8])
    /// The character-strings of a TXT-shaped RDATA.
    case strings([[UInt8]])
    /// The rest of the RDATA, laid out by the type's own format.
    case opaque([UInt8])
}

extension RData {
    /// The RDATA's fields as `RRTypeTable` lays them out; nil for a type without a description, or
    /// wire data that does not fit the layout exactly (a name that runs off the end, octets left over).
    public var fieldValues: [RDataValue]? {
        guard let description = RRTypeTable.description(for: type) else { return nil }
        var values: [RDataValue] = []
        values.reserveCapacity(description.fields.count)
        var position = 0
        for field in description.fields {
            switch field.kind {
            case .uint8, .uint16, .uint32, .period:
                guard let size = field.wireSize, position + size <= wire.count else { return nil }
                values.append(.number(wire[position..<(position + size)].reduce(0) { $0 << 8 | UInt32($1) }))
                position += size
            case .ipv4, .ipv6:
                guard let size = field.wireSize, position + size <= wire.count else { return nil }
                values.append(.address(Array(wire[position..<(position + size)])))
                position += size
            case .name:
                guard let end = DomainName.wireEnd(wire, from: position),
                    let name = DomainName(wire: Array(wire[position..<end]))
                else { return nil }
                values.append(.name(name))
                position = end
            case .characterString:
                guard let (string, end) = CharacterString.read(wire, at: position) else { return nil }
                values.append(.string(string))
                position = end
            case .optionalCharacterString:
                if position == wire.count { break }
                guard let (string, end) = CharacterString.read(wire, at: position) else { return nil }
                values.append(.string(string))
                position = end
            case .characterStrings:
                var strings: [[UInt8]] = []
                while position < wire.count {
                    guard let (string, end) = CharacterString.read(wire, at: position) else { return nil }
                    strings.append(string)
                    position = end
                }
                guard !strings.isEmpty else { return nil }
                values.append(.strings(strings))
            case .hex, .base64, .opaque:
                values.append(.opaque(Array(wire[position...])))
                position = wire.count
            }
        }
        return position == wire.count ? values : nil
    }

    /// An MX record's preference and exchange (RFC 1035 §3.3.9); nil for other types or bad wire data.
    public var mx: (preference: UInt16, exchange: DomainName)? {
        guard type == .mx, let values = fieldValues, case .number(let preference) = values[0],
            case .name(let exchange) = values[1]
        else { return nil }
        return (UInt16(truncatingIfNeeded: preference), exchange)
    }

    /// An NS record's name server (RFC 1035 §3.3.11); nil for other types or bad wire data.
    public var ns: DomainName? { type == .ns ? onlyName : nil }

    /// A CNAME record's canonical name (RFC 1035 §3.3.1); nil for other types or bad wire data.
    public var cname: DomainName? { type == .cname ? onlyName : nil }

    /// The character-strings of a TXT-shaped record (TXT, SPF, AVC, RESINFO, WALLET), in order; nil
    /// for other types or bad wire data. SPF, DKIM and DMARC read them joined (RFC 7208 §3.3).
    public var txt: [[UInt8]]? {
        guard let values = fieldValues, values.count == 1, case .strings(let strings) = values[0] else { return nil }
        return strings
    }

    /// An SOA record's fields (RFC 1035 §3.3.13); nil for other types or bad wire data.
    public var soa: SOAFields? {
        guard type == .soa, let values = fieldValues, values.count == 7,
            case .name(let mname) = values[0], case .name(let rname) = values[1],
            case .number(let serial) = values[2], case .number(let refresh) = values[3],
            case .number(let retry) = values[4], case .number(let expire) = values[5],
            case .number(let minimum) = values[6]
        else { return nil }
        return SOAFields(
            mname: mname, rname: rname, serial: serial, refresh: refresh, retry: retry, expire: expire,
            minimum: minimum)
    }

    /// The SOA's SERIAL; nil for other types or bad wire data. Read in place (`soaSerial(wire:)`): the edit
    /// check asks it of every zone it plans, and `soa` would build both names.
    public var soaSerial: UInt32? {
        type == .soa ? wire.withUnsafeBufferPointer { RData.soaSerial(wire: $0) } : nil
    }

    /// The SERIAL of SOA RDATA `wire`, where `soa?.serial` finds it (two names, each of at most 63-octet labels
    /// and 255 octets, then the five 32-bit numbers and nothing more); nil for data of another shape. No name
    /// is built.
    static func soaSerial(wire: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var position = 0
        for _ in 0..<2 {
            let start = position
            while true {
                guard position < wire.count else { return nil }
                let length = Int(wire[position])
                position += 1
                if length == 0 { break }
                guard length <= 63 else { return nil }
                position += length
            }
            guard position - start <= 255 else { return nil }
        }
        guard wire.count - position == 20 else { return nil }
        return wire[position..<(position + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The SOA's MINIMUM, the last field; nil for other types.
    public var soaMinimum: UInt32? { soa?.minimum }

    /// The character-strings of TXT-shaped RDATA, decoded; a last string cut short by the end of
    /// the data is kept as far as it goes (a served answer is shown, not refused).
    public var characterStrings: [[UInt8]] { CharacterString.strings(in: wire) }

    private var onlyName: DomainName? {
        guard let values = fieldValues, values.count == 1, case .name(let name) = values[0] else { return nil }
        return name
    }
}

/// An SOA record's seven fields (RFC 1035 §3.3.13).
public struct SOAFields: Sendable, Hashable {
    public var mname: DomainName
    public var rname: DomainName
    public var serial: UInt32
    public var refresh: UInt32
    public var retry: UInt32
    public var expire: UInt32
    public var minimum: UInt32
}

extension DomainName {
    /// Where the uncompressed name starting at `start` ends (past its root label); nil when it runs
    /// off the end of `wire`.
    static func wireEnd(_ wire: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < wire.count {
            let length = Int(wire[index])
            if length == 0 { return index + 1 }
            if length > 63 { return nil }
            index += length + 1
        }
        return nil
    }
}
