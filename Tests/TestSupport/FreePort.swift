#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ports on 127.0.0.1 for test servers: a free one (bound to port 0 over UDP and TCP, then
/// released, so nothing listens on it: a closed port), and silent servers that never answer.
public enum FreePort {
    public struct Failure: Error {}

    /// A port free for both UDP and TCP on 127.0.0.1 when asked.
    public static func find() throws -> UInt16 {
        for _ in 0..<20 {
            let udp = try BoundSocket(udp: true, port: 0)
            // The same number must be free over TCP too, as named listens on both.
            if let tcp = try? BoundSocket(udp: false, port: udp.port) {
                let port = udp.port
                tcp.close()
                udp.close()
                return port
            }
            udp.close()
        }
        throw Failure()
    }
}

/// A socket bound to 127.0.0.1. Left open, a UDP one is a server that is up but silent (or a
/// firewall that drops DNS); a TCP one after `listen()` is a server whose connections the kernel
/// accepts but no one reads.
public final class BoundSocket {
    public let descriptor: Int32
    public let port: UInt16
    private var closed = false

    /// Binds to `requested` (0: a free port the kernel picks) over UDP or TCP.
    public init(udp: Bool, port requested: UInt16) throws {
        #if canImport(Darwin)
            let type = udp ? SOCK_DGRAM : SOCK_STREAM
        #else
            let type = Int32(udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue)
        #endif
        let descriptor = socket(AF_INET, type, 0)
        guard descriptor >= 0 else { throw FreePort.Failure() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requested.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            closeDescriptor(descriptor)
            throw FreePort.Failure()
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = UInt16(bigEndian: address.sin_port)
    }

    /// Lets TCP connections in (the kernel completes them; nothing reads them).
    public func listen() throws {
        #if canImport(Glibc)
            let listening = Glibc.listen(descriptor, 4)
        #else
            let listening = Darwin.listen(descriptor, 4)
        #endif
        guard listening == 0 else { throw FreePort.Failure() }
    }

    public func close() {
        guard !closed else { return }
        closed = true
        closeDescriptor(descriptor)
    }

    deinit {
        close()
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(descriptor)
    #else
        _ = Darwin.close(descriptor)
    #endif
}
