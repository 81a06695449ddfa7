import SwiftASN1

/// What a DKIM `p=` key is, as far as the DNS side needs to know: its type and strength.
public enum DKIMPublicKey: Sendable, Hashable {
    case rsa(bits: Int)
    case ed25519

    /// `2048-bit RSA`, `Ed25519`: shown next to the record in a plan.
    public var description: String {
        switch self {
        case .rsa(let bits): "\(bits)-bit RSA"
        case .ed25519: "Ed25519"
        }
    }

    /// The key size problem, if any: below 1024 bits an error, below 2048 a warning (RFC 8301 §3.2).
    public var strengthProblem: DKIMProblem? {
        guard case .rsa(let bits) = self else { return nil }
        if bits < 1024 { return .keyTooShort(bits: bits) }
        if bits < 2048 { return .keyShorterThanRecommended(bits: bits) }
        return nil
    }

    /// Reads the decoded `p=` bytes for key type `keyType` (`rsa` or `ed25519`).
    ///
    /// RSA keys are DER SubjectPublicKeyInfo (RFC 6376 §3.6.1); some services publish the bare
    /// PKCS#1 RSAPublicKey instead, which verifiers built on OpenSSL accept, so it is read too.
    /// Ed25519 keys are the 32 raw bytes (RFC 8463 §4.2).
    public static func read(_ bytes: [UInt8], keyType: String) throws(DKIMProblem) -> DKIMPublicKey {
        switch keyType.lowercased() {
        case "rsa":
            do {
                return .rsa(bits: try rsaModulusBits(bytes))
            } catch {
                throw .unreadableKey(keyType: "RSA", reason: "not DER SubjectPublicKeyInfo or RSAPublicKey")
            }
        case "ed25519":
            guard bytes.count == 32 else {
                throw .unreadableKey(
                    keyType: "Ed25519",
                    reason: "\(bytes.count) bytes where RFC 8463 wants the 32 raw key bytes")
            }
            return .ed25519
        default:
            throw .unknownKeyType(keyType)
        }
    }

    /// rsaEncryption, the algorithm of an RSA SubjectPublicKeyInfo.
    private static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]

    private static func rsaModulusBits(_ bytes: [UInt8]) throws -> Int {
        let root = try DER.parse(bytes)
        // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
        let modulus = try DER.sequence(root, identifier: .sequence) { nodes -> ArraySlice<UInt8> in
            guard let first = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "empty sequence") }
            if first.identifier == .integer {
                let modulus = try ArraySlice<UInt8>(derEncoded: first)
                _ = try ArraySlice<UInt8>(derEncoded: &nodes)
                return modulus
            }
            let algorithm = try DER.sequence(first, identifier: .sequence) { algorithmNodes in
                let oid = try ASN1ObjectIdentifier(derEncoded: &algorithmNodes)
                while algorithmNodes.next() != nil {}  // parameters (NULL) are not needed
                return oid
            }
            guard algorithm == rsaEncryption else {
                throw ASN1Error.invalidASN1Object(reason: "not an RSA key")
            }
            let bitString = try ASN1BitString(derEncoded: &nodes)
            let inner = try DER.parse(Array(bitString.bytes))
            return try DER.sequence(inner, identifier: .sequence) { keyNodes in
                let modulus = try ArraySlice<UInt8>(derEncoded: &keyNodes)
                _ = try ArraySlice<UInt8>(derEncoded: &keyNodes)
                return modulus
            }
        }
        // The unsigned modulus without leading zero bytes; its bit length is the key size.
        let significant = modulus.drop { $0 == 0 }
        guard let top = significant.first else {
            throw ASN1Error.invalidASN1Object(reason: "zero modulus")
        }
        return (significant.count - 1) * 8 + (8 - top.leadingZeroBitCount)
    }
}
