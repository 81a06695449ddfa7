import ZoneFile

/// Reads a DNS message's octets with bounds checks, following compression pointers (RFC 1035 §4.1.4).
///
/// Every read checks the message length, so a hostile or damaged answer gives a
/// `DNSMessageError`, never a crash. Pointers must point strictly backwards, which
/// also rules out loops.
struct DNSWireReader {
    let bytes: [UInt8]
    private(set) var position: Int = 0
    /// Where reading stops: the message's end, or a record's RDATA end while its names are read.
    private var end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.end = bytes.count
    }

    var remaining: Int { end - position }

    mutating func uint8(_ what: String) throws(DNSMessageError) -> UInt8 {
        guard position < end else { throw .truncated(what: what, offset: position) }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint16(_ what: String) throws(DNSMessageError) -> UInt16 {
        guard position + 2 <= end else { throw .truncated(what: what, offset: position) }
        defer { position += 2 }
        return UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
    }

    mutating func uint32(_ what: String) throws(DNSMessageError) -> UInt32 {
        guard position + 4 <= end else { throw .truncated(what: what, offset: position) }
        defer { position += 4 }
        return UInt32(bytes[position]) << 24 | UInt32(bytes[position + 1]) << 16
            | UInt32(bytes[position + 2]) << 8 | UInt32(bytes[position + 3])
    }

    mutating func octets(_ count: Int, _ what: String) throws(DNSMessageError) -> [UInt8] {
        guard count >= 0, position + count <= end else { throw .truncated(what: what, offset: position) }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// Reads a possibly compressed name at the current position and moves past it (past the
    /// first pointer, when there is one).
    mutating func name(_ what: String = "name") throws(DNSMessageError) -> DomainName {
        let start = position
        var wire: [UInt8] = []
        var cursor = position
        var resumeAt: Int?
        // The lowest offset a pointer may still target: each pointer must go strictly backwards.
        var limit = start
        while true {
            guard cursor < end else { throw .truncated(what: what, offset: start) }
            let length = bytes[cursor]
            switch length & 0xC0 {
            case 0x00:
                if length == 0 {
                    wire.append(0)
                    position = resumeAt ?? cursor + 1
                    // Labels were checked one by one and the total below 256, so this holds.
                    guard let name = DomainName(wire: wire) else { throw .nameTooLong(offset: start) }
                    return name
                }
                let labelEnd = cursor + 1 + Int(length)
                guard labelEnd <= end else { throw .truncated(what: what, offset: start) }
                wire.append(contentsOf: bytes[cursor..<labelEnd])
                guard wire.count < 255 else { throw .nameTooLong(offset: start) }
                cursor = labelEnd
            case 0xC0:
                guard cursor + 1 < end else { throw .truncated(what: what, offset: start) }
                let target = Int(length & 0x3F) << 8 | Int(bytes[cursor + 1])
                guard target < limit else { throw .badPointer(offset: cursor, target: target) }
                if resumeAt == nil { resumeAt = cursor + 2 }
                limit = target
                cursor = target
            default:
                throw .unsupportedLabelType(offset: cursor, octet: length)
            }
        }
    }

    /// Reads RDLENGTH octets of RDATA of `type`, decompressing the names of types that may hold
    /// compressed ones (`RRTypeTable`'s `compression`), and returns the uncompressed wire form.
    mutating func rdata(type: RRType, length: Int) throws(DNSMessageError) -> [UInt8] {
        let start = position
        guard start + length <= end else { throw .truncated(what: "\(type) RDATA", offset: start) }
        guard let description = RRTypeTable.description(for: type), description.compression != .none else {
            return try octets(length, "\(type) RDATA")
        }
        let rdataEnd = start + length
        var wire: [UInt8] = []
        // The same message, read no further than the RDATA's end (names may still point back before it).
        var sub = self
        sub.end = rdataEnd
        for field in description.fields {
            if field.kind == .name {
                wire.append(contentsOf: try sub.name("name in \(type) RDATA").wire)
            } else if let size = field.wireSize {
                wire.append(contentsOf: try sub.octets(size, "\(type) RDATA"))
            } else {
                // Not a layout of names and fixed fields (the table's tests rule it out): the rest as it is.
                wire.append(contentsOf: try sub.octets(sub.remaining, "\(type) RDATA"))
            }
        }
        // Anything after the last field would be a malformed record.
        guard sub.position == rdataEnd else {
            throw .rdataLength(type: type.description, offset: start, declared: length, used: sub.position - start)
        }
        position = rdataEnd
        return wire
    }
}
