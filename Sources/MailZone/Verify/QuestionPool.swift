import DNSClient
import Foundation

/// Runs blocking DNS questions side by side on threads of their own. A question may wait a whole
/// timeout on a socket; on the shared cooperative or Dispatch pools (as many threads as cores)
/// a few such waits would stall everything else, so each question gets a thread of a bounded set.
enum QuestionPool {
    /// Runs `job` for `0..<count` on up to `width` threads and returns the results in index order.
    static func map<Result: Sendable>(count: Int, width: Int, _ job: @escaping @Sendable (Int) -> Result) -> [Result] {
        guard count > 0 else { return [] }
        let threads = max(1, min(width, count))
        if threads == 1 { return (0..<count).map(job) }
        let slots = ResultSlots<(Int, Result)>(count: count)
        let next = NextIndex(limit: count)
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                while let index = next.take() { slots.set(index, (index, job(index))) }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return slots.values().sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Hands out `0..<limit` once each to whichever thread asks next.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard current < limit else { return nil }
        current += 1
        return current - 1
    }
}

/// The servers found bad during a run, each with the error of its first failed question (by
/// question order, so the report does not depend on which thread failed first).
final class ServerHealth: @unchecked Sendable {
    private let lock = NSLock()
    private var bad: [DNSServerAddress: (question: Int, reason: String)] = [:]

    func isBad(_ server: DNSServerAddress) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return bad[server] != nil
    }

    func markBad(_ server: DNSServerAddress, question: Int, reason: String) {
        lock.lock()
        defer { lock.unlock() }
        if let known = bad[server], known.question < question { return }
        bad[server] = (question, reason)
    }

    func reason(_ server: DNSServerAddress) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return bad[server]?.reason
    }
}
