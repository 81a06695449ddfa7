import Testing

@testable import ZoneFile

private let origin: DomainName = {
    do { return try DomainName(parsing: "example.") } catch { fatalError("bad test origin") }
}()

private func type(_ mnemonic: String) -> RRType {
    guard let type = RRType(mnemonic: mnemonic) else { fatalError("unknown type \(mnemonic)") }
    return type
}

/// Encodes presentation RDATA of `mnemonic` with origin `example.`.
private func encode(_ mnemonic: String, _ rdata: String) throws(RDataError) -> [UInt8] {
    var wire: [UInt8] = []
    try RDataCodec.encode(type(mnemonic), fields: RDataField.split(rdata), origin: origin, into: &wire)
    return wire
}

private func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

// MARK: - Presentation against BIND

@Test("valid RDATA prints as BIND prints it", arguments: bindValidCases)
func presentsLikeBIND(_ item: (type: String, rdata: String, expected: String)) throws {
    let wire = try encode(item.type, item.rdata)
    #expect(RDataCodec.present(type(item.type), wire: wire) == item.expected)
}

@Test("printed RDATA reads back to the same wire", arguments: bindValidCases)
func presentationRoundTrips(_ item: (type: String, rdata: String, expected: String)) throws {
    let wire = try encode(item.type, item.rdata)
    let text = RDataCodec.present(type(item.type), wire: wire)
    #expect(try encode(item.type, text) == wire, "\(item.type) \(text)")
}

@Test("RDATA BIND refuses is refused with a message naming the field", arguments: bindInvalidCases)
func refusesLikeBIND(_ item: (type: String, rdata: String, message: String, field: Int?)) {
    #expect(throws: RDataError(item.message, field: item.field)) {
        _ = try encode(item.type, item.rdata)
    }
}

// MARK: - Wire form

