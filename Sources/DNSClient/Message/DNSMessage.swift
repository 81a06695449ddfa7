import ZoneFile

/// A DNS message (RFC 1035 §4.1): header, question, answer, authority and additional sections,
/// with the EDNS OPT record (RFC 6891) taken out of the additional section into `edns`.
///
/// mailzone builds its queries and reads the answers itself, so that `verify` needs
/// nothing but the socket API and the zone library's names and RDATA.
public struct DNSMessage: Sendable, Hashable {
    public var header: DNSHeader
    public var questions: [DNSQuestion]
    public var answers: [DNSResourceRecord]
    public var authority: [DNSResourceRecord]
    /// The additional section without the OPT record.
    public var additional: [DNSResourceRecord]
    public var edns: EDNS?

    public init(
        header: DNSHeader, questions: [DNSQuestion] = [], answers: [DNSResourceRecord] = [],
        authority: [DNSResourceRecord] = [], additional: [DNSResourceRecord] = [], edns: EDNS? = nil
    ) {
        self.header = header
        self.questions = questions
        self.answers = answers
        self.authority = authority
        self.additional = additional
        self.edns = edns
    }

    /// A standard query for `type` at `name`. RD is off by default: mailzone asks authoritative
    /// servers what they serve, not what a resolver has cached.
    public static func query(
        id: UInt16, name: DomainName, type: RRType, edns: EDNS? = EDNS(),
        recursionDesired: Bool = false
    ) -> DNSMessage {
        DNSMessage(
            header: DNSHeader(id: id, recursionDesired: recursionDesired),
            questions: [DNSQuestion(name: name, type: type)], edns: edns)
    }

    /// The full 12-bit response code: the header's four bits and EDNS's upper eight.
    public var rcode: DNSRCode {
        DNSRCode(rawValue: UInt16(edns?.extendedRCode ?? 0) << 4 | UInt16(header.rcodeLow))
    }

    // MARK: Reading

    /// Reads a message from its wire form, decompressing names (RDATA names too, for the types that
    /// may carry compressed ones).
    public init(decoding bytes: [UInt8]) throws(DNSMessageError) {
        var reader = DNSWireReader(bytes)
        let id = try reader.uint16("header")
        let flags = try reader.uint16("header")
        let counts = [
            try reader.uint16("header"), try reader.uint16("header"),
            try reader.uint16("header"), try reader.uint16("header"),
        ]
        header = DNSHeader(id: id, flags: flags)
        questions = []
        for _ in 0..<counts[0] {
            let name = try reader.name("question name")
            let type = RRType(try reader.uint16("question"))
            let rrClass = RRClass(rawValue: try reader.uint16("question"))
            questions.append(DNSQuestion(name: name, type: type, rrClass: rrClass))
        }
        answers = []
        authority = []
        additional = []
        edns = nil
        for _ in 0..<counts[1] { answers.append(try Self.readRecord(&reader).record) }
        for _ in 0..<counts[2] { authority.append(try Self.readRecord(&reader).record) }
        for _ in 0..<counts[3] {
            let (record, offset) = try Self.readRecord(&reader)
            if record.type == .opt {
                guard edns == nil, record.owner.isRoot else { throw .badOPT(offset: offset) }
                edns = try Self.readEDNS(record, offset: offset)
            } else {
                additional.append(record)
            }
        }
        guard reader.remaining == 0 else { throw .trailingOctets(count: reader.remaining) }
    }

    private static func readRecord(_ reader: inout DNSWireReader) throws(DNSMessageError)
        -> (record: DNSResourceRecord, offset: Int)
    {
        let offset = reader.position
        let owner = try reader.name("record owner")
        let type = RRType(try reader.uint16("record"))
        let rrClass = RRClass(rawValue: try reader.uint16("record"))
        let ttl = try reader.uint32("record")
        let length = Int(try reader.uint16("record"))
        let wire = try reader.rdata(type: type, length: length)
        return (
            DNSResourceRecord(
                owner: owner, type: type, rrClass: rrClass, ttl: ttl,
                rdata: RData(type: type, wire: wire)), offset
        )
    }

    /// Unpacks OPT: CLASS is the payload size, TTL the extended RCODE, version and flags.
    private static func readEDNS(_ record: DNSResourceRecord, offset: Int) throws(DNSMessageError) -> EDNS {
        var options: [EDNSOption] = []
        var reader = DNSWireReader(record.rdata.wire)
        while reader.remaining > 0 {
            let code = try reader.uint16("EDNS option")
            let length = Int(try reader.uint16("EDNS option"))
            options.append(EDNSOption(code: code, data: try reader.octets(length, "EDNS option")))
        }
        return EDNS(
            udpPayloadSize: record.rrClass.rawValue, extendedRCode: UInt8(record.ttl >> 24),
            version: UInt8((record.ttl >> 16) & 0xFF), dnssecOK: record.ttl & 0x8000 != 0, options: options)
    }

    // MARK: Writing

    /// The wire form; names are compressed unless `compress` is false.
    public func encoded(compress: Bool = true) throws(DNSMessageError) -> [UInt8] {
        var additionalCount = additional.count
        if edns != nil { additionalCount += 1 }
        guard questions.count <= 0xFFFF, answers.count <= 0xFFFF, authority.count <= 0xFFFF,
            additionalCount <= 0xFFFF
        else { throw .tooManyRecords }
        var writer = DNSWireWriter(compress: compress)
        writer.uint16(header.id)
        writer.uint16(header.flags)
        writer.uint16(UInt16(questions.count))
        writer.uint16(UInt16(answers.count))
        writer.uint16(UInt16(authority.count))
        writer.uint16(UInt16(additionalCount))
        for question in questions {
            writer.name(question.name)
            writer.uint16(question.type.rawValue)
            writer.uint16(question.rrClass.rawValue)
        }
        for record in answers + authority + additional {
            writer.name(record.owner)
            writer.uint16(record.type.rawValue)
            writer.uint16(record.rrClass.rawValue)
            writer.uint32(record.ttl)
            try writer.rdata(record.rdata)
        }
        if let edns {
            writer.uint8(0)
            writer.uint16(RRType.opt.rawValue)
            writer.uint16(edns.udpPayloadSize)
            var ttl = UInt32(edns.extendedRCode) << 24 | UInt32(edns.version) << 16
            if edns.dnssecOK { ttl |= 0x8000 }
            writer.uint32(ttl)
            var options: [UInt8] = []
            for option in edns.options {
                options.append(contentsOf: [
                    UInt8(option.code >> 8), UInt8(option.code & 0xFF),
                    UInt8((option.data.count >> 8) & 0xFF), UInt8(option.data.count & 0xFF),
                ])
                options.append(contentsOf: option.data)
            }
            try writer.rdata(RData(type: .opt, wire: options))
        }
        return writer.bytes
    }
}
