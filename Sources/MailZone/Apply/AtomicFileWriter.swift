import Foundation
import ZoneFile

/// Writes files so that a reader (or a crash) only ever sees the old content or
/// the new, never a mix: each new text goes to a temporary file beside the file it
/// replaces, is given that file's owner, group and mode, flushed to disk, then
/// renamed over it; the directory is flushed last.
///
/// A path that is a symbolic link is written through: the temporary file goes beside
/// the link's target and is renamed over the target, so the link stays and the server
/// that reads the target sees the new text. A file with several hard links is refused:
/// renaming over one name would leave the others with the old text.
///
/// Everything that can be checked is checked for every file before the first temporary
/// file is made (links, owner and group), and all temporary files are written before the
/// first rename, so a zone whose edits span several files fails before any of them is
/// replaced in every case but a failing rename itself. SIGINT, SIGTERM or SIGHUP while
/// temporary files exist removes them (`InterruptCleanup`).
///
/// An edited text may carry the SHA-256 of the file it was edited from. Just before the first rename,
/// every such file is read again and must still have that digest: another program that wrote it after
/// mailzone read it (an editor saving while the user looks at the plan, `sed -i`, a deploy script)
/// would otherwise lose its change without a word. The content is compared, not the modification time
/// or the inode: a write in place at the same length, within the file system's clock tick, changes
/// neither the size nor the time.
///
/// A saved plan (`plan --out`) is written the same way, from text produced piece by piece, and
/// may be a new file (`write(_:producing:)`).
public struct AtomicFileWriter: Sendable {
    /// Test hook: a rename that fails, to prove the original stays whole.
    public var failRename: (@Sendable (String) -> Bool)?
    /// Test hook: seconds to wait after the temporary files are written and before the first
    /// rename, so a test can signal a real process in that window. From
    /// `MAILZONE_TEST_HOLD_BEFORE_RENAME` by default; 0 (no wait) otherwise.
    public var holdBeforeRename: TimeInterval

    public init(
        failRename: (@Sendable (String) -> Bool)? = nil,
        holdBeforeRename: TimeInterval = AtomicFileWriter.holdFromEnvironment
    ) {
        self.failRename = failRename
        self.holdBeforeRename = holdBeforeRename
    }

    /// `MAILZONE_TEST_HOLD_BEFORE_RENAME`, in seconds (at most 60).
    public static var holdFromEnvironment: TimeInterval {
        guard let text = ProcessInfo.processInfo.environment["MAILZONE_TEST_HOLD_BEFORE_RENAME"],
            let seconds = TimeInterval(text), seconds > 0
        else { return 0 }
        return min(seconds, 60)
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        /// The file no longer has the content its new text was made from; no file was replaced.
        public var changedSinceRead = false
        public var description: String { "\(path): \(reason); the file was not changed" }

        public init(path: String, reason: String, changedSinceRead: Bool = false) {
            self.path = path
            self.reason = reason
            self.changedSinceRead = changedSinceRead
        }
    }

    /// A file to replace: its path as the plan shows it, where it really is, and what it is now
    /// (nil for a file that does not exist yet).
    private struct Target {
        var path: String
        var physical: String
        var status: stat?
        var content: Content
        /// The SHA-256 (hex) of the file the content was made from, which the file must still have.
        var readDigest: String?
    }

    /// A file's new content: a text at hand (an edited one written as its old stretches and its edits,
    /// never copied whole), or text a producer hands over piece by piece (a saved plan, kept as its
    /// zones' JSON until written), so it is never held twice.
    private enum Content {
        case text(EditedText)
        case pieces(((String) -> Void) throws -> Void)
    }

    /// Replaces each file's content. On failure, every file not yet renamed keeps its old content
    /// and every temporary file is removed.
    public func write(_ files: [(path: String, bytes: [UInt8])]) throws(Failure) {
        try write(texts: files.map { ($0.path, EditedText($0.bytes)) })
    }

