import Foundation

/// The bytes of one zone file as read, the single source of truth for its syntax.
///
/// Everything else (entries, tokens, records) is described by offsets into
/// `bytes`, which keeps memory close to the file's size and makes printing the
/// file back trivially lossless.
public final class SourceFile: Sendable {
    /// Path as given to the loader (used in diagnostics).
    public let path: String
    public let bytes: [UInt8]
    /// Offsets where each line starts, computed on first use (diagnostics and record positions).
    private let lineStartsBox: LineStarts

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStartsBox = LineStarts(bytes: bytes)
    }

    /// Reads a file from disk. Directories, FIFOs, devices, unreadable and vanished files are
    /// errors that name the path; so is a file larger than `maxBytes`.
    public static func read(path: String, maxBytes: Int = Int(UInt32.max) - 1) throws(SourceReadError) -> SourceFile {
        // Open first and ask the descriptor what it is: no window between a check and the read.
        // O_NONBLOCK keeps open() of a FIFO from waiting forever for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw SourceReadError(path: path, reason: "no such file")
            case ENOTDIR:
                throw SourceReadError(path: path, reason: "no such file (a part of the path is not a directory)")
            default: throw SourceReadError(path: path, reason: "cannot be read: \(String(cString: strerror(code)))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SourceReadError(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw SourceReadError(path: path, reason: "is a directory, not a file")
        default: throw SourceReadError(path: path, reason: "is not a regular file (a FIFO, socket or device)")
        }
        guard Int(status.st_size) <= maxBytes else {
            throw SourceReadError(
                path: path,
                reason: "is \(status.st_size) bytes long; mailzone reads files of at most \(maxBytes) bytes",
                tooLarge: true)
        }
        let size = Int(status.st_size)
        var failure: String? = nil
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let result = Foundation.read(descriptor, buffer.baseAddress.map { $0 + done }, size - done)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = "read failed: \(String(cString: strerror(errno)))"
                    break
                }
                if result == 0 { break }  // the file shrank while being read
                done += result
            }
            count = done
        }
        if let failure { throw SourceReadError(path: path, reason: failure) }
        return SourceFile(path: path, bytes: bytes)
    }

    /// 1-based line and column (in bytes) of an offset.
    public func location(of offset: Int) -> SourceLocation {
        let starts = lineStartsBox.starts
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(starts[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + 1, column: offset - Int(starts[low]) + 1, offset: offset)
    }

    /// The text of a byte range, for messages (invalid UTF-8 shown with replacement characters).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// Lazily computed line table, shared safely between tasks.
final class LineStarts: Sendable {
    private let bytes: [UInt8]
    private let table = ComputedOnce<[UInt32]>()

    init(bytes: [UInt8]) { self.bytes = bytes }

    var starts: [UInt32] { table.value { Self.starts(of: bytes) } }

    /// The offset of each line's first byte.
    private static func starts(of bytes: [UInt8]) -> [UInt32] {
        // Counted first, so a million-line table is made once at its size rather than copied as it grows;
        // newlines found with memchr, which reads a word at a time.
        var result: [UInt32] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            func forEachNewline(_ body: (Int) -> Void) {
                var offset = 0
                while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                    let index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    body(index)
                    offset = index + 1
                }
            }
            var lines = 1
            forEachNewline { _ in lines += 1 }
            result.reserveCapacity(lines)
            result.append(0)
            forEachNewline { result.append(UInt32(truncatingIfNeeded: $0 + 1)) }
        }
        if result.isEmpty { result.append(0) }
        return result
    }
}

/// A position in a source file: 1-based line and byte column, 0-based byte offset.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, counted in bytes: a tab is one column, as BIND and compilers count.
    public var column: Int
    /// The byte offset in the file, from 0.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}

/// A zone file that could not be read at all.
public struct SourceReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The file is larger than the limit it was read with.
    public var tooLarge: Bool = false
    public var description: String { "\(path): error: \(reason)" }
}
