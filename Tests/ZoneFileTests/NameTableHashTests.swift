import Testing

@testable import ZoneFile

/// The name table hashes eight bytes at a time with their case folded all at once
/// (`DomainName.lowercased(_:)`, as `DomainName` hashes); equal names in any case must hash alike, or one owner would get two ids.
@Suite struct NameTableHashTests {
    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    @Test("every byte value is folded as one byte at a time folds it, at every place in the word")
    func foldsEveryByte() {
        for value in 0...255 {
            let byte = UInt8(value)
            for place in 0..<8 {
                // Neighbours that are capitals, high bytes and zero, so carries between bytes would show.
                for filler: UInt8 in [0x00, 0x41, 0x5A, 0x5B, 0x40, 0x7F, 0x80, 0xC1, 0xFF] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = byte
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    var folded = DomainName.lowercased(word)
                    let result = withUnsafeBytes(of: &folded) { Array($0) }
                    #expect(result == bytes.map(Self.fold), "byte \(value) at \(place) among \(filler)")
                }
            }
        }
    }

    @Test("a name hashes as its lower-case spelling, at every length up to a whole name")
    func caseIgnored() {
        let letters = Array("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_*".utf8)
        for length in 0...255 {
            let mixed = (0..<length).map { letters[$0 % letters.count] }
            let lower = mixed.map(Self.fold)
            let mixedHash = mixed.withUnsafeBufferPointer { NameTable.hash($0) }
            let lowerHash = lower.withUnsafeBufferPointer { NameTable.hash($0) }
            #expect(mixedHash == lowerHash, "length \(length)")
        }
    }

    @Test("names in another case get the id of the name first interned")
    func internIgnoresCase() throws {
        var table = NameTable()
        let first = table.intern(try DomainName(parsing: "Mail.Example.COM.").wire[...])
        let again = table.intern(try DomainName(parsing: "mail.example.com.").wire[...])
        let other = table.intern(try DomainName(parsing: "mail.example.org.").wire[...])
        #expect(first == again)
        #expect(other != first)
    }
}
