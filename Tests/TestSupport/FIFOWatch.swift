import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs code that is given a FIFO and must refuse it without opening it the waiting way, and
/// tells whether it waited: so that a test of "a FIFO is refused, not read" fails instead of
/// hanging when the refusal's `O_NONBLOCK` is lost.
///
/// `open(2)` of a FIFO for reading waits until a writer opens it. `run` calls `body` on a
/// thread of its own and, until it returns, watches where that thread sleeps in the kernel
/// (`/proc/self/task/TID/wchan`): `wait_for_partner` is Linux's wait of a FIFO's open for its
/// other end. It then opens the FIFO for writing (without waiting: a reader is there) and closes
/// it, which lets the open go on, and reports that it had to. No clock is involved: the watch
/// ends when `body` returns. Where there is no /proc (macOS) nothing is seen and `body` is only
/// waited for.
public enum FIFOWatch {
    /// `body`'s result, and whether an open of `fifo` in it waited for a writer.
    public static func run<Result: Sendable>(fifo: String, _ body: @escaping @Sendable () -> Result) -> (
        result: Result, waitedForWriter: Bool
    ) {
        let box = Box<Result>()
        let started = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            // "PID/task/TID": this thread's own entry.
            box.task = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")
            started.signal()
            box.result = body()
            done.signal()
        }.start()
        started.wait()
        var waited = false
        while done.wait(timeout: .now() + .milliseconds(5)) == .timedOut {
            guard let task = box.task,
                let wchan = try? String(contentsOfFile: "/proc/\(task)/wchan", encoding: .utf8),
                wchan == "wait_for_partner"
            else { continue }
            waited = true
            let writer = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if writer >= 0 { close(writer) }
        }
        guard let result = box.result else { fatalError("the FIFO watch's thread ended without a result") }
        return (result, waited)
    }

    /// Values the watched thread hands over; the semaphores order the accesses.
    private final class Box<Result>: @unchecked Sendable {
        var task: String?
        var result: Result?
    }
}
