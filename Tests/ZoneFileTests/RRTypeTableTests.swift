import Foundation
import Testing

@testable import ZoneFile

/// `RRTypeTable` is the one description of each type: these tests show each use of it (the
/// presentation codec, canonical form, typed views) following the table, on the real records of
/// the corpus and on hand-picked spellings.
@Suite struct RRTypeTableTests {
    /// Every record of the corpus that loads, by type code (loaded once for the suite's tests).
    static let corpusRecords: [UInt16: [Record]] = {
        var byType: [UInt16: [Record]] = [:]
        for file in TestPaths.corpusFiles() {
            let path = TestPaths.corpus.appendingPathComponent(file).path
            for record in ZoneLoader.load(path: path, options: LoadOptions(origin: .root)).records {
                byType[record.type.rawValue, default: []].append(record)
            }
        }
        return byType
    }()

    @Test func lowercasingFlagsAreTheTables() {
        var differing: [UInt16] = []
        var lowercasing = 0
        for code in 0...UInt16.max {
            let type = RRType(rawValue: code)
            let expected = RRTypeTable.description(for: type)?.lowercasesNames ?? false
            if RDataCodec.lowercasesNames(type) != expected { differing.append(code) }
            if expected { lowercasing += 1 }
        }
        #expect(differing.isEmpty, "codes whose flag is not the table's: \(differing)")
        #expect(lowercasing > 10, "only \(lowercasing) types lower-case their names")
    }

    @Test func everyTypeIsDescribedOnceUnderItsOwnCode() {
        let known = RRTypeTable.knownTypes
        #expect(known.count == Set(known).count)
        #expect(known.count == 69)
        for type in known {
            let description = RRTypeTable.description(for: type)
            #expect(description?.type == type)
            #expect(description?.fields.isEmpty == false, "\(type) has no fields")
        }
        #expect(RRTypeTable.description(for: RRType(65_280)) == nil)
    }

