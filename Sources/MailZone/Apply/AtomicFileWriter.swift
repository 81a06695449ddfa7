import Foundation
import ZoneFile

/// Writes files so that a reader (or a crash) only ever sees the old content or
/// the new, never a mix: each new text goes to a temporary file in the same
/// directory, is flushed to disk and given the original's permissions and owner,
/// then renamed over the original; the directory is flushed last.
///
/// All temporary files are written before the first rename, so a zone whose
/// edits span several files fails before any of them is replaced in every
/// case but a failing rename itself.
public struct AtomicFileWriter: Sendable {
    /// Test hook: a rename that fails, to prove the original stays whole.
    public var failRename: (@Sendable (String) -> Bool)?

    public init(failRename: (@Sendable (String) -> Bool)? = nil) {
        self.failRename = failRename
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason); the file was not changed" }
    }

    /// Replaces each file's content. On failure, every file not yet renamed keeps its old content
    /// and every temporary file is removed.
    public func write(_ files: [(path: String, bytes: [UInt8])]) throws(Failure) {
        var staged: [(temporary: String, path: String)] = []
        defer {
            for entry in staged { unlink(entry.temporary) }
        }
        for file in files {
            staged.append((try stage(file.bytes, beside: file.path), file.path))
        }
        var renamed: [String] = []
        for entry in staged {
            if failRename?(entry.path) == true || rename(entry.temporary, entry.path) != 0 {
                let reason = failRename?(entry.path) == true ? "rename failed (simulated)" : String(cString: strerror(errno))
                let done = renamed.isEmpty ? "" : " (already written: \(renamed.joined(separator: ", ")))"
                throw Failure(path: entry.path, reason: "cannot replace the file: \(reason)\(done)")
            }
            renamed.append(entry.path)
            syncDirectory(of: entry.path)
        }
        staged.removeAll()
    }

    /// Writes `bytes` to a new temporary file beside `path`, flushed, with `path`'s mode and owner.
    private func stage(_ bytes: [UInt8], beside path: String) throws(Failure) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Failure(path: path, reason: "cannot read its permissions: \(String(cString: strerror(errno)))")
        }
        let directory = FilePaths.directory(of: path)
        let name = (path as NSString).lastPathComponent
        var template = Array((directory + "/.\(name).mailzone-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String? = nil
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write: \(String(cString: strerror(errno)))"
                    return
                }
                written += result
            }
        }
        if failure == nil, fchmod(descriptor, status.st_mode & 0o7777) != 0 {
            failure = "cannot set permissions: \(String(cString: strerror(errno)))"
        }
        if failure == nil, getuid() == 0 {
            _ = fchown(descriptor, status.st_uid, status.st_gid)
        }
        if failure == nil, fsync(descriptor) != 0 {
            failure = "cannot flush to disk: \(String(cString: strerror(errno)))"
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw Failure(path: path, reason: failure)
        }
        return temporary
    }

    private func syncDirectory(of path: String) {
        let descriptor = open(FilePaths.directory(of: path), O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}
