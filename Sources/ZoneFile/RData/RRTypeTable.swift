/// The one table of record types: for each type its RDATA fields in wire order, whether canonical
/// form lower-cases its names, whether DNS messages compress them, and its presentation format.
///
/// Every RDATA user reads this table: the zone-file reader and printer (`RDataCodec`), canonical
/// form (`RData.canonicalWire`), the DNS message reader and writer (DNSClient) and the typed views
/// (`RData.mx`, `.soa`). Types made only of plain fields get their presentation from the fields;
/// the others (keys, bitmaps, service parameters, locations) bring their own format and describe
/// the rest of their RDATA as `opaque`.
public enum RRTypeTable {
    /// The description of `type`, nil for types without a known format (kept as RFC 3597 `\#`).
    public static func description(for type: RRType) -> RRTypeDescription? {
        // Every record is encoded through here: index an array for the common codes, hash only the rare rest.
        let code = Int(type.rawValue)
        return code < low.count ? low[code] : table[type.rawValue]
    }

    /// `table` for codes below 512, by index.
    private static let low: [RRTypeDescription?] = (0..<512).map { table[UInt16($0)] }

    /// Every type described here, by code.
    public static var knownTypes: [RRType] { table.keys.sorted().map(RRType.init(rawValue:)) }

    static let table: [UInt16: RRTypeDescription] = {
        var table: [UInt16: RRTypeDescription] = [:]
        func add(
            _ type: RRType, _ fields: [RDataFieldLayout], lowercasesNames: Bool = false,
            compression: NameCompression = .none, format: RDataFormat? = nil
        ) {
            table[type.rawValue] = RRTypeDescription(
                type, fields, lowercasesNames: lowercasesNames, compression: compression, format: format)
        }
        typealias Field = RDataFieldLayout
        // Addresses and names (RFC 1035, RFC 3596). RFC 1035's name types are compressed in messages;
        // DNAME's target never is (RFC 6672 §2.5).
        add(.a, [Field(.ipv4, "IPv4 address")])
        add(.aaaa, [Field(.ipv6, "IPv6 address")])
        for type in [RRType.ns, .cname, .ptr, .md, .mf, .mb, .mg, .mr] {
            add(type, [.name("domain name")], lowercasesNames: true, compression: .compressed)
        }
        add(.dname, [.name("domain name")], lowercasesNames: true)
        add(.mx, [.uint16("preference"), .name("exchange")], lowercasesNames: true, compression: .compressed)
        add(
            .soa,
            [
                .name("primary name server"), .name("mailbox"), .uint32("serial"), .period("refresh"),
                .period("retry"), .period("expire"), .period("minimum"),
            ], lowercasesNames: true, compression: .compressed)
        // Text (RFC 1035 §3.3.14, RFC 7208; AVC, RESINFO RFC 9606, WALLET are TXT-shaped).
        for type in [RRType.txt, .spf, .avc, .resinfo, .wallet] {
            add(type, [Field(.characterStrings, "character-string")])
        }
        // Services and mail routing. RFC 3597 §4 asks readers to decompress RP, AFSDB, RT, PX and SRV.
        add(
            .srv, [.uint16("SRV priority"), .uint16("SRV weight"), .uint16("SRV port"), .name("SRV target")],
            lowercasesNames: true, compression: .decompressOnly)
        add(
            .naptr,
            [
                .uint16("NAPTR order"), .uint16("NAPTR preference"), .string("NAPTR flags"), .string("NAPTR services"),
                .string("NAPTR regexp"), .name("NAPTR replacement"),
            ], lowercasesNames: true, format: ServiceFormats.naptr)
        add(.uri, [.uint16("URI priority"), .uint16("URI weight"), .opaque("URI target")], format: ServiceFormats.uri)
        add(.caa, [.uint8("CAA flags"), .string("CAA tag"), .opaque("CAA value")], format: ServiceFormats.caa)
        add(.hinfo, [.string("HINFO CPU"), .string("HINFO OS")])
        add(
            .rp, [.name("RP mailbox"), .name("RP TXT name")], lowercasesNames: true,
            compression: .decompressOnly)
        add(
            .minfo, [.name("MINFO responsible mailbox"), .name("MINFO error mailbox")], lowercasesNames: true,
            compression: .compressed)
        add(
            .afsdb, [.uint16("AFSDB subtype"), .name("AFSDB hostname")], lowercasesNames: true,
            compression: .decompressOnly)
        add(
            .rt, [.uint16("RT preference"), .name("RT intermediate host")], lowercasesNames: true,
            compression: .decompressOnly)
        add(.kx, [.uint16("KX preference"), .name("KX exchanger")], lowercasesNames: true)
        add(.lp, [.uint16("LP preference"), .name("LP FQDN")])
        add(
            .px, [.uint16("PX preference"), .name("PX MAP822"), .name("PX MAPX400")], lowercasesNames: true,
            compression: .decompressOnly)
        add(.x25, [.string("X25 PSDN address")], format: ServiceFormats.x25)
        add(.isdn, [.string("ISDN address"), Field(.optionalCharacterString, "ISDN subaddress")])
        add(.gpos, [.string("GPOS longitude"), .string("GPOS latitude"), .string("GPOS altitude")])
        add(.nsap, [.opaque("NSAP address")], format: ServiceFormats.nsap)
        add(.nsapPtr, [.name("NSAP-PTR name")])
        for (type, mnemonic) in [(RRType.svcb, "SVCB"), (.https, "HTTPS")] {
            add(
                type, [.uint16("SvcPriority"), .name("TargetName"), .opaque("SvcParams")],
                format: SVCBFormats.format(mnemonic))
        }
        // DNSSEC (RFC 4034, RFC 5155, RFC 7344, RFC 7477, RFC 8976) and its predecessors.
        let digestFields: [Field] = [.uint16("key tag"), .uint8("algorithm"), .uint8("digest type"), .hex("digest")]
        for (type, mnemonic) in [(RRType.ds, "DS"), (.cds, "CDS"), (.dlv, "DLV"), (.ta, "TA")] {
            add(type, digestFields, format: DNSSECFormats.ds(mnemonic, fields: digestFields))
        }
        let keyFields: [Field] = [.uint16("flags"), .uint8("protocol"), .uint8("algorithm"), .base64("public key")]
        for (type, mnemonic) in [(RRType.dnskey, "DNSKEY"), (.cdnskey, "CDNSKEY"), (.key, "KEY")] {
            add(type, keyFields, format: DNSSECFormats.key(mnemonic, fields: keyFields, isKEY: type == .key))
        }
        for (type, mnemonic) in [(RRType.rrsig, "RRSIG"), (.sig, "SIG")] {
            add(
                type,
                [
                    .uint16("type covered"), .uint8("algorithm"), .uint8("labels"), .uint32("original TTL"),
                    .uint32("expiration"), .uint32("inception"), .uint16("key tag"), .name("signer name"),
                    .opaque("signature"),
                ], lowercasesNames: true, format: DNSSECFormats.rrsig(mnemonic, checkLabels: type == .rrsig))
        }
        add(.nsec, [.name("next domain name"), .opaque("type bitmap")], format: DNSSECFormats.nsec)
        add(
            .nsec3,
            [
                .uint8("hash algorithm"), .uint8("flags"), .uint16("iterations"), .string("salt"),
                .string("next hashed owner name"), .opaque("type bitmap"),
            ], format: DNSSECFormats.nsec3)
        add(
            .nsec3param, [.uint8("hash algorithm"), .uint8("flags"), .uint16("iterations"), .string("salt")],
            format: DNSSECFormats.nsec3param)
        add(.csync, [.uint32("SOA serial"), .uint16("flags"), .opaque("type bitmap")], format: DNSSECFormats.csync)
        add(
            .zonemd, [.uint32("serial"), .uint8("scheme"), .uint8("hash algorithm"), .opaque("digest")],
            format: DNSSECFormats.zonemd)
        // Certificates, fingerprints and other keys.
        for (type, mnemonic) in [(RRType.tlsa, "TLSA"), (.smimea, "SMIMEA")] {
            add(
                type,
                [
                    .uint8("\(mnemonic) certificate usage"), .uint8("\(mnemonic) selector"),
                    .uint8("\(mnemonic) matching type"), .hex("\(mnemonic) certificate association data"),
                ])
        }
        add(
            .sshfp, [.uint8("algorithm"), .uint8("fingerprint type"), .opaque("fingerprint")],
            format: KeyMaterialFormats.sshfp)
        add(.openpgpkey, [.base64("OPENPGPKEY key")])
        add(.dhcid, [.base64("DHCID data")])
        add(
            .cert, [.uint16("type"), .uint16("key tag"), .uint8("algorithm"), .opaque("certificate")],
            format: KeyMaterialFormats.cert)
        add(
            .ipseckey,
            [.uint8("precedence"), .uint8("gateway type"), .uint8("algorithm"), .opaque("gateway and public key")],
            format: KeyMaterialFormats.ipseckey)
        add(
            .hip,
            [.uint8("HIT length"), .uint8("PK algorithm"), .uint16("PK length"), .opaque("HIT, key and servers")],
            format: KeyMaterialFormats.hip)
        // Location, address lists, identifiers.
        add(
            .loc,
            [
                .uint8("version"), .uint8("size"), .uint8("horizontal precision"), .uint8("vertical precision"),
                .uint32("latitude"), .uint32("longitude"), .uint32("altitude"),
            ], format: MiscFormats.loc)
        add(.wks, [Field(.ipv4, "address"), .uint8("protocol"), .opaque("bitmap")], format: MiscFormats.wks)
        add(.apl, [.opaque("address prefixes")], format: MiscFormats.apl)
        for (type, mnemonic) in [(RRType.nid, "NID"), (.l64, "L64")] {
            add(type, [.uint16("preference"), .opaque("locator")], format: MiscFormats.locator64(mnemonic))
        }
        add(.l32, [.uint16("preference"), Field(.ipv4, "locator")], format: MiscFormats.l32)
        add(.eui48, [.opaque("address")], format: MiscFormats.eui(octets: 6))
        add(.eui64, [.opaque("address")], format: MiscFormats.eui(octets: 8))
        add(.amtrelay, [.uint8("precedence"), .uint8("relay type"), .opaque("relay")], format: MiscFormats.amtrelay)
        add(
            .doa, [.uint32("enterprise"), .uint32("type"), .uint8("location"), .string("media type"), .opaque("data")],
            format: MiscFormats.doa)
        return table
    }()
}
