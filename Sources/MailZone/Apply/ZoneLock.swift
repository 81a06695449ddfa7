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
/// releases it if the process dies.
public final class ZoneLock {
    /// The locked directory, resolved.
    public let directory: String
    private let descriptor: Int32

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Takes the lock on `directory` (a resolved path), waiting up to `timeout` seconds.
    public init(directory: String, timeout: TimeInterval = 30) throws(Failure) {
        self.directory = directory
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Failure(description: "\(directory): cannot open the directory to lock it: \(reason)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw Failure(
                    description: "\(directory): another mailzone apply is writing in this directory;"
                        + " waited \(Int(timeout)) s — try again when it has finished")
            }
            usleep(50_000)
        }
        self.descriptor = descriptor
    }

    /// The directory that holds the file `path` really is: the directory of its resolved path.
    public static func physicalDirectory(of path: String) -> String {
        FilePaths.directory(of: FilePaths.resolved(path))
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
