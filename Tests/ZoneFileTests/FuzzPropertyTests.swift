import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// What the libFuzzer zone target (Fuzz/Sources/FuzzZone) asserts, kept in CI, which does
/// not run libFuzzer: every input loads without crashing, prints back byte for byte, its
/// entries tile the file, and every record's RDATA prints to text that reads back to the
/// same wire.
enum ZoneProperty {
    static func check(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var options = LoadOptions()
        options.maxGeneratedRecords = 2_000
        options.maxRecords = 20_000
        options.includes = .refused
        let zone = ZoneLoader.load(bytes: bytes, path: "fuzz.zone", options: options)
        guard let file = zone.files.first else {
            Issue.record("no file", sourceLocation: sourceLocation)
            return
        }
        guard file.bytes == bytes else {
            Issue.record(
                "round trip failed for \(bytes.count) bytes: \(String(decoding: bytes.prefix(200), as: UTF8.self))",
                sourceLocation: sourceLocation)
            return
        }
        var cursor = 0
        for entry in file.entries {
            guard entry.range.lowerBound == cursor, !entry.range.isEmpty else {
                Issue.record("entries do not tile the file at \(cursor)", sourceLocation: sourceLocation)
                return
            }
            cursor = entry.range.upperBound
        }
        #expect(cursor == bytes.count, sourceLocation: sourceLocation)
        for diagnostic in zone.diagnostics {
            _ = diagnostic.description
            #expect((diagnostic.location?.offset ?? 0) <= bytes.count, sourceLocation: sourceLocation)
        }
        for record in zone.records {
            _ = record.description
            let text = record.rdata.presentation
            do {
                let again = try RData(type: record.type, presentation: text, origin: .root)
                #expect(again.wire == record.rdata.wire, "\(record.type) '\(text)'", sourceLocation: sourceLocation)
            } catch {
                Issue.record(
                    "\(record.type) printed as '\(text)' does not read back: \(error)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// Deterministic mutation fuzzing: a fixed seed, a few thousand mutated zone files.
@Suite struct FuzzPropertyTests {
    static let seeds: [String] = [
        DirectiveTests.apex + "www 300 IN A 192.0.2.80\n@ MX 10 mail\n@ TXT \"v=spf1 include:qcloudmail.com ~all\"\n",
        "$ORIGIN example.net.\n$TTL 1h\n@ IN SOA ns1 host ( 2026113001 ; serial\n 7200 3600 1209600 300 )\n NS ns1\nns1 AAAA 2001:db8::1\n",
        DirectiveTests.apex
            + "$GENERATE 1-20 h$ CNAME t${0,3,x}\n_sip._tcp SRV 0 5 5060 sip\n@ CAA 0 issue \"ca.example\"\n",
        DirectiveTests.apex
            + "k._domainkey TXT ( \"v=DKIM1; k=rsa; \" \"p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\" )\n_dmarc TXT \"v=DMARC1; p=none\"\n",
        DirectiveTests.apex
            + "h HTTPS 1 . alpn=h2,h3 ipv4hint=192.0.2.1\nx TYPE65534 \\# 3 010203\nd DS 1 8 2 ABCDEF0123\n",
        DirectiveTests.apex
            + "$INCLUDE other.inc sub\nl LOC 52 22 23.000 N 4 53 32.000 E -2.00m\ne \\065\\. A 192.0.2.1\n",
    ]

    static let tokens: [String] = [
        "(", ")", ";", "\"", "\\", "\n", " ", "\t", "\r\n", "$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE", "@", "IN", "CH",
        "A", "AAAA", "TXT", "MX", "SOA", "SRV", "CAA", "HTTPS", "TYPE1", "CLASS1", "\\#", "\\000", "\\.", "0", "65535",
        "4294967296", "1w2d", "${-1,3,n}", "$", "..", ".", "*", "\u{0}", "\u{FF}", "é", "\\\"",
    ]

    /// The same 4,000 mutated zones on every run (a fixed seed and count, never "as many as fit
    /// in a minute"), so a failure found once is found again.
    @Test func mutatedZonesKeepTheProperty() {
        var generator = SplitMix64(seed: 0x6D61_696C_7A6F_6E65)
        for _ in 0..<4_000 {
            var bytes = Array(Self.seeds[Int(generator.next() % UInt64(Self.seeds.count))].utf8)
            let mutations = 1 + Int(generator.next() % 6)
            for _ in 0..<mutations { Self.mutate(&bytes, using: &generator) }
            ZoneProperty.check(bytes)
        }
    }

    static func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
        switch generator.next() % 7 {
        case 0 where !bytes.isEmpty:  // flip a bit
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1 << (generator.next() % 8))
        case 1:  // insert a token
            bytes.insert(contentsOf: Array(tokens[Int(generator.next() % UInt64(tokens.count))].utf8), at: position)
        case 2 where !bytes.isEmpty:  // delete a range
            let length = min(bytes.count - min(position, bytes.count - 1), 1 + Int(generator.next() % 16))
            let start = min(position, bytes.count - 1)
            bytes.removeSubrange(start..<(start + length))
        case 3 where !bytes.isEmpty:  // duplicate a range
            let start = min(position, bytes.count - 1)
            let length = min(bytes.count - start, 1 + Int(generator.next() % 32))
            let copy = Array(bytes[start..<(start + length)])
            bytes.insert(contentsOf: copy, at: Int(generator.next() % UInt64(bytes.count + 1)))
        case 4:  // random bytes
            let count = 1 + Int(generator.next() % 4)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }, at: position)
        case 5 where !bytes.isEmpty:  // replace with a digit run
            let index = min(position, bytes.count - 1)
            bytes[index] = UInt8(ascii: "0") + UInt8(generator.next() % 10)
        default:  // truncate
            bytes.removeSubrange(position...)
        }
    }
}

/// Every input a fuzzer found a problem with (Fixtures/fuzz-regressions/zone): it must load
/// without crashing and keep the property.
@Suite struct FuzzRegressionTests {
    static let directory = TestPaths.fixtures.appendingPathComponent("fuzz-regressions/zone")

    static var inputs: [String] { FuzzRegressions.inputs(in: directory) }

    @Test func thereAreRegressions() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func regression(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        ZoneProperty.check(bytes)
    }
}
