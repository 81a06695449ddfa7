import Foundation
import TestSupport
import Testing

@testable import MailAuth

struct DKIMKeySizeTests {
    @Test(arguments: [
        (TestKeys.rsa512, "rsa", DKIMPublicKey.rsa(bits: 512)),
        (TestKeys.rsa1024, "rsa", .rsa(bits: 1024)),
        (TestKeys.rsa2048, "rsa", .rsa(bits: 2048)),
        (TestKeys.rsa4096, "RSA", .rsa(bits: 4096)),
        (TestKeys.rsa1024PKCS1, "rsa", .rsa(bits: 1024)),
        (TestKeys.ed25519, "ed25519", .ed25519),
    ])
    func readsKey(base64: String, keyType: String, expected: DKIMPublicKey) throws {
        let bytes = try #require(Data(base64Encoded: base64))
        #expect(try DKIMPublicKey.read(Array(bytes), keyType: keyType) == expected)
    }

    @Test(arguments: [
        (
            DKIMPublicKey.rsa(bits: 512), "512-bit RSA",
            Optional(
                "DKIM key is 512-bit RSA; verifiers reject keys shorter than 1024 bits; generate a 2048-bit key in the service's console and publish it"
            )
        ),
        (
            .rsa(bits: 1024), "1024-bit RSA",
            "DKIM key is 1024-bit RSA; 2048 bits is the recommended size; generate a 2048-bit key in the service's console and publish it"
        ),
        (.rsa(bits: 2048), "2048-bit RSA", nil),
        (.rsa(bits: 4096), "4096-bit RSA", nil),
        (.ed25519, "Ed25519", nil),
    ])
    func strength(key: DKIMPublicKey, description: String, message: String?) {
        #expect(key.description == description)
        #expect(key.strengthProblem?.message == message)
    }

    @Test(arguments: [
        (
            [UInt8](repeating: 7, count: 32), "rsa",
            DKIMProblem.unreadableKey(keyType: "RSA", reason: "not DER SubjectPublicKeyInfo or RSAPublicKey")
        ),
        (
            [0x30, 0x03, 0x02, 0x01, 0x05], "rsa",
            .unreadableKey(keyType: "RSA", reason: "not DER SubjectPublicKeyInfo or RSAPublicKey")
        ),
        (
            [UInt8](repeating: 1, count: 31), "ed25519",
            .unreadableKey(keyType: "Ed25519", reason: "31 bytes where RFC 8463 wants the 32 raw key bytes")
        ),
        ([1, 2, 3], "dsa", .unknownKeyType("dsa")),
    ])
    func rejectsKey(bytes: [UInt8], keyType: String, problem: DKIMProblem) {
        #expect(throws: problem) { try DKIMPublicKey.read(bytes, keyType: keyType) }
    }

    @Test func rejectsEd25519KeyInsideSubjectPublicKeyInfo() throws {
        let bytes = try #require(Data(base64Encoded: TestKeys.ed25519SPKI))
        #expect(
            throws: DKIMProblem.unreadableKey(
                keyType: "Ed25519", reason: "44 bytes where RFC 8463 wants the 32 raw key bytes")
        ) {
            try DKIMPublicKey.read(Array(bytes), keyType: "ed25519")
        }
        // And an Ed25519 SubjectPublicKeyInfo is not an RSA key.
        #expect(
            throws: DKIMProblem.unreadableKey(keyType: "RSA", reason: "not DER SubjectPublicKeyInfo or RSAPublicKey")
        ) {
            try DKIMPublicKey.read(Array(bytes), keyType: "rsa")
        }
    }
}