    /// A layout with a part the fields cannot express comes with the type's own format; a type made
    /// only of plain fields may still bring one for checks beyond its fields (NAPTR's regexp).
    @Test func opaqueLayoutsHaveTheirOwnFormat() {
        for type in RRTypeTable.knownTypes {
            guard let description = RRTypeTable.description(for: type) else { continue }
            if description.fields.contains(where: { $0.kind == .opaque }) {
                #expect(description.hasOwnFormat, "\(type)")
            }
        }
        let plain: [RRType] = [
            .a, .aaaa, .ns, .cname, .ptr, .dname, .mx, .soa, .txt, .spf, .srv, .hinfo, .rp, .minfo, .afsdb, .rt, .kx,
            .lp, .px, .isdn, .gpos, .nsapPtr, .md, .mf, .mb, .mg, .mr, .avc, .resinfo, .wallet,
            // A last field of hex or base64 is a plain field too: no hand-written format for these.
            .tlsa, .smimea, .openpgpkey, .dhcid,
        ]
        for type in plain { #expect(RRTypeTable.description(for: type)?.hasOwnFormat == false, "\(type)") }
    }

    /// DS and DNSKEY and their look-alikes describe their whole RDATA in the table (the digest in hex,
    /// the key in base64), so they print from their fields; only reading keeps code of its own
    /// (mnemonics, BIND's flag names, digest lengths, KEY's NOKEY flags).
    @Test func digestsAndKeysAreFieldsOfTheTable() {
        for type in [RRType.ds, .cds, .dlv, .ta] {
            #expect(
                RRTypeTable.description(for: type)?.fields.map(\.kind) == [.uint16, .uint8, .uint8, .hex], "\(type)")
        }
        for type in [RRType.dnskey, .cdnskey, .key] {
            #expect(
                RRTypeTable.description(for: type)?.fields.map(\.kind) == [.uint16, .uint8, .uint8, .base64], "\(type)")
        }
    }

    /// Printing wire data keeps the checks reading makes: a digest of the wrong length for its type,
    /// an empty key, or key material behind KEY's NOKEY flags print in the generic form.
    @Test(arguments: [
        (
            RRType.ds, "EA2D08010102030405060708090A0B0C0D0E0F1011121314",
            "59949 8 1 0102030405060708090A0B0C0D0E0F1011121314"
        ),
        (
            .ds, "EA2D08010102030405060708090A0B0C0D0E0F10111213",
            "\\# 23 EA2D08010102030405060708090A0B0C0D0E0F10111213"
        ),
        (.ds, "EA2D0803AABBCCDDEEFF", "59949 8 3 AABBCCDDEEFF"),
        (.ds, "EA2D0802", "\\# 4 EA2D0802"),
        (.dnskey, "01010308", "\\# 4 01010308"),
        (.dnskey, "01010308AABBCC", "257 3 8 qrvM"),
        (.key, "C0000305", "49152 3 5"),
        (.key, "C0000305AABBCC", "\\# 7 C0000305AABBCC"),
        (.key, "01000305", "\\# 4 01000305"),
    ])
    func wireDigestsAndKeysPrintWithTheirChecks(type: RRType, hex: String, expected: String) throws {
        let wire = try #require(Hex.decode(Array(hex.utf8)[...]))
        #expect(RDataCodec.present(type, wire: wire) == expected)
    }

    /// What DNS messages decompress is only names and fixed fields, so a reader can walk it; RFC 1035's
    /// types are compressed on writing, RFC 3597 §4's later ones only decompressed on reading.
    @Test func compressibleTypesAreNamesAndFixedFields() {
        var compressed: [RRType] = []
        var decompressOnly: [RRType] = []
        for type in RRTypeTable.knownTypes {
            guard let description = RRTypeTable.description(for: type) else { continue }
            switch description.compression {
            case .none: continue
            case .compressed: compressed.append(type)
            case .decompressOnly: decompressOnly.append(type)
            }
            #expect(description.fields.allSatisfy { $0.kind == .name || $0.wireSize != nil }, "\(type)")
        }
        #expect(Set(compressed) == [.ns, .md, .mf, .cname, .soa, .mb, .mg, .mr, .ptr, .minfo, .mx])
        #expect(Set(decompressOnly) == [.rp, .afsdb, .rt, .px, .srv])
    }

    /// presentation → wire → presentation on every corpus record of every type in the table: the
    /// printed form reads back to the same wire, and the table's field decoder takes the wire whole.
    @Test func corpusRecordsRoundTripThroughTheTable() throws {
        var covered: [RRType] = []
        for type in RRTypeTable.knownTypes {
            guard let records = Self.corpusRecords[type.rawValue] else { continue }
            covered.append(type)
            for record in records {
                let text = record.rdata.presentation
                #expect(!text.hasPrefix("\\#"), "\(type) \(text)")
                let again = try RData(type: type, presentation: text)
                #expect(again.wire == record.rdata.wire, "\(type) \(text)")
                #expect(again.presentation == text)
                #expect(record.rdata.fieldValues != nil, "\(type) \(text)")
            }
        }
        // The corpus holds real records of most types, the plain ones among them.
        let plainInCorpus: [RRType] = [
            .a, .aaaa, .ns, .cname, .ptr, .dname, .mx, .soa, .txt, .spf, .srv, .hinfo, .rp, .minfo, .afsdb, .rt, .kx,
            .px, .isdn, .gpos, .naptr, .caa, .ds, .dnskey, .rrsig, .nsec, .nsec3, .tlsa, .sshfp, .loc,
        ]
        for type in plainInCorpus { #expect(covered.contains(type), "no \(type) record in the corpus") }
    }

    /// Canonical form (RFC 4034 §6.2) lower-cases the names of exactly the listed types and nothing
    /// else in them: NAPTR's flags and RRSIG's signature keep their case.
    @Test(arguments: [
        ("NS", "NS.EXAMPLE."), ("MD", "NS.EXAMPLE."), ("MF", "NS.EXAMPLE."), ("CNAME", "NS.EXAMPLE."),
        ("MB", "NS.EXAMPLE."), ("MG", "NS.EXAMPLE."), ("MR", "NS.EXAMPLE."), ("PTR", "NS.EXAMPLE."),
        ("DNAME", "NS.EXAMPLE."), ("SOA", "NS.EXAMPLE. HOST.EXAMPLE. 1 2 3 4 5"),
        ("MINFO", "A.EXAMPLE. B.EXAMPLE."), ("RP", "A.EXAMPLE. B.EXAMPLE."), ("MX", "10 MX.EXAMPLE."),
        ("AFSDB", "1 DB.EXAMPLE."), ("RT", "10 RT.EXAMPLE."), ("KX", "10 KX.EXAMPLE."),
        ("PX", "10 A.EXAMPLE. B.EXAMPLE."), ("SRV", "1 2 3 TARGET.EXAMPLE."),
        ("NAPTR", #"100 10 "U" "E2U+SIP" "" SIP.EXAMPLE."#),
        ("RRSIG", "A 8 2 300 20250101000000 20240101000000 12345 SIGNER.EXAMPLE. AWEAAQ=="),
        ("SIG", "A 8 2 300 20250101000000 20240101000000 12345 SIGNER.EXAMPLE. AWEAAQ=="),
    ])
    func canonicalFormLowercasesTheNames(_ type: String, _ upper: String) throws {
        let rrType = try #require(RRType(mnemonic: type))
        #expect(RRTypeTable.description(for: rrType)?.lowercasesNames == true)
        let written = try RData(type: rrType, presentation: upper)
        // The names lower-cased by hand: every upper-case run that ends in a dot is a name here.
        let lowered = upper.replacing(#/[A-Z0-9.-]*[A-Z][A-Z0-9.-]*\./#) { $0.output.lowercased() }
        let expected = try RData(type: rrType, presentation: lowered)
        #expect(written.canonicalWire == expected.wire)
        #expect(written.wire != expected.wire)
    }

    /// Names in the other types keep their case in canonical form (RFC 6840 §5.1 for NSEC).
    @Test(arguments: [
        ("NSEC", "HOST.EXAMPLE. A"), ("LP", "10 L64.EXAMPLE."), ("NSAP-PTR", "HOST.EXAMPLE."),
        ("SVCB", "1 SVC.EXAMPLE."), ("TXT", #""ABC.""#),
    ])
    func canonicalFormKeepsOtherNames(_ type: String, _ text: String) throws {
        let rrType = try #require(RRType(mnemonic: type))
        let rdata = try RData(type: rrType, presentation: text)
        #expect(rdata.canonicalWire == rdata.wire)
    }

    @Test func typedViewsReadTheFields() throws {
        let mx = try RData(type: .mx, presentation: "10 MX.example.com.")
        #expect(mx.mx?.preference == 10)
        #expect(mx.mx?.exchange == (try DomainName(parsing: "mx.example.com.")))
        #expect(mx.ns == nil)
        #expect(mx.txt == nil)

        let ns = try RData(type: .ns, presentation: "ns1.example.com.")
        #expect(ns.ns == (try DomainName(parsing: "ns1.example.com.")))
        #expect(ns.cname == nil)
        #expect(try RData(type: .cname, presentation: "t.example.").cname == (try DomainName(parsing: "t.example.")))

        let txt = try RData(type: .txt, presentation: #""v=spf1" " -all" "\255""#)
        #expect(txt.txt == [Array("v=spf1".utf8), Array(" -all".utf8), [255]])
        #expect(try RData(type: .spf, presentation: #""v=spf1 -all""#).txt == [Array("v=spf1 -all".utf8)])

        let soa = try #require(
            try RData(type: .soa, presentation: "ns.example. host.example. 2026120601 1h 15m 1w 300").soa)
        #expect(soa.mname == (try DomainName(parsing: "ns.example.")))
        #expect(soa.rname == (try DomainName(parsing: "host.example.")))
        #expect(
            [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum] == [2_026_120_601, 3600, 900, 604_800, 300])
    }

    /// Wire data that does not fit the layout gives no view (a served answer may be anything).
    @Test func typedViewsRefuseMalformedWire() {
        #expect(RData(type: .mx, wire: [0, 10]).mx == nil)
        #expect(RData(type: .mx, wire: [0, 10, 2, 0x6D, 0x78]).mx == nil)  // the name runs off the end
        #expect(RData(type: .mx, wire: [0, 10, 0, 7]).mx == nil)  // an octet left over
        #expect(RData(type: .ns, wire: [64]).ns == nil)
        #expect(RData(type: .txt, wire: []).txt == nil)
        #expect(RData(type: .txt, wire: [5, 0x61]).txt == nil)
        #expect(RData(type: .soa, wire: [0, 0, 0, 0, 0, 1]).soa == nil)
        #expect(RData(type: .soa, wire: [0, 0, 0, 0, 0, 1]).soaSerial == nil)
        #expect(RData(type: RRType(65_280), wire: [1, 2]).fieldValues == nil)
    }
}
