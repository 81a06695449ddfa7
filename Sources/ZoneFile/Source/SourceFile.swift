import Foundation
import Synchronization

/// The bytes of one zone file as read, the single source of truth for its syntax.
///
/// Everything else (entries, tokens, records) is described by offsets into
/// `bytes`, which keeps memory close to the file's size and makes printing the
/// file back trivially lossless.
public final class SourceFile: Sendable {
    /// Path as given to the loader (used in diagnostics).
    public let path: String
    /// The text; for a re-read's window (`rest` set), only its first part.
    public let bytes: SourceBytes
    /// Newlines before each block of the text counted so far, block 0 first (`LineStarts`), counted on
    /// first use (diagnostics and record positions). Kept here, not in an object of its own: a load of
    /// a small zone made one for its file and one for the re-read's window.
    private let lineCounts = Mutex<[UInt32]>([0])
    /// For a re-read's window of an edited text: the old file whose text the rest is, unchanged, and
    /// the new offset minus the old one there (see `init(window:path:rest:shift:)`).
    private let rest: (source: SourceFile, shift: Int)?
    /// The length of the whole text: `bytes.count`, or for a window that and the rest's.
    package let length: Int
    /// `LoadOptions.fingerprint` of `bytes`, taken as the file was read, before any of it was parsed;
    /// nil when the load asked for none.
    package let fingerprint: String?

    public convenience init(path: String, bytes: SourceBytes) {
        self.init(path: path, bytes: bytes, fingerprint: nil)
    }

    /// A file read with its fingerprint (`LoadOptions.fingerprint`).
    package init(path: String, bytes: SourceBytes, fingerprint: String?) {
        self.path = path
        self.bytes = bytes
        self.rest = nil
        self.length = bytes.count
        self.fingerprint = fingerprint
    }

    /// A text held in memory (an edited text, a test's, standard input).
    public convenience init(path: String, bytes: [UInt8]) {
        self.init(path: path, bytes: SourceBytes(bytes))
    }

    /// A window on an edited text (`ZoneLoader.reread`): `head`, its first bytes, holds every edit;
    /// from its end on the text is `rest`'s, unchanged, at old offsets `shift` bytes lower. Positions
    /// past the head are counted in `rest`, so a re-read that steps over the unchanged text places its
    /// diagnostics as reading the whole text would, and no copy of that text is made.
    package init(window head: [UInt8], path: String, rest: SourceFile, shift: Int) {
        self.path = path
        self.bytes = SourceBytes(head)
        self.rest = (rest, shift)
        self.length = rest.length + shift
        self.fingerprint = nil
    }

    /// Files at least this long are mapped rather than copied into memory (`read(path:maxBytes:)`).
    public static let mappingThreshold = 1 << 20

    /// Reads a file from disk. Directories, FIFOs, devices, unreadable and vanished files are
    /// errors that name the path; so is a file larger than `maxBytes`.
    ///
    /// A regular file of at least `mappingThreshold` bytes is mapped (read-only, private), so its
    /// pages are the page cache's and readers give them back behind them (`SourceBytes`); a smaller
    /// file, an empty one and one the file system cannot map are copied into memory. The size is
    /// checked again once mapped: a file cut short in between is read instead.
    public static func read(path: String, maxBytes: Int = Int(UInt32.max) - 1) throws(SourceReadError) -> SourceFile {
        try read(path: path, maxBytes: maxBytes, mappingFrom: mappingThreshold)
    }

    /// `read(path:maxBytes:)`, mapping files of at least `mappingFrom` bytes (tests map small files).
    package static func read(path: String, maxBytes: Int = Int(UInt32.max) - 1, mappingFrom: Int)
        throws(SourceReadError) -> SourceFile
    {
        // Open first and ask the descriptor what it is: no window between a check and the read.
        // O_NONBLOCK keeps open() of a FIFO from waiting forever for a writer. The path is handed over in
        // place (`withCString`): passed as a `String`, it was copied into an array made for the call.
        let descriptor = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
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
        if size >= mappingFrom, let mapping = FileMapping.map(descriptor: descriptor, count: size) {
            var again = stat()
            if fstat(descriptor, &again) == 0, again.st_size == status.st_size {
                return SourceFile(path: path, bytes: SourceBytes(mapping: mapping))
            }
        }
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
        guard let rest, offset > bytes.count else {
            return LineStarts.location(of: offset, in: bytes, counted: lineCounts)
        }
        // Past the head: the lines of the rest from the head's end, added to the head's.
        let headEnd = LineStarts.location(of: bytes.count, in: bytes, counted: lineCounts)
        let restStart = rest.source.location(of: bytes.count - rest.shift)
        let inRest = rest.source.location(of: offset - rest.shift)
        guard inRest.line > restStart.line else {
            return SourceLocation(line: headEnd.line, column: headEnd.column + offset - bytes.count, offset: offset)
        }
        return SourceLocation(line: headEnd.line + inRest.line - restStart.line, column: inRest.column, offset: offset)
    }

