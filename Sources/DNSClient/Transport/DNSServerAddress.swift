import ZoneFile

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A DNS server to ask: a numeric IPv4 or IPv6 address and a port.
///
/// Written `192.0.2.1`, `192.0.2.1:5353`, `2001:db8::1`, `[2001:db8::1]` or
/// `[2001:db8::1]:5353`, as `--server` takes it; printed the same way, so an error
/// names the server exactly as the user wrote it.
public struct DNSServerAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Family: Sendable, Hashable {
        case ipv4
        case ipv6
    }

    /// The address in its canonical numeric form (`127.0.0.1`, `::1`).
    public let host: String
    public let port: UInt16
    public let family: Family

    /// Reads an address written as above; `defaultPort` applies when none is given.
    public init(parsing text: String, defaultPort: UInt16 = 53) throws(DNSClientError) {
        var host = Substring(text)
        var portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw .badServerAddress(text) }
            let rest = host[host.index(after: close)...]
            host = host[host.index(after: host.startIndex)..<close]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw .badServerAddress(text) }
                portText = rest.dropFirst()
            }
        } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        var port = defaultPort
        if let portText {
            guard let value = UInt16(portText), value > 0 else { throw .badServerAddress(text) }
            port = value
        }
        guard let address = DNSServerAddress(host: String(host), port: port) else { throw .badServerAddress(text) }
        self = address
    }

    /// An address from its numeric host and port; nil when `host` is not a numeric address.
    public init?(host: String, port: UInt16 = 53) {
        if let canonical = Self.canonical(host, family: AF_INET) {
            self.host = canonical
            self.family = .ipv4
        } else if let canonical = Self.canonical(host, family: AF_INET6) {
            self.host = canonical
            self.family = .ipv6
        } else {
            return nil
        }
        self.port = port
    }

    /// `127.0.0.1:5353`, `[::1]:53`.
    public var description: String {
        family == .ipv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The numeric form inet_ntop gives back, or nil when `text` is not an address of `family`.
    private static func canonical(_ text: String, family: Int32) -> String? {
        var storage = [UInt8](repeating: 0, count: 16)
        guard inet_pton(family, text, &storage) == 1 else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, storage, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Raw address octets (4 or 16), for building a socket address.
    var octets: [UInt8] {
        var storage = [UInt8](repeating: 0, count: 16)
        _ = inet_pton(family == .ipv4 ? AF_INET : AF_INET6, host, &storage)
        return family == .ipv4 ? Array(storage.prefix(4)) : storage
    }
}

extension DNSServerAddress {
    /// Reads `--server` as a numeric address (see `init(parsing:defaultPort:)`) or, failing that, as a host
    /// name with an optional port (`ns1.example.net`, `ns1.example.net:5353`) resolved with `resolver`:
    /// every address the name has, in the resolver's order.
    public static func addresses(
        parsing text: String, defaultPort: UInt16 = 53,
        resolver: HostResolving
    ) throws(DNSClientError) -> [DNSServerAddress] {
        if let numeric = try? DNSServerAddress(parsing: text, defaultPort: defaultPort) { return [numeric] }
        var name = Substring(text)
        var port = defaultPort
        if let colon = name.lastIndex(of: ":") {
            guard let value = UInt16(name[name.index(after: colon)...]), value > 0 else {
                throw .badServerAddress(text)
            }
            port = value
            name = name[..<colon]
        }
        guard !name.isEmpty, !name.contains(":"), !name.contains("["),
            let host = try? DomainName(parsing: name.hasSuffix(".") ? String(name) : name + ".")
        else {
            throw .badServerAddress(text)
        }
        let resolved = try resolver.addresses(of: host).compactMap { DNSServerAddress(host: $0, port: port) }
        guard !resolved.isEmpty else { throw .badServerAddress(text) }
        return resolved
    }
}
