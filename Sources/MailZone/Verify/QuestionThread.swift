import Foundation

/// Runs a blocking DNS question on a thread of its own while the task that asked it is suspended.
///
/// A question may wait a whole timeout on a socket. The cooperative pool that runs tasks has as
/// many threads as cores, so a few such waits on it would stall every other task (the zones being
/// planned, the other servers' questions); a suspended task holds no thread. The threads are
/// bounded by the callers' task groups: verify runs at most `Verifier.concurrency` questions per
/// server, servers side by side, so at most that many times the servers' count threads wait at once.
enum QuestionThread {
    /// The result of `question`, run on a new thread.
    static func run<Result: Sendable>(_ question: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: question()) }.start()
        }
    }
}
