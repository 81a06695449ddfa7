/// DNSSEC types: DS CDS DLV TA, DNSKEY CDNSKEY KEY, RRSIG SIG, NSEC NSEC3 NSEC3PARAM, CSYNC, ZONEMD.
enum DNSSECFormats {
    /// DS (RFC 4034 §5.3) and its look-alikes CDS (RFC 7344 §3.2), DLV (RFC 4431), TA:
    /// key tag, algorithm, digest type, digest in hex across fields. BIND checks the digest length
    /// for SHA-1, SHA-256 and SHA-384. Printing comes from the table's `fields` after that check.
    static func ds(_ type: String, fields: [RDataFieldLayout]) -> RDataFormat {
        // Field names built once, so encoding allocates no Strings.
        let tagName = "\(type) key tag"
        let algorithmName = "\(type) algorithm"
        let digestTypeName = "\(type) digest type"
        let digestName = "\(type) digest"
        return RDataFormat(
            encode: { (reader: inout RDataReader) throws(RDataError) in
                try reader.uint16(tagName)
                try reader.algorithm(algorithmName)
                let digestType = UInt8(
                    try reader.numberOrMnemonic(
                        digestTypeName, max: 255,
                        table: DNSSECMnemonics.digestTypes))
                reader.wire.append(digestType)
                let first = reader.index
                let length = try reader.hexRest(digestName)
                if let expected = DNSSECMnemonics.digestLength(digestType), expected.length != length {
                    throw RDataError(
                        "bad \(type) digest: \(expected.name) digests are \(expected.length) octets, "
                            + "this one is \(length)", field: first)
                }
            },
            present: { (reader: inout WireReader) throws(RDataError) in
                let wire = reader.bytes
                if wire.count >= 4, let expected = DNSSECMnemonics.digestLength(wire[wire.startIndex + 3]),
                    expected.length != wire.count - 4
                {
                    throw RDataError("digest length")
                }
                return try FieldFormat.present(fields, &reader)
            })
    }

    /// DNSKEY (RFC 4034 §2.2), CDNSKEY (RFC 7344 §3.2) and KEY (RFC 2535 §3.1, RFC 3445):
    /// flags (number, `0x` hex or BIND's flag names joined by `|`), protocol, algorithm, base64 key.
    /// A KEY whose flags say "no key" (0xC000) has no key material, and must have none. Printing comes
    /// from the table's `fields`, without the key for such a KEY.
    static func key(_ type: String, fields: [RDataFieldLayout], isKEY: Bool) -> RDataFormat {
        let noKeyFields = Array(fields.dropLast())
        let flagsName = "\(type) flags"
        let protocolName = "\(type) protocol"
        let algorithmName = "\(type) algorithm"
        let keyName = "\(type) public key"
        return RDataFormat(
            encode: { (reader: inout RDataReader) throws(RDataError) in
                let flags = try reader.keyFlags(flagsName)
                reader.appendUInt16(flags)
                reader.wire.append(
                    UInt8(
                        try reader.numberOrMnemonic(
                            protocolName, max: 255,
                            table: DNSSECMnemonics.protocols)))
                try reader.algorithm(algorithmName)
                if isKEY, flags & 0xC000 == 0xC000 {
                    if !reader.isAtEnd {
                        throw RDataError(
                            "unexpected '\(reader.fields[reader.index].text)': a \(type) with the "
                                + "NOKEY flags (0xC000) has no key", field: reader.index)
                    }
                    return
                }
                try reader.base64Rest(keyName)
            },
            present: { (reader: inout WireReader) throws(RDataError) in
                let wire = reader.bytes
                guard isKEY, wire.count >= 2, wire[wire.startIndex] & 0xC0 == 0xC0 else {
                    return try FieldFormat.present(fields, &reader)
                }
                guard wire.count <= 4 else { throw RDataError("key material with NOKEY flags") }
                return try FieldFormat.present(noKeyFields, &reader)
            })
    }

