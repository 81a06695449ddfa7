import ZoneFile

/// Writes a DNS message, compressing names against the ones already written (RFC 1035 §4.1.4).
struct DNSWireWriter {
    private(set) var bytes: [UInt8] = []
    let compress: Bool
    /// Offsets of name suffixes already written, keyed by their lower-cased wire form.
    private var offsets: [[UInt8]: Int] = [:]

    init(compress: Bool) {
        self.compress = compress
        bytes.reserveCapacity(512)
    }

    mutating func uint8(_ value: UInt8) { bytes.append(value) }

    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    mutating func octets(_ values: some Collection<UInt8>) { bytes.append(contentsOf: values) }

    mutating func set(uint16 value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(value & 0xFF)
    }

    /// Writes `name`, ending in a pointer to an earlier copy of its longest known suffix.
    mutating func name(_ name: DomainName) {
        let wire = name.wire
        var index = 0
        while index < wire.count, wire[index] != 0 {
            let suffix = DomainName(wire: Array(wire[index...]))?.lowercased.wire ?? []
            if compress, let offset = offsets[suffix] {
                uint16(0xC000 | UInt16(offset))
                return
            }
            if compress, bytes.count < 0x4000 { offsets[suffix] = bytes.count }
            let length = Int(wire[index])
            bytes.append(contentsOf: wire[index...(index + length)])
            index += length + 1
        }
        bytes.append(0)
    }

    /// Writes RDATA with its RDLENGTH, compressing the names of the RFC 1035 types.
    mutating func rdata(_ rdata: RData) throws(DNSMessageError) {
        let lengthOffset = bytes.count
        uint16(0)
        if compress, let description = RRTypeTable.description(for: rdata.type),
            description.compression == .compressed, (try? writeFields(description.fields, of: rdata)) != nil
        {
            // Written with compressed names.
        } else {
            bytes.append(contentsOf: rdata.wire)
        }
        let length = bytes.count - lengthOffset - 2
        guard length <= 0xFFFF else { throw .rdataTooLong(type: rdata.type.description) }
        set(uint16: UInt16(length), at: lengthOffset)
    }

    /// Re-reads the uncompressed RDATA field by field and writes it with compressed names; on a
    /// malformed RDATA (or a layout that is not names and fixed fields) the caller writes it as it is.
    private mutating func writeFields(_ fields: [RDataFieldLayout], of rdata: RData) throws(DNSMessageError) {
        var reader = DNSWireReader(rdata.wire)
        var parts: [(name: DomainName?, octets: [UInt8])] = []
        for field in fields {
            if field.kind == .name {
                parts.append((try reader.name(), []))
            } else if let size = field.wireSize {
                parts.append((nil, try reader.octets(size, "RDATA")))
            } else {
                throw .trailingOctets(count: reader.remaining)
            }
        }
        guard reader.remaining == 0 else { throw .trailingOctets(count: reader.remaining) }
        for part in parts {
            if let partName = part.name { name(partName) } else { octets(part.octets) }
        }
    }
}