    /// The text of a byte range, for messages (invalid UTF-8 shown with replacement characters).
    public func text(_ range: Range<Int>) -> String {
        guard let rest, range.upperBound > bytes.count else { return String(decoding: bytes[range], as: UTF8.self) }
        var text = Array(bytes[min(range.lowerBound, bytes.count)..<bytes.count])
        text += rest.source.bytes[(max(range.lowerBound, bytes.count) - rest.shift)..<(range.upperBound - rest.shift)]
        return String(decoding: text, as: UTF8.self)
    }
}

/// The newlines of a file, counted as far as positions are asked and shared safely between tasks:
/// how many come before each block of `blockSize` bytes. A line and column are then the block's count
/// plus the newlines between the block's start and the offset. A table of every line's start would be
/// 4 bytes a line (4 MB for a million-record zone) and a pass over the whole file, when a load asks
/// for a handful of positions, most of them near the top (the SOA, the apex records).
enum LineStarts {
    /// Bytes a block: a position costs counting the newlines of at most one block (64 words), so a caller
    /// that builds tens of thousands of records with their lines pays little more than a table lookup;
    /// the counts take a 128th of the file's size once counted to its end.
    static let blockSize = 512

    /// The 1-based line and byte column of `offset` in `bytes` (an offset past the end is on the last
    /// line); `counted` holds the newlines before each block's first byte for the blocks counted so far
    /// (block 0 first; `[0]` before any), and is extended as far as `offset`.
    static func location(
        of offset: Int, in bytes: SourceBytes, counted: borrowing Mutex<[UInt32]>
    ) -> SourceLocation {
        let end = min(max(0, offset), bytes.count)
        let block = end / Self.blockSize
        let blockStart = block * Self.blockSize
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return SourceLocation(line: 1, column: offset + 1, offset: offset)
            }
            let (before, holding) = counted.withLock { counts in
                while counts.count <= block, let last = counts.last {
                    let start = (counts.count - 1) * Self.blockSize
                    let newlines = Self.newlines(in: UnsafeBufferPointer(start: base + start, count: Self.blockSize))
                    counts.append(last + UInt32(truncatingIfNeeded: newlines))
                }
                return (counts[block], Self.lastBlockWithNewline(before: block, counts: counts))
            }
            let line =
                Int(before) + Self.newlines(in: UnsafeBufferPointer(start: base + blockStart, count: end - blockStart))
            // The line starts after the last newline before the offset: in this block, else in the last
            // block before it that holds one.
            var lineStart = 0
            if let newline = Self.lastNewline(base, in: blockStart..<end) {
                lineStart = newline + 1
            } else if let holding {
                let start = holding * Self.blockSize
                lineStart = (Self.lastNewline(base, in: start..<(start + Self.blockSize)) ?? -1) + 1
            }
            return SourceLocation(line: line + 1, column: offset - lineStart + 1, offset: offset)
        }
    }

    /// The last block before `block` that holds a newline: the one before the first block with `block`'s
    /// count (counts never go down); nil when no newline comes before `block`.
    private static func lastBlockWithNewline(before block: Int, counts: [UInt32]) -> Int? {
        guard counts[block] > 0 else { return nil }
        var low = 0
        var high = block
        while low < high {
            let middle = (low + high) / 2
            if counts[middle] < counts[block] { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// The offset of the last newline in `range` of the bytes at `base`, if any.
    private static func lastNewline(_ base: UnsafePointer<UInt8>, in range: Range<Int>) -> Int? {
        var index = range.upperBound
        while index > range.lowerBound {
            index -= 1
            if base[index] == 0x0A { return index }
        }
        return nil
    }

    /// The newlines in `buffer`, eight bytes at a time: a byte equal to `\n` becomes a zero byte, and
    /// each zero byte is marked by its top bit alone (exactly: no carry crosses a byte), then counted.
    static func newlines(in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0
        var index = 0
        while index + 8 <= buffer.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            count += (~(((word & low) &+ low) | word | low)).nonzeroBitCount
            index += 8
        }
        while index < buffer.count {
            if base[index] == 0x0A { count += 1 }
            index += 1
        }
        return count
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
