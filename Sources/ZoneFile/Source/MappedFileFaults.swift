import Foundation
import Synchronization

/// A mapped file cut short under its reader: zero bytes instead of a crash, and a mark that says so.
///
/// Reading a page of a mapping past the end of its file raises SIGBUS, which ends the process. A file
/// is mapped only when it is a regular file, and its size is checked once mapped (`SourceFile.read`),
/// but another program can still truncate it while it is read (an editor that writes in place). While
/// a file is mapped, a handler of SIGBUS looks the faulting address up among the live mappings: inside
/// one, it puts zero-filled pages over the rest of that mapping and marks it cut, and the read goes on
/// (`SourceBytes.wasCut`: the loader reports the file unreadable, the writer refuses to write from it).
/// Any other SIGBUS goes to the handler there was before (the runtime's crash report, or the default).
enum MappedFileFaults {
    /// Mappings watched at once; a file mapped when all are taken is read into memory instead.
    static let capacity = 64

    /// Three words a slot: the mapping's first address (0: a free slot), its end, and 1 once cut.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<Atomic<UInt>> = {
        let slots = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: 3 * capacity)
        for index in 0..<(3 * capacity) { (slots + index).initialize(to: Atomic(0)) }
        return slots
    }()

    /// The handler SIGBUS had before this one, given the signal back for addresses of no mapping.
    nonisolated(unsafe) private static var previous = sigaction()

    nonisolated(unsafe) private static var pageSize: UInt = 4096

    /// Installs the handler, once.
    private static let installed: Bool = {
        pageSize = UInt(max(4096, Int(sysconf(Int32(_SC_PAGESIZE)))))
        _ = slots
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, context in
            if let address = info?.pointee._sifields._sigfault.si_addr,
                MappedFileFaults.cover(UInt(bitPattern: address))
            {
                return
            }
            // Not a mapped zone file: the previous handler takes the signal when the access faults again.
            sigaction(SIGBUS, &MappedFileFaults.previous, nil)
        }
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        sigemptyset(&action.sa_mask)
        return sigaction(SIGBUS, &action, &previous) == 0
    }()

    /// Watches a mapping of `count` bytes at `base`; its slot, or nil when none is free.
    static func watch(_ base: UnsafeRawPointer, count: Int) -> Int? {
        guard installed else { return nil }
        let start = UInt(bitPattern: base)
        for slot in 0..<capacity
        where slots[3 * slot].compareExchange(
            expected: 0, desired: start, ordering: .acquiringAndReleasing
        ).exchanged {
            slots[3 * slot + 2].store(0, ordering: .releasing)
            slots[3 * slot + 1].store(start + UInt(count), ordering: .releasing)
            return slot
        }
        return nil
    }

    /// Stops watching the mapping in `slot` (before it is unmapped).
    static func unwatch(_ slot: Int) {
        slots[3 * slot + 1].store(0, ordering: .releasing)
        slots[3 * slot].store(0, ordering: .releasing)
    }

    /// Whether the mapping in `slot` was cut short while read.
    static func wasCut(_ slot: Int) -> Bool {
        slots[3 * slot + 2].load(ordering: .acquiring) != 0
    }

    /// In the handler: when `address` is inside a watched mapping, zero-filled pages from its page to the
    /// mapping's end, the mapping marked cut; false when it is inside none.
    private static func cover(_ address: UInt) -> Bool {
        for slot in 0..<capacity {
            let start = slots[3 * slot].load(ordering: .acquiring)
            guard start != 0, start <= address else { continue }
            let end = slots[3 * slot + 1].load(ordering: .acquiring)
            guard address < end else { continue }
            let page = address & ~(pageSize - 1)
            let zeros = mmap(
                UnsafeMutableRawPointer(bitPattern: page), Int(end - page), PROT_READ,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            guard zeros != MAP_FAILED else { return false }
            slots[3 * slot + 2].store(1, ordering: .releasing)
            return true
        }
        return false
    }
}