/// Wire forms checked by feeding them back to BIND as `\#` generic RDATA: it prints the same text as for the input.
@Test(
    "wire form",
    arguments: [
        (#"SRV"#, #"10 20 5060 sip.example.com."#, "000A001413C403736970076578616D706C6503636F6D00"),
        (#"CAA"#, #"0 issue "letsencrypt.org""#, "000569737375656C657473656E63727970742E6F7267"),
        (
            #"DS"#, #"60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"#,
            "EC4505012BB183AF5F22588179A53B0A98631FAD1A292118"
        ),
        (
            #"NSEC"#, #"host.example. A MX RRSIG NSEC TYPE1234"#,
            "04686F7374076578616D706C65000006400100000003041B000000000000000000000000000000000000000000000000000020"
        ),
        (
            #"NSEC3"#, #"1 1 12 aabbccdd 2vptu5timamqttgl4luu9kg21e0aor3s A RRSIG"#,
            "0101000C04AABBCCDD1417F3DF17B2B2ADAEF615257DE4D2020B80AC6C7C0006400000000002"
        ),
        (#"NSEC3PARAM"#, #"1 0 0 -"#, "0100000000"),
        (#"TLSA"#, #"3 1 1 0c72ac70"#, "0301010C72AC70"),
        (#"LOC"#, #"42 21 54 N 71 06 18 W -24m 30m"#, "0033161389172DD070BE15F000988D20"),
        (#"APL"#, #"1:192.168.32.0/21 !2:ff00::/8"#, "00011503C0A82000020881FF"),
        (#"WKS"#, #"192.0.2.1 tcp smtp 80"#, "C0000201060000004000000000000080"),
        (#"HINFO"#, #""PC" "Linux""#, "025043054C696E7578"),
        (
            #"NAPTR"#, #"100 10 "u" "E2U+sip" "!^.*$!sip:info@example.com!" ."#,
            "0064000A0175074532552B7369701B215E2E2A24217369703A696E666F406578616D706C652E636F6D2100"
        ),
        (
            #"RRSIG"#, #"A 8 2 300 20250101000000 20240101000000 12345 example. AwEAAQ=="#,
            "000108020000012C67748580659200803039076578616D706C650003010001"
        ),
        (#"DNSKEY"#, #"257 3 13 AwEAAQ=="#, "0101030D03010001"),
        (
            #"SSHFP"#, #"4 2 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6"#,
            "04020C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6"
        ),
        (
            #"HTTPS"#, #"1 . alpn=h2,h3 ipv4hint=192.0.2.1 ipv6hint=2001:db8::1"#,
            "0001000001000602683202683300040004C00002010006001020010DB8000000000000000000000001"
        ),
        (
            #"IPSECKEY"#, #"10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ=="#,
            "0A0102C0000226010351537986ED35533B6064478EEEB27B5BD74DAE149B6E81BA3A0521AF82AB7801"
        ),
        (#"CERT"#, #"PGP 0 0 AwEAAQ=="#, "000300000003010001"),
        (#"AMTRELAY"#, #"10 0 3 relay.example."#, "0A030572656C6179076578616D706C6500"),
    ])
func wireForm(_ item: (String, String, String)) throws {
    #expect(hex(try encode(item.0, item.1)) == item.2)
}

// MARK: - SVCB / HTTPS (RFC 9460 Appendix D test vectors, wire from dnspython's generic twins)

@Test("RFC 9460 test vectors", arguments: svcbVectors)
func svcbVectorsEncode(_ item: (rdata: String, wire: String)) throws {
    let wire = try encode("SVCB", item.rdata)
    #expect(hex(wire) == item.wire)
    let text = RDataCodec.present(.svcb, wire: wire)
    #expect(try encode("SVCB", text) == wire)
    #expect(try encode("HTTPS", item.rdata) == wire)
}

@Test("SVCB params print sorted, in BIND's spelling")
func svcbPresentation() throws {
    let cases: [(String, String)] = [
        (
            "16 foo.example.org. alpn=h2,h3-19 mandatory=ipv4hint,alpn ipv4hint=192.0.2.1",
            #"16 foo.example.org. mandatory=alpn,ipv4hint alpn="h2,h3-19" ipv4hint=192.0.2.1"#
        ),
        (#"16 foo.example.org. alpn=f\\\092oo\092,bar,h2"#, #"16 foo.example.org. alpn="f\\\\oo\\,bar,h2""#),
        (#"1 . alpn="h2 h3""#, #"1 . alpn="h2\032h3""#),
        (#"1 . key667="a b""#, #"1 . key667="a b""#),
        ("1 . key667", "1 . key667"),
        ("1 . key3=\\000\\053", "1 . port=53"),
        ("1 . ech=", "1 . ech"),
        ("0 . port=53", "0 . port=53"),
        // Newer keys, past BIND 9.18 (which prints dohpath as key7 and does not know ohttp):
        (#"1 . alpn=h2 dohpath="/dns-query{?dns}""#, #"1 . alpn="h2" dohpath="/dns-query{?dns}""#),
        ("1 . ohttp", "1 . ohttp"),
        ("1 . mandatory=key9,ohttp ohttp key9", "1 . mandatory=ohttp,key9 ohttp key9"),
    ]
    for (input, expected) in cases {
        let wire = try encode("SVCB", input)
        #expect(RDataCodec.present(.svcb, wire: wire) == expected)
        #expect(try encode("SVCB", expected) == wire)
    }
}

@Test("quoted SVCB value glued to '=' is the value; a separate one is not")
func svcbQuotedValues() throws {
    #expect(hex(try encode("HTTPS", #"1 . alpn="h2,h3""#)) == hex(try encode("HTTPS", "1 . alpn=h2,h3")))
    #expect(throws: RDataError("bad HTTPS parameter 'alpn=': needs a value", field: 2)) {
        _ = try encode("HTTPS", #"1 . alpn= "h2""#)
    }
}

// MARK: - Where we differ from BIND 9.18 on purpose

@Test("EUI48/EUI64 need two hex digits per octet (BIND 9.18 takes one; BIND's own tests expect a refusal)")
func euiStrict() {
    #expect(throws: RDataError("bad EUI48 address '1-23-45-67-89-ab': use 6 hex pairs joined by '-'", field: 0)) {
        _ = try encode("EUI48", "1-23-45-67-89-ab")
    }
    #expect(
        throws: RDataError("bad EUI64 address '00-00-00-00-00-00-00-00-00': use 8 hex pairs joined by '-'", field: 0)
    ) {
        _ = try encode("EUI64", "00-00-00-00-00-00-00-00-00")
    }
}

@Test("RRSIG times print as unsigned 32-bit seconds (1970-2106), not in BIND's window around now")
func rrsigTimes() throws {
    let wire = try encode("RRSIG", "A 8 2 300 4294967295 0 12345 example. AwEAAQ==")
    #expect(
        RDataCodec.present(.rrsig, wire: wire)
            == "A 8 2 300 21060207062815 19700101000000 12345 example. AwEAAQ==")
    // Dates past 2106 fold into 32 bits (RFC 4034 §3.1.5 serial arithmetic), as BIND reads them.
    #expect(
        try encode("RRSIG", "A 8 2 300 21060207062816 0 12345 example. AwEAAQ==")
            == encode("RRSIG", "A 8 2 300 0 0 12345 example. AwEAAQ=="))
}

@Test("DNSSEC times: leap days and month lengths")
func dnssecTimeParsing() {
    if case .success(let value) = DNSSECTime.parse(Array("20240229120000".utf8)[...]) {
        #expect(DNSSECTime.format(value) == "20240229120000")
    } else {
        Issue.record("2024-02-29 refused")
    }
    if case .success = DNSSECTime.parse(Array("20230229120000".utf8)[...]) { Issue.record("2023-02-29 accepted") }
    if case .success = DNSSECTime.parse(Array("20230431120000".utf8)[...]) { Issue.record("2023-04-31 accepted") }
}

@Test("SOA, MD and MF (not checkable against BIND one record at a time)")
func soaAndObsolete() throws {
    let soa = try encode("SOA", "ns hostmaster.example. 2024010101 1h 15m 1w 300")
    #expect(RDataCodec.present(.soa, wire: soa) == "ns.example. hostmaster.example. 2024010101 3600 900 604800 300")
    #expect(RDataCodec.present(.md, wire: try encode("MD", "md")) == "md.example.")
    #expect(RDataCodec.present(.mf, wire: try encode("MF", "mf.example.")) == "mf.example.")
}

// MARK: - Character-strings

@Test("a character-string is at most 255 octets after escapes are decoded")
func characterStringLimit() throws {
    let ok = String(repeating: "a", count: 254) + "\\065"
    #expect(try encode("TXT", "\"\(ok)\"").count == 256)
    let tooLong = String(repeating: "a", count: 256)
    #expect(
        throws: RDataError(
            "character-string is 256 octets long; the limit is 255 (split it into several quoted strings)",
            field: 0)
    ) {
        _ = try encode("TXT", "\"\(tooLong)\"")
    }
    #expect(
        throws: RDataError(
            "character-string is 256 octets long; the limit is 255 (split it into several quoted strings)",
            field: 1)
    ) {
        _ = try encode("HINFO", "PC \(tooLong)")
    }
}

// MARK: - Generic RDATA of known types

@Test("generic RDATA of a known type must decode as that type")
func genericValidation() throws {
    try RDataCodec.validate(.a, wire: [192, 0, 2, 1])
    try RDataCodec.validate(RRType(65280), wire: [1, 2, 3])
    #expect(throws: RDataError("generic RDATA is not valid A RDATA: 1 octets left over")) {
        try RDataCodec.validate(.a, wire: [192, 0, 2, 1, 9])
    }
    #expect(throws: RDataError("generic RDATA is not valid TXT RDATA: TXT RDATA needs at least one string")) {
        try RDataCodec.validate(.txt, wire: [])
    }
}

// MARK: - Registry

@Test(
    "every type the issue requires has a format",
    arguments: [
        "SOA", "NS", "A", "AAAA", "MX", "CNAME", "DNAME", "PTR", "TXT", "SPF", "SRV", "CAA", "NAPTR", "HINFO", "DS",
        "DNSKEY", "RRSIG", "NSEC", "NSEC3", "NSEC3PARAM", "TLSA", "SSHFP", "SVCB", "HTTPS",
    ])
func requiredTypeRegistered(_ mnemonic: String) {
    #expect(RDataCodec.isKnown(type(mnemonic)))
}

@Test("every registered type has a BIND-checked valid case")
func everyFormatTested() {
    // SOA is only valid at the apex and BIND refuses the obsolete MD and MF at load time; they are tested below.
    let tested = Set(
        bindValidCases.map { type($0.type).rawValue } + [
            RRType.soa.rawValue, RRType.md.rawValue,
            RRType.mf.rawValue,
        ])
    for known in RRTypeTable.knownTypes where !tested.contains(known.rawValue) {
        Issue.record("no valid case for \(known)")
    }
}

@Test("lower-casing of embedded names follows RFC 4034 §6.2 as corrected by RFC 6840 §5.1")
func canonicalLowercaseList() {
    let lowercased: [RRType] = [
        .ns, .md, .mf, .cname, .soa, .mb, .mg, .mr, .ptr, .minfo, .mx, .rp, .afsdb, .rt,
        .sig, .px, .naptr, .kx, .srv, .dname, .rrsig,
    ]
    for known in RRTypeTable.knownTypes {
        #expect(RDataCodec.lowercasesNames(known) == lowercased.contains(known), "\(known)")
    }
}

// MARK: - Random wire data

/// Random RDATA of every registered type: printing never traps, and whatever prints as the type's own
/// presentation (not `\#`) reads back to the same wire.
@Test("random wire RDATA prints and reads back", arguments: RRTypeTable.knownTypes)
func randomWireRoundTrips(_ rrType: RRType) throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(rrType.rawValue)
    func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
    // Seeds that decode often: valid encodings of a few records, then mutated.
    let seeds = bindValidCases.filter { type($0.type) == rrType }.compactMap { try? encode($0.type, $0.rdata) }
    for round in 0..<3000 {
        var wire: [UInt8]
        if !seeds.isEmpty, round % 3 != 0 {
            wire = seeds[Int(next()) % seeds.count]
            for _ in 0..<(1 + Int(next() % 3)) where !wire.isEmpty {
                wire[Int(next()) % wire.count] = next()
            }
            if next() % 8 == 0 { wire.append(next()) }
            if next() % 8 == 0, !wire.isEmpty { wire.removeLast() }
        } else {
            wire = (0..<Int(next() % 40)).map { _ in next() }
        }
        let text = RDataCodec.present(rrType, wire: wire)
        if text.hasPrefix("\\# ") { continue }
        let reread: [UInt8]
        do {
            var buffer: [UInt8] = []
            try RDataCodec.encode(rrType, fields: RDataField.split(text), origin: origin, into: &buffer)
            reread = buffer
        } catch {
            Issue.record("\(rrType) \(hex(wire)) printed as '\(text)', which does not read back: \(error.message)")
            return
        }
        if reread != wire {
            Issue.record("\(rrType) \(hex(wire)) printed as '\(text)', which reads back as \(hex(reread))")
            return
        }
    }
}