    /// RRSIG (RFC 4034 §3.2) and SIG (RFC 2535 §4.1, same presentation): type covered, algorithm,
    /// labels, original TTL (a plain number), expiration and inception, key tag, signer, base64 signature.
    static func rrsig(_ type: String, checkLabels: Bool) -> RDataFormat {
        let coveredName = "\(type) type covered"
        let algorithmName = "\(type) algorithm"
        let labelsName = "\(type) labels"
        let ttlName = "\(type) original TTL"
        let timeNames = ["\(type) expiration", "\(type) inception"]
        let tagName = "\(type) key tag"
        let signerName = "\(type) signer name"
        let signatureName = "\(type) signature"
        return RDataFormat(
            encode: { (reader: inout RDataReader) throws(RDataError) in
                let covered = try reader.word(coveredName)
                guard let coveredType = RRType.parse(covered.bytes) else {
                    throw reader.error(
                        "bad \(type) type covered '\(covered.text)': not a known type mnemonic or TYPEnnn")
                }
                reader.appendUInt16(coveredType.rawValue)
                try reader.algorithm(algorithmName)
                let labels = try reader.integer(labelsName, max: 255)
                reader.wire.append(UInt8(labels))
                try reader.uint32(ttlName)
                for what in timeNames {
                    let field = try reader.word(what)
                    switch DNSSECTime.parse(field.bytes) {
                    case .success(let value): reader.appendUInt32(value)
                    case .failure(.syntax):
                        throw reader.error("bad \(what) '\(field.text)': use YYYYMMDDHHmmSS or seconds since 1970")
                    case .failure(.range):
                        throw reader.error("bad \(what) '\(field.text)': out of range")
                    }
                }
                try reader.uint16(tagName)
                let signerStart = reader.wire.count
                try reader.name(signerName)
                if checkLabels {
                    // BIND: the signer (the zone apex) cannot have more labels than the owner the labels field counts.
                    let signerLabels = DomainName.labelCount(in: reader.wire, from: signerStart)
                    if signerLabels > labels {
                        throw reader.error(
                            "bad \(signerName) '\(reader.fields[reader.index - 1].text)': it has "
                                + "\(signerLabels) labels, more than the labels field (\(labels))")
                    }
                }
                try reader.base64Rest(signatureName)
            },
            present: { (reader: inout WireReader) throws(RDataError) in
                let covered = RRType(try reader.uint16()).mnemonic
                let algorithm = try reader.uint8()
                let labels = try reader.uint8()
                let ttl = try reader.uint32()
                let expiration = DNSSECTime.format(try reader.uint32())
                let inception = DNSSECTime.format(try reader.uint32())
                let tag = try reader.uint16()
                let signerStart = reader.position
                let signer = try reader.name()
                if checkLabels {
                    guard DomainName.labelCount(in: reader.bytes, from: signerStart) <= Int(labels) else {
                        throw RDataError("signer has more labels than the owner")
                    }
                }
                let signature = reader.rest()
                guard !signature.isEmpty else { throw RDataError("empty signature") }
                return "\(covered) \(algorithm) \(labels) \(ttl) \(expiration) \(inception) \(tag) \(signer) "
                    + Presentation.base64(signature)
            })
    }

