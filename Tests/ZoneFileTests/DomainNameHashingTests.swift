import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// `DomainName` hashes its wire octets lower-cased eight at a time; these tests hold the word fold to
/// the octet-by-octet rule (only `A`–`Z` become small) and hashing to equality (RFC 4343: names that
/// differ only in ASCII case are one name), on every owner of the conformance corpus.
@Suite("Domain name hashing")
struct DomainNameHashingTests {
    /// The rule, one octet at a time.
    static func folded(_ octet: UInt8) -> UInt8 { octet >= 0x41 && octet <= 0x5A ? octet | 0x20 : octet }

    @Test("the word fold lower-cases exactly the octets A-Z, every octet value at every position")
    func wordFoldEqualsOctetFold() {
        var random = SplitMix64(seed: 0x17)
        for position in 0..<8 {
            for value in 0...255 {
                // The other seven octets random, so neighbouring octets cannot hide a carry.
                var octets = (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                octets[position] = UInt8(value)
                let word = octets.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                let expected = octets.enumerated().reduce(UInt64(0)) {
                    $0 | UInt64(Self.folded($1.element)) << (8 * UInt64($1.offset))
                }
                #expect(DomainName.lowercased(word) == expected, "octet \(value) at \(position)")
            }
        }
    }

    @Test("names that differ in ASCII case are equal and hash alike; names that differ otherwise are not equal")
    func caseVariantsHashAlike() throws {
        var random = SplitMix64(seed: 0x4343)
        // Labels of every length up to 20 (names crossing the eight-octet words at each offset).
        for length in 1...20 {
            let label = (0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) }
            let lower = try DomainName(parsing: String(decoding: label, as: UTF8.self) + ".example.")
            let upper = try DomainName(parsing: String(decoding: label, as: UTF8.self).uppercased() + ".EXAMPLE.")
            #expect(lower == upper)
            #expect(lower.hashValue == upper.hashValue, "\(lower)")
            var other = label
            other[other.count - 1] = other[other.count - 1] == UInt8(ascii: "z") ? UInt8(ascii: "y") : UInt8(ascii: "z")
            let different = try DomainName(parsing: String(decoding: other, as: UTF8.self) + ".example.")
            #expect(different != lower)
            #expect(Set([lower, upper, different]).count == 2)
        }
    }

    @Test("every owner of the corpus equals and hashes like its upper-cased spelling")
    func corpusOwners() throws {
        let corpus = try ConformanceCorpus(root: ConformanceCorpus.defaultRoot())
        var names = 0
        for item in corpus.cases {
            guard let origin = try? DomainName(parsing: item.origin) else { continue }
            let zone = ZoneLoader.load(path: item.path, options: LoadOptions(origin: origin))
            for owner in zone.owners {
                let upper = DomainName(uncheckedWire: owner.wire.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 })
                #expect(upper == owner, "\(item.file): \(owner)")
                #expect(upper.hashValue == owner.hashValue, "\(item.file): \(owner)")
                names += 1
            }
        }
        #expect(names > 1000)
    }
}
