import ZoneFile

/// A TSIG key (RFC 8945): its name, algorithm and shared secret, as named.conf and `tsig-keygen`
/// know it. Only HMAC-SHA256 is offered: it is what `tsig-keygen` makes by default and what
/// RFC 8945 §6 requires implementations to support.
public struct TSIGKey: Sendable, Hashable {
    public var name: DomainName
    public var algorithm: DomainName
    public var secret: [UInt8]

    /// `hmac-sha256.` (RFC 8945 §6).
    public static let hmacSHA256 = DomainName(wire: [11] + Array("hmac-sha256".utf8) + [0]) ?? .root

    public init(name: DomainName, secret: [UInt8]) {
        self.name = name
        self.algorithm = Self.hmacSHA256
        self.secret = secret
    }
}
