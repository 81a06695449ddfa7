#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX socket descriptor with the few calls a DNS exchange needs, each bounded by a deadline.
///
/// Plain sockets rather than an event-loop library: a verify run asks a handful of
/// questions one after another, and blocking calls with `poll` timeouts keep that simple.
struct Socket {
    enum Kind {
        case datagram
        case stream
    }

    let descriptor: Int32
    let server: DNSServerAddress
    /// The clock the deadlines are on, which also does the waiting.
    let clock: any DNSClock

    /// Opens a socket and connects it to `server` (for UDP, `connect` only fixes the peer, so that
    /// ICMP errors come back as ECONNREFUSED and datagrams from other hosts are dropped).
    /// `timeout` (seconds) only names the wait in the error when a TCP connection does not complete.
    init(kind: Kind, server: DNSServerAddress, clock: any DNSClock, deadline: Duration, timeout: Double)
        throws(DNSClientError)
    {
        let family = server.family == .ipv4 ? AF_INET : AF_INET6
        #if canImport(Darwin)
            let type = kind == .datagram ? SOCK_DGRAM : SOCK_STREAM
        #else
            let type = Int32(kind == .datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue)
        #endif
        let descriptor = socket(family, type, 0)
        guard descriptor >= 0 else { throw Self.failure("socket", errno) }
        self.descriptor = descriptor
        self.server = server
        self.clock = clock
        do {
            try setNonBlocking()
            #if canImport(Darwin)
                var one: Int32 = 1
                _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            try connect(kind: kind, deadline: deadline, timeout: timeout)
        } catch {
            close()
            throw error
        }
    }

    func close() {
        _ = posixClose(descriptor)
    }

    private func setNonBlocking() throws(DNSClientError) {
        let flags = fcntl(descriptor, F_GETFL, 0)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) >= 0 else {
            throw Self.failure("fcntl", errno)
        }
    }

    /// Copies a socket address of one family (`sockaddr_in`, `sockaddr_in6`) into `storage`, which
    /// holds any family; returns the address's length, as `connect` takes it.
    private static func store<Address>(_ address: Address, in storage: inout sockaddr_storage) -> socklen_t {
        withUnsafeMutableBytes(of: &storage) { target in
            withUnsafeBytes(of: address) { target.copyMemory(from: $0) }
        }
        return socklen_t(MemoryLayout<Address>.size)
    }

    private func connect(kind: Kind, deadline: Duration, timeout: Double) throws(DNSClientError) {
        var storage = sockaddr_storage()
        let length: socklen_t
        let octets = server.octets
        if server.family == .ipv4 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = server.port.bigEndian
            withUnsafeMutableBytes(of: &address.sin_addr) { $0.copyBytes(from: octets) }
            length = Self.store(address, in: &storage)
        } else {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = server.port.bigEndian
            withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: octets) }
            length = Self.store(address, in: &storage)
        }
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { posixConnect(descriptor, $0, length) }
        }
        if result == 0 { return }
        let code = errno
        guard code == EINPROGRESS, kind == .stream else { throw classify("connect", code, transport: kind.transport) }
        // A TCP connection under way: wait until it is writable, then read its outcome.
        guard try clock.wait(for: Int16(POLLOUT), on: descriptor, until: deadline) else {
            throw DNSClientError.timeout(server: server, seconds: timeout, attempts: 1, transport: .tcp)
        }
        var socketError: Int32 = 0
        var errorLength = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &errorLength) == 0 else {
            throw Self.failure("getsockopt", errno)
        }
        if socketError != 0 { throw classify("connect", socketError, transport: .tcp) }
    }

    /// Sends all of `bytes` before the deadline; false when it passes first.
    func send(_ bytes: [UInt8], until deadline: Duration, transport: DNSTransportKind)
        throws(DNSClientError) -> Bool
    {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Darwin)
                let flags: Int32 = 0
            #else
                let flags = Int32(MSG_NOSIGNAL)
            #endif
            let sent = bytes.withUnsafeBytes { buffer in
                posixSend(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset, flags)
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { throw classify("send", code, transport: transport) }
            guard try clock.wait(for: Int16(POLLOUT), on: descriptor, until: deadline) else { return false }
        }
        return true
    }

    /// Receives what is ready, up to `capacity` octets; nil when the deadline passes first, an
    /// empty array when a TCP peer closed the connection.
    func receive(capacity: Int, until deadline: Duration, transport: DNSTransportKind)
        throws(DNSClientError) -> [UInt8]?
    {
        var buffer = [UInt8](repeating: 0, count: capacity)
        while true {
            guard try clock.wait(for: Int16(POLLIN), on: descriptor, until: deadline) else { return nil }
            let count = buffer.withUnsafeMutableBytes { posixReceive(descriptor, $0.baseAddress, capacity, 0) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            let code = errno
            if code == EINTR || code == EAGAIN || code == EWOULDBLOCK { continue }
            throw classify("recv", code, transport: transport)
        }
    }

    private func classify(_ call: String, _ code: Int32, transport: DNSTransportKind) -> DNSClientError {
        switch code {
        case ECONNREFUSED, ECONNRESET:
            .refused(server: server, transport: transport)
        case ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, EAFNOSUPPORT:
            .unreachable(server: server, reason: Self.reason(code))
        default:
            Self.failure(call, code)
        }
    }

    static func failure(_ call: String, _ code: Int32) -> DNSClientError {
        .socket(call: call, errno: code, reason: reason(code))
    }

    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

extension Socket.Kind {
    var transport: DNSTransportKind { self == .datagram ? .udp : .tcp }
}

// The C functions whose names the methods above shadow.
private func posixClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func posixConnect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(descriptor, address, length)
}
private func posixSend(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    send(descriptor, buffer, count, flags)
}
private func posixReceive(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int, _ flags: Int32) -> Int
{
    recv(descriptor, buffer, count, flags)
}
