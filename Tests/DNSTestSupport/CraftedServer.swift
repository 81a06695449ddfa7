import DNSClient
import Foundation
import ZoneFile

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A UDP "server" on 127.0.0.1 that answers each query with datagrams a test crafts from it:
/// an NXDOMAIN that carries records, another ID, another question, bytes that are no message.
/// It counts the queries it receives, so a test can tell how often a client asked it.
///
/// `replies` gets the query's bytes and the number of queries received before it, and returns
/// the datagrams to send back, in order (empty: stay silent). With `fromOtherPort`, replies
/// leave from a second socket, as a spoofer's would. With `gathering`, the queries it accepts
/// are held unanswered until that many wait at once, then all answered: a client that gets
/// their answers provably had them all outstanding at the same time, whatever the timing.
///
/// Shared by the DNS client's tests and verify's (a test-only target, never shipped).
public final class CraftedServer: @unchecked Sendable {
    public let port: UInt16
    private let descriptor: Int32
    private let otherDescriptor: Int32
    private let replies: @Sendable ([UInt8], Int) -> [[UInt8]]
    private let fromOtherPort: Bool
    private let gathering: (count: Int, holds: @Sendable ([UInt8]) -> Bool)?
    /// Queries held by `gathering`: the sender's address and length, the query, its index.
    private var held: [(peer: sockaddr_storage, length: socklen_t, query: [UInt8], index: Int)] = []
    private let lock = NSLock()
    private var received = 0
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    public struct SocketFailed: Error {}

    public init(
        fromOtherPort: Bool = false, gathering: (count: Int, holds: @Sendable ([UInt8]) -> Bool)? = nil,
        replies: @escaping @Sendable ([UInt8], Int) -> [[UInt8]]
    ) throws {
        self.replies = replies
        self.fromOtherPort = fromOtherPort
        self.gathering = gathering
        (descriptor, port) = try Self.bound()
        (otherDescriptor, _) = try Self.bound()
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// How many queries arrived so far.
    public var queries: Int {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    public func address() throws -> DNSServerAddress { try DNSServerAddress(parsing: "127.0.0.1:\(port)") }

    /// Ends the serving thread and closes the sockets. Queries that arrived but were not read yet
    /// are counted in `queries` (unanswered), so after `stop` it counts every query received.
    public func stop() {
        lock.lock()
        let already = stopped
        stopped = true
        lock.unlock()
        guard !already else { return }
        done.wait()
        var byte: UInt8 = 0
        while recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT)) >= 0 {
            lock.lock()
            received += 1
            lock.unlock()
        }
        close(descriptor)
        close(otherDescriptor)
    }

    private func serve() {
        defer { done.signal() }
        var buffer = [UInt8](repeating: 0, count: 65535)
        while true {
            lock.lock()
            let stop = stopped
            lock.unlock()
            if stop { return }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            var peer = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = withUnsafeMutablePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(descriptor, &buffer, buffer.count, 0, $0, &length)
                }
            }
            guard count > 0 else { continue }
            lock.lock()
            let index = received
            received += 1
            lock.unlock()
            let query = Array(buffer[0..<count])
            if let gathering, gathering.holds(query) {
                held.append((peer, length, query, index))
                guard held.count >= gathering.count else { continue }
                for waiting in held { answer(waiting.query, index: waiting.index, to: waiting.peer, waiting.length) }
                held.removeAll()
                continue
            }
            answer(query, index: index, to: peer, length)
        }
    }

    private func answer(_ query: [UInt8], index: Int, to peer: sockaddr_storage, _ length: socklen_t) {
        var peer = peer
        let sender = fromOtherPort ? otherDescriptor : descriptor
        for datagram in replies(query, index) {
            _ = withUnsafePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(sender, datagram, datagram.count, 0, $0, length)
                }
            }
        }
    }

    private static func bound() throws -> (Int32, UInt16) {
        #if canImport(Darwin)
            let descriptor = socket(AF_INET, SOCK_DGRAM, 0)
        #else
            let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        #endif
        guard descriptor >= 0 else { throw SocketFailed() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(descriptor)
            throw SocketFailed()
        }
        return (descriptor, UInt16(bigEndian: address.sin_port))
    }

    /// The answer a test crafts: the query's ID and question unless told otherwise, QR and AA set.
    public static func answer(
        to queryBytes: [UInt8], rcode: UInt8 = 0, id: UInt16? = nil,
        questions: [DNSQuestion]? = nil, answers: [DNSResourceRecord] = []
    ) -> [UInt8] {
        guard let query = try? DNSMessage(decoding: queryBytes) else { return [] }
        let header = DNSHeader(id: id ?? query.header.id, isResponse: true, isAuthoritative: true, rcodeLow: rcode)
        let message = DNSMessage(header: header, questions: questions ?? query.questions, answers: answers)
        return (try? message.encoded()) ?? []
    }
}
