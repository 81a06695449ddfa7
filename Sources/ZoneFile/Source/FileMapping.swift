import Foundation

/// A read-only private mapping of a whole regular file, unmapped when the last `SourceBytes` on it goes.
///
/// The mapping's pages are the page cache's: reading one costs a minor fault, not a copy, and
/// `release(_:)` drops pages from this process's memory (they are read again from the page cache
/// if used later), which a copy in memory cannot do.
final class FileMapping: @unchecked Sendable {
    // Sendable: the mapping is read-only and never changes after `init`; `release` only tells the kernel
    // that pages may be dropped, which later reads see as the same bytes.
    let base: UnsafePointer<UInt8>
    let count: Int
    /// The mapping's slot in `MappedFileFaults`, which keeps a truncation of the file from ending the process.
    private let slot: Int

    private init(base: UnsafePointer<UInt8>, count: Int, slot: Int) {
        self.base = base
        self.count = count
        self.slot = slot
    }

    /// Maps the first `count` bytes of the open file `descriptor`; nil when `count` is 0 or the file
    /// system cannot map the file.
    static func map(descriptor: Int32, count: Int) -> FileMapping? {
        guard count > 0 else { return nil }
        let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { return nil }
        guard let slot = MappedFileFaults.watch(address, count: count) else {
            munmap(address, count)
            return nil
        }
        return FileMapping(base: UnsafePointer(address.assumingMemoryBound(to: UInt8.self)), count: count, slot: slot)
    }

    /// The size of a memory page.
    private static let pageSize: Int = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))

    /// Drops the whole pages inside `range` from this process's memory (see `SourceBytes.releasePages`).
    func release(_ range: Range<Int>) {
        let page = FileMapping.pageSize
        let start = (max(0, range.lowerBound) + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    /// Whether the file was cut short while mapped: the bytes past its new end read as zeros.
    var wasCut: Bool { MappedFileFaults.wasCut(slot) }

    deinit {
        MappedFileFaults.unwatch(slot)
        munmap(UnsafeMutableRawPointer(mutating: base), count)
    }
}
