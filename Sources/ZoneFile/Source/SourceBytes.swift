import Foundation

/// The bytes of a zone file's text: held in memory, or a read-only mapping of the file.
///
/// A million-record zone file is tens of megabytes; held in memory it is as large again as the
/// structures read from it. A mapped file's pages come from the page cache as they are read, and a
/// reader that is done with a stretch gives its pages back (`releasePages(_:)`), so a load keeps
/// only the part of the file it is reading. Texts that are not files on disk (edited texts,
/// overrides, tests, standard input) and small files are held in memory (`SourceFile.read`).
///
/// Indexes run from 0 to `count`. Hot loops take the bytes with `withUnsafeBufferPointer`, which
/// keeps them alive (and mapped) for the duration of the call.
public struct SourceBytes: RandomAccessCollection, Sendable, Equatable {
    /// The bytes when held in memory (empty when mapped).
    private let array: [UInt8]
    /// The mapping when the bytes are a mapped file.
    private let mapping: FileMapping?

    public let count: Int

    /// Bytes held in memory.
    public init(_ bytes: [UInt8]) {
        array = bytes
        mapping = nil
        count = bytes.count
    }

    /// The bytes of a mapped file.
    init(mapping: FileMapping) {
        array = []
        self.mapping = mapping
        count = mapping.count
    }

    /// No bytes.
    public init() { self.init([]) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always)
    public subscript(position: Int) -> UInt8 {
        guard let mapping else { return array[position] }
        precondition(position >= 0 && position < count, "SourceBytes index out of range")
        return mapping.base[position]
    }

    /// Hands `body` the bytes, which stay valid (and mapped) until it returns.
    @inline(__always)
    public func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // `Array.withUnsafeBufferPointer` throws the typed error itself: no `Swift.Result` carries it out,
        // whose type a caller in another module (not specialised) looked up at run time on every call.
        guard let mapping else { return try array.withUnsafeBufferPointer(body) }
        return try withExtendedLifetime(mapping) { () throws(Failure) -> Result in
            try body(UnsafeBufferPointer(start: mapping.base, count: count))
        }
    }

    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        guard let mapping else { return try array.withContiguousStorageIfAvailable(body) }
        return try withExtendedLifetime(mapping) {
            try body(UnsafeBufferPointer(start: mapping.base, count: count))
        }
    }

    /// Whether the bytes are a mapping of the file rather than a copy in memory.
    public var isMapped: Bool { mapping != nil }

    /// Whether the mapped file was cut short (truncated by another program) while it was read: its bytes
    /// past the new end read as zeros (`MappedFileFaults`), so they are not the file's text.
    public var wasCut: Bool { mapping?.wasCut ?? false }

    /// Gives back the memory of the whole pages within `range` of a mapped file: they are read again
    /// from the page cache if used later, so the bytes do not change (a copy in memory is left alone).
    package func releasePages(_ range: Range<Int>) {
        mapping?.release(range)
    }

    /// How much a pass over the whole text reads before it gives the pages behind it back.
    package static let releaseStride = 1 << 20

    /// Hands `body` the text in pieces of at most `releaseStride` bytes, in order, giving back each piece's
    /// pages after `body` returns (see `releasePages(_:)`): a pass over a mapped file (a digest, a copy
    /// to disk) holds one piece of it at a time. `body` returns false to stop.
    package func forEachPiece(in range: Range<Int>? = nil, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        let range = range ?? 0..<count
        withUnsafeBufferPointer { buffer in
            var start = range.lowerBound
            while start < range.upperBound {
                let end = isMapped ? Swift.min(range.upperBound, start + Self.releaseStride) : range.upperBound
                let goOn = body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                releasePages(start..<end)
                guard goOn else { return }
                start = end
            }
        }
    }

    /// Gives a mapped file's pages back behind a reader that goes through the text in order (a load, a
    /// search), keeping the last `releaseStride` bytes before it: a pass over a large file holds a few
    /// megabytes of it, not all of it. Nothing to do for a text held in memory.
    package struct PagesBehind {
        private var released = 0

        package init() {}

        /// The reader is at `offset` of `bytes`.
        @inline(__always)
        package mutating func reader(at offset: Int, of bytes: SourceBytes) {
            guard offset - released >= 2 * SourceBytes.releaseStride else { return }
            bytes.releasePages(released..<(offset - SourceBytes.releaseStride))
            released = offset - SourceBytes.releaseStride
        }
    }

    /// Whether both hold the same bytes (compared by address first: most often one storage, the text
    /// edits were made against).
    public static func == (lhs: SourceBytes, rhs: SourceBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                guard let a = left.baseAddress, let b = right.baseAddress else { return true }
                return a == b || memcmp(a, b, left.count) == 0
            }
        }
    }
}
