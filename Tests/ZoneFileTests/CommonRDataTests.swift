import Foundation
import Testing

@testable import ZoneFile

/// The fast path for the common types (`CommonRData`) reads exactly what the general reader reads:
/// wherever it takes RDATA, the wire form is the general reader's, and it takes nothing the general
/// reader refuses. Checked on every record line of every corpus file and real zone, and on spellings
/// chosen to sit at the edges.
@Suite struct CommonRDataTests {
    static let types: Set<RRType> = [.a, .aaaa, .ns, .cname, .ptr, .mx, .srv, .txt, .soa, .caa, .ds]

    /// Reads `bytes[range]` as `type` RDATA both ways; true when the fast path took it.
    static func agree(
        _ type: RRType, _ bytes: [UInt8], _ range: Range<Int>, origin: DomainName, _ label: String
    ) -> Bool {
        let tokens = ZoneFileSyntax.tokens(in: bytes, range: range).filter(\.isField)
        var fast: [UInt8] = []
        let took = bytes.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer {
                CommonRData.encode(type, fields: $0, in: buffer, origin: origin, into: &fast)
            }
        }
        var general: [UInt8] = []
        let fields = tokens.map { RDataField(bytes: bytes[$0.start..<$0.end], quoted: $0.kind == .quoted) }
        let valid = (try? LoaderState.encodeRData(type: type, fields: fields, origin: origin, into: &general)) != nil
        if took {
            #expect(valid, "\(label): the fast path took \(type) RDATA the general reader refuses")
            #expect(fast == general, "\(label): \(type) wire differs")
            // The loader makes this much room before the fast path writes through a pointer.
            let room = tokens.withUnsafeBufferPointer { CommonRData.room($0) }
            #expect(general.count <= room, "\(label): \(type) wire of \(general.count) octets, room for \(room)")
        }
        // The loader writes a record's RDATA after what earlier records left (`LoaderState.startRData`):
        // the bytes before it change neither what is taken nor how it is written, nor the length limit.
        var after = prefix
        let tookAfter = bytes.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer {
                CommonRData.encode(type, fields: $0, in: buffer, origin: origin, into: &after)
            }
        }
        #expect(tookAfter == took, "\(label): \(type) taken \(took), after earlier bytes \(tookAfter)")
        if took, tookAfter {
            #expect(after == prefix + general, "\(label): \(type) wire after earlier bytes differs")
        }
        return took
    }

    /// What earlier records left in the loader's `wire` before a record's RDATA, as much as it may hold.
    static let prefix = [UInt8](repeating: 0xA5, count: LoaderState.wireReuse)

    /// Every field of a record line that names a common type, with the fields after it as its RDATA.
    static func checkLines(of bytes: [UInt8], path: String, origin: DomainName) -> (checked: Int, taken: Int) {
        let (syntax, _) = ZoneFileSyntax.parse(SourceFile(path: path, bytes: bytes))
        var checked = 0
        var taken = 0
        for entry in syntax.entries where entry.kind == .record {
            let fields = syntax.tokens(of: entry).filter(\.isField)
            for (index, field) in fields.enumerated() where field.kind == .word {
                guard let type = RRType.parse(bytes[field.start..<field.end]), types.contains(type) else { continue }
                let rest = fields[(index + 1)...]
                let range =
                    (rest.first?.fullRange.lowerBound ?? field.end)..<(rest.last?.fullRange.upperBound ?? field.end)
                checked += 1
                if agree(type, bytes, range, origin: origin, "\(path) at \(range.lowerBound)") { taken += 1 }
            }
        }
        return (checked, taken)
    }

    @Test("the fast path agrees with the general reader on every corpus file and real zone")
    func corpusAndRealZones() throws {
        var checked = 0
        var taken = 0
        let files = TestPaths.corpusAndRealZoneFiles()
        let origin = try DomainName(parsing: "origin.example.")
        for url in files {
            let bytes = Array(try Data(contentsOf: url))
            let (fileChecked, fileTaken) = Self.checkLines(of: bytes, path: url.lastPathComponent, origin: origin)
            checked += fileChecked
            taken += fileTaken
        }
        // Enough lines, and most taken, for the comparison to mean something.
        #expect(checked > 5_000, "only \(checked) RDATA texts checked")
        #expect(taken > 3_000, "only \(taken) RDATA texts taken by the fast path")
    }

    static let edges: [(RRType, String)] = [
        (.a, "192.0.2.1"), (.a, "192.0.2.01"), (.a, "192.0.2"), (.a, "\"192.0.2.1\""), (.a, "\\# 4 C0000201"),
        (.a, "192.0.2.1 192.0.2.2"), (.a, "256.1.1.1"), (.a, ""), (.a, "( 192.0.2.1 )"),
        (.aaaa, "2001:db8::1"), (.aaaa, "2001:DB8::1"), (.aaaa, "::ffff:192.0.2.1"), (.aaaa, "2001:db8:::1"),
        (.aaaa, "1::2::3"), (.aaaa, "\"::1\""), (.aaaa, "::"),
        (.ns, "ns1"), (.ns, "ns1.example.com."), (.ns, "@"), (.ns, "."), (.ns, "a\\.b"), (.ns, "a..b"),
        (.ns, "\"quoted\""), (.ns, "x\\065y"), (.ns, "x\\999"), (.ns, String(repeating: "a", count: 64)),
        (.ns, "NS1.Example.COM."), (.ns, "ns1 ns2"), (.cname, "\\#"), (.cname, "\\# 0"), (.ptr, "host\\"),
        (.mx, "10 mx"), (.mx, "65535 mx."), (.mx, "65536 mx"), (.mx, "010 mx"), (.mx, "-1 mx"), (.mx, "10"),
        (.mx, "10 mx extra"), (.mx, "\"10\" mx"), (.mx, "0000000010 mx"), (.mx, "99999 mx"), (.mx, "1e2 mx"),
        (.srv, "0 5 5060 sip"), (.srv, "1 2 3"), (.srv, "1 2 3 4 5"), (.srv, "1 2 65536 t"), (.srv, "1 2 3 ."),
        (.txt, "\"v=spf1 -all\""), (.txt, "unquoted words"), (.txt, "\"a\\\"b\""), (.txt, "\"\\065\""),
        (.txt, "\"\\256\""), (.txt, "\"\\25\""), (.txt, "\"" + String(repeating: "x", count: 255) + "\""),
        (.txt, "\"" + String(repeating: "x", count: 256) + "\""), (.txt, "\"\""), (.txt, "\"x\" \"y\""),
        (.txt, "\\#"), (.txt, "\\# 3 616263"), (.txt, "\\# x"), (.txt, "\"trailing\\\\\""), (.txt, "a\\"),
        (.txt, "( \"one\"\n \"two\" )"), (.txt, "\"\\\\065\""),
        (.soa, "ns hostmaster 1 7200 3600 1209600 300"), (.soa, "ns. h. 4294967295 2h 1H 2w 5m"),
        (.soa, "@ @ 4294967296 1 2 3 4"), (.soa, "ns h 1 2 3 4"), (.soa, "ns h 1 2 3 4 5 6"),
        (.soa, "ns h \"1\" 2 3 4 5"), (.soa, "ns h 1 \"2\" 3 4 5"), (.soa, "ns h 1 2 3 4 1x"),
        (.soa, "ns h 1 2 3 4 4294967296"), (.soa, "ns h 0x1 2 3 4 5"), (.soa, "NS.Example. H\\.M 1 2 3 4 5"),
        (.soa, "( ns h ; c\n 1 2 3 4 5 )"), (.soa, "ns h 01 2 3 4 5"), (.soa, "\\# 0"), (.soa, "ns h -1 2 3 4 5"),
        (.caa, "0 issue \"letsencrypt.org\""), (.caa, "128 iodef \"mailto:a@b\""), (.caa, "0 issue ;"),
        (.caa, "0 issue letsencrypt.org"), (.caa, "0 issue \"\""), (.caa, "0 Issue \"a\\\"b\""),
        (.caa, "256 issue \"x\""),
        (.caa, "0 iss-ue \"x\""), (.caa, "0 \"issue\" \"x\""), (.caa, "0 issue"), (.caa, "0 issue \"x\" y"),
        (.caa, "0 issue \"\\256\""), (.caa, "0 issue \"x\\\""),
        (.caa, "0 " + String(repeating: "t", count: 256) + " \"x\""),
        (.caa, "0 issue \"" + String(repeating: "v", count: 300) + "\""), (.caa, "00 issue \"x\""),
        (.ds, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"),
        (.ds, "60485 5 1 2BB183AF5F2258817 9A53B0A98631FAD1A292118"),
        (.ds, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A2921"),
        (.ds, "60485 5 2 2BB183AF5F22588179A53B0A98631FAD1A292118"),
        (.ds, "60485 5 3 2BB1"), (.ds, "60485 RSASHA1 1 2BB183AF5F22588179A53B0A98631FAD1A292118"),
        (.ds, "60485 5 SHA-1 2BB183AF5F22588179A53B0A98631FAD1A292118"), (.ds, "65536 5 1 00"), (.ds, "1 256 9 00"),
        (.ds, "1 5 9 0"), (.ds, "1 5 9 0g"), (.ds, "1 5 9"), (.ds, "1 5 9 \"00\""), (.ds, "1 5 9 ( 00\n 11 )"),
        (.ds, "1 5 2 " + String(repeating: "ab", count: 32)), (.ds, "1 5 4 " + String(repeating: "AB", count: 48)),
        // At BIND's RDATA length limit (`RDataLength.maxLoadable`, 65,510 octets) and one string past it.
        (.txt, Array(repeating: "\"" + String(repeating: "x", count: 254) + "\"", count: 256).joined(separator: " ")),
        (.txt, Array(repeating: "\"" + String(repeating: "x", count: 254) + "\"", count: 257).joined(separator: " ")),
    ]

    @Test("the fast path agrees with the general reader at the edges", arguments: edges)
    func edge(_ type: RRType, _ text: String) throws {
        let bytes = Array(text.utf8)
        _ = Self.agree(type, bytes, 0..<bytes.count, origin: try DomainName(parsing: "example."), "'\(text)'")
    }

    /// Both SOA names completed with an origin of 253 octets: the room the loader makes holds them.
    @Test func anSOAWithALongOriginFits() throws {
        let label = String(repeating: "o", count: 62)
        let origin = try DomainName(parsing: "\(label).\(label).\(label).\(label).")
        for text in ["@ @ 1 2 3 4 5", "a b 4294967295 1w 1w 1w 1w"] {
            let bytes = Array(text.utf8)
            #expect(Self.agree(.soa, bytes, 0..<bytes.count, origin: origin, text), "\(text) not taken")
        }
    }

    @Test func thePlainSpellingsAreTaken() throws {
        let origin = try DomainName(parsing: "example.")
        for (type, text) in [
            (RRType.a, "192.0.2.1"), (.aaaa, "2001:db8::1"), (.ns, "ns1"), (.cname, "www.example.net."),
            (.ptr, "host"), (.mx, "10 mx"), (.srv, "0 5 5060 sip"), (.txt, "\"v=spf1 -all\" \"x\\065\""),
            (.soa, "ns hostmaster 2024010101 2h 3600 1w 300"), (.caa, "0 issue \"letsencrypt.org\""),
            (.ds, "60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"),
        ] {
            let bytes = Array(text.utf8)
            #expect(Self.agree(type, bytes, 0..<bytes.count, origin: origin, text), "\(type) \(text) not taken")
        }
    }
}
