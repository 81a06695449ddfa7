import MailZone
import Synchronization

/// What the process holds until it exits, so that the memory is given back by the exit itself, all at once,
/// rather than object by object just before it.
///
/// A plan is a tree of many small allocations: the declaration's senders, each zone's plan items and the
/// texts of its edited files. Freeing those of a 20,000-sender zone (92 MB), right after its block is
/// written and when the declaration goes out of scope, took about 3% of the whole plan's CPU time.
/// The kernel takes back the pages of an exiting process in one step, so the commands keep the declaration
/// and the last zone planned here. Only the last zone: a repository of thousands of zones still gives each
/// zone's memory back when the next zone arrives, so memory holds one zone more than it would otherwise.
enum ProcessLifetime {
    private static let declaration = Mutex<Declaration?>(nil)
    private static let lastZone = Mutex<ZoneOutcome?>(nil)

    /// Keeps `declaration` until the process exits.
    static func keep(_ kept: Declaration) {
        declaration.withLock { $0 = kept }
    }

    /// `render`, keeping each zone it is given until the next one arrives, and the last until the process exits.
    static func keepingLast(_ render: @escaping (ZoneOutcome) -> String) -> (ZoneOutcome) -> String {
        { zone in
            // The zone kept before is given back here. One task hands the zones over: the lock is never contended.
            lastZone.withLock { $0 = zone }
            return render(zone)
        }
    }
}
