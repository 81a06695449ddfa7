import Foundation

/// The bytes of a zone file's text.
///
/// A million-record zone file is tens of megabytes; held in memory it is as large again as the
/// structures read from it. The text is reached through this type rather than as an array so that
/// how it is held (in memory, or mapped from the file) is the type's business, not its readers'.
///
/// Indexes run from 0 to `count`. Hot loops take the bytes with `withUnsafeBufferPointer`, which
/// keeps them alive for the duration of the call.
public struct SourceBytes: RandomAccessCollection, Sendable, Equatable {
    /// The bytes held in memory.
    private let array: [UInt8]

    /// Bytes held in memory.
    public init(_ bytes: [UInt8]) {
        array = bytes
    }

    /// No bytes.
    public init() { self.init([]) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { array.count }
    public var count: Int { array.count }

    @inline(__always)
    public subscript(position: Int) -> UInt8 { array[position] }

    /// Hands `body` the bytes, which stay valid until it returns.
    @inline(__always)
    public func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // `Array.withUnsafeBufferPointer` rethrows untyped; the typed error is carried out by hand.
        let outcome: Swift.Result<Result, Failure> = array.withUnsafeBufferPointer { buffer in
            do throws(Failure) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try array.withContiguousStorageIfAvailable(body)
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
