import Testing

@testable import ZoneFile

/// A name table starts with a few slots (`NameTable.initialSlots`, for a small zone) and grows, or is
/// reserved large before a big zone is read, its slots then asked to sit in huge pages
/// (`NameTable.hugeTable`): however it got its size, every name keeps the id it was first given.
@Suite struct NameTableGrowthTests {
    /// `count` distinct names below `example.` (`h0.example.`, `h1.example.` …), in wire form.
    static func names(_ count: Int) -> [[UInt8]] {
        (0..<count).map { index in
            let label = Array("h\(index)".utf8)
            return [UInt8(label.count)] + label + [7] + Array("example".utf8) + [0]
        }
    }

    static func check(_ table: inout NameTable, _ names: [[UInt8]]) {
        let ids = names.map { table.intern($0[...]) }
        #expect(Set(ids).count == names.count, "distinct names share an id")
        #expect(table.count == names.count)
        for (name, id) in zip(names, ids) {
            #expect(table.intern(name[...]) == id, "\(name) interned again got another id")
            #expect(table.lookup(DomainName(uncheckedWire: name)) == id)
            #expect(table.wire(id) == name)
        }
    }

    @Test("a table grown from its first few slots keeps every name's id")
    func grownFromFewSlots() {
        var table = NameTable()
        Self.check(&table, Self.names(10_000))
    }

    @Test("a table reserved for a large zone, its slots past the huge-page size, keeps every name's id")
    func reservedLarge() {
        var table = NameTable()
        let names = Self.names(600_000)
        table.reserve(names: names.count)
        Self.check(&table, names)
    }
}
