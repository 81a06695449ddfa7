#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The time a DNS exchange goes by: where its deadlines are, and the waits for a socket to be
/// ready that end at them.
///
/// Every timeout of the transport (`DNSQueryOptions.timeout` per attempt, the update's whole
/// exchange) is a deadline on this clock and every wait goes through `wait(for:on:until:)`, so a
/// test can give a clock of its own and count the time that passes instead of spending it.
/// `SystemDNSClock` is the real one.
public protocol DNSClock: Sendable {
    /// The time now, from a fixed point of the clock's choosing.
    var now: Duration { get }
    /// Waits until `descriptor` is ready for `events` (`POLLIN`, `POLLOUT`) or the clock reaches
    /// `deadline`: true when the socket is ready, false when the deadline came first.
    func wait(for events: Int16, on descriptor: Int32, until deadline: Duration) throws(DNSClientError) -> Bool
}

/// The machine's monotonic clock and `poll(2)`.
public struct SystemDNSClock: DNSClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Duration { origin.duration(to: .now) }

    public func wait(for events: Int16, on descriptor: Int32, until deadline: Duration) throws(DNSClientError) -> Bool {
        while true {
            let remaining = deadline - now
            guard remaining > .zero else { return false }
            let (seconds, attoseconds) = remaining.components
            // Rounded up, so a wait never ends before the deadline and spins.
            let milliseconds = Int32(
                clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let result = poll(&entry, 1, max(1, milliseconds))
            if result < 0 {
                if errno == EINTR { continue }
                throw Socket.failure("poll", errno)
            }
            if result == 0 { continue }
            return true
        }
    }
}