    /// NSEC (RFC 4034 §4.2): next owner name and a non-empty type bitmap. The name keeps its case
    /// in canonical form (RFC 6840 §5.1).
    static let nsec = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.name("NSEC next domain name")
            try reader.typeBitmap("NSEC", allowEmpty: false)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let next = try reader.name()
            let types = try TypeBitmap.present(&reader)
            guard !types.isEmpty else { throw RDataError("empty type bitmap") }
            return ([next] + types).joined(separator: " ")
        })

    /// NSEC3 (RFC 5155 §3.3): hash algorithm, flags, iterations, salt (hex or `-`), next hashed owner
    /// in unpadded base32hex (SHA-1 hashes are 20 octets), type bitmap (may be empty).
    static let nsec3 = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let algorithm = UInt8(try reader.integer("NSEC3 hash algorithm", max: 255))
            reader.wire.append(algorithm)
            try reader.uint8("NSEC3 flags")
            try reader.uint16("NSEC3 iterations")
            try reader.salt("NSEC3 salt")
            let field = try reader.word("NSEC3 next hashed owner name")
            guard let hash = Base32Hex.decode(field.bytes), !hash.isEmpty else {
                throw reader.error(
                    "bad NSEC3 next hashed owner name '\(field.text)': not unpadded base32hex (RFC 4648 §7)")
            }
            guard hash.count <= 255 else {
                throw reader.error("bad NSEC3 next hashed owner name '\(field.text)': longer than 255 octets")
            }
            if algorithm == 1, hash.count != 20 {
                throw reader.error(
                    "bad NSEC3 next hashed owner name '\(field.text)': SHA-1 hashes are 20 octets, "
                        + "this one is \(hash.count)")
            }
            reader.wire.append(UInt8(hash.count))
            reader.wire.append(contentsOf: hash)
            try reader.typeBitmap("NSEC3", allowEmpty: true)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let algorithm = try reader.uint8()
            let flags = try reader.uint8()
            let iterations = try reader.uint16()
            let salt = try reader.salt()
            let hashLength = Int(try reader.uint8())
            guard hashLength > 0, algorithm != 1 || hashLength == 20 else { throw RDataError("bad hash length") }
            let hash = Base32Hex.encode(try reader.take(hashLength))
            let types = try TypeBitmap.present(&reader)
            return ([String(algorithm), String(flags), String(iterations), salt, hash] + types).joined(separator: " ")
        })

    /// NSEC3PARAM (RFC 5155 §4.3): hash algorithm, flags, iterations, salt.
    static let nsec3param = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint8("NSEC3PARAM hash algorithm")
            try reader.uint8("NSEC3PARAM flags")
            try reader.uint16("NSEC3PARAM iterations")
            try reader.salt("NSEC3PARAM salt")
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let algorithm = try reader.uint8()
            let flags = try reader.uint8()
            let iterations = try reader.uint16()
            return "\(algorithm) \(flags) \(iterations) \(try reader.salt())"
        })

    /// CSYNC (RFC 7477 §2.1.1): SOA serial, flags, type bitmap (may be empty).
    static let csync = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint32("CSYNC SOA serial")
            try reader.uint16("CSYNC flags")
            try reader.typeBitmap("CSYNC", allowEmpty: true)
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let serial = try reader.uint32()
            let flags = try reader.uint16()
            return ([String(serial), String(flags)] + (try TypeBitmap.present(&reader))).joined(separator: " ")
        })

    /// ZONEMD (RFC 8976 §2.2): serial, scheme, hash algorithm, digest in hex (at least 12 octets;
    /// 48 for SHA-384, 64 for SHA-512).
    static let zonemd = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint32("ZONEMD serial")
            try reader.uint8("ZONEMD scheme")
            let algorithm = UInt8(try reader.integer("ZONEMD hash algorithm", max: 255))
            reader.wire.append(algorithm)
            let first = reader.index
            let length = try reader.hexRest("ZONEMD digest")
            let expected: (String, Int)? = algorithm == 1 ? ("SHA-384", 48) : algorithm == 2 ? ("SHA-512", 64) : nil
            if let (name, size) = expected, length != size {
                throw RDataError(
                    "bad ZONEMD digest: \(name) digests are \(size) octets, this one is \(length)", field: first)
            }
            if length < 12 {
                throw RDataError(
                    "bad ZONEMD digest: \(length) octets; the minimum is 12 (RFC 8976 §2.2.4)", field: first)
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let serial = try reader.uint32()
            let scheme = try reader.uint8()
            let algorithm = try reader.uint8()
            let digest = reader.rest()
            guard digest.count >= 12, algorithm != 1 || digest.count == 48, algorithm != 2 || digest.count == 64
            else { throw RDataError("bad digest length") }
            return "\(serial) \(scheme) \(algorithm) \(Presentation.hex(digest))"
        })
}

extension RDataReader {
    /// KEY/DNSKEY flags: decimal, `0x` hexadecimal, or flag names joined by `|` (BIND's dns_keyflags_fromtext).
    mutating func keyFlags(_ what: String) throws(RDataError) -> UInt16 {
        let field = try word(what)
        let bytes = field.bytes
        if let first = bytes.first, first >= 0x30, first <= 0x39 {
            if bytes.count > 2, first == 0x30, bytes[bytes.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
                var value: UInt32 = 0
                for byte in bytes.dropFirst(2) {
                    guard let digit = Hex.value(byte) else { throw error("bad \(what) '\(field.text)': not a number") }
                    value = value << 4 | UInt32(digit)
                    guard value <= 0xFFFF else { throw error("bad \(what) '\(field.text)': out of range (0-65535)") }
                }
                return UInt16(value)
            }
            return UInt16(try decimal(field, what, max: 65535))
        }
        var value: UInt64 = 0
        for part in bytes.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false) {
            guard let flag = DNSSECMnemonics.keyFlags.value(of: part) else {
                throw error("bad \(what) '\(field.text)': unknown flag '\(String(decoding: part, as: UTF8.self))'")
            }
            value |= flag
        }
        return UInt16(value)
    }

    /// An NSEC3 salt: `-` for none, else 1-255 octets of hex in one field.
    mutating func salt(_ what: String) throws(RDataError) {
        let field = try word(what)
        if field.bytes.count == 1, field.bytes.first == UInt8(ascii: "-") {
            wire.append(0)
            return
        }
        guard !field.bytes.isEmpty, field.bytes.count <= 510 else {
            throw error("bad \(what) '\(field.text)': 1-255 octets of hexadecimal, or '-' for none")
        }
        let lengthIndex = wire.count
        wire.append(0)
        wire[lengthIndex] = UInt8(try hexField(field, what))
    }
}

extension WireReader {
    /// A length-prefixed salt, `-` when empty.
    mutating func salt() throws(RDataError) -> String {
        let length = Int(try uint8())
        return length == 0 ? "-" : Hex.encode(try take(length))
    }
}
