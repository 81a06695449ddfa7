/// Something wrong with a DKIM key record (RFC 6376 §3.6.1) or its key.
public enum DKIMProblem: Error, MailAuthDiagnostic, Hashable {
    /// The text is not a tag list (`tag=value; tag=value`).
    case syntax(reason: String)
    /// A tag appears twice, which makes the whole record invalid (§3.2).
    case duplicateTag(name: String)
    /// `v=` is present but not the first tag.
    case versionNotFirst
    /// `v=` names something other than `DKIM1`; verifiers discard such records.
    case unknownVersion(String)
    /// No `p=` tag.
    case missingKey
    /// `p=` is empty: the key is revoked (§3.6.1).
    case revoked
    /// `p=` is not base64.
    case invalidBase64
    /// `k=` names a key type verifiers do not know (they know rsa and ed25519).
    case unknownKeyType(String)
    /// `h=` lists no hash algorithm verifiers accept (sha256; sha1 is obsolete per RFC 8301).
    case noUsableHashAlgorithm(String)
    /// `s=` does not include `email` or `*`, so the key is not for email.
    case notForEmail(String)
    /// The key bytes are not an RSA key in DER, or not 32 Ed25519 bytes.
    case unreadableKey(keyType: String, reason: String)
    /// An RSA key shorter than 1024 bits: verifiers must not accept it (RFC 8301 §3.2).
    case keyTooShort(bits: Int)
    /// An RSA key shorter than 2048 bits: accepted, but 2048 is recommended (RFC 8301 §3.2).
    case keyShorterThanRecommended(bits: Int)

    public var severity: MailAuthSeverity {
        switch self {
        case .revoked, .keyShorterThanRecommended: .warning
        default: .error
        }
    }

    public var summary: String {
        switch self {
        case .syntax(let reason):
            return "DKIM key record is not a tag list: \(reason)"
        case .duplicateTag(let name):
            return "DKIM key record has the tag \(name)= twice, which makes it invalid"
        case .versionNotFirst:
            return "DKIM key record has v= but not as its first tag"
        case .unknownVersion(let value):
            return "DKIM key record has v=\(value); the only version is DKIM1"
        case .missingKey:
            return "DKIM key record has no p= tag"
        case .revoked:
            return "DKIM key record has an empty p=, which means the key is revoked"
        case .invalidBase64:
            return "DKIM key record's p= is not valid base64"
        case .unknownKeyType(let value):
            return "DKIM key record has k=\(value); verifiers know only rsa and ed25519"
        case .noUsableHashAlgorithm(let value):
            return "DKIM key record has h=\(value), which allows no hash verifiers accept (sha256)"
        case .notForEmail(let value):
            return "DKIM key record has s=\(value), which does not allow email"
        case .unreadableKey(let keyType, let reason):
            return "DKIM key record's p= is not a readable \(keyType) public key: \(reason)"
        case .keyTooShort(let bits):
            return "DKIM key is \(bits)-bit RSA; verifiers reject keys shorter than 1024 bits"
        case .keyShorterThanRecommended(let bits):
            return "DKIM key is \(bits)-bit RSA; 2048 bits is the recommended size"
        }
    }

    public var fix: String? {
        switch self {
        case .syntax, .duplicateTag, .versionNotFirst, .unknownVersion, .missingKey, .invalidBase64,
            .unknownKeyType, .unreadableKey:
            return "copy the record again from the service's console"
        case .revoked:
            return "publish the current key, or remove the selector if it is no longer used"
        case .noUsableHashAlgorithm:
            return "remove h= or write h=sha256"
        case .notForEmail:
            return "remove s= or write s=email"
        case .keyTooShort, .keyShorterThanRecommended:
            return "generate a 2048-bit key in the service's console and publish it"
        }
    }
}
