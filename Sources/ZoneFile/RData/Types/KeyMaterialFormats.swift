/// Types carrying certificates, fingerprints and keys outside DNSSEC proper whose presentation
/// needs more than their fields (length checks, mnemonics, gateways): SSHFP CERT IPSECKEY HIP.
/// TLSA, SMIMEA, OPENPGPKEY and DHCID are plain fields, read and printed from `RRTypeTable`.
enum KeyMaterialFormats {
    /// SSHFP (RFC 4255 §3.2): algorithm, fingerprint type, hex fingerprint (20 octets for SHA-1,
    /// 32 for SHA-256, as BIND checks; BIND lets other types have none).
    static let sshfp = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint8("SSHFP algorithm")
            let fingerprintType = UInt8(try reader.integer("SSHFP fingerprint type", max: 255))
            reader.wire.append(fingerprintType)
            let first = reader.index
            let length = try reader.hexRest("SSHFP fingerprint", allowEmpty: true)
            let expected: (String, Int)? =
                fingerprintType == 1 ? ("SHA-1", 20) : fingerprintType == 2 ? ("SHA-256", 32) : nil
            if let (name, size) = expected, size != length {
                throw RDataError(
                    "bad SSHFP fingerprint: \(name) fingerprints are \(size) octets, this one is \(length)",
                    field: first)
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let algorithm = try reader.uint8()
            let fingerprintType = try reader.uint8()
            let fingerprint = reader.rest()
            guard fingerprintType != 1 || fingerprint.count == 20, fingerprintType != 2 || fingerprint.count == 32
            else { throw RDataError("bad fingerprint length") }
            // BIND accepts an empty fingerprint when the type has no fixed length.
            if fingerprint.isEmpty { return "\(algorithm) \(fingerprintType)" }
            return "\(algorithm) \(fingerprintType) \(Presentation.hex(fingerprint))"
        })

    /// CERT (RFC 4398 §2.2): type (number or mnemonic such as `PKIX`), key tag, algorithm, base64 certificate.
    /// BIND prints the type and algorithm as mnemonics where it has one.
    static let cert = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            reader.appendUInt16(
                UInt16(
                    try reader.numberOrMnemonic(
                        "CERT type", max: 65535,
                        table: DNSSECMnemonics.certificateTypes)))
            try reader.uint16("CERT key tag")
            try reader.algorithm("CERT algorithm")
            try reader.base64Rest("CERT certificate")
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let type = DNSSECMnemonics.certificateTypes.text(UInt64(try reader.uint16()))
            let tag = try reader.uint16()
            let algorithm = DNSSECMnemonics.algorithms.text(UInt64(try reader.uint8()))
            let data = reader.rest()
            guard !data.isEmpty else { throw RDataError("empty certificate") }
            return "\(type) \(tag) \(algorithm) \(Presentation.base64(data))"
        })

    /// IPSECKEY (RFC 4025 §3): precedence, gateway type, algorithm, gateway (`.`, IPv4, IPv6 or a name,
    /// per the type), base64 public key (BIND requires one).
    static let ipseckey = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            try reader.uint8("IPSECKEY precedence")
            let gatewayType = UInt8(try reader.integer("IPSECKEY gateway type", max: 3))
            reader.wire.append(gatewayType)
            try reader.uint8("IPSECKEY algorithm")
            try reader.gateway(type: gatewayType, what: "IPSECKEY gateway")
            try reader.base64Rest("IPSECKEY public key")
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let precedence = try reader.uint8()
            let gatewayType = try reader.uint8()
            let algorithm = try reader.uint8()
            let gateway = try reader.gateway(type: gatewayType)
            let key = reader.rest()
            guard !key.isEmpty else { throw RDataError("empty key") }
            return "\(precedence) \(gatewayType) \(algorithm) \(gateway) \(Presentation.base64(key))"
        })

    /// HIP (RFC 8005 §4): PK algorithm, HIT in hex, base64 public key, then rendezvous server names.
    /// BIND prints the key unbroken.
    static let hip = RDataFormat(
        encode: { (reader: inout RDataReader) throws(RDataError) in
            let hitLengthIndex = reader.wire.count
            reader.wire.append(0)
            try reader.uint8("HIP PK algorithm")
            let keyLengthIndex = reader.wire.count
            reader.wire.append(0)
            reader.wire.append(0)
            let hitField = try reader.word("HIP HIT")
            let hitLength = try reader.hexField(hitField, "HIP HIT")
            guard hitLength > 0, hitLength <= 255 else {
                throw reader.error("bad HIP HIT '\(hitField.text)': 1-255 octets of hexadecimal")
            }
            reader.wire[hitLengthIndex] = UInt8(hitLength)
            let keyField = try reader.word("HIP public key")
            guard let key = Base64.decode(Array(keyField.bytes)), !key.isEmpty else {
                throw reader.error("bad HIP public key '\(keyField.text)': not valid base64")
            }
            guard key.count <= 65535 else { throw reader.error("bad HIP public key: too long") }
            reader.wire[keyLengthIndex] = UInt8(key.count >> 8)
            reader.wire[keyLengthIndex + 1] = UInt8(key.count & 0xFF)
            reader.wire.append(contentsOf: key)
            while !reader.isAtEnd {
                try reader.name("HIP rendezvous server")
            }
        },
        present: { (reader: inout WireReader) throws(RDataError) in
            let hitLength = Int(try reader.uint8())
            let algorithm = try reader.uint8()
            let keyLength = Int(try reader.uint16())
            guard hitLength > 0, keyLength > 0 else { throw RDataError("empty HIT or key") }
            let hit = Hex.encode(try reader.take(hitLength))
            let key = Base64.encode(Array(try reader.take(keyLength)))
            var parts = [String(algorithm), hit, key]
            while !reader.isAtEnd { parts.append(try reader.name()) }
            return parts.joined(separator: " ")
        })
}

extension RDataReader {
    /// An IPSECKEY/AMTRELAY gateway or relay of the given type: 0 none (`.`), 1 IPv4, 2 IPv6, 3 a name.
    mutating func gateway(type: UInt8, what: String) throws(RDataError) {
        switch type {
        case 0:
            let field = try word(what)
            guard field.bytes.count == 1, field.bytes.first == UInt8(ascii: ".") else {
                throw error("bad \(what) '\(field.text)': type 0 means no gateway, written '.'")
            }
        case 1:
            let field = try word(what)
            guard let address = IPv4.parse(field.bytes) else {
                throw error("bad \(what) '\(field.text)': not an IPv4 address")
            }
            wire.append(contentsOf: address)
        case 2:
            let field = try word(what)
            guard let address = IPv6.parse(field.bytes) else {
                throw error("bad \(what) '\(field.text)': not an IPv6 address")
            }
            wire.append(contentsOf: address)
        default:
            try name(what)
        }
    }
}

extension WireReader {
    mutating func gateway(type: UInt8) throws(RDataError) -> String {
        switch type {
        case 0: return "."
        case 1: return IPv4.format(try take(4))
        case 2: return IPv6.format(try take(16))
        case 3: return try name()
        default: throw RDataError("unknown gateway type")
        }
    }
}
