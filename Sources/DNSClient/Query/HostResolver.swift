import ZoneFile

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the addresses of a host: how `verify` reaches a name server the zone names without glue.
public protocol HostResolving: Sendable {
    /// The host's numeric addresses (IPv4 and IPv6), in the order the resolver gives them.
    func addresses(of host: DomainName) throws(DNSClientError) -> [String]
}

/// The system resolver (`getaddrinfo`): `/etc/hosts`, then the configured DNS resolvers.
public struct SystemHostResolver: HostResolving {
    public init() {}

    public func addresses(of host: DomainName) throws(DNSClientError) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
            hints.ai_socktype = SOCK_DGRAM
        #else
            hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        #endif
        var text = host.description
        if text.count > 1, text.hasSuffix(".") { text.removeLast() }
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(text, nil, &hints, &list)
        guard status == 0 else {
            let reason = gai_strerror(status).map { String(cString: $0) } ?? "error \(status)"
            throw .unresolvable(host: host.description, reason: reason)
        }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            if let address = current.pointee.ai_addr,
                let numeric = Self.numeric(address, length: current.pointee.ai_addrlen),
                !addresses.contains(numeric)
            {
                addresses.append(numeric)
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    private static func numeric(_ address: UnsafeMutablePointer<sockaddr>, length: socklen_t) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 else {
            return nil
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
