import DNSClient
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `DNSClock` for tests that counts the waits that ran out (`expiredWaits`) and tells how
/// much time the client let pass (`now`), so a test states a timeout's effect exactly instead
/// of bounding how long it took.
///
/// - `.instant`: a wait for a socket that is not ready when asked ends at once and the clock
///   jumps to its deadline, so timeouts cost no time. Only for servers that never answer: an
///   answer (or an ICMP "port unreachable") still on its way when the socket is asked is missed.
/// - `.real`: waits as `SystemDNSClock` does (`now` is then the machine's time since the clock
///   was made), for tests where something must arrive; the count still shows whether a wait ran out.
public final class CountingDNSClock: DNSClock, @unchecked Sendable {
    public enum Waiting: Sendable {
        case instant
        case real
    }

    private let waiting: Waiting
    private let system = SystemDNSClock()
    private let lock = NSLock()
    private var time = Duration.zero
    private var expired = 0

    public init(_ waiting: Waiting) {
        self.waiting = waiting
    }

    public var now: Duration {
        if waiting == .real { return system.now }
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    /// The waits that ended at their deadline.
    public var expiredWaits: Int {
        lock.lock()
        defer { lock.unlock() }
        return expired
    }

    public func wait(for events: Int16, on descriptor: Int32, until deadline: Duration) throws(DNSClientError) -> Bool {
        let ready: Bool
        switch waiting {
        case .real:
            ready = try system.wait(for: events, on: descriptor, until: deadline)
        case .instant:
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            ready = poll(&entry, 1, 0) > 0
        }
        if ready { return true }
        lock.lock()
        defer { lock.unlock() }
        if waiting == .instant { time = max(time, deadline) }
        expired += 1
        return false
    }
}
