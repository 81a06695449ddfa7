import Foundation
import TestSupport
import Testing

@testable import ZoneFile

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `IPv4.parse` and `IPv6.parse` read addresses in one pass over the bytes, the readers of every A and
/// AAAA record. What they take and the octets they give must be what the C library's `inet_pton` (the
/// reader BIND uses) makes of the same text: checked on every word of the corpus and the real zones, on
/// spellings at the edges, and on many strings made of the bytes addresses are written with.
@Suite struct IPAddressParsingTests {
    /// `inet_pton`'s octets for `text`, or nil when it refuses it.
    static func pton(_ text: [UInt8], family: Int32) -> [UInt8]? {
        guard !text.contains(0) else { return nil }
        var address = [UInt8](repeating: 0, count: 16)
        let accepted = (text + [0]).withUnsafeBufferPointer { cText in
            address.withUnsafeMutableBytes {
                inet_pton(
                    family, cText.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                    $0.baseAddress)
            }
        }
        guard accepted == 1 else { return nil }
        return Array(address.prefix(family == AF_INET ? 4 : 16))
    }

    /// Both readers agree with `inet_pton` on `text`.
    static func agree(_ text: [UInt8], _ label: String) {
        for (family, name) in [(AF_INET, "IPv4"), (AF_INET6, "IPv6")] {
            var wire: [UInt8] = [0xEE]
            let took = text.withUnsafeBufferPointer { buffer in
                family == AF_INET ? IPv4.parse(buffer, into: &wire) : IPv6.parse(buffer, into: &wire)
            }
            let expected = pton(text, family: Int32(family))
            #expect(
                took == (expected != nil),
                "\(label): \(name) \(took ? "took" : "refused") \(String(decoding: text, as: UTF8.self))")
            #expect(
                wire == [0xEE] + (expected ?? []),
                "\(label): \(name) octets of \(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test("every word of the corpus and the real zones reads as inet_pton reads it")
    func corpusWords() throws {
        var checked = 0
        for url in TestPaths.corpusAndRealZoneFiles() {
            let bytes = Array(try Data(contentsOf: url))
            let (syntax, _) = ZoneFileSyntax.parse(SourceFile(path: url.lastPathComponent, bytes: bytes))
            for entry in syntax.entries {
                for token in syntax.tokens(of: entry) where token.kind == .word && token.end - token.start <= 64 {
                    let word = Array(bytes[token.start..<token.end])
                    guard word.contains(UInt8(ascii: ".")) || word.contains(UInt8(ascii: ":")) else { continue }
                    Self.agree(word, url.lastPathComponent)
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000, "only \(checked) words checked")
    }

    static let edges: [String] = [
        "192.0.2.1", "0.0.0.0", "255.255.255.255", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04",
        "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4 ", "1000.2.3.4", "", ".", "::", "::1", "1::", "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9", "1::2:3:4:5:6:7", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "1::2:3:4:5:6:7:8", ":::",
        "1:::2", "1::2::3", ":1::", "1:", ":1", "1::2:", "12345::", "1234::", "abcd:EF01::", "g::", "::ffff:1.2.3.4",
        "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.4:5", "::ab.1.2.3",
        "::12345.1.2.3", "::1.2.3.04", "::256.1.2.3", "1::1.2.3.4", "2001:db8::", "2001:0DB8:0000::0001",
        "2001:db8:1:2:3:4:5:6", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "::0:0:0:0:0:0:0",
        "0:0:0:0:0:0:0:0", "1:2:3:4:5:6:7:8:", ":1:2:3:4:5:6:7:8", "1.2.3.4::", "::x", "x::", "1:2:3:4:5:6:7:8 ",
        "0000:0000:0000:0000:0000:0000:0000:00000",
    ]

    @Test("spellings at the edges read as inet_pton reads them", arguments: edges)
    func edge(_ text: String) {
        Self.agree(Array(text.utf8), "edge")
    }

    /// A string shaped like an address, often one: groups of hex digits, colons (sometimes two), a dotted
    /// quad at the end now and then, and once in a while a byte changed.
    static func madeUpAddress(_ generator: inout SplitMix64) -> [UInt8] {
        let hex = Array("0123456789abcdefABCDEF".utf8)
        var text: [UInt8] = []
        let groups = Int(generator.next() % 9)
        for group in 0..<groups {
            if group > 0 || generator.next() % 8 == 0 { text.append(UInt8(ascii: ":")) }
            if generator.next() % 10 == 0 { text.append(UInt8(ascii: ":")) }
            let digits = Int(generator.next() % 6)
            for _ in 0..<digits { text.append(hex[Int(generator.next() % UInt64(hex.count))]) }
        }
        if generator.next() % 4 == 0 {
            if !text.isEmpty || generator.next() % 2 == 0 { text.append(UInt8(ascii: ":")) }
            let parts = 3 + Int(generator.next() % 3) / 2
            for part in 0..<parts {
                if part > 0 { text.append(UInt8(ascii: ".")) }
                text.append(contentsOf: Array(String(generator.next() % 300).utf8))
            }
        }
        if !text.isEmpty, generator.next() % 6 == 0 {
            let alphabet = Array("0123456789abcdefg:.".utf8)
            text[Int(generator.next() % UInt64(text.count))] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }
        return text
    }

    @Test("strings made like addresses read as inet_pton reads them")
    func madeUpStrings() {
        // A fixed seed: the same strings every run.
        var generator = SplitMix64(seed: 0x1D5_2026)
        var accepted = 0
        for _ in 0..<100_000 {
            let text = Self.madeUpAddress(&generator)
            Self.agree(text, "made up")
            if Self.pton(text, family: AF_INET6) != nil { accepted += 1 }
        }
        #expect(accepted > 5_000, "only \(accepted) made-up strings were addresses")
    }
}
