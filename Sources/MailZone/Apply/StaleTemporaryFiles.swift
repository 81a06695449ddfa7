import Foundation

/// Temporary files an interrupted apply left behind (`.NAME.mailzone-XXXXXX`, up to a zone's size),
/// found and removed by the next apply.
///
/// Every apply writes its temporary files only in directories it holds the lock of (`ZoneLock`),
/// so one found in a locked directory that is older than the lock belongs to no apply still
/// running. Only files owned by this process's user are removed: another user's are theirs to judge.
enum StaleTemporaryFiles {
    /// Removes the stale temporary files in `directory` modified before `locked`, and returns their paths.
    static func remove(in directory: String, olderThan locked: Date) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where isTemporaryName(name) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == geteuid() else {
                continue
            }
            let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
            guard modified < locked.timeIntervalSince1970, unlink(path) == 0 else { continue }
            removed.append(path)
        }
        return removed
    }

    /// `.NAME.mailzone-XXXXXX`, as `AtomicFileWriter` names them (`mkstemp` fills in six letters or digits).
    static func isTemporaryName(_ name: String) -> Bool {
        let marker = ".mailzone-"
        guard name.hasPrefix("."), let range = name.range(of: marker, options: .backwards),
            range.lowerBound > name.index(after: name.startIndex)
        else { return false }
        let suffix = name[range.upperBound...]
        return suffix.count == 6 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
