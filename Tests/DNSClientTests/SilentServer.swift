#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A socket bound to 127.0.0.1 on a free port that never answers: a server that is up but
/// silent (or a firewall that drops DNS).
final class SilentServer {
    let descriptor: Int32
    let port: UInt16

    struct BindFailed: Error {}

    /// With `tcp`, a listening TCP socket whose connections the kernel accepts but no one reads.
    init(tcp: Bool = false) throws {
        #if canImport(Darwin)
            let type = tcp ? SOCK_STREAM : SOCK_DGRAM
        #else
            let type = Int32(tcp ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue)
        #endif
        let descriptor = socket(AF_INET, type, 0)
        guard descriptor >= 0 else { throw BindFailed() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(descriptor)
            throw BindFailed()
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        if tcp, listen(descriptor, 4) != 0 {
            close(descriptor)
            throw BindFailed()
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// A port nothing listens on: bound once to learn a free number, then released.
    static func closedPort() throws -> UInt16 {
        let server = try SilentServer()
        return server.port
    }

    deinit {
        close(descriptor)
    }
}
