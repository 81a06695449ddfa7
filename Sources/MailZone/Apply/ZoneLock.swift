import Foundation
import ZoneFile

/// An exclusive lock for the length of an apply, so two applies on one zone
/// cannot interleave: the second waits (up to a bound) and then plans on what the
/// first wrote, or gives up with a clear error.
///
/// The lock is `flock(2)` on the zone file's directory: a lock on the file itself
/// would stay on the old inode once apply renames the new text over it, and a
/// lock file would litter the repository. The kernel releases it if the process dies.
public final class ZoneLock {
    public let directory: String
    private let descriptor: Int32

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Takes the lock for the zone file `zonePath`, waiting up to `timeout` seconds.
    public init(zonePath: String, timeout: TimeInterval = 30) throws(Failure) {
        directory = FilePaths.directory(of: zonePath)
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "\(directory): cannot open the zone's directory to lock it: \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw Failure(description: "\(zonePath): another mailzone apply is writing in \(directory); waited \(Int(timeout)) s — try again when it has finished")
            }
            usleep(50_000)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
