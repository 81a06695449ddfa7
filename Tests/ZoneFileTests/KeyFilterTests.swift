import Testing

@testable import ZoneFile

/// The re-read's hash filter answers as the set of hashes does, whatever the set's size (its bitmap
/// grows with the set, from none for an empty set to a million bits).
struct KeyFilterTests {
    @Test(arguments: [0, 1, 3, 100, 5_000, 20_000])
    func answersAsTheSetDoes(count: Int) {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<count).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        let filter = KeyFilter(keys)
        #expect(filter.isEmpty == keys.isEmpty)
        for key in keys { #expect(filter.contains(key)) }
        let set = Set(keys)
        // Keys that differ from members in their high bits only share their bitmap bit.
        let strangers =
            keys.prefix(200).map { $0 ^ (1 << 63) } + (0..<2_000).map { _ in UInt64.random(in: .min ... .max) }
        for key in strangers where !set.contains(key) { #expect(!filter.contains(key)) }
    }
}
