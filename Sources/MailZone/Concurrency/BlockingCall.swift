import Foundation

/// A call that blocks, such as waiting for the user's answer on the terminal, run on a thread of
/// its own.
///
/// Swift concurrency runs tasks on a pool of about one thread per core. A task that blocks in
/// `readLine` holds one of them for as long as the user takes to answer, and `apply` asks while
/// it holds the zones' locks with other work in flight. Here a dedicated thread waits instead, and
/// the task resumes when the call returns.
package enum BlockingCall {
    package static func run<Result: Sendable>(_ call: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: call()) }.start()
        }
    }
}
