import Testing

@testable import ZoneFile

/// Hexadecimal and base32hex read their digits through one routine; every byte must get the value
/// the RFC 4648 alphabets give it, in either case, and every other byte none.
@Suite struct DigitAlphabetTests {
    /// The value of each byte in an alphabet as RFC 4648 writes it, upper and lower case.
    static func values(of alphabet: String) -> [UInt8: UInt8] {
        var values: [UInt8: UInt8] = [:]
        for (index, character) in alphabet.utf8.enumerated() {
            values[character] = UInt8(index)
            values[Array(String(UnicodeScalar(character)).lowercased().utf8)[0]] = UInt8(index)
        }
        return values
    }

    @Test func hexDigitsAreRFC4648Section8() {
        let expected = Self.values(of: "0123456789ABCDEF")
        for byte in UInt8.min...UInt8.max { #expect(Hex.value(byte) == expected[byte], "byte \(byte)") }
    }

    @Test func base32HexDigitsAreRFC4648Section7() {
        let expected = Self.values(of: "0123456789ABCDEFGHIJKLMNOPQRSTUV")
        for byte in UInt8.min...UInt8.max { #expect(Base32Hex.value(byte) == expected[byte], "byte \(byte)") }
    }
}