    /// Replaces each file's content with an edited text, written piece by piece; as `write(_:)`.
    public func write(texts files: [(path: String, text: EditedText)]) throws(Failure) {
        try write(texts: files.map { (path: $0.path, text: $0.text, readDigest: nil) })
    }

    /// Replaces each file's content with an edited text, as `write(texts:)`; a file with a `readDigest`
    /// (the SHA-256 in hex of the text it was read as) is replaced only if it still has that content.
    /// Otherwise no file is replaced, and the failure is `changedSinceRead`.
    public func write(texts files: [(path: String, text: EditedText, readDigest: String?)]) throws(Failure) {
        var targets: [Target] = []
        for file in files {
            targets.append(try target(file.path, content: .text(file.text), readDigest: file.readDigest))
        }
        try replace(targets)
    }

    /// Writes one file from the text `produce` hands to its argument, piece by piece; a file that
    /// does not exist yet is made with mode 0644 less the umask, as `open(2)` would make it. When
    /// `produce` throws, the file is not changed and the error is the failure's reason.
    public func write(_ path: String, producing produce: ((String) -> Void) throws -> Void) throws(Failure) {
        try withoutActuallyEscaping(produce) { produce throws(Failure) in
            try replace([try target(path, content: .pieces(produce), creating: true)])
        }
    }

    private func replace(_ targets: [Target]) throws(Failure) {
        var seen = Set<String>()
        for target in targets {
            guard seen.insert(target.physical).inserted else {
                throw Failure(
                    path: target.path,
                    reason: "it is \(target.physical), which another path of this apply writes too")
            }
        }
        let cleanup = InterruptCleanup(count: targets.count)
        defer { cleanup.end() }
        var staged: [(temporary: String, index: Int)] = []
        defer {
            for entry in staged {
                unlink(entry.temporary)
                cleanup.release(entry.index)
            }
        }
        for (index, target) in targets.enumerated() {
            staged.append((try stage(target, cleanup: cleanup, slot: index), index))
        }
        if holdBeforeRename > 0 { usleep(useconds_t(holdBeforeRename * 1_000_000)) }
        // As late as can be: after the approval, the temporary files and the test hold.
        for target in targets {
            if let digest = target.readDigest { try confirmUnchanged(target, digest: digest) }
        }
        var renamed: [String] = []
        while let entry = staged.first {
            let target = targets[entry.index]
            let simulated = failRename?(target.path) == true
            if simulated || rename(entry.temporary, target.physical) != 0 {
                let reason = simulated ? "rename failed (simulated)" : String(cString: strerror(errno))
                let done = renamed.isEmpty ? "" : " (already written: \(renamed.joined(separator: ", ")))"
                throw Failure(path: target.path, reason: "cannot replace the file: \(reason)\(done)")
            }
            staged.removeFirst()
            cleanup.release(entry.index)
            renamed.append(target.path)
            syncDirectory(of: target.physical)
        }
    }

    /// Throws `changedSinceRead` unless the file `target` replaces still has the SHA-256 `digest`.
    private func confirmUnchanged(_ target: Target, digest: String) throws(Failure) {
        let now: SourceFile
        do {
            now = try SourceFile.read(path: target.physical)
        } catch {
            throw Failure(
                path: target.path,
                reason: "cannot read it again to see that no other program changed it: \(error.reason)")
        }
        guard Digest.sha256(now.bytes) == digest, !now.bytes.wasCut else {
            throw Failure(
                path: target.path, reason: "another program changed it after mailzone read it", changedSinceRead: true)
        }
    }

