import Foundation
import ZoneFile

/// An exclusive lock for the length of an apply, so two applies that may write the
/// same file cannot interleave: the second waits (up to a bound) and then plans on
/// what the first wrote, or gives up with a clear error.
///
/// The lock is `flock(2)` on a directory that holds files apply reads and may write,
/// taken on its resolved path (symbolic links followed): two declarations that reach
/// one file through different paths, or through a shared `$INCLUDE`, lock the same
/// directory. A lock on the file itself would stay on the old inode once apply renames
/// the new text over it, and a lock file would litter the repository. The kernel
/// releases it if the process dies, and this object releases it when it goes.
public final class ZoneLock: Sendable {
    /// The locked directory, resolved.
    public let directory: String
    private let descriptor: Int32

    public struct Failure: Error, CustomStringConvertible, Sendable, Hashable {
        public var description: String
    }

    private init(directory: String, descriptor: Int32) {
        self.directory = directory
        self.descriptor = descriptor
    }

    /// Takes the lock on `directory` (a resolved path), waiting up to `timeout` seconds.
    ///
    /// Each try is flock's non-blocking form and the task sleeps between tries, so a wait holds no
    /// thread of the cooperative pool: a blocking `flock` (or a sleep on the thread) would, and with
    /// as many waiters as the pool has threads nothing else could run until they gave up. The pause
    /// grows from 5 ms to 100 ms, and one last try is made at the deadline.
    public static func acquire(directory: String, timeout: TimeInterval = 30) async throws(Failure) -> ZoneLock {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "\(directory): cannot open the directory to lock it: \(Self.reason(errno))")
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(max(0, timeout)))
        var pause = Duration.milliseconds(5)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(descriptor)
                throw Failure(description: "\(directory): cannot lock the directory: \(Self.reason(failure))")
            }
            guard clock.now < deadline else {
                close(descriptor)
                throw Failure(
                    description: "\(directory): another mailzone apply is writing in this directory;"
                        + " waited \(Int(timeout)) s — try again when it has finished")
            }
            do {
                try await Task.sleep(until: min(clock.now.advanced(by: pause), deadline), clock: clock)
            } catch {
                close(descriptor)
                throw Failure(description: "\(directory): cancelled while waiting for another mailzone apply")
            }
            pause = min(pause * 2, .milliseconds(100))
        }
        return ZoneLock(directory: directory, descriptor: descriptor)
    }

    /// Takes the locks of `directories`, each once, one after the other in sorted order: two applies
    /// that need some of the same directories take them in the same order, so neither can hold one
    /// that the other holds while waiting for one the other has.
    public static func acquire(
        directories: some Sequence<String>, timeout: TimeInterval = 30
    ) async throws(Failure) -> [ZoneLock] {
        var locks: [ZoneLock] = []
        for directory in Set(directories).sorted() {
            locks.append(try await acquire(directory: directory, timeout: timeout))
        }
        return locks
    }

    /// The directory that holds the file `path` really is: the directory of its resolved path.
    public static func physicalDirectory(of path: String) -> String {
        FilePaths.directory(of: FilePaths.resolved(path))
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
