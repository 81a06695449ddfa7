/// The registry of presentation formats, by type code.
enum RDataFormats {
    static func format(for type: RRType) -> RDataFormat? {
        // Every record is encoded through here: index an array for the common codes, hash only the rare rest.
        let code = Int(type.rawValue)
        return code < low.count ? low[code] : table[type.rawValue]
    }

    /// `table` for codes below 512, by index.
    private static let low: [RDataFormat?] = (0..<512).map { table[UInt16($0)] }

    /// Every type with a presentation format here.
    static var knownTypes: [RRType] { table.keys.sorted().map(RRType.init(rawValue:)) }

    static let table: [UInt16: RDataFormat] = {
        var table: [UInt16: RDataFormat] = [:]
        // Addresses and names (RFC 1035, RFC 3596).
        table[RRType.a.rawValue] = AddressFormats.a
        table[RRType.aaaa.rawValue] = AddressFormats.aaaa
        for type in [RRType.ns, .cname, .dname, .ptr, .md, .mf, .mb, .mg, .mr] {
            table[type.rawValue] = NameFormats.singleName
        }
        table[RRType.mx.rawValue] = NameFormats.preferenceAndName
        table[RRType.soa.rawValue] = NameFormats.soa
        // Text (RFC 1035 §3.3.14, RFC 7208; AVC, RESINFO RFC 9606, WALLET are TXT-shaped).
        for type in [RRType.txt, .spf, .avc, .resinfo, .wallet] {
            table[type.rawValue] = TextFormats.txt
        }
        // Services and mail routing.
        table[RRType.srv.rawValue] = ServiceFormats.srv
        table[RRType.naptr.rawValue] = ServiceFormats.naptr
        table[RRType.uri.rawValue] = ServiceFormats.uri
        table[RRType.caa.rawValue] = ServiceFormats.caa
        table[RRType.hinfo.rawValue] = ServiceFormats.hinfo
        table[RRType.rp.rawValue] = ServiceFormats.twoNames("RP mailbox", "RP TXT name")
        table[RRType.minfo.rawValue] = ServiceFormats.twoNames("MINFO responsible mailbox", "MINFO error mailbox")
        table[RRType.afsdb.rawValue] = ServiceFormats.numberAndName("AFSDB subtype", "AFSDB hostname")
        table[RRType.rt.rawValue] = ServiceFormats.numberAndName("RT preference", "RT intermediate host")
        table[RRType.kx.rawValue] = ServiceFormats.numberAndName("KX preference", "KX exchanger")
        table[RRType.lp.rawValue] = ServiceFormats.numberAndName("LP preference", "LP FQDN", lowercase: false)
        table[RRType.px.rawValue] = ServiceFormats.px
        table[RRType.x25.rawValue] = ServiceFormats.x25
        table[RRType.isdn.rawValue] = ServiceFormats.isdn
        table[RRType.gpos.rawValue] = ServiceFormats.gpos
        table[RRType.nsap.rawValue] = ServiceFormats.nsap
        table[RRType.nsapPtr.rawValue] = ServiceFormats.nsapPtr
        table[RRType.svcb.rawValue] = SVCBFormats.format("SVCB")
        table[RRType.https.rawValue] = SVCBFormats.format("HTTPS")
        // DNSSEC (RFC 4034, RFC 5155, RFC 7344, RFC 7477, RFC 8976) and its predecessors.
        table[RRType.ds.rawValue] = DNSSECFormats.ds("DS")
        table[RRType.cds.rawValue] = DNSSECFormats.ds("CDS")
        table[RRType.dlv.rawValue] = DNSSECFormats.ds("DLV")
        table[RRType.ta.rawValue] = DNSSECFormats.ds("TA")
        table[RRType.dnskey.rawValue] = DNSSECFormats.key("DNSKEY", isKEY: false)
        table[RRType.cdnskey.rawValue] = DNSSECFormats.key("CDNSKEY", isKEY: false)
        table[RRType.key.rawValue] = DNSSECFormats.key("KEY", isKEY: true)
        table[RRType.rrsig.rawValue] = DNSSECFormats.rrsig("RRSIG", checkLabels: true)
        table[RRType.sig.rawValue] = DNSSECFormats.rrsig("SIG", checkLabels: false)
        table[RRType.nsec.rawValue] = DNSSECFormats.nsec
        table[RRType.nsec3.rawValue] = DNSSECFormats.nsec3
        table[RRType.nsec3param.rawValue] = DNSSECFormats.nsec3param
        table[RRType.csync.rawValue] = DNSSECFormats.csync
        table[RRType.zonemd.rawValue] = DNSSECFormats.zonemd
        // Certificates, fingerprints and other keys.
        table[RRType.tlsa.rawValue] = KeyMaterialFormats.tlsa("TLSA")
        table[RRType.smimea.rawValue] = KeyMaterialFormats.tlsa("SMIMEA")
        table[RRType.sshfp.rawValue] = KeyMaterialFormats.sshfp
        table[RRType.openpgpkey.rawValue] = KeyMaterialFormats.base64Only("OPENPGPKEY key")
        table[RRType.dhcid.rawValue] = KeyMaterialFormats.base64Only("DHCID data")
        table[RRType.cert.rawValue] = KeyMaterialFormats.cert
        table[RRType.ipseckey.rawValue] = KeyMaterialFormats.ipseckey
        table[RRType.hip.rawValue] = KeyMaterialFormats.hip
        // Location, address lists, identifiers.
        table[RRType.loc.rawValue] = MiscFormats.loc
        table[RRType.wks.rawValue] = MiscFormats.wks
        table[RRType.apl.rawValue] = MiscFormats.apl
        table[RRType.nid.rawValue] = MiscFormats.locator64("NID")
        table[RRType.l64.rawValue] = MiscFormats.locator64("L64")
        table[RRType.l32.rawValue] = MiscFormats.l32
        table[RRType.eui48.rawValue] = MiscFormats.eui(octets: 6)
        table[RRType.eui64.rawValue] = MiscFormats.eui(octets: 8)
        table[RRType.amtrelay.rawValue] = MiscFormats.amtrelay
        table[RRType.doa.rawValue] = MiscFormats.doa
        return table
    }()
}