    /// Where `path` really is (links followed) and its status; refuses a file with other hard links
    /// and one whose owner or group this process cannot give the new text. With `creating`, a
    /// missing file is a new one in its directory (which must exist).
    private func target(
        _ path: String, content: Content, readDigest: String? = nil, creating: Bool = false
    ) throws(Failure) -> Target {
        guard let resolved = realpath(path, nil) else {
            guard creating, errno == ENOENT else {
                throw Failure(path: path, reason: "cannot find the file: \(String(cString: strerror(errno)))")
            }
            guard let directory = realpath(FilePaths.directory(of: path), nil) else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            let physical = String(cString: directory) + "/" + (path as NSString).lastPathComponent
            free(directory)
            return Target(path: path, physical: physical, status: nil, content: content, readDigest: readDigest)
        }
        let physical = String(cString: resolved)
        free(resolved)
        var status = stat()
        guard stat(physical, &status) == 0 else {
            throw Failure(path: path, reason: "cannot read its permissions: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(path: path, reason: "it is not a regular file")
        }
        if status.st_nlink > 1 {
            throw Failure(
                path: path,
                reason: "it has \(status.st_nlink) hard links, and replacing it would leave the other"
                    + " names with the old text; make the other names symbolic links to it (ln -sf), then apply again")
        }
        if let problem = FileOwnership.problem(keeping: status) {
            let owners = "\(FileOwnership.userName(status.st_uid)):\(FileOwnership.groupName(status.st_gid))"
            throw Failure(
                path: path, reason: "\(problem) (the file is \(owners) \(String(status.st_mode & 0o7777, radix: 8)))")
        }
        return Target(path: path, physical: physical, status: status, content: content, readDigest: readDigest)
    }

    /// Writes the target's new bytes to a new temporary file beside it, with its owner, group and mode, flushed.
    private func stage(_ target: Target, cleanup: InterruptCleanup, slot: Int) throws(Failure) -> String {
        let directory = FilePaths.directory(of: target.physical)
        let name = (target.physical as NSString).lastPathComponent
        let template = cleanup.slot(slot, template: directory + "/.\(name).mailzone-XXXXXX")
        let descriptor = mkstemp(template)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            cleanup.release(slot)
            throw Failure(path: target.path, reason: "cannot create a temporary file in \(directory): \(reason)")
        }
        let temporary = String(cString: template)
        var failure: String? = nil
        switch target.content {
        case .text(let text):
            text.forEachPiece { piece in
                failure = Self.writeAll(UnsafeRawBufferPointer(piece), to: descriptor)
                return failure == nil
            }
            // A mapped old text cut short by another program reads zeros past the cut (`SourceBytes.wasCut`).
            if text.original.wasCut {
                failure = "the file was cut short while it was read (another program truncated it); run again"
            }
        case .pieces(let produce):
            do {
                try produce { piece in
                    guard failure == nil else { return }
                    var piece = piece
                    failure = piece.withUTF8 { Self.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
                }
            } catch {
                failure = failure ?? "\(error)"
            }
        }
        let mode: mode_t
        if let status = target.status {
            mode = status.st_mode & 0o7777
            // Owner and group first: changing them clears the setuid and setgid bits, which the mode then restores.
            if failure == nil, fchown(descriptor, status.st_uid, status.st_gid) != 0 {
                let reason = String(cString: strerror(errno))
                failure =
                    "cannot keep owner \(FileOwnership.userName(status.st_uid))"
                    + " and group \(FileOwnership.groupName(status.st_gid)): \(reason)"
            }
        } else {
            mode = 0o644 & ~FileOwnership.creationMask()
        }
        if failure == nil, fchmod(descriptor, mode) != 0 {
            failure = "cannot set permissions: \(String(cString: strerror(errno)))"
        }
        if failure == nil, fsync(descriptor) != 0 {
            failure = "cannot flush to disk: \(String(cString: strerror(errno)))"
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            cleanup.release(slot)
            throw Failure(path: target.path, reason: failure)
        }
        return temporary
    }

    /// Writes all of `buffer` to `descriptor` (retrying short and interrupted writes); the reason on failure.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var written = 0
        while written < buffer.count {
            let result = Foundation.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return "cannot write: \(String(cString: strerror(errno)))"
            }
            written += result
        }
        return nil
    }

    private func syncDirectory(of path: String) {
        let descriptor = open(FilePaths.directory(of: path), O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}
